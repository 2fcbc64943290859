"""Findings: what a check reports, in both languages, at a place in the plan."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any, Iterable


class Severity(str, Enum):
    """How serious a finding is; ``rank`` orders them for ``--fail-on``."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]

    @classmethod
    def parse(cls, value: Any) -> "Severity":
        """``Severity`` from its name; ValueError for anything else."""
        if isinstance(value, Severity):
            return value
        try:
            return cls(str(value).lower())
        except ValueError:
            raise ValueError(value) from None


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


@dataclass(frozen=True, slots=True)
class Message:
    """A text in Danish and English.  Every user-facing text has both."""

    da: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.da


#: A place in the plan: ``str`` elements are mapping keys, ``int`` list indices.
PlanPath = tuple


def format_path(path: Iterable[Any]) -> str:
    """``("indsatsområder", 0, "navn")`` -> ``"indsatsområder[0].navn"``."""
    out = ""
    for part in path:
        if isinstance(part, int) and not isinstance(part, bool):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


_PATH_PART = re.compile(r"\[(\d+)\]|([^.\[\]]+)")


def parse_path(text: str) -> PlanPath:
    """The inverse of ``format_path`` (keys containing ``.`` or ``[`` aside)."""
    return tuple(int(index) if index else key for index, key in _PATH_PART.findall(text))


@dataclass(frozen=True, slots=True)
class Edit:
    """One change of a plan, by its place: a new value, or a key renamed.

    ``path`` is where the value is (``("plan", "periode", "slut")``); with
    ``rename`` it is the key to rename and ``value`` is the new key.
    """

    path: PlanPath
    value: Any
    rename: bool = False


@dataclass(frozen=True, slots=True)
class Fix:
    """A certain correction of one finding: what it does, and its edits.

    ``planlint check --fix`` applies it (keeping the author's comments and
    layout), ``--diff`` shows it, and the language server offers it as a
    code action.  Offer a fix only when there is one right answer; never
    invent a value the author has to choose.
    """

    description: Message
    edits: tuple[Edit, ...]

    @classmethod
    def rename_key(cls, path: PlanPath, new: str, da: str, en: str) -> "Fix":
        return cls(Message(da, en), (Edit(tuple(path), new, rename=True),))

    @classmethod
    def set_value(cls, path: PlanPath, value: Any, da: str, en: str) -> "Fix":
        return cls(Message(da, en), (Edit(tuple(path), value),))


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in one plan.

    Plugins create findings with a ``code``, a ``message`` and a ``path``;
    the engine fills in ``severity`` (from the rule and the configuration),
    ``plugin``, ``line`` and ``column`` (from the path) when they are unset.
    """

    code: str
    message: Message
    path: PlanPath = ()
    hint: Message | None = None
    severity: Severity | None = None
    line: int | None = None
    column: int | None = None
    plugin: str = ""
    #: a certain correction (``--fix``), or None
    fix: Fix | None = None

    def with_(self, **changes: Any) -> "Finding":
        return replace(self, **changes)

    @property
    def path_text(self) -> str:
        return format_path(self.path)

    def sort_key(self) -> tuple:
        return (self.line or 0, self.column or 0, self.code, format_path(self.path), self.message.da)

    def to_json(self, lang: str) -> dict[str, Any]:
        """The finding as docs/output.md's JSON object (plus ``message_da``/``message_en``)."""
        data: dict[str, Any] = {
            "code": self.code,
            "severity": self.severity.value if self.severity else "error",
            "plugin": self.plugin,
            "message": self.message.get(lang),
            "path": self.path_text,
            "line": self.line,
            "column": self.column,
        }
        if self.hint is not None:
            data["hint"] = self.hint.get(lang)
        data["messages"] = {"da": self.message.da, "en": self.message.en}
        if self.fix is not None:
            data["fix"] = {"message": self.fix.description.get(lang)}
        return data


@dataclass(slots=True)
class FileResult:
    """Everything one plan file produced."""

    path: str  # as shown to the user
    findings: list[Finding] = field(default_factory=list)
    pulje: str | None = None
    document: Any = None  # planlint.document.PlanDocument, when the file could be read
    rules_run: list[str] = field(default_factory=list)
    fail_on: Severity = Severity.ERROR  # from this file's settings
    lang: str = "da"  # from this file's settings

    def fails(self, finding: Finding) -> bool:
        """Whether a finding reaches this file's ``--fail-on`` level."""
        return finding.severity is not None and finding.severity.rank >= self.fail_on.rank

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)
