"""A criterion needs a target for every year of the plan period. Rum for Liv set its criteria
for 2013 only, in a plan running 2013-2016, and promised to write the goals for 2014 later
(rum-for-liv-2012); a plan whose later years have no targets cannot be followed up year by
year in the målopfyldelsesskema. The finding names the missing years. A plan year is a
calendar year the period covers for at least success.target_year_min_days days (rule pack, half
a year): a period 2013-01-15 .. 2017-01-14 needs targets for 2013-2016. A criterion without any
mål is SUC004; a year written with a value that is not a number is a schema error (PLN).
A period that starts and ends inside a calendar year (2021-07-01 .. 2025-06-30) touches one
more calendar year than it has plan years; a target for either end year then counts for both,
so {2021..2024} and {2022..2025} are both complete.

Dansk:
Et succeskriterium skal have et mål for hvert år i planperioden. Rum for Liv satte kun
kriterier for 2013 i en plan for 2013-2016 og lovede at fastsætte målene for 2014 senere
(rum-for-liv-2012); en plan uden mål for de senere år kan ikke følges år for år i
målopfyldelsesskemaet. Fundet nævner de manglende år. Et planår er et kalenderår, som perioden
dækker i mindst success.target_year_min_days dage (regelpakken, et halvt år): en periode
2013-01-15 .. 2017-01-14 skal have mål for 2013-2016. Et kriterium helt uden mål er SUC004; et
år med en værdi, der ikke er et tal, er en formatfejl (PLN). En periode, der begynder og
slutter midt i et kalenderår (2021-07-01 .. 2025-06-30), rører ét kalenderår mere, end den har
planår; et mål for det ene af de to yderår tæller da for begge, så både {2021..2024} og
{2022..2025} er komplette.
"""

from planlint import Example, join, rule

from .criteria import (
    absent,
    criterion_name,
    each_criterion,
    partial_ends,
    target_years,
    terms,
    years_without_target,
)

_CRITERION = "indsatsområder[0].aktiviteter[0].succeskriterier[0]"


@rule(
    code="SUC008",
    severity="warning",
    basis="erfaring",
    title=("Succeskriteriet mangler mål for nogle planår", "The success criterion lacks targets for some plan years"),
    sources=(
        ("rum-for-liv-2012", "5.1.1 Forældre og læring and the other boxes: \"Succeskriterier (2013)\" "
         "only"),
        ("rum-for-liv-2012", "6 Overordnet milepælsplan: \"Milepæle, mål mv. for 2014 udarbejdet og "
         "godkendt\""),
    ),
    bad=Example(at=_CRITERION, yaml="mål: {2021: 25}", note="Only the first plan year has a target"),
    good=Example(at=_CRITERION, yaml="mål: {2021: 25, 2022: 30, 2023: 35, 2024: 40}"),
)
def check(plan, ctx):
    years = target_years(plan, terms(ctx))
    ends = partial_ends(plan)
    for _area, activity, index, criterion in each_criterion(plan):
        # no mål at all is SUC004; a mål that is no mapping is a schema error (PLN)
        if criterion.targets is None or absent(ctx, criterion, "mål"):
            continue
        if criterion.period_target is not None:
            continue  # (1.1) one target for the whole period: no year is missing
        missing = [year for year in years_without_target(criterion, years, ends)
                   if absent(ctx, criterion, "mål", str(year))]  # a bad value there is PLN
        if not missing:
            continue
        yield ctx.finding(
            criterion, "mål", str(missing[0]),
            da=f"{criterion_name(activity, index, criterion, 'da')}: Succeskriteriet mangler mål "
               f"for {join(missing, 'da')}. Tilføj et tal for {'hvert af årene' if len(missing) > 1 else 'året'} "
               "under `mål`.",
            en=f"{criterion_name(activity, index, criterion, 'en')}: The success criterion has no "
               f"target for {join(missing, 'en')}. Add a number for {'each of these years' if len(missing) > 1 else 'that year'} "
               "under `mål`.",
        )
