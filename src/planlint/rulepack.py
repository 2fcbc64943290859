"""Rule packs: what each LBF funding round (pulje) allows and demands.

One YAML file per pulje in ``rules/`` (installed as the ``planlint_rules``
package).  Numbers and lists that depend on the round live there, never in
plugin code.  What every round shares is said once, in ``rules/base.yaml``:
a pack that says ``extends: base.yaml`` is that file with its own keys on top
(mappings merged key by key, any other value replaced).

The core's sections (``areas``, ``cofinancing``, ...) are defined here; a
plugin declares its own sections with the ``planlint_pack_sections`` hook
(a ``PackSection`` model per top-level key) and reads them with
``pack.section(name)``.  A pack is validated when it is loaded; a broken pack
is a ``PackError`` (exit status 2) naming its file and line.
"""

from __future__ import annotations

import re
from datetime import date
from fractions import Fraction
from functools import lru_cache
from pathlib import Path
from collections.abc import Iterator, Mapping
from typing import Annotated, Any, ClassVar, Literal, NamedTuple, Optional

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator

from . import cache
from .errors import UsageError

PackSeverity = Literal["error", "warning", "info"]


def _compile_all(patterns: list[str]) -> list[str]:
    for pattern in patterns:
        try:
            # with the flag the rules search with: the compiled pattern is then in
            # ``re``'s cache when a rule first uses it (compiled once, not twice)
            re.compile(pattern, re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"{pattern!r} is not a regular expression: {exc}") from None
    return patterns


#: Python regular expressions, checked when the pack loads (so a typo in a
#: pack is exit 2 with file and line, not a crash in the middle of a check)
Patterns = Annotated[list[str], AfterValidator(_compile_all)]


class PackError(UsageError):
    """A rule pack that cannot be used (exit status 2)."""


class PackSection(BaseModel):
    """A section of a rule pack; the base of the core's sections and of every plugin's.

    Frozen (a plugin cannot change what the next one reads), an unknown key is
    an error, and every section says where its requirements come from.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)
    #: True when a pack may leave this section out (a plugin's; the core's never are)
    optional: ClassVar[bool] = False

    source: str = Field(description="Where the requirement comes from: a key of docs/sources.md with a section, page or quote.")


def area_key(name: str) -> str:
    """An area name for comparison: letter case, spacing and '&' for 'og' do not matter."""
    text = name.replace("&", " og ").casefold()
    text = re.sub(r"\s*,\s*", ", ", text)
    return " ".join(text.split()).strip(" .")


class Areas(PackSection):
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


class Requirement(PackSection):
    """A requirement that may or may not apply in this round, at some severity."""

    required: bool
    severity: PackSeverity
    topics: list[str] = Field(
        default_factory=list, description="What the agreements together must cover (`dækker`); empty: not checked.")
    applies: bool = Field(default=True, description="False when the round has no such requirement at all "
                                                    "(no such body or document in that round): no finding.")


class MainActivity(PackSection):
    severity: PackSeverity = Field(description="Severity when an area has no or several hovedaktiviteter.")


class PeriodRules(PackSection):
    years: int = Field(gt=0, description="The length of a plan period in years.")
    latest_end: Optional[date] = Field(None, description="The last allowed end date of the period.")
    tolerance_days: int = Field(
        ge=0, description="Days a period may differ from whole years (start 2013-01-02 is still four years).")


class Cofinancing(PackSection):
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

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    pulje: str
    title: dict[Literal["da", "en"], str]
    sources: dict[str, str] = Field(description="Source id -> full citation.")
    areas: Areas
    main_activity: MainActivity
    agreements: Requirement
    board: Requirement
    period: PeriodRules
    cofinancing: Cofinancing

    file: str = Field("", exclude=True)
    #: the plugins' sections by name: their models, or the data as written when
    #: the pack was loaded without the plugins' ``planlint_pack_sections``
    _sections: dict[str, Any] = PrivateAttr(default_factory=dict)

    def section(self, name: str) -> Any:
        """A plugin's section of the pack (``forankring``, ...), or None when the pack has none."""
        return self._sections.get(name)


def packs_dir() -> Path:
    from importlib.resources import files

    return Path(str(files("planlint_rules")))


#: The key by which a pack names the pack it builds on, a file in its own folder.
EXTENDS = "extends"
#: Most packs in one chain of ``extends`` (a loop is an error, not a hang).
MAX_EXTENDS = 8

#: Section models by section name (``planlint_pack_sections``).
Sections = Mapping[str, type[PackSection]]


class _Layer(NamedTuple):
    """One file of a pack: the pack itself or a pack it extends (a named tuple: cheaper to create)."""

    path: Path
    text: str
    root: Any
    data: Any


def _read_layer(path: Path) -> _Layer:
    """One pack file parsed, without validation; ``PackError`` when it is not a YAML mapping."""
    from . import yamlparse

    name = path.name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        from .oserrors import reason

        da, en = reason(exc)
        raise PackError(f"Regelpakken {name} kan ikke læses: {da}.", f"The rule pack {name} cannot be read: {en}.")
    except UnicodeDecodeError:
        raise PackError(f"Regelpakken {name} er ikke UTF-8.", f"The rule pack {name} is not UTF-8.")
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
    return _Layer(path, text, root, data)


def _extended(layer: _Layer) -> str | None:
    """The file name a pack extends, or None."""
    target = layer.data.get(EXTENDS) if isinstance(layer.data, dict) else None
    if target is not None and (not isinstance(target, str) or Path(target).name != target or not target):
        raise PackError(f"Regelpakken {layer.path.name}: '{EXTENDS}' skal være navnet på en fil i samme mappe.",
                        f"The rule pack {layer.path.name}: '{EXTENDS}' must name a file in the same folder.")
    return target


def _layers(path: Path) -> list[_Layer]:
    """The pack and every pack it extends, the base first."""
    chain = [_read_layer(path)]
    while (target := _extended(chain[-1])) is not None:
        following = chain[-1].path.parent / target
        if any(layer.path.name == target for layer in chain) or len(chain) >= MAX_EXTENDS:
            raise PackError(f"Regelpakken {path.name} udvider sig selv (gennem '{EXTENDS}: {target}').",
                            f"The rule pack {path.name} extends itself (through '{EXTENDS}: {target}').")
        if not following.is_file():
            raise PackError(f"Regelpakken {chain[-1].path.name} udvider {target}, som ikke findes i samme mappe.",
                            f"The rule pack {chain[-1].path.name} extends {target}, which is not in its folder.")
        chain.append(_read_layer(following))
    return chain[::-1]


def _merge(base: Any, own: Any) -> Any:
    """``own`` on top of ``base``: mappings merged key by key, any other value replaced."""
    if not (isinstance(base, dict) and isinstance(own, dict)):
        return own
    merged = dict(base)
    for key, value in own.items():
        merged[key] = _merge(base[key], value) if key in base else value
    return merged


def _merged(layers: list[_Layer]) -> Any:
    data: Any = None
    for layer in layers:
        own = layer.data
        if isinstance(own, dict):
            own = {key: value for key, value in own.items() if key != EXTENDS}
        data = own if data is None else _merge(data, own)
    return data


def _broken(layers: list[_Layer], error: dict[str, Any], prefix: tuple = ()) -> PackError:
    """The PackError of a validation error, at the line of the file that wrote the value."""
    from .document import PlanDocument
    from .paths import loc_to_path, value_at  # the same loc -> path walk as for plans

    loc = prefix + tuple(error["loc"])
    pack_path, _, _ = loc_to_path(_merged(layers), loc)
    # the most specific pack that wrote the value, or else the mapping that lacks it
    layer = next((layer for depth in range(len(pack_path), -1, -1) for layer in reversed(layers)
                  if depth == 0 or value_at(layer.data, pack_path[:depth]) is not None), layers[-1])
    name = layer.path.name
    line, _col = PlanDocument(path=name, text=layer.text, root=layer.root).locate(pack_path)
    where = ".".join(str(p) for p in pack_path) or "toppen"
    return PackError(f"Regelpakken {name}, linje {line} ({where}): {error['msg']}.",
                     f"The rule pack {name}, line {line} ({where}): {error['msg']}.")


def load_pack_file(path: Path, sections: Sections | None = None) -> RulePack:
    """Load and validate one pack (with the packs it extends); ``PackError`` with file and line when broken.

    ``sections`` are the plugins' section models (``Registry.pack_sections``):
    each of the pack's plugin sections is validated with its model, and a
    top-level key that neither the core nor a plugin defines is an error.
    Without them the plugin sections are kept as written, unvalidated.

    A pack loaded before from the same files, with the same section models,
    comes from the start-up cache (``cache.py``).
    """
    try:
        key = _pack_key(path, sections)
    except OSError:  # unreadable: loading says so, with the file's name
        return _load_pack_file(path, sections)
    return cache.load(f"rulepack {path.name} {path.resolve()}", key, lambda: _load_pack_file(path, sections),
                      watch=("planlint.yamlparse",))


def _pack_key(path: Path, sections: Sections | None) -> bytes:
    """What a pack is made of besides code: the path as given (the pack's ``file``), every pack
    file of its folder (any of them may be the one it extends), and which section model reads
    which section."""
    parts = [str(path).encode()]
    parts += [file.name.encode() + b"\0" + file.read_bytes() for file in sorted(path.parent.glob("*.yaml"))]
    models = None if sections is None else sorted((key, model.__module__, model.__qualname__)
                                                   for key, model in sections.items())
    parts.append(repr(models).encode())
    return b"".join(len(part).to_bytes(8, "big") + part for part in parts)


def _load_pack_file(path: Path, sections: Sections | None) -> RulePack:
    layers = _layers(path)
    data = _merged(layers)
    own: dict[str, Any] = {}
    if isinstance(data, dict):
        core = RulePack.model_fields
        own = {key: value for key, value in data.items()
               if key not in core and (sections is None or key in sections)}
        data = {key: value for key, value in data.items() if key not in own}
    try:
        pack = cache.validate(RulePack, data)
    except ValidationError as exc:
        raise _broken(layers, exc.errors()[0]) from None
    for key, model in (sections or {}).items():
        if key in own:
            try:
                own[key] = cache.validate(model, own[key])
            except ValidationError as exc:
                raise _broken(layers, exc.errors()[0], (key,)) from None
        elif not model.optional:
            raise PackError(f"Regelpakken {path.name} mangler afsnittet '{key}', som et plugin læser.",
                            f"The rule pack {path.name} lacks the section '{key}', which a plugin reads.")
    pack = pack.model_copy(update={"file": str(path)})
    pack._sections = own
    return pack


def _extended_in(folder: Path, paths: list[Path]) -> set[str]:
    """The names of the files other packs of the folder extend (bases, not packs of a pulje)."""
    return {target for path in paths if (target := _extended(_read_layer(path))) is not None}


def _load_folder(folder: Path, sections: Sections | None) -> dict[str, RulePack]:
    paths = sorted(folder.glob("*.yaml"))
    bases = _extended_in(folder, paths)
    packs: dict[str, RulePack] = {}
    for path in paths:
        if path.name in bases:
            continue
        pack = load_pack_file(path, sections)
        if pack.pulje in packs:
            raise PackError(f"To regelpakker gælder for puljen {pack.pulje}: {Path(packs[pack.pulje].file).name} og {path.name}.",
                            f"Two rule packs claim the pulje {pack.pulje}: {Path(packs[pack.pulje].file).name} and {path.name}.")
        packs[pack.pulje] = pack
    return packs


@lru_cache(maxsize=None)
def load_packs(directory: str | None = None) -> dict[str, RulePack]:
    """Every pack in the directory (default: the installed ``rules/``), by pulje.

    A file that another pack extends (``base.yaml``) is not a pack of its own.
    The plugins' sections are kept as written (see ``load_pack_file``).
    """
    return _load_folder(Path(directory) if directory else packs_dir(), None)


class PackShelf(Mapping[str, RulePack]):
    """The packs of a folder, each loaded and validated when a plan first needs it.

    A run over plans of one pulje reads one pack, not four (start-up is what
    an editor or a pre-commit hook waits for).  Packs are found by the file
    name convention ``pulje_2019_2026.yaml``; a folder that does not follow it
    is read whole, as ``load_packs`` does.
    """

    def __init__(self, folder: str | Path | None = None, sections: Sections | None = None):
        self.folder = Path(folder) if folder else packs_dir()
        self.sections = sections
        if not self.folder.is_dir():  # a mistyped --rule-packs would silently turn off every pack's rules
            raise PackError(f"Mappen med regelpakker '{self.folder}' findes ikke.",
                            f"The rule pack folder '{self.folder}' does not exist.")
        self._loaded: dict[str, RulePack] = {}
        self._whole_folder_read = False

    def __getitem__(self, pulje: str) -> RulePack:
        if pulje not in self._loaded:
            path = self.folder / f"pulje_{str(pulje).replace('-', '_')}.yaml"
            pack = load_pack_file(path, self.sections) if path.is_file() else None
            if pack is not None and pack.pulje == pulje:
                self._loaded[pulje] = pack
            elif not self._whole_folder_read:  # once: plans of an unknown pulje must not reread the folder
                self._whole_folder_read = True
                self._loaded.update(_load_folder(self.folder, self.sections))
        return self._loaded[pulje]

    def __iter__(self) -> Iterator[str]:
        return iter(load_packs(str(self.folder)))

    def __len__(self) -> int:
        return len(load_packs(str(self.folder)))
