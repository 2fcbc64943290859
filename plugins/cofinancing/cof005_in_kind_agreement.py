"""An in-kind contribution (naturalier) without an agreement that commits it.

Agreed co-financing from municipal departments was in practice not delivered
("har haft svært at levere den medfinansiering, der var aftalt").  An in-kind
contribution should point (``aftale``) to the samarbejdsaftale in which the
party commits the hours or rooms, so the contribution can be claimed later.
A lesson from one evaluation (haervaerk-netvaerk-2012; basis erfaring): info.

Dansk:
Aftalt medfinansiering fra forvaltningerne blev i praksis ikke leveret ("har
haft svært at levere den medfinansiering, der var aftalt").  Et
naturaliebidrag skal henvise (``aftale``) til den samarbejdsaftale, hvor
parten forpligter sig til timerne eller lokalerne, så bidraget kan kræves
leveret.  En erfaring fra én evaluering (haervaerk-netvaerk-2012; grundlag
erfaring): info.
"""

from planlint import Example, kr, rule

from .shares import capital, describe_source

_IN_KIND = """\
finansiering:
  - {part: lbf, type: kontant, beløb: {2021: 450000, 2022: 450000, 2023: 450000, 2024: 450000}}
  - {part: ek, type: naturalier, værdiansættelse: 8 timer om ugen af en jobkonsulent à 240 kr.,
     beløb: {2021: 100000, 2022: 100000, 2023: 100000, 2024: 100000}%s}
  - {part: bo, type: kontant, beløb: {2021: 50000, 2022: 50000, 2023: 50000, 2024: 50000}}
"""


@rule(
    code="COF005",
    severity="info",
    basis="erfaring",
    prequalification=True,  # a prækvalifikationsansøgning has these too
    title=("Naturaliebidraget er ikke forpligtet i en aftale", "The in-kind contribution has no agreement"),
    sources=(
        ("haervaerk-netvaerk-2012", "6.1 Det centrale samarbejde: BUF \"har haft svært at levere den "
         "medfinansiering, der var aftalt\""),
    ),
    bad=Example(at="budget", yaml=_IN_KIND % ""),
    good=Example(at="budget", yaml=_IN_KIND % ", aftale: sa-job"),
)
def check(plan, ctx):
    budget = plan.budget
    for source in (budget.sources or []) if budget is not None else []:
        if not source.in_kind or source.agreement is not None:
            continue
        what_da, what_en = describe_source(plan, source)
        yield ctx.finding(
            source, "aftale",
            da=f"{capital(what_da)} på {kr(source.total, 'da')} henviser ikke til en "
               f"samarbejdsaftale. Tilføj `aftale` med id'et på den samarbejdsaftale, der forpligter parten.",
            en=f"{capital(what_en)} of {kr(source.total, 'en')} refers to no cooperation "
               f"agreement. Add `aftale` with the id of the samarbejdsaftale that commits the party.",
        )
