"""``planlint check --statistics``: one line per rule code, most frequent first.

``  45  SUC005  advarsel  Succeskriteriet mangler en baseline``; with ``--format json``
a list of ``{code, count, severity, title}``.  The exit status is the run's, as
with any format.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any, TextIO

from ..findings import FileResult, Severity
from . import FormatOptions

_WORD = {
    "da": {"error": "fejl", "warning": "advarsel", "info": "info"},
    "en": {"error": "error", "warning": "warning", "info": "info"},
}


def rows(results: list[FileResult], options: FormatOptions) -> list[dict[str, Any]]:
    """Per code: count, severities (most severe first) and title; most frequent first, then by code."""
    counts: Counter[str] = Counter()
    levels: dict[str, set[Severity]] = {}
    for result in results:
        for finding in result.findings:
            counts[finding.code] += 1
            if finding.severity is not None:
                levels.setdefault(finding.code, set()).add(finding.severity)
    found = []
    for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        severities = sorted(levels.get(code, ()), key=lambda s: -s.rank)
        rule = options.rules.get(code)
        title = getattr(rule, "title", None)
        text = (title.get(options.lang) if hasattr(title, "get") else
                (title[1] if options.lang == "en" else title[0]) if isinstance(title, tuple) else "")
        found.append({"code": code, "count": count, "severity": [s.value for s in severities], "title": text or ""})
    return found


def write(results: list[FileResult], options: FormatOptions, stream: TextIO, as_json: bool = False) -> None:
    found = rows(results, options)
    if as_json:
        stream.write(json.dumps(found, ensure_ascii=False, indent=2) + "\n")
        return
    words = _WORD["en" if options.lang == "en" else "da"]
    width = max((len(str(row["count"])) for row in found), default=1)
    level_width = max((len("/".join(words[s] for s in row["severity"])) for row in found), default=0)
    for row in found:
        level = "/".join(words[s] for s in row["severity"])
        stream.write(f"{row['count']:>{width}}  {row['code']:<7} {level:<{level_width}}  {row['title']}\n")
