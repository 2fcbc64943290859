"""``file:line:col: CODE severity message``, one finding a line (grep- and editor-friendly).

A file that could not be read has no position: ``file: CODE severity message``.
Plan text is shown with its control characters escaped, so a finding is always one line.
"""

from __future__ import annotations

from typing import Iterable, TextIO

from ..escape import visible
from ..findings import FileResult
from . import FormatOptions, place, summary_counts


def write(results: Iterable[FileResult], options: FormatOptions, stream: TextIO) -> None:
    """Each file's findings as it comes (``check`` streams results); ``--summary`` counts along the way."""
    counts = {"files": 0, "error": 0, "warning": 0, "info": 0}
    for result in results:
        counts["files"] += 1
        for finding in result.findings:
            severity = finding.severity.value if finding.severity else "error"
            if finding.severity is not None:
                counts[finding.severity.value] += 1
            stream.write(f"{place(result.path, finding)}: "
                         f"{finding.code} {severity} {visible(finding.message.get(options.lang))}\n")
    if options.summary:
        stream.write(summary_line(counts, options.lang) + "\n")


def summary_line(results: list[FileResult] | dict[str, int], lang: str) -> str:
    """``11 filer: 10 fejl, 193 advarsler, 9 info``: the rich format's last line, as plain text.

    ``results``, or their counts (``summary_counts``) when the results were streamed.
    """
    from .rich_format import _COUNT_WORDS  # the words only; rich itself is not imported

    counts = results if isinstance(results, dict) else summary_counts(results)
    words = _COUNT_WORDS["en" if lang == "en" else "da"]
    files, error, warning = (words[key][counts[key] != 1] for key in ("files", "error", "warning"))
    return (f"{counts['files']} {files}: {counts['error']} {error}, "
            f"{counts['warning']} {warning}, {counts['info']} info")
