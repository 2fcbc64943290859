"""GitHub Actions workflow commands (``--format github``): one annotation per finding.

``::error file=PATH,line=L,col=C,title=CODE::message`` (``warning`` and
``notice`` for the other severities), escaped by the rules of GitHub's
runner: ``%``, CR and LF in the message; also ``:`` and ``,`` in properties.
Plan text is shown with its control characters escaped (``planlint.escape``),
so a key holding a newline cannot start a forged command: one finding, one line.
"""

from __future__ import annotations

from typing import TextIO

from ..escape import github_data, github_property, visible
from ..findings import FileResult, Finding, Severity
from . import FormatOptions

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
_HINT = {"da": "Tip", "en": "Hint"}


def annotation(path: str, finding: Finding, lang: str) -> str:
    properties = [f"file={github_property(path)}"]
    if finding.line is not None:
        properties.append(f"line={finding.line}")
        if finding.column is not None:
            properties.append(f"col={finding.column}")
    properties.append(f"title={github_property(finding.code)}")
    message = visible(finding.message.get(lang))
    if finding.hint is not None:  # a line break of our own: GitHub shows it inside the annotation
        message += f"\n{_HINT.get(lang, 'Tip')}: {visible(finding.hint.get(lang))}"
    command = COMMAND[finding.severity or Severity.ERROR]
    return f"::{command} {','.join(properties)}::{github_data(message)}"


def write(results: list[FileResult], options: FormatOptions, stream: TextIO) -> None:
    for result in results:
        stream.writelines(annotation(result.path, finding, options.lang) + "\n" for finding in result.findings)
