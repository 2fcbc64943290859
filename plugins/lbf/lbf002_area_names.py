"""Each funding round fixes the intervention areas (indsatsområder) a plan may use. From
2011-2014 on the list is closed: a name outside it is not an area LBF funds, and it breaks
LBF's reporting per area. In 2006-2010 the list was open (LBF's priority themes and CFBU's
eight analysis areas), so another name is only a warning. The pack lists LBF's own spelling of
each area ("Kriminalpræventiv indsats" in 2015-2018, "Børn, unge og familie" in 2011-2014, as on
LBF's application pages) and the accepted variants (singular or plural, other sources' wording);
letter case, spacing and "&" for "og" do not matter. A name that is none of them gets the nearest
official name. The lists are LBF's requirement (basis krav).

Dansk:
Hver pulje fastlægger, hvilke indsatsområder en plan må bruge. Fra 2011-2014 er listen lukket:
et navn uden for listen er ikke et indsatsområde, LBF støtter, og det bryder LBF's opgørelse pr.
indsatsområde. I 2006-2010 var listen åben (LBF's prioriterede temaer og CFBU's otte
indsatsområder), så et andet navn er kun en advarsel. Regelpakken har LBF's egen stavemåde af
hvert indsatsområde ("Kriminalpræventiv indsats" i 2015-2018, "Børn, unge og familie" i
2011-2014, som på LBF's ansøgningssider) og de accepterede varianter (ental eller flertal, andre
kilders ordlyd); store og små bogstaver, mellemrum og "&" for "og" er ligegyldige. Et navn, der
ingen af dem er, får det nærmeste officielle navn foreslået. Listerne er LBF's krav (grundlag krav).
"""

from planlint import Example, closest, rule


@rule(
    code="LBF002",
    severity="error",
    basis="krav",
    prequalification=True,  # a prækvalifikationsansøgning has these too
    title=("Indsatsområdet hører ikke til puljen", "The intervention area does not belong to the pulje"),
    sources=(
        ("lbf-ansoegning-2011-2014", "the seven indsatsområder, e.g. \"Børn, unge og familie\""),
        ("lbf-ansoegning-2015-2018", "the four indsatsområder, e.g. \"Kriminalpræventiv indsats\""),
        ("lbf-boligsociale-indsatser", "the four indsatsområder of 2019-2026"),
        ("cfbu-overblik-2006-2010", "Indledning og fremgangsmåde: \"LBF prioriterer at støtte "
         "indsatserne under temaerne\" (2006-2010, open)"),
        ("bag-facaderne-2014", "indledning: \"Fra 2011-2014 bevilgedes støtte til indsatser inden for "
         "følgende syv overordnede temaer\""),
    ),
    bad=Example(at="indsatsområder[0]", yaml="navn: Beskæftigelsesindsats"),
    good=Example(at="indsatsområder[0]", yaml="navn: Beskæftigelse"),
)
def check(plan, ctx):
    if ctx.pack is None:
        return
    areas = ctx.pack.areas
    listed = ", ".join(areas.names)
    for area in plan.areas or []:
        if not isinstance(area.name, str) or areas.official(area.name) is not None:
            continue
        near = closest(area.name, areas.accepted)  # a near variant points at its official name
        guess = areas.official(near) if near else None
        if areas.closed:
            da = (f"Indsatsområdet '{area.name}' findes ikke i puljen {ctx.pack.pulje}. "
                  + (f"Ret navnet til '{guess}' (LBF's stavemåde)." if guess else f"Brug et af puljens indsatsområder: {listed}."))
            en = (f"The intervention area '{area.name}' does not exist in the pulje {ctx.pack.pulje}. "
                  + (f"Rename it '{guess}' (LBF's spelling)." if guess else f"Use one of the pulje's areas: {listed}."))
        else:
            da = (f"Indsatsområdet '{area.name}' er ikke blandt LBF's temaer for puljen {ctx.pack.pulje}. "
                  + (f"Mente du '{guess}'?" if guess else f"Overvej et af temaerne: {listed}."))
            en = (f"The intervention area '{area.name}' is not among LBF's themes for the pulje {ctx.pack.pulje}. "
                  + (f"Did you mean '{guess}'?" if guess else f"Consider one of the themes: {listed}."))
        yield ctx.finding(area, "navn", da=da, en=en, severity=areas.unknown_severity,
                          hint_da=f"Puljens indsatsområder med LBF's stavemåde: {listed}.",
                          hint_en=f"The pulje's areas in LBF's spelling: {listed}.")
