"""Configuration: ``.planlint.yaml`` or ``[tool.planlint]`` in ``pyproject.toml``.

The file is found by walking up from each plan file, like ruff and yamllint
do, so a repository of plans configures itself.  In one folder
``.planlint.yaml`` wins over ``.planlint.yml``, which wins over
``pyproject.toml``; a ``pyproject.toml`` without ``[tool.planlint]`` is passed
over.  Options on the command line win over the file.

Keys (the same in both files)::

    select: [LBF, COF001]        # codes or prefixes to run; default: every rule
    ignore: [SUC009]             # codes or prefixes to leave out
    severity: {FOR003: error}    # per-code severity overrides
    fail-on: warning             # error (default) | warning | info
    lang: en                     # da (default) | en
    max-file-size: 5000000       # bytes (1 to 100000000); bigger plan files are refused
    plugin-timeout: 2.0          # seconds one plugin may spend on one plan
    no-suppress: true            # ignore '# planlint: disable=...' comments in plans
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Annotated, Any, Collection, Literal, NamedTuple, Optional

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictBool, StrictInt, StrictStr, ValidationError
from pydantic_core import PydanticCustomError

from . import cache
from .error_wording import expected_value  # the same wording as the plan's type errors
from .errors import UsageError
from .findings import Severity

CONFIG_NAMES = (".planlint.yaml", ".planlint.yml", "pyproject.toml")
#: The largest ``max-file-size`` that can be set (100 MB): a plan is a few hundred kB, and the
#: parser's own limits (50.000 values) refuse anything much bigger anyway.
LARGEST_FILE_SIZE = 100_000_000
_CODE_OR_PREFIX = re.compile(r"^[A-Z]+[0-9]{0,3}$")
_CODE = re.compile(r"^[A-Z]+[0-9]{3}$")


class ConfigError(UsageError):
    """An invalid configuration (exit status 2)."""


class Settings(NamedTuple):
    """The effective configuration for one plan file.

    Immutable: a named tuple (``Overrides.apply`` makes a changed copy),
    not a frozen dataclass, which costs every run's start-up 1-2 ms to create.
    """

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = {}  # never changed in place: a new dict is a new Settings
    fail_on: Severity = Severity.ERROR
    lang: str = "da"
    max_file_size: int = 5 * 1024 * 1024
    plugin_timeout: float = 2.0
    #: honour '# planlint: disable=...' comments (False: --no-suppress)
    suppress: bool = True
    source: str | None = None  # the configuration file, if any

    def selects(self, code: str) -> bool:
        """Whether a rule is on: selected (or nothing selected) and not ignored.

        The most specific match wins, as in ruff: ``select: [COF]`` with
        ``ignore: [COF003]`` turns off COF003 only, and ``ignore: [COF]`` with
        ``select: [COF003]`` keeps COF003 alone.
        """
        chosen = _longest_match(code, self.select) if self.select else ""
        if self.select and chosen is None:
            return False
        dropped = _longest_match(code, self.ignore)
        if dropped is None:
            return True
        return chosen is not None and len(chosen) > len(dropped)

    def severity_of(self, code: str, default: Severity) -> Severity:
        return self.severity.get(code, default)


def _longest_match(code: str, patterns: tuple[str, ...]) -> str | None:
    matches = [p for p in patterns if code.startswith(p)]
    return max(matches, key=len) if matches else None


def _seconds(value: Any) -> Any:
    """A number of seconds: an int or a float, never a boolean or a text."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise PydanticCustomError("float_type", "not a number")
    return value


class _FileConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, defer_build=True)

    # strict types: "max-file-size: true" must not mean one byte
    select: Optional[list[StrictStr]] = None
    ignore: Optional[list[StrictStr]] = None
    severity: Optional[dict[str, Literal["error", "warning", "info"]]] = None
    fail_on: Optional[Literal["error", "warning", "info"]] = Field(None, alias="fail-on")
    lang: Optional[Literal["da", "en"]] = None
    max_file_size: Optional[StrictInt] = Field(None, alias="max-file-size", gt=0, le=LARGEST_FILE_SIZE)
    plugin_timeout: Optional[Annotated[float, BeforeValidator(_seconds)]] = Field(None, alias="plugin-timeout", gt=0)
    no_suppress: Optional[StrictBool] = Field(None, alias="no-suppress")


def parse_codes(text: str | None) -> tuple[str, ...]:
    """``"COF,SUC001"`` -> ``("COF", "SUC001")``; ConfigError for a malformed code."""
    if not text:
        return ()
    codes = tuple(part.strip().upper() for part in text.split(",") if part.strip())
    for code in codes:
        if not _CODE_OR_PREFIX.match(code):
            raise ConfigError(f"'{code}' er ikke en regelkode eller et præfiks (som COF eller COF001).",
                              f"'{code}' is not a rule code or prefix (like COF or COF001).")
    return codes


def _read(path: Path) -> dict[str, Any] | None:
    """The planlint table of a config file; None for a pyproject.toml without one."""
    name = path.name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        from .oserrors import reason

        da, en = reason(exc)
        raise ConfigError(f"Konfigurationen {path} kan ikke læses: {da}.",
                          f"The configuration {path} cannot be read: {en}.")
    except UnicodeDecodeError:
        raise ConfigError(f"Konfigurationen {path} er ikke UTF-8; gem den som UTF-8.",
                          f"The configuration {path} is not UTF-8; save it as UTF-8.")
    if name == "pyproject.toml":
        import tomllib

        try:
            table = tomllib.loads(text).get("tool", {}).get("planlint")
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path} er ikke gyldig TOML: {exc}.", f"{path} is not valid TOML: {exc}.")
        if table is None:
            return None
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.planlint] skal være en tabel.", f"{path}: [tool.planlint] must be a table.")
        return table
    from . import yamlparse

    try:
        root, _ = yamlparse.parse(text)
        data, duplicates, _ = yamlparse.to_data(root) if root is not None else ({}, [], [])
    except yamlparse.YamlError as exc:
        raise ConfigError(f"{path}, linje {exc.line}: ikke gyldig YAML ({exc.detail}).",
                          f"{path}, line {exc.line}: not valid YAML ({exc.detail}).")
    if duplicates:  # as in a plan: nobody can tell which value was meant
        dup = duplicates[0]
        raise ConfigError(
            f"Ugyldig konfiguration i {path}, linje {dup.line}: nøglen '{dup.key}' står to gange "
            f"(første gang i linje {dup.first_line}).",
            f"Invalid configuration in {path}, line {dup.line}: the key '{dup.key}' appears twice "
            f"(first on line {dup.first_line}).")
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: konfigurationen skal være en mapping.", f"{path}: the configuration must be a mapping.")
    return data


def _validate(path: Path, table: dict[str, Any]) -> Settings:
    """The settings of a configuration file's table; ``ConfigError`` naming file and line."""
    try:
        parsed = cache.validate(_FileConfig, table)
    except ValidationError as exc:
        raise _invalid(path, table, exc.errors()[0]) from None
    _check_codes(path, table, parsed)
    default = Settings()
    return Settings(
        select=tuple(parsed.select or ()),
        ignore=tuple(parsed.ignore or ()),
        severity={code: Severity(level) for code, level in (parsed.severity or {}).items()},
        fail_on=Severity(parsed.fail_on) if parsed.fail_on else Severity.ERROR,
        lang=parsed.lang or "da",
        max_file_size=parsed.max_file_size or default.max_file_size,
        plugin_timeout=parsed.plugin_timeout or default.plugin_timeout,
        suppress=not parsed.no_suppress,
        source=str(path),
    )


def _line_of(table: dict[str, Any], key: Any) -> tuple[str, str]:
    """", linje 3" / ", line 3": where the file wrote a key ('' when unknown, as in TOML)."""
    entry = getattr(table, "entries", {}).get(key)
    return (f", linje {entry[0].line}", f", line {entry[0].line}") if entry else ("", "")


def _invalid(path: Path, table: dict[str, Any], error: dict[str, Any]) -> ConfigError:
    """The ConfigError of pydantic's first error: one sentence with file, line and what to write."""
    key = error["loc"][0] if error["loc"] else ""
    where_da, where_en = _line_of(table, key)
    if error["type"] == "extra_forbidden":
        names = [f.alias or name for name, f in _FileConfig.model_fields.items()]
        guess = difflib.get_close_matches(str(key), names, n=1)
        if guess:
            da, en = f"ukendt nøgle '{key}'; mente du '{guess[0]}'?", f"unknown key '{key}'; did you mean '{guess[0]}'?"
        else:
            da = f"ukendt nøgle '{key}' (mulige: {', '.join(names)})"
            en = f"unknown key '{key}' (known: {', '.join(names)})"
    elif error["type"] == "literal_error":
        allowed = error.get("ctx", {}).get("expected", "")
        da = f"'{key}' skal være en af {allowed.replace(' or ', ' eller ')}"
        en = f"'{key}' must be one of {allowed}"
    elif (expected := expected_value(error)) is not None:
        da, en = f"'{key}' skal være {expected[0]}", f"'{key}' must be {expected[1]}"
    else:
        da = f"'{key}' har en ugyldig værdi ({error['msg']})"
        en = f"'{key}' has an invalid value ({error['msg']})"
    end = "" if da.endswith("?") else "."
    return ConfigError(f"Ugyldig konfiguration i {path}{where_da}: {da}{end}",
                       f"Invalid configuration in {path}{where_en}: {en}{end}")


def _check_codes(path: Path, table: dict[str, Any], parsed: _FileConfig) -> None:
    """``ConfigError`` for a select/ignore entry that is no code or prefix, or a severity key that is no code."""
    for key, codes in (("select", parsed.select), ("ignore", parsed.ignore), ("severity", parsed.severity)):
        pattern = _CODE_OR_PREFIX if key != "severity" else _CODE
        for code in codes or []:
            if not pattern.match(code):
                where_da, where_en = _line_of(table, key)
                what_da = "en regelkode eller et præfiks (som COF eller COF001)" if key != "severity" else "en regelkode (som COF001)"
                what_en = "a rule code or prefix (like COF or COF001)" if key != "severity" else "a rule code (like COF001)"
                raise ConfigError(f"Ugyldig konfiguration i {path}{where_da}: '{code}' i '{key}' er ikke {what_da}.",
                                  f"Invalid configuration in {path}{where_en}: '{code}' in '{key}' is not {what_en}.")


# --- selectors must name rules ----------------------------------------------------

def _matches_nothing(pattern: str, known: Collection[str]) -> bool:
    return not any(code.startswith(pattern) for code in known)


def _no_rule(pattern: str, known: Collection[str]) -> tuple[str, str]:
    """"'LBF6' matches no rule; did you mean LBF006?" (Danish, English)."""
    from .docs import nearest_codes

    near = nearest_codes(pattern, sorted(known))
    letters = pattern.rstrip("0123456789")
    padded = letters + pattern[len(letters):].zfill(3)  # LBF6 -> LBF006: digits left out, not mistyped
    if padded != pattern and padded in known:
        near = [padded] + [code for code in near if code != padded][:1]
    if near:
        return (f"'{pattern}' svarer ikke til nogen regel; mente du {' eller '.join(near)}?",
                f"'{pattern}' matches no rule; did you mean {' or '.join(near)}?")
    prefixes = ", ".join(sorted({code.rstrip("0123456789") for code in known}))
    return (f"'{pattern}' svarer ikke til nogen regel (præfikserne er {prefixes}; 'planlint rules' viser alle).",
            f"'{pattern}' matches no rule (the prefixes are {prefixes}; 'planlint rules' lists them all).")


def check_overrides(overrides: "Overrides", known: Collection[str]) -> None:
    """ConfigError for a ``--select``/``--ignore`` code or prefix that matches no rule.

    Such a selector would silently turn every rule off (``--select LBF6``) or
    nothing (``--ignore XYZ``); a third-party plugin's codes count as known.
    """
    for option, patterns in (("--select", overrides.select), ("--ignore", overrides.ignore)):
        for pattern in patterns or ():
            if _matches_nothing(pattern, known):
                da, en = _no_rule(pattern, known)
                raise ConfigError(f"{option}: {da}", f"{option}: {en}")


def check_selectors(settings: Settings, known: Collection[str]) -> None:
    """ConfigError for a configuration file's ``select``/``ignore``/``severity`` entry that names no rule."""
    for key, patterns in (("select", settings.select), ("ignore", settings.ignore), ("severity", settings.severity)):
        for pattern in patterns:
            if not _matches_nothing(pattern, known) and (key != "severity" or pattern in known):
                continue
            da, en = _no_rule(pattern, known)
            where_da = where_en = ""
            table = _read(Path(settings.source)) if settings.source else None
            entry = getattr(table, "entries", {}).get(key)
            if entry:
                where_da, where_en = f", linje {entry[0].line}", f", line {entry[0].line}"
            raise ConfigError(f"Ugyldig konfiguration i {settings.source}{where_da}: i '{key}': {da}",
                              f"Invalid configuration in {settings.source}{where_en}: in '{key}': {en}")


def settings_for_dir(directory: Path) -> Settings:
    """The settings of the nearest configuration file at or above ``directory``.

    Read anew on every call (a long-lived editor process must see an edited
    configuration); ``Linter`` keeps one answer per folder for a run.
    """
    for folder in (directory, *directory.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                table = _read(candidate)
                if table is not None:
                    return _validate(candidate, table)
    return Settings()


def load_config_file(path: Path) -> Settings:
    """Settings from an explicit ``--config FILE``."""
    if path.is_dir():
        raise ConfigError(f"--config skal pege på en fil, men {path} er en mappe.",
                          f"--config must name a file, but {path} is a folder.")
    if not path.is_file():
        raise ConfigError(f"Konfigurationsfilen {path} findes ikke.", f"The configuration file {path} does not exist.")
    table = _read(path)
    if table is None:
        raise ConfigError(f"{path} har ingen [tool.planlint]-tabel.", f"{path} has no [tool.planlint] table.")
    return _validate(path, table)


class Overrides(NamedTuple):
    """Options given on the command line; ``None`` means "not given" (a named tuple, as ``Settings``)."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    fail_on: Severity | None = None
    lang: str | None = None
    max_file_size: int | None = None
    plugin_timeout: float | None = None
    suppress: bool | None = None  # False for --no-suppress

    def apply(self, settings: Settings) -> Settings:
        changes = {name: value for name, value in self._asdict().items() if value is not None}
        return settings._replace(**changes) if changes else settings
