"""The command line as CI and users see it: exit statuses, formats, configuration."""

from __future__ import annotations

import json
import re
import shutil

import pytest

import planlint
from conftest import EXAMPLES, ROOT, base_text, line_of, run_cli, run_process

BAD_PARTNER = base_text().replace("samarbejdspartnere: [ek, ab]", "samarbejdspartnere: [ek, ab, abb]")
BAD_LINE = line_of(BAD_PARTNER, "abb]")
BAD_COLUMN = BAD_PARTNER.splitlines()[BAD_LINE - 1].index("abb") + 1


@pytest.fixture
def plans(tmp_path):
    (tmp_path / "god.yaml").write_text(base_text(), encoding="utf-8")
    (tmp_path / "fejl.yaml").write_text(BAD_PARTNER, encoding="utf-8")
    return tmp_path


def test_clean_plan_exits_0_and_says_nothing_in_text(tmp_path):
    plan = tmp_path / "god.yaml"
    plan.write_text(base_text(), encoding="utf-8")
    done = run_cli("check", str(plan), "--format", "text")
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == ""


def test_text_format_is_file_line_col_code_severity_message(plans):
    done = run_process("check", str(plans / "fejl.yaml"), "--format", "text")
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        f"{plans / 'fejl.yaml'}:{BAD_LINE}:{BAD_COLUMN}: PLN009 error 'abb' henviser til en part, der ikke findes. Mente du 'ab'?"
    ]


def test_lang_en(plans):
    done = run_cli("check", str(plans / "fejl.yaml"), "--format", "text", "--lang", "en")
    assert "refers to a party that does not exist. Did you mean 'ab'?" in done.stdout


def test_json_matches_output_md(plans):
    done = run_cli("check", str(plans), "--format", "json")
    assert done.returncode == 1
    data = json.loads(done.stdout)
    assert data["version"] == 1
    assert data["tool"] == {"name": "planlint", "version": planlint.__version__}
    assert [f["path"] for f in data["files"]] == [f"{plans}/fejl.yaml", f"{plans}/god.yaml"]
    bad, good = data["files"]
    assert bad["pulje"] == "2019-2026" and good["findings"] == []
    (finding,) = bad["findings"]
    assert finding["code"] == "PLN009"
    assert finding["severity"] == "error"
    assert finding["plugin"] == "core"
    assert finding["path"] == "indsatsområder[0].aktiviteter[0].samarbejdspartnere[2]"
    assert (finding["line"], finding["column"]) == (BAD_LINE, BAD_COLUMN)
    assert finding["message"].startswith("'abb' henviser")
    assert data["summary"] == {"files": 2, "error": 1, "warning": 0, "info": 0}


def test_json_pulje_is_null_for_unparseable_file(tmp_path):
    (tmp_path / "x.yaml").write_text("plan: [\n", encoding="utf-8")
    data = json.loads(run_cli("check", str(tmp_path), "--format", "json").stdout)
    (entry,) = data["files"]
    assert entry["pulje"] is None
    assert entry["findings"][0]["code"] == "PLN001"


def test_example_plans_findings_point_at_the_yaml_they_name():
    done = run_cli("check", "example_plans", "--format", "json", "--fail-on", "info")
    assert done.returncode == 1
    data = json.loads(done.stdout)
    assert data["summary"]["files"] == len(list(EXAMPLES.rglob("*.yaml")))
    for entry in data["files"]:
        lines = (ROOT / entry["path"]).read_text(encoding="utf-8").splitlines()
        for finding in entry["findings"]:
            assert 1 <= finding["line"] <= len(lines), finding
            key = finding["path"].rsplit(".", 1)[-1].split("[")[0]
            if finding["code"] in ("PLN003", "PLN005", "PLN006", "PLN007", "PLN008") and key:
                assert key in lines[finding["line"] - 1], finding


def test_findings_are_sorted_by_line_column_code(tmp_path):
    text = BAD_PARTNER.replace("timer_pr_uge: 37, part: bo}", "timer_pr_uge: fuld tid, part: bo}")
    (tmp_path / "p.yaml").write_text(text, encoding="utf-8")
    data = json.loads(run_cli("check", str(tmp_path / "p.yaml"), "--format", "json").stdout)
    keys = [(f["line"], f["column"], f["code"]) for f in data["files"][0]["findings"]]
    assert keys == sorted(keys) and len(keys) >= 2


def test_fail_on_levels(tmp_path):
    # an info-level finding only: exit 0 by default, 1 with --fail-on info
    text = base_text().replace("beskrivelse: 40 ledige", "beskrivelse: Øge antallet af ledige")
    (tmp_path / "p.yaml").write_text(text, encoding="utf-8")
    data = json.loads(run_cli("check", str(tmp_path), "--format", "json").stdout)
    assert {(f["code"], f["severity"]) for f in data["files"][0]["findings"]} == {("SUC014", "info")}
    assert run_cli("check", str(tmp_path), "--format", "text").returncode == 0
    assert run_cli("check", str(tmp_path), "--format", "text", "--fail-on", "info").returncode == 1


def test_select_and_ignore(plans):
    assert run_cli("check", str(plans), "--format", "text", "--ignore", "PLN009").returncode == 0
    assert run_cli("check", str(plans), "--format", "text", "--select", "COF").returncode == 0
    assert run_cli("check", str(plans), "--format", "text", "--select", "PLN").returncode == 1


def test_missing_path_exits_2_with_one_sentence(tmp_path):
    done = run_cli("check", str(tmp_path / "findes-ikke.yaml"))
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.strip() == f"planlint: Stien '{tmp_path / 'findes-ikke.yaml'}' findes ikke."
    assert "Traceback" not in done.stderr


def test_bad_usage_exits_2():
    done = run_process("check", "example_plans", "--format", "xml")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr


def test_config_file_found_walking_up(plans):
    (plans / ".planlint.yaml").write_text("ignore: [PLN009]\n", encoding="utf-8")
    sub = plans / "a" / "b"
    sub.mkdir(parents=True)
    shutil.copy(plans / "fejl.yaml", sub / "fejl.yaml")
    assert run_cli("check", str(sub / "fejl.yaml"), "--format", "text").returncode == 0
    # the command line wins over the file
    assert run_cli("check", str(sub / "fejl.yaml"), "--format", "text", "--select", "PLN009",
                   "--ignore", "COF").returncode == 1


def test_pyproject_config_and_severity_override(plans):
    (plans / "pyproject.toml").write_text('[tool.planlint]\nseverity = {PLN009 = "warning"}\n', encoding="utf-8")
    done = run_cli("check", str(plans / "fejl.yaml"), "--format", "json")
    assert done.returncode == 0
    assert json.loads(done.stdout)["files"][0]["findings"][0]["severity"] == "warning"
    assert run_cli("check", str(plans / "fejl.yaml"), "--format", "text", "--fail-on", "warning").returncode == 1


def test_lang_from_config(plans):
    (plans / ".planlint.yaml").write_text("lang: en\n", encoding="utf-8")
    done = run_cli("check", str(plans / "fejl.yaml"), "--format", "text", cwd=plans)
    assert "refers to a party" in done.stdout


@pytest.mark.parametrize("content, expected", [
    ("fail-on: alt\n", r"Ugyldig konfiguration i .*\.planlint\.yaml, linje 1: 'fail-on' skal være en af"),
    ("selekt: [COF]\n", r"linje 1: ukendt nøgle 'selekt'; mente du 'select'\?"),
    ("select: [cof001]\n", r"linje 1: 'cof001' i 'select' er ikke en regelkode"),
    ("severity: {COF001: fatal}\n", r"linje 1: 'severity' skal være en af 'error', 'warning' eller 'info'"),
    ("select: [\n", r"ikke gyldig YAML"),
])
def test_invalid_config_exits_2_with_one_sentence(plans, content, expected):
    (plans / ".planlint.yaml").write_text(content, encoding="utf-8")
    done = run_cli("check", str(plans / "god.yaml"))
    assert done.returncode == 2
    assert re.search(expected, done.stderr), done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr


def test_broken_rule_pack_exits_2_naming_file_and_line(plans, tmp_path):
    packs = tmp_path / "packs"
    shutil.copytree(ROOT / "rules", packs, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    path = packs / "base.yaml"  # what every pulje's pack extends
    text = path.read_text(encoding="utf-8").replace("  lbf_max_percent: 75", "  lbf_max_percent: femoghalvfjerds")
    path.write_text(text, encoding="utf-8")
    done = run_cli("check", str(plans / "god.yaml"), "--rule-packs", str(packs))
    assert done.returncode == 2
    line = line_of(text, "lbf_max_percent")
    assert f"Regelpakken base.yaml, linje {line} (cofinancing.lbf_max_percent)" in done.stderr
    assert "Traceback" not in done.stderr


def test_rule_pack_folder_that_does_not_exist_exits_2(plans, tmp_path):
    """A mistyped --rule-packs turned off every pack's rules and reported LBF001 instead."""
    done = run_cli("check", str(plans / "god.yaml"), "--format", "text", "--rule-packs", str(tmp_path / "pakker"))
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"planlint: Mappen med regelpakker '{tmp_path / 'pakker'}' findes ikke.\n"


def test_file_that_is_not_yaml_is_a_finding_not_a_crash(tmp_path):
    (tmp_path / "binær.yaml").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    done = run_cli("check", str(tmp_path), "--format", "text")
    assert done.returncode == 1
    assert "PLN011" in done.stdout
    assert done.stderr == ""


def test_version_and_module_invocation():
    done = run_process("--version")
    assert done.returncode == 0 and done.stdout.strip() == f"planlint {planlint.__version__}"


def test_rich_format_shows_source_line_and_caret(plans):
    done = run_cli("check", str(plans / "fejl.yaml"), "--format", "rich", env={"COLUMNS": "120"})
    assert done.returncode == 1
    out = done.stdout
    assert "\x1b[" not in out  # no colour when not a terminal
    assert "samarbejdspartnere: [ek, ab, abb]" in out
    caret_line = next(line for line in out.splitlines() if line.strip().endswith("^"))
    source_line = next(line for line in out.splitlines() if "[ek, ab, abb]" in line)
    assert caret_line.index("^") == source_line.index("abb")
    assert "1 fil: 1 fejl, 0 advarsler, 0 info" in out


def test_plan_from_standard_input(plans):
    done = run_process("check", "-", "--format", "text", input=BAD_PARTNER)
    assert done.returncode == 1
    assert done.stdout.startswith(f"<stdin>:{BAD_LINE}:{BAD_COLUMN}: PLN009 error")
    # an editor names the buffer: shown in the output, and its folder's configuration applies
    (plans / ".planlint.yaml").write_text("ignore: [PLN009]\n", encoding="utf-8")
    named = str(plans / "kladde.yaml")
    done = run_process("check", "-", "--stdin-filename", named, "--format", "json", input=BAD_PARTNER)
    assert done.returncode == 0
    assert json.loads(done.stdout)["files"] == [{"path": named, "pulje": "2019-2026", "findings": []}]


def test_a_folder_without_plans_is_a_usage_error_for_check_and_report_alike(tmp_path):
    for command in ("check", "report"):
        done = run_cli(command, str(tmp_path), "--format", "text")
        assert done.returncode == 2
        assert done.stdout == ""
        assert done.stderr == f"planlint: Der er ingen planfiler (*.yaml, *.yml) at kontrollere i {tmp_path}.\n"


def test_output_is_never_written_over_a_plan_file(plans):
    """``check plan.yaml -o plan.yaml`` replaced the plan by its own report."""
    bad = plans / "fejl.yaml"
    link = plans / "link.json"
    link.symlink_to(bad)
    for target, args in ((bad, [str(bad)]), (bad, [str(plans)]), (link, [str(bad)]),
                         (bad, ["-", "--stdin-filename", str(bad)])):
        done = run_cli("check", *args, "--format", "json", "--output", str(target), input=BAD_PARTNER)
        assert done.returncode == 2, (target, args, done.stderr)
        assert done.stderr == (f"planlint: '{target}' er en af de planer, der kontrolleres; "
                               "planlint skriver aldrig i en planfil.\n")
        assert done.stdout == ""
        assert bad.read_text(encoding="utf-8") == BAD_PARTNER
    # another file is written as before
    done = run_cli("check", str(bad), "--format", "json", "--output", str(plans / "rapport.json"))
    assert done.returncode == 1
    assert json.loads((plans / "rapport.json").read_text(encoding="utf-8"))["summary"]["error"] == 1


def test_lang_from_the_plans_configuration_wherever_planlint_runs(tmp_path):
    """The plan's ``lang: en`` was read only when the working directory was below it; a
    broken configuration in the working directory, which no plan uses, ended the run with 2."""
    plans, elsewhere = tmp_path / "planer", tmp_path / "andetsteds"
    plans.mkdir()
    elsewhere.mkdir()
    (plans / ".planlint.yaml").write_text("lang: en\n", encoding="utf-8")
    (plans / "fejl.yaml").write_text(BAD_PARTNER, encoding="utf-8")
    (elsewhere / ".planlint.yaml").write_text("select: [\n", encoding="utf-8")
    for cwd in (ROOT, elsewhere):
        done = run_cli("check", str(plans / "fejl.yaml"), "--format", "text", cwd=cwd)
        assert (done.returncode, done.stderr) == (1, ""), (cwd, done.stderr)
        assert done.stdout.splitlines() == [
            f"{plans / 'fejl.yaml'}:{BAD_LINE}:{BAD_COLUMN}: PLN009 error "
            "'abb' refers to a party that does not exist. Did you mean 'ab'?"]
        # the command line still wins
        done = run_cli("check", str(plans / "fejl.yaml"), "--format", "text", "--lang", "da", cwd=cwd)
        assert "'abb' henviser til en part, der ikke findes." in done.stdout


def test_stdin_filename_needs_a_dash(plans):
    done = run_cli("check", str(plans / "god.yaml"), "--stdin-filename", "x.yaml")
    assert done.returncode == 2
    assert done.stderr.strip() == ("planlint: --stdin-filename navngiver planen på standard input; "
                                   "angiv også '-' som sti.")


@pytest.mark.parametrize("content, expected", [
    ("max-file-size: true\n", "'max-file-size' skal være et helt tal."),
    ("plugin-timeout: hurtigt\n", "'plugin-timeout' skal være et tal."),
    ("select: COF\n", "'select' skal være en liste."),
])
def test_config_values_have_strict_types(plans, content, expected):
    (plans / ".planlint.yaml").write_text(content, encoding="utf-8")
    done = run_cli("check", str(plans / "god.yaml"))
    assert done.returncode == 2
    assert done.stderr.strip().endswith(expected)


def test_config_option_naming_a_folder(plans):
    done = run_cli("check", str(plans / "god.yaml"), "--config", str(plans))
    assert done.returncode == 2
    assert "er en mappe" in done.stderr


def test_text_summary_is_the_rich_count_line(plans):
    from typer.testing import CliRunner

    from planlint.cli import app

    text = CliRunner().invoke(app, ["check", str(plans), "--format", "text", "--summary"])
    assert text.exit_code == 1
    assert text.output.splitlines()[-1] == "2 filer: 1 fejl, 0 advarsler, 0 info"
    english = CliRunner().invoke(app, ["check", str(plans / "god.yaml"), "-f", "text", "--summary", "--lang", "en"])
    assert english.exit_code == 0 and english.output == "1 file: 0 errors, 0 warnings, 0 info\n"
    rich = CliRunner().invoke(app, ["check", str(plans), "--format", "rich"])
    assert rich.output.rstrip().splitlines()[-1] == text.output.splitlines()[-1]
    plain = CliRunner().invoke(app, ["check", str(plans), "--format", "text"])
    assert plain.output == "\n".join(text.output.splitlines()[:-1]) + "\n"  # no summary unless asked


def test_summary_with_a_machine_format_is_a_usage_error(plans):
    from typer.testing import CliRunner

    from planlint.cli import app

    done = CliRunner().invoke(app, ["check", str(plans), "--format", "json", "--summary", "--lang", "en"])
    assert done.exit_code == 2
    assert done.output == "planlint: --summary applies to the text format (rich always shows the counts), not json.\n"


def test_dev_lint_says_the_planted_defects_make_exit_1_expected(monkeypatch, capfd):
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("dev", ROOT / "dev.py")
    dev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(dev)
    monkeypatch.setattr(dev, "ensure_venv", lambda: None)  # the venv running this test is enough
    monkeypatch.setattr(dev, "PYTHON", sys.executable)
    monkeypatch.setenv("NO_COLOR", "1")
    assert dev.main(["lint"]) == 1
    out, err = capfd.readouterr()
    assert re.search(r"^\d+ filer: \d+ fejl, \d+ advarsler, \d+ info$", out, re.M)
    assert err.rstrip().endswith(dev.PLANTED)
    assert "exit status 1 are expected" in err
