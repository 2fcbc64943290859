"""``planlint init``: a new plan that is valid from the first keystroke."""

from __future__ import annotations

import re
from datetime import date

import pytest
from conftest import codes, edited, lint, run_cli
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from planlint.cli import app

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


# --- dates: --start / --slut, and the default year ----------------------------------

def _data(text: str) -> dict:
    root, _ = yamlparse.parse(text)
    return yamlparse.to_data(root)[0]


def _year_maps(data: dict) -> list[dict]:
    budget = data["budget"]
    criteria = [c for area in data["indsatsområder"] for a in area["aktiviteter"] for c in a["succeskriterier"]]
    return [row["beløb"] for row in budget["finansiering"] + budget["udgifter"]] + [c["mål"] for c in criteria]


@pytest.mark.parametrize(("pulje", "start", "end", "first", "last"), [
    ("2019-2026", 2022, None, 2022, 2025),
    ("2015-2018", None, 2021, 2018, 2021),
    ("2011-2014", 2013, 2017, 2013, 2017),
])
def test_start_and_slut_date_the_period_year_maps_signatures_and_evaluation(pulje, start, end, first, last):
    data = _data(skeleton(pulje, "K", "B", start=start, end=end))
    period = data["plan"]["periode"]
    assert (str(period["start"]), str(period["slut"])) == (f"{first}-01-01", f"{last}-12-31")
    years = list(range(first, last + 1))
    for year_map in _year_maps(data):
        assert sorted(int(y) for y in year_map) == years
    before = [data["afdelinger"][0]["godkendt_afdelingsmøde"], data["samarbejdsaftaler"][0]["dato"],
              *(s["dato"] for s in data["underskrifter"])]
    assert {str(d)[:4] for d in before} == {str(first - 1)}  # approved and signed the year before
    evaluation = data["evaluering"]
    assert str(evaluation["slut"]) == f"{last}-12-31"
    assert first <= int(str(evaluation["midtvejs"])[:4]) < last
    activity = data["indsatsområder"][0]["aktiviteter"][0]
    assert first <= int(str(activity["forankring"]["hvornår"])[:4]) <= last
    assert activity["succeskriterier"][0]["baseline"]["år"] == first - 1
    findings = lint(skeleton(pulje, "K", "B", start=start, end=end)).findings
    assert [f.code for f in findings if f.code in {"PLN008", "COF009", "FOR006", "LBF004"}] == []


@pytest.mark.parametrize(("pulje", "today", "first"), [
    ("2019-2026", date(2022, 3, 1), 2023),   # the next year
    ("2019-2026", date(2026, 12, 2), 2026),  # not after the round's last year
    ("2011-2014", date(2010, 6, 1), 2011),   # a round that has not begun: its first year is the next
    ("2006-2010", date(2026, 12, 2), 2010),  # the round's last year, and the period ends by 2017
])
def test_without_start_the_next_funding_year_is_used(pulje, today, first):
    data = _data(skeleton(pulje, "K", "B", today=today))
    assert str(data["plan"]["periode"]["start"]) == f"{first}-01-01"
    assert [c for c in codes(lint(skeleton(pulje, "K", "B", today=today))) if c.startswith(("PLN", "LBF00"))] == []


def test_the_cli_default_is_next_year_not_the_rounds_first_year():
    done = CliRunner().invoke(app, ["init", "-", "--pulje", "2019-2026"])
    assert done.exit_code == 0
    expected = min(date.today().year + 1, 2026)
    assert f"periode: {{start: {expected}-01-01, slut: {expected + 3}-12-31}}" in done.output


def test_slut_before_start_is_a_usage_error(tmp_path):
    done = CliRunner().invoke(app, ["init", str(tmp_path / "x.yaml"), "--start", "2024", "--slut", "2021",
                                    "--lang", "en"])
    assert done.exit_code == 2
    assert done.output == "planlint: --slut 2021 is before --start 2024; the plan period must end after it starts.\n"
    assert not (tmp_path / "x.yaml").exists()


def test_lang_en_writes_english_comments():
    english = skeleton("2019-2026", "K", "B", lang="en", start=2022)
    danish = skeleton("2019-2026", "K", "B", start=2022)
    comments = [line for line in english.splitlines() if line.lstrip().startswith("#") and "#   - " not in line]
    assert "# Replace every <placeholder> and example; planlint check warns (LBF030) until they are gone." in comments
    assert not any(word in line for line in comments for word in ("Erstat", "Skemaet", "pr. år", "Puljens"))
    assert _data(english)["plan"]["periode"] == _data(danish)["plan"]["periode"]  # only words differ
    assert [c for c in codes(lint(english)) if c != "LBF030"] == []


# --- placeholders: a skeleton never passes as a finished plan (LBF030) ----------------

def test_a_fresh_skeleton_gets_one_warning_per_part_with_placeholders():
    result = lint(skeleton("2019-2026", None, None, start=2022))
    found = [(f.code, f.severity.value, f.path[0]) for f in result.findings]
    assert found == [("LBF030", "warning", part) for part in
                     ("plan", "parter", "afdelinger", "underskrifter", "organisation", "indsatsområder", "budget")]
    messages = [f.message.da for f in result.findings]
    assert all(m.startswith("Udfyld `") for m in messages)
    assert "`<Borgmesterens navn>` (underskrifter[0].navn) og `<Direktørens navn>` (underskrifter[1].navn)" in messages[3]
    assert "eksempelbeløbene" in messages[-1]


def test_a_filled_in_skeleton_has_no_placeholder_warning():
    text = skeleton("2019-2026", "Aarhus Kommune", "Østbo", start=2022)
    filled = re.sub(r'"?<([^<>]+)>"?', lambda m: '"' + m.group(1).replace(",", "").replace("fx ", "") + '"', text)
    filled = filled.replace("2022: 300000", "2022: 290000").replace("2022: 360000", "2022: 350000")
    assert "<" not in filled.split("version: 1", 1)[1]
    assert codes(lint(filled)) == []


def test_a_placeholder_the_author_writes_is_found_and_many_are_counted():
    text = edited(at="indsatsområder[0].aktiviteter[0]", yaml="målgruppe: <udfyld målgruppen>")
    (finding,) = lint(text).findings
    assert finding.code == "LBF030"
    assert finding.path == ("indsatsområder", 0, "aktiviteter", 0, "målgruppe")
    assert finding.message.en == ("Fill in `indsatsområder`: `<udfyld målgruppen>` "
                                  "(indsatsområder[0].aktiviteter[0].målgruppe) is a placeholder from `planlint init`. "
                                  "Write the plan's own details instead.")
    parties = "".join(f"  - {{id: {pid}, navn: <{pid}>, type: {kind}}}\n" for pid, kind in (
        ("lbf", "landsbyggefond"), ("ek", "kommune"), ("bo", "boligorganisation"), ("ab", "afdelingsbestyrelse"),
        ("ngo", "ngo")))
    (finding,) = lint(edited(yaml="parter:\n" + parties)).findings
    assert finding.message.da.startswith("Udfyld `parter`: `<lbf>` (parter[0].navn), `<ek>` (parter[1].navn), "
                                         "`<bo>` (parter[2].navn) og 2 andre er pladsholdere fra `planlint init`.")
