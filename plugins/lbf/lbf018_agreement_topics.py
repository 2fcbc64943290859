"""From the 2019-2026 funds on, LBF says what the samarbejdsaftaler are for: they describe
"organisering, indsatser, mål og indikatorer" (lbf-boligsociale-indsatser; basis krav). Each
agreement may say which of these it covers (`dækker`); together the plan's agreements must cover
all four, or part of what LBF asks the agreements to settle is left unsettled. When no agreement
says what it covers, the plan cannot show it: a warning asking for `dækker`. When they say so and
one of the four is missing from all of them: an error. The four topics are the pack's
`agreements.topics`; a round without them (before 2019) is not checked, and a plan without
samarbejdsaftaler is LBF009's finding.

Dansk:
Fra 2019-2026-midlerne siger LBF, hvad samarbejdsaftalerne skal: de beskriver "organisering,
indsatser, mål og indikatorer" (lbf-boligsociale-indsatser; grundlag krav). Hver aftale kan sige,
hvilke af delene den dækker (`dækker`); tilsammen skal planens aftaler dække alle fire, ellers er
en del af det, LBF beder aftalerne fastlægge, ikke fastlagt. Siger ingen aftale, hvad den dækker,
kan planen ikke vise det: en advarsel, der beder om `dækker`. Siger de det, og mangler et af de
fire i dem alle: en fejl. De fire emner er regelpakkens `agreements.topics`; en pulje uden dem
(før 2019) kontrolleres ikke, og en plan uden samarbejdsaftaler er LBF009's fund.
"""

from planlint import Example, join, rule

_TOPIC_EN = {"organisering": "organisation", "indsatser": "activities", "mål": "goals", "indikatorer": "indicators"}


@rule(
    code="LBF018",
    severity="error",
    basis="krav",
    title=("Samarbejdsaftalerne dækker ikke det, LBF beder om",
           "The cooperation agreements do not cover what LBF asks for"),
    sources=(
        ("lbf-boligsociale-indsatser", "samarbejdsaftalerne beskriver \"organisering, indsatser, mål og indikatorer\""),
    ),
    bad=Example(at="samarbejdsaftaler[0]", yaml="dækker: [organisering, indsatser]",
                note="Ingen aftale dækker mål og indikatorer"),
    good=Example(at="samarbejdsaftaler[0]", yaml="dækker: [organisering, indsatser, mål, indikatorer]"),
)
def check(plan, ctx):
    if ctx.pack is None or not ctx.pack.agreements.topics or not plan.agreements:
        return
    topics = list(ctx.pack.agreements.topics)
    said = [agreement for agreement in plan.agreements if agreement.covers is not None]
    if not said:
        if any(ctx.document.wrote(agreement.path_of("covers")) for agreement in plan.agreements):
            return  # written but not a list of topics: the core's finding says so
        yield ctx.finding(
            "samarbejdsaftaler", severity="warning",
            da=f"Ingen samarbejdsaftale siger, hvad den dækker. LBF beder aftalerne beskrive "
               f"{join(topics, 'da')}; skriv `dækker` på hver aftale, så planen viser, at de fire er fastlagt.",
            en=f"No samarbejdsaftale says what it covers. LBF asks the agreements to describe "
               f"{join([_TOPIC_EN.get(t, t) for t in topics], 'en')} ({join(topics, 'en')}); write `dækker` on each "
               "agreement, so the plan shows that all four are settled.")
        return
    covered = {topic for agreement in said for topic in agreement.covers}
    missing = [topic for topic in topics if topic not in covered]
    if missing:
        yield ctx.finding(
            "samarbejdsaftaler",
            da=f"Samarbejdsaftalerne dækker ikke {join(missing, 'da')}. LBF beder aftalerne beskrive "
               f"{join(topics, 'da')}; tilføj det manglende under `dækker` i den aftale, der fastlægger det.",
            en=f"The samarbejdsaftaler do not cover {join(missing, 'en')}. LBF asks the agreements to describe "
               f"{join(topics, 'en')}; add what is missing under `dækker` of the agreement that settles it.")
