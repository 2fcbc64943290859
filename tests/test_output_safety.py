"""Plan text is data in every output: no forged finding line, no terminal escape, no markup, link or script.

A key, a name or a file name from a plan can hold anything; each test puts a
hostile string in a plan and reads what a user (or GitHub, or a browser) gets.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from conftest import base_text
from typer.testing import CliRunner

#: a key that forges a second finding line and a GitHub command, and sends ESC/BEL to the terminal
FORGING_KEY = "x\n::error file=evil.yaml,line=1::FORGED\x1b]0;TITLE\x07"
#: rich markup that would become a script in HTML and a javascript: link on a terminal (OSC 8)
MARKUP_NAME = '[link=x"><script>alert(1)</script><b x="]B[/link] [link=javascript:alert(2)]klik[/link]'
CONTROL = ("\x1b", "\x07", "\r")


def invoke(*args: str):
    """The CLI in-process: (exit status, stdout, stderr)."""
    from planlint.cli import app

    done = CliRunner().invoke(app, list(args))
    return done.exit_code, done.stdout, done.stderr


def hostile_plan(tmp_path, name: str = "plan.yaml"):
    """The base plan with the forging key (PLN003 quotes it) and markup in names."""
    text = base_text().replace("  status: indsendt\n",
                               f"  status: indsendt\n  {json.dumps(FORGING_KEY)}: 1\n")
    text = text.replace("navn: Eksempel Kommune", "navn: \"Odense [/b] Kommune\"")
    text = text.replace("navn: Beskæftigelse", f"navn: {json.dumps(MARKUP_NAME)}")
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_one_finding_is_one_line_in_line_formats(tmp_path, fmt):
    plan = hostile_plan(tmp_path)
    status, out, _ = invoke("check", "--format", fmt, str(plan))
    assert status == 1
    lines = out.splitlines()
    assert len(lines) == out.count("\n")  # no stray CR or other line break inside a line
    pln003 = [line for line in lines if "PLN003" in line]
    assert len(pln003) == 1 and "FORGED" in pln003[0]
    assert "\\n::error" in pln003[0] and "\\x1b]0;TITLE\\x07" in pln003[0]
    assert not any(line.startswith("::error file=evil.yaml") for line in lines)
    assert not any(char in out for char in CONTROL)
    if fmt == "text":
        assert all(line.startswith(f"{plan}:") for line in lines)
    else:
        assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)


def test_rich_output_escapes_plan_text_and_the_echoed_source_line(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(base_text().replace("  status: indsendt\n", "  status: indsendt\n  \"a\\e[31mb\": 1\n"),
                    encoding="utf-8")
    status, out, _ = invoke("check", "--format", "rich", str(plan))
    assert status == 1
    assert "\x1b" not in out  # no colour asked for: every ESC would have come from the plan
    lines = out.splitlines()
    message = next(index for index, line in enumerate(lines) if "PLN003" in line)
    assert "'a\\x1b[31mb'" in lines[message]
    source = next(line for line in lines[message:] if " | " in line)
    assert source.endswith('"a\\e[31mb": 1')  # the file's own text holds no control character


def test_rich_echo_of_a_raw_control_character_in_the_source(tmp_path):
    plan = tmp_path / "plan.yaml"
    # a literal ESC inside a comment on the line of a finding: YAML allows it there
    plan.write_text(base_text().replace("  status: indsendt\n", "  status: indsendt\n  ukendt: 1 # \x1b]0;T\x07\n"),
                    encoding="utf-8")
    status, out, _ = invoke("check", "--format", "rich", str(plan))
    assert "\x1b" not in out and "\x07" not in out
    assert "# \\x1b]0;T\\x07" in out


def test_rich_shows_a_rules_repeated_findings_escaped_too(tmp_path):
    """After a rule's first finding in a file, the next ones are one line each: plan text there too."""
    keys = "".join(f"  {json.dumps(f'k{n}' + chr(10) + f'FORGED {n}' + chr(27) + '[31m')}: 1\n" for n in range(3))
    plan = tmp_path / "plan.yaml"
    plan.write_text(base_text().replace("  status: indsendt\n", "  status: indsendt\n" + keys), encoding="utf-8")
    status, out, _ = invoke("check", "--format", "rich", str(plan))
    assert status == 1
    assert "\x1b" not in out
    lines = out.splitlines()
    assert not any(line.lstrip().startswith("FORGED") for line in lines)
    repeated = [line for line in lines if "PLN003" in line and "k2" in line]
    assert len(repeated) == 1 and "\\nFORGED 2\\x1b[31m" in repeated[0]


def test_markdown_never_turns_plan_text_or_file_names_into_links_or_images(tmp_path):
    cmarkgfm = pytest.importorskip("cmarkgfm")  # GitHub's own Markdown renderer
    from cmarkgfm.cmark import Options

    folder = tmp_path / "a](http:"
    folder.mkdir()
    hostile = ("![p](http://evil.example/p.png) [klik](javascript:x) <img src=x> "
               "www.evil.example a@evil.example https://evil.example")
    text = base_text().replace("  status: indsendt\n", f"  status: indsendt\n  {json.dumps(hostile)}: 1\n")
    (folder / "plan.yaml").write_text(text, encoding="utf-8")
    status, out, _ = invoke("check", "--format", "markdown", str(folder / "plan.yaml"))
    assert status == 1
    page = ET.fromstring("<r>" + cmarkgfm.github_flavored_markdown_to_html(
        out, options=Options.CMARK_OPT_UNSAFE).replace("\u200b", "") + "</r>")
    assert list(page.iter("img")) == []
    hrefs = [a.get("href") for a in page.iter("a")]
    # the only link is planlint's own, to the file's line
    assert len(hrefs) == 1 and hrefs[0].endswith("a%5D%28http%3A/plan.yaml#L11") and "evil" not in hrefs[0]
    shown = "".join(page.itertext())
    assert hostile in shown and "a](http:/plan.yaml:11" in shown


def test_junit_escapes_control_characters_visibly(tmp_path):
    plan = hostile_plan(tmp_path)
    status, out, _ = invoke("check", "--format", "junit", str(plan))
    root = ET.fromstring(out.encode("utf-8"))
    failures = [f for f in root.iter("failure") if "FORGED" in f.get("message", "")]
    assert len(failures) == 1
    assert "\\n::error" in failures[0].get("message") and "\\x1b" in failures[0].get("message")


@pytest.mark.parametrize("fmt", ["text", "rich", "json"])
def test_report_shows_markup_in_names_literally(tmp_path, fmt):
    plan = hostile_plan(tmp_path)
    status, out, err = invoke("report", "--format", fmt, "--width", "200", str(plan))
    assert status == 0, err
    if fmt == "json":
        assert json.loads(out)["plans"][0]["kommune"]["name"] == "Odense [/b] Kommune"
        return
    assert "Odense [/b] Kommune" in out
    assert "[link=javascript:alert(2)]klik[/link]" in out
    assert "\x1b" not in out and "\x07" not in out  # neither a hyperlink (OSC 8) nor the key's bytes
    assert "\\x1b]0;TITLE\\x07" in out


def test_report_on_a_colour_terminal_makes_no_hyperlink(tmp_path):
    from planlint.report import run as run_report, ReportOptions
    import io

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    plan = hostile_plan(tmp_path)
    out = Terminal()
    assert run_report(ReportOptions(paths=[str(plan)], format="rich", width=200), stdout=out, stderr=io.StringIO()) == 0
    text = out.getvalue()
    assert "\x1b]8;" not in text  # OSC 8: a terminal hyperlink
    assert "\x1b]0;" not in text and "\x07" not in text
    assert "klik[/link]" in text


def test_the_visible_escapes():
    from planlint.escape import markdown, visible

    assert visible("a\nb\r\tc\x1b\x07\x7f\x85\u2028\u202e") == "a\\nb\\r\\tc\\x1b\\x07\\x7f\\x85\\u2028\\u202e"
    assert visible("æøå – ok") == "æøå – ok"
    assert markdown("`timer_pr_uge` [a](b)") == "`timer_pr_uge` \\[a\\]\\(b\\)"
