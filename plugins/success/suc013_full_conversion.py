"""Criteria chains that assume 100 % conversion. Many plans write an activity's criteria as a
funnel: 100 inquiries are received, 100 personal plans are written, 100 plans are fulfilled
(Rum for Liv, rum-for-liv-2012; also 40 -> 40 -> 40 in the Lektiecafé, rum-for-liv-2012). Real
funnels lose people at every step, so identical numbers mean the targets were not thought
through, and the last step will be missed.

The precise condition: inside one activity, a run of successive criteria (adjacent in the
list) that have the same positive target for the same year, none of them a percentage (rule
pack success.percent_units), and that either has three or more criteria, or rises in niveau
(aktivitet -> resultat -> effekt) within the run, i.e. assumes that every output becomes an
outcome. Two output criteria with equal numbers ("100 deltog", "100 fik vejledning") are two
ways of counting the same delivery and are not reported. One finding per run, at the second
criterion, where the assumption starts.

Dansk:
Kæder af succeskriterier, der forudsætter 100 % konvertering. Mange planer skriver en aktivitets
kriterier som en tragt: 100 henvendelser modtages, 100 personlige handleplaner udarbejdes, 100
handleplaner indfries (Rum for Liv, rum-for-liv-2012; også 40 -> 40 -> 40 i lektiecaféen, rum-for-liv-2012). Virkelige tragte taber folk på hvert trin, så ens tal betyder, at målene ikke er
gennemtænkt, og at sidste trin ikke nås.

Den præcise betingelse: inden for én aktivitet en række af på hinanden følgende kriterier, der
har samme positive mål for samme år, hvor intet er en procentandel (regelpakkens
success.percent_units), og som enten har tre eller flere kriterier eller stiger i niveau
(aktivitet -> resultat -> effekt) inden for rækken, dvs. forudsætter, at al output bliver til
resultater. To aktivitetskriterier med samme tal ("100 deltog", "100 fik vejledning") er to
måder at tælle samme leverance på og meldes ikke. Ét fund pr. række, ved det andet kriterium,
hvor antagelsen begynder.
"""

from planlint import Example, join, rule

from .criteria import LEVEL_ORDER, criteria_of, is_percent, targets, terms, value_text

_ACTIVITY = "indsatsområder[0].aktiviteter[0]"
_FUNNEL = """succeskriterier:
  - beskrivelse: 40 ledige beboere har en samtale med jobkonsulenten
    indikator: Antal unikke ledige beboere med mindst én samtale
    niveau: aktivitet
    enhed: personer
    baseline: {værdi: 30, år: 2020, kilde: Jobcentrets opgørelse 2020}
    mål: {2021: 40, 2022: 40, 2023: 40, 2024: 40}
    datakilde: Jobcentrets registreringer
  - beskrivelse: Deltagerne starter i job eller uddannelse
    indikator: Antal deltagere, der starter i job eller uddannelse
    niveau: resultat
    enhed: personer
    baseline: {værdi: 20, år: 2020, kilde: Jobcentrets opgørelse 2020}
    mål: %s
    datakilde: Jobcentrets registreringer
"""


def _runs(items, year, counts):
    """Maximal runs of adjacent criteria with the same positive target in ``year``.

    A criterion that ``counts`` rejects (a percentage) breaks a run.
    """
    run = []
    for index, criterion in items:
        value = targets(criterion).get(year) if counts(criterion) else None
        if run and value is not None and value > 0 and value == targets(run[-1][1]).get(year):
            run.append((index, criterion))
            continue
        if len(run) > 1:
            yield run
        run = [(index, criterion)] if value is not None and value > 0 else []
    if len(run) > 1:
        yield run


def _assumes_conversion(run) -> bool:
    if len(run) >= 3:
        return True
    levels = [LEVEL_ORDER.get(criterion.level) for _i, criterion in run]
    return any(a is not None and b is not None and b > a
               for i, a in enumerate(levels) for b in levels[i + 1:])


@rule(
    code="SUC013",
    severity="info",
    basis="erfaring",
    title=("Kriterierne forudsætter 100 % konvertering", "The criteria assume 100 % conversion"),
    sources=(
        ("rum-for-liv-2012", "5.2.1 Fremskudt beskæftigelse: 100 henvendelser, 100 handleplaner "
         "udarbejdet, 100 indfriet"),
        ("rum-for-liv-2012", "5.2.4 Lektiecafé: 40 brugere, 40, 40"),
    ),
    bad=Example(at=_ACTIVITY, yaml=_FUNNEL % "{2021: 40, 2022: 40, 2023: 40, 2024: 40}",
                note="40 talks -> 40 in work or education, every year"),
    good=Example(at=_ACTIVITY, yaml=_FUNNEL % "{2021: 22, 2022: 25, 2023: 30, 2024: 35}"),
)
def check(plan, ctx):
    words = terms(ctx)
    if words is None:
        return
    holders = [*plan.goals()]
    for area in plan.areas or []:  # (1.1) goals' and areas' criteria form chains too
        holders += [area, *(a for a in area.activities or [] if a is not None)]
    for activity in holders:
        items = criteria_of(activity)
        years = sorted({year for _i, c in items for year in targets(c)})
        reported = set()
        for year in years:
            for run in _runs(items, year, lambda c: not is_percent(c, words)):
                span = (run[0][0], run[-1][0])
                if span in reported or not _assumes_conversion(run):
                    continue
                reported.add(span)
                numbers = [i + 1 for i, _c in run]
                value = targets(run[0][1])[year]
                yield ctx.finding(
                    run[1][1],
                    da=f"{activity.kind[0]} {activity.label}: Succeskriterium {join(numbers, 'da')} har alle "
                       f"målet {value_text(value, 'da')} i {year}, så planen forudsætter, at alle går "
                       "videre fra hvert trin til det næste (100 % konvertering). Sæt realistiske, "
                       "lavere mål for de senere trin.",
                    en=f"{activity.kind[1]} {activity.label}: Success criteria {join(numbers, 'en')} all have "
                       f"the target {value_text(value, 'en')} in {year}, so the plan assumes that "
                       "everyone moves on from each step to the next (100 % conversion). Set "
                       "realistic, lower targets for the later steps.",
                )
