"""Targets that fall from one plan year to the next, for an indicator that should grow, plan a
decline inside the plan period. Sometimes that is intended (an activity handed over and
tapering off), often it is a typing error or a sign that the activity is not expected to last.
An info, so the coordinator can check it. Criteria of reduction (rule pack
success.reduction_terms, see SUC011) are expected to fall and are exempt; targets that stay
level are fine.

Dansk:
Mål, der falder fra et planår til det næste, for en indikator, der bør stige, planlægger en
tilbagegang inden for planperioden. Nogle gange er det meningen (en aktivitet, der overdrages
og trappes ned), ofte er det en tastefejl eller et tegn på, at aktiviteten ikke forventes at
holde. En info, så koordinatoren kan tjekke det. Kriterier om reduktion (regelpakkens
success.reduction_terms, se SUC011) forventes at falde og er undtaget; mål, der holder niveauet,
er i orden.
"""

from itertools import pairwise

from planlint import Example, rule

from .criteria import (
    aims_at_fall,
    criterion_name,
    each_criterion,
    targets,
    terms,
    value_text,
)

_CRITERION = "indsatsområder[0].aktiviteter[0].succeskriterier[0]"


@rule(
    code="SUC012",
    severity="info",
    basis="erfaring",
    title=("Målene falder over årene", "The targets fall over the years"),
    sources=(
        ("rum-for-liv-2012", "5.2.4 Lektiecafé: \"ca. 50 børn og unge\" today, \"40 brugere\" as the "
         "target"),
    ),
    bad=Example(at=_CRITERION, yaml="mål: {2021: 25, 2022: 35, 2023: 30, 2024: 40}"),
    good=Example(at=_CRITERION, yaml="mål: {2021: 25, 2022: 35, 2023: 35, 2024: 40}"),
)
def check(plan, ctx):
    words = terms(ctx)
    if words is None:
        return
    for _area, activity, index, criterion in each_criterion(plan):
        by_year = sorted(targets(criterion).items())
        drop = next(((before, after) for before, after in pairwise(by_year)
                     if after[1] < before[1]), None)
        if drop is None or aims_at_fall(criterion, words):  # the numbers first: the word list costs more
            continue
        (y0, v0), (y1, v1) = drop
        yield ctx.finding(
            criterion, "mål", str(y1),
            da=f"{criterion_name(activity, index, criterion, 'da')}: Målet falder fra "
               f"{value_text(v0, 'da')} i {y0} til {value_text(v1, 'da')} i {y1}. Ret målet, eller "
               "forklar i beskrivelsen, hvorfor aktiviteten skal nå færre.",
            en=f"{criterion_name(activity, index, criterion, 'en')}: The target falls from "
               f"{value_text(v0, 'en')} in {y0} to {value_text(v1, 'en')} in {y1}. Correct the "
               "target, or explain in the description why the activity is to reach fewer.",
        )
