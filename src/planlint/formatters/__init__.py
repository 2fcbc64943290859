"""Output formats for ``planlint check``: one module per format.

Each module has ``write(results, options, stream)``.  Modules are imported
only when their format is used, so ``--format json`` never loads rich.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module
from typing import Any, Callable, TextIO

from ..escape import visible
from ..findings import FileResult, Finding

#: format name -> module in this package
FORMATS = {
    "rich": "rich_format",
    "text": "text",
    "json": "json_format",
    "sarif": "sarif_format",
    "junit": "junit_format",
    "github": "github_format",
    "markdown": "markdown_format",
}


@dataclass
class FormatOptions:
    lang: str = "da"
    color: bool = False
    width: int | None = None
    tool_version: str = ""
    #: every rule that could run, by code (for SARIF's rule table, JUnit's test cases)
    rules: dict[str, Any] = field(default_factory=dict)
    #: the output is a file (--output), not the terminal
    to_file: bool = False
    #: end with the counts line (``check --summary``; rich always prints it)
    summary: bool = False
    #: rich: every occurrence in full, not a few per rule and "… and N more" (--show-all)
    show_all: bool = False


def get_writer(name: str) -> Callable[[list[FileResult], FormatOptions, TextIO], None]:
    if name not in FORMATS:
        from ..errors import UsageError

        raise UsageError(f"Formatet '{name}' findes ikke; vælg en af: {', '.join(FORMATS)}.",
                         f"The format '{name}' does not exist; choose one of: {', '.join(FORMATS)}.")
    return import_module(f".{FORMATS[name]}", __name__).write  # type: ignore[no-any-return]


def place(path: str, finding: Finding) -> str:
    """``path:line:column`` of a finding (plan text escaped); the path alone when it has no position."""
    shown = visible(path)
    if finding.line is None:
        return shown
    return f"{shown}:{finding.line}:{finding.column or 1}"


def at_least(results: list[FileResult], level: "Any") -> list[FileResult]:
    """The results with only the findings at ``level`` or above (``--min-severity``)."""
    from dataclasses import replace

    return [replace(result, findings=[f for f in result.findings
                                      if f.severity is not None and f.severity.rank >= level.rank])
            for result in results]


def summary_counts(results: list[FileResult]) -> dict[str, int]:
    counts = {"files": len(results), "error": 0, "warning": 0, "info": 0}
    for result in results:
        for finding in result.findings:
            if finding.severity is not None:
                counts[finding.severity.value] += 1
    return counts
