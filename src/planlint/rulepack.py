"""Rule packs: what each LBF funding round (pulje) allows and demands.

One YAML file per pulje in ``rules/`` (installed as the ``planlint_rules``
package).  Numbers and lists that depend on the round live there, never in
plugin code.  A pack is validated when it is loaded; a broken pack is a
``RulePackError`` (exit status 2) naming its file and line.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

PackSeverity = Literal["error", "warning", "info"]


class PackError(Exception):
    """A rule pack that cannot be used; the message is one sentence per language."""

    def __init__(self, da: str, en: str):
        super().__init__(en)
        self.da = da
        self.en = en


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    source: str = Field(description="Where the requirement comes from (seed file and line, or lbf.dk page).")


class Areas(_Part):
    closed: bool = Field(description="True when only the listed names are allowed.")
    unknown_severity: PackSeverity = Field(description="Severity of an area name not in the list.")
    names: list[str] = Field(min_length=1)


class Requirement(_Part):
    """A requirement that may or may not apply in this round, at some severity."""

    required: bool
    severity: PackSeverity


class MainActivity(_Part):
    severity: PackSeverity = Field(description="Severity when an area has no or several hovedaktiviteter.")


class PeriodRules(_Part):
    years: int = Field(gt=0, description="The length of a plan period in years.")
    latest_end: Optional[date] = Field(None, description="The last allowed end date of the period.")


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
