"""Local co-financing must be at least 25 % of all financing, and LBF at most 75 %.

Landsbyggefonden pays at most three quarters of a helhedsplan; the rest is
local co-financing from every other party (kommune, boligorganisation,
afdelingsbestyrelse and others), not municipal money alone.  The share is
computed exactly on whole kroner over the plan period: exactly 25 % passes,
24,99 % fails.  The finding says how many kroner of local money are missing
with the budget unchanged (25 % of the total minus the local money: since
financing must equal costs, local money replaces LBF money), and the hint
also how much local money it would take with LBF's amount unchanged (the
budget, and so the costs, then grow).  The thresholds come from the rule
pack of the plan's pulje; without a pack the share is not judged.  Money from
a party missing from ``parter`` counts in the total but not as local money.

Dansk:
Landsbyggefonden betaler højst tre fjerdedele af en helhedsplan; resten er
lokal medfinansiering fra alle andre parter (kommune, boligorganisation,
afdelingsbestyrelse og andre), ikke kun kommunens penge.  Andelen regnes
præcist i hele kroner over planperioden: præcis 25 % er nok, 24,99 % er ikke.
Fundet siger, hvor mange kroner lokal medfinansiering der mangler ved
uændret budget (25 % af det hele minus de lokale midler: finansiering skal
svare til udgifterne, så lokale midler erstatter LBF-midler), og tippet også,
hvor mange lokale midler det ville kræve ved uændret LBF-beløb (så vokser
budgettet og dermed udgifterne).  Grænserne kommer fra regelpakken for planens
pulje; uden regelpakke vurderes andelen ikke.  Penge fra en part, der ikke
står i ``parter``, tæller med i totalen, men ikke som lokale midler.
"""

from planlint import Example, rule

from .shares import damage, figures, judge, sentence, shortfall, shortfall_hint, undecided, unknown_note

_FINANCING_24_PERCENT = """\
finansiering:
  - {part: lbf, type: kontant, beløb: {2021: 456000, 2022: 456000, 2023: 456000, 2024: 456000}}
  - {part: ek, type: kontant, beløb: {2021: 94000, 2022: 94000, 2023: 94000, 2024: 94000}}
  - {part: bo, type: kontant, beløb: {2021: 50000, 2022: 50000, 2023: 50000, 2024: 50000}}
"""

_FINANCING_FSB_KEY = """\
finansiering:
  - {part: lbf, type: kontant, beløb: {2021: 450000, 2022: 450000, 2023: 450000, 2024: 450000}}
  - {part: ek, type: kontant, beløb: {2021: 75000, 2022: 75000, 2023: 75000, 2024: 75000}}
  - {part: bo, type: kontant, beløb: {2021: 75000, 2022: 75000, 2023: 75000, 2024: 75000}}
"""


@rule(
    code="COF001",
    severity="error",
    basis="krav",
    prequalification=True,  # a prækvalifikationsansøgning has these too
    title=("Den lokale medfinansiering er under kravet", "Local co-financing is below the minimum"),
    sources=(
        ("lbf-organisation-oekonomi", "\"krav om minimum 25 % lokal medfinansiering\""),
        ("lbf-ansoegning-2011-2014", "\"minimum 25 % i lokal medfinansiering\""),
        ("cfbu-overblik-2006-2010", "Offentlig rammesætning: \"LBF støtter helhedsplanerne med 75 % af "
         "de budgetterede midler. De resterende 25 % af midlerne kommer fra lokal medfinansiering\""),
        ("bag-facaderne-2014", "faktaboks Helhedsplaner: \"lokal medfinansiering fra kommune og "
         "boligorganisation på minimum 25 procent\""),
        ("fsb-indsatser", "Boligsociale helhedsplaner: \"75 pct. fra LBF, 12,5 pct. fra Københavns "
         "Kommune og 12,5 pct. fra boligorganisation/boligafdeling\""),
    ),
    bad=Example(at="budget", yaml=_FINANCING_24_PERCENT,
                note="LBF 1.824.000 af 2.400.000 kr. (76 %), lokalt 24 %"),
    good=Example(at="budget", yaml=_FINANCING_FSB_KEY,
                 note="fsb's fordelingsnøgle: 75 % LBF, 12,5 % kommune, 12,5 % boligorganisation"),
)
def check(plan, ctx):
    figs = figures(plan)
    if figs is None or ctx.pack is None:
        return  # no budget: COF011; no pack: no thresholds to judge by
    if damage(plan, ctx.document).financing:
        return  # a malformed amount (PLN007) leaves the share unknown
    money = figs.financing()
    verdict = judge(money, ctx.pack.cofinancing)
    if verdict is None or verdict.passes or undecided(money, ctx.pack.cofinancing):
        return
    cof = ctx.pack.cofinancing
    yield ctx.finding(
        plan.budget, "finansiering",
        da=sentence(shortfall(money, verdict, cof, "da")) + unknown_note(figs, money, "da"),
        en=sentence(shortfall(money, verdict, cof, "en")) + unknown_note(figs, money, "en"),
        hint_da=shortfall_hint(verdict, "da"),
        hint_en=shortfall_hint(verdict, "en"),
    )
