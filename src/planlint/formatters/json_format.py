"""The JSON document of docs/output.md (``--format json``)."""

from __future__ import annotations

import json
from typing import Any, TextIO

from ..findings import FileResult
from . import FormatOptions, summary_counts


def document(results: list[FileResult], options: FormatOptions) -> dict[str, Any]:
    return {
        "version": 1,
        "tool": {"name": "planlint", "version": options.tool_version},
        "files": [
            {
                "path": result.path,
                "pulje": result.pulje,
                "findings": [finding.to_json(options.lang) for finding in result.findings],
            }
            for result in results
        ],
        "summary": summary_counts(results),
    }


def write(results: list[FileResult], options: FormatOptions, stream: TextIO) -> None:
    json.dump(document(results, options), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
