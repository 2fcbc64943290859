"""``planlint init``: a new plan that is valid from the first keystroke."""

from __future__ import annotations

import pytest
from conftest import codes, lint, run_cli
from jsonschema import Draft202012Validator

from planlint import yamlparse
from planlint.init_plan import skeleton
from planlint.rulepack import load_packs
from planlint.schema import build_schema, json_data

PULJER = sorted(load_packs())


@pytest.mark.parametrize("pulje", PULJER)
def test_the_skeleton_has_no_pln_finding_and_matches_the_narrowed_schema(pulje):
    text = skeleton(pulje, "Aarhus Kommune", 'Boligforeningen "Østbo": afd. #1')
    assert [c for c in codes(lint(text)) if c.startswith("PLN")] == []
    root, _ = yamlparse.parse(text)
    data = yamlparse.to_data(root)[0]
    schema = build_schema(pulje)
    assert list(Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
                .iter_errors(json_data(data))) == []
    assert data["plan"]["pulje"] == pulje
    assert [p["navn"] for p in data["parter"]][1:3] == ["Aarhus Kommune", 'Boligforeningen "Østbo": afd. #1']


@pytest.mark.parametrize("pulje", PULJER)
def test_the_skeleton_lists_the_rounds_areas_and_one_complete_activity(pulje):
    text = skeleton(pulje, "K", "B")
    lines = text.splitlines()
    assert lines[0] == "# yaml-language-server: $schema=planlint.schema.json"
    for name in load_packs()[pulje].areas.names:
        assert f"#   - {name}" in lines
    root, _ = yamlparse.parse(text)
    activities = yamlparse.to_data(root)[0]["indsatsområder"][0]["aktiviteter"]
    assert len(activities) == 1
    from planlint.model import Activity, Criterion

    assert set(activities[0]) == {f.alias for f in Activity.model_fields.values()}
    # every key but mål_periode (format 1.1: one target for the period, shown as a comment beside mål)
    assert set(activities[0]["succeskriterier"][0]) == {f.alias for f in Criterion.model_fields.values()} - {"mål_periode"}
    # every key but betingelser (a condition on the hand-over is a FOR warning)
    assert set(activities[0]["forankring"]) == {"hos", "hvordan", "hvornår", "aftale"}


def test_init_writes_the_file_and_refuses_to_overwrite(tmp_path):
    target = tmp_path / "plan.yaml"
    made = run_cli("init", str(target), "--pulje", "2015-2018", "--kommune", "Aarhus Kommune",
                   "--boligorganisation", "Østbo")
    assert made.returncode == 0
    first = target.read_text(encoding="utf-8")
    assert 'pulje: "2015-2018"' in first
    checked = run_cli("check", "--format", "json", str(target))
    assert '"PLN' not in checked.stdout
    again = run_cli("init", str(target), "--pulje", "2019-2026")
    assert again.returncode == 2
    assert again.stderr == f"planlint: Filen '{target}' findes allerede; planlint init overskriver ikke en plan.\n"
    assert target.read_text(encoding="utf-8") == first


def test_init_to_stdout_and_with_a_schema_url():
    result = run_cli("init", "-", "--schema", "https://example.org/planlint.schema.json")
    assert result.returncode == 0
    assert result.stdout.startswith("# yaml-language-server: $schema=https://example.org/planlint.schema.json\n")


def test_init_refuses_an_unknown_pulje(tmp_path):
    result = run_cli("init", str(tmp_path / "x.yaml"), "--pulje", "2027-2030", "--lang", "en")
    assert result.returncode == 2
    assert result.stderr.startswith("planlint: The pulje '2027-2030' does not exist; choose one of: ")
    assert not (tmp_path / "x.yaml").exists()
