"""The pulje selects the rules a plan is judged by: its list of intervention areas, whether
cooperation agreements and a board are required, how long the period may run. A plan whose
pulje has no rule pack cannot be checked against those rules, so the LBF checks that depend
on the pulje are skipped; this finding says so instead of passing silently.

Dansk:
Puljen bestemmer, hvilke regler planen vurderes efter: listen over indsatsområder, om
samarbejdsaftaler og en bestyrelse er et krav, og hvor lang perioden må være. Har planens pulje
ingen regelpakke, kan planen ikke kontrolleres mod de regler, og LBF-kontrollerne, der afhænger
af puljen, springes over; dette fund siger det i stedet for at lade planen passere i stilhed.
"""

from planlint import Example, rule


@rule(
    code="LBF001",
    severity="error",
    basis="format",
    prequalification=True,  # a prækvalifikationsansøgning has these too
    title=("Puljen har ingen regelpakke", "The pulje has no rule pack"),
    sources=(
        ("planlint-format", "plan.pulje: the funding rounds planlint has a rule pack for"),
    ),
    bad=Example(at="plan", yaml='pulje: "2019-2026"', runnable=False,
                note="En installation, hvis rules/ mangler pakken for 2019-2026."),
    good=Example(at="plan", yaml='pulje: "2019-2026"'),
)
def check(plan, ctx):
    pulje = plan.pulje_name
    if pulje and ctx.pack is None:
        yield ctx.finding(plan.meta, "pulje",
                          da=f"Puljen {pulje} har ingen regelpakke i denne installation af planlint, så puljens "
                             "regler (indsatsområder, samarbejdsaftaler, bestyrelse, periode) er ikke kontrolleret. "
                             "Ret `plan.pulje`, eller installer regelpakken for puljen.",
                          en=f"The pulje {pulje} has no rule pack in this installation of planlint, so the round's "
                             "rules (areas, cooperation agreements, board, period) were not checked. Correct "
                             "`plan.pulje`, or install the rule pack for the pulje.")
