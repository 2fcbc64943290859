"""LBF funding rules (LBF): plan frame, governance and the rules of each pulje."""

from planlint import hookimpl
from planlint.rule import rules_of

from . import (
    lbf001_pulje_pack,
    lbf002_area_names,
    lbf003_period_length,
    lbf004_period_latest_end,
    lbf005_main_activity,
    lbf006_signatures,
    lbf007_resident_approval,
    lbf008_resident_participation,
    lbf009_agreements,
    lbf010_board,
    lbf011_cofinancers_on_board,
    lbf012_evaluation_plan,
    lbf013_evaluation_budget,
    lbf014_staff_hours,
    lbf015_unknown_post,
    lbf016_rent_support,
)

RULES = rules_of(
    lbf001_pulje_pack,
    lbf002_area_names,
    lbf003_period_length,
    lbf004_period_latest_end,
    lbf005_main_activity,
    lbf006_signatures,
    lbf007_resident_approval,
    lbf008_resident_participation,
    lbf009_agreements,
    lbf010_board,
    lbf011_cofinancers_on_board,
    lbf012_evaluation_plan,
    lbf013_evaluation_budget,
    lbf014_staff_hours,
    lbf015_unknown_post,
    lbf016_rent_support,
)


@hookimpl
def planlint_rules():
    return RULES
