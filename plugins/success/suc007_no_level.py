"""A criterion needs a niveau: aktivitet (output: what is delivered), resultat (outcome: the
change for the participants) or effekt (impact in the area). The change theory behind the
plans runs from deliveries to near-term and long-term goals (cfbu-overblik-2006-2010); without the
level nobody can see whether an indsatsområde measures more than its own activity (SUC010).
The plan format counts the niveau as part of a complete criterion; CFBU's change theory is a
recommendation (basis anbefaling), so planlint warns.

Dansk:
Et succeskriterium skal have et niveau: aktivitet (output: det, der leveres), resultat (outcome:
forandringen for deltagerne) eller effekt (virkningen i området). Forandringsteorien bag
planerne går fra leverancer til kort- og langsigtede mål (cfbu-overblik-2006-2010); uden niveauet kan
ingen se, om et indsatsområde måler andet end sin egen aktivitet (SUC010). Planformatet regner
niveauet med til et komplet kriterium; CFBU's forandringsteori er en anbefaling (grundlag
anbefaling), så planlint advarer.
"""

from planlint import Example, rule

from .criteria import criterion_name, lacking

_CRITERION = "indsatsområder[0].aktiviteter[0].succeskriterier[0]"


@rule(
    code="SUC007",
    severity="warning",
    basis="anbefaling",
    title=("Succeskriteriet mangler et niveau", "The success criterion has no level"),
    sources=(
        ("planlint-format", "succeskriterier: a complete criterion has a niveau"),
        ("cfbu-overblik-2006-2010", "Del 1, figur 4: forandringsteori fra leverancer til indsatsnære og "
         "langsigtede mål"),
    ),
    bad=Example(at=_CRITERION, remove=("niveau",)),
    good=Example(at=_CRITERION, yaml="niveau: resultat"),
)
def check(plan, ctx):
    for activity, index, criterion in lacking(plan, ctx, "niveau", lambda c: c.level is not None):
        yield ctx.finding(
            criterion, "niveau",
            da=f"{criterion_name(activity, index, criterion, 'da')}: Succeskriteriet mangler et "
               "niveau. Tilføj `niveau`: aktivitet (det, der leveres), resultat (forandringen for "
               "deltagerne) eller effekt (virkningen i området).",
            en=f"{criterion_name(activity, index, criterion, 'en')}: The success criterion has no "
               "level. Add `niveau`: aktivitet (what is delivered), resultat (the change for the "
               "participants) or effekt (the impact in the area).",
        )
