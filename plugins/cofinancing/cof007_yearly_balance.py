"""In one year the financing differs from the costs, although the period balances.

Money shifted between years (financing in 2021 for costs in 2024) leaves a
year with unfinanced costs or idle money, and LBF pays out year by year.
Warning, and only when the totals agree: otherwise COF006 reports the
difference with its years.

Dansk:
Penge, der er flyttet mellem årene (finansiering i 2021 til udgifter i
2024), efterlader et år med ufinansierede udgifter eller ubrugte midler, og
LBF udbetaler år for år.  Advarsel, og kun når totalerne stemmer; ellers
rapporterer COF006 forskellen med dens år.
"""

from planlint import Example, kr, rule

from .shares import damage, figures


@rule(
    code="COF007",
    severity="warning",
    basis="format",
    prequalification=True,  # a prækvalifikationsansøgning has these too
    title=("Finansiering og udgifter er forskellige i et år", "Financing and costs differ in a year"),
    sources=(
        ("planlint-format", "budget: finansiering and udgifter per year"),
    ),
    bad=Example(at="budget.udgifter[1]", yaml="beløb: {2021: 80000, 2022: 40000, 2023: 40000, 2024: 0}",
                note="evalueringen flyttet fra 2024 til 2021 i udgifterne, men ikke i finansieringen"),
    good=Example(at="budget.udgifter[1]", yaml="beløb: {2021: 40000, 2022: 40000, 2023: 40000, 2024: 40000}"),
)
def check(plan, ctx):
    figs = figures(plan)
    if figs is None or not figs.has_financing or not figs.costs:
        return
    broken = damage(plan, ctx.document)
    if broken.financing or broken.costs:
        return  # a malformed amount (PLN007) leaves a year's sum unknown
    if figs.financing().total != figs.spending():
        return  # COF006
    for year in figs.years:
        financing, spending = figs.financing(year).total, figs.spending(year)
        if financing == spending:
            continue
        yield ctx.finding(
            plan.budget, "finansiering",
            da=f"I {year} er finansieringen {kr(financing, 'da')}, men udgifterne {kr(spending, 'da')}; "
               f"flyt beløb mellem årene, så finansiering og udgifter er lige store hvert år.",
            en=f"In {year} financing is {kr(financing, 'en')}, but costs are {kr(spending, 'en')}. "
               f"Move amounts between years so that financing equals costs every year.",
        )
