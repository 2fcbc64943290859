"""A Markdown summary (``--format markdown``) for a pull-request comment or ``$GITHUB_STEP_SUMMARY``.

A heading with the verdict, a table of counts per plugin and severity, then a
table of findings whose first cell links to the line (``path#L12``).  Links
are relative to the repository root; set ``PLANLINT_MARKDOWN_BASE_URL`` (e.g.
``https://github.com/OWNER/REPO/blob/SHA/``) where relative links do not
resolve, as on a workflow run's summary page.  Plan text and file names are
shown as text (``planlint.escape.markdown``): never HTML, a link or an image.
"""

from __future__ import annotations

import os
from typing import TextIO
from urllib.parse import quote

from .. import escape
from ..findings import FileResult, Finding, Severity
from . import FormatOptions, summary_counts

BASE_URL_ENV = "PLANLINT_MARKDOWN_BASE_URL"
ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)

_TEXT = {
    "da": {
        "passed": "✅ planlint: ingen fund, der får tjekket til at fejle",
        "failed": "❌ planlint: fund, der får tjekket til at fejle",
        "files": "{n} fil(er) kontrolleret",
        "none": "Ingen fund.",
        "plugin": "Plugin",
        "total": "I alt",
        "place": "Sted",
        "code": "Kode",
        "severity": "Niveau",
        "message": "Meddelelse",
        "hint": "Tip",
        Severity.ERROR: "Fejl",
        Severity.WARNING: "Advarsler",
        Severity.INFO: "Info",
        "one": {Severity.ERROR: "fejl", Severity.WARNING: "advarsel", Severity.INFO: "info"},
    },
    "en": {
        "passed": "✅ planlint: no finding that fails the check",
        "failed": "❌ planlint: findings that fail the check",
        "files": "{n} file(s) checked",
        "none": "No findings.",
        "plugin": "Plugin",
        "total": "Total",
        "place": "Place",
        "code": "Code",
        "severity": "Severity",
        "message": "Message",
        "hint": "Hint",
        Severity.ERROR: "Errors",
        Severity.WARNING: "Warnings",
        Severity.INFO: "Info",
        "one": {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"},
    },
}


def cell(text: str) -> str:
    """Text that stays inside one table cell and renders as that text."""
    return escape.markdown(text)


def line_link(path: str, line: int | None, base_url: str = "") -> str:
    target = base_url + quote(path.removeprefix("./"), safe="/")
    shown = f"{path}:{line}" if line else path
    anchor = f"#L{line}" if line else ""
    return f"[{cell(shown)}]({target}{anchor})"


def _counts_table(results: list[FileResult], words: dict) -> list[str]:
    per_plugin: dict[str, dict[Severity, int]] = {}
    for result in results:
        for finding in result.findings:
            row = per_plugin.setdefault(finding.plugin or "?", {s: 0 for s in ORDER})
            row[finding.severity or Severity.ERROR] += 1
    header = f"| {words['plugin']} | " + " | ".join(words[s] for s in ORDER) + " |"
    lines = [header, "|---|" + "---:|" * len(ORDER)]
    for plugin in sorted(per_plugin):
        lines.append(f"| {cell(plugin)} | " + " | ".join(str(per_plugin[plugin][s]) for s in ORDER) + " |")
    totals = summary_counts(results)
    lines.append(f"| **{words['total']}** | " + " | ".join(f"**{totals[s.value]}**" for s in ORDER) + " |")
    return lines


def _finding_row(result: FileResult, finding: Finding, words: dict, lang: str, base_url: str) -> str:
    severity = finding.severity or Severity.ERROR
    message = cell(finding.message.get(lang))
    if finding.hint is not None:
        message += f"<br>_{words['hint']}: {cell(finding.hint.get(lang))}_"
    return (f"| {line_link(result.path, finding.line, base_url)} | `{finding.code}` | "
            f"{words['one'][severity]} | {message} |")


def write(results: list[FileResult], options: FormatOptions, stream: TextIO) -> None:
    lang = "en" if options.lang == "en" else "da"
    words = _TEXT[lang]
    base_url = os.environ.get(BASE_URL_ENV, "")
    failed = any(result.fails(f) for result in results for f in result.findings)
    out = [f"## {words['failed' if failed else 'passed']}", "", words["files"].format(n=len(results)), ""]
    findings = [(result, finding) for result in results for finding in result.findings]
    if not findings:
        out.append(words["none"])
    else:
        out.extend(_counts_table(results, words))
        out.extend(["", f"| {words['place']} | {words['code']} | {words['severity']} | {words['message']} |",
                    "|---|---|---|---|"])
        out.extend(_finding_row(result, finding, words, lang, base_url) for result, finding in findings)
    stream.write("\n".join(out) + "\n")
