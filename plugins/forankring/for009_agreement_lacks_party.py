"""The agreement a forankring refers to must include the party that takes over.

A forankring that names `aftale: sa-x` claims that sa-x commits the parties in
`hos`. When sa-x does not list one of them, the claim is wrong: either the wrong
agreement is named or the party was never part of it (fsb-indsatser;
cfbu-overblik-2006-2010). An afdelingsbestyrelse needs no agreement and is
not checked; an `aftale` id that does not exist is the core's PLN009. Warning.

Dansk:
Den aftale, en forankring henviser til, skal omfatte den part, der overtager. En
forankring med `aftale: sa-x` påstår, at sa-x forpligter parterne i `hos`. Når sa-x
ikke nævner en af dem, holder påstanden ikke: enten er det den forkerte aftale,
eller også var parten aldrig med i den (fsb-indsatser;
cfbu-overblik-2006-2010). En afdelingsbestyrelse behøver ingen aftale og kontrolleres ikke;
et `aftale`-id, der ikke findes, er kernens PLN009. Advarsel.
"""

from planlint import Example, rule

from .anchoring import NOT_LISTED, agreement_gaps, holders, named


@rule(
    code="FOR009",
    severity="warning",
    basis="erfaring",
    title=("Aftalen omfatter ikke forankringsparten", "The agreement does not include the anchoring party"),
    sources=(
        ("fsb-indsatser", "Tilrettelagt med øje på forankring: \"forpligtende samarbejdsaftaler med alle "
         "relevante samarbejdspartnere ved projektstart\""),
        ("cfbu-overblik-2006-2010", "Offentlig rammesætning: samarbejdsaftaler er \"ikke et formaliseret "
         "krav under 2006-2010 midlerne, som det er i LBF's nye midler (2011-2014)\""),
    ),
    bad=Example(at="samarbejdsaftaler[0]", yaml="parter: [bo, lbf]",
                note="sa-job omfatter ikke ek, som forankringen nævner"),
    good=Example(at="samarbejdsaftaler[0]", yaml="parter: [ek, bo]"),
)
def check(plan, ctx):
    for activity, forankring in holders(plan):
        for gap in agreement_gaps(plan, forankring, ctx.pack, ctx.document):
            if gap.problem != NOT_LISTED:
                continue
            agreement_id, name, value = gap.agreement.id, gap.anchor.name, gap.anchor.value
            yield ctx.finding(
                forankring, "aftale",
                da=f"{named(activity, 'da')}: samarbejdsaftalen '{agreement_id}' omfatter ikke {name}, "
                   f"som skal overtage aktiviteten; tilføj '{value}' til aftalens `parter`, eller henvis "
                   f"til den aftale, der forpligter {name}.",
                en=f"{named(activity, 'en')}: the cooperation agreement '{agreement_id}' does not include "
                   f"{name}, who is to take the activity over; add '{value}' to the agreement's `parter`, "
                   f"or refer to the agreement that commits {name}.",
            )
