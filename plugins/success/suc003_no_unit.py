"""A criterion needs an enhed (unit): 40 of what? Persons, families, percent or events are
different measurements, and a target without a unit cannot be compared with its baseline or
followed up in the målopfyldelsesskema. The plan format lists the enhed as part of a complete
criterion; "enhed: procent" also tells planlint that the targets are shares between 0 and 100.
LBF asks for "mål og indikatorer" (lbf-boligsociale-indsatser) but not for this structure in the
plan: basis anbefaling, a warning.

Dansk:
Et succeskriterium skal have en enhed: 40 af hvad? Personer, familier, procent og hændelser er
forskellige målinger, og et mål uden enhed kan ikke sammenlignes med baseline eller følges op i
målopfyldelsesskemaet. Planformatet regner enheden med til et komplet kriterium; "enhed: procent"
fortæller også planlint, at målene er andele mellem 0 og 100.
LBF beder om "mål og indikatorer" (lbf-boligsociale-indsatser), men ikke om denne opbygning i
planen: grundlag anbefaling, en advarsel.
"""

from planlint import Example, rule

from .criteria import blank, criterion_name, lacking

_CRITERION = "indsatsområder[0].aktiviteter[0].succeskriterier[0]"


@rule(
    code="SUC003",
    severity="warning",
    basis="anbefaling",
    title=("Succeskriteriet mangler en enhed", "The success criterion has no unit"),
    sources=(
        ("lbf-boligsociale-indsatser", "samarbejdsaftalerne beskriver \"organisering, indsatser, mål og "
         "indikatorer\""),
        ("planlint-format", "succeskriterier: a complete criterion has an enhed"),
        ("cfbu-overblik-2006-2010", "Opsamling og perspektivering: endemål ikke nået \"i cirka en "
         "tredjedel af tilfældene\", fordi \"det ikke har været muligt at indhente data og "
         "dokumentation\""),
    ),
    bad=Example(at=_CRITERION, remove=("enhed",)),
    good=Example(at=_CRITERION, yaml="enhed: personer"),
)
def check(plan, ctx):
    for activity, index, criterion in lacking(plan, ctx, "enhed", lambda c: not blank(c.unit)):
        yield ctx.finding(
            criterion, "enhed",
            da=f"{criterion_name(activity, index, criterion, 'da')}: Succeskriteriet mangler en "
               "enhed. Tilføj `enhed`, fx personer, familier eller procent.",
            en=f"{criterion_name(activity, index, criterion, 'en')}: The success criterion has no "
               "unit. Add `enhed`, e.g. personer, familier or procent.",
        )
