"""An in-kind contribution (naturalier) without a valuation.

Staff hours and rooms count as co-financing only at a value someone can
check.  Evaluations found agreed co-financing that was never delivered or
never registered, with no standard for valuing it: "et skøn fra gang til
gang" (haervaerk-netvaerk-2012).  ``værdiansættelse`` says how the amount was
reached (hours times a rate, a salary, a rent).  Meeting time in the steering
group is not co-financing at all (rum-for-liv-2012).  LBF asks for 25 % local
co-financing but says nothing here about valuing it: basis erfaring, a warning.

Dansk:
Medarbejdertimer og lokaler tæller kun som medfinansiering til en værdi, som
andre kan efterprøve.  Evalueringer fandt aftalt medfinansiering, der aldrig
blev leveret eller registreret, og ingen standard for værdisætningen: "et
skøn fra gang til gang" (haervaerk-netvaerk-2012).  ``værdiansættelse``
siger, hvordan beløbet er fundet (timer gange sats, en løn, en husleje).
Mødetid i styregruppen er slet ikke medfinansiering (rum-for-liv-2012).  LBF
kræver 25 % lokal medfinansiering, men siger intet her om værdisætningen:
grundlag erfaring, en advarsel.
"""

from planlint import Example, kr, rule

from .shares import describe_source

_IN_KIND = """\
finansiering:
  - {part: lbf, type: kontant, beløb: {2021: 450000, 2022: 450000, 2023: 450000, 2024: 450000}}
  - {part: ek, type: naturalier, aftale: sa-job, beløb: {2021: 100000, 2022: 100000, 2023: 100000, 2024: 100000}%s}
  - {part: bo, type: kontant, beløb: {2021: 50000, 2022: 50000, 2023: 50000, 2024: 50000}}
"""


@rule(
    code="COF004",
    severity="warning",
    basis="erfaring",
    prequalification=True,  # a prækvalifikationsansøgning has these too
    title=("Naturaliebidraget har ingen værdiansættelse", "The in-kind contribution has no valuation"),
    sources=(
        ("haervaerk-netvaerk-2012", "6.1 Det centrale samarbejde: \"et skøn fra gang til gang\", og "
         "bidrag \"bliver slet ikke registreret\""),
        ("haervaerk-netvaerk-2012", "8.3 Metodeudvikling: anbefaler et lettere system til indberetning "
         "af medfinansieringen"),
        ("rum-for-liv-2012", "3.3 De to afdelinger – samlet set: møder i styregruppen registreres ikke "
         "som kommunalt ressourceforbrug"),
    ),
    bad=Example(at="budget", yaml=_IN_KIND % ""),
    good=Example(at="budget", yaml=_IN_KIND % ", værdiansættelse: 8 timer om ugen af en jobkonsulent à 240 kr."),
)
def check(plan, ctx):
    budget = plan.budget
    for source in (budget.sources or []) if budget is not None else []:
        if not source.in_kind or (source.valuation or "").strip():
            continue
        what_da, what_en = describe_source(plan, source)
        yield ctx.finding(
            source, "værdiansættelse",
            da=f"Der står ikke, hvordan {what_da} på {kr(source.total, 'da')} er værdisat. Tilføj "
               f"`værdiansættelse`, fx timer om ugen gange timesats eller en årsløn.",
            en=f"It does not say how {what_en} of {kr(source.total, 'en')} is valued. Add "
               f"`værdiansættelse`, e.g. hours per week times an hourly rate, or an annual salary.",
        )
