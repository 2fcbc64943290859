"""Each funding round fixes the intervention areas (indsatsområder) a plan may use. From
2011-2014 on the list is closed: a name outside it is not an area LBF funds, and it breaks
LBF's reporting per area. In 2006-2010 the list was open (LBF's priority themes and CFBU's
eight analysis areas), so another name is only a warning. Names are compared in the rule
pack's spelling (letter case and spacing aside), and the nearest allowed name is suggested.

Dansk:
Hver pulje fastlægger, hvilke indsatsområder en plan må bruge. Fra 2011-2014 er listen lukket:
et navn uden for listen er ikke et indsatsområde, LBF støtter, og det bryder LBF's opgørelse pr.
indsatsområde. I 2006-2010 var listen åben (LBF's prioriterede temaer og CFBU's otte
indsatsområder), så et andet navn er kun en advarsel. Navne sammenlignes med regelpakkens
stavemåde (store og små bogstaver og mellemrum undtaget), og det nærmeste tilladte navn foreslås.
"""

from planlint import Example, closest, rule


def _folded(name: str) -> str:
    return " ".join(name.split()).casefold()


@rule(
    code="LBF002",
    severity="error",
    title=("Indsatsområdet hører ikke til puljen", "The intervention area does not belong to the pulje"),
    source="RULES.md, The funding rounds: 2006-2010 003 l.65-73 (open); 2011-2014 001 l.175-187, 336-352; "
           "2015-2018 004; 2019-2026 lbf.dk \"Boligsociale indsatser\" (2023); the list is the pack's areas.names",
    bad=Example(at="indsatsområder[0]", yaml="navn: Beskæftigelsesindsats"),
    good=Example(at="indsatsområder[0]", yaml="navn: Beskæftigelse"),
)
def check(plan, ctx):
    if ctx.pack is None:
        return
    areas = ctx.pack.areas
    allowed = {_folded(name) for name in areas.names}
    listed = ", ".join(areas.names)
    for area in plan.areas or []:
        if not isinstance(area.name, str) or _folded(area.name) in allowed:
            continue
        guess = closest(area.name, areas.names)
        if areas.closed:
            da = (f"Indsatsområdet '{area.name}' findes ikke i puljen {ctx.pack.pulje}. "
                  + (f"Ret navnet til '{guess}'." if guess else f"Brug et af puljens indsatsområder: {listed}."))
            en = (f"The intervention area '{area.name}' does not exist in the pulje {ctx.pack.pulje}. "
                  + (f"Rename it '{guess}'." if guess else f"Use one of the pulje's areas: {listed}."))
        else:
            da = (f"Indsatsområdet '{area.name}' er ikke blandt LBF's temaer for puljen {ctx.pack.pulje}. "
                  + (f"Mente du '{guess}'?" if guess else f"Overvej et af temaerne: {listed}."))
            en = (f"The intervention area '{area.name}' is not among LBF's themes for the pulje {ctx.pack.pulje}. "
                  + (f"Did you mean '{guess}'?" if guess else f"Consider one of the themes: {listed}."))
        yield ctx.finding(area, "navn", da=da, en=en, severity=areas.unknown_severity,
                          hint_da=f"Puljens indsatsområder: {listed}.", hint_en=f"The pulje's areas: {listed}.")
