"""A prækvalifikationsansøgning is not a full plan: LBF first asks whether an area qualifies, and
only then is the helhedsplan written. For the 2011-14 funds LBF lists what the application holds:
a description of the social challenges (at most 5 pages), master data and key figures of the
afdelinger (KÅS-tal), a budget outline with a proposal for local co-financing, and the kommune's
recommendation (lbf-ansoegning-2011-2014; basis krav). fsb's process starts the same way:
"Udarbejdelse af ansøgning om prækvalifikation", then "LBF og kommunen behandler ansøgning"
(fsb-indsatser). A plan with `plan.status: prækvalifikation` is checked for these parts
(`prækvalifikation.problembeskrivelse`, `prækvalifikation.nøgletal`,
`prækvalifikation.kommunal_anbefaling`; the budget outline is `budget`, checked by the COF rules)
instead of the full plan's activities, criteria, forankring and governance. One finding per
missing part.

Dansk:
En prækvalifikationsansøgning er ikke en færdig plan: LBF vurderer først, om området kan komme i
betragtning, og først derefter skrives helhedsplanen. For 2011-14-midlerne oplister LBF, hvad
ansøgningen indeholder: en beskrivelse af de sociale udfordringer (højst 5 sider), stamdata og
nøgletal for afdelingerne (KÅS-tal), et budgetoverslag med forslag til lokal medfinansiering og
kommunens anbefaling (lbf-ansoegning-2011-2014; grundlag krav). fsb's proces begynder på samme
måde: "Udarbejdelse af ansøgning om prækvalifikation", derefter "LBF og kommunen behandler
ansøgning" (fsb-indsatser). En plan med `plan.status: prækvalifikation` kontrolleres for disse dele
(`prækvalifikation.problembeskrivelse`, `prækvalifikation.nøgletal`,
`prækvalifikation.kommunal_anbefaling`; budgetoverslaget er `budget`, som COF-reglerne
kontrollerer) i stedet for den færdige plans aktiviteter, kriterier, forankring og styring. Ét fund
pr. manglende del.
"""

from planlint import Example, rule

from .prequalification import application

_PARTS = (
    ("problem", "problembeskrivelse", "beskrivelsen af de sociale udfordringer (højst 5 sider)",
     "the description of the social challenges (at most 5 pages)"),
    ("key_figures", "nøgletal", "nøgletal for afdelingerne (KÅS-tal)", "key figures of the afdelinger (KÅS-tal)"),
    ("recommendation", "kommunal_anbefaling", "kommunens anbefaling", "the kommune's recommendation"),
)


@rule(
    code="LBF019",
    severity="error",
    basis="krav",
    title=("Prækvalifikationsansøgningen mangler en del", "The prækvalifikationsansøgning lacks a part"),
    sources=(
        ("lbf-ansoegning-2011-2014", "the prækvalifikationsansøgning: a description of the social challenges of "
         "at most 5 pages, key figures, a budget outline with local co-financing, the kommune's recommendation"),
        ("fsb-indsatser", "the process of a boligsocial indsats: \"Udarbejdelse af ansøgning om prækvalifikation\""),
    ),
    bad=Example(yaml=application(recommendation=False), whole_file=True, note="Kommunens anbefaling mangler"),
    good=Example(yaml=application(), whole_file=True),
    prequalification=True,
)
def check(plan, ctx):
    if plan.meta.effective_status != "prækvalifikation":
        return
    section = plan.prequalification
    if section is None:
        if ctx.document.wrote(("prækvalifikation",)):
            return  # written, but not a mapping: the core says so
        yield ctx.finding(
            ("plan", "status"),
            da="Planen er en prækvalifikationsansøgning, men har intet afsnit `prækvalifikation`. Tilføj "
               "problembeskrivelse (sider), nøgletal og kommunal_anbefaling.",
            en="The plan is a prækvalifikationsansøgning but has no `prækvalifikation` section. Add "
               "problembeskrivelse (pages), nøgletal and kommunal_anbefaling.")
        return
    for name, key, what_da, what_en in _PARTS:
        value = getattr(section, name)
        if (value is None or value == []) and not (value is None and ctx.document.wrote(section.path_of(key))):
            yield ctx.finding(section, key,
                              da=f"Prækvalifikationsansøgningen mangler {what_da}. Tilføj `{key}` under "
                                 "`prækvalifikation`.",
                              en=f"The prækvalifikationsansøgning lacks {what_en}. Add `{key}` under "
                                 "`prækvalifikation`.")
