"""A criterion needs a datakilde: how and from where the number is collected. About a third of
the end goals missed in the 2006-2010 plans were missed for lack of data and documentation
(cfbu-overblik-2006-2010); Fra Hærværk til Netværk's registrations stopped because staff did not see
their purpose (haervaerk-netvaerk-2012). Naming the source up front makes someone responsible for it.

Dansk:
Et succeskriterium skal have en datakilde: hvordan og hvorfra tallet indsamles. Cirka en
tredjedel af de ikke opfyldte endemål i 2006-2010-planerne skyldtes manglende data og
dokumentation (cfbu-overblik-2006-2010); i Fra Hærværk til Netværk gik registreringen i stå, fordi
medarbejderne ikke så formålet (haervaerk-netvaerk-2012). At navngive kilden fra start gør nogen
ansvarlig for den.
"""

from planlint import Example, rule

from .criteria import blank, criterion_name, lacking

_CRITERION = "indsatsområder[0].aktiviteter[0].succeskriterier[0]"


@rule(
    code="SUC006",
    severity="warning",
    basis="erfaring",
    title=("Succeskriteriet mangler en datakilde", "The success criterion has no data source"),
    sources=(
        ("cfbu-overblik-2006-2010", "Opsamling og perspektivering: endemål ikke nået \"i cirka en "
         "tredjedel af tilfældene\", fordi \"det ikke har været muligt at indhente data og "
         "dokumentation\""),
        ("haervaerk-netvaerk-2012", "7.1 Delmål: registreringerne \"har ikke været kontinuerlige\" og "
         "kan ikke påvise målopfyldelsen"),
    ),
    bad=Example(at=_CRITERION, remove=("datakilde",)),
    good=Example(at=_CRITERION, yaml="datakilde: Jobcentrets registreringer, opgjort halvårligt"),
)
def check(plan, ctx):
    for activity, index, criterion in lacking(plan, ctx, "datakilde", lambda c: not blank(c.data_source)):
        yield ctx.finding(
            criterion, "datakilde",
            da=f"{criterion_name(activity, index, criterion, 'da')}: Succeskriteriet mangler en "
               "datakilde. Tilføj `datakilde` med, hvor tallet kommer fra og hvor ofte det "
               "opgøres, fx 'Deltagerlister, opgjort kvartalsvis'.",
            en=f"{criterion_name(activity, index, criterion, 'en')}: The success criterion has no "
               "data source. Add `datakilde` saying where the number comes from and how often it "
               "is counted, e.g. 'Deltagerlister, opgjort kvartalsvis'.",
        )
