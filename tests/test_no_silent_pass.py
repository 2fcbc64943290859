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

    @rule(code="EKS001", severity="warning", basis="anbefaling", title=("T", "T"), source="test",
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


# --- the small ones -------------------------------------------------------------------

def test_an_empty_folder_is_a_usage_error_for_check_and_report(tmp_path):
    for command in ("check", "report"):
        status, out, err = invoke(command, str(tmp_path), "--lang", "en")
        assert (status, out) == (2, "")
        assert err == f"planlint: There are no plan files (*.yaml, *.yml) to check in {tmp_path}.\n"


@pytest.mark.parametrize("value", ["fr", "EN", "dansk"])
def test_an_unknown_planlint_lang_is_a_usage_error_naming_the_languages(value):
    for args in (("check", CLEAN), ("report", CLEAN), ("rules",), ("schema",)):
        status, out, err = invoke(*args, env={"PLANLINT_LANG": value})
        assert (status, out) == (2, "")
        assert f"PLANLINT_LANG='{value}'" in err and "da eller en" in err


def test_planlint_lang_en_still_works():
    status, out, _ = invoke("check", CLEAN, "--format", "text", env={"PLANLINT_LANG": "en"})
    assert status == 0


def test_a_duplicate_key_in_the_configuration_is_rejected(tmp_path):
    (tmp_path / "plan.yaml").write_text(base_text(), encoding="utf-8")
    (tmp_path / ".planlint.yaml").write_text("fail-on: info\nlang: en\nfail-on: error\n", encoding="utf-8")
    status, out, err = invoke("check", str(tmp_path), "--format", "text")
    assert (status, out) == (2, "")
    assert err == (f"planlint: Ugyldig konfiguration i {tmp_path / '.planlint.yaml'}, linje 3: "
                   "nøglen 'fail-on' står to gange (første gang i linje 1).\n")


def test_an_unreadable_file_in_text_output_has_no_made_up_position(tmp_path):
    (tmp_path / "plan.yaml").symlink_to(tmp_path / "gone.yaml")  # PLN011 without a line
    status, out, _ = invoke("check", str(tmp_path / "plan.yaml"), "--format", "text")
    assert status == 1
    assert out == (f"{tmp_path / 'plan.yaml'}: PLN011 error "
                   "Filen er et symbolsk link til noget, der ikke findes.\n")


def test_english_lbf006_has_no_stray_braces():
    text = base_text().replace("  - {part: bo, navn: Direktøren, dato: 2020-10-02}\n", "")
    from conftest import lint

    [finding] = [f for f in lint(text).findings if f.code == "LBF006"]
    assert "{part: bo, navn: ..., dato: ...}" in finding.message.en
    assert "{part: bo, navn: ..., dato: ...}" in finding.message.da
    assert "}}" not in finding.message.en and "{{" not in finding.message.en


def test_os_errors_are_translated_in_danish_messages(tmp_path):
    import errno

    from planlint.oserrors import reason

    assert reason(OSError(errno.ENOENT, "No such file or directory")) == (
        "filen eller mappen findes ikke", "no such file or directory")
    status, out, err = invoke("check", CLEAN, "-o", str(tmp_path / "nej" / "r.json"))
    assert status == 2 and out == ""
    assert err == (f"planlint: Rapporten kan ikke skrives til '{tmp_path / 'nej' / 'r.json'}': "
                   "filen eller mappen findes ikke.\n")
    status, _, err = invoke("check", CLEAN, "-o", str(tmp_path / "nej" / "r.json"), "--lang", "en")
    assert err.endswith(": no such file or directory.\n")
    (tmp_path / "plan.yaml").write_text(base_text(), encoding="utf-8")
    (tmp_path / ".planlint.yaml").mkdir()
    status, _, err = invoke("check", str(tmp_path / "plan.yaml"), "--config", str(tmp_path / ".planlint.yaml"))
    assert status == 2 and "mappe" in err
