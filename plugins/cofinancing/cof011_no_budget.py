"""No budget, or no financing in it: the co-financing cannot be computed.

Without ``budget.finansiering`` planlint cannot tell whether LBF pays at most
75 % and local parties at least 25 %, nor whether the money covers the
costs.  A plan must not pass the co-financing check by leaving the budget
out (Rum for Liv has no budget in the document at all), so this is an error
that says the check could not be made.

Dansk:
Uden ``budget.finansiering`` kan planlint ikke afgøre, om LBF betaler højst
75 % og de lokale parter mindst 25 %, eller om pengene dækker udgifterne.
En plan må ikke bestå medfinansieringskravet ved at udelade budgettet (Rum
for Liv har slet intet budget i dokumentet), så det er en fejl, der siger,
at kontrollen ikke kunne foretages.
"""

from planlint import Example, rule

from .shares import damage, figures, threshold

_AMOUNTS_AS_TEXT = """\
finansiering:
  - {part: lbf, type: kontant, beløb: {2021: "450.000 kr.", 2022: "450.000 kr.", 2023: 450000, 2024: 450000}}
  - {part: ek, type: kontant, beløb: {2021: "100 000", 2022: 100000, 2023: 100000, 2024: 100000}}
  - {part: bo, type: kontant, beløb: {2021: 50000, 2022: 50000, 2023: 50000, 2024: 50000}}
"""


@rule(
    code="COF011",
    severity="error",
    basis="krav",
    prequalification=True,  # a prækvalifikationsansøgning has these too
    title=("Medfinansieringen kan ikke beregnes", "The co-financing cannot be computed"),
    sources=(
        ("lbf-ansoegning-2011-2014", "the prækvalifikationsansøgning holds a budget outline with a "
         "proposal for local co-financing"),
        ("cfbu-overblik-2006-2010", "Offentlig rammesætning: \"LBF støtter helhedsplanerne med 75 % af "
         "de budgetterede midler. De resterende 25 % af midlerne kommer fra lokal medfinansiering\""),
    ),
    bad=Example(at="", remove=("budget",)),
    good=Example(at="budget", yaml=_AMOUNTS_AS_TEXT, note="beløb skrevet som tekst tæller som tal"),
)
def check(plan, ctx):
    figs = figures(plan)
    if figs is not None and figs.has_financing:
        return
    broken = damage(plan, ctx.document)
    if broken.budget or broken.financing:
        return  # the budget was written, but the core rejected it or its amounts (PLN005, PLN007)
    pack = ctx.pack
    limit_da = f" (mindst {threshold(pack.cofinancing.local_min, 'da')})" if pack else ""
    limit_en = f" (at least {threshold(pack.cofinancing.local_min, 'en')})" if pack else ""
    if figs is None:
        yield ctx.finding(
            plan, "budget",
            da=f"Planen har intet budget, så den lokale medfinansiering{limit_da} kan ikke beregnes. "
               f"Tilføj `budget` med finansiering og udgifter pr. år.",
            en=f"The plan has no budget, so the local co-financing{limit_en} cannot be computed. "
               f"Add a budget with financing and costs per year.",
        )
        return
    outside = any(line.outside for line in figs.sources)
    why_da = " i planperioden" if outside else ""
    why_en = " within the plan period" if outside else ""
    # (1.1) rows with status søges are no financing yet; say so rather than "none"
    sought = any(source.sought for source in plan.budget.sources or [])
    what_da, what_en = ("ingen bevilget finansiering", "no granted financing") if sought else \
        ("ingen finansiering", "no financing")
    yield ctx.finding(
        plan.budget, "finansiering",
        da=f"Budgettet har {what_da}{why_da}, så den lokale medfinansiering{limit_da} kan ikke "
           f"beregnes. Tilføj finansieringskilderne under `budget.finansiering` med beløb pr. år.",
        en=f"The budget has {what_en}{why_en}, so the local co-financing{limit_en} cannot be computed. "
           f"Add the sources of financing to `budget.finansiering` with amounts per year.",
    )
