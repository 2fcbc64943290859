"""No silent pass: what matches nothing or makes no sense is a usage error (exit 2), never a quiet 0."""

from __future__ import annotations

import types

import pytest
from conftest import EXAMPLES, base_text
from typer.testing import CliRunner

CLEAN = str(EXAMPLES / "komplet_plan.yaml")


def invoke(*args: str, env: dict[str, str] | None = None):
    """The CLI in-process: (exit status, stdout, stderr)."""
    from planlint.cli import app

    done = CliRunner().invoke(app, list(args), env=env)
    return done.exit_code, done.stdout, done.stderr


# --- selectors ----------------------------------------------------------------------

@pytest.mark.parametrize("option, value, said", [
    ("--select", "LBF6", "'LBF6' matches no rule; did you mean LBF006"),
    ("--select", "XYZ", "'XYZ' matches no rule (the prefixes are COF, FOR, LBF, PLN, SUC"),
    ("--ignore", "COF001,XYZ999", "--ignore: 'XYZ999' matches no rule"),
])
def test_a_selector_that_matches_no_rule_is_a_usage_error(option, value, said):
    status, out, err = invoke("check", CLEAN, "--lang", "en", "--format", "text", option, value)
    assert status == 2 and out == ""
    assert said in err and len(err.splitlines()) == 1


@pytest.mark.parametrize("option, value", [("--select", "LBF"), ("--select", "COF00"), ("--ignore", "PLN0"),
                                           ("--select", "SUC001,FOR")])
def test_a_prefix_that_matches_rules_stays_valid(option, value):
    status, _, err = invoke("check", CLEAN, "--format", "text", option, value)
    assert status == 0, err


@pytest.mark.parametrize("config, said", [
    ("ignore: [XYZ999]\n", "linje 1: i 'ignore': 'XYZ999' svarer ikke til nogen regel"),
    ("select: [COF]\nignore: [LBF6]\n", "linje 2: i 'ignore': 'LBF6' svarer ikke til nogen regel; mente du LBF006"),
    ("severity: {COF999: warning}\n", "linje 1: i 'severity': 'COF999' svarer ikke til nogen regel; mente du"),
    ("severity: {COF: warning}\n", "'COF' i 'severity' er ikke en regelkode"),
])
def test_a_configuration_selector_that_matches_no_rule_is_a_usage_error(tmp_path, config, said):
    (tmp_path / "plan.yaml").write_text(base_text(), encoding="utf-8")
    (tmp_path / ".planlint.yaml").write_text(config, encoding="utf-8")
    for command in ("check", "report"):
        status, out, err = invoke(command, str(tmp_path / "plan.yaml"), "--format", "text")
        assert status == 2 and out == ""
        assert said in err, err


def test_a_third_party_plugins_codes_are_known_selectors():
    from planlint.config import ConfigError, Overrides
    from planlint.engine import Linter
    from planlint.hookspecs import hookimpl
    from planlint.plugins import build_registry
    from planlint.rule import Example, rule

    @rule(code="EKS001", severity="warning", title=("T", "T"), source="test",
          bad=Example(runnable=False), good=Example(runnable=False))
    def check(plan, ctx):
        return []

    plugin = types.ModuleType("eks")
    plugin.planlint_rules = hookimpl(lambda: [check.rule])

    class Point:
        name, value = "eks", "eks"

        @staticmethod
        def load():
            return plugin

    registry = build_registry([Point()])
    Linter(overrides=Overrides(select=("EKS",)), registry=registry)
    Linter(overrides=Overrides(ignore=("EKS001",)), registry=registry)
    with pytest.raises(ConfigError, match="'EKS002' matches no rule; did you mean EKS001"):
        Linter(overrides=Overrides(select=("EKS002",)), registry=registry)
