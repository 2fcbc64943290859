"""Every activity needs success criteria: without them nobody can tell, during or after the
plan, whether the activity did what the money was granted for. Every activity box of Rum for
Liv has a "Succeskriterier" field, and LBF follows up on the criteria in the yearly
målopfyldelsesskema (rum-for-liv-2012); from 2019 LBF asks the samarbejdsaftaler for "mål og
indikatorer" (lbf-boligsociale-indsatser). LBF does not ask for criteria per activity in the
plan, so the basis is anbefaling: a warning, for a hovedaktivitet as for other activities.

Dansk:
Hver aktivitet skal have succeskriterier: uden dem kan ingen, hverken undervejs eller bagefter,
se, om aktiviteten gjorde det, pengene blev bevilget til. Hver aktivitetsboks i Rum for Liv har
feltet "Succeskriterier", og LBF følger op på kriterierne i det årlige målopfyldelsesskema
(rum-for-liv-2012); fra 2019 beder LBF om "mål og indikatorer" i samarbejdsaftalerne
(lbf-boligsociale-indsatser). LBF kræver ikke kriterier pr. aktivitet i planen, så grundlaget er
anbefaling: en advarsel, for en hovedaktivitet som for andre aktiviteter.
"""

from planlint import Example, rule

from .criteria import absent, criteria_of

_ACTIVITY = "indsatsområder[0].aktiviteter[0]"


@rule(
    code="SUC001",
    severity="warning",
    basis="anbefaling",
    title=("Aktiviteten har ingen succeskriterier", "The activity has no success criteria"),
    sources=(
        ("lbf-boligsociale-indsatser", "samarbejdsaftalerne beskriver \"organisering, indsatser, mål og "
         "indikatorer\""),
        ("rum-for-liv-2012", "5 Indsatsområder: every activity box has \"Succeskriterier\""),
        ("rum-for-liv-2012", "7 Evaluering: Målopfyldelsesskemaet, \"Landsbyggefondens nye "
         "indberetningssystem\"; årlige evalueringer og \"en større midtvejs og slutevaluering med "
         "ekstern bistand\""),
    ),
    bad=Example(at=_ACTIVITY, remove=("succeskriterier",),
                note="En hovedaktivitet uden succeskriterier (advarsel)"),
    good=Example(at=_ACTIVITY, yaml="hovedaktivitet: true"),
)
def check(plan, ctx):
    for area, activity in plan.activities():
        # a list the schema rejected is already a PLN finding; (1.1) the area's criteria stand in
        if criteria_of(activity) or criteria_of(area) or not absent(ctx, activity, "succeskriterier"):
            continue
        main = bool(activity.main)
        kind_da = "Hovedaktiviteten" if main else "Aktiviteten"
        kind_en = "The main activity" if main else "The activity"
        yield ctx.finding(
            activity, "succeskriterier",
            da=f"{kind_da} {activity.label} har ingen succeskriterier. Tilføj `succeskriterier` med "
               "mindst ét kriterium med indikator, niveau, enhed, baseline, mål for hvert planår "
               "og datakilde.",
            en=f"{kind_en} {activity.label} has no success criteria. Add `succeskriterier` with at "
               "least one criterion with an indicator, level, unit, baseline, a target for every "
               "plan year and a data source.",
        )
