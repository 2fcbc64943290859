"""The party that takes an activity over should already help carry it.

Partners are to carry activities during the plan for the sake of forankring (cfbu-overblik-2006-2010): a hand-over to someone who has not been part of the activity starts from
nothing. An anchor that is neither among the activity's `samarbejdspartnere` nor its
`ansvarlig` is reported. Info.

Dansk:
Den part, der overtager en aktivitet, bør allerede være med til at bære den.
Partnerne skal bære aktiviteterne i planperioden af hensyn til forankringen (cfbu-overblik-2006-2010): en overdragelse til en, der ikke har været med i aktiviteten, starter
fra bunden. En forankringspart, der hverken er blandt aktivitetens
`samarbejdspartnere` eller er dens `ansvarlig`, rapporteres. Info.
"""

from planlint import Example, rule

from .anchoring import lasting_anchors


@rule(
    code="FOR011",
    severity="info",
    basis="anbefaling",
    title=("Forankringsparten er ikke samarbejdspartner", "The anchoring party is not a partner"),
    sources=(
        ("cfbu-overblik-2006-2010", "Konklusioner, Forankring af det boligsociale arbejde: parterne "
         "\"bør … så vidt muligt bidrage til gennemførelsen af de boligsociale aktiviteter\""),
    ),
    bad=Example(at="indsatsområder[0].aktiviteter[0]", yaml="samarbejdspartnere: [ab]"),
    good=Example(at="indsatsområder[0].aktiviteter[0]", yaml="samarbejdspartnere: [ek, ab]"),
)
def check(plan, ctx):
    for _area, activity in plan.activities():
        involved = set(activity.partners or []) | {activity.responsible}
        forankring = activity.forankring
        for anchor in lasting_anchors(plan, forankring, ctx.pack):
            if anchor.value in involved:
                continue
            yield ctx.finding(
                forankring, "hos", anchor.index,
                da=f"Aktivitet {activity.label}: {anchor.name} skal overtage aktiviteten, men er ikke "
                   f"blandt samarbejdspartnerne; tilføj '{anchor.value}' til `samarbejdspartnere`, så "
                   f"parten er med til at drive aktiviteten allerede i planperioden.",
                en=f"Activity {activity.label}: {anchor.name} is to take the activity over but is not "
                   f"among the partners; add '{anchor.value}' to `samarbejdspartnere` so the party helps "
                   f"run the activity during the plan period.",
            )
