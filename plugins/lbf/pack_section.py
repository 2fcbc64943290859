"""The LBF plugin's sections of a rule pack: ``governance:`` (the words it recognises) and
``prequalification:`` (what LBF asks of a prækvalifikationsansøgning; optional)."""

from __future__ import annotations

from typing import ClassVar

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
    rent_support_automatic: bool = Field(
        False, description="True when every application for a boligsocial indsats is automatically also "
                           "treated as an application for huslejestøtte (2011-2014); else rent support "
                           "has an application of its own.")
    evaluation_notes: Patterns = Field(
        default_factory=list, description="A cost note matching one of these budgets evaluation.")


class PrequalificationRules(PackSection):
    """What LBF asks of a prækvalifikationsansøgning in this round (``prequalification:``)."""

    #: a round without a page limit leaves the section out
    optional: ClassVar[bool] = True

    max_pages: int = Field(gt=0, description="The longest problem description of a prækvalifikationsansøgning, in pages.")


#: the sections of the rule pack this plugin reads (``planlint_pack_sections``)
SECTIONS = {"governance": GovernanceTerms, "prequalification": PrequalificationRules}
