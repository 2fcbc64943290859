"""The start-up cache of compiled validators (validator_cache.py) and the paused garbage collector
(startup.py): they may change how fast planlint starts, never what it reports."""

from __future__ import annotations

import gc
import json
import os
import pickle
import sys

import pytest

from conftest import EXAMPLES, run_process

PLAN = EXAMPLES / "komplet_plan.yaml"
PLANS = sorted(EXAMPLES.rglob("*.yaml"))


@pytest.fixture
def fresh_cache(monkeypatch, tmp_path):
    """An empty cache folder for in-process tests, and no validator loaded yet."""
    from planlint import validator_cache

    folder = tmp_path / "cache"
    monkeypatch.setenv("PLANLINT_CACHE_DIR", str(folder))
    monkeypatch.delenv("PLANLINT_NO_CACHE", raising=False)
    monkeypatch.setattr(validator_cache, "_loaded", {})
    return folder


def _entries(folder):
    return sorted(path.name for path in folder.glob("*.pickle")) if folder.is_dir() else []


def _findings_of_every_example(monkeypatch, validator_cache) -> list:
    from planlint.engine import Linter

    monkeypatch.setattr(validator_cache, "_loaded", {})
    linter = Linter()
    return [(r.path, r.findings) for r in linter.lint_paths([str(path) for path in PLANS])]


def test_findings_are_the_same_from_the_cache_as_from_a_built_validator(fresh_cache, monkeypatch):
    from planlint import validator_cache

    built = _findings_of_every_example(monkeypatch, validator_cache)  # builds and writes the entries
    assert any(name.startswith("planlint.model.Plan-") for name in _entries(fresh_cache))
    assert any(name.startswith("planlint.rulepack.RulePack-") for name in _entries(fresh_cache))
    cached = _findings_of_every_example(monkeypatch, validator_cache)  # reads them
    monkeypatch.setenv("PLANLINT_NO_CACHE", "1")
    uncached = _findings_of_every_example(monkeypatch, validator_cache)
    assert any(findings for _, findings in built)
    assert cached == built == uncached


def test_a_validator_comes_from_its_entry_once_written(fresh_cache):
    from planlint import validator_cache
    from planlint.model import Plan

    first = validator_cache.validate(Plan, {"version": 1}, context={})
    validator_cache._loaded.clear()
    read = validator_cache._cached(Plan)
    assert read is not Plan.__pydantic_validator__  # unpickled from the entry, not the class's own
    assert read.validate_python({"version": 1}, context={}) == first


@pytest.mark.parametrize("damage", ["garbage", "truncated", "other source"])
def test_a_damaged_or_stale_entry_is_rebuilt_and_the_run_goes_on(fresh_cache, damage):
    from planlint import validator_cache
    from planlint.model import Plan

    validator_cache.validate(Plan, {"version": 1})
    entry = next(fresh_cache.glob("planlint.model.Plan-*.pickle"))
    good = entry.read_bytes()
    if damage == "garbage":
        entry.write_bytes(b"not a pickle")
    elif damage == "truncated":
        entry.write_bytes(good[: len(good) // 2])
    else:  # the model's source changed since the entry was written (a checkout being edited)
        with entry.open("rb") as handle:
            sources = pickle.load(handle)
            rest = handle.read()
        sources = {name: "0" * 64 for name in sources}
        entry.write_bytes(pickle.dumps(sources) + rest)
    assert validator_cache._read(entry) is None
    validator_cache._loaded.clear()
    plan = validator_cache.validate(Plan, {"version": 1})
    assert plan.version == 1
    assert validator_cache._read(entry) is not None  # written again, whole


def test_the_entry_names_the_modules_whose_source_shapes_the_validator(fresh_cache):
    from planlint import validator_cache
    from planlint.model import Plan

    validator_cache.validate(Plan, {"version": 1})
    entry = next(fresh_cache.glob("planlint.model.Plan-*.pickle"))
    with entry.open("rb") as handle:
        sources = pickle.load(handle)
    assert {"planlint.model", "planlint.scalars", "planlint.format11"} <= set(sources)
    assert not any(name.startswith("pydantic") for name in sources)  # covered by the version in the name


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_a_folder_others_may_write_to_is_not_used(fresh_cache):
    from planlint import validator_cache
    from planlint.model import Plan

    fresh_cache.mkdir()
    fresh_cache.chmod(0o777)
    assert validator_cache.validate(Plan, {"version": 1}).version == 1
    assert _entries(fresh_cache) == []


def test_no_cache_writes_nothing(fresh_cache, monkeypatch):
    from planlint import validator_cache
    from planlint.model import Plan

    monkeypatch.setenv("PLANLINT_NO_CACHE", "1")
    assert validator_cache.cache_folder() is None
    assert validator_cache.validate(Plan, {"version": 1}).version == 1
    assert not fresh_cache.exists()


def test_without_a_home_folder_there_is_no_cache_rather_than_a_folder_named_tilde(monkeypatch):
    import os.path

    from planlint import validator_cache

    for name in ("PLANLINT_CACHE_DIR", "PLANLINT_NO_CACHE", "HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")  # invalid by the XDG spec
    monkeypatch.setattr(os.path, "expanduser", lambda path: path)  # no home folder: "~" stays "~"
    assert validator_cache.cache_folder() is None
    monkeypatch.setenv("XDG_CACHE_HOME", "/var/cache/someone")
    assert str(validator_cache.cache_folder()) == os.path.join("/var/cache/someone", "planlint")


def test_an_unwritable_cache_folder_costs_time_not_the_run(tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    done = run_process("check", "--format", "json", str(PLAN),
                       env={"PLANLINT_CACHE_DIR": str(blocked / "cache"), "PLANLINT_NO_CACHE": ""})
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["summary"]["error"] == 0


def test_a_cold_process_and_a_cached_one_print_the_same(tmp_path):
    folder = tmp_path / "cache"
    env = {"PLANLINT_CACHE_DIR": str(folder), "PLANLINT_NO_CACHE": ""}
    target = str(EXAMPLES / "rum_for_liv.yaml")
    cold = run_process("check", "--format", "json", target, env=env)
    assert any(name.startswith("planlint.model.Plan-") for name in _entries(folder)), cold.stderr
    warm = run_process("check", "--format", "json", target, env=env)
    assert cold.returncode == warm.returncode == 1
    assert warm.stdout == cold.stdout and json.loads(warm.stdout)["files"][0]["findings"]


def test_the_collector_paused_for_start_up_runs_again_once_the_work_starts():
    from planlint import startup
    from planlint.engine import Linter

    was_enabled = gc.isenabled()
    try:
        startup.pause_gc()
        assert not gc.isenabled()
        Linter()
        assert gc.isenabled()
    finally:
        gc.unfreeze()
        gc.enable() if was_enabled else gc.disable()


def test_the_console_script_resumes_the_collector_before_linting(tmp_path):
    """A real process: the collector is on while the plugins run (a plan is linted with it)."""
    probe = tmp_path / "probe.py"
    probe.write_text(
        "import gc, sys\n"
        "import planlint.engine as engine\n"
        "finish = engine.Linter._finish\n"
        "def spy(self, *args, **kwargs):\n"
        "    sys.stderr.write(f'collector {gc.isenabled()}\\n')\n"
        "    return finish(self, *args, **kwargs)\n"
        "engine.Linter._finish = spy\n"
        "sys.argv = ['planlint', 'check', '--format', 'json', sys.argv[1]]\n"
        "from planlint.__main__ import main\n"
        "main()\n")
    import subprocess

    done = subprocess.run([sys.executable, str(probe), str(PLAN)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "collector True" in done.stderr
