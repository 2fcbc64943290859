"""JUnit XML (``--format junit``) for Jenkins' JUnit plugin and GitLab's test reports.

One ``<testsuite>`` per plan file, one ``<testcase>`` per rule that ran on it
(``classname`` the file, ``name`` the code), and one ``<failure>`` per finding
at or above the file's ``--fail-on`` level, whose ``message`` starts with
``file:line:column``.  Findings below that level do not fail a test; they are
listed in the suite's ``<system-out>`` so nothing is lost.  No timestamps or
durations, so the same plans give the same bytes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TextIO

from ..escape import xml
from ..findings import FileResult, Finding, Severity
from . import FormatOptions, place

_HINT = {"da": "Tip", "en": "Hint"}
_PLACE = {"da": "Sted i planen", "en": "Place in the plan"}


def _clean(text: str) -> str:
    """Plan text (one line) for an attribute or a line of a body: see ``planlint.escape.xml``."""
    return xml(text)


def _line(result: FileResult, finding: Finding, lang: str) -> str:
    severity = (finding.severity or Severity.ERROR).value
    return f"{place(result.path, finding)}: {finding.code} {severity} {_clean(finding.message.get(lang))}"


def _failure(case: ET.Element, result: FileResult, finding: Finding, lang: str) -> None:
    severity = (finding.severity or Severity.ERROR).value
    failure = ET.SubElement(case, "failure", {
        "message": f"{place(result.path, finding)}: {_clean(finding.message.get(lang))}",
        "type": severity,
    })
    body = [_line(result, finding, lang)]
    if finding.hint is not None:
        body.append(f"{_HINT.get(lang, 'Tip')}: {_clean(finding.hint.get(lang))}")
    if finding.path:
        body.append(f"{_PLACE.get(lang, _PLACE['da'])}: {_clean(finding.path_text)}")
    failure.text = "\n".join(body)  # one line per part: the parts are escaped, the breaks are ours


def _suite(result: FileResult, lang: str) -> ET.Element:
    codes = sorted(set(result.rules_run) | {f.code for f in result.findings})
    failing = [f for f in result.findings if result.fails(f)]
    failed_codes = {f.code for f in failing}
    suite = ET.Element("testsuite", {
        "name": _clean(result.path),
        "tests": str(len(codes)),
        "failures": str(len(failed_codes)),
        "errors": "0",
        "skipped": "0",
        "file": _clean(result.path),
    })
    if result.pulje:
        properties = ET.SubElement(suite, "properties")
        ET.SubElement(properties, "property", {"name": "pulje", "value": _clean(result.pulje)})
    for code in codes:
        case = ET.SubElement(suite, "testcase", {"classname": _clean(result.path), "name": code,
                                                 "file": _clean(result.path)})
        for finding in failing:
            if finding.code == code:
                _failure(case, result, finding, lang)
    below = [f for f in result.findings if not result.fails(f)]
    if below:
        ET.SubElement(suite, "system-out").text = "\n".join(_line(result, f, lang) for f in below)
    return suite


def write(results: list[FileResult], options: FormatOptions, stream: TextIO) -> None:
    suites = [_suite(result, options.lang) for result in results]
    root = ET.Element("testsuites", {
        "name": "planlint",
        "tests": str(sum(int(s.get("tests", "0")) for s in suites)),
        "failures": str(sum(int(s.get("failures", "0")) for s in suites)),
        "errors": "0",
    })
    root.extend(suites)
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")
