"""cofinancing plugin (in progress)."""

from planlint import hookimpl
from planlint.rule import rules_of

RULES = rules_of()


@hookimpl
def planlint_rules():
    return RULES
