"""A forankring that depends on further funding is a risk, not a hand-over.

Rum for Liv anchors two activities on condition: "Forudsætter fortsat finansiering"
(rum-for-liv-2012) and "vil kræve fortsat ekstern finansiering" (rum-for-liv-2012). Such a
forankring falls when the money does not come, so the coordinator must see it. A
`betingelser` entry counts as a funding condition when it matches one of the rule
pack's `forankring.funding_conditions` (finansiering, bevilling, midler, fonde,
tilskud, "fortsat støtte", budget, ...). Warning, quoting the condition.

Dansk:
En forankring, der afhænger af yderligere finansiering, er en risiko og ikke en
overdragelse. Rum for Liv forankrer to aktiviteter på betingelse: "Forudsætter
fortsat finansiering" (rum-for-liv-2012) og "vil kræve fortsat ekstern finansiering"
(rum-for-liv-2012). En sådan forankring falder, når pengene ikke kommer, så
koordinatoren skal kunne se den. En betingelse tæller som en finansieringsbetingelse,
når den svarer til et af regelpakkens `forankring.funding_conditions` (finansiering,
bevilling, midler, fonde, tilskud, "fortsat støtte", budget, ...). Advarsel, der
citerer betingelsen.
"""

from planlint import Example, rule

from .anchoring import funding_conditions, holders, named


@rule(
    code="FOR010",
    severity="warning",
    basis="erfaring",
    title=("Forankringen afhænger af yderligere finansiering", "The forankring depends on further funding"),
    sources=(
        ("rum-for-liv-2012", "5.1.4 Vejledningstilbud: \"Forudsætter fortsat finansiering\""),
        ("rum-for-liv-2012", "5.2.3 Fritidsjobvejledning: \"vil kræve fortsat ekstern finansiering\""),
    ),
    bad=Example(at="indsatsområder[0].aktiviteter[0].forankring",
                yaml="betingelser: [Forudsætter fortsat finansiering fra kommunen]"),
    good=Example(at="indsatsområder[0].aktiviteter[0].forankring",
                 yaml="betingelser: [Jobcentret stiller et lokale i beboerhuset til rådighed]"),
)
def check(plan, ctx):
    for activity, forankring in holders(plan):
        for index, condition in funding_conditions(forankring, ctx.pack):
            yield ctx.finding(
                forankring, "betingelser", index,
                da=f"{named(activity, 'da')}: forankringen afhænger af yderligere finansiering: "
                   f"\"{condition}\". Afklar, hvem der betaler efter planperioden, og skriv det i "
                   f"`hvordan`, eller gør forankringen uafhængig af nye midler.",
                en=f"{named(activity, 'en')}: the forankring depends on further funding: "
                   f"\"{condition}\". Settle who pays after the plan period and say so in `hvordan`, "
                   f"or make the forankring independent of new money.",
            )
