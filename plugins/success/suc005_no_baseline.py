"""A criterion needs a baseline: the level before the plan starts. Without it a target of 40
says nothing about progress, and the result cannot be shown at the end. Fra Hærværk til
Netværk set 50 % and 70 % reduction goals with no baseline and no registration, and could not
say whether they were met (haervaerk-netvaerk-2012). A baseline without a værdi counts as missing.
A warning: LBF does not demand it in so many words, but the evaluation needs it.

Dansk:
Et succeskriterium skal have en baseline: niveauet, før planen begynder. Uden den siger et mål
på 40 intet om fremgang, og resultatet kan ikke dokumenteres til sidst. Fra Hærværk til
Netværk satte mål om 50 % og 70 % reduktion uden baseline og uden registrering og kunne ikke
sige, om de blev nået (haervaerk-netvaerk-2012). En baseline uden 'værdi' tæller som manglende.
En advarsel: LBF kræver det ikke ordret, men evalueringen har brug for det.
"""

from planlint import Example, rule

from .criteria import absent, criterion_name, each_criterion, has_baseline

_CRITERION = "indsatsområder[0].aktiviteter[0].succeskriterier[0]"


@rule(
    code="SUC005",
    severity="warning",
    basis="erfaring",
    title=("Succeskriteriet mangler en baseline", "The success criterion has no baseline"),
    sources=(
        ("haervaerk-netvaerk-2012", "7.1 Delmål: registreringerne \"har ikke været kontinuerlige\" og "
         "kan ikke påvise målopfyldelsen"),
    ),
    bad=Example(at=_CRITERION, remove=("baseline",)),
    good=Example(at=_CRITERION, yaml="baseline: {værdi: 20, år: 2020, kilde: Jobcentrets opgørelse 2020}"),
)
def check(plan, ctx):
    for _area, activity, index, criterion in each_criterion(plan):
        if has_baseline(criterion):
            continue
        name_da = criterion_name(activity, index, criterion, "da")
        name_en = criterion_name(activity, index, criterion, "en")
        if criterion.baseline is None:
            if absent(ctx, criterion, "baseline"):  # else: a rejected value, reported as PLN
                yield ctx.finding(
                    criterion, "baseline",
                    da=f"{name_da}: Succeskriteriet mangler en baseline. Tilføj `baseline` med "
                       "niveauet før planen, fx {værdi: 20, år: 2020, kilde: Jobcentrets opgørelse}.",
                    en=f"{name_en}: The success criterion has no baseline. Add `baseline` with the "
                       "level before the plan, e.g. {værdi: 20, år: 2020, kilde: Jobcentrets opgørelse}.",
                )
        elif absent(ctx, criterion, "baseline", "værdi"):
            yield ctx.finding(
                criterion, "baseline", "værdi",
                da=f"{name_da}: Baseline har ingen værdi. Tilføj `værdi` med niveauet før planen "
                   "under `baseline`.",
                en=f"{name_en}: The baseline has no value. Add `værdi` with the level before the "
                   "plan under `baseline`.",
            )
