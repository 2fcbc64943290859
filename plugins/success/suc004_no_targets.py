"""A criterion needs numeric targets (mål). Without a number there is nothing to reach and
nothing to report on: the reduction goals of Fra Hærværk til Netværk could not be assessed at
the end (haervaerk-netvaerk-2012), and the CFBU review found goals missed for lack of measurement
(cfbu-overblik-2006-2010). A mål that is not a number is a schema error (PLN); this rule reports a
criterion that has no mål at all.
LBF asks for "mål og indikatorer" (lbf-boligsociale-indsatser) but not for this structure in the
plan: basis anbefaling, a warning.

Dansk:
Et succeskriterium skal have talmål (mål). Uden et tal er der intet at nå og intet at
rapportere om: reduktionsmålene i Fra Hærværk til Netværk kunne ikke vurderes ved afslutningen
(haervaerk-netvaerk-2012), og CFBU's gennemgang fandt mål, der ikke blev nået, fordi de ikke kunne
måles (cfbu-overblik-2006-2010). Et mål, der ikke er et tal, er en formatfejl (PLN); denne regel
melder et kriterium helt uden mål.
LBF beder om "mål og indikatorer" (lbf-boligsociale-indsatser), men ikke om denne opbygning i
planen: grundlag anbefaling, en advarsel.
"""

from planlint import Example, rule

from .criteria import absent, criterion_name, has_targets, lacking, target_years, terms

_CRITERION = "indsatsområder[0].aktiviteter[0].succeskriterier[0]"


def _what_to_add(years: list[int], lang: str) -> str:
    """``et tal for hvert år 2021-2024, fx {2021: 25, 2022: 30, ...}``"""
    if not years:
        return "et tal for hvert planår" if lang == "da" else "a number for every plan year"
    span = f"{years[0]}-{years[-1]}"
    sample = ", ".join(f"{year}: {25 + 5 * i}" for i, year in enumerate(years[:2]))
    more = ", ..." if len(years) > 2 else ""
    if lang == "da":
        return f"et tal for hvert år {span}, fx {{{sample}{more}}}"
    return f"a number for every year {span}, e.g. {{{sample}{more}}}"


@rule(
    code="SUC004",
    severity="warning",
    basis="anbefaling",
    title=("Succeskriteriet har ingen mål", "The success criterion has no targets"),
    sources=(
        ("lbf-boligsociale-indsatser", "samarbejdsaftalerne beskriver \"organisering, indsatser, mål og "
         "indikatorer\""),
        ("haervaerk-netvaerk-2012", "7.1 Delmål: registreringerne \"har ikke været kontinuerlige\" og "
         "kan ikke påvise målopfyldelsen"),
        ("cfbu-overblik-2006-2010", "Opsamling og perspektivering: endemål ikke nået \"i cirka en "
         "tredjedel af tilfældene\", fordi \"det ikke har været muligt at indhente data og "
         "dokumentation\""),
    ),
    bad=Example(at=_CRITERION, remove=("mål",)),
    good=Example(at=_CRITERION, yaml="mål: {2021: 25, 2022: 30, 2023: 35, 2024: 40}"),
)
def check(plan, ctx):
    years = target_years(plan, terms(ctx))
    for activity, index, criterion in lacking(plan, ctx, "mål", has_targets):
        if not absent(ctx, criterion, "mål_periode"):
            continue  # a mål_periode the schema rejected is a PLN finding
        yield ctx.finding(
            criterion, "mål",
            da=f"{criterion_name(activity, index, criterion, 'da')}: Succeskriteriet har ingen mål. "
               f"Tilføj `mål` med {_what_to_add(years, 'da')}.",
            en=f"{criterion_name(activity, index, criterion, 'en')}: The success criterion has no "
               f"targets. Add `mål` with {_what_to_add(years, 'en')}.",
        )
