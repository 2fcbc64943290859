"""A criterion needs a niveau: aktivitet (output: what is delivered), resultat (outcome: the
change for the participants) or effekt (impact in the area). The change theory behind the
plans runs from deliveries to near-term and long-term goals (003 l.1086-1157); without the
level nobody can see whether an indsatsområde measures more than its own activity (SUC010).
FORMAT.md counts the niveau as part of a complete criterion; RULES.md gives no severity for
a missing one, so planlint warns.

Dansk:
Et succeskriterium skal have et niveau: aktivitet (output: det, der leveres), resultat (outcome:
forandringen for deltagerne) eller effekt (virkningen i området). Forandringsteorien bag
planerne går fra leverancer til kort- og langsigtede mål (003 l.1086-1157); uden niveauet kan
ingen se, om et indsatsområde måler andet end sin egen aktivitet (SUC010). FORMAT.md regner
niveauet med til et komplet kriterium; RULES.md angiver ingen alvorlighed, så planlint advarer.
"""

from planlint import Example, rule

from .criteria import criterion_name, lacking

_CRITERION = "indsatsområder[0].aktiviteter[0].succeskriterier[0]"


@rule(
    code="SUC007",
    severity="warning",
    title=("Succeskriteriet mangler et niveau", "The success criterion has no level"),
    source="FORMAT.md, succeskriterier ('A complete criterion has ... a niveau'); RULES.md, "
           "Success criteria (SUC): 'Outcomes, not only outputs'; 003 l.1086-1157",
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
