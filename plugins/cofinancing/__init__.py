"""cofinancing: the 25 % local co-financing and the budget's arithmetic (COF).

One module per rule; the arithmetic they share (and ``planlint_facts``) is in
``shares``.
"""

from planlint import hookimpl, rules_in

from . import shares

RULES = rules_in(__name__)


@hookimpl
def planlint_rules():
    return RULES


@hookimpl
def planlint_facts(plan, pack):
    return shares.facts(plan, pack)
