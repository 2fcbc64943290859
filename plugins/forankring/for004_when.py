"""A forankring must say when the hand-over happens.

Rum for Liv never says when its activities are handed over (rum-for-liv-2012);
"tænke forankring fra start" (haervaerk-netvaerk-2012; bag-facaderne-2014) needs a date to plan
towards and to follow up on. Warning.

Dansk:
En forankring skal sige, hvornår overdragelsen sker. Rum for Liv siger aldrig,
hvornår aktiviteterne overdrages (rum-for-liv-2012); at "tænke forankring fra start"
(haervaerk-netvaerk-2012; bag-facaderne-2014) kræver en dato at planlægge efter og følge op på.
Advarsel.
"""

from planlint import Example, rule

from .anchoring import handover_span, holders, named


@rule(
    code="FOR004",
    severity="warning",
    basis="erfaring",
    title=("Forankringen siger ikke hvornår", "The forankring does not say when"),
    sources=(
        ("rum-for-liv-2012", "5 Indsatsområder: no box says when an activity is handed over"),
        ("haervaerk-netvaerk-2012", "8.3 Metodeudvikling: \"tænke forankring ind i aktiviteter fra "
         "starten af indsatsen\""),
        ("bag-facaderne-2014", "kap. 1 Børn, unge og familier: \"Overvej gerne allerede fra begyndelsen, "
         "hvordan projektet kan forankres i området efter projektperioden\""),
    ),
    bad=Example(at="indsatsområder[0].aktiviteter[0].forankring", remove=("hvornår",)),
    good=Example(at="indsatsområder[0].aktiviteter[0].forankring", yaml="hvornår: 2023-12-31"),
)
def check(plan, ctx):
    for activity, forankring in holders(plan):
        if forankring is None or handover_span(forankring.when) is not None:
            continue
        if ctx.document.wrote(forankring.path_of("when")):
            continue  # written but invalid (2024-02-30): the PLN finding says so
        yield ctx.finding(
            forankring, "hvornår",
            da=f"{named(activity, 'da')}: forankringen siger ikke hvornår; angiv i `hvornår` "
               f"datoen eller året for overdragelsen.",
            en=f"{named(activity, 'en')}: the forankring does not say when; give the date or year "
               f"of the hand-over in `hvornår`.",
        )
