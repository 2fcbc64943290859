"""A plan budgets time for evaluation (bag-facaderne-2014); Rum for Liv plans a yearly evaluation in
the steering group and an external mid-term and final evaluation (rum-for-liv-2012), and from
2011-2014 LBF and CFBU follow the plans with a målopfyldelsesskema (rum-for-liv-2012). A plan
without an `evaluering` section has no evaluation plan; one without any date (neither `midtvejs`
nor `slut`) has not planned when. One date is enough: a plan may leave out the mid-term.

Dansk:
En plan afsætter tid til evaluering (bag-facaderne-2014); Rum for Liv planlægger en årlig
evaluering i styregruppen og en ekstern midtvejs- og slutevaluering (rum-for-liv-2012), og fra
2011-2014 følger LBF og CFBU planerne med et målopfyldelsesskema (rum-for-liv-2012). En plan uden
afsnittet `evaluering` har ingen evalueringsplan; en uden nogen dato (hverken `midtvejs` eller
`slut`) har ikke planlagt hvornår. Én dato er nok: en plan kan udelade midtvejsevalueringen.
"""

from planlint import Example, rule

from .frame import present_or_plan


@rule(
    code="LBF012",
    severity="warning",
    basis="anbefaling",
    title=("Evalueringen er ikke planlagt", "The evaluation is not planned"),
    sources=(
        ("rum-for-liv-2012", "7 Evaluering: Målopfyldelsesskemaet, \"Landsbyggefondens nye "
         "indberetningssystem\"; årlige evalueringer og \"en større midtvejs og slutevaluering med "
         "ekstern bistand\""),
        ("bag-facaderne-2014", "kap. 1: \"15 timer til det administrative arbejde … (projektbeskrivelse, "
         "bevillinger og evaluering)\""),
    ),
    bad=Example(remove=("evaluering",)),
    good=Example(yaml="evaluering: {midtvejs: 2022-12-31, slut: 2024-12-31, ekstern: true}"),
)
def check(plan, ctx):
    evaluation = plan.evaluation
    if evaluation is not None:
        if evaluation.midterm is None and evaluation.final is None:
            yield ctx.finding(evaluation, "slut",
                              da="Evalueringen har ingen datoer. Angiv under `evaluering`, hvornår midtvejs- og "
                                 "slutevalueringen ligger (`midtvejs`, `slut`).",
                              en="The evaluation has no dates. State under `evaluering` when the mid-term and final "
                                 "evaluation take place (`midtvejs`, `slut`).")
        return
    yield ctx.finding(present_or_plan(ctx, "evaluering"),
                      da="Planen beskriver ikke, hvordan og hvornår den evalueres. Tilføj `evaluering` med datoer for "
                         "midtvejs- og slutevaluering (`midtvejs`, `slut`) og metoden (`metode`).",
                      en="The plan does not say how and when it is evaluated. Add `evaluering` with the dates of the "
                         "mid-term and final evaluation (`midtvejs`, `slut`) and the method (`metode`).")
