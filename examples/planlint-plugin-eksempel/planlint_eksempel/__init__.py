"""An example planlint plugin: house rules of a (fictional) housing organisation.

Install it next to planlint (``pip install ./examples/planlint-plugin-eksempel``)
and ``planlint check`` reports its codes (prefix ``EKS``) with no configuration.
"""

from planlint import hookimpl
from planlint.rule import rules_of

from . import eks001_vision, eks002_projektleder

RULES = rules_of(eks001_vision, eks002_projektleder)


@hookimpl
def planlint_rules():
    return RULES
