"""Rule packs: what each LBF funding round (pulje) allows and demands.

One YAML file per pulje in ``rules/`` (installed as the ``planlint_rules``
package).  Numbers and lists that depend on the round live there, never in
plugin code.  A pack is validated when it is loaded; a broken pack is a
``PackError`` (exit status 2) naming its file and line.
"""

from __future__ import annotations

import re
from datetime import date
from fractions import Fraction
from functools import lru_cache
from pathlib import Path
from collections.abc import Iterator, Mapping
from typing import Annotated, Any, Literal, Optional

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator

PackSeverity = Literal["error", "warning", "info"]


def _compile_all(patterns: list[str]) -> list[str]:
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"{pattern!r} is not a regular expression: {exc}") from None
    return patterns


#: Python regular expressions, checked when the pack loads (so a typo in a
#: pack is exit 2 with file and line, not a crash in the middle of a check)
Patterns = Annotated[list[str], AfterValidator(_compile_all)]


class PackError(Exception):
    """A rule pack that cannot be used; the message is one sentence per language."""

    def __init__(self, da: str, en: str):
        super().__init__(en)
        self.da = da
        self.en = en


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    source: str = Field(description="Where the requirement comes from: a key of docs/sources.md with a section, page or quote.")


def area_key(name: str) -> str:
    """An area name for comparison: letter case, spacing and '&' for 'og' do not matter."""
    text = name.replace("&", " og ").casefold()
    text = re.sub(r"\s*,\s*", ", ", text)
    return " ".join(text.split()).strip(" .")


class Areas(_Part):
    closed: bool = Field(description="True when only the listed names are allowed.")
    unknown_severity: PackSeverity = Field(description="Severity of an area name not in the list.")
    names: list[str] = Field(min_length=1, description="LBF's official names of the round's indsatsområder.")
    variants: dict[str, list[str]] = Field(
        default_factory=dict,
        description="Other accepted spellings of an official name (singular/plural, other sources' wording), "
                    "by official name; letter case, spacing and '&' for 'og' are accepted anyway.")

    @field_validator("variants")
    @classmethod
    def _variants_of_names(cls, value: dict[str, list[str]], info: Any) -> dict[str, list[str]]:
        names = info.data.get("names") or []
        for official in value:
            if official not in names:
                raise ValueError(f"{official!r} is not one of the names")
        return value

    def official(self, name: str) -> str | None:
        """The official name a plan's area name stands for, or None."""
        wanted = area_key(name)
        for official in self.names:
            if wanted in {area_key(official), *(area_key(v) for v in self.variants.get(official, []))}:
                return official
        return None

    @property
    def accepted(self) -> list[str]:
        """The official names and their listed variants, in pack order."""
        return [spelling for official in self.names for spelling in (official, *self.variants.get(official, []))]


class Requirement(_Part):
    """A requirement that may or may not apply in this round, at some severity."""

    required: bool
    severity: PackSeverity
    topics: list[str] = Field(
        default_factory=list, description="What the agreements together must cover (`dækker`); empty: not checked.")
    applies: bool = Field(default=True, description="False when the round has no such requirement at all "
                                                    "(no such body or document in that round): no finding.")


class MainActivity(_Part):
    severity: PackSeverity = Field(description="Severity when an area has no or several hovedaktiviteter.")


class PeriodRules(_Part):
    years: int = Field(gt=0, description="The length of a plan period in years.")
    latest_end: Optional[date] = Field(None, description="The last allowed end date of the period.")
    tolerance_days: int = Field(
        ge=0, description="Days a period may differ from whole years (start 2013-01-02 is still four years).")


class Cofinancing(_Part):
    lbf_max_percent: Fraction = Field(description="LBF's share of all financing may not exceed this.")
    local_min_percent: Fraction = Field(description="Local co-financing must reach at least this share.")

    @field_validator("lbf_max_percent", "local_min_percent", mode="before")
    @classmethod
    def _exact(cls, value: Any) -> Fraction:
        # Fraction("12.5") is exact, float 12.5 is not always; amounts are kroner
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise ValueError("must be a number")
        share = Fraction(str(value))
        if not 0 <= share <= 100:
            raise ValueError("must be between 0 and 100")
        return share

    @property
    def lbf_max(self) -> Fraction:
        return self.lbf_max_percent / 100

    @property
    def local_min(self) -> Fraction:
        return self.local_min_percent / 100


class ForankringTerms(_Part):
    """What the forankring plugin recognises in a plan's free text.

    Patterns are Python regular expressions, matched case-insensitively
    anywhere in the text (use ``\\b`` for a word boundary).
    """

    own_plan_names: Patterns = Field(
        min_length=1, description="A part whose name matches one of these is the plan itself (its secretariat).")
    own_plan_types: list[str] = Field(
        min_length=1, description="The part types such a name can have (a kommune is never the plan itself).")
    funding_conditions: Patterns = Field(
        min_length=1, description="A forankring condition matching one of these depends on further funding.")



class GovernanceTerms(_Part):
    """What the LBF plugin recognises in a plan's parties and cost notes.

    Patterns are Python regular expressions, matched case-insensitively
    anywhere in the text.
    """

    resident_party_types: list[str] = Field(
        min_length=1, description="Part types that are the residents themselves (afdelingsbestyrelse, frivillige).")
    resident_names: Patterns = Field(
        default_factory=list, description="A part whose name matches one of these is a residents' body.")
    rent_support: Patterns = Field(
        min_length=1, description="A cost note matching one of these is rent support, not plan money.")
    rent_support_automatic: bool = Field(
        False, description="True when every application for a boligsocial indsats is automatically also "
                           "treated as an application for huslejestøtte (2011-2014); else rent support "
                           "has an application of its own.")
    evaluation_notes: Patterns = Field(
        default_factory=list, description="A cost note matching one of these budgets evaluation.")



class SuccessTerms(_Part):
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



class PrequalificationRules(_Part):
    max_pages: int = Field(gt=0, description="The longest problem description of a prækvalifikationsansøgning, in pages.")


class RulePack(BaseModel):
    """The rules of one funding round."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    pulje: str
    title: dict[Literal["da", "en"], str]
    sources: dict[str, str] = Field(description="Source id -> full citation.")
    areas: Areas
    main_activity: MainActivity
    agreements: Requirement
    board: Requirement
    period: PeriodRules
    cofinancing: Cofinancing
    forankring: ForankringTerms
    governance: GovernanceTerms
    success: SuccessTerms
    #: what LBF asks of a prækvalifikationsansøgning in this round (None: no page limit known)
    prequalification: Optional[PrequalificationRules] = None
    #: data for third-party plugins, by plugin name; free-form
    plugins: dict[str, Any] = Field(default_factory=dict)

    file: str = Field("", exclude=True)


def packs_dir() -> Path:
    from importlib.resources import files

    return Path(str(files("planlint_rules")))


def load_pack_file(path: Path) -> RulePack:
    """Load and validate one pack; ``PackError`` with file and line when broken."""
    from . import yamlparse
    from .validate import _loc_to_path  # the same loc -> path walk as for plans
    from .document import PlanDocument

    name = path.name
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(f"Regelpakken {name} kan ikke læses: {exc}.", f"The rule pack {name} cannot be read: {exc}.")
    try:
        root, _ = yamlparse.parse(text)
        data, duplicates, _bad = yamlparse.to_data(root) if root is not None else (None, [], [])
    except yamlparse.YamlError as exc:
        raise PackError(f"Regelpakken {name} er ikke gyldig YAML (linje {exc.line}): {exc.detail}.",
                        f"The rule pack {name} is not valid YAML (line {exc.line}): {exc.detail}.")
    if duplicates:
        dup = duplicates[0]
        raise PackError(f"Regelpakken {name}, linje {dup.line}: nøglen '{dup.key}' står to gange.",
                        f"The rule pack {name}, line {dup.line}: the key '{dup.key}' appears twice.")
    try:
        pack = RulePack.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        doc = PlanDocument(path=name, text=text, root=root)
        pack_path, _, _ = _loc_to_path(data, tuple(error["loc"]))
        line, _col = doc.locate(pack_path)
        where = ".".join(str(p) for p in pack_path) or "toppen"
        raise PackError(f"Regelpakken {name}, linje {line} ({where}): {error['msg']}.",
                        f"The rule pack {name}, line {line} ({where}): {error['msg']}.")
    return pack.model_copy(update={"file": str(path)})


@lru_cache(maxsize=None)
def load_packs(directory: str | None = None) -> dict[str, RulePack]:
    """Every pack in the directory (default: the installed ``rules/``), by pulje."""
    folder = Path(directory) if directory else packs_dir()
    packs: dict[str, RulePack] = {}
    for path in sorted(folder.glob("*.yaml")):
        pack = load_pack_file(path)
        if pack.pulje in packs:
            raise PackError(f"To regelpakker gælder for puljen {pack.pulje}: {Path(packs[pack.pulje].file).name} og {path.name}.",
                            f"Two rule packs claim the pulje {pack.pulje}: {Path(packs[pack.pulje].file).name} and {path.name}.")
        packs[pack.pulje] = pack
    return packs


class PackShelf(Mapping[str, RulePack]):
    """The packs of a folder, each loaded and validated when a plan first needs it.

    A run over plans of one pulje reads one pack, not four (start-up is what
    an editor or a pre-commit hook waits for).  Packs are found by the file
    name convention ``pulje_2019_2026.yaml``; a folder that does not follow it
    is read whole, as ``load_packs`` does.
    """

    def __init__(self, folder: str | Path | None = None):
        self.folder = Path(folder) if folder else packs_dir()
        if not self.folder.is_dir():  # a mistyped --rule-packs would silently turn off every pack's rules
            raise PackError(f"Mappen med regelpakker '{self.folder}' findes ikke.",
                            f"The rule pack folder '{self.folder}' does not exist.")
        self._loaded: dict[str, RulePack] = {}

    def __getitem__(self, pulje: str) -> RulePack:
        if pulje not in self._loaded:
            path = self.folder / f"pulje_{str(pulje).replace('-', '_')}.yaml"
            pack = load_pack_file(path) if path.is_file() else None
            if pack is not None and pack.pulje == pulje:
                self._loaded[pulje] = pack
            else:
                self._loaded.update(load_packs(str(self.folder)))
        return self._loaded[pulje]

    def __iter__(self) -> Iterator[str]:
        return iter(load_packs(str(self.folder)))

    def __len__(self) -> int:
        return len(load_packs(str(self.folder)))
