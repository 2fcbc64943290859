"""docs/format.md, the published format reference, and ``planlint schema`` never drift apart.

Only docs/format.md is read: additions to the format are appended to it as sections of their
own (see its last section), in tables introduced by a ``<!-- keys: PATH -->`` line.
"""

from __future__ import annotations

import re

import pytest

from conftest import ROOT, codes, lint
from planlint.schema import build_schema

FORMAT_MD = ROOT / "docs" / "format.md"
KEYS_MARKER = re.compile(r"^<!-- keys: (.+?) -->$")
ROW = re.compile(r"^\| `([^`]+)`( \(R\))? \|")


def schema_keys(schema: dict) -> dict[tuple[str, str], bool]:
    """(mapping path, key) -> required, for every key the schema allows, walked from the root."""
    definitions = schema["$defs"]
    found: dict[tuple[str, str], bool] = {}

    def resolve(node: dict) -> dict:
        while True:
            if "$ref" in node:
                node = definitions[node["$ref"].rsplit("/", 1)[1]]
            elif "anyOf" in node:
                structured = [o for o in node["anyOf"] if "$ref" in o or o.get("type") in ("object", "array")]
                if len(structured) != 1:
                    return node
                node = structured[0]
            else:
                return node

    def walk(node: dict, path: str) -> None:
        node = resolve(node)
        if node.get("type") == "array" and "items" in node:
            walk(node["items"], path + "[]")
            return
        required = set(node.get("required", []))
        for key, value in node.get("properties", {}).items():
            found[(path, key)] = key in required
            walk(value, key if path == "." else f"{path}.{key}")

    walk(schema, ".")
    return found


def documented_keys(text: str) -> dict[tuple[str, str], bool]:
    """(mapping path, key) -> marked (R), from every table after a keys marker."""
    found: dict[tuple[str, str], bool] = {}
    paths: list[str] = []
    for line in text.splitlines():
        marker = KEYS_MARKER.match(line)
        if marker:
            paths = marker.group(1).split()
            continue
        row = ROW.match(line)
        if row and paths:
            for path in paths:
                assert (path, row.group(1)) not in found, f"{path} {row.group(1)} is documented twice"
                found[(path, row.group(1))] = bool(row.group(2))
        elif not line.startswith("|"):
            paths = [] if line.strip() else paths
    return found


TEXT = FORMAT_MD.read_text(encoding="utf-8")


def test_every_schema_key_is_documented_with_its_required_mark():
    schema, documented = schema_keys(build_schema()), documented_keys(TEXT)
    missing = sorted(f"{path} {key}" for path, key in schema.keys() - documented.keys())
    assert missing == [], f"keys of `planlint schema` missing from docs/format.md: {missing}"
    unknown = sorted(f"{path} {key}" for path, key in documented.keys() - schema.keys())
    assert unknown == [], f"docs/format.md documents keys the schema does not have: {unknown}"
    marks = sorted(f"{path} {key}" for path, key in schema if schema[(path, key)] != documented[(path, key)])
    assert marks == [], f"(R) marks in docs/format.md differ from the schema's required keys: {marks}"


def test_a_missing_key_is_noticed():
    """The check above can fail: drop one row and a key is reported missing."""
    without = TEXT.replace("| `dato` | date | The day of the signature.", "| dato | date | The day of the signature.")
    assert without != TEXT
    gone = schema_keys(build_schema()).keys() - documented_keys(without).keys()
    assert gone == {("underskrifter[]", "dato")}


def test_every_row_has_type_meaning_example_and_known_rules():
    from planlint.plugins import build_registry

    known = set(build_registry().rules)
    prefixes = {code[:3] for code in known}
    for line in TEXT.splitlines():
        if not ROW.match(line):
            continue
        cells = [cell.strip() for cell in line.strip("|").split(" | ")]
        if len(cells) != 5:
            continue  # a table of values (party types, areas), not of keys
        key, kind, meaning, example, read_by = cells
        assert kind and meaning.endswith(".") and example.startswith("`"), line
        for code in re.findall(r"\b[A-Z]{3}\d{3}\b", read_by):
            assert code in known, f"{code} in docs/format.md is not a rule"
        for prefix in re.findall(r"\b([A-Z]{3})\b", read_by):
            assert prefix in prefixes, f"{prefix} in docs/format.md is not a rule prefix"


def fenced_after(heading: str) -> str:
    start = TEXT.index(heading)
    return re.search(r"```yaml\n(.*?)```", TEXT[start:], re.S).group(1)


def test_the_complete_plan_passes_every_rule():
    assert codes(lint(fenced_after("## A complete plan"))) == []


@pytest.mark.parametrize("heading", ["## plan\n", "## parter", "## afdelinger", "## organisation",
                                     "## underskrifter", "## samarbejdsaftaler", "## budget", "## evaluering"])
def test_every_section_example_is_valid_format(heading):
    """A section's example, put in the complete plan, has no format error (PLN003-PLN007)."""
    import yaml

    snippet = yaml.safe_load(fenced_after(heading))
    assert isinstance(snippet, dict)
    section = fenced_after(heading)
    plan = fenced_after("## A complete plan")
    key = next(iter(snippet))
    start = plan.index(f"\n{key}:") + 1
    following = re.search(r"\n[a-zæøå]", plan[start + 1:])
    end = start + 1 + following.start() + 1 if following else len(plan)
    found = codes(lint(plan[:start] + section + plan[end:]))
    assert [c for c in found if c in {"PLN003", "PLN004", "PLN005", "PLN006", "PLN007"}] == []
