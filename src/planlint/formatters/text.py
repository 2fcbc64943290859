"""``file:line:col: CODE severity message``, one finding a line (grep- and editor-friendly).

A file that could not be read has no position: ``file: CODE severity message``.
Plan text is shown with its control characters escaped, so a finding is always one line.
"""

from __future__ import annotations

from typing import TextIO

from ..escape import visible
from ..findings import FileResult
from . import FormatOptions, place


def write(results: list[FileResult], options: FormatOptions, stream: TextIO) -> None:
    for result in results:
        for finding in result.findings:
            severity = finding.severity.value if finding.severity else "error"
            stream.write(f"{place(result.path, finding)}: "
                         f"{finding.code} {severity} {visible(finding.message.get(options.lang))}\n")
