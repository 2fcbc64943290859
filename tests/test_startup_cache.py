"""The start-up cache of compiled validators and rule packs (cache.py) and the paused garbage collector
(startup.py): they may change how fast planlint starts, never what it reports."""

from __future__ import annotations

import gc
import hashlib
import json
import os
import pickle
import sys

import pytest

from conftest import EXAMPLES, install_by_dist_info, run_process

PLAN = EXAMPLES / "komplet_plan.yaml"
PLANS = sorted(EXAMPLES.rglob("*.yaml"))
#: the key of an entry made from no file (a validator)
NO_KEY = hashlib.sha256(b"").hexdigest()


@pytest.fixture
def fresh_cache(monkeypatch, tmp_path):
    """An empty cache folder for in-process tests, and no validator loaded yet."""
    from planlint import cache

    folder = tmp_path / "cache"
    monkeypatch.setenv("PLANLINT_CACHE_DIR", str(folder))
    monkeypatch.delenv("PLANLINT_NO_CACHE", raising=False)
    monkeypatch.setattr(cache, "_loaded", {})
    return folder


def _entries(folder):
    return sorted(path.name for path in folder.glob("*.pickle")) if folder.is_dir() else []


def _findings_of_every_example(monkeypatch, cache) -> list:
    from planlint.engine import Linter

    monkeypatch.setattr(cache, "_loaded", {})
    linter = Linter()
    return [(r.path, r.findings) for r in linter.lint_paths([str(path) for path in PLANS])]


def test_findings_are_the_same_from_the_cache_as_from_a_built_validator(fresh_cache, monkeypatch):
    from planlint import cache

    built = _findings_of_every_example(monkeypatch, cache)  # builds and writes the entries
    assert any(name.startswith("planlint.model.Plan-") for name in _entries(fresh_cache))
    assert any(name.startswith("planlint.rulepack.RulePack-") for name in _entries(fresh_cache))
    cached = _findings_of_every_example(monkeypatch, cache)  # reads them
    monkeypatch.setenv("PLANLINT_NO_CACHE", "1")
    uncached = _findings_of_every_example(monkeypatch, cache)
    assert any(findings for _, findings in built)
    assert cached == built == uncached


def test_a_validator_comes_from_its_entry_once_written(fresh_cache):
    from planlint import cache
    from planlint.model import Plan

    first = cache.validate(Plan, {"version": 1}, context={})
    cache._loaded.clear()
    read = cache._cached(Plan)
    assert read is not Plan.__pydantic_validator__  # unpickled from the entry, not the class's own
    assert read.validate_python({"version": 1}, context={}) == first


@pytest.mark.parametrize("damage", ["garbage", "truncated", "other source"])
def test_a_damaged_or_stale_entry_is_rebuilt_and_the_run_goes_on(fresh_cache, damage):
    from planlint import cache
    from planlint.model import Plan

    cache.validate(Plan, {"version": 1})
    entry = next(fresh_cache.glob("planlint.model.Plan-*.pickle"))
    good = entry.read_bytes()
    if damage == "garbage":
        entry.write_bytes(b"not a pickle")
    elif damage == "truncated":
        entry.write_bytes(good[: len(good) // 2])
    else:  # the model's source changed since the entry was written (a checkout being edited)
        with entry.open("rb") as handle:
            key, sources = pickle.load(handle)
            rest = handle.read()
        sources = {name: "0" * 64 for name in sources}
        entry.write_bytes(pickle.dumps((key, sources)) + rest)
    assert cache._read(entry, NO_KEY) is None
    cache._loaded.clear()
    plan = cache.validate(Plan, {"version": 1})
    assert plan.version == 1
    assert cache._read(entry, NO_KEY) is not None  # written again, whole


def test_the_entry_names_the_modules_whose_source_shapes_the_validator(fresh_cache):
    from planlint import cache
    from planlint.model import Plan

    cache.validate(Plan, {"version": 1})
    entry = next(fresh_cache.glob("planlint.model.Plan-*.pickle"))
    with entry.open("rb") as handle:
        _key, sources = pickle.load(handle)
    assert {"planlint.model", "planlint.scalars", "planlint.format11"} <= set(sources)
    assert not any(name.startswith("pydantic") for name in sources)  # covered by the version in the name


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_a_folder_others_may_write_to_is_not_used(fresh_cache):
    from planlint import cache
    from planlint.model import Plan

    fresh_cache.mkdir()
    fresh_cache.chmod(0o777)
    assert cache.validate(Plan, {"version": 1}).version == 1
    assert _entries(fresh_cache) == []


def test_no_cache_writes_nothing(fresh_cache, monkeypatch):
    from planlint import cache
    from planlint.model import Plan

    monkeypatch.setenv("PLANLINT_NO_CACHE", "1")
    assert cache.cache_folder() is None
    assert cache.validate(Plan, {"version": 1}).version == 1
    assert not fresh_cache.exists()


def test_without_a_home_folder_there_is_no_cache_rather_than_a_folder_named_tilde(monkeypatch):
    import os.path

    from planlint import cache

    for name in ("PLANLINT_CACHE_DIR", "PLANLINT_NO_CACHE", "HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")  # invalid by the XDG spec
    monkeypatch.setattr(os.path, "expanduser", lambda path: path)  # no home folder: "~" stays "~"
    assert cache.cache_folder() is None
    monkeypatch.setenv("XDG_CACHE_HOME", "/var/cache/someone")
    assert str(cache.cache_folder()) == os.path.join("/var/cache/someone", "planlint")


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


def _codes_with_packs(plan, packs) -> list[str]:
    from conftest import run_cli

    done = run_cli("check", "--format", "json", "--rule-packs", str(packs), str(plan))
    assert done.returncode in (0, 1), done.stderr
    return sorted(f["code"] for f in json.loads(done.stdout)["files"][0]["findings"])


def test_a_rule_pack_comes_from_the_cache_until_any_pack_file_of_its_folder_changes(fresh_cache, tmp_path):
    from conftest import ROOT

    packs = tmp_path / "packs"
    packs.mkdir()
    for source in (ROOT / "rules").glob("*.yaml"):
        (packs / source.name).write_bytes(source.read_bytes())
    before = _codes_with_packs(PLAN, packs)
    assert any(name.startswith("rulepack") for name in _entries(fresh_cache))
    assert _codes_with_packs(PLAN, packs) == before  # read from the entry
    assert "COF001" not in before
    # the pulje's pack extends base.yaml: raising the local share there must reach the plan
    base = packs / "base.yaml"
    base.write_text(base.read_text(encoding="utf-8").replace("local_min_percent: 25", "local_min_percent: 60"),
                    encoding="utf-8")
    assert "COF001" in _codes_with_packs(PLAN, packs)
    # and a pack broken after it was cached is reported, not served from the cache
    base.write_text(base.read_text(encoding="utf-8").replace("local_min_percent: 60", "local_min_percent: [60]"),
                    encoding="utf-8")
    from conftest import run_cli

    done = run_cli("check", "--format", "json", "--rule-packs", str(packs), str(PLAN))
    assert done.returncode == 2 and "base.yaml" in done.stderr


def _found(group: str = "planlint") -> list[tuple[str, str]]:
    from planlint.plugin_finder import entry_points

    return sorted((point.name, point.value) for point in entry_points(group))


def _metadata_says(group: str = "planlint") -> list[tuple[str, str]]:
    from importlib.metadata import entry_points

    return sorted((point.name, point.value) for point in entry_points(group=group))


def test_the_plugin_list_comes_from_the_cache_until_a_distribution_on_the_path_changes(
        fresh_cache, tmp_path, monkeypatch):
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.syspath_prepend(str(site))
    builtin = _metadata_says()
    assert {name for name, _ in builtin} >= {"cofinancing", "forankring", "lbf", "success"}
    assert _found() == builtin  # a miss: importlib.metadata answers, the answer is written
    assert any(name.startswith("entry_points_planlint-") for name in _entries(fresh_cache))
    assert _found() == builtin  # a hit
    info = install_by_dist_info(site, "planlint_extra", {"extra": "extra_module"})  # after the list was cached
    assert _found() == _metadata_says() == sorted(builtin + [("extra", "extra_module")])
    # the same distribution rewritten in place (an editable reinstall)
    (info / "entry_points.txt").write_text(
        "[planlint]\nextra = other_module:plugin\n", encoding="utf-8")
    assert _found() == sorted(builtin + [("extra", "other_module:plugin")])
    import shutil

    shutil.rmtree(info)  # uninstalled
    assert _found() == builtin
    # a group no one provides is an empty list, from the cache too
    assert _found("planlint-nobody") == [] == _found("planlint-nobody")


def test_a_point_from_the_cache_loads_as_importlib_metadata_loads_it(fresh_cache, tmp_path, monkeypatch):
    site = tmp_path / "site"
    (site / "found_plugin").mkdir(parents=True)
    (site / "found_plugin" / "__init__.py").write_text("class Hooks:\n    marker = 'found'\n", encoding="utf-8")
    install_by_dist_info(site, "found_plugin", {"found": "found_plugin:Hooks"})
    monkeypatch.syspath_prepend(str(site))
    from planlint.plugin_finder import entry_points

    entry_points("planlint")  # written
    (point,) = [point for point in entry_points("planlint") if point.name == "found"]  # read
    assert point.load().marker == "found"


def test_a_finder_of_distributions_besides_the_standard_one_is_asked_every_time(fresh_cache, monkeypatch):
    from importlib.metadata import Distribution

    class Finder:
        """A meta path finder that also knows distributions (as a zip-app or an embedded Python may)."""

        entry_points = "[planlint]\nfirst = first_module\n"

        def find_spec(self, *args):
            return None

        def find_distributions(self, context=None):
            finder = self

            class Found(Distribution):
                def read_text(self, filename):
                    return {"METADATA": "Metadata-Version: 2.1\nName: finder-dist\nVersion: 1\n",
                            "entry_points.txt": finder.entry_points}.get(filename)

                def locate_file(self, path):
                    return path

            return iter([Found()])

    finder = Finder()
    monkeypatch.setattr(sys, "meta_path", [finder, *sys.meta_path])
    assert ("first", "first_module") in _found()
    finder.entry_points = "[planlint]\nsecond = second_module\n"
    found = _found()
    assert ("second", "second_module") in found and ("first", "first_module") not in found
    assert not any(name.startswith("entry_points_") for name in _entries(fresh_cache))


def test_a_path_entry_that_is_not_text_makes_the_plugin_list_be_read_afresh(fresh_cache, monkeypatch, tmp_path):
    from pathlib import Path

    site = tmp_path / "site"
    install_by_dist_info(site, "planlint_on_a_path_object", {"onpath": "onpath_module"})
    monkeypatch.setattr(sys, "path", [*sys.path, Path(site)])  # a Path, not a str: importlib reads it
    assert _found() == _metadata_says()
    assert ("onpath", "onpath_module") in _found()
    assert not any(name.startswith("entry_points_") for name in _entries(fresh_cache))
