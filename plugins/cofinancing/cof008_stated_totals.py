"""A figure in ``budget.totaler`` differs from the sum of the financing.

Applications state totals in several places (the cover letter, the budget
table); when one differs from the amounts year by year, the application
contradicts itself and LBF cannot tell which figure holds.  Each stated key
is compared with the computed sum over the plan period: ``i_alt`` with all
financing, ``lbf`` with Landsbyggefonden's, ``kommune`` with municipal money,
``boligorganisation`` with the housing organisations' and afdelingsbestyrelser's,
``andre`` with every other local party's.

Dansk:
Ansøgninger nævner totaler flere steder (følgebrev, budgettabel); når en af
dem afviger fra beløbene år for år, modsiger ansøgningen sig selv, og LBF kan
ikke se, hvilket tal der gælder.  Hver angivet nøgle sammenlignes med den
beregnede sum over planperioden: ``i_alt`` med al finansiering, ``lbf`` med
Landsbyggefondens, ``kommune`` med kommunens, ``boligorganisation`` med
boligorganisationernes og afdelingsbestyrelsernes, ``andre`` med alle andre
lokale parters.

A total that equals the amounts as written, years outside the period included,
is not reported: the stray years are one defect, and COF009 reports them.
En total, der svarer til beløbene som skrevet (også år uden for perioden),
rapporteres ikke: de forkerte år er én fejl, og COF009 rapporterer dem.
"""

from planlint import Example, Fix, kr, rule

from .shares import ANDRE, BOLIGORGANISATION, KOMMUNE, LBF, damage, figures

#: totaler key -> (model field, category or None for all money, Danish words, English words)
_KEYS = {
    "i_alt": ("total", None, "al finansiering", "all financing"),
    "lbf": ("lbf", LBF, "Landsbyggefondens finansiering", "Landsbyggefonden's financing"),
    "kommune": ("municipality", KOMMUNE, "kommunens finansiering", "the municipality's financing"),
    "boligorganisation": ("housing_org", BOLIGORGANISATION,
                          "boligorganisationernes og afdelingsbestyrelsernes finansiering",
                          "the housing organisations' and tenant boards' financing"),
    "andre": ("others", ANDRE, "de andre lokale parters finansiering", "the other local parties' financing"),
}

_TOTALS = "totaler: {i_alt: 2400000, lbf: 1800000, kommune: 400000, boligorganisation: %d, andre: 0}"


@rule(
    code="COF008",
    severity="error",
    basis="format",
    prequalification=True,  # a prækvalifikationsansøgning has these too
    title=("En angivet total stemmer ikke med beløbene", "A stated total does not match the amounts"),
    sources=(
        ("planlint-format", "budget: totaler"),
    ),
    bad=Example(at="budget", yaml=_TOTALS % 250000, note="boligorganisationen giver 200.000 kr., ikke 250.000"),
    good=Example(at="budget", yaml=_TOTALS % 200000),
    fix=("Sætter totalen til summen af beløbene (når alle beløb er gyldige og alle parter kendte).",
         "Sets the total to the sum of the amounts (when every amount is valid and every part known)."),
)
def check(plan, ctx):
    figs = figures(plan)
    totals = plan.budget.totals if plan.budget is not None else None
    if figs is None or totals is None or not figs.has_financing:
        return  # COF011 says the sums cannot be computed
    if damage(plan, ctx.document).financing:
        return  # a malformed amount (PLN007) leaves the sums unknown
    money = figs.financing()
    for key, (name, category, words_da, words_en) in _KEYS.items():
        stated = getattr(totals, name)
        if stated is None or (category is not None and money.unknown > 0):
            continue  # money from an unknown party (PLN009) may belong to this category
        computed = money.total if category is None else money[category]
        if stated == computed:
            continue
        as_written = computed + sum(sum(line.outside.values()) for line in figs.sources
                                    if category is None or line.category == category)
        if stated == as_written:
            continue  # the total agrees with the amounts as written; COF009 reports the stray years
        yield ctx.finding(
            totals, key,
            fix=Fix.set_value(totals.plan_path + (key,), computed, da=f"Sæt `totaler.{key}` til {computed}",
                              en=f"Set `totaler.{key}` to {computed}"),
            da=f"totaler.{key} er {kr(stated, 'da')}, men {words_da} summerer til {kr(computed, 'da')}; "
               f"ret totalen eller beløbene i `budget.finansiering`, så de stemmer.",
            en=f"totaler.{key} is {kr(stated, 'en')}, but {words_en} adds up to {kr(computed, 'en')}. "
               f"Correct the total or the amounts in `budget.finansiering` so that they agree.",
        )

