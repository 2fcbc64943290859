"""A target below its baseline, for an indicator that should grow, plans a decline. Rum for
Liv's Lektiecafé is used by about 50 children today (rum-for-liv-2012) while its criterion aims at
40 users (rum-for-liv-2012): either the baseline or the target is wrong, or the activity is meant to
shrink, which the plan should then say.

Which indicators should grow? A heuristic: every criterion whose indikator or beskrivelse has
no word of reduction. The words come from the rule pack (success.reduction_terms): words of
falling ("færre", "fald", "reducere", "nedbringe", "mindre", "lavere" ...) and counts of
something bad (kriminalitet, hærværk, ledighed, fravær, utryghed ...), where a target below
the baseline is the whole point. Those criteria are exempt.

Dansk:
Et mål under baseline for en indikator, der bør stige, planlægger en tilbagegang. Rum for Livs
lektiecafé bruges i dag af omkring 50 børn (rum-for-liv-2012), mens kriteriet sigter mod 40 brugere
(rum-for-liv-2012): enten er baseline eller målet forkert, eller aktiviteten skal skrumpe, og det
bør planen så sige.

Hvilke indikatorer bør stige? En tommelfingerregel: alle kriterier, hvis indikator eller
beskrivelse ikke indeholder et ord for reduktion. Ordene står i regelpakken
(success.reduction_terms): ord for fald ("færre", "fald", "reducere", "nedbringe", "mindre",
"lavere" ...) og optællinger af noget dårligt (kriminalitet, hærværk, ledighed, fravær,
utryghed ...), hvor et mål under baseline netop er meningen. De kriterier er undtaget.
"""

from planlint import Example, join, rule

from .criteria import (
    aims_at_fall,
    criterion_name,
    each_criterion,
    has_baseline,
    targets,
    terms,
    value_text,
)

_CRITERION = "indsatsområder[0].aktiviteter[0].succeskriterier[0]"


@rule(
    code="SUC011",
    severity="warning",
    basis="erfaring",
    title=("Målet ligger under baseline", "The target is below the baseline"),
    sources=(
        ("rum-for-liv-2012", "5.2.4 Lektiecafé: \"ca. 50 børn og unge\" use it today, the target is \"40 "
         "brugere\""),
    ),
    bad=Example(at=_CRITERION, yaml="mål: {2021: 15, 2022: 30, 2023: 35, 2024: 40}",
                note="Baseline 20, target 15 in 2021"),
    good=Example(at=_CRITERION, yaml="indikator: Antal anmeldte indbrud i afdelingen\n"
                                     "mål: {2021: 18, 2022: 15, 2023: 12, 2024: 10}",
                 note="A count of something bad may aim below its baseline"),
)
def check(plan, ctx):
    words = terms(ctx)
    if words is None:
        return
    for _area, activity, index, criterion in each_criterion(plan):
        if not has_baseline(criterion):
            continue
        base = criterion.baseline.value
        whole = criterion.period_target
        # (1.1) one target for the whole period; the numbers first: the word list costs more
        if whole is not None and whole < base and not aims_at_fall(criterion, words):
            yield ctx.finding(
                criterion, "mål_periode",
                da=f"{criterion_name(activity, index, criterion, 'da')}: Målet for perioden "
                   f"({value_text(whole, 'da')}) ligger under baseline ({value_text(base, 'da')}). Hæv "
                   "målet, ret baseline, eller skriv i indikatoren, at der skal måles et fald (fx 'færre').",
                en=f"{criterion_name(activity, index, criterion, 'en')}: The target for the period "
                   f"({value_text(whole, 'en')}) is below the baseline ({value_text(base, 'en')}). Raise "
                   "the target, correct the baseline, or say in the indicator that a fall is measured "
                   "(e.g. 'færre').",
            )
        low = sorted(year for year, value in targets(criterion).items() if value < base)
        if not low or aims_at_fall(criterion, words):  # the numbers first: the word list costs more
            continue
        shown = {lang: join((f"{value_text(targets(criterion)[y], lang)} "
                             f"{'i' if lang == 'da' else 'in'} {y}" for y in low), lang)
                 for lang in ("da", "en")}
        yield ctx.finding(
            criterion, "mål", str(low[0]),
            da=f"{criterion_name(activity, index, criterion, 'da')}: Målet ({shown['da']}) ligger "
               f"under baseline ({value_text(base, 'da')}). Hæv målet, ret baseline, eller skriv i "
               "indikatoren, at der skal måles et fald (fx 'færre').",
            en=f"{criterion_name(activity, index, criterion, 'en')}: The target ({shown['en']}) is "
               f"below the baseline ({value_text(base, 'en')}). Raise the target, correct the "
               "baseline, or say in the indicator that a fall is measured (e.g. 'færre').",
        )
