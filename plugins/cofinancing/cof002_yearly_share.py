"""A year in which local co-financing falls below 25 %, while the whole period passes.

LBF's 75/25 split applies to "de budgetterede midler", and plans are budgeted
and reported year by year.  A plan whose local money arrives late (LBF pays
the first years alone) passes on the total but leaves the early years without
the local commitment the split stands for.  LBF states the 25 % for the
budget as a whole, not per year, so this is a lesson (basis erfaring: agreed
local money that came late or not at all, haervaerk-netvaerk-2012) and only
info, and only when the total passes: a failing total is COF001 and says it all.  Each year is
judged exactly, like the total, with the pack's thresholds.

Dansk:
LBF's fordeling 75/25 gælder "de budgetterede midler", og planer budgetteres
og følges op år for år.  En plan, hvor de lokale midler kommer sent (LBF
betaler de første år alene), består på totalen, men mangler den lokale
forpligtelse i de første år.  LBF stiller kravet om 25 % til budgettet som
helhed, ikke pr. år, så det er en erfaring (grundlag erfaring: aftalte lokale
midler, der kom sent eller slet ikke, haervaerk-netvaerk-2012) og kun info, og
kun når totalen består: en total under grænsen er COF001.  Hvert år vurderes præcist som totalen med
regelpakkens grænser.
"""

from planlint import Example, rule

from .shares import damage, figures, judge, sentence, shortfall, shortfall_hint, undecided

_LOCAL_MONEY_LATE = """\
finansiering:
  - {part: lbf, type: kontant, beløb: {2021: 500000, 2022: 450000, 2023: 450000, 2024: 400000}}
  - {part: ek, type: kontant, beløb: {2021: 50000, 2022: 100000, 2023: 100000, 2024: 150000}}
  - {part: bo, type: kontant, beløb: {2021: 50000, 2022: 50000, 2023: 50000, 2024: 50000}}
"""

_LOCAL_MONEY_EARLY = """\
finansiering:
  - {part: lbf, type: kontant, beløb: {2021: 400000, 2022: 450000, 2023: 450000, 2024: 450000}}
  - {part: ek, type: kontant, beløb: {2021: 150000, 2022: 100000, 2023: 100000, 2024: 100000}}
  - {part: bo, type: kontant, beløb: {2021: 50000, 2022: 50000, 2023: 50000, 2024: 50000}}
"""


@rule(
    code="COF002",
    severity="info",
    basis="erfaring",
    prequalification=True,  # a prækvalifikationsansøgning has these too
    title=("Et år har for lidt lokal medfinansiering", "A year has too little local co-financing"),
    sources=(
        ("cfbu-overblik-2006-2010", "Offentlig rammesætning: \"LBF støtter helhedsplanerne med 75 % af "
         "de budgetterede midler. De resterende 25 % af midlerne kommer fra lokal medfinansiering\" (om "
         "budgettet som helhed, ikke pr. år)"),
        ("haervaerk-netvaerk-2012", "6.1 Det centrale samarbejde: BUF \"har haft svært at levere den "
         "medfinansiering, der var aftalt\""),
    ),
    bad=Example(at="budget", yaml=_LOCAL_MONEY_LATE, note="2021: lokalt 100.000 af 600.000 kr. (16,6 %)"),
    good=Example(at="budget", yaml=_LOCAL_MONEY_EARLY, note="hvert år mindst 25 % lokalt"),
)
def check(plan, ctx):
    figs = figures(plan)
    if figs is None or ctx.pack is None or damage(plan, ctx.document).financing:
        return  # no budget, no thresholds, or a malformed amount (PLN007): no share to judge
    cof = ctx.pack.cofinancing
    whole = judge(figs.financing(), cof)
    if whole is None or not whole.passes:
        return  # COF011 or COF001
    for year in figs.years:
        money = figs.financing(year)
        verdict = judge(money, cof)
        if verdict is None or verdict.passes or undecided(money, cof):
            continue  # a year without money is COF010
        yield ctx.finding(
            plan.budget, "finansiering",
            da=sentence(shortfall(money, verdict, cof, "da", year))
            + " Hele perioden når grænsen, men året gør ikke.",
            en=sentence(shortfall(money, verdict, cof, "en", year))
            + " The whole period reaches the limit, the year does not.",
            hint_da=f"For {year}: " + shortfall_hint(verdict, "da"),
            hint_en=f"For {year}: " + shortfall_hint(verdict, "en"),
        )
