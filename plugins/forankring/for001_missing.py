"""An activity without a forankring has no plan for the day the money ends.

LBF funds a helhedsplan for four years; what is meant to last must be handed to
someone who stays. LBF asks for "lokalt forankrede" indsatser, fsb prioritises
activities "som har potentiale for at blive forankret i kommunens eller fsb's
kernedrift" (fsb-indsatser), and every activity box of Rum for Liv has a
"Forankring:" line (rum-for-liv-2012) - two activities that lack one are a gap in
that plan. LBF does not ask for a forankring per activity, so this is a
recommendation (basis anbefaling): a warning, for the hovedaktivitet as for the
other activities.

Dansk:
En aktivitet uden forankring har ingen plan for dagen, hvor pengene slipper op.
LBF støtter en helhedsplan i fire år; det, der skal vare, må overdrages til en,
der bliver. LBF beder om "lokalt forankrede" indsatser, fsb prioriterer indsatser,
"som har potentiale for at blive forankret i kommunens eller fsb's kernedrift"
(fsb-indsatser), og hver aktivitetsboks i Rum for Liv har en linje "Forankring:"
(rum-for-liv-2012) - to aktiviteter uden er et hul i den plan. LBF kræver ikke en
forankring pr. aktivitet, så reglen er en anbefaling (grundlag anbefaling): en
advarsel, for hovedaktiviteten som for de øvrige aktiviteter.
"""

from planlint import Example, rule


@rule(
    code="FOR001",
    severity="warning",
    basis="anbefaling",
    title=("Aktiviteten mangler forankring", "The activity has no forankring"),
    sources=(
        ("lbf-boligsociale-indsatser", "LBF asks for \"lokalt forankrede\" indsatser"),
        ("fsb-indsatser", "Tilrettelagt med øje på forankring: indsatser \"som har potentiale for at "
         "blive forankret i kommunens eller fsb's kernedrift\""),
        ("rum-for-liv-2012", "5 Indsatsområder: every activity box has \"Forankring:\""),
    ),
    bad=Example(at="indsatsområder[0].aktiviteter[0]", remove=("forankring",),
                note="Hovedaktiviteten A1 uden forankring (advarsel)"),
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
        yield ctx.finding(
            activity, "forankring",
            da=f"Aktivitet {activity.label} har ingen forankring; tilføj `forankring` med, hvem der "
               f"overtager aktiviteten efter planperioden (`hos`), hvordan og hvornår.",
            en=f"Activity {activity.label} has no forankring; add `forankring` saying who takes the "
               f"activity over after the plan period (`hos`), how and when.",
        )
