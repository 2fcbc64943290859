"""The terminal report: findings grouped by file, each under its line of YAML.

Colour only on a terminal and never with ``NO_COLOR`` set (rich honours it).
Plan text goes into ``Text`` objects with its control characters escaped
(``planlint.escape``): never parsed as markup, never a command to the terminal.
"""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from ..escape import visible
from ..findings import FileResult, Severity
from . import FormatOptions, summary_counts

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_WORD = {
    "da": {Severity.ERROR: "fejl", Severity.WARNING: "advarsel", Severity.INFO: "info"},
    "en": {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"},
}


def _console(options: FormatOptions, stream: TextIO):  # type: ignore[no-untyped-def]
    from rich.console import Console

    return Console(file=stream, force_terminal=options.color, no_color=not options.color,
                   highlight=False, width=options.width, soft_wrap=False, markup=False, emoji=False)


_COUNT_WORDS = {
    "da": {"files": ("fil", "filer"), "error": ("fejl", "fejl"), "warning": ("advarsel", "advarsler")},
    "en": {"files": ("file", "files"), "error": ("error", "errors"), "warning": ("warning", "warnings")},
}

_INDENT = 10  # "  123:45  " then the message; wrapped lines stay under the message

#: Without --show-all, a rule's occurrences in one file after the first are shown on one line
#: each, and after this many the rest are counted in one line: a real plan's report fits a screen
#: and no rule code disappears from view.
_SHOWN = 3
_MORE = {"da": "… og {n} flere {code} i denne fil (--show-all viser alle)",
         "en": "… and {n} more {code} in this file (--show-all shows all)"}


def _hanging(console, width: int, first: "Text", body: "Text") -> list["Text"]:  # type: ignore[no-untyped-def]
    """``first`` (padded to the indent) then ``body``, wrapped under ``body``."""
    from rich.text import Text

    lines = []
    for number, line in enumerate(body.wrap(console, max(width - _INDENT, 20))):
        lead = first if number == 0 else Text("")
        lead.pad_right(_INDENT - len(lead.plain))
        line.rstrip()
        lines.append(Text.assemble(lead, line))
    return lines


def _cut(line: "Text", width: int) -> "Text":
    """One line, ended with "…" where it is wider than the terminal."""
    line.truncate(width, overflow="ellipsis")
    return line


def write(results: list[FileResult], options: FormatOptions, stream: TextIO) -> None:
    from rich.text import Text

    console = _console(options, stream)
    # asked once: rich asks the terminal for its size each time it is asked
    width = console.width
    lang = options.lang
    words = _WORD["en" if lang == "en" else "da"]
    for result in results:
        if not result.findings:
            continue
        # a file's lines are laid out here and printed at once: rich's cost is per print
        lines: list[Text] = list(Text(visible(result.path), style="bold underline").wrap(console, width))
        document = result.document
        totals = Counter(finding.code for finding in result.findings)
        seen: Counter[str] = Counter()
        for finding in result.findings:
            severity = finding.severity or Severity.ERROR
            where = f"{finding.line}:{finding.column}" if finding.line else "-"
            seen[finding.code] += 1
            if not options.show_all and seen[finding.code] > 1:
                lines += _repeat(finding, where, seen[finding.code], totals[finding.code], lang, width)
                continue
            lines += _hanging(console, width, Text("  " + where, "dim"), Text.assemble(
                (f"{finding.code} ", "bold"), (f"{words[severity]}: ", _STYLE[severity]),
                visible(finding.message.get(lang))))
            source = document.line_text(finding.line) if document is not None else ""
            if source.strip():
                # the echoed line is plan text too; the caret counts the escapes before the column
                before = source[:max((finding.column or 1) - 1, 0)].expandtabs(1)
                caret = " " * len(visible(before)) + "^"
                source = visible(source.expandtabs(1))
                gutter = f"{finding.line:>{_INDENT - 2}} | "
                lines.append(_cut(Text.assemble((gutter, "dim"), source), width))
                lines.append(_cut(Text.assemble((" " * (_INDENT - 2) + " | ", "dim"), (caret, _STYLE[severity])),
                                  width))
            if finding.hint is not None:
                label = "hint" if lang == "en" else "tip"
                lines += _hanging(console, width, Text(""),
                                  Text.assemble((label + ": ", "green"), visible(finding.hint.get(lang))))
            if finding.path:
                lines += _hanging(console, width, Text(""), Text(visible(finding.path_text), style="dim"))
        lines.append(Text(""))
        console.print(Text("\n").join(lines), no_wrap=True, overflow="ignore")
    _print_counts(console, results, lang)


def _repeat(finding, where: str, number: int, total: int, lang: str, width: int) -> list["Text"]:  # type: ignore[no-untyped-def]
    """A later occurrence of a rule in a file: one line, or nothing past ``_SHOWN`` (then the count)."""
    from rich.text import Text

    if number > _SHOWN:
        return []
    severity = finding.severity or Severity.ERROR
    lead = Text("  " + where, "dim")
    lead.pad_right(_INDENT - len(lead.plain))
    lines = [_cut(Text.assemble(lead, (f"{finding.code} ", "bold"), visible(finding.message.get(lang))), width)]
    if number == _SHOWN and total > _SHOWN:
        more = _MORE["en" if lang == "en" else "da"].format(n=total - _SHOWN, code=finding.code)
        lines.append(_cut(Text(" " * _INDENT + more, style=_STYLE[severity]), width))
    return lines


def write_summary(results: list[FileResult], options: FormatOptions, stream: TextIO, report: str = "") -> None:
    """Only the counts (and where the full report went): the terminal's view of ``--output``."""
    from rich.text import Text

    console = _console(options, stream)
    if report:
        report = visible(report)
        said = f"Report written to {report}" if options.lang == "en" else f"Rapporten er skrevet til {report}"
        console.print(Text(said, style="dim"))
    _print_counts(console, results, options.lang)


def _print_counts(console, results: list[FileResult], lang: str) -> None:  # type: ignore[no-untyped-def]
    from rich.text import Text

    counts = summary_counts(results)
    # (one, several) per language: "1 advarsel", "2 advarsler"; "1 error", "2 errors"
    words = _COUNT_WORDS["en" if lang == "en" else "da"]
    files, error, warning = (words[key][counts[key] != 1] for key in ("files", "error", "warning"))
    line = (f"{counts['files']} {files}: {counts['error']} {error}, "
            f"{counts['warning']} {warning}, {counts['info']} info")
    style = "bold red" if counts["error"] else ("yellow" if counts["warning"] else "bold green")
    console.print(Text(line, style=style))
