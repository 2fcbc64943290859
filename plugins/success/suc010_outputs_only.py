"""An indsatsområde should measure change, not only its own deliveries. The change theory the
plans are built on runs from activities (output) to near-term and long-term goals (outcome,
impact) (cfbu-overblik-2006-2010). When every criterion of an area is at niveau aktivitet ("100
familier deltog"), the plan can succeed on paper while nothing changes for the residents.
The area is reported when every one of its criteria is at niveau aktivitet; a criterion
without a niveau (SUC007, or a bad value: PLN) leaves the area's level open, so one mistake
gives one finding.

Dansk:
Et indsatsområde bør måle forandring og ikke kun sine egne leverancer. Forandringsteorien bag
planerne går fra aktiviteter (output) til kort- og langsigtede mål (resultat og effekt)
(cfbu-overblik-2006-2010). Når alle et områdes kriterier er på niveau aktivitet ("100 familier
deltog"), kan planen lykkes på papiret, uden at noget ændrer sig for beboerne.
Området meldes, når hvert eneste af dets kriterier er på niveau aktivitet; et kriterium uden
niveau (SUC007, eller en ugyldig værdi: PLN) lader områdets niveau stå åbent, så én fejl giver
ét fund.
"""

from planlint import Example, rule

from .criteria import area_name, criteria_of

_CRITERION = "indsatsområder[0].aktiviteter[0].succeskriterier[0]"


@rule(
    code="SUC010",
    severity="warning",
    basis="anbefaling",
    title=("Indsatsområdet måler kun aktiviteter, ikke resultater",
           "The indsatsområde measures only outputs, no outcomes"),
    sources=(
        ("cfbu-overblik-2006-2010", "Del 1, figur 4: forandringsteori fra leverancer til indsatsnære og "
         "langsigtede mål"),
    ),
    bad=Example(at=_CRITERION, yaml="niveau: aktivitet"),
    good=Example(at=_CRITERION, yaml="niveau: effekt"),
)
def check(plan, ctx):
    for area in plan.areas or []:
        holders = [area, *(a for a in area.activities or [] if a is not None)]  # (1.1) area criteria
        levels = {criterion.level for holder in holders for _i, criterion in criteria_of(holder)}
        # an area "whose criteria are all `niveau: aktivitet`"; a criterion without a niveau
        # is SUC007's finding and may well be the outcome criterion
        if levels != {"aktivitet"}:
            continue
        name = area_name(area)
        yield ctx.finding(
            area,
            da=f"Indsatsområdet {name} har kun succeskriterier på niveau aktivitet (det, der "
               "leveres). Tilføj mindst ét kriterium på niveau resultat eller effekt, der måler "
               "den forandring, aktiviteterne skal skabe for beboerne.",
            en=f"The indsatsområde {name} has only success criteria at niveau aktivitet (what is "
               "delivered). Add at least one criterion at niveau resultat or effekt that measures "
               "the change the activities are meant to bring the residents.",
        )
