"""The terminal report: findings grouped by file, each under its line of YAML.

Colour only on a terminal and never with ``NO_COLOR`` set (rich honours it).
"""

from __future__ import annotations

from typing import TextIO

from ..findings import FileResult, Severity
from . import FormatOptions, summary_counts

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_WORD = {
    "da": {Severity.ERROR: "fejl", Severity.WARNING: "advarsel", Severity.INFO: "info"},
    "en": {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"},
}


def write(results: list[FileResult], options: FormatOptions, stream: TextIO) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(file=stream, force_terminal=options.color, no_color=not options.color,
                      highlight=False, width=options.width, soft_wrap=False)
    lang = options.lang
    words = _WORD["en" if lang == "en" else "da"]
    for result in results:
        if not result.findings:
            continue
        console.print(Text(result.path, style="bold underline"))
        document = result.document
        for finding in result.findings:
            severity = finding.severity or Severity.ERROR
            where = f"{finding.line}:{finding.column}" if finding.line else "-"
            head = Text.assemble(
                ("  " + where.ljust(8), "dim"),
                (f"{finding.code} ", "bold"),
                (f"{words[severity]}: ", _STYLE[severity]),
                finding.message.get(lang),
            )
            console.print(head)
            source = document.line_text(finding.line) if document is not None else ""
            if source.strip():
                number = str(finding.line)
                shown = source.expandtabs(1)
                console.print(Text.assemble((f"  {number:>6} | ", "dim"), shown), overflow="ellipsis", no_wrap=True)
                caret = " " * max((finding.column or 1) - 1, 0) + "^"
                console.print(Text.assemble(("         | ", "dim"), (caret, _STYLE[severity])))
            if finding.hint is not None:
                label = "hint" if lang == "en" else "tip"
                console.print(Text.assemble(("           " + label + ": ", "green"), finding.hint.get(lang)))
            if finding.path:
                console.print(Text(f"           {finding.path_text}", style="dim"))
        console.print()
    _print_counts(console, results, lang)


def write_summary(results: list[FileResult], options: FormatOptions, stream: TextIO, report: str = "") -> None:
    """Only the counts (and where the full report went): the terminal's view of ``--output``."""
    from rich.console import Console
    from rich.text import Text

    console = Console(file=stream, force_terminal=options.color, no_color=not options.color,
                      highlight=False, width=options.width, soft_wrap=False)
    if report:
        said = f"Report written to {report}" if options.lang == "en" else f"Rapporten er skrevet til {report}"
        console.print(Text(said, style="dim"))
    _print_counts(console, results, options.lang)


def _print_counts(console, results: list[FileResult], lang: str) -> None:  # type: ignore[no-untyped-def]
    from rich.text import Text

    counts = summary_counts(results)
    files_word = "file" if counts["files"] == 1 else "files"
    if lang != "en":
        files_word = "fil" if counts["files"] == 1 else "filer"
        line = (f"{counts['files']} {files_word}: {counts['error']} fejl, "
                f"{counts['warning']} advarsler, {counts['info']} info")
    else:
        line = (f"{counts['files']} {files_word}: {counts['error']} errors, "
                f"{counts['warning']} warnings, {counts['info']} info")
    style = "bold red" if counts["error"] else ("yellow" if counts["warning"] else "bold green")
    console.print(Text(line, style=style))
