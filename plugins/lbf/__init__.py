"""LBF funding rules (LBF): plan frame, governance and the rules of each pulje."""

from planlint import hookimpl, rules_in

from .pack_section import SECTIONS

RULES = rules_in(__name__)


@hookimpl
def planlint_rules():
    return RULES


@hookimpl
def planlint_pack_sections():
    return SECTIONS
