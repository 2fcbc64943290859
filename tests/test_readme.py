"""The README shows real output: its examples must stay what planlint prints."""

from __future__ import annotations

import re

from conftest import ROOT, run_cli

README = (ROOT / "README.md").read_text(encoding="utf-8")


def fenced_after(heading_text: str) -> str:
    """The first fenced block after a sentence of the README."""
    start = README.index(heading_text)
    match = re.search(r"```\w*\n(.*?)```", README[start:], re.S)
    assert match, heading_text
    return match.group(1)


def test_readme_starts_with_the_two_commands():
    first = re.search(r"```sh\n(.*?)```", README, re.S).group(1).splitlines()
    assert [line.split("#")[0].strip() for line in first] == ["python3 dev.py lint", "python3 dev.py test"]
    assert "python3 dev.py test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_text_output_is_real():
    shown = fenced_after("one line per finding").strip().splitlines()
    done = run_cli("check", "example_plans/defekter", "--format", "text")
    assert done.returncode == 1
    for line in shown:
        assert line in done.stdout.splitlines(), line


def test_readme_rich_output_is_real():
    shown = fenced_after("prints, in the terminal").strip().splitlines()
    done = run_cli("check", "example_plans/defekter/medfinansiering_under_25.yaml", "--format", "rich",
                   env={"COLUMNS": "100"})
    printed = [line.rstrip() for line in done.stdout.splitlines()]
    for line in shown:
        assert line.rstrip() in printed, line
