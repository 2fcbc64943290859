"""No money from the municipality at all.

The 25 % is local co-financing "fra kommune og boligorganisation", and the
municipality is usually the second largest contributor, funding the parts
that serve its own goals; fsb plans split 12,5 % kommune and 12,5 %
boligorganisation.  A plan the kommune puts no money into (cash or in kind)
lacks the commitment that keeps activities alive after the plan.  Warning,
because the rules demand local money, not municipal money.

Dansk:
De 25 % er lokal medfinansiering "fra kommune og boligorganisation", og
kommunen er typisk den næststørste bidragyder til de dele, der understøtter
kommunens egne mål; fsb's planer fordeler 12,5 % kommune og 12,5 %
boligorganisation.  En plan, som kommunen ikke lægger penge i (kontant eller
som naturalier), mangler den forpligtelse, der holder aktiviteterne i live
efter planen.  Advarsel, fordi kravet gælder lokale midler, ikke kommunale.
"""

from planlint import Example, rule

from .shares import KOMMUNE, UNKNOWN, damage, figures, party_name

_WITHOUT_MUNICIPALITY = """\
finansiering:
  - {part: lbf, type: kontant, beløb: {2021: 450000, 2022: 450000, 2023: 450000, 2024: 450000}}
  - {part: bo, type: kontant, beløb: {2021: 150000, 2022: 150000, 2023: 150000, 2024: 150000}}
"""

_MUNICIPALITY_IN_KIND = """\
finansiering:
  - {part: lbf, type: kontant, beløb: {2021: 450000, 2022: 450000, 2023: 450000, 2024: 450000}}
  - {part: bo, type: kontant, beløb: {2021: 100000, 2022: 100000, 2023: 100000, 2024: 100000}}
  - part: ek
    type: naturalier
    beløb: {2021: 50000, 2022: 50000, 2023: 50000, 2024: 50000}
    værdiansættelse: 4 timer om ugen af en jobkonsulent à 240 kr. i timen
    aftale: sa-job
"""


@rule(
    code="COF003",
    severity="warning",
    basis="erfaring",
    prequalification=True,  # a prækvalifikationsansøgning has these too
    title=("Kommunen bidrager ikke til finansieringen", "The municipality contributes no money"),
    sources=(
        ("lbf-organisation-oekonomi", "lokal medfinansiering \"oftest fra beliggenhedskommune og "
         "deltagende boligorganisationer\""),
        ("cfbu-overblik-2006-2010", "Offentlig rammesætning: kommunerne har \"den næststørste "
         "medfinansiering\""),
        ("fsb-indsatser", "Boligsociale helhedsplaner: \"12,5 pct. fra Københavns Kommune\""),
    ),
    bad=Example(at="budget", yaml=_WITHOUT_MUNICIPALITY, note="kun LBF og boligorganisationen"),
    good=Example(at="budget", yaml=_MUNICIPALITY_IN_KIND, note="kommunen bidrager med naturalier"),
)
def check(plan, ctx):
    figs = figures(plan)
    if figs is None or not figs.has_financing:
        return  # COF011: nothing to share out
    if figs.financing()[KOMMUNE] > 0:
        return
    if damage(plan, ctx.document).financing or any(line.category == UNKNOWN for line in figs.sources):
        return  # a line the core reports (malformed amount, unknown party or type) may be the kommune's
    municipality = plan.meta.municipality
    name_da = party_name(plan, municipality) if municipality else "kommunen"
    name_en = party_name(plan, municipality) if municipality else "the municipality"
    yield ctx.finding(
        plan.budget, "finansiering",
        da=f"Finansieringen har ingen penge fra {name_da}; kommunen er normalt den næststørste lokale "
           f"bidragyder. Tilføj kommunens bidrag (kontant eller som naturalier) under `budget.finansiering`.",
        en=f"The financing has no money from {name_en}; the municipality is usually the second largest "
           f"local contributor. Add the municipality's contribution (cash or in kind) to `budget.finansiering`.",
    )
