"""A forankring must say who takes the activity over.

Rum for Liv names where its activities are anchored ("forankres i X"), and that is
the least a forankring says: without a part in `hos` nobody is committed to carry
the activity on (rum-for-liv-2012). A lesson from practice (basis erfaring), not
LBF's requirement: warning.

Dansk:
En forankring skal sige, hvem der overtager aktiviteten. Rum for Liv nævner, hvor
aktiviteterne forankres ("forankres i X"), og det er det mindste, en forankring
siger: uden en part i `hos` er ingen forpligtet til at føre aktiviteten videre
(rum-for-liv-2012). En erfaring fra praksis (grundlag erfaring), ikke LBF's krav:
advarsel.
"""

from planlint import Example, join, rule

from .anchoring import anchors, holders, named, undecided


@rule(
    code="FOR002",
    severity="warning",
    basis="erfaring",
    title=("Forankringen siger ikke hvem", "The forankring does not say who"),
    sources=(
        ("rum-for-liv-2012", "5 Indsatsområder: \"Forankring: Aktiviteten forankres i …\" names only "
         "where"),
        ("fsb-indsatser", "Tilrettelagt med øje på forankring: indsatser \"som har potentiale for at "
         "blive forankret i kommunens eller fsb's kernedrift\""),
    ),
    bad=Example(at="indsatsområder[0].aktiviteter[0].forankring", remove=("hos",)),
    good=Example(at="indsatsområder[0].aktiviteter[0].forankring", yaml="hos: [ek]"),
)
def check(plan, ctx):
    for activity, forankring in holders(plan):
        candidates = undecided(forankring)
        if candidates:  # 1.1 hos_en_af: someone takes over, but the plan has not decided who
            yield ctx.finding(
                forankring, "hos_en_af",
                severity="info",
                da=f"{named(activity, 'da')}: det er ikke afgjort, hvem der overtager aktiviteten "
                   f"(én af {join(candidates, 'da', limit=3)}); skriv parten i `hos`, når det er besluttet.",
                en=f"{named(activity, 'en')}: it is not decided who takes the activity over "
                   f"(one of {join(candidates, 'en', limit=3)}); write the party in `hos` once it is decided.",
            )
            continue
        if forankring is None or anchors(plan, forankring, ctx.pack):
            continue
        if forankring.parties is None and ctx.document.wrote(forankring.path_of("parties")):
            continue  # written but not a list of ids (hos: ek): the PLN finding says so
        yield ctx.finding(
            forankring, "hos",
            da=f"{named(activity, 'da')}: forankringen siger ikke, hvem der overtager aktiviteten; "
               f"skriv parternes id'er i `hos` (fx kommunen, en forening eller afdelingsbestyrelsen).",
            en=f"{named(activity, 'en')}: the forankring does not say who takes the activity over; "
               f"list the parties' ids in `hos` (e.g. the kommune, an association or the afdelingsbestyrelse).",
        )
