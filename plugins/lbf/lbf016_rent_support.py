"""Rent reductions are not plan money. Of the 2,2 billion kroner of the 2006-2010 funds, 1 billion
went to rent reductions in afdelinger in financial difficulty: "1 mia. kr. af disse blev brugt til
huslejenedsættelser" (cfbu-overblik-2006-2010). Rent support is LBF's separate instrument: in
2011-2014 every application for a boligsocial indsats is automatically also treated as an
application for huslejestøtte (lbf-ansoegning-2011-2014); in the other rounds it is applied for on
its own (for 2019-2026: support for "lokal koordinering og evaluering" and, beside it, huslejestøtte,
lbf-regulativ-2019-2026). Basis krav. A cost line in the plan's budget that pays rent support
(huslejestøtte, huslejenedsættelse, lejetab, per the pack's `governance.rent_support`) mixes the
two, and inflates the budget the 75/25 split is computed on. The message says how the round
handles rent support (the pack's `governance.rent_support_automatic`).

Dansk:
Huslejenedsættelser er ikke helhedsplanens penge. Af 2006-2010-midlernes 2,2 mia. kr. gik 1 mia.
kr. til huslejenedsættelser i økonomisk trængte afdelinger: "1 mia. kr. af disse blev brugt til
huslejenedsættelser" (cfbu-overblik-2006-2010). Huslejestøtte er LBF's særskilte instrument: i
2011-2014 behandles enhver ansøgning om en boligsocial indsats automatisk også som ansøgning om
huslejestøtte (lbf-ansoegning-2011-2014); i de andre puljer søges den for sig (for 2019-2026:
støtte til "lokal koordinering og evaluering" og ved siden af huslejestøtte,
lbf-regulativ-2019-2026). Grundlag krav. En udgiftslinje i planens budget, der betaler
huslejestøtte (huslejestøtte, huslejenedsættelse, lejetab, jf. regelpakkens
`governance.rent_support`), blander de to sammen og puster budgettet op, som fordelingen 75/25
regnes på. Meddelelsen siger, hvordan puljen behandler huslejestøtte (regelpakkens
`governance.rent_support_automatic`).
"""

from planlint import Example, kr, rule

from .frame import matches


@rule(
    code="LBF016",
    severity="warning",
    basis="krav",
    prequalification=True,  # a prækvalifikationsansøgning has these too
    title=("Huslejestøtte i planens budget", "Rent support in the plan's budget"),
    sources=(
        ("cfbu-overblik-2006-2010", "Læsevejledning, note 1: of the 2006-2010 funds \"1 mia. kr. af "
         "disse blev brugt til huslejenedsættelser\""),
        ("lbf-ansoegning-2011-2014", "every application is also treated as an application for "
         "huslejestøtte"),
        ("lbf-regulativ-2019-2026", "support for \"lokal koordinering og evaluering\" and, separately, "
         "huslejestøtte"),
    ),
    bad=Example(at="budget.udgifter[0]", yaml="note: Huslejestøtte til nye familier i Eksempelparken"),
    good=Example(at="budget.udgifter[0]", yaml="note: Jobkonsulent, 37 t/uge"),
)
def check(plan, ctx):
    if ctx.pack is None or plan.budget is None:
        return
    governance = ctx.pack.section("governance")
    patterns = governance.rent_support
    if governance.rent_support_automatic:
        how_da = (f"I puljen {ctx.pack.pulje} behandles ansøgningen om helhedsplanen automatisk også som "
                  "ansøgning om huslejestøtte; støtten bevilges særskilt, ikke gennem helhedsplanens budget.")
        how_en = (f"In the pulje {ctx.pack.pulje} the application for the plan is automatically also treated as an "
                  "application for rent support; the support is granted separately, not through the plan's budget.")
    else:
        how_da = "LBF bevilger huslejestøtte særskilt efter sin egen ansøgning, ikke gennem helhedsplanen."
        how_en = "LBF grants rent support separately, on its own application, not through the plan."
    for cost in plan.budget.costs or []:
        if matches(cost.note, patterns):
            yield ctx.finding(cost, "note",
                              da=f"Udgiften '{cost.note}' ({kr(cost.total, 'da')}) er huslejestøtte. {how_da} "
                                 "Tag linjen ud af `budget.udgifter` (og den tilsvarende finansiering).",
                              en=f"The cost '{cost.note}' ({kr(cost.total, 'en')}) is rent support. {how_en} "
                                 "Take the line out of `budget.udgifter` (and the matching financing).")
