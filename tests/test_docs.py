"""``planlint rules``, ``planlint explain`` and the committed rules reference."""

from __future__ import annotations

import json

from conftest import ROOT, run_cli

from planlint.docs import REGENERATE, all_rules, rules_markdown


def test_docs_rules_md_is_up_to_date():
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == rules_markdown(all_rules()), f"docs/rules.md is out of date; regenerate it with: {REGENERATE}"


def test_the_reference_is_printed_by_the_module_and_by_rules_markdown():
    import subprocess
    import sys

    module = subprocess.run([sys.executable, "-m", "planlint.docs"], capture_output=True, timeout=120, cwd=ROOT,
                            check=False)
    assert module.returncode == 0
    assert module.stdout.decode("utf-8") == rules_markdown(all_rules())
    result = run_cli("rules", "--format", "markdown")
    assert result.returncode == 0
    assert result.stdout == rules_markdown(all_rules())


def test_rules_lists_every_rule_as_json():
    result = run_cli("rules", "--format", "json", "--lang", "en")
    assert result.returncode == 0
    listed = json.loads(result.stdout)["rules"]
    assert [r["code"] for r in listed] == sorted(r.code for r in all_rules())
    pln005 = next(r for r in listed if r["code"] == "PLN005")
    assert pln005 == {**pln005, "severity": "error", "plugin": "core", "pulje": [], "title": "Wrong type"}


def test_rules_text_has_a_line_per_rule_with_pulje():
    result = run_cli("rules", "--format", "text")
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["Kode", "Niveau", "Grundlag", "Plugin", "Pulje", "Ret", "Titel"]
    assert len(lines) == 1 + len(all_rules())
    assert next(line for line in lines if line.startswith("PLN003")).split()[:6] == ["PLN003", "fejl", "format", "core", "alle", "[*]"]


def test_rules_rich_is_the_table():
    result = run_cli("rules", "--format", "rich", "--lang", "en")
    assert result.returncode == 0
    assert "Code" in result.stdout and "PLN004" in result.stdout and "Required key missing" in result.stdout


def test_explain_shows_rationale_source_examples_and_suppression():
    result = run_cli("explain", "pln007")  # codes are case-insensitive
    assert result.returncode == 0
    out = result.stdout
    assert out.startswith("PLN007: Ugyldigt beløb\n")
    assert "Beløb er hele kroner" in out
    assert "Kilde: planlint-format, Conventions: amounts" in out
    assert "Fejler:\n    # i budget.finansiering[1]:\n    beløb:" in out
    assert "Består:\n" in out
    assert "# planlint: disable=PLN007" in out and "# planlint: disable-file=PLN007" in out
    assert "ignore: [PLN007]" in out


def test_explain_in_english():
    out = run_cli("explain", "PLN003", "--lang", "en").stdout
    assert out.startswith("PLN003: Unknown key\n")
    assert "Fails:" in out and "Passes:" in out and "How to suppress it:" in out


def test_an_unknown_code_exits_2_with_the_nearest_codes():
    result = run_cli("explain", "PLN01")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == "planlint: Reglen 'PLN01' findes ikke; mente du PLN010 eller PLN011 eller PLN012?\n"


def test_an_unknown_code_with_nothing_near():
    result = run_cli("explain", "XYZ999", "--lang", "en")
    assert result.returncode == 2
    assert result.stderr == "planlint: The rule 'XYZ999' does not exist; 'planlint rules' lists every rule.\n"
