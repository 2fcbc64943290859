"""A plan year with no financing at all.

A plan runs every year of its period, with staff to pay; a year without any
financing (no source has an amount for it, or all amounts are 0) is a gap in
the budget, usually a year that was forgotten.  Warning; the year's share is
then not judged (COF002 needs money to share out).

A plan year is, as for the criteria's targets (SUC008), a calendar year the
period covers for at least the pack's success.target_year_min_days days (half
a year): 2021-01-01 .. 2025-01-01 needs no money in 2025.  A period that starts
and ends inside a calendar year (2012-07-01 .. 2016-06-30) touches one more
calendar year than it has plan years; money in either end year covers both.

Dansk:
En plan kører i hvert år af perioden og har medarbejdere at lønne; et år
helt uden finansiering (ingen kilde har et beløb for året, eller alle beløb
er 0) er et hul i budgettet, som regel et glemt år.  Advarsel; årets andel
vurderes så ikke (COF002 kræver penge at fordele).

Et planår er, som for succeskriteriernes mål (SUC008), et kalenderår, som
perioden dækker i mindst regelpakkens success.target_year_min_days dage (et
halvt år): 2021-01-01 .. 2025-01-01 kræver ikke penge i 2025.  En periode, der
begynder og slutter midt i et kalenderår (2012-07-01 .. 2016-06-30), har ét
kalenderår mere end planår; penge i det ene af de to yderår dækker da begge.
"""

from datetime import date

from planlint import Example, rule

from .shares import damage, figures

_FINANCING = """\
finansiering:
  - {part: lbf, type: kontant, beløb: {2021: 450000, 2022: 450000, 2023: 450000%s}}
  - {part: ek, type: kontant, beløb: {2021: 100000, 2022: 100000, 2023: 100000%s}}
  - {part: bo, type: kontant, beløb: {2021: 50000, 2022: 50000, 2023: 50000%s}}
"""


@rule(
    code="COF010",
    severity="warning",
    basis="format",
    prequalification=True,  # a prækvalifikationsansøgning has these too
    title=("Et planår har ingen finansiering", "A plan year has no financing"),
    sources=(
        ("planlint-format", "budget: finansiering per year of plan.periode"),
    ),
    bad=Example(at="budget", yaml=_FINANCING % ("", "", ""), note="2024 mangler"),
    good=Example(at="budget", yaml=_FINANCING % (", 2024: 450000", ", 2024: 100000", ", 2024: 50000")),
)
def check(plan, ctx):
    figs = figures(plan)
    if figs is None or not figs.period_known or not figs.has_financing:
        return  # COF011 covers a budget without financing
    if damage(plan, ctx.document).financing:
        return  # the year may be one whose amount is malformed (PLN007)
    period = plan.meta.period
    success = ctx.pack.section("success") if ctx.pack is not None else None  # the success plugin's section
    min_days = success.target_year_min_days if success is not None else 1
    start, end = period.start, period.end
    financed = {year for year in figs.years if figs.financing(year).total > 0}
    first, last = start.year, end.year
    partial_ends = first != last and (start.month, start.day) != (1, 1) and (end.month, end.day) != (12, 31)
    for year in figs.years:
        if year in financed:
            continue
        if (min(end, date(year, 12, 31)) - max(start, date(year, 1, 1))).days + 1 < min_days:
            continue  # the period touches the year only briefly: no plan year of its own
        if partial_ends and year in (first, last) and (first in financed or last in financed):
            continue  # the plan counts its years from the other end
        yield ctx.finding(
            plan.budget, "finansiering",
            da=f"Planåret {year} har ingen finansiering. Tilføj beløb for {year} i `budget.finansiering`, "
               f"eller ret `plan.periode`.",
            en=f"The plan year {year} has no financing. Add amounts for {year} to `budget.finansiering`, "
               f"or correct `plan.periode`.",
        )
