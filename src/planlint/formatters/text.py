"""``file:line:col: CODE severity message``, one finding a line (grep- and editor-friendly)."""

from __future__ import annotations

from typing import TextIO

from ..findings import FileResult
from . import FormatOptions


def write(results: list[FileResult], options: FormatOptions, stream: TextIO) -> None:
    for result in results:
        for finding in result.findings:
            severity = finding.severity.value if finding.severity else "error"
            stream.write(
                f"{result.path}:{finding.line or 0}:{finding.column or 0}: "
                f"{finding.code} {severity} {finding.message.get(options.lang)}\n"
            )
