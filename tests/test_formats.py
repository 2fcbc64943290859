"""The CI formats (sarif, junit, github, markdown) and --output, on the example plans.

Each format is checked against the JSON output of the same run (docs/output.md's
contract), so the tests hold whatever the plugins find in the examples.
"""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT, base_text, run_cli

from planlint import __version__

# a copy of the official OASIS schema (also in ../shared/schemas), so the tests stand alone
SCHEMA = ROOT / "tests" / "data" / "sarif-schema-2.1.0.json"
CI_FORMATS = ("sarif", "junit", "github", "markdown")
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
GITHUB_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}
RANK = {"info": 0, "warning": 1, "error": 2}


def json_run(*args: str, cwd: Path | None = None) -> dict:
    done = run_cli("check", *args, "--format", "json", cwd=cwd)
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)


def findings_of(data: dict) -> list[tuple[str, dict]]:
    return [(file["path"], finding) for file in data["files"] for finding in file["findings"]]


def all_codes() -> list[str]:
    from planlint.engine import Linter

    return sorted(Linter().registry.rules)


@pytest.fixture(scope="module")
def examples_json() -> dict:
    data = json_run("example_plans")
    assert findings_of(data), "the example plans should give findings to format"
    return data


# --- exit status and determinism, every format --------------------------------

@pytest.mark.parametrize("fmt", CI_FORMATS)
def test_exit_status_is_as_in_output_md_for_every_format(fmt, tmp_path):
    clean = tmp_path / "ren.yaml"
    clean.write_text(base_text(), encoding="utf-8")
    assert run_cli("check", str(clean), "-f", fmt).returncode == 0
    assert run_cli("check", str(EXAMPLES / "defekter" / "ukendt_noegle.yaml"), "-f", fmt).returncode == 1
    missing = run_cli("check", str(tmp_path / "findes_ikke.yaml"), "-f", fmt)
    assert missing.returncode == 2
    assert missing.stdout == "" and missing.stderr.count("\n") == 1


@pytest.mark.parametrize("fmt", CI_FORMATS)
def test_output_is_the_same_bytes_every_time(fmt):
    first = run_cli("check", "example_plans", "-f", fmt)
    second = run_cli("check", "example_plans", "-f", fmt)
    assert first.stdout and first.stdout == second.stdout


@pytest.mark.parametrize("fmt", CI_FORMATS)
def test_output_file_holds_what_stdout_would(fmt, tmp_path):
    target = tmp_path / f"rapport.{fmt}"
    written = run_cli("check", "example_plans", "-f", fmt, "--output", str(target))
    printed = run_cli("check", "example_plans", "-f", fmt)
    assert written.returncode == printed.returncode == 1
    assert written.stdout == ""  # not a terminal: nothing besides the file
    assert target.read_bytes() == printed.stdout.encode("utf-8")


def test_output_to_a_folder_that_does_not_exist_is_exit_2(tmp_path):
    done = run_cli("check", "example_plans", "-f", "sarif", "-o", str(tmp_path / "nej" / "r.sarif"))
    assert done.returncode == 2
    assert done.stderr.startswith("planlint: Rapporten kan ikke skrives til") and "Traceback" not in done.stderr


def test_a_terminal_gets_the_summary_when_the_report_goes_to_a_file(tmp_path):
    target = tmp_path / "r.sarif"
    controller, terminal = pty.openpty()
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    process = subprocess.run([sys.executable, "-m", "planlint", "check", "example_plans", "-f", "sarif",
                              "-o", str(target)], cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                             stdout=terminal, stderr=subprocess.PIPE, timeout=120, check=False)
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal closed
            break
        if not chunk:
            break
        shown += chunk
    os.close(controller)
    text = shown.decode("utf-8").replace("\r\n", "\n")
    counts = json_run("example_plans")["summary"]
    assert process.returncode == 1
    assert text.splitlines() == [
        f"Rapporten er skrevet til {target}",
        f"{counts['files']} filer: {counts['error']} fejl, {counts['warning']} advarsler, {counts['info']} info",
    ]
    json.loads(target.read_text(encoding="utf-8"))  # the file has the whole report


# --- SARIF ------------------------------------------------------------------------

def sarif_of(*args: str, cwd: Path | None = None) -> dict:
    done = run_cli("check", *args, "--format", "sarif", cwd=cwd)
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)


def validate_sarif(log: dict) -> None:
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)


def test_sarif_validates_against_the_official_schema(examples_json):
    log = sarif_of("example_plans")
    validate_sarif(log)
    assert log["version"] == "2.1.0"
    assert len(log["runs"]) == 1


def test_sarif_driver_lists_every_rule_that_ran_with_its_documentation():
    from planlint.engine import Linter

    rules = Linter().registry.rules
    driver = sarif_of("example_plans")["runs"][0]["tool"]["driver"]
    assert driver["name"] == "planlint" and driver["version"] == __version__
    assert [entry["id"] for entry in driver["rules"]] == all_codes()
    for entry in driver["rules"]:
        rule = rules[entry["id"]]
        assert entry["shortDescription"]["text"] == rule.title.da
        assert entry["defaultConfiguration"]["level"] == SARIF_LEVEL[rule.severity.value]
        assert entry["help"]["text"].endswith(f"Kilde: {rule.source}")
        assert entry["properties"]["plugin"] == rule.plugin


def test_sarif_results_match_the_findings(examples_json):
    run = sarif_of("example_plans")["runs"][0]
    rule_ids = [entry["id"] for entry in run["tool"]["driver"]["rules"]]
    expected = findings_of(examples_json)
    assert len(run["results"]) == len(expected)
    for result, (path, finding) in zip(run["results"], expected):
        assert result["ruleId"] == finding["code"]
        assert rule_ids[result["ruleIndex"]] == finding["code"]
        assert result["level"] == SARIF_LEVEL[finding["severity"]]
        assert result["message"]["text"].split("\nTip: ")[0] == finding["message"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == path  # relative, forward slashes
        assert location["region"] == {"startLine": finding["line"], "startColumn": finding["column"]}
        assert result["properties"]["plugin"] == finding["plugin"]


def test_sarif_for_a_clean_plan_has_no_results_but_still_its_rules(tmp_path):
    plan = tmp_path / "ren.yaml"
    plan.write_text(base_text(), encoding="utf-8")
    log = sarif_of("ren.yaml", cwd=tmp_path)
    validate_sarif(log)
    assert log["runs"][0]["results"] == []
    assert log["runs"][0]["artifacts"] == [{"location": {"uri": "ren.yaml"}}]
    assert [entry["id"] for entry in log["runs"][0]["tool"]["driver"]["rules"]] == all_codes()


def test_sarif_rules_are_only_the_selected_ones_in_english():
    log = sarif_of("example_plans/defekter/ukendt_noegle.yaml", "--select", "PLN", "--lang", "en")
    validate_sarif(log)
    run = log["runs"][0]
    assert {entry["id"][:3] for entry in run["tool"]["driver"]["rules"]} == {"PLN"}
    assert [r["message"]["text"] for r in run["results"]] == ["Unknown key 'succeskriterer'; did you mean 'succeskriterier'?"]


def test_sarif_uris_are_relative_and_escaped_for_danish_folder_names(tmp_path):
    folder = tmp_path / "planer 2024" / "Østbyen"
    folder.mkdir(parents=True)
    (folder / "plan.yaml").write_text(base_text().replace("  status: indsendt\n", "  statuss: x\n"),
                                      encoding="utf-8")
    for given in ("planer 2024", "./planer 2024", str(tmp_path / "planer 2024")):
        log = sarif_of(given, cwd=tmp_path)
        validate_sarif(log)
        uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
        assert uris == {"planer%202024/%C3%98stbyen/plan.yaml"}


def test_sarif_from_a_file_that_cannot_be_read_still_validates(tmp_path):
    (tmp_path / "latin1.yaml").write_bytes("version: 1\nplan:\n  navn: Sønderbro\n".encode("latin-1"))
    log = sarif_of("latin1.yaml", cwd=tmp_path)
    validate_sarif(log)
    assert [r["ruleId"] for r in log["runs"][0]["results"]] == ["PLN011"]


# --- JUnit ------------------------------------------------------------------------

def junit_of(*args: str) -> ET.Element:
    done = run_cli("check", *args, "--format", "junit")
    assert done.returncode in (0, 1), done.stderr
    assert done.stdout.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(done.stdout.encode("utf-8"))


@pytest.mark.parametrize("fail_on", ["error", "warning"])
def test_junit_has_a_suite_per_file_a_case_per_rule_and_a_failure_per_failing_finding(fail_on, examples_json):
    root = junit_of("example_plans", "--fail-on", fail_on)
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [f["path"] for f in examples_json["files"]]
    codes = all_codes()
    for suite, file in zip(suites, examples_json["files"]):
        cases = suite.findall("testcase")
        assert [c.get("name") for c in cases] == codes
        assert {c.get("classname") for c in cases} == {file["path"]}
        assert suite.get("tests") == str(len(codes))
        failing = [f for f in file["findings"] if RANK[f["severity"]] >= RANK[fail_on]]
        got = [(case.get("name"), failure.get("type"), failure.get("message"))
               for case in cases for failure in case.findall("failure")]
        assert sorted(got) == sorted(
            (f["code"], f["severity"], f"{file['path']}:{f['line']}:{f['column']}: {f['message']}") for f in failing)
        assert suite.get("failures") == str(len({f["code"] for f in failing}))
        below = [f for f in file["findings"] if RANK[f["severity"]] < RANK[fail_on]]
        out = suite.find("system-out")
        assert (out.text.splitlines() if out is not None else []) == [
            f"{file['path']}:{f['line']}:{f['column']}: {f['code']} {f['severity']} {f['message']}" for f in below]
    assert root.get("failures") == str(sum(int(s.get("failures")) for s in suites))


def test_junit_failure_text_names_file_line_and_place_in_the_plan():
    root = junit_of("example_plans/defekter/ukendt_noegle.yaml")
    failure = root.find("testsuite/testcase[@name='PLN003']/failure")
    lines = failure.text.splitlines()
    assert lines[0].startswith("example_plans/defekter/ukendt_noegle.yaml:55:9: PLN003 error Ukendt nøgle")
    assert lines[-1].startswith("Sted i planen: indsatsområder[")


# --- GitHub -----------------------------------------------------------------------

def test_github_annotations_match_the_findings_exactly(examples_json):
    done = run_cli("check", "example_plans", "--format", "github")
    expected = []
    for path, f in findings_of(examples_json):
        message = f["message"] + (f"\nTip: {f['hint']}" if "hint" in f else "")
        message = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        expected.append(f"::{GITHUB_COMMAND[f['severity']]} file={path},line={f['line']},col={f['column']},"
                        f"title={f['code']}::{message}")
    assert done.stdout.splitlines() == expected
    assert done.returncode == 1


def test_github_escapes_data_and_properties():
    from planlint.findings import Finding, Message, Severity
    from planlint.formatters.github_format import annotation

    # a line break inside a message is plan text, shown as \n; the one before the hint is ours
    finding = Finding(code="COF001", message=Message("22,4 % er under 25 %\nret det", "x"),
                      hint=Message("hæv den", "x"), severity=Severity.INFO, line=3, column=5)
    assert annotation("mine planer/a,b:c.yaml", finding, "da") == (
        "::notice file=mine planer/a%2Cb%3Ac.yaml,line=3,col=5,title=COF001::22,4 %25 er under 25 %25\\nret det"
        "%0ATip: hæv den")
    unread = Finding(code="PLN011", message=Message("Filen kan ikke læses.", "x"), severity=Severity.ERROR)
    assert annotation("a.yaml", unread, "da") == "::error file=a.yaml,title=PLN011::Filen kan ikke læses."


# --- Markdown ---------------------------------------------------------------------

def rendered(markdown: str) -> ET.Element:
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").enable("table").render(markdown)
    return ET.fromstring(f"<doc>{html.replace('<br>', '<br/>')}</doc>")


def test_markdown_renders_counts_and_a_table_of_findings_with_line_links(examples_json):
    done = run_cli("check", "example_plans", "--format", "markdown", env={"PLANLINT_MARKDOWN_BASE_URL": ""})
    assert done.returncode == 1
    doc = rendered(done.stdout)
    assert doc.find("h2").text.startswith("❌ planlint")
    counts_table, findings_table = doc.findall("table")
    per_plugin: dict[str, list[int]] = {}
    for _, f in findings_of(examples_json):
        row = per_plugin.setdefault(f["plugin"], [0, 0, 0])
        row[("error", "warning", "info").index(f["severity"])] += 1
    rows = [[cell.text if cell.find("strong") is None else cell.find("strong").text for cell in tr.findall("td")]
            for tr in counts_table.find("tbody").findall("tr")]
    summary = examples_json["summary"]
    assert rows == [[plugin, *map(str, counts)] for plugin, counts in sorted(per_plugin.items())] + [
        ["I alt", str(summary["error"]), str(summary["warning"]), str(summary["info"])]]
    body = findings_table.find("tbody").findall("tr")
    assert len(body) == len(findings_of(examples_json))
    for tr, (path, f) in zip(body, findings_of(examples_json)):
        link, code, severity, message = tr.findall("td")
        anchor = link.find("a")
        assert anchor.get("href") == f"{path}#L{f['line']}" and anchor.text == f"{path}:{f['line']}"
        assert code.find("code").text == f["code"]
        assert severity.text == {"error": "fejl", "warning": "advarsel", "info": "info"}[f["severity"]]
        # `key` in a message is meant as code and renders as such
        assert "".join(message.itertext()).startswith(f["message"].replace("`", ""))


def test_markdown_for_clean_plans_says_so():
    done = run_cli("check", "example_plans/komplet_plan.yaml", "example_plans/tryg_og_aktiv_2016.yaml",
                   "--format", "markdown", "--lang", "en")
    assert done.returncode == 0
    assert done.stdout == "## ✅ planlint: no finding that fails the check\n\n2 file(s) checked\n\nNo findings.\n"


def test_markdown_cells_cannot_break_the_table_and_links_can_be_absolute(monkeypatch):
    from planlint.formatters.markdown_format import cell, line_link

    assert cell("a | b <c>\nd") == "a \\| b &lt;c&gt;\\\\nd"  # a line break in plan text shows as \n
    assert line_link("planer/Øst by.yaml", 7) == "[planer/Øst by.yaml:7](planer/%C3%98st%20by.yaml#L7)"
    assert line_link("a.yaml", 7, "https://github.com/o/r/blob/abc/") == "[a.yaml:7](https://github.com/o/r/blob/abc/a.yaml#L7)"
    table = rendered("| x |\n|---|\n| " + cell("1 | 2") + " |\n").find("table/tbody/tr")
    assert [td.text for td in table.findall("td")] == ["1 | 2"]


def test_rich_counts_are_singular_for_one(tmp_path):
    """The terminal said "1 advarsler" and "1 errors"."""
    from conftest import base_text

    text = base_text().replace("samarbejdspartnere: [ek, ab]", "samarbejdspartnere: [ek, ab, abb]")
    (tmp_path / "plan.yaml").write_text(text, encoding="utf-8")
    done = run_cli("check", str(tmp_path / "plan.yaml"), "--format", "rich")
    assert done.stdout.splitlines()[-1] == "1 fil: 1 fejl, 0 advarsler, 0 info"
    done = run_cli("check", str(tmp_path / "plan.yaml"), "--format", "rich", "--lang", "en")
    assert done.stdout.splitlines()[-1] == "1 file: 1 error, 0 warnings, 0 info"
    (tmp_path / ".planlint.yaml").write_text("severity: {PLN009: warning}\n", encoding="utf-8")
    done = run_cli("check", str(tmp_path), "--format", "rich")
    assert done.stdout.splitlines()[-1] == "1 fil: 0 fejl, 1 advarsel, 0 info"
    done = run_cli("check", str(tmp_path), "--format", "rich", "--lang", "en")
    assert done.stdout.splitlines()[-1] == "1 file: 0 errors, 1 warning, 0 info"
