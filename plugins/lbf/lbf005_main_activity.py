"""Each intervention area has exactly one hovedaktivitet: the activity the staff consider the
bearing one, and the one that gets most resources. Under the 2006-2010 funds LBF required it to
be documented in the self-evaluation, one per area: "Det er et krav fra LBF, at helhedsplaner
med bevilling under 2006-2010 midlerne dokumenterer hovedaktiviteterne i et selvevalueringsskema"
(cfbu-overblik-2006-2010): error, basis krav. CFBU's overblik also says LBF's målopfyldelsesskema
"afløser selvevalueringerne i LBF's 2011-2014 midler", so from then on naming a hovedaktivitet is
only a note: info (the pack's
`main_activity.severity`).

Dansk:
Hvert indsatsområde har præcis én hovedaktivitet: den aktivitet, medarbejderne anser for den
bærende, og som får flest ressourcer. Under 2006-2010-midlerne krævede LBF, at den blev
dokumenteret i selvevalueringen, én pr. indsatsområde: "Det er et krav fra LBF, at helhedsplaner
med bevilling under 2006-2010 midlerne dokumenterer hovedaktiviteterne i et selvevalueringsskema"
(cfbu-overblik-2006-2010): fejl, grundlag krav. Ifølge samme overblik "afløser" LBF's
målopfyldelsesskema "selvevalueringerne i LBF's 2011-2014 midler", så derefter er en hovedaktivitet
kun en bemærkning: info (regelpakkens `main_activity.severity`).
"""

from planlint import Example, rule


@rule(
    code="LBF005",
    severity="error",
    basis="krav",
    title=("Indsatsområdet har ikke præcis én hovedaktivitet", "The area does not have exactly one hovedaktivitet"),
    sources=(
        ("cfbu-overblik-2006-2010", "Læsevejledning, note 2: \"Det er et krav fra LBF, at helhedsplaner "
         "med bevilling under 2006-2010 midlerne dokumenterer hovedaktiviteterne i et "
         "selvevalueringsskema\""),
        ("cfbu-overblik-2006-2010", "Læsevejledning: LBF's målopfyldelsesskema \"afløser "
         "selvevalueringerne i LBF's 2011-2014 midler\""),
    ),
    bad=Example(at="indsatsområder[0].aktiviteter[0]", yaml="hovedaktivitet: false"),
    good=Example(at="indsatsområder[0].aktiviteter[0]", yaml="hovedaktivitet: true"),
)
def check(plan, ctx):
    if ctx.pack is None:
        return
    severity = ctx.pack.main_activity.severity
    for area in plan.areas or []:
        activities = area.activities or []
        if not activities:
            continue  # an area without activities is the core's PLN004/PLN005
        name = area.name or area.id or "?"
        main = [activity for activity in activities if activity.main is True]
        malformed = any(activity.main is None and ctx.document.wrote(activity.path_of("main"))
                        for activity in activities)  # hovedaktivitet: ja is the core's PLN005, not a gap
        if not main and not malformed:
            yield ctx.finding(area, "aktiviteter", severity=severity,
                              da=f"Indsatsområdet {name} har ingen hovedaktivitet. Sæt `hovedaktivitet: true` på den "
                                 "bærende aktivitet (den, der bruger flest ressourcer).",
                              en=f"The area {name} has no hovedaktivitet. Set `hovedaktivitet: true` on its main "
                                 "activity (the one that uses most resources).")
        for extra in main[1:]:
            yield ctx.finding(extra, "hovedaktivitet", severity=severity,
                              da=f"Aktivitet {extra.label} er hovedaktivitet nr. {main.index(extra) + 1} i "
                                 f"indsatsområdet {name}; et indsatsområde har én hovedaktivitet "
                                 f"({main[0].label}). Fjern `hovedaktivitet: true` her.",
                              en=f"Activity {extra.label} is main activity no. {main.index(extra) + 1} in the area "
                                 f"{name}; an area has one hovedaktivitet ({main[0].label}). Remove "
                                 "`hovedaktivitet: true` here.")
