"""The financing does not add up to the costs over the plan period.

A budget balances: every krone spent is financed, and every krone of
financing is spent.  When the sums differ, either the shares are computed on
money that will not be spent, or costs have no financing.  The message names
both sums, the difference and the years where it lies.  Years outside the
plan period are not counted (COF009 reports them).

Dansk:
Et budget balancerer: hver krone, der bruges, er finansieret, og hver krone
finansiering bliver brugt.  Når summerne er forskellige, er andelene enten
regnet på penge, der ikke bruges, eller også mangler udgifter finansiering.
Meddelelsen nævner begge summer, forskellen og de år, den ligger i.  År uden
for planperioden tæller ikke med (dem rapporterer COF009).
"""

from planlint import Example, kr, rule

from .shares import damage, figures, years_text


@rule(
    code="COF006",
    severity="error",
    basis="format",
    prequalification=True,  # a prækvalifikationsansøgning has these too
    title=("Finansieringen er ikke lig med udgifterne", "Financing does not equal costs"),
    sources=(
        ("cfbu-overblik-2006-2010", "Offentlig rammesætning: andelene regnes af \"de budgetterede "
         "midler\""),
    ),
    bad=Example(at="budget.udgifter[1]", yaml="beløb: {2021: 40000, 2022: 40000, 2023: 40000, 2024: 80000}",
                note="udgifterne er 40.000 kr. højere end finansieringen i 2024"),
    good=Example(at="budget.udgifter[1]", yaml="beløb: {2021: 40000, 2022: 40000, 2023: 40000, 2024: 40000}"),
)
def check(plan, ctx):
    figs = figures(plan)
    if figs is None or not figs.has_financing:
        return  # COF011
    broken = damage(plan, ctx.document)
    if broken.financing or broken.costs:
        return  # a malformed amount (PLN007) leaves a sum unknown
    financing, spending = figs.financing().total, figs.spending()
    if financing == spending:
        return
    if not figs.costs:
        yield ctx.finding(
            plan.budget, "udgifter",
            da=f"Budgettet har ingen udgifter, men {kr(financing, 'da')} i finansiering. Tilføj "
               f"udgifterne under `budget.udgifter`.",
            en=f"The budget has no costs but {kr(financing, 'en')} of financing. Add the costs to `budget.udgifter`.",
        )
        return
    off = [y for y in figs.years if figs.financing(y).total != figs.spending(y)]
    where_da = f" Forskellen ligger i {years_text(off, 'da')}." if off else ""
    where_en = f" The difference lies in {years_text(off, 'en')}." if off else ""
    difference_da, difference_en = kr(abs(financing - spending), "da"), kr(abs(financing - spending), "en")
    if financing > spending:
        excess_da = f"finansieringen er {difference_da} højere end udgifterne"
        excess_en = f"financing exceeds costs by {difference_en}"
    else:
        excess_da = f"udgifterne er {difference_da} højere end finansieringen"
        excess_en = f"costs exceed financing by {difference_en}"
    yield ctx.finding(
        plan.budget, "finansiering",
        da=f"Finansieringen i alt er {kr(financing, 'da')}, men udgifterne i alt er {kr(spending, 'da')}; "
           f"{excess_da}.{where_da} Ret beløbene, så finansiering og udgifter er lige store.",
        en=f"Financing totals {kr(financing, 'en')}, but costs total {kr(spending, 'en')}; "
           f"{excess_en}.{where_en} Correct the amounts so that financing equals costs.",
    )
