"""Plugins installed as packages: found through entry points, guarded when they fail."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from conftest import ROOT, base_text, copy_for_build, install_by_dist_info, run_cli

EXAMPLE_PLUGIN = ROOT / "examples" / "planlint-plugin-eksempel"


BOOM = '''
from planlint import hookimpl
from planlint.rule import Example, rule, rules_of
import sys

@rule(code="BOM001", severity="error", basis="krav", title=("Bum", "Boom"), source="test",
      bad=Example(runnable=False), good=Example(runnable=False))
def check(plan, ctx):
    raise ZeroDivisionError("division by zero in the plugin")

@hookimpl
def planlint_rules():
    return rules_of(sys.modules[__name__])
'''


@pytest.fixture
def site(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    shutil.copytree(EXAMPLE_PLUGIN / "planlint_eksempel", site / "planlint_eksempel")
    install_by_dist_info(site, "planlint_plugin_eksempel", {"eksempel": "planlint_eksempel"}, {})
    return site


def test_installed_plugin_contributes_findings(site, tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(base_text(), encoding="utf-8")
    done = run_cli("check", str(plan), "--format", "json", "--fail-on", "warning", env={"PYTHONPATH": str(site)})
    assert done.returncode == 1, done.stderr
    findings = json.loads(done.stdout)["files"][0]["findings"]
    eks = {(f["code"], f["plugin"], f["path"], f["severity"]) for f in findings}
    assert eks == {
        ("EKS001", "eksempel", "plan.vision", "warning"),
        ("EKS002", "eksempel", "organisation.projektleder", "info"),
    }
    # a missing key is located at the mapping that should hold it
    by_code = {f["code"]: f for f in findings}
    lines = base_text().splitlines()
    assert lines[by_code["EKS001"]["line"] - 1] == "plan:"
    assert lines[by_code["EKS002"]["line"] - 1] == "organisation:"


def test_plugin_that_raises_is_a_finding_and_the_builtins_still_report(site, tmp_path):
    install_by_dist_info(site, "planlint_boom", {"boom": "planlint_boom"}, {"planlint_boom": BOOM})
    plan = tmp_path / "plan.yaml"
    plan.write_text(base_text().replace("samarbejdspartnere: [ek, ab]", "samarbejdspartnere: [ek, ab, abb]"),
                    encoding="utf-8")
    done = run_cli("check", str(plan), "--format", "json", env={"PYTHONPATH": str(site)})
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    findings = json.loads(done.stdout)["files"][0]["findings"]
    codes = {f["code"] for f in findings}
    assert {"PLN020", "PLN009", "EKS001"} <= codes
    crash = next(f for f in findings if f["code"] == "PLN020")
    assert "'boom'" in crash["message"] and "ZeroDivisionError" in crash["message"]
    assert crash["hint"].startswith("Fejlen ligger i pluginet 'boom'")


def test_plugin_that_cannot_be_imported_exits_2(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    install_by_dist_info(site, "planlint_broken", {"broken": "planlint_broken"},
                         {"planlint_broken": "import does_not_exist\n"})
    done = run_cli("check", str(ROOT / "example_plans" / "komplet_plan.yaml"), env={"PYTHONPATH": str(site)})
    assert done.returncode == 2
    assert done.stderr.startswith("planlint: Pluginet 'broken' (planlint_broken) kan ikke indlæses: ModuleNotFoundError")
    assert "Traceback" not in done.stderr


def test_two_plugins_with_the_same_code_exit_2(site):
    twin = (EXAMPLE_PLUGIN / "planlint_eksempel" / "eks001_vision.py").read_text(encoding="utf-8")
    twin += "\nfrom planlint import hookimpl\n\n@hookimpl\ndef planlint_rules():\n    return [check.rule]\n"
    install_by_dist_info(site, "planlint_twin", {"twin": "planlint_twin"}, {"planlint_twin": twin})
    done = run_cli("check", str(ROOT / "example_plans" / "komplet_plan.yaml"), env={"PYTHONPATH": str(site)})
    assert done.returncode == 2
    assert "EKS001" in done.stderr and "'eksempel'" in done.stderr and "'twin'" in done.stderr


def test_wheel_ships_everything_and_finds_installed_plugins(tmp_path, planlint_wheel):
    """``pip install .`` (not editable) into a fresh venv, with the example plugin beside it."""
    wheel = planlint_wheel
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)  # the test run's pip installs into it (--python)
    python = env_dir / "bin" / "python"
    plugin = copy_for_build(EXAMPLE_PLUGIN, tmp_path / "plugin")
    install = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet",
                              "--disable-pip-version-check", str(wheel), str(plugin)], capture_output=True, text=True)
    assert install.returncode == 0, install.stderr
    outside = tmp_path / "elsewhere"  # not the source tree, so nothing is imported from it
    outside.mkdir()
    (outside / "plan.yaml").write_text(base_text(), encoding="utf-8")
    done = subprocess.run([str(env_dir / "bin" / "planlint"), "check", "plan.yaml", "--format", "json"],
                          cwd=outside, capture_output=True, text=True)
    assert done.returncode in (0, 1), done.stderr
    data = json.loads(done.stdout)
    assert data["files"][0]["pulje"] == "2019-2026"
    assert {f["code"] for f in data["files"][0]["findings"]} == {"EKS001", "EKS002"}
    plugins = subprocess.run(
        [str(python), "-c", "from planlint.plugins import build_registry; from planlint.rulepack import load_packs;"
         "print(sorted({r.plugin for r in build_registry().rules.values()}), sorted(load_packs()))"],
        cwd=outside, capture_output=True, text=True)
    assert plugins.stdout.strip() == (
        "['cofinancing', 'core', 'eksempel', 'forankring', 'lbf', 'success'] "
        "['2006-2010', '2011-2014', '2015-2018', '2019-2026']"), plugins.stderr

    def installed(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(env_dir / "bin" / "planlint"), *args], cwd=outside, capture_output=True, text=True)

    # the other commands work from the wheel too: their data (base plan, packs, schema) ships in it
    rules = json.loads(installed("rules", "--format", "json").stdout)["rules"]
    assert {"PLN001", "LBF006", "COF001", "SUC002", "FOR001", "EKS001"} <= {r["code"] for r in rules}
    explain = installed("explain", "COF001")
    assert explain.returncode == 0 and "cfbu-overblik-2006-2010, Offentlig rammesætning" in explain.stdout
    schema = json.loads(installed("schema", "--pulje", "2019-2026").stdout)
    assert "indsatsområder" in schema["properties"]
    init = installed("init", "ny.yaml", "--pulje", "2015-2018")
    assert init.returncode == 0 and installed("check", "ny.yaml", "--select", "PLN").returncode == 0
    report = installed("report", "plan.yaml", "--format", "json")
    assert report.returncode == 0 and json.loads(report.stdout)
    page = installed("report", "plan.yaml", "--html", "rapport.html")  # its templates ship in the wheel
    assert page.returncode == 0 and '<section class="plan"' in (outside / "rapport.html").read_text(encoding="utf-8")


def test_a_hint_in_one_language_only_is_a_plugin_fault(site, tmp_path):
    half = BOOM.replace('raise ZeroDivisionError("division by zero in the plugin")',
                        'yield ctx.finding("plan", da="Noget", en="Something", hint_da="Kun dansk")')
    install_by_dist_info(site, "planlint_half", {"half": "planlint_half"}, {"planlint_half": half})
    plan = tmp_path / "plan.yaml"
    plan.write_text(base_text(), encoding="utf-8")
    done = run_cli("check", str(plan), "--format", "json", env={"PYTHONPATH": str(site)})
    findings = json.loads(done.stdout)["files"][0]["findings"]
    fault = next(f for f in findings if f["code"] == "PLN020")
    assert "'half'" in fault["message"] and "hint_da and hint_en" in fault["message"]


def test_a_plugin_cannot_change_the_plan_the_others_see(site, tmp_path):
    meddler = BOOM.replace('raise ZeroDivisionError("division by zero in the plugin")',
                           'plan.meta.period = None  # would hide the period from every later rule')
    install_by_dist_info(site, "planlint_aaa", {"aaa": "planlint_aaa"}, {"planlint_aaa": meddler})
    plan = tmp_path / "plan.yaml"
    plan.write_text(base_text().replace("slut: 2024-12-31}", "slut: 2026-12-31}", 1), encoding="utf-8")
    done = run_cli("check", str(plan), "--format", "json", env={"PYTHONPATH": str(site)})
    codes = {f["code"] for f in json.loads(done.stdout)["files"][0]["findings"]}
    assert "PLN020" in codes  # the attempt is the plugin's fault, reported
    assert "LBF003" in codes  # and the period is still there for the LBF plugin
