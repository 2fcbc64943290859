"""forankring plugin (FOR): who takes each activity over, how, when and on what agreement.

See docs/rules.md, FOR001-FOR011. One module per rule; what the rules share (who an
anchor is, when a hand-over falls, which agreement commits a party) lives in
``anchoring``, which also gives ``planlint report`` its per-activity status.
"""

from planlint import hookimpl, rules_in

from .anchoring import activity_key, status
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
    """``{"forankring": {activity key: {label, who, how, when, agreement, complete}}}``.

    The key is the activity's id, or its path in the plan when it has none.
    ``who`` is true when ``hos`` names a party that outlives the plan;
    ``agreement`` when every such party other than an afdelingsbestyrelse is
    committed by a signed samarbejdsaftale (as FOR008/FOR009 judge it).
    """
    return {"forankring": {activity_key(activity): status(plan, activity, pack, area)
                           for area, activity in plan.activities()}}
