"""Evaluation costs money: "Budget time and money for evaluation" (bag-facaderne-2014), and an
external mid-term and final evaluation (rum-for-liv-2012) is bought. A budget with cost lines but
none for evaluation (kategori `evaluering`, or a line whose note names it, per the pack's
`governance.evaluation_notes`) has not paid for it. Only checked when the plan has cost lines;
a plan without a budget is the co-financing plugin's finding.

Dansk:
Evaluering koster penge: afsæt tid og penge til evaluering (bag-facaderne-2014), og en ekstern
midtvejs- og slutevaluering (rum-for-liv-2012) skal købes. Et budget med udgiftslinjer, men ingen
til evaluering (kategori `evaluering` eller en linje, hvis note nævner den, jf. regelpakkens
`governance.evaluation_notes`), har ikke betalt for den. Kontrolleres kun, når planen har udgifter.
"""

from planlint import Example, rule

from .frame import matches


@rule(
    code="LBF013",
    severity="warning",
    basis="erfaring",
    title=("Budgettet har ingen udgift til evaluering", "The budget has no cost line for evaluation"),
    sources=(
        ("bag-facaderne-2014", "kap. 1: \"15 timer til det administrative arbejde … (projektbeskrivelse, "
         "bevillinger og evaluering)\""),
        ("rum-for-liv-2012", "7 Evaluering: \"en større midtvejs og slutevaluering med ekstern bistand\""),
    ),
    bad=Example(at="budget.udgifter[1]", yaml="kategori: administration"),
    good=Example(at="budget.udgifter[1]", yaml="kategori: evaluering"),
)
def check(plan, ctx):
    costs = (plan.budget.costs or []) if plan.budget else []
    if ctx.pack is None or not costs:
        return
    notes = ctx.pack.section("governance").evaluation_notes
    if any(c.total > 0 and (c.category == "evaluering" or matches(c.note, notes)) for c in costs):
        return
    yield ctx.finding(plan.budget, "udgifter",
                      da="Budgettet har ingen udgift til evaluering. Tilføj en linje under `budget.udgifter` med "
                         "`kategori: evaluering` og beløb til midtvejs- og slutevalueringen.",
                      en="The budget has no cost line for evaluation. Add a line under `budget.udgifter` with "
                         "`kategori: evaluering` and the amounts for the mid-term and final evaluation.")
