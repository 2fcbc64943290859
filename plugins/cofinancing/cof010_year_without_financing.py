"""A plan year with no financing at all.

A plan runs every year of its period, with staff to pay; a year without any
financing (no source has an amount for it, or all amounts are 0) is a gap in
the budget, usually a year that was forgotten.  Warning; the year's share is
then not judged (COF002 needs money to share out).

Dansk:
En plan kører i hvert år af perioden og har medarbejdere at lønne; et år
helt uden finansiering (ingen kilde har et beløb for året, eller alle beløb
er 0) er et hul i budgettet, som regel et glemt år.  Advarsel; årets andel
vurderes så ikke (COF002 kræver penge at fordele).
"""

from planlint.rule import Example, rule

from .shares import figures

_FINANCING = """\
finansiering:
  - {part: lbf, type: kontant, beløb: {2021: 450000, 2022: 450000, 2023: 450000%s}}
  - {part: ek, type: kontant, beløb: {2021: 100000, 2022: 100000, 2023: 100000%s}}
  - {part: bo, type: kontant, beløb: {2021: 50000, 2022: 50000, 2023: 50000%s}}
"""


@rule(
    code="COF010",
    severity="warning",
    title=("Et planår har ingen finansiering", "A plan year has no financing"),
    source="RULES.md, Co-financing (COF), \"Years\" (a plan year without any financing: warning)",
    bad=Example(at="budget", yaml=_FINANCING % ("", "", ""), note="2024 mangler"),
    good=Example(at="budget", yaml=_FINANCING % (", 2024: 450000", ", 2024: 100000", ", 2024: 50000")),
)
def check(plan, ctx):
    figs = figures(plan)
    if figs is None or not figs.period_known or not figs.has_financing:
        return  # COF011 covers a budget without financing
    for year in figs.years:
        if figs.financing(year).total > 0:
            continue
        yield ctx.finding(
            plan.budget, "finansiering",
            da=f"Planåret {year} har ingen finansiering. Tilføj beløb for {year} i budget.finansiering, "
               f"eller ret plan.periode.",
            en=f"The plan year {year} has no financing. Add amounts for {year} to budget.finansiering, "
               f"or correct plan.periode.",
        )
