"""Format 1.1 (additive keys for real plans), the grouped terminal report, --statistics,
--min-severity, and the fidelity fixes found by transcribing Rum for Liv."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from conftest import EXAMPLES, base_text, edited, line_of, lint

from planlint.model import PartialDate, earliest, latest

ACTIVITY = "indsatsområder[0].aktiviteter[0]"
FORANKRING = ACTIVITY + ".forankring"
CRITERION = ACTIVITY + ".succeskriterier[0]"


def findings(text: str, code: str) -> list:
    return [f for f in lint(text).findings if f.code == code]


def all_codes(text: str) -> list[str]:
    return [f.code for f in lint(text).findings]


def replace(old: str, new: str, text: str | None = None) -> str:
    text = base_text() if text is None else text
    assert old in text, old
    return text.replace(old, new, 1)


# --- version -------------------------------------------------------------------------------------

@pytest.mark.parametrize("version", ["1.1", '"1.1"', "1"])
def test_version_1_1_is_accepted_and_the_plan_stays_clean(version):
    assert all_codes(replace("version: 1\n", f"version: {version}\n")) == []


def test_an_unknown_version_is_still_a_format_error():
    text = replace("version: 1\n", "version: 2\n")
    assert [(f.code, f.line) for f in lint(text).findings] == [("PLN006", 3)]


# --- 1. partial dates ----------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["2020-09", "2020", '"2020-09"'])
def test_a_month_or_a_year_is_a_date_of_approval_signature_and_agreement(value):
    text = replace("godkendt_afdelingsmøde: 2020-09-15", f"godkendt_afdelingsmøde: {value}")
    text = replace("dato: 2020-10-02}", f"dato: {value}}}", text)
    text = replace("status: underskrevet, dato: 2020-10-01,", f"status: underskrevet, dato: {value},", text)
    assert all_codes(text) == []


def test_a_month_that_does_not_exist_is_a_format_error_at_its_line():
    text = replace("godkendt_afdelingsmøde: 2020-09-15", "godkendt_afdelingsmøde: 2020-13")
    [finding] = lint(text).findings
    assert (finding.code, finding.line) == ("PLN005", line_of(text, "godkendt_afdelingsmøde"))


def test_partial_dates_compare_conservatively():
    april = PartialDate(2012, 4)
    assert (earliest(april), latest(april)) == (date(2012, 4, 1), date(2012, 4, 30))
    assert latest(PartialDate(2012)) == date(2012, 12, 31) and str(april) == "2012-04"
    assert earliest(date(2012, 4, 24)) == latest(date(2012, 4, 24)) == date(2012, 4, 24)


# --- 2. period in years --------------------------------------------------------------------------

def test_a_period_in_years_runs_from_the_first_to_the_last_day():
    assert all_codes(replace("periode: {start: 2021-01-01, slut: 2024-12-31}",
                             "periode: {start: 2021, slut: 2024}")) == []
    text = replace("periode: {start: 2021-01-01, slut: 2024-12-31}", "periode: {start: 2021, slut: 2025}")
    [finding] = [f for f in lint(text).findings if f.code == "LBF003"]
    assert finding.line == line_of(text, "periode:") and "2021-01-01 – 2025-12-31" in finding.message.da


# --- 3. agreement status indgået -----------------------------------------------------------------

def test_an_agreed_agreement_commits_with_an_info_that_a_signature_is_stronger():
    text = edited("samarbejdsaftaler[0]", "status: indgået")
    [finding] = lint(text).findings
    assert (finding.code, finding.severity.value, finding.line) == ("FOR008", "info", line_of(text, "aftale: sa-job"))
    assert "`status: underskrevet`" in finding.message.da


# --- 4. units of a party, and C15: the applicant's own organisation ------------------------------

_DRIFT = "  - {id: bo-drift, navn: Driften, type: boligorganisation, hører_under: bo}\n"


def _with_unit(text: str, unit: str = _DRIFT) -> str:
    return replace("afdelinger:\n", unit + "afdelinger:\n", text)


def _anchored_in(who: str, text: str | None = None) -> str:
    """The base plan with ``hos: [who]`` and no ``aftale`` on its activity's forankring."""
    text = replace("          hos: [ek]\n", f"          hos: [{who}]\n", text)
    return replace("          aftale: sa-job\n", "", text)


def test_forankring_in_a_unit_of_the_applicant_needs_no_agreement_and_no_partnership():
    assert all_codes(_anchored_in("bo-drift", _with_unit(base_text()))) == []


def test_the_applicants_own_organisation_is_not_asked_for_an_agreement_with_itself():
    text = replace("parter: [ek, bo]", "parter: [ek, ab]", _anchored_in("bo"))
    assert all_codes(text) == []  # FOR008 and FOR011 fired here before (format 1 plan)


def test_another_party_without_an_agreement_is_still_reported():
    text = replace("parter: [ek, bo]", "parter: [bo, ab]", _anchored_in("ek"))
    assert [(f.code, f.line) for f in lint(text).findings] == [("FOR008", line_of(text, "hos: [ek]"))]


def test_a_unit_is_committed_by_its_parents_agreement():
    text = _with_unit(base_text(), "  - {id: ek-job, navn: Jobcentret, type: kommune, hører_under: ek}\n")
    assert all_codes(_anchored_in("ek-job", text)) == []


def test_a_unit_of_an_unknown_part_is_an_unknown_reference():
    text = _with_unit(base_text(), "  - {id: bo-drift, navn: Driften, type: boligorganisation, hører_under: bx}\n")
    [finding] = lint(text).findings
    assert (finding.code, finding.line) == ("PLN009", line_of(text, "bo-drift"))


# --- 5. either/or receivers ----------------------------------------------------------------------

def test_an_undecided_receiver_is_an_info_and_satisfies_who():
    text = edited(FORANKRING, "hos_en_af: [ek, ab]", remove=("hos",))
    [finding] = lint(text).findings
    assert (finding.code, finding.severity.value, finding.line) == ("FOR002", "info", line_of(text, "hos_en_af"))
    assert "ek og ab" in finding.message.da


def test_one_candidate_is_a_decision():
    assert all_codes(edited(FORANKRING, "hos_en_af: [ek]", remove=("hos",))) == []


def test_an_unknown_candidate_is_an_unknown_reference():
    text = replace("          hos: [ek]\n", "          hos_en_af: [ek, xx]\n")
    assert [(f.code, f.line) for f in lint(text).findings if f.code.startswith("PLN")] == \
        [("PLN009", line_of(text, "hos_en_af"))]


# --- 6. area-level boxes -------------------------------------------------------------------------

_AREA_BOXES = """\
    succeskriterier:
      - beskrivelse: 40 ledige beboere om året starter i job eller uddannelse
        indikator: Antal deltagere, der starter i job eller uddannelse
        niveau: resultat
        enhed: personer
        baseline: {værdi: 20, år: 2020, kilde: Jobcentrets opgørelse 2020}
        mål_periode: 130
        datakilde: Jobcentrets registreringer
    forankring:
      hos: [ek]
      hvornår: 2023-12-31
      aftale: sa-job
"""


def _without_boxes() -> str:
    """The base plan whose activity has neither succeskriterier nor forankring."""
    text = base_text()
    start, end = text.index("        succeskriterier:\n"), text.index("          aftale: sa-job\n")
    return text[:start] + text[end + len("          aftale: sa-job\n"):]


def test_an_areas_boxes_stand_for_its_activities_and_are_judged_once_at_the_area():
    text = replace("    aktiviteter:\n", _AREA_BOXES + "    aktiviteter:\n", _without_boxes())
    [finding] = lint(text).findings  # no SUC001, no FOR001: the area's boxes apply
    assert (finding.code, finding.line) == ("FOR003", line_of(text, "    forankring:"))
    assert finding.message.da.startswith("Indsatsområde besk Beskæftigelse: forankringen siger ikke hvordan")


def test_the_report_gives_an_activity_its_areas_boxes():
    from planlint_plugins.forankring import planlint_facts as forankring_facts
    from planlint_plugins.success import planlint_facts as success_facts

    text = replace("    aktiviteter:\n", _AREA_BOXES.replace("      hvornår", "      hvordan: Jobcentret\n      hvornår")
                   + "    aktiviteter:\n", _without_boxes())
    plan = _model(text)
    assert forankring_facts(plan, None)["forankring"]["A1"]["complete"] is True
    assert success_facts(plan, None)["criteria"]["A1"]["complete"] is True


def _model(text: str):
    from planlint import yamlparse
    from planlint.model import Plan

    assert all_codes(text) == []

    return Plan.model_validate(yamlparse.to_data(yamlparse.parse(text)[0])[0])


# --- 7. period targets ---------------------------------------------------------------------------

def test_a_period_target_is_a_target_for_every_year():
    assert all_codes(edited(CRITERION, "mål_periode: 130", remove=("mål",))) == []


def test_a_period_target_below_the_baseline_is_reported_at_it():
    text = edited(CRITERION, "mål_periode: 10", remove=("mål",))
    [finding] = lint(text).findings
    assert (finding.code, finding.line) == ("SUC011", line_of(text, "mål_periode"))


def test_a_period_target_outside_0_100_percent_is_reported_at_it():
    text = edited(CRITERION, "enhed: procent\nbaseline: {værdi: 20, år: 2020, kilde: X}\nmål_periode: 120",
                  remove=("mål",))
    assert [(f.code, f.line) for f in lint(text).findings] == [("SUC009", line_of(text, "mål_periode"))]


# --- 8. hour ranges ------------------------------------------------------------------------------

_RESOURCE = "medarbejderressourcer: [{rolle: jobkonsulent, timer_pr_uge: 37}]"


def test_an_hour_range_counts_with_its_upper_bound_and_is_shown_as_written():
    text = replace(_RESOURCE, 'medarbejderressourcer: [{rolle: jobkonsulent, timer_pr_uge: "30-38"}]')
    [finding] = lint(text).findings
    assert (finding.code, finding.line) == ("LBF014", line_of(text, "{rolle: jobkonsulent, timer_pr_uge: 37, part"))
    assert "A1 Fremskudt jobcenter (30-38 t)" in finding.message.da
    assert all_codes(replace(_RESOURCE, 'medarbejderressourcer: [{rolle: jobkonsulent, timer_pr_uge: "1-37"}]')) == []


def test_a_reversed_range_is_a_format_error():
    text = replace(_RESOURCE, 'medarbejderressourcer: [{rolle: jobkonsulent, timer_pr_uge: "3-1"}]')
    assert [(f.code, f.line) for f in lint(text).findings] == [("PLN005", line_of(text, '"3-1"'))]


# --- 9. financing not yet secured ----------------------------------------------------------------

def test_sought_money_is_a_warning_naming_the_part_and_counts_in_no_share():
    row = "    - {part: ab, type: kontant, status: søges}\n"
    text = replace("  udgifter:\n", row + "  udgifter:\n")
    [finding] = lint(text).findings  # no PLN004 for the missing beløb, no share changes
    assert (finding.code, finding.severity.value, finding.line) == ("COF012", "warning", line_of(text, "søges"))
    assert "Afdelingsbestyrelsen i Eksempelparken" in finding.message.da


def test_sought_money_with_an_amount_names_it_and_does_not_balance_the_budget():
    row = "    - {part: ek, type: kontant, status: søges, beløb: {2021: 900000}}\n"
    text = replace("  udgifter:\n", row + "  udgifter:\n")
    assert all_codes(text) == ["COF012"]
    assert "900.000 kr." in findings(text, "COF012")[0].message.da


def test_a_granted_row_still_needs_its_amounts():
    text = replace("    - {part: bo, type: kontant, beløb: {2021: 50000, 2022: 50000, 2023: 50000, 2024: 50000}}",
                   "    - {part: bo, type: kontant, status: bevilget}")
    assert "PLN004" in all_codes(text)


# --- 10. the plan's own words --------------------------------------------------------------------

def test_source_text_local_evaluation_and_goals_are_accepted():
    text = edited(ACTIVITY, "kildetekst: Aktiviteten forankres i jobcentret\nlokal_evaluering: I styregruppen")
    text = replace("  status: indsendt\n", "  status: indsendt\n  kildetekst: Visionen\n"
                   "  mål:\n    - {beskrivelse: Flere i job, kildetekst: Målsætningen}\n", text)
    assert all_codes(text) == []


def test_a_goals_criteria_are_checked_like_an_activitys():
    text = replace("  status: indsendt\n", "  status: indsendt\n  mål:\n    - beskrivelse: Flere i job\n"
                   "      succeskriterier:\n        - {beskrivelse: Ledigheden falder, niveau: effekt, enhed: procent,"
                   " mål_periode: 10, datakilde: Danmarks Statistik, baseline: {værdi: 12, år: 2020}}\n")
    [finding] = lint(text).findings
    assert (finding.code, finding.line) == ("SUC002", line_of(text, "- {beskrivelse: Ledigheden falder"))
    assert finding.message.da.startswith("Planens mål 1, succeskriterium 1")


# --- the example plan and the schema -------------------------------------------------------------

def test_the_1_1_example_plan_validates_against_the_schema():
    import jsonschema

    from planlint import yamlparse
    from planlint.schema import json_data, schema_text

    text = (EXAMPLES / "rum_for_liv_1_1.yaml").read_text(encoding="utf-8")
    data = json_data(yamlparse.to_data(yamlparse.parse(text)[0])[0])
    jsonschema.validate(data, json.loads(schema_text()))


def test_init_writes_a_1_1_skeleton_that_lints_clean():
    """Clean but for LBF030, which warns about init's placeholders until they are filled in."""
    from planlint.init_plan import skeleton

    text = skeleton("2019-2026", "Kommunen", "Boligorganisationen", "planlint.schema.json")
    assert "version: 1.1\n" in text and [c for c in all_codes(text) if c != "LBF030"] == []


# --- B11: the terminal report groups repeats -----------------------------------------------------

def _rich(name: str, show_all: bool = False) -> str:
    from planlint.engine import Linter
    from planlint.formatters import FormatOptions
    from planlint.formatters.rich_format import write

    result = Linter().lint_file(EXAMPLES / name)
    stream = io.StringIO()
    write([result], FormatOptions(width=100, show_all=show_all), stream)
    return stream.getvalue()


@pytest.mark.parametrize("name", ["rum_for_liv.yaml", "rum_for_liv_1_1.yaml"])
def test_a_real_plans_report_fits_200_lines_without_losing_a_rule_code(linter, name):
    out = _rich(name)
    codes = {f.code for f in linter.lint_file(EXAMPLES / name).findings}
    assert len(out.splitlines()) <= 200
    assert all(max(len(line) for line in out.splitlines()) <= 100 for _ in [0])
    assert all(f" {code} " in out for code in codes)
    assert "… og 42 flere SUC005 i denne fil" in out or "… og 43 flere SUC005 i denne fil" in out


def test_show_all_shows_every_occurrence():
    out = _rich("rum_for_liv.yaml", show_all=True)
    assert out.count(" SUC005 advarsel: ") == 45 and "--show-all" not in out


# --- B12/B13: --statistics and --min-severity ----------------------------------------------------

def _cli(*args: str):
    from typer.testing import CliRunner

    from planlint.cli import app

    return CliRunner().invoke(app, list(args))


def test_statistics_one_line_per_code_most_frequent_first():
    result = _cli("check", str(EXAMPLES / "rum_for_liv.yaml"), "--statistics", "--lang", "en")
    lines = result.stdout.splitlines()
    assert result.exit_code == 1
    assert lines[0].split()[:3] == ["45", "SUC005", "warning"] and "baseline" in lines[0]
    assert [int(line.split()[0]) for line in lines] == sorted((int(line.split()[0]) for line in lines), reverse=True)
    assert lines[-1].split()[:2] == ["1", "SUC015"]


def test_statistics_as_json():
    result = _cli("check", str(EXAMPLES / "defekter" / "mangler_underskrift.yaml"), "--statistics", "-f", "json")
    assert json.loads(result.stdout) == [
        {"code": "LBF006", "count": 1, "severity": ["error"], "title": "En underskrift mangler"}]
    assert result.exit_code == 1


def test_min_severity_hides_but_does_not_change_the_exit_status():
    path = str(EXAMPLES / "defekter" / "forankring_uden_hvordan_hvornaar.yaml")
    shown = _cli("check", path, "-f", "text", "--min-severity", "error", "--fail-on", "warning")
    assert (shown.stdout, shown.exit_code) == ("", 1)
    assert _cli("check", path, "-f", "text", "--min-severity", "warning").stdout.count("FOR00") == 2


@pytest.mark.parametrize("args", [("--show-all", "-f", "json"), ("--statistics", "-f", "sarif")])
def test_options_that_make_no_sense_together_are_usage_errors(args):
    assert _cli("check", str(EXAMPLES / "komplet_plan.yaml"), *args).exit_code == 2


# --- C14-C17: fidelity and wording ---------------------------------------------------------------

def test_lbf005_rationale_cites_the_replacement_of_the_self_evaluation():
    from planlint_plugins.lbf import RULES

    [rule] = [r for r in RULES if r.code == "LBF005"]
    text = rule.rationale.get("en") if hasattr(rule.rationale, "get") else str(rule.rationale)
    assert "afløser selvevalueringerne" in text and "keep the practice" not in text


def test_suc015_says_it_read_the_description_when_there_is_no_indicator():
    text = edited(CRITERION, "beskrivelse: 100 beboere deltog\nenhed: fremmøder", remove=("indikator",))
    [finding] = findings(text, "SUC015")
    assert "beskrivelsen handler om personer" in finding.message.da
    assert "the description is about persons" in finding.message.en


def test_lbf012_says_state_not_sign():
    [finding] = findings(edited("evaluering", "ekstern: true", remove=("midtvejs", "slut")), "LBF012")
    assert finding.message.da.startswith("Evalueringen har ingen datoer. Angiv under `evaluering`,")


def test_for003_does_not_stutter():
    [finding] = findings(edited(FORANKRING, remove=("hvordan",)), "FOR003")
    assert "`hvordan`, hvordan" not in finding.message.da and "på hvilken måde" in finding.message.da


def test_long_lists_are_cut_after_three_names():
    from planlint.i18n import join

    assert join(["a", "b", "c", "d", "e", "f", "g"], "da", limit=3) == "a, b, c og 4 andre"
    assert join(["a", "b", "c", "d"], "en", limit=3) == "a, b, c and 1 other"
    assert join(["a", "b", "c"], "da", limit=3) == "a, b og c"


def test_lbf010_names_the_body_as_the_plan_does():
    def message(pulje_text: str, board_name: str) -> str:
        text = replace("    navn: Den boligsociale bestyrelse\n", board_name)
        text = replace("      - {navn: Kommunaldirektør, part: ek, rolle: formand}\n", "", text)
        return findings(pulje_text and replace('pulje: "2019-2026"', pulje_text, text) or text, "LBF010")[0].message.da

    assert "intet medlem i styregruppen;" in message("", "    navn: Styregruppen\n")
    assert "intet medlem i den boligsociale bestyrelse;" in message("", "")
