"""The party that takes an activity over should already help carry it.

Partners are to carry activities during the plan for the sake of forankring (cfbu-overblik-2006-2010): a hand-over to someone who has not been part of the activity starts from
nothing. An anchor that is neither among the activity's `samarbejdspartnere` nor its
`ansvarlig` is reported. Info. The applicant's own boligorganisation (and its units, format 1.1
`hører_under`) is no partner of itself and is not reported; a unit counts as involved when the
party it belongs to is.

Dansk:
Den part, der overtager en aktivitet, bør allerede være med til at bære den.
Partnerne skal bære aktiviteterne i planperioden af hensyn til forankringen (cfbu-overblik-2006-2010): en overdragelse til en, der ikke har været med i aktiviteten, starter
fra bunden. En forankringspart, der hverken er blandt aktivitetens
`samarbejdspartnere` eller er dens `ansvarlig`, rapporteres. Info. Ansøgerens egen
boligorganisation (og dens enheder, format 1.1 `hører_under`) er ikke samarbejdspartner med sig
selv og rapporteres ikke; en enhed er med, når den part, den hører under, er.
"""

from planlint import Example, rule

from .anchoring import holders, involved, is_own_organisation, lasting_anchors, named


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
    for holder, forankring in holders(plan):
        carrying = involved(holder)
        for anchor in lasting_anchors(plan, forankring, ctx.pack):
            # a unit (1.1 hører_under) is involved through its parent; the applicant's own
            # organisation is no samarbejdspartner of itself
            if set(plan.parent_chain(anchor.value)) & carrying or is_own_organisation(plan, anchor.value):
                continue
            yield ctx.finding(
                forankring, anchor.key, anchor.index,
                da=f"{named(holder, 'da')}: {anchor.name} skal overtage aktiviteten, men er ikke "
                   f"blandt samarbejdspartnerne; tilføj '{anchor.value}' til `samarbejdspartnere`, så "
                   f"parten er med til at drive aktiviteten allerede i planperioden.",
                en=f"{named(holder, 'en')}: {anchor.name} is to take the activity over but is not "
                   f"among the partners; add '{anchor.value}' to `samarbejdspartnere` so the party helps "
                   f"run the activity during the plan period.",
            )
