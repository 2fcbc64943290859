"""A budget amount in a year outside the plan period.

Money budgeted before the start or after the end of ``plan.periode`` is not
part of the plan: planlint leaves it out of every share and sum (so the 25 %
test is made on the period alone), and this rule says so at that year's key.
It is the one finding for this mistake: the core's format rule for years
outside the period (PLN008) leaves budget amounts to this rule, whose message
names the amount and what is left out of the shares and sums.

Dansk:
Penge, der er budgetteret før starten eller efter slutningen af
``plan.periode``, hører ikke til planen: planlint udelader dem af alle andele
og summer (så 25 %-kravet vurderes på perioden alene), og denne regel siger
det ved årets nøgle.  Det er det ene fund for denne fejl: kernens formatregel
for år uden for perioden (PLN008) overlader budgetbeløb til denne regel, hvis
meddelelse nævner beløbet, og hvad der udelades af andele og summer.
"""

from planlint import Example, kr, rule

from .shares import capital, describe_cost, describe_source, figures


@rule(
    code="COF009",
    severity="error",
    basis="format",
    prequalification=True,  # a prækvalifikationsansøgning has these too
    title=("Et beløb ligger uden for planperioden", "An amount lies outside the plan period"),
    sources=(
        ("planlint-format", "Conventions: \"Every year in a year map must lie inside plan.periode\""),
    ),
    bad=Example(at="budget.finansiering[0]", yaml="beløb: {2021: 450000, 2022: 450000, 2023: 450000, "
                                                  "2024: 450000, 2025: 100000}", note="2025 er efter perioden"),
    good=Example(at="budget.finansiering[0]", yaml="beløb: {2021: 450000, 2022: 450000, 2023: 450000, "
                                                   "2024: 450000}"),
)
def check(plan, ctx):
    figs = figures(plan)
    if figs is None or not figs.period_known:
        return  # without a period no year can be ruled out
    first, last = figs.years[0], figs.years[-1]
    for lines, describe, counted_da, counted_en in (
        (figs.sources, describe_source, "medfinansieringen og summerne", "the co-financing shares and sums"),
        (figs.costs, describe_cost, "udgifterne og summerne", "the costs and sums"),
    ):
        for line in lines:
            for year, amount in sorted(line.outside.items()):
                what_da, what_en = describe(plan, line.obj)
                yield ctx.finding(
                    line.obj, "beløb", str(year),
                    da=f"{capital(what_da)} har {kr(amount, 'da')} i {year}, som ligger uden "
                       f"for planperioden {first}-{last}; beløbet tælles ikke med i {counted_da}. Flyt "
                       f"beløbet til et år i perioden, eller ret `plan.periode`.",
                    en=f"{capital(what_en)} has {kr(amount, 'en')} in {year}, outside the plan "
                       f"period {first}-{last}; the amount is not counted in {counted_en}. Move the amount "
                       f"to a year in the period, or correct `plan.periode`.",
                )
