"""Rent reductions are not plan money. Of the 2,2 billion kroner of the 2006-2010 funds, 1 billion
went to rent reductions in afdelinger in financial difficulty (003 l.325-326): a separate LBF
instrument with its own application. A cost line in the plan's budget that pays rent support
(huslejestøtte, huslejenedsættelse, lejetab, per the pack's `governance.rent_support`) mixes the
two, and inflates the budget the 75/25 split is computed on.

Dansk:
Huslejenedsættelser er ikke helhedsplanens penge. Af 2006-2010-midlernes 2,2 mia. kr. gik 1 mia.
kr. til huslejenedsættelser i økonomisk trængte afdelinger (003 l.325-326): et særskilt
LBF-instrument med sin egen ansøgning. En udgiftslinje i planens budget, der betaler huslejestøtte
(huslejestøtte, huslejenedsættelse, lejetab, jf. regelpakkens `governance.rent_support`), blander
de to sammen og puster budgettet op, som fordelingen 75/25 regnes på.
"""

from planlint import Example, kr, rule

from .frame import matches


@rule(
    code="LBF016",
    severity="warning",
    title=("Huslejestøtte i planens budget", "Rent support in the plan's budget"),
    source="RULES.md, Plan frame (Rent reductions are not plan money): 003 l.325-326",
    bad=Example(at="budget.udgifter[0]", yaml="note: Huslejestøtte til nye familier i Eksempelparken"),
    good=Example(at="budget.udgifter[0]", yaml="note: Jobkonsulent, 37 t/uge"),
)
def check(plan, ctx):
    if ctx.pack is None or plan.budget is None:
        return
    patterns = ctx.pack.section("governance").rent_support
    for cost in plan.budget.costs or []:
        if matches(cost.note, patterns):
            yield ctx.finding(cost, "note",
                              da=f"Udgiften '{cost.note}' ({kr(cost.total, 'da')}) er huslejestøtte, som LBF "
                                 "bevilger særskilt, ikke gennem helhedsplanen. Tag linjen ud af `budget.udgifter` "
                                 "(og den tilsvarende finansiering).",
                              en=f"The cost '{cost.note}' ({kr(cost.total, 'en')}) is rent support, which LBF grants "
                                 "separately, not through the plan. Take the line out of `budget.udgifter` (and the "
                                 "matching financing).")
