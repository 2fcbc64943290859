"""One version: pyproject.toml, the CLI, the JSON and SARIF tool blocks and CHANGELOG.md agree."""

from __future__ import annotations

import json
import re
import tomllib

from typer.testing import CliRunner

import planlint
from conftest import ROOT, base_text
from planlint.cli import app

VERSION = re.compile(r"^\d+\.\d+\.\d+$")


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def test_pyproject_reads_the_version_from_the_package():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"]  # a second literal would drift
    assert project["project"]["dynamic"] == ["version"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "planlint.__version__"}
    assert VERSION.match(planlint.__version__)


def test_the_newest_changelog_section_is_this_version():
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## \[([^\]]+)\]", changelog, re.M)
    assert headings[0] == planlint.__version__
    assert len(headings) == len(set(headings))


def test_cli_json_and_sarif_print_the_version(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(base_text(), encoding="utf-8")
    assert run("--version").output == f"planlint {planlint.__version__}\n"
    data = json.loads(run("check", str(plan), "--format", "json").output)
    assert data["tool"] == {"name": "planlint", "version": planlint.__version__}
    sarif = json.loads(run("check", str(plan), "--format", "sarif").output)
    driver = sarif["runs"][0]["tool"]["driver"]
    assert (driver["version"], driver["semanticVersion"]) == (planlint.__version__, planlint.__version__)
