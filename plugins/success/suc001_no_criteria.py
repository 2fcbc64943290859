"""Every activity needs success criteria: without them nobody can tell, during or after the
plan, whether the activity did what the money was granted for. Every activity box of Rum for
Liv has a "Succeskriterier" field (seed 002), and LBF follows up on the criteria in the yearly
målopfyldelsesskema (002 l.3155-3165). A hovedaktivitet carries its indsatsområde, so missing
criteria there are an error; for other activities a warning.

Dansk:
Hver aktivitet skal have succeskriterier: uden dem kan ingen, hverken undervejs eller bagefter,
se, om aktiviteten gjorde det, pengene blev bevilget til. Hver aktivitetsboks i Rum for Liv har
feltet "Succeskriterier" (seed 002), og LBF følger op på kriterierne i det årlige
målopfyldelsesskema (002 l.3155-3165). En hovedaktivitet bærer sit indsatsområde, så manglende
kriterier er her en fejl; for andre aktiviteter en advarsel.
"""

from planlint import Example, rule

from .criteria import absent, criteria_of

_ACTIVITY = "indsatsområder[0].aktiviteter[0]"


@rule(
    code="SUC001",
    severity="error",
    title=("Aktiviteten har ingen succeskriterier", "The activity has no success criteria"),
    source="RULES.md, Success criteria (SUC): 'Every activity has criteria'; seed 002 (every "
           "activity box has 'Succeskriterier', template in notes-002 §2); 002 l.3155-3165",
    bad=Example(at=_ACTIVITY, remove=("succeskriterier",),
                note="A hovedaktivitet without succeskriterier (error; warning for other activities)"),
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
            severity="error" if main else "warning",
            da=f"{kind_da} {activity.label} har ingen succeskriterier. Tilføj `succeskriterier` med "
               "mindst ét kriterium med indikator, niveau, enhed, baseline, mål for hvert planår "
               "og datakilde.",
            en=f"{kind_en} {activity.label} has no success criteria. Add `succeskriterier` with at "
               "least one criterion with an indicator, level, unit, baseline, a target for every "
               "plan year and a data source.",
        )
