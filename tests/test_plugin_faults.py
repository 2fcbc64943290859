"""Faulty third-party plugins cost their own findings, never the run's (issue 8).

The plugins are real installed distributions: a module plus a
``<name>.dist-info`` folder on PYTHONPATH, found by importlib.metadata exactly
as pip-installed plugins are.  Timeouts are short budgets with generous
subprocess timeouts as hang detectors, never timing assertions.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from conftest import ROOT, base_text, install_by_dist_info, line_of

from planlint.findings import Finding, Message
from planlint.plugin_guard import guard as time_budget
from planlint.plugin_results import not_a_finding
from planlint.plugin_run import run_guarded

HANG_TIMEOUT = 120


def install_plugin(site: Path, name: str, source: str) -> None:
    """An installed distribution ``name`` whose module ``name`` is a planlint plugin."""
    install_by_dist_info(site, name, {name: name}, {name: textwrap.dedent(source)})


def plugin_with_rule(code: str, body: str) -> str:
    """A plugin module declaring one rule ``code`` whose check is ``body``."""
    return f'''
import sys, time
from planlint import hookimpl
from planlint.findings import Finding, Message
from planlint.rule import Example, rule, rules_of

@rule(code="{code}", severity="error", basis="krav", title=("Test", "Test"), source="test",
      bad=Example(runnable=False), good=Example(runnable=False))
def check(plan, ctx):
{textwrap.indent(textwrap.dedent(body), "    ")}

@hookimpl
def planlint_rules():
    return rules_of(sys.modules[__name__])
'''


def lint_with(site: Path, plan: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")]))
    return subprocess.run([sys.executable, "-m", "planlint", "check", "--format", "json", *args, str(plan)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=HANG_TIMEOUT, check=False)


@pytest.fixture
def plan(tmp_path) -> Path:
    """The base plan with one built-in finding (PLN003) that must survive every faulty plugin."""
    path = tmp_path / "plan.yaml"
    path.write_text(base_text().replace("  status: indsendt\n", "  status: indsendt\n  statsu: x\n"),
                    encoding="utf-8")
    return path


def findings_of(done: subprocess.CompletedProcess) -> list[dict]:
    assert "Traceback" not in done.stderr, done.stderr
    [entry] = json.loads(done.stdout)["files"]
    return entry["findings"]


FAULTY = {
    "raiser": plugin_with_rule("RAI001", "raise ZeroDivisionError('1/0 i pluginet')"),
    "exiter": plugin_with_rule("EXI001", "sys.exit(0)"),
    "interrupter": plugin_with_rule("KBI001", "raise KeyboardInterrupt"),
    "hardexiter": plugin_with_rule("HEX001", "import os\nos._exit(0)"),
    "texter": plugin_with_rule("TXT001", "return 'ikke et fund'"),
    "number": plugin_with_rule("NUM001", "return 42"),
    "mixed": plugin_with_rule("MIX001", """
        good = Finding(code="MIX001", message=Message("god", "good"), path=("plan", "navn"))
        bad = Finding(code="mix", message=Message("", "en"), path=("plan",))
        return [good, {"code": "MIX001"}, bad]
    """),
    "faraway": plugin_with_rule("FAR001", """
        return [Finding(code="FAR001", message=Message("langt væk", "far away"), path=("plan", "navn"), line=99999)]
    """),
    "unprintable": plugin_with_rule("UNP001", """
        class Odd(Exception):
            def __str__(self):
                raise RuntimeError("no text for you")
        raise Odd()
    """),
}


def test_faulty_plugins_each_get_a_finding_and_the_builtins_still_report(tmp_path, plan):
    site = tmp_path / "site"
    for name, source in FAULTY.items():
        install_plugin(site, name, source)
    done = lint_with(site, plan)
    assert done.returncode == 1, done.stderr
    found = findings_of(done)
    by_plugin = {}
    for finding in found:
        by_plugin.setdefault(finding["messages"]["en"].split("'")[1] if finding["code"] >= "PLN020" else
                             finding["plugin"], []).append(finding["code"])
    assert ("PLN003", line_of(plan.read_text(encoding="utf-8"), "statsu")) in {(f["code"], f["line"]) for f in found}
    assert by_plugin["raiser"] == ["PLN020"]
    assert by_plugin["exiter"] == ["PLN020"]  # SystemExit does not end the run with status 0
    assert by_plugin["interrupter"] == ["PLN020"]  # a plugin's own KeyboardInterrupt is its fault, not Ctrl-C
    assert by_plugin["hardexiter"] == ["PLN020"]  # os._exit(0) did end the run with 0 and no output
    assert by_plugin["texter"] == ["PLN022"]
    assert by_plugin["number"] == ["PLN022"]
    assert by_plugin["unprintable"] == ["PLN020"]
    assert sorted(by_plugin["mixed"]) == ["MIX001", "PLN022"]  # the good finding is kept
    lines = len(plan.read_text(encoding="utf-8").splitlines())
    far = [f for f in found if f["code"] == "FAR001"]
    assert len(far) == 1 and far[0]["line"] == line_of(plan.read_text(encoding="utf-8"), "navn: Eksempelplanen")
    for finding in found:
        assert 1 <= finding["line"] <= lines
        assert finding["messages"]["da"] and finding["messages"]["en"]


def test_slow_plugin_is_stopped_by_its_budget(tmp_path, plan):
    site = tmp_path / "site"
    install_plugin(site, "sleeper", plugin_with_rule("SLP001", "time.sleep(60)\nreturn []"))
    done = lint_with(site, plan, "--plugin-timeout", "0.5")
    assert done.returncode == 1
    found = findings_of(done)
    stopped = [f for f in found if f["code"] == "PLN021"]
    assert len(stopped) == 1 and "sleeper" in stopped[0]["messages"]["en"] and "0.5" in stopped[0]["messages"]["en"]
    assert "PLN003" in {f["code"] for f in found}


def test_plugin_that_swallows_the_interruption_is_still_reported(tmp_path, plan):
    site = tmp_path / "site"
    install_plugin(site, "stubborn", plugin_with_rule("STB001", """
        end = time.monotonic() + 3
        while time.monotonic() < end:
            try:
                time.sleep(0.05)
            except BaseException:
                pass
        return [Finding(code="STB001", message=Message("sent", "late"), path=())]
    """))
    found = findings_of(lint_with(site, plan, "--plugin-timeout", "0.3"))
    assert [f["code"] for f in found if f["code"] in ("PLN021", "STB001")] == ["PLN021"]


def test_budget_is_per_plugin_not_per_rule(tmp_path, plan):
    """Three rules of 0.4 CPU seconds share one budget of 0.6 s: one PLN021, the rest skipped."""
    site = tmp_path / "site"
    rules = "".join(f'''
@rule(code="SLW00{number}", severity="error", basis="krav", title=("Langsom", "Slow"), source="test",
      bad=Example(runnable=False), good=Example(runnable=False))
def check_{number}(plan, ctx):
    end = time.process_time() + 0.4
    while time.process_time() < end:
        pass
    return []
''' for number in (1, 2, 3))
    source = ("import sys, time\nfrom planlint import hookimpl\nfrom planlint.rule import Example, rule, rules_of\n"
              + rules + "\n@hookimpl\ndef planlint_rules():\n    return rules_of(sys.modules[__name__])\n")
    install_plugin(site, "slowpack", source)
    found = findings_of(lint_with(site, plan, "--plugin-timeout", "0.6"))
    assert [f["code"] for f in found].count("PLN021") == 1


def test_the_budget_counts_cpu_time_so_a_busy_machine_does_not_change_the_verdict(tmp_path, plan):
    """A rule that waits 0.5 s (as on a loaded machine, where a check takes longer
    on the clock than on the CPU) under a budget of 0.3 s: no PLN021, exit as for the plan."""
    site = tmp_path / "site"
    install_plugin(site, "waiter", plugin_with_rule("WAI001", "time.sleep(0.5)\nreturn []"))
    done = lint_with(site, plan, "--plugin-timeout", "0.3")
    assert "PLN021" not in {f["code"] for f in findings_of(done)}


def test_a_worker_process_killed_by_a_plugin_ends_the_run_with_2_not_0(tmp_path, plan):
    """With --jobs, a plugin that ends its process from outside Python is seen by the parent."""
    site = tmp_path / "site"
    install_plugin(site, "killer", plugin_with_rule("KIL001", "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)"))
    plans = tmp_path / "plans"
    plans.mkdir()
    for index in range(8):
        (plans / f"plan_{index}.yaml").write_text(plan.read_text(encoding="utf-8"), encoding="utf-8")
    done = lint_with(site, plans, "--jobs", "2")
    assert done.returncode == 2 and done.stdout == ""
    assert "worker process" in done.stderr or "arbejdsproces" in done.stderr
    assert "Traceback" not in done.stderr


def test_plugin_that_exits_while_loading_is_exit_2_not_0(tmp_path, plan):
    site = tmp_path / "site"
    install_plugin(site, "quitter", "import sys\nsys.exit(0)\n")
    done = lint_with(site, plan)
    assert done.returncode == 2
    assert "quitter" in done.stderr and "Traceback" not in done.stderr


# --- the guard itself, in process -------------------------------------------------

def test_time_budget_restores_the_previous_alarm_handler():
    import signal

    before = signal.getsignal(signal.SIGALRM)
    before_prof = signal.getsignal(signal.SIGPROF)
    with time_budget(5):
        pass
    assert signal.getsignal(signal.SIGALRM) == before
    assert signal.getsignal(signal.SIGPROF) == before_prof
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)


@pytest.mark.parametrize("timeout", ["inf", "1e300"])
def test_an_unlimited_plugin_timeout_is_no_limit_not_a_crash_in_every_rule(timeout, tmp_path):
    """``--plugin-timeout inf`` (or ``plugin-timeout: .inf``) made every rule PLN020 (OverflowError)."""
    from conftest import run_cli

    plan = tmp_path / "plan.yaml"
    plan.write_text(base_text(), encoding="utf-8")
    done = run_cli("check", str(plan), "--format", "text", "--plugin-timeout", timeout)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    (tmp_path / ".planlint.yaml").write_text("plugin-timeout: .inf\n", encoding="utf-8")
    done = run_cli("check", str(plan), "--format", "text")
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_a_real_ctrl_c_during_a_plugin_still_stops_the_run():
    import signal

    def interrupted():
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(5)

    with pytest.raises(KeyboardInterrupt):
        run_guarded("p", "ABC001", interrupted, 5)
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_os_exit_is_restored_after_the_plugin():
    real = os._exit
    [finding] = run_guarded("p", "ABC001", lambda: os._exit(0), 5)
    assert finding.code == "PLN020" and "os._exit" in finding.message.en
    assert os._exit is real


def test_time_budget_expires_a_busy_loop():
    def spin():
        while True:
            pass

    started = time.monotonic()
    [finding] = run_guarded("spinner", "SPN001", spin, 0.2)
    assert finding.code == "PLN021"
    assert time.monotonic() - started < HANG_TIMEOUT


@pytest.mark.parametrize("result, code", [
    (None, None),
    ([], None),
    (iter([]), None),
    ("tekst", "PLN022"),
    (b"bytes", "PLN022"),
    ({"code": "X"}, "PLN022"),
    (3.5, "PLN022"),
    ([Finding("ABC001", Message("a", "b"))], "ABC001"),
    (Finding("ABC001", Message("a", "b")), "ABC001"),  # one finding, not in a list, is kept
    ([Finding("ABC001", Message("a", "b"), line=0)], "PLN022"),
    ([Finding("ABC001", Message("a", "b"), path=[0])], "PLN022"),
    ([Finding(["ABC001"], Message("a", "b"))], "PLN022"),
    ([Finding("ABC001", "not a message")], "PLN022"),
])
def test_run_guarded_accepts_findings_only(result, code):
    found = run_guarded("p", "what", lambda: result, 5)
    assert [f.code for f in found] == ([code] if code else [])


def test_not_a_finding_names_the_bad_field():
    assert not_a_finding(Finding("ABC001", Message("a", "b"))) is None
    assert not_a_finding(Finding("abc001", Message("a", "b"))) == "code"
    assert not_a_finding(Finding("ABC001", Message("", "b"))) == "message"
    assert not_a_finding(Finding("ABC001", Message("a", "b"), line=True)) == "line/column"


def test_a_type_error_inside_the_plugin_is_a_failure_not_a_bad_result():
    def check():
        raise TypeError("'NoneType' object is not iterable")

    [finding] = run_guarded("p", "ABC001", check, 5)
    assert finding.code == "PLN020" and "TypeError" in finding.message.en


def test_a_finding_with_a_line_but_no_column_gets_column_1():
    """docs/output.md: ``column`` is null only when the file could not be read."""
    from planlint import hookimpl
    from planlint.engine import Linter
    from planlint.findings import Severity
    from planlint.formatters.json_format import document
    from planlint.formatters import FormatOptions
    from planlint.plugins import build_registry
    from planlint.rule import Rule

    class LineOnly:
        @hookimpl
        def planlint_check(self, plan):
            return [Finding("LIN001", Message("Linje 5.", "Line 5."), line=5)]

    registry = build_registry()
    registry.manager.register(LineOnly(), name="lineonly")
    registry.rules["LIN001"] = Rule(code="LIN001", severity=Severity.WARNING, title=Message("t", "t"),
                                    rationale=Message("r", "r"), source="test", plugin="lineonly")
    result = Linter(registry=registry).lint_text(base_text(), "plan.yaml")
    [finding] = document([result], FormatOptions())["files"][0]["findings"]
    assert (finding["code"], finding["line"], finding["column"]) == ("LIN001", 5, 1)


def test_hooks_are_called_through_pluggy_so_a_wrapper_wraps_its_own_plugin():
    """``@hookimpl(wrapper=True)`` works (it was silently ignored when hooks were called by hand),
    and a fault in one plugin's wrapper costs that plugin's findings only."""
    from planlint import hookimpl
    from planlint.engine import Linter
    from planlint.findings import Severity
    from planlint.plugins import build_registry
    from planlint.rule import Rule

    class Wrapped:
        @hookimpl
        def planlint_check(self, plan):
            return [Finding("WRP001", Message("rå", "raw"), path=("plan", "navn"))]

        @hookimpl(wrapper=True, specname="planlint_check")
        def around(self):
            results = yield
            return [[finding.with_(message=Message("pakket", "wrapped")) for finding in result]
                    for result in results]

    class BrokenWrapper:
        @hookimpl(wrapper=True, specname="planlint_check")
        def around(self):
            yield
            raise RuntimeError("wrapper fails")

    registry = build_registry()
    registry.manager.register(Wrapped(), name="wrapped")
    registry.manager.register(BrokenWrapper(), name="brokenwrapper")
    registry.rules["WRP001"] = Rule(code="WRP001", severity=Severity.WARNING, title=Message("t", "t"),
                                    rationale=Message("r", "r"), source="test", plugin="wrapped")
    result = Linter(registry=registry).lint_text(base_text(), "plan.yaml")
    [wrapped] = [f for f in result.findings if f.code == "WRP001"]
    assert wrapped.message.en == "wrapped"
    [failed] = [f for f in result.findings if f.code == "PLN020"]
    assert "brokenwrapper" in failed.message.en and "wrapper fails" in failed.message.en
