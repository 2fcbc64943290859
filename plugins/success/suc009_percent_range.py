"""A criterion with enhed procent is a share: its targets and its baseline lie between 0 and
100 (the plan format: "`enhed: procent` means targets are 0-100"; basis format). A value of 120 % is a typing
error or a count written under the wrong unit, and it makes the goal unreachable or
meaningless. The units that mean a percentage and the bounds come from the rule pack.

Dansk:
Et kriterium med enhed procent er en andel: mål og baseline ligger mellem 0 og 100 (planformatet:
"`enhed: procent` betyder, at målene er 0-100"; grundlag format). En værdi på 120 % er en tastefejl eller et
antal skrevet med den forkerte enhed, og den gør målet umuligt eller meningsløst. Hvilke
enheder der betyder procent, og grænserne, står i regelpakken.
"""

from planlint import Example, join, rule

from .criteria import (
    criterion_name,
    each_criterion,
    has_baseline,
    is_percent,
    targets,
    terms,
    value_text,
)

_CRITERION = "indsatsområder[0].aktiviteter[0].succeskriterier[0]"


def _bounds(words, lang: str) -> str:
    return f"{value_text(words.percent_min, lang)}-{value_text(words.percent_max, lang)}"


@rule(
    code="SUC009",
    severity="error",
    basis="format",
    title=("Procentværdi uden for 0-100", "Percentage outside 0-100"),
    sources=(
        ("planlint-format", "succeskriterier: \"`enhed: procent` means targets are 0-100\""),
    ),
    bad=Example(at=_CRITERION, yaml="enhed: procent\nbaseline: {værdi: 20, år: 2020}\n"
                                    "mål: {2021: 25, 2022: 30, 2023: 35, 2024: 140}"),
    good=Example(at=_CRITERION, yaml="enhed: procent\nbaseline: {værdi: 20, år: 2020}\n"
                                     "mål: {2021: 25, 2022: 30, 2023: 35, 2024: 100}"),
)
def check(plan, ctx):
    words = terms(ctx)
    if words is None:
        return

    def outside(value) -> bool:
        return not words.percent_min <= value <= words.percent_max

    for _area, activity, index, criterion in each_criterion(plan):
        if not is_percent(criterion, words):
            continue
        name_da = criterion_name(activity, index, criterion, "da")
        name_en = criterion_name(activity, index, criterion, "en")
        if has_baseline(criterion) and outside(criterion.baseline.value):
            shown = value_text(criterion.baseline.value, "da")
            yield ctx.finding(
                criterion, "baseline", "værdi",
                da=f"{name_da}: Baseline {shown} ligger uden for {_bounds(words, 'da')} procent. "
                   "Ret værdien til en andel i procent, eller skift `enhed`, hvis det er et antal.",
                en=f"{name_en}: The baseline {value_text(criterion.baseline.value, 'en')} is outside "
                   f"{_bounds(words, 'en')} percent. Correct it to a percentage, or change `enhed` if "
                   "it is a count.",
            )
        whole = criterion.period_target
        if whole is not None and outside(whole):  # (1.1) one target for the whole period
            yield ctx.finding(
                criterion, "mål_periode",
                da=f"{name_da}: Målet for perioden ({value_text(whole, 'da')}) ligger uden for "
                   f"{_bounds(words, 'da')} procent. Ret målet til en andel i procent, eller skift "
                   "`enhed`, hvis det er et antal.",
                en=f"{name_en}: The target for the period ({value_text(whole, 'en')}) is outside "
                   f"{_bounds(words, 'en')} percent. Correct it to a percentage, or change `enhed` if "
                   "it is a count.",
            )
        bad_years = sorted(year for year, value in targets(criterion).items() if outside(value))
        if bad_years:
            values_da = join((f"{value_text(targets(criterion)[y], 'da')} i {y}" for y in bad_years), "da")
            values_en = join((f"{value_text(targets(criterion)[y], 'en')} in {y}" for y in bad_years), "en")
            yield ctx.finding(
                criterion, "mål", str(bad_years[0]),
                da=f"{name_da}: Målet ligger uden for {_bounds(words, 'da')} procent ({values_da}). "
                   "Ret målene til andele i procent, eller skift `enhed`, hvis det er et antal.",
                en=f"{name_en}: The target is outside {_bounds(words, 'en')} percent ({values_en}). "
                   "Correct the targets to percentages, or change `enhed` if they are counts.",
            )
