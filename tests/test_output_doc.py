"""docs/output.md documents the JSON of ``check --format json`` key for key."""

from __future__ import annotations

import json
import re

from typer.testing import CliRunner

from conftest import EXAMPLES, ROOT
from planlint.cli import app

OUTPUT_MD = (ROOT / "docs" / "output.md").read_text(encoding="utf-8")


def documented(text: str) -> dict[str, set[str]]:
    """Object name -> its keys, from the tables after ``<!-- json: NAME -->``."""
    tables: dict[str, set[str]] = {}
    name = None
    for line in text.splitlines():
        marker = re.match(r"^<!-- json: (\w+) -->$", line)
        if marker:
            name = marker.group(1)
            tables[name] = set()
        elif name and (row := re.match(r"^\| `([^`]+)` \|", line)):
            tables[name].add(row.group(1))
        elif not line.startswith("|"):
            name = None if line.strip() else name
    return tables


def produced(document: dict) -> dict[str, set[str]]:
    """The same object names -> the keys ``check --format json`` wrote (over every file and finding)."""
    files, findings = document["files"], [f for file in document["files"] for f in file["findings"]]
    return {
        "document": set(document), "tool": set(document["tool"]), "summary": set(document["summary"]),
        "file": set().union(*(set(f) for f in files)), "finding": set().union(*(set(f) for f in findings)),
    }


def run_json(*paths: str) -> dict:
    done = CliRunner().invoke(app, ["check", *paths, "--format", "json"])
    assert done.exit_code == 1
    return json.loads(done.output)


def test_the_documented_json_keys_are_the_produced_ones():
    # the defect plans: findings with and without a hint, a file that is not YAML, one without a pulje
    document = run_json(str(EXAMPLES / "defekter"))
    tables = documented(OUTPUT_MD)
    assert tables.keys() == {"document", "tool", "file", "finding", "summary"}
    for name, keys in produced(document).items():
        assert tables[name] == keys, f"docs/output.md, JSON object {name!r}"
    messages = {key for file in document["files"] for f in file["findings"] for key in f["messages"]}
    assert messages == {"da", "en"}
    optional = re.search(r"^\| `hint` \| string, optional \|", OUTPUT_MD, re.M)
    assert optional and any("hint" not in f for file in document["files"] for f in file["findings"])


def test_the_json_example_has_the_documented_shape_and_is_real(monkeypatch):
    example = json.loads(re.search(r"## check --format json\n.*?```json\n(.*?)```", OUTPUT_MD, re.S).group(1))
    tables = documented(OUTPUT_MD)
    optional = {"finding": {"hint", "fix"}}  # the example's one finding has a hint and no fix
    for name, keys in produced(example).items():
        assert keys <= tables[name] and tables[name] - keys <= optional.get(name, set()), name
    monkeypatch.chdir(ROOT)
    real = run_json("example_plans/defekter/medfinansiering_under_25.yaml")
    # the version in the example need not follow every release; everything else is what planlint prints
    assert re.fullmatch(r"\d+\.\d+\.\d+", example["tool"].pop("version"))
    real["tool"].pop("version")
    assert example == real


def test_every_check_option_and_format_is_documented():
    import typer.main

    from planlint.formatters import FORMATS

    command = typer.main.get_command(app).commands["check"]  # type: ignore[attr-defined]
    options = {name for param in command.params for name in param.opts if name.startswith("--")} - {"--help"}
    section = OUTPUT_MD[OUTPUT_MD.index("Options of `check`"):OUTPUT_MD.index("## Exit status")]
    assert sorted(o for o in options if f"`{o}" not in section) == []
    for name in FORMATS:
        assert f"**`{name}`**" in OUTPUT_MD or name == "json", name
    assert "## check --format json" in OUTPUT_MD
