"""The LBF plugin's section of a rule pack (``governance:``): the words it recognises."""

from __future__ import annotations

from pydantic import Field

from planlint import PackSection, Patterns


class GovernanceTerms(PackSection):
    """What the LBF plugin recognises in a plan's parties and cost notes.

    Patterns are Python regular expressions, matched case-insensitively
    anywhere in the text.
    """

    resident_party_types: list[str] = Field(
        min_length=1, description="Party types that are the residents themselves (afdelingsbestyrelse, frivillige).")
    resident_names: Patterns = Field(
        default_factory=list, description="A party whose name matches one of these is a residents' body.")
    rent_support: Patterns = Field(
        min_length=1, description="A cost note matching one of these is rent support, not plan money.")
    evaluation_notes: Patterns = Field(
        default_factory=list, description="A cost note matching one of these budgets evaluation.")


#: the section of the rule pack this plugin reads (``planlint_pack_sections``)
SECTIONS = {"governance": GovernanceTerms}
