"""The success plugin's section of a rule pack (``success:``): the words and bounds it uses."""

from __future__ import annotations

from pydantic import Field

from planlint import PackSection, Patterns


class SuccessTerms(PackSection):
    """What the success-criteria plugin (SUC) recognises in a criterion's text.

    Patterns are Python regular expressions, matched case-insensitively
    anywhere in the text (use ``\\b`` for a word boundary), except
    ``percent_units``, which must match the whole ``enhed``.
    """

    percent_units: Patterns = Field(
        min_length=1, description="An enhed matching one of these (whole text) is a percentage.")
    percent_min: float = Field(description="The lowest value a percentage target or baseline may have.")
    percent_max: float = Field(description="The highest value a percentage target or baseline may have.")
    target_year_min_days: int = Field(
        ge=1, le=366, description="A calendar year the period covers for at least this many days needs a target.")
    reduction_terms: Patterns = Field(
        min_length=1, description="A criterion whose indikator or beskrivelse matches one of these aims at a fall.")
    vague_verbs: Patterns = Field(
        min_length=1, description="A beskrivelse matching one of these (and without a number) is vague.")
    event_units: Patterns = Field(
        min_length=1, description="An enhed matching one of these counts events, not persons.")
    person_terms: Patterns = Field(
        min_length=1, description="An indikator matching one of these is about persons (or families).")


#: the section of the rule pack this plugin reads (``planlint_pack_sections``)
SECTIONS = {"success": SuccessTerms}
