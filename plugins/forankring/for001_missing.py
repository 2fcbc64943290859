"""An activity without a forankring has no plan for the day the money ends.

LBF funds a helhedsplan for four years; what is meant to last must be handed to
someone who stays. fsb prioritises activities "som har potentiale for at blive
forankret i kommunens eller fsb's kernedrift" (004), and every activity box of Rum
for Liv has a "Forankring:" line (002) - two activities that lack one are a gap
in that plan (notes-002 §2.4). A missing forankring is an error for the
hovedaktivitet of an area and a warning for the other activities.

Dansk:
En aktivitet uden forankring har ingen plan for dagen, hvor pengene slipper op.
LBF støtter en helhedsplan i fire år; det, der skal vare, må overdrages til en,
der bliver. fsb prioriterer indsatser, "som har potentiale for at blive forankret
i kommunens eller fsb's kernedrift" (004), og hver aktivitetsboks i Rum for Liv
har en linje "Forankring:" (002) - to aktiviteter uden er et hul i den plan
(notes-002 §2.4). Manglende forankring er en fejl for et indsatsområdes
hovedaktivitet og en advarsel for de øvrige aktiviteter.
"""

from planlint import Example, rule


@rule(
    code="FOR001",
    severity="error",
    title=("Aktiviteten mangler forankring", "The activity has no forankring"),
    source="RULES.md, Forankring (FOR); seed 004 (fsb: \"forankret i kommunens eller fsb's kernedrift\"); "
           "seed 002 (every activity box has \"Forankring:\"); notes-002 §2.4",
    bad=Example(at="indsatsområder[0].aktiviteter[0]", remove=("forankring",),
                note="Hovedaktiviteten A1 uden forankring"),
    good=Example(at="indsatsområder[0].aktiviteter[0].forankring",
                 yaml="hos: [ek]\nhvordan: Jobcentret viderefører funktionen i egen drift\n"
                      "hvornår: 2023-12-31\naftale: sa-job"),
)
def check(plan, ctx):
    for area, activity in plan.activities():
        if activity.forankring is not None or area.forankring is not None:
            continue  # its own, or (1.1) its area's forankring
        if ctx.document.wrote(activity.path_of("forankring")):
            continue  # written but not a mapping, or misspelt (forankringen:): the PLN finding says so
        main = activity.main is True
        yield ctx.finding(
            activity, "forankring",
            da=f"Aktivitet {activity.label} har ingen forankring; tilføj `forankring` med, hvem der "
               f"overtager aktiviteten efter planperioden (`hos`), hvordan og hvornår.",
            en=f"Activity {activity.label} has no forankring; add `forankring` saying who takes the "
               f"activity over after the plan period (`hos`), how and when.",
            severity="error" if main else "warning",
        )
