"""A criterion needs an indikator: the thing that is counted or measured. A beskrivelse such as
"Familier deltager i aktiviteterne" says what is hoped for, not what will be counted, and a goal
that cannot be measured cannot be followed up: about a third of the end goals that were missed
in the 2006-2010 plans were missed because no data could be collected (cfbu-overblik-2006-2010).
LBF asks for "mål og indikatorer" (lbf-boligsociale-indsatser) but not for this structure in the
plan: basis anbefaling, a warning.

Dansk:
Et succeskriterium skal have en indikator: det, der tælles eller måles. En beskrivelse som
"Familier deltager i aktiviteterne" siger, hvad man håber, ikke hvad der tælles, og et mål, der
ikke kan måles, kan ikke følges op: cirka en tredjedel af de ikke opfyldte endemål i 2006-2010-
planerne skyldtes, at der ikke kunne indhentes data (cfbu-overblik-2006-2010).
LBF beder om "mål og indikatorer" (lbf-boligsociale-indsatser), men ikke om denne opbygning i
planen: grundlag anbefaling, en advarsel.
"""

from planlint import Example, rule

from .criteria import blank, criterion_name, lacking

_CRITERION = "indsatsområder[0].aktiviteter[0].succeskriterier[0]"


@rule(
    code="SUC002",
    severity="warning",
    basis="anbefaling",
    title=("Succeskriteriet mangler en indikator", "The success criterion has no indicator"),
    sources=(
        ("lbf-boligsociale-indsatser", "samarbejdsaftalerne beskriver \"organisering, indsatser, mål og "
         "indikatorer\""),
        ("cfbu-overblik-2006-2010", "Opsamling og perspektivering: endemål ikke nået \"i cirka en "
         "tredjedel af tilfældene\", fordi \"det ikke har været muligt at indhente data og "
         "dokumentation\""),
        ("haervaerk-netvaerk-2012", "7.1 Delmål: registreringerne \"har ikke været kontinuerlige\" og "
         "kan ikke påvise målopfyldelsen"),
    ),
    bad=Example(at=_CRITERION, remove=("indikator",)),
    good=Example(at=_CRITERION, yaml="indikator: Antal deltagere, der starter i job eller uddannelse"),
)
def check(plan, ctx):
    for activity, index, criterion in lacking(plan, ctx, "indikator", lambda c: not blank(c.indicator)):
        yield ctx.finding(
            criterion, "indikator",
            da=f"{criterion_name(activity, index, criterion, 'da')}: Succeskriteriet mangler en "
               "indikator. Tilføj `indikator` med det, der tælles eller måles, fx 'Antal unikke "
               "deltagere, der starter i job eller uddannelse'.",
            en=f"{criterion_name(activity, index, criterion, 'en')}: The success criterion has no "
               "indicator. Add `indikator` saying what is counted or measured, e.g. 'Antal unikke "
               "deltagere, der starter i job eller uddannelse'.",
        )
