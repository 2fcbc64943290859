"""cofinancing: the 25 % local co-financing and the budget's arithmetic (COF).

One module per rule; the arithmetic they share (and ``planlint_facts``) is in
``shares``.
"""

from planlint import hookimpl
from planlint.rule import rules_of

from . import (
    cof001_local_share,
    cof002_yearly_share,
    cof003_municipal_money,
    cof004_in_kind_valuation,
    cof005_in_kind_agreement,
    cof006_sources_equal_costs,
    cof007_yearly_balance,
    cof008_stated_totals,
    cof009_years_outside_period,
    cof010_year_without_financing,
    cof011_no_budget,
    shares,
)

RULES = rules_of(
    cof001_local_share,
    cof002_yearly_share,
    cof003_municipal_money,
    cof004_in_kind_valuation,
    cof005_in_kind_agreement,
    cof006_sources_equal_costs,
    cof007_yearly_balance,
    cof008_stated_totals,
    cof009_years_outside_period,
    cof010_year_without_financing,
    cof011_no_budget,
)


@hookimpl
def planlint_rules():
    return RULES


@hookimpl
def planlint_facts(plan, pack):
    return shares.facts(plan, pack)
