"""``planlint check --fix`` and ``--diff``: certain fixes, the author's layout kept, safe writes."""

from __future__ import annotations

import json
import os

import pytest

from conftest import base_text, lint, line_of

from planlint.findings import Fix
from planlint.fix import apply_fixes

TYPO = base_text().replace("        succeskriterier:\n", "        succeskriterer:   # kriterierne\n", 1)
FIVE_YEARS = base_text().replace("slut: 2024-12-31}", "slut: 2025-12-31}", 1)
SIX_YEARS = base_text().replace("slut: 2024-12-31}", "slut: 2026-12-31}", 1)
TOTALS = base_text().replace(
    "  udgifter:\n",
    "  totaler: {i_alt: 2400000, lbf: 1800000, kommune: 400000, boligorganisation: 250000, andre: 0}\n"
    "  udgifter:\n", 1)


def invoke(*args: str):
    """The CLI in-process: (exit status, stdout, stderr)."""
    from typer.testing import CliRunner

    from planlint.cli import app

    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def changed_lines(before: str, after: str) -> list[int]:
    """1-based numbers of the lines that differ (same number of lines expected)."""
    old, new = before.splitlines(), after.splitlines()
    assert len(old) == len(new), (before, after)
    return [number for number, (a, b) in enumerate(zip(old, new), 1) if a != b]


# --- the findings that carry fixes ----------------------------------------------------------

def test_misspelt_key_with_one_close_match_has_a_rename_fix():
    finding = next(f for f in lint(TYPO).findings if f.code == "PLN003")
    assert finding.fix is not None
    assert finding.fix.edits[0].rename and finding.fix.edits[0].value == "succeskriterier"


def test_misspelt_key_next_to_the_right_one_has_no_fix():
    # renaming would make a duplicate key: the author must choose which to keep
    text = base_text().replace("        succeskriterier:\n", "        succeskriterer: []\n        succeskriterier:\n", 1)
    finding = next(f for f in lint(text).findings if f.code == "PLN003")
    assert finding.fix is None


def test_unknown_key_with_no_close_match_has_no_fix():
    text = base_text().replace("        hovedaktivitet: true\n", "        helt_andet: true\n        hovedaktivitet: true\n", 1)
    finding = next(f for f in lint(text).findings if f.code == "PLN003")
    assert finding.fix is None


def test_sole_match_refuses_two_close_candidates():
    from planlint.suggestions import sole_match

    assert sole_match("succeskriterer", ["succeskriterier", "forankring"])
    assert not sole_match("mål_a", ["mål_1", "mål_2"])


def test_period_one_year_too_long_has_a_fix_and_two_years_has_none():
    five = next(f for f in lint(FIVE_YEARS).findings if f.code == "LBF003")
    assert five.fix is not None and str(five.fix.edits[0].value) == "2024-12-31"
    six = next(f for f in lint(SIX_YEARS).findings if f.code == "LBF003")
    assert six.fix is None


def test_a_period_in_years_one_year_too_long_is_fixed_in_years():
    """Format 1.1 `periode: {start: 2021, slut: 2025}`: the fix writes the year, not a date."""
    text = base_text().replace("start: 2021-01-01, slut: 2024-12-31}", "start: 2021, slut: 2025}", 1)
    assert text != base_text()
    five = next(f for f in lint(text).findings if f.code == "LBF003")
    assert five.fix is not None and five.fix.edits[0].value == 2024
    fixed, done = apply_fixes(text, [five.fix])
    assert done and "slut: 2024}" in fixed and not [f for f in lint(fixed).findings if f.code == "LBF003"]


def test_stated_total_has_a_fix_to_the_computed_sum():
    finding = next(f for f in lint(TOTALS).findings if f.code == "COF008")
    assert finding.fix is not None and finding.fix.edits[0].value == 200000


# --- applying: the author's layout stays -------------------------------------------------------

def test_rename_changes_only_the_key_and_keeps_its_comment():
    finding = next(f for f in lint(TYPO).findings if f.code == "PLN003")
    after, applied = apply_fixes(TYPO, [finding.fix])
    assert applied == [finding.fix]
    line = line_of(TYPO, "succeskriterer:")
    assert changed_lines(TYPO, after) == [line]
    # the comment keeps its column (aligned comments stay aligned)
    assert after.splitlines()[line - 1] == "        succeskriterier:  # kriterierne"
    assert not any(f.code == "PLN003" for f in lint(after).findings)


def test_value_in_a_flow_mapping_keeps_quotes_flow_style_and_comments():
    text = "# hoved\nversion: 1\n\nplan:\n  pulje: \"2019-2026\"   # puljen\n  periode: {start: 2021-01-01, slut: 2025-12-31}\n"
    from datetime import date

    fix = Fix.set_value(("plan", "periode", "slut"), date(2024, 12, 31), da="d", en="e")
    after, applied = apply_fixes(text, [fix])
    assert applied == [fix]
    assert after == text.replace("2025-12-31", "2024-12-31")


def test_a_region_ruamel_lays_out_differently_stays_as_written_unless_fixed():
    # ruamel joins a flow mapping written over two lines; the fix is elsewhere, so those lines stay
    text = ("version: 1\nafdelinger:\n  - {nummer: \"1-0\", navn: Parken,\n     beboere: 10}\n"
            "budget:\n  totaler: {i_alt: 5}\n")
    fix = Fix.set_value(("budget", "totaler", "i_alt"), 7, da="d", en="e")
    after, _ = apply_fixes(text, [fix])
    assert after == text.replace("i_alt: 5", "i_alt: 7")


def test_a_fix_inside_such_a_region_changes_only_that_region():
    text = ("version: 1\nafdelinger:\n  - {nummer: \"1-0\", navn: Parken,\n     beboere: 10}\n"
            "# slut\n")
    fix = Fix.set_value(("afdelinger", 0, "beboere"), 12, da="d", en="e")
    after, _ = apply_fixes(text, [fix])
    assert after.splitlines()[0:2] == ["version: 1", "afdelinger:"]
    assert after.endswith("# slut\n")
    assert "beboere: 12" in after and "beboere: 10" not in after


def test_crlf_line_ends_are_kept():
    text = "version: 1\r\nbudget:\r\n  totaler: {i_alt: 5}  # total\r\n"
    after, _ = apply_fixes(text, [Fix.set_value(("budget", "totaler", "i_alt"), 7, da="d", en="e")])
    assert after == text.replace("i_alt: 5", "i_alt: 7")


def test_a_fix_whose_place_is_gone_is_skipped():
    text = "version: 1\n"
    fix = Fix.set_value(("budget", "totaler", "i_alt"), 7, da="d", en="e")
    assert apply_fixes(text, [fix]) == (text, [])


# --- the command line --------------------------------------------------------------------------

def test_diff_shows_the_fix_and_writes_nothing(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(TYPO, encoding="utf-8")
    status, out, err = invoke("check", str(plan), "--diff", "--lang", "en")
    assert status == 1
    assert plan.read_text(encoding="utf-8") == TYPO
    assert "-        succeskriterer:   # kriterierne" in out.splitlines()
    assert "+        succeskriterier:  # kriterierne" in out.splitlines()
    assert out.startswith(f"--- a/{plan}\n+++ b/{plan}\n")
    assert "1 finding in 1 file can be fixed with --fix." in err


def test_diff_with_nothing_to_fix_exits_0(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(base_text(), encoding="utf-8")
    status, out, err = invoke("check", str(plan), "--diff")
    assert (status, out) == (0, "")
    assert "intet at rette" in err


def test_fix_writes_the_plan_keeps_comments_and_reports_what_is_left(tmp_path):
    plan = tmp_path / "plan.yaml"
    both = TYPO.replace("slut: 2024-12-31}", "slut: 2025-12-31}", 1)
    plan.write_text(both, encoding="utf-8")
    status, out, err = invoke("check", str(plan), "--fix", "--format", "json")
    assert "rettede 2 fund i 1 fil." in err
    assert plan.read_text(encoding="utf-8") == base_text().replace(
        "        succeskriterier:\n", "        succeskriterier:  # kriterierne\n", 1)
    assert status == 0
    assert json.loads(out)["files"][0]["findings"] == []


def test_fix_of_a_stated_total(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(TOTALS, encoding="utf-8")
    status, _, _ = invoke("check", str(plan), "--fix", "--format", "text")
    assert status == 0
    assert "boligorganisation: 200000, andre: 0}" in plan.read_text(encoding="utf-8")


def test_a_file_that_does_not_parse_is_never_written(tmp_path):
    plan = tmp_path / "plan.yaml"
    broken = TYPO + "plan: [\n"
    plan.write_text(broken, encoding="utf-8")
    status, _, _ = invoke("check", str(plan), "--fix", "--format", "text")
    assert status == 1
    assert plan.read_text(encoding="utf-8") == broken


def test_fix_keeps_the_file_mode_and_leaves_no_temporary_file(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(TYPO, encoding="utf-8")
    os.chmod(plan, 0o640)
    invoke("check", str(plan), "--fix", "--format", "text")
    assert oct(plan.stat().st_mode & 0o777) == oct(0o640)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.yaml"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks on this platform")
def test_a_symlink_out_of_the_checked_folder_is_not_followed(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    target = outside / "plan.yaml"
    target.write_text(TYPO, encoding="utf-8")
    checked = tmp_path / "checked"
    checked.mkdir()
    (checked / "link.yaml").symlink_to(target)
    status, _, err = invoke("check", str(checked), "--fix", "--format", "text")
    assert target.read_text(encoding="utf-8") == TYPO
    assert "symlinket fører uden for de kontrollerede mapper" in err
    assert status == 1


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks on this platform")
def test_a_symlink_inside_the_checked_folder_fixes_its_target_and_stays_a_link(tmp_path):
    target = tmp_path / "real.yml"
    target.write_text(TYPO, encoding="utf-8")
    link = tmp_path / "link.yaml"
    link.symlink_to(target)
    invoke("check", str(link), "--fix", "--format", "text")
    assert link.is_symlink()
    assert "succeskriterier:  # kriterierne" in target.read_text(encoding="utf-8")


@pytest.mark.parametrize("args", [("-", "--fix"), ("-", "--diff"), ("PLAN", "--fix", "--diff")])
def test_fix_and_diff_usage_errors(tmp_path, args):
    plan = tmp_path / "plan.yaml"
    plan.write_text(TYPO, encoding="utf-8")
    status, _, err = invoke("check", *[str(plan) if a == "PLAN" else a for a in args])
    assert status == 2
    assert err.startswith("planlint: ")
    assert plan.read_text(encoding="utf-8") == TYPO


def test_rules_and_explain_say_which_rules_have_a_fix():
    status, out, _ = invoke("rules", "--format", "json", "--lang", "en")
    assert status == 0
    fixes = {rule["code"]: rule["fix"] for rule in json.loads(out)["rules"]}
    assert {code for code, fix in fixes.items() if fix} >= {"PLN003", "LBF003", "COF008"}
    assert fixes["COF001"] is None
    status, out, _ = invoke("explain", "LBF003")
    assert "Rettelse (planlint check --fix): Sætter `plan.periode.slut`" in out
    status, out, _ = invoke("rules", "--format", "text")
    line = next(line for line in out.splitlines() if line.startswith("PLN003"))
    assert "[*]" in line


def test_json_output_marks_a_fixable_finding():
    finding = next(f for f in lint(TYPO).findings if f.code == "PLN003")
    assert finding.to_json("en")["fix"] == {"message": "Rename 'succeskriterer' to 'succeskriterier'"}
