"""success plugin: complete and measurable succeskriterier (SUC001-SUC015).

One module per rule; what several rules share (walking criteria, naming them,
the six components of a complete criterion) is in ``criteria.py``.
``planlint_facts`` gives the coordinator report each activity's completeness,
computed with the same helpers the rules use.
"""

from planlint import format_path, hookimpl, rules_in

from .criteria import activity_key, completeness, partial_ends, target_years
from .pack_section import SECTIONS

RULES = rules_in(__name__)


@hookimpl
def planlint_rules():
    return RULES


@hookimpl
def planlint_pack_sections():
    return SECTIONS


@hookimpl
def planlint_facts(plan, pack):
    """``{"criteria": {activity key: {label, count, present, expected, complete, missing}}}``.

    The key is the activity's id, or its place in the plan when it has none.
    ``present``/``expected`` count the six components of every criterion
    (indikator, niveau, enhed, baseline, mål for alle år, datakilde).
    """
    years = target_years(plan, getattr(pack, "success", None) if pack is not None else None)
    ends = partial_ends(plan)
    criteria = {}
    for area, activity in plan.activities():
        key = activity_key(activity)
        if key in criteria:  # duplicate ids are PLN010; keep both in the report
            key = f"{key} ({format_path(activity.plan_path)})"
        criteria[key] = completeness(activity, years, ends, area)
    return {"criteria": criteria}
