"""Some funding rounds have a last day: "De sidste helhedsplaner støttet af 2006-2010 midlerne
udløber i 2017" (cfbu-overblik-2006-2010). A plan of such a round that runs past that day asks
for money the round no longer has (basis krav). The date is the pack's `period.latest_end`; rounds without one are not checked.

Dansk:
Nogle puljer har en sidste dag: "De sidste helhedsplaner støttet af 2006-2010 midlerne udløber i
2017" (cfbu-overblik-2006-2010). En plan fra sådan en pulje, der løber længere, beder om penge,
puljen ikke længere har (grundlag krav). Datoen er regelpakkens `period.latest_end`; puljer uden en sådan dato kontrolleres ikke.
"""

from planlint import Example, rule


@rule(
    code="LBF004",
    severity="error",
    basis="krav",
    prequalification=True,  # a prækvalifikationsansøgning has these too
    title=("Planperioden slutter efter puljens sidste dag", "The plan period ends after the pulje's last day"),
    sources=(
        ("cfbu-overblik-2006-2010", "Indledning og fremgangsmåde: \"De sidste helhedsplaner støttet af "
         "2006-2010 midlerne udløber i 2017\""),
    ),
    bad=Example(at="plan", yaml='pulje: "2006-2010"\nperiode: {start: 2015-01-01, slut: 2018-12-31}'),
    good=Example(at="plan", yaml='pulje: "2006-2010"\nperiode: {start: 2014-01-01, slut: 2017-12-31}'),
)
def check(plan, ctx):
    period = plan.meta.period
    if ctx.pack is None or period is None or period.end is None:
        return
    latest = ctx.pack.period.latest_end
    if latest is not None and period.end > latest:
        yield ctx.finding(period, "slut",
                          da=f"Planperioden slutter {period.end}, men planer i puljen {ctx.pack.pulje} skal slutte "
                             f"senest {latest}. Flyt `plan.periode.slut` til {latest} eller tidligere.",
                          en=f"The plan period ends on {period.end}, but plans in the pulje {ctx.pack.pulje} must end "
                             f"by {latest}. Move `plan.periode.slut` to {latest} or earlier.")
