"""Numbers, not adjectives. A beskrivelse such as "Styrke forældrenes kompetencer" or "Øge
trygheden" names a direction but no size: nobody can say at the end whether it was met. The
criterion is the promise the plan makes, so it should carry the number it will be measured by
("40 forældre deltager i mindst 3 kursusgange om året"). Reported when the beskrivelse uses a
vague verb (rule pack success.vague_verbs: styrke, øge, forbedre, udvikle and their
inflections) and contains no digit.

Dansk:
Tal, ikke tillægsord. En beskrivelse som "Styrke forældrenes kompetencer" eller "Øge trygheden"
angiver en retning, men ingen størrelse: ingen kan til sidst sige, om den blev opfyldt.
Kriteriet er det løfte, planen giver, så det bør indeholde det tal, det skal måles på ("40
forældre deltager i mindst 3 kursusgange om året"). Meldes, når beskrivelsen bruger et
upræcist verbum (regelpakkens success.vague_verbs: styrke, øge, forbedre, udvikle og deres
bøjninger) og ikke indeholder et ciffer.
"""

import re

from planlint import Example, rule

from .criteria import criterion_name, each_criterion, mentions, terms

_CRITERION = "indsatsområder[0].aktiviteter[0].succeskriterier[0]"
_DIGIT = re.compile(r"\d")


@rule(
    code="SUC014",
    severity="info",
    basis="erfaring",
    title=("Beskrivelsen er upræcis og uden tal", "The description is vague and has no number"),
    sources=(
        ("haervaerk-netvaerk-2012", "7.1 Delmål: the goals could not be followed without numbers and "
         "registration"),
    ),
    bad=Example(at=_CRITERION, yaml="beskrivelse: Styrke ledige beboeres tilknytning til arbejdsmarkedet"),
    good=Example(at=_CRITERION, yaml="beskrivelse: 40 ledige beboere om året styrker deres tilknytning "
                                     "til arbejdsmarkedet og starter i job eller uddannelse"),
)
def check(plan, ctx):
    words = terms(ctx)
    if words is None:
        return
    for _area, activity, index, criterion in each_criterion(plan):
        text = criterion.description or ""
        if _DIGIT.search(text) or not mentions(words.vague_verbs, text):
            continue
        yield ctx.finding(
            criterion, "beskrivelse",
            da=f"{criterion_name(activity, index, criterion, 'da')}: Beskrivelsen angiver en "
               "retning, men intet tal. Skriv, hvor mange eller hvor meget der skal nås, fx '40 "
               "forældre deltager i mindst 3 kursusgange om året'.",
            en=f"{criterion_name(activity, index, criterion, 'en')}: The description gives a "
               "direction but no number. Say how many or how much is to be reached, e.g. '40 "
               "forældre deltager i mindst 3 kursusgange om året'.",
        )
