"""GitHub Actions workflow commands (``--format github``): one annotation per finding.

``::error file=PATH,line=L,col=C,title=CODE::message`` (``warning`` and
``notice`` for the other severities), escaped by the rules of GitHub's
runner: ``%``, CR and LF in the message; also ``:`` and ``,`` in properties.
"""

from __future__ import annotations

from typing import TextIO

from ..findings import FileResult, Finding, Severity
from . import FormatOptions

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
_HINT = {"da": "Tip", "en": "Hint"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(path: str, finding: Finding, lang: str) -> str:
    properties = [f"file={escape_property(path)}"]
    if finding.line is not None:
        properties.append(f"line={finding.line}")
        if finding.column is not None:
            properties.append(f"col={finding.column}")
    properties.append(f"title={escape_property(finding.code)}")
    message = finding.message.get(lang)
    if finding.hint is not None:
        message += f"\n{_HINT.get(lang, 'Tip')}: {finding.hint.get(lang)}"
    command = COMMAND[finding.severity or Severity.ERROR]
    return f"::{command} {','.join(properties)}::{escape_data(message)}"


def write(results: list[FileResult], options: FormatOptions, stream: TextIO) -> None:
    for result in results:
        stream.writelines(annotation(result.path, finding, options.lang) + "\n" for finding in result.findings)
