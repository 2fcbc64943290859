"""SARIF 2.1.0 (``--format sarif``), as GitHub code scanning uploads it.

One run; ``tool.driver.rules`` lists every rule that ran on any file (sorted
by code, so ``ruleIndex`` is stable); each result points at the file by a
relative URI with forward slashes and at the line and column of the finding.
No timestamps or absolute paths, so the same plans give the same bytes.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from ..findings import FileResult, Finding, Severity
from . import FormatOptions

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_HINT = {"da": "Tip", "en": "Hint"}


def artifact_uri(path: str) -> str:
    """A relative URI reference for a shown path: ``/`` separators, no ``./``, æøå and spaces escaped.

    An absolute path inside the working directory is made relative to it (GitHub
    resolves URIs against the checkout); one outside stays an absolute file URI.
    """
    shown = Path(path)
    if shown.is_absolute():
        try:
            shown = shown.relative_to(Path.cwd())
        except ValueError:
            return shown.as_uri()
    text = shown.as_posix()
    while text.startswith("./"):
        text = text[2:]
    return quote(text, safe="/")


def ran_codes(results: list[FileResult]) -> list[str]:
    """Every code that ran on some file, or was reported, sorted."""
    codes = {code for result in results for code in result.rules_run}
    codes.update(finding.code for result in results for finding in result.findings)
    return sorted(codes)


def _unwrap(text: str) -> str:
    """Docstring rationales are wrapped at ~100 columns; SARIF viewers wrap for themselves."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    return "\n\n".join(" ".join(part.split()) for part in paragraphs)


def _rule_entry(code: str, rule: Any, lang: str) -> dict[str, Any]:
    if rule is None:  # a code no plugin declared (PLN022 already says so)
        return {"id": code, "shortDescription": {"text": code}}
    title = rule.title.get(lang)
    rationale = _unwrap(rule.rationale.get(lang))
    source_label = "Source" if lang == "en" else "Kilde"
    properties: dict[str, Any] = {"plugin": rule.plugin, "basis": rule.basis,
                                  "tags": [rule.plugin or "planlint", rule.prefix]}
    if rule.pulje:
        properties["pulje"] = list(rule.pulje)
    return {
        "id": code,
        "name": code,
        "shortDescription": {"text": title},
        "fullDescription": {"text": rationale or title},
        "help": {"text": f"{rationale}\n\n{source_label}: {rule.source}".strip()},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": properties,
    }


def _message(finding: Finding, lang: str) -> str:
    text = finding.message.get(lang)
    if finding.hint is not None:
        text += f"\n{_HINT.get(lang, 'Tip')}: {finding.hint.get(lang)}"
    return text


def _result(result: FileResult, finding: Finding, index: int, lang: str) -> dict[str, Any]:
    region = {"startLine": finding.line or 1, "startColumn": finding.column or 1}
    properties: dict[str, Any] = {"plugin": finding.plugin, "pulje": result.pulje}
    if finding.path:
        properties["planPath"] = finding.path_text
    return {
        "ruleId": finding.code,
        "ruleIndex": index,
        "level": LEVEL[finding.severity or Severity.ERROR],
        "message": {"text": _message(finding, lang)},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": {"uri": artifact_uri(result.path)},
                "region": region,
            },
        }],
        "properties": properties,
    }


def document(results: list[FileResult], options: FormatOptions) -> dict[str, Any]:
    codes = ran_codes(results)
    index = {code: number for number, code in enumerate(codes)}
    driver: dict[str, Any] = {"name": "planlint"}
    if options.tool_version:
        driver["version"] = driver["semanticVersion"] = options.tool_version
    driver["rules"] = [_rule_entry(code, options.rules.get(code), options.lang) for code in codes]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            "artifacts": [{"location": {"uri": artifact_uri(result.path)}} for result in results],
            "results": [_result(result, finding, index[finding.code], options.lang)
                        for result in results for finding in result.findings],
            "columnKind": "unicodeCodePoints",
        }],
    }


def write(results: list[FileResult], options: FormatOptions, stream: TextIO) -> None:
    json.dump(document(results, options), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
