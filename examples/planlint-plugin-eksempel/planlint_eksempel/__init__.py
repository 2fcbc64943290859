"""An example planlint plugin: house rules of a (fictional) housing organisation.

Install it together with planlint, from the root of a planlint checkout
(``pip install . ./examples/planlint-plugin-eksempel``), and ``planlint check``
reports its codes (prefix ``EKS``) with no configuration.
"""

from planlint import hookimpl, rules_in

# every module named like its code (eks001_vision.py, ...) is a rule module
RULES = rules_in(__name__)


@hookimpl
def planlint_rules():
    return RULES
