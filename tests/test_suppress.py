"""Suppression comments: ``# planlint: disable=...``, ``disable-file=...``, PLN023 and --no-suppress."""

from __future__ import annotations

import pytest
from conftest import at, base_text, codes, line_of, lint, run_cli

from planlint.findings import Severity
from planlint.yamlparse import comments

STATUS = "  status: indsendt\n"


def with_unknown_key(comment: str = "", above: str = "", value: str = "x") -> str:
    """The base plan with an unknown key ``statuss`` (PLN003) in ``plan``, commented as asked."""
    text = base_text()
    assert STATUS in text
    line = f"  statuss: {value}" + (f"  {comment}" if comment else "") + "\n"
    return text.replace(STATUS, STATUS + (f"  {above}\n" if above else "") + line)


def test_the_unsuppressed_plan_has_the_finding_we_suppress():
    text = with_unknown_key()
    assert at(lint(text), "PLN003") == [(line_of(text, "statuss:"), 3)]


def test_a_comment_at_the_end_of_the_line_silences_that_code_there():
    result = lint(with_unknown_key("# planlint: disable=PLN003"))
    assert codes(result) == []


def test_a_comment_alone_on_the_line_above_silences_the_line_below():
    result = lint(with_unknown_key(above="# planlint: disable=PLN003"))
    assert codes(result) == []


def test_a_comment_two_lines_above_silences_nothing_and_is_reported():
    text = base_text().replace(STATUS, STATUS + "  # planlint: disable=PLN003\n\n  statuss: x\n")
    result = lint(text)
    comment_line = line_of(text, "# planlint:")
    assert [(f.code, f.line, f.column) for f in result.findings] == [
        ("PLN023", comment_line, 3),
        ("PLN003", line_of(text, "statuss:"), 3),
    ]
    unused = result.findings[0]
    assert unused.severity.value == "info"
    assert f"linje {comment_line + 1}" in unused.message.da and "PLN003" in unused.message.da
    assert f"line {comment_line + 1}" in unused.message.en


def test_a_trailing_comment_silences_only_its_own_codes():
    text = with_unknown_key("# planlint: disable=PLN009")
    result = lint(text)
    line = line_of(text, "statuss:")
    assert [(f.code, f.line) for f in result.findings] == [("PLN003", line), ("PLN023", line)]
    assert at(result, "PLN023") == [(line, text.splitlines()[line - 1].index("#") + 1)]


def test_disable_file_anywhere_silences_the_code_in_the_whole_file():
    text = with_unknown_key() + "# planlint: disable-file=PLN003\n"
    text = text.replace("  navn: Eksempelplanen\n", "  navn: Eksempelplanen\n  nvan: igen\n")
    assert codes(lint(text, suppress=False)) == ["PLN003", "PLN003"]
    assert codes(lint(text)) == []


def test_one_comment_can_name_several_codes_and_one_finding_names_each_unused_one():
    text = with_unknown_key("# planlint: disable=PLN003, PLN009,PLN010")
    result = lint(text)
    assert codes(result) == ["PLN023"]
    assert result.findings[0].message.en.split("suppresses nothing: ")[1] == (
        f"there is no PLN009 or PLN010 finding on line {line_of(text, 'statuss:')}. "
        "Remove PLN009 and PLN010 from the comment.")


def test_codes_are_case_insensitive_and_a_reason_may_follow():
    assert codes(lint(with_unknown_key("# planlint: disable=pln003 aftalt med LBF 2021-03-01"))) == []
    assert codes(lint(with_unknown_key("#planlint:disable = PLN003"))) == []


def test_a_code_no_plugin_declares_is_reported():
    result = lint(with_unknown_key("# planlint: disable=PLN003,XYZ999"))
    assert codes(result) == ["PLN023"]
    assert "XYZ999" in result.findings[0].message.da and "findes ikke" in result.findings[0].message.da


@pytest.mark.parametrize("comment", ["# planlint: disable", "# planlint: disabel=PLN003", "# planlint: disable=COF"])
def test_a_planlint_comment_that_cannot_be_read_is_reported(comment):
    result = lint(with_unknown_key(comment))
    assert codes(result) == ["PLN003", "PLN023"]
    assert "planlint: disable=KODE" in result.findings[1].message.da


def test_a_hash_inside_a_quoted_value_is_not_a_comment():
    text = with_unknown_key(value='"x  # planlint: disable=PLN003"')
    assert codes(lint(text)) == ["PLN003"]
    text = with_unknown_key(value="'it''s # planlint: disable=PLN003'")
    assert codes(lint(text)) == ["PLN003"]


def test_a_hash_inside_a_block_scalar_is_not_a_comment():
    text = base_text().replace(STATUS, STATUS + "  statuss: |\n    # planlint: disable-file=PLN003\n")
    assert codes(lint(text)) == ["PLN003"]


def test_no_suppress_ignores_every_comment_and_reports_no_unused_ones():
    text = with_unknown_key("# planlint: disable=PLN003,PLN009")
    assert codes(lint(text, suppress=False)) == ["PLN003"]


def test_a_code_that_did_not_run_is_not_called_unused():
    text = with_unknown_key("# planlint: disable=PLN003,PLN009")
    assert codes(lint(text, ignore=("PLN009",))) == []


def test_pln023_obeys_the_configuration_and_can_itself_be_silenced():
    text = with_unknown_key("# planlint: disable=PLN009")
    assert codes(lint(text, ignore=("PLN023",))) == ["PLN003"]
    assert codes(lint(text + "# planlint: disable-file=PLN023\n")) == ["PLN003"]
    assert [f.severity.value for f in lint(text, severity={"PLN023": Severity.WARNING}).findings
            if f.code == "PLN023"] == ["warning"]


def test_the_base_plan_with_ordinary_comments_stays_clean():
    text = "# Planen for Eksempelparken # version 2\n" + base_text().replace(
        STATUS, "  status: indsendt  # planlint bruges af koordinatoren\n")
    assert codes(lint(text)) == []


def test_exit_status_and_no_suppress_on_the_command_line(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(with_unknown_key("# planlint: disable=PLN003"), encoding="utf-8")
    assert run_cli("check", str(plan), "--format", "text").returncode == 0
    loud = run_cli("check", str(plan), "--format", "text", "--no-suppress")
    assert loud.returncode == 1
    line = line_of(plan.read_text(encoding="utf-8"), "statuss:")
    assert loud.stdout.splitlines() == [f"{plan}:{line}:3: PLN003 error Ukendt nøgle 'statuss'; mente du 'status'?"]


def test_an_unused_suppression_fails_only_with_fail_on_info(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(base_text().replace(STATUS, "  status: indsendt  # planlint: disable=PLN003\n"), encoding="utf-8")
    assert run_cli("check", str(plan), "--format", "text").returncode == 0
    strict = run_cli("check", str(plan), "--format", "text", "--fail-on", "info")
    assert strict.returncode == 1
    assert " PLN023 info " in strict.stdout


def test_no_suppress_in_the_configuration_file(tmp_path):
    (tmp_path / ".planlint.yaml").write_text("no-suppress: true\n", encoding="utf-8")
    plan = tmp_path / "plan.yaml"
    plan.write_text(with_unknown_key("# planlint: disable=PLN003"), encoding="utf-8")
    assert run_cli("check", str(plan), "--format", "text").returncode == 1


# --- finding the comments --------------------------------------------------

def positions(text: str) -> list[tuple[int, int, bool]]:
    return [(c.line, c.column, c.alone) for c in comments(text)]


def test_comments_are_found_with_their_positions():
    text = ('a: "x # y" # one\n'       # in quotes, then a real comment
            "b: |  # header\n"         # a block scalar's header may carry a comment
            "  # content\n"
            "# alone\n"
            "c: [1, # in flow\n"
            " 2]\n"
            "d: 'it''s # q' # two\n"
            "e: a#b\n"                 # '#' without a space before it is text
            'f: "multi\n'
            '  # inside\n'
            '  end"\n'
            "g: \"esc \\\" # still\" # three\n")
    assert positions(text) == [(1, 12, False), (2, 7, False), (4, 1, True), (5, 8, False),
                               (7, 16, False), (12, 21, False)]
    assert comments(text)[0].text == "# one"


def test_comments_after_a_syntax_error_are_still_found_outside_quotes():
    text = 'a: [1\n# alone\nb: "#" # after\n  c: d # last\n'
    assert positions(text) == [(2, 1, True), (3, 8, False), (4, 8, False)]


def test_a_bom_does_not_shift_columns():
    assert positions("\ufeffa: 1 # c\n") == [(1, 6, False)]


def test_windows_line_endings_count_as_one_break():
    assert positions("a: 1 # c\r\nb: 2\r\n# d\r\n") == [(1, 6, False), (3, 1, True)]


def test_a_comment_cannot_silence_a_file_that_was_not_checked():
    from planlint.suppress import NOT_SUPPRESSIBLE

    text = "# planlint: disable-file=PLN001\nversion: 1\nplan:\n  navn: x\n   pulje: y\n"
    result = lint(text)
    assert "PLN001" in NOT_SUPPRESSIBLE
    assert sorted(f.code for f in result.findings) == ["PLN001", "PLN023"]
    unused = next(f for f in result.findings if f.code == "PLN023")
    assert unused.line == 1
    assert "kan ikke undertrykkes" in unused.message.da and "cannot be suppressed" in unused.message.en


def test_many_suppression_comments_are_checked_in_linear_time(tmp_path):
    """Each finding was compared with every comment: 20.000 comments took 25 s, 30.000 a minute."""
    import json
    import time

    many = 30_000
    text = base_text() + "ekstra:  # planlint: disable=PLN003\n" + "  - 1  # planlint: disable=PLN009\n" * many
    plan = tmp_path / "plan.yaml"
    plan.write_text(text, encoding="utf-8")
    started = time.process_time()  # CPU time: a busy machine does not make it fail
    done = run_cli("check", "--format", "json", str(plan))
    assert time.process_time() - started < 30
    assert done.returncode == 0, done.stderr
    findings = json.loads(done.stdout)["files"][0]["findings"]
    first = line_of(text, "  - 1  #")
    assert [(f["code"], f["line"]) for f in findings] == [("PLN023", first + n) for n in range(many)]
