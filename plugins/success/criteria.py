"""What the SUC rules share: walking criteria, naming them, judging their parts.

A criterion is complete (the plan format, "succeskriterier") when it has six
components: an indikator, a niveau, an enhed, a baseline with a value, a
numeric mål for every plan year and a datakilde.  The rules report missing
components one by one; ``completeness()`` counts them for the coordinator
report, with the same tests, so the two can never disagree.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from planlint import format_path, number

if TYPE_CHECKING:  # pragma: no cover
    from planlint import Activity, Area, CheckContext, Criterion, Goal, Plan

    from .pack_section import SuccessTerms

#: The components of a complete criterion, in the Danish words the report shows.
COMPONENTS = ("indikator", "niveau", "enhed", "baseline", "mål for alle år", "datakilde")

#: niveau from output to impact; a later step of a chain should not sit lower.
LEVEL_ORDER = {"aktivitet": 0, "resultat": 1, "effekt": 2}

_SHORT = 60  # characters of a beskrivelse quoted in a message


# --- walking -------------------------------------------------------------------

def each_criterion(plan: Plan) -> Iterator[tuple[Area | None, Activity | Area | Goal, int, Criterion]]:
    """Every criterion with its area, holder and 0-based index, in plan order.

    The holder is an activity, or (format 1.1) an area whose criteria stand for
    each of its activities without their own, or one of the plan's overall
    goals (``plan.mål``, area None).  Each criterion is judged once, where it is
    written."""
    for goal in plan.goals():
        for index, criterion in enumerate(goal.criteria or []):
            if criterion is not None:
                yield None, goal, index, criterion
    for area in plan.areas or []:
        holders = [area, *(a for a in area.activities or [] if a is not None)]
        for holder in holders:
            for index, criterion in enumerate(holder.criteria or []):
                if criterion is not None:
                    yield area, holder, index, criterion


def criteria_of(activity: Activity | Area) -> list[tuple[int, Criterion]]:
    return [(i, c) for i, c in enumerate(activity.criteria or []) if c is not None]


def effective_criteria(activity: Activity, area: Area | None) -> list[tuple[int, Criterion]]:
    """The activity's own criteria, or (1.1) its area's when it has none."""
    return criteria_of(activity) or (criteria_of(area) if area is not None else [])


# --- naming --------------------------------------------------------------------

def criterion_name(activity: Activity, index: int, criterion: Criterion, lang: str) -> str:
    """``Aktivitet 5.1.1 Forældre og læring, succeskriterium 2 ("100 familier ...")``."""
    kind = activity.kind[0] if lang == "da" else activity.kind[1]
    head = (f"{kind} {activity.label}, succeskriterium {index + 1}" if lang == "da"
            else f"{kind} {activity.label}, success criterion {index + 1}")
    text = " ".join((criterion.description or "").split())
    if not text:
        return head
    if len(text) > _SHORT:
        text = text[: _SHORT - 1].rstrip() + "…"
    return f'{head} ("{text}")'


def area_name(area: Area) -> str:
    return area.name or area.id or "?"


def value_text(value: float, lang: str) -> str:
    """A target or baseline as written: ``1.200``, ``12,5``."""
    if isinstance(value, float) and not value.is_integer():
        decimals = min(2, len(repr(value).split(".")[-1]))
        return number(value, lang, decimals)
    return number(int(value), lang)


# --- plan years ----------------------------------------------------------------

def target_years(plan: Plan, words: SuccessTerms | None) -> list[int]:
    """The calendar years that need a target: those the period covers for long enough.

    A period 2013-01-15 .. 2017-01-14 touches 2017 for two weeks; no plan sets a
    target for that.  How long is long enough comes from the rule pack; without
    a pack every year the period touches counts.
    """
    period = plan.meta.period
    years = period.years() if period is not None else []
    if words is None or not years:
        return years
    start, end = period.start, period.end
    return [year for year in years
            if (min(end, date(year, 12, 31)) - max(start, date(year, 1, 1))).days + 1
            >= words.target_year_min_days]


# --- components ----------------------------------------------------------------

def blank(text: Any) -> bool:
    return text is None or (isinstance(text, str) and not text.strip())


def has_baseline(criterion: Criterion) -> bool:
    return criterion.baseline is not None and criterion.baseline.value is not None


def targets(criterion: Criterion) -> dict[int, float | int]:
    return dict(criterion.targets or {})


def has_targets(criterion: Criterion) -> bool:
    """A year map of targets, or (1.1) one target for the whole period (``mål_periode``)."""
    return bool(criterion.targets) or criterion.period_target is not None


def partial_ends(plan: Plan) -> tuple[int, int] | None:
    """The period's first and last calendar year, when the period covers neither in full.

    A four-year period 2021-07-01 .. 2025-06-30 touches five calendar years and
    has four plan years; a plan may count them 2021-2024 or 2022-2025.  Either
    end year then stands in for the other (see ``years_without_target``).
    """
    period = plan.meta.period
    if period is None or period.start is None or period.end is None or period.end < period.start:
        return None
    first, last = period.start.year, period.end.year
    if first == last or (period.start.month, period.start.day) == (1, 1) \
            or (period.end.month, period.end.day) == (12, 31):
        return None
    return first, last


def years_without_target(criterion: Criterion, years: Iterable[int],
                         ends: tuple[int, int] | None = None) -> list[int]:
    """The plan years with no target.  With ``ends`` (``partial_ends``), a target for
    either partly covered end year counts for both: ``{2022: .., 2025: ..}`` and
    ``{2021: .., 2024: ..}`` are both complete for 2021-07-01 .. 2025-06-30."""
    have = targets(criterion)
    missing = [year for year in years if year not in have]
    if ends is not None:
        first, last = ends
        if first in have or last in have:
            missing = [year for year in missing if year not in ends]
    return missing


def components(criterion: Criterion, years: list[int],
               ends: tuple[int, int] | None = None) -> dict[str, bool]:
    """Which of the six components the criterion has (``COMPONENTS`` order)."""
    present = {
        "indikator": not blank(criterion.indicator),
        "niveau": criterion.level is not None,
        "enhed": not blank(criterion.unit),
        "baseline": has_baseline(criterion),
        # without a known period, any numeric target counts
        "mål for alle år": criterion.period_target is not None
        or (bool(targets(criterion)) and not years_without_target(criterion, years, ends)),
        "datakilde": not blank(criterion.data_source),
    }
    return {name: present[name] for name in COMPONENTS}


def completeness(activity: Activity, years: list[int],
                 ends: tuple[int, int] | None = None, area: Area | None = None) -> dict[str, Any]:
    """How complete an activity's criteria are: components present / expected.

    An activity without criteria counts as one empty criterion (0 of 6), so a
    report never shows it as complete or divides by zero.
    """
    found = [components(criterion, years, ends) for _, criterion in effective_criteria(activity, area)]
    if not found:
        return {"label": activity.label, "count": 0, "present": 0, "expected": len(COMPONENTS),
                "complete": False, "missing": list(COMPONENTS)}
    present = sum(sum(parts.values()) for parts in found)
    expected = len(COMPONENTS) * len(found)
    missing = [name for name in COMPONENTS if not all(parts[name] for parts in found)]
    return {"label": activity.label, "count": len(found), "present": present, "expected": expected,
            "complete": present == expected, "missing": missing}


def activity_key(activity: Activity) -> str:
    return activity.id or format_path(activity.plan_path)


# --- what the plan wrote ---------------------------------------------------------

def absent(ctx: CheckContext, obj: Any, *keys: str) -> bool:
    """True when the file has nothing at the key of this model object.

    A value the schema rejected is gone from the model but still written;
    its PLN finding already tells the user, so SUC stays silent about it.
    """
    return not ctx.document.wrote(obj.plan_path + keys)


def lacking(plan: Plan, ctx: CheckContext, key: str,
            present: Callable[[Criterion], bool]) -> Iterator[tuple[Activity, int, Criterion]]:
    """The criteria that lack a component ``key`` (and did not write a bad value there)."""
    for _area, activity, index, criterion in each_criterion(plan):
        if not present(criterion) and absent(ctx, criterion, key):
            yield activity, index, criterion


# --- the rule pack's word lists ---------------------------------------------------

def terms(ctx: CheckContext) -> SuccessTerms | None:
    """The pack's SUC word lists; None for a plan without a known pulje."""
    return ctx.pack.section("success") if ctx.pack is not None else None


@lru_cache(maxsize=64)
def _compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


def mentions(patterns: Iterable[str], *texts: str | None) -> bool:
    """True when one of the patterns occurs in one of the texts."""
    compiled = _compiled(tuple(patterns))
    return any(p.search(text) for text in texts if text for p in compiled)


def is_percent(criterion: Criterion, words: SuccessTerms) -> bool:
    unit = (criterion.unit or "").strip()
    return bool(unit) and any(p.fullmatch(unit) for p in _compiled(tuple(words.percent_units)))


def aims_at_fall(criterion: Criterion, words: SuccessTerms) -> bool:
    """A reduction criterion ("færre", hærværk, ledighed): lower targets are intended."""
    return mentions(words.reduction_terms, criterion.indicator, criterion.description)
