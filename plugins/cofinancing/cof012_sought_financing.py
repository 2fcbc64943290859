"""Financing that is still being applied for is not financing yet. A real plan often counts on
money it has asked for but not been granted (a fund, a ministry pool, the kommune's next budget);
a row of `budget.finansiering` with `status: søges` (format 1.1) records it without pretending it
is secured. Such money counts in no share and no sum: the 25 % local co-financing must hold
without it. Each such row is reported, naming the party and the amount when the plan gives one,
so the coordinator can follow up until it is granted (then `status: bevilget`, or no status).

Dansk:
Finansiering, der stadig søges, er endnu ikke finansiering. En virkelig plan regner ofte med
penge, den har søgt, men ikke fået bevilget (en fond, en ministeriel pulje, kommunens næste
budget); en linje i `budget.finansiering` med `status: søges` (format 1.1) noterer dem uden at
foregive, at de er sikret. Pengene tæller hverken med i andele eller summer: de 25 % lokal
medfinansiering skal holde uden dem. Hver sådan linje meldes med part og beløb, når planen angiver
et, så koordinatoren kan følge op, til de er bevilget (så `status: bevilget` eller ingen status).
"""

from planlint import Example, kr, rule

from .shares import capital, describe_source

_SOUGHT = """\
finansiering:
  - {part: lbf, type: kontant, beløb: {2021: 450000, 2022: 450000, 2023: 450000, 2024: 450000}}
  - {part: ek, type: kontant, beløb: {2021: 100000, 2022: 100000, 2023: 100000, 2024: 100000}}
  - {part: bo, type: kontant, beløb: {2021: 50000, 2022: 50000, 2023: 50000, 2024: 50000}}
  - {part: ab, type: kontant%s}
"""


@rule(
    code="COF012",
    severity="warning",
    title=("Finansieringen er ikke sikret (søges)", "The financing is not secured (applied for)"),
    basis="erfaring",
    prequalification=True,  # a prækvalifikationsansøgning's budget outline may count on money applied for
    sources=(
        ("planlint-format", "Format 1.1: budget.finansiering[].status (søges)"),
        ("haervaerk-netvaerk-2012", "co-financing that was agreed but not delivered"),
    ),
    bad=Example(at="budget", yaml=_SOUGHT % ", status: søges, beløb: {2022: 20000}"),
    good=Example(at="budget", yaml=_SOUGHT % ", beløb: {2022: 20000}"),
)
def check(plan, ctx):
    budget = plan.budget
    for source in (budget.sources or []) if budget is not None else []:
        if not source.sought:
            continue
        what_da, what_en = describe_source(plan, source)
        amount_da = f" på {kr(source.total, 'da')}" if source.amounts else ""
        amount_en = f" of {kr(source.total, 'en')}" if source.amounts else ""
        yield ctx.finding(
            source, "status",
            da=f"{capital(what_da)}{amount_da} søges endnu og er ikke regnet med i medfinansieringen. "
               f"Skriv `status: bevilget`, når pengene er bevilget, eller find finansieringen et andet sted.",
            en=f"{capital(what_en)}{amount_en} is still being applied for and is not counted in the "
               f"co-financing. Write `status: bevilget` once the money is granted, or find the financing "
               f"elsewhere.",
        )
