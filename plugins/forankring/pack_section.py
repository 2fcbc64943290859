"""The forankring plugin's section of a rule pack (``forankring:``): the words it recognises."""

from __future__ import annotations

from pydantic import Field

from planlint import PackSection, Patterns


class ForankringTerms(PackSection):
    """What the forankring plugin recognises in a plan's free text.

    Patterns are Python regular expressions, matched case-insensitively
    anywhere in the text (use ``\\b`` for a word boundary).
    """

    own_plan_names: Patterns = Field(
        min_length=1, description="A party whose name matches one of these is the plan itself (its secretariat).")
    own_plan_types: list[str] = Field(
        min_length=1, description="The party types such a name can have (a kommune is never the plan itself).")
    funding_conditions: Patterns = Field(
        min_length=1, description="A forankring condition matching one of these depends on further funding.")


#: the section of the rule pack this plugin reads (``planlint_pack_sections``)
SECTIONS = {"forankring": ForankringTerms}
