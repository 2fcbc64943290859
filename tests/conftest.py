"""Shared test helpers: lint plan text, edit the base plan, run the CLI."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "example_plans"


# --- the suite's own rules: a time budget for property tests, a checkout left as it was ---

def _hypothesis_profiles() -> None:
    """Property tests draw 25 examples each by default (the suite must stay under
    3 minutes on 2 cores); HYPOTHESIS_PROFILE=thorough draws 500.  Hypothesis keeps
    its example database and caches outside the checkout."""
    from hypothesis import HealthCheck, settings
    from hypothesis.configuration import set_hypothesis_home_dir

    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    set_hypothesis_home_dir(cache / "planlint-tests" / "hypothesis")
    common = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow])
    settings.register_profile("planlint", max_examples=25, **common)
    settings.register_profile("thorough", max_examples=500, **common)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "planlint"))


_hypothesis_profiles()

# planlint's start-up cache of compiled validators (cache.py) goes beside hypothesis's,
# never into ~/.cache/planlint of the developer's own runs; real processes inherit it
os.environ["PLANLINT_CACHE_DIR"] = str(Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
                                      / "planlint-tests" / "validators")

#: Paths a run may leave behind: the environment and the interpreter's and pytest's caches.
_CACHES = {".venv", "__pycache__", ".pytest_cache"}


def _checkout_state() -> set[str] | None:
    """``git status`` of the checkout, ignored files included (build/, *.egg-info),
    caches excluded; None when this is not a git checkout."""
    try:
        done = subprocess.run(["git", "status", "--porcelain", "--ignored", "--untracked-files=all"],
                              cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if done.returncode != 0:
        return None
    return {line for line in done.stdout.splitlines() if not _CACHES & set(Path(line[3:]).parts)}


def pytest_configure(config):
    if not hasattr(config, "workerinput"):  # the controller only (pytest-xdist workers share its checkout)
        config._planlint_checkout = _checkout_state()


def pytest_collection_modifyitems(items):
    """The tests that build and install the wheel are the longest: start them first, so the
    other worker is not left waiting for them at the end of a parallel run."""
    items.sort(key=lambda item: "planlint_wheel" not in getattr(item, "fixturenames", ()))


def pytest_sessionfinish(session):
    """A test that wrote into the checkout is an error of the run (exit status 1)."""
    before = getattr(session.config, "_planlint_checkout", None)
    after = _checkout_state() if before is not None else None
    if before is None or after is None or after == before:
        return
    from _pytest.reports import TestReport

    changed = "\n".join(f"  {line}" for line in sorted(after ^ before))
    report = TestReport(nodeid="tests/conftest.py::the_checkout_is_unchanged", location=("tests/conftest.py", 0, "checkout"),
                        keywords={}, outcome="failed", when="teardown",
                        longrepr=f"The test run wrote into the checkout (git status before/after differs; a test "
                                 f"should write into tmp_path, or a file was edited during the run):\n{changed}")
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:  # shown with the errors and counted in the closing "N passed, 1 error"
        reporter.stats.setdefault("error", []).append(report)
    session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(scope="session")
def linter():
    from planlint.engine import Linter

    return Linter()


_LINTER = None


def lint(text: str, **settings: Any):
    """Lint plan text with default settings (or the given ones); a FileResult."""
    from planlint.config import Settings
    from planlint.engine import Linter

    global _LINTER
    if _LINTER is None:
        _LINTER = Linter()
    return _LINTER.lint_text(text, "plan.yaml", Settings(**settings))


def codes(result) -> list[str]:
    return [f.code for f in result.findings]


def at(result, code: str) -> list[tuple[int, int]]:
    """(line, column) of every finding with this code."""
    return [(f.line, f.column) for f in result.findings if f.code == code]


def base_text() -> str:
    from planlint.examples import base_plan_text

    return base_plan_text()


def edited(at: str = "", yaml: str = "", remove: tuple[str, ...] = ()) -> str:
    """The base plan with one edit, as text (see planlint.rule.Example)."""
    from planlint.examples import example_text
    from planlint.rule import Example

    return example_text(Example(yaml=yaml, at=at, remove=remove))


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """The 1-based line of the nth line containing ``needle``."""
    seen = 0
    for number, line in enumerate(text.splitlines(), 1):
        if needle in line:
            seen += 1
            if seen == nth:
                return number
    raise AssertionError(f"{needle!r} not in text")


def run_cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
            input: str | None = None) -> subprocess.CompletedProcess:
    """``planlint ARGS`` as a user or CI runs it, but in this process (a new
    interpreter costs ~0.5-1 s a call): the console-script entry point
    ``planlint.cli.run`` with its own argv, working directory, environment,
    stdin, stdout and stderr (not terminals; NO_COLOR unset).  A ``PYTHONPATH``
    in ``env`` goes on ``sys.path`` for the call, and the modules imported from
    it are forgotten afterwards, so each test sees only its own plugins.  An
    exception escaping the CLI fails the test (a user would see a traceback).
    Use ``run_process`` where the real process is the point."""
    import importlib

    from typer.testing import CliRunner

    from planlint.cli import run

    extra = list(reversed((env or {}).get("PYTHONPATH", "").split(os.pathsep)))
    extra = [entry for entry in extra if entry]
    saved_argv, saved_cwd, saved_path = sys.argv, os.getcwd(), list(sys.path)
    known = set(sys.modules)
    code: int | str | None = 0
    try:
        with CliRunner().isolation(input=input, env={"NO_COLOR": None, **(env or {})}) as (out, err, _):
            sys.argv = ["planlint", *args]
            os.chdir(cwd or ROOT)
            for entry in extra:
                sys.path.insert(0, entry)
            if extra:
                importlib.invalidate_caches()
            try:
                run()
            except SystemExit as exc:
                code = exc.code
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                stdout, stderr = out.getvalue(), err.getvalue()
    finally:
        sys.argv = saved_argv
        os.chdir(saved_cwd)
        sys.path[:] = saved_path
        if extra:
            for name in set(sys.modules) - known:
                origin = getattr(sys.modules[name], "__file__", None) or ""
                if any(origin.startswith(entry) for entry in extra):
                    del sys.modules[name]
    if not isinstance(code, int):  # sys.exit("text") prints the text and exits 1, as Python does
        stderr += f"{code}\n".encode() if code is not None else b""
        code = 1 if code is not None else 0
    return subprocess.CompletedProcess(["planlint", *args], code, stdout.decode("utf-8", "replace"),
                                       stderr.decode("utf-8", "replace"))


def run_process(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
                input: str | None = None) -> subprocess.CompletedProcess:
    """``python -m planlint ARGS`` in a real subprocess: for what only a process
    shows (start-up, the real exit status, stdin/stdout as files, signals)."""
    full_env = dict(os.environ)
    full_env.pop("NO_COLOR", None)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "planlint", *args],
        cwd=cwd or ROOT, env=full_env, input=input, capture_output=True, text=True, timeout=120,
    )


def copy_for_build(source: Path, target: Path) -> Path:
    """A copy of a source tree to build from: setuptools writes build/ and
    *.egg-info next to the sources, and a test never writes into the checkout."""
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache", ".hypothesis"))
    return target


@pytest.fixture(scope="session")
def planlint_wheel(tmp_path_factory) -> Path:
    """planlint built as a wheel (``pip wheel .``), once per session."""
    work = tmp_path_factory.mktemp("wheel")
    source = copy_for_build(ROOT, work / "planlint")
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--disable-pip-version-check",
                           "-w", str(work / "dist"), str(source)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    (wheel,) = (work / "dist").glob("planlint-*.whl")
    return wheel


def install_by_dist_info(site: Path, dist: str, entry_points: dict[str, str],
                         modules: dict[str, str] | None = None) -> Path:
    """Make ``site`` look like site-packages holding an installed distribution; its metadata folder.

    importlib.metadata finds ``<dist>.dist-info`` on sys.path exactly as it
    finds what pip installs, so this is an installed plugin without pip:
    ``entry_points`` are its ``planlint`` entry points (name -> value) and
    ``modules`` the source of each top-level module it installs beside them.
    """
    info = site / f"{dist}-1.0.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 1.0.0\n", encoding="utf-8")
    lines = "".join(f"{name} = {target}\n" for name, target in entry_points.items())
    (info / "entry_points.txt").write_text(f"[planlint]\n{lines}", encoding="utf-8")
    for name, source in (modules or {}).items():
        (site / f"{name}.py").write_text(source, encoding="utf-8")
    return info
