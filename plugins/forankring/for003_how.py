"""A forankring must say how the activity goes on.

Rum for Liv names only where each activity is anchored, never how (rum-for-liv-2012:
only 5.3.1 and 5.3.6 say how, in the prose). A name is not a hand-over: who runs the
activity, with which staff or volunteers, in which form? Warning.

Dansk:
En forankring skal sige, hvordan aktiviteten fortsætter. Rum for Liv nævner kun,
hvor aktiviteterne forankres, aldrig hvordan (rum-for-liv-2012: kun
5.3.1 og 5.3.6 siger hvordan, i brødteksten). Et navn er ikke en overdragelse: hvem driver aktiviteten,
med hvilke medarbejdere eller frivillige, i hvilken form? Advarsel.
"""

from planlint import Example, join, rule

from .anchoring import holders, lasting_anchors, named, says


@rule(
    code="FOR003",
    severity="warning",
    basis="erfaring",
    title=("Forankringen siger ikke hvordan", "The forankring does not say how"),
    sources=(
        ("rum-for-liv-2012", "5 Indsatsområder: the boxes say where an activity is anchored, not how"),
    ),
    bad=Example(at="indsatsområder[0].aktiviteter[0].forankring", remove=("hvordan",)),
    good=Example(at="indsatsområder[0].aktiviteter[0].forankring",
                 yaml="hvordan: Jobcentret viderefører den fremskudte funktion i egen drift"),
)
def check(plan, ctx):
    for activity, forankring in holders(plan):
        if forankring is None or says(forankring.how):
            continue
        if forankring.how is None and ctx.document.wrote(forankring.path_of("how")):
            continue  # written but not a text: the PLN finding says so
        names = [a.name for a in lasting_anchors(plan, forankring, ctx.pack)]
        who_da = join(names, "da", limit=3) if names else "parten"
        who_en = join(names, "en", limit=3) if names else "the party"
        yield ctx.finding(
            forankring, "hvordan",
            da=f"{named(activity, 'da')}: forankringen siger ikke hvordan; beskriv i `hvordan`, "
               f"på hvilken måde {who_da} viderefører aktiviteten (hvem driver den, med hvilke ressourcer).",
            en=f"{named(activity, 'en')}: the forankring does not say how; describe in `hvordan` "
               f"how {who_en} will carry the activity on (who runs it, with what resources).",
        )
