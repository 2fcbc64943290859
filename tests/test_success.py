"""The success-criteria plugin (SUC): codes, lines, severities and messages a user sees."""

from __future__ import annotations

import pytest
from conftest import EXAMPLES, base_text, edited, line_of, lint

ACTIVITY = "indsatsområder[0].aktiviteter[0]"

# a complete criterion for the base plan's period 2021-2024, to build variants from
COMPLETE = {
    "beskrivelse": "40 ledige beboere om året starter i job",
    "indikator": "Antal deltagere, der starter i job eller uddannelse",
    "niveau": "resultat",
    "enhed": "personer",
    "baseline": "{værdi: 20, år: 2020, kilde: Jobcentret}",
    "mål": "{2021: 25, 2022: 30, 2023: 35, 2024: 40}",
    "datakilde": "Jobcentrets registreringer",
}


def criterion_yaml(**changes: str | None) -> str:
    """One criterion as a YAML list item (flow values kept on one line); None drops a key."""
    fields = {**COMPLETE, **changes}
    lines = [f"{key}: {value}" for key, value in fields.items() if value is not None]
    return "  - " + "\n    ".join(lines) + "\n"


def with_criteria(*criteria: str, at: str = ACTIVITY) -> str:
    """The base plan whose first activity has exactly these criteria (written as text)."""
    marker = "succeskriterier: __CRITERIA__"
    text = edited(at=at, yaml=marker)
    line = text.splitlines()[line_of(text, marker) - 1]
    indent = line[: len(line) - len(line.lstrip())]
    block = "\n".join(indent + row for row in "".join(criteria).rstrip("\n").split("\n"))
    return text.replace(marker, "succeskriterier:\n" + block)


def suc(result) -> list[tuple[str, int, str]]:
    return [(f.code, f.line, f.severity.value) for f in result.findings if f.code.startswith("SUC")]


def only(result, code: str):
    found = [f for f in result.findings if f.code == code]
    assert len(found) == 1, [(f.code, f.line) for f in result.findings]
    return found[0]


def no_crash(result) -> None:
    assert not [f for f in result.findings if f.code in ("PLN019", "PLN020", "PLN021", "PLN022")]


# --- clean plans --------------------------------------------------------------

def test_base_plan_has_no_suc_finding():
    assert suc(lint(base_text())) == []


@pytest.mark.parametrize("name", ["komplet_plan.yaml", "tryg_og_aktiv_2016.yaml"])
def test_clean_example_plans_have_no_suc_finding(name):
    path = EXAMPLES / name
    if not path.exists():
        pytest.skip(f"{name} not written yet")
    assert suc(lint(path.read_text(encoding="utf-8"))) == []


def test_complete_criterion_helper_is_clean():
    # guards the helpers below: the criterion they build from is complete
    assert suc(lint(with_criteria(criterion_yaml()))) == []


def test_every_rule_example_runs():
    from planlint_plugins.success import RULES

    from planlint.examples import example_text

    assert [r.code for r in RULES] == [f"SUC{n:03d}" for n in range(1, 16)]
    for r in RULES:
        assert r.code in [f.code for f in lint(example_text(r.bad)).findings], r.code
        good = lint(example_text(r.good))
        assert r.code not in [f.code for f in good.findings], r.code
        no_crash(good)


# --- SUC001: no criteria ---------------------------------------------------------

def test_main_activity_without_criteria_is_a_warning_at_the_activity():  # basis anbefaling
    text = edited(at=ACTIVITY, remove=("succeskriterier",))
    finding = only(lint(text), "SUC001")
    assert (finding.line, finding.severity.value) == (line_of(text, "- id: A1"), "warning")
    assert "A1 Fremskudt jobcenter" in finding.message.da
    assert "Tilføj `succeskriterier`" in finding.message.da
    assert "Add `succeskriterier`" in finding.message.en


def test_other_activity_without_criteria_is_a_warning():
    text = edited(at=ACTIVITY, yaml="hovedaktivitet: false", remove=("succeskriterier",))
    assert only(lint(text), "SUC001").severity.value == "warning"


def test_empty_criteria_list_is_reported_at_its_key():
    text = edited(at=ACTIVITY, yaml="succeskriterier: []")
    assert only(lint(text), "SUC001").line == line_of(text, "succeskriterier: []")


def test_criteria_of_the_wrong_type_are_a_schema_error_only():
    result = lint(edited(at=ACTIVITY, yaml="succeskriterier: se bilag 3"))
    assert "PLN005" in [f.code for f in result.findings]
    assert "SUC001" not in [f.code for f in result.findings]


# --- SUC002-SUC007: missing components ---------------------------------------------

@pytest.mark.parametrize("code,key,severity,fix_da,fix_en", [
    ("SUC002", "indikator", "warning", "Tilføj `indikator`", "Add `indikator`"),  # basis anbefaling
    ("SUC003", "enhed", "warning", "Tilføj `enhed`", "Add `enhed`"),
    ("SUC004", "mål", "warning", "Tilføj `mål` med et tal for hvert år 2021-2024",
     "Add `mål` with a number for every year 2021-2024"),
    ("SUC005", "baseline", "warning", "Tilføj `baseline`", "Add `baseline`"),
    ("SUC006", "datakilde", "warning", "Tilføj `datakilde`", "Add `datakilde`"),
    ("SUC007", "niveau", "warning", "Tilføj `niveau`", "Add `niveau`"),
])
def test_missing_component_is_reported_at_the_criterion(code, key, severity, fix_da, fix_en):
    text = with_criteria(criterion_yaml(), criterion_yaml(beskrivelse="Andet kriterium", **{key: None}))
    result = lint(text)
    assert suc(result) == [(code, line_of(text, "- beskrivelse: Andet kriterium"), severity)]
    finding = only(result, code)
    assert "A1 Fremskudt jobcenter, succeskriterium 2 (\"Andet kriterium\")" in finding.message.da
    assert "success criterion 2" in finding.message.en
    assert fix_da in finding.message.da
    assert fix_en in finding.message.en


@pytest.mark.parametrize("key,code", [("indikator", "SUC002"), ("enhed", "SUC003"), ("datakilde", "SUC006")])
def test_blank_text_counts_as_missing(key, code):
    text = with_criteria(criterion_yaml(**{key: '""'}))
    assert [c for c, _, _ in suc(lint(text))] == [code]


def test_empty_targets_are_missing_targets():
    text = with_criteria(criterion_yaml(mål="{}"))
    assert suc(lint(text)) == [("SUC004", line_of(text, "mål: {}"), "warning")]


@pytest.mark.parametrize("key,value", [("mål", "mange"), ("baseline", "20")])
def test_a_rejected_value_is_a_schema_error_not_a_missing_one(key, value):
    result = lint(with_criteria(criterion_yaml(**{key: value})))
    assert "PLN005" in [f.code for f in result.findings]
    assert suc(result) == []


def test_baseline_without_value_points_at_the_baseline():
    text = with_criteria(criterion_yaml(baseline="{år: 2020, kilde: Jobcentret}"))
    finding = only(lint(text), "SUC005")
    assert finding.line == line_of(text, "baseline: {år: 2020")
    assert "Tilføj `værdi`" in finding.message.da
    assert "Add `værdi`" in finding.message.en


# --- SUC008: a target for every plan year ---------------------------------------------

def test_missing_years_are_named_at_the_targets():
    text = with_criteria(criterion_yaml(mål="{2021: 25}"))
    finding = only(lint(text), "SUC008")
    assert (finding.line, finding.severity.value) == (line_of(text, "mål: {2021: 25}"), "warning")
    assert "Succeskriteriet mangler mål for 2022, 2023 og 2024" in finding.message.da
    assert "no target for 2022, 2023 and 2024" in finding.message.en
    assert "under `mål`" in finding.message.da


def test_one_missing_year_is_named_alone():
    text = with_criteria(criterion_yaml(mål="{2021: 25, 2022: 30, 2024: 40}"))
    assert "mangler mål for 2023. Tilføj et tal for året" in only(lint(text), "SUC008").message.da


def test_a_year_with_a_bad_value_is_not_called_missing():
    result = lint(with_criteria(criterion_yaml(mål="{2021: mange, 2022: 30, 2023: 35, 2024: 40}")))
    assert "PLN005" in [f.code for f in result.findings]
    assert suc(result) == []


def test_every_year_of_the_period_counts():
    # a period ending in autumn covers most of a fifth calendar year; 2025 needs a target too
    text = with_criteria(criterion_yaml()).replace("slut: '2024-12-31'", "slut: '2025-09-30'", 1)
    assert "2025" in only(lint(text), "SUC008").message.da


@pytest.mark.parametrize("start,end,needed", [
    ("2021-01-15", "2025-01-14", None),      # two weeks of 2025 need no target
    ("2021-01-01", "2025-07-01", None),      # 182 days of 2025 are not enough ...
    ("2021-01-01", "2025-07-02", "2025"),    # ... 183 days is
])
def test_a_year_the_period_barely_touches_needs_no_target(start, end, needed):
    text = with_criteria(criterion_yaml()).replace("start: '2021-01-01'", f"start: '{start}'", 1)
    text = text.replace("slut: '2024-12-31'", f"slut: '{end}'", 1)
    found = [f for f in lint(text).findings if f.code == "SUC008"]
    assert [needed in f.message.da for f in found] == ([True] if needed else [])


@pytest.mark.parametrize("targets,missing", [
    ("{2021: 25, 2022: 30, 2023: 35, 2024: 40}", None),             # plan years counted 2021-2024
    ("{2022: 25, 2023: 30, 2024: 35, 2025: 40}", None),             # ... or 2022-2025
    ("{2021: 20, 2022: 25, 2023: 30, 2024: 35, 2025: 40}", None),   # ... or every year touched
    ("{2022: 25, 2023: 30, 2024: 35}", "2021"),                    # neither end year
    ("{2021: 25, 2022: 30, 2024: 40}", "2023"),                    # an inner year is always needed
])
def test_a_period_from_july_to_june_may_count_its_years_from_either_end(targets, missing):
    # 2021-07-01 .. 2025-06-30 is four plan years over five calendar years: outside testers
    # write the targets as 2021-2024 or 2022-2025, and both are complete
    text = with_criteria(criterion_yaml(mål=targets))
    text = text.replace("start: '2021-01-01'", "start: '2021-07-01'", 1)
    text = text.replace("slut: '2024-12-31'", "slut: '2025-06-30'", 1)
    found = [(f.code, f.line) for f in lint(text).findings if f.code == "SUC008"]
    assert found == ([("SUC008", line_of(text, "mål: {"))] if missing else [])
    if missing:
        assert f"mangler mål for {missing}." in only(lint(text), "SUC008").message.da


def test_ufuldstaendige_succeskriterier_defect_plan():
    text = (EXAMPLES / "defekter" / "ufuldstaendige_succeskriterier.yaml").read_text(encoding="utf-8")
    first = line_of(text, "- beskrivelse: 80 unikke")
    assert sorted(suc(lint(text))) == [
        ("SUC002", first, "warning"),
        ("SUC005", first, "warning"),
        ("SUC006", first, "warning"),
        ("SUC008", line_of(text, "mål: {2022: 50}"), "warning"),
    ]


# --- SUC009: percentages within 0-100 ----------------------------------------------------

@pytest.mark.parametrize("value,fires", [("0", False), ("100", False), ("100.5", True), ("-1", True), ("140", True)])
def test_percent_target_bounds(value, fires):
    text = with_criteria(criterion_yaml(enhed="procent", mål=f"{{2021: 25, 2022: 30, 2023: 35, 2024: {value}}}"))
    codes = [c for c, _, _ in suc(lint(text))]
    assert ("SUC009" in codes) is fires


def test_percent_errors_name_the_years_and_point_at_the_first():
    text = with_criteria(criterion_yaml(enhed="procent", mål="{2021: 25, 2022: 130, 2023: 35, 2024: 140}"))
    finding = only(lint(text), "SUC009")
    assert finding.severity.value == "error"
    assert finding.line == line_of(text, "mål: {2021: 25, 2022: 130")
    assert "130 i 2022 og 140 i 2024" in finding.message.da
    assert "skift `enhed`" in finding.message.da
    assert "130 in 2022 and 140 in 2024" in finding.message.en


def test_percent_baseline_out_of_range():
    text = with_criteria(criterion_yaml(enhed="'%'", baseline="{værdi: 150, år: 2020}",
                                        mål="{2021: 25, 2022: 30, 2023: 35, 2024: 40}"))
    finding = only(lint(text), "SUC009")
    assert finding.line == line_of(text, "baseline: {værdi: 150")
    assert "Baseline 150 ligger uden for 0-100 procent" in finding.message.da


def test_counts_above_100_are_fine():
    text = with_criteria(criterion_yaml(mål="{2021: 250, 2022: 300, 2023: 350, 2024: 400}"))
    assert suc(lint(text)) == []


# --- SUC010: outcomes, not only outputs ----------------------------------------------------

def test_area_with_only_output_criteria():
    text = with_criteria(criterion_yaml(niveau="aktivitet"), criterion_yaml(niveau="aktivitet"))
    finding = only(lint(text), "SUC010")
    assert (finding.line, finding.severity.value) == (line_of(text, "- id: besk"), "warning")
    assert "Indsatsområdet Beskæftigelse" in finding.message.da
    assert "niveau resultat eller effekt" in finding.message.da
    assert "niveau resultat or effekt" in finding.message.en


def test_one_outcome_criterion_is_enough():
    text = with_criteria(criterion_yaml(niveau="aktivitet"),
                         criterion_yaml(niveau="effekt", mål="{2021: 21, 2022: 22, 2023: 23, 2024: 24}"))
    assert suc(lint(text)) == []


def test_criteria_without_level_do_not_make_an_area_output_only():
    text = with_criteria(criterion_yaml(niveau=None))
    assert [c for c, _, _ in suc(lint(text))] == ["SUC007"]


def test_a_missing_level_beside_output_criteria_is_only_suc007():
    # an area "whose criteria are all `niveau: aktivitet`"; the criterion without a
    # niveau may be the outcome one, so one mistake gives one finding (SUC007), not SUC010 too
    text = with_criteria(criterion_yaml(niveau="aktivitet"), criterion_yaml(niveau=None))
    assert [(c, line) for c, line, _ in suc(lint(text))] == [
        ("SUC007", line_of(text, "- beskrivelse:", 2))]


# --- SUC011: target below baseline ----------------------------------------------------------

def test_target_below_baseline_for_a_growth_indicator():
    text = with_criteria(criterion_yaml(mål="{2021: 15, 2022: 18, 2023: 25, 2024: 40}"))
    finding = only(lint(text), "SUC011")
    assert (finding.line, finding.severity.value) == (line_of(text, "mål: {2021: 15"), "warning")
    assert "Målet (15 i 2021 og 18 i 2022) ligger under baseline (20)" in finding.message.da
    assert "Hæv målet" in finding.message.da
    assert "Raise the target" in finding.message.en


def test_target_equal_to_baseline_is_fine():
    text = with_criteria(criterion_yaml(mål="{2021: 20, 2022: 30, 2023: 35, 2024: 40}"))
    assert suc(lint(text)) == []


@pytest.mark.parametrize("indicator", [
    "Antal anmeldte indbrud i afdelingen",
    "Andel unge med skolefravær over 10 procent",
    "Færre beboere i huslejerestance",
    "Andel unge uden job eller uddannelse",
])
def test_reduction_indicators_may_aim_below_baseline(indicator):
    text = with_criteria(criterion_yaml(indikator=indicator, baseline="{værdi: 50, år: 2020}",
                                        mål="{2021: 45, 2022: 40, 2023: 35, 2024: 30}"))
    assert suc(lint(text)) == []


# --- SUC012: falling targets -----------------------------------------------------------------

def test_falling_targets_are_an_info_at_the_year_that_falls():
    text = with_criteria(criterion_yaml(mål="{2021: 25, 2022: 35, 2023: 30, 2024: 40}"))
    finding = only(lint(text), "SUC012")
    assert (finding.severity.value, finding.line) == ("info", line_of(text, "mål: {2021: 25, 2022: 35"))
    assert "falder fra 35 i 2022 til 30 i 2023" in finding.message.da
    assert "falls from 35 in 2022 to 30 in 2023" in finding.message.en


def test_level_targets_are_fine():
    text = with_criteria(criterion_yaml(mål="{2021: 30, 2022: 30, 2023: 30, 2024: 30}"))
    assert suc(lint(text)) == []


# --- SUC013: 100 % conversion ------------------------------------------------------------------

def _step(description: str, level: str, targets: str, unit: str = "personer") -> str:
    return criterion_yaml(beskrivelse=description, niveau=level, enhed=unit, mål=targets,
                          baseline="{værdi: 5, år: 2020}")


def test_three_equal_steps_are_one_info_at_the_second():
    same = "{2021: 40, 2022: 40, 2023: 40, 2024: 40}"
    text = with_criteria(_step("Trin et", "aktivitet", same), _step("Trin to", "aktivitet", same),
                         _step("Trin tre", "resultat", same))
    finding = only(lint(text), "SUC013")
    assert (finding.severity.value, finding.line) == ("info", line_of(text, "- beskrivelse: Trin to"))
    assert "Succeskriterium 1, 2 og 3 har alle målet 40 i 2021" in finding.message.da
    assert "Success criteria 1, 2 and 3 all have the target 40 in 2021" in finding.message.en
    assert "lavere mål for de senere trin" in finding.message.da


def test_output_to_outcome_with_equal_numbers():
    same = "{2021: 40, 2022: 45, 2023: 50, 2024: 55}"
    text = with_criteria(_step("Samtaler", "aktivitet", same), _step("I job", "resultat", same))
    assert only(lint(text), "SUC013").line == line_of(text, "- beskrivelse: I job")


def test_two_equal_outputs_are_not_a_chain():
    same = "{2021: 40, 2022: 45, 2023: 50, 2024: 55}"
    text = with_criteria(_step("Deltog", "aktivitet", same), _step("Fik vejledning", "aktivitet", same),
                         _step("I job", "resultat", "{2021: 20, 2022: 22, 2023: 25, 2024: 30}"))
    assert "SUC013" not in [c for c, _, _ in suc(lint(text))]


def test_a_funnel_that_narrows_is_fine():
    text = with_criteria(_step("Samtaler", "aktivitet", "{2021: 40, 2022: 45, 2023: 50, 2024: 55}"),
                         _step("I job", "resultat", "{2021: 20, 2022: 22, 2023: 25, 2024: 30}"))
    assert suc(lint(text)) == []


def test_a_percentage_breaks_a_chain():
    same = "{2021: 40, 2022: 45, 2023: 50, 2024: 55}"
    text = with_criteria(_step("Samtaler", "aktivitet", same), _step("Andel", "resultat", same, unit="procent"),
                         _step("I job", "resultat", "{2021: 20, 2022: 22, 2023: 25, 2024: 30}"))
    assert suc(lint(text)) == []


def test_rum_for_liv_conversion_chains():
    text = (EXAMPLES / "rum_for_liv.yaml").read_text(encoding="utf-8")
    found = [f for f in lint(text).findings if f.code == "SUC013"]
    assert [f.message.da.split(":")[0] for f in found] == [
        "Aktivitet 5.2.1 Fremskudt beskæftigelse", "Aktivitet 5.2.4 Lektiecafé", "Aktivitet 5.3.6 Kompetenceløft"]
    assert [f.line for f in found] == [line_of(text, "- beskrivelse: 100 personlige handleplaner blev udarbejdet"),
                                        line_of(text, "- beskrivelse: 40 brugere fik lavet lektier"),
                                        line_of(text, "- beskrivelse: 5 ejendomsfunktionærer anvendte")]


# --- SUC014: vague descriptions ----------------------------------------------------------------

@pytest.mark.parametrize("description,fires", [
    ("Styrke forældrenes kompetencer", True),
    ("Øget tryghed i området", True),
    ("Forbedre beboernes sundhed", True),
    ("Udvikle fællesskabet", True),
    ("40 forældre styrker deres kompetencer", False),
    ("Flere ledige kommer i job", False),  # no vague verb: not this rule's business
])
def test_vague_description_without_number(description, fires):
    text = with_criteria(criterion_yaml(beskrivelse=description))
    codes = [c for c, _, _ in suc(lint(text))]
    assert ("SUC014" in codes) is fires


def test_vague_description_message():
    text = with_criteria(criterion_yaml(beskrivelse="Styrke forældrenes kompetencer"))
    finding = only(lint(text), "SUC014")
    assert (finding.severity.value, finding.line) == ("info", line_of(text, "- beskrivelse: Styrke"))
    assert "Skriv, hvor mange eller hvor meget" in finding.message.da
    assert "Say how many or how much" in finding.message.en


# --- SUC015: events counted for persons ----------------------------------------------------------

def test_event_unit_for_a_person_indicator():
    text = with_criteria(criterion_yaml(enhed="fremmøder", indikator="Antal unge, der kommer i klubben"))
    finding = only(lint(text), "SUC015")
    assert (finding.severity.value, finding.line) == ("info", line_of(text, "enhed: fremmøder"))
    assert "Enheden 'fremmøder' tæller hændelser" in finding.message.da
    assert "Tæl unikke personer" in finding.message.da
    assert "Count unique persons" in finding.message.en


def test_event_unit_for_an_event_indicator_is_fine():
    text = with_criteria(criterion_yaml(enhed="besøg", indikator="Antal besøg på hjemmesiden"))
    assert suc(lint(text)) == []


# --- funding rounds -------------------------------------------------------------------------------

@pytest.mark.parametrize("pulje", ["2006-2010", "2011-2014", "2015-2018", "2019-2026"])
def test_rules_apply_in_every_pulje(pulje):
    text = with_criteria(criterion_yaml(indikator=None, enhed="procent",
                                        mål="{2021: 25, 2022: 30, 2023: 35, 2024: 140}"))
    text = text.replace("2019-2026", pulje)
    result = lint(text)
    assert result.pulje == pulje
    assert {"SUC002", "SUC009"} <= {c for c, _, _ in suc(result)}


def test_without_a_known_pulje_the_word_list_rules_are_silent_and_nothing_crashes():
    text = with_criteria(criterion_yaml(indikator=None, enhed="procent",
                                        mål="{2021: 25, 2022: 30, 2023: 35, 2024: 140}"))
    result = lint(text.replace("2019-2026", "2030-2033"))
    no_crash(result)
    codes = [c for c, _, _ in suc(result)]
    assert "SUC002" in codes and "SUC009" not in codes


# --- partial plans ----------------------------------------------------------------------------------

@pytest.mark.parametrize("plan", [
    "version: 1\nindsatsområder:\n  - id: a\n    aktiviteter:\n      - id: x\n        succeskriterier:\n          - beskrivelse: b\n",
    "version: 1\nindsatsområder:\n  - id: a\n    aktiviteter:\n",
    "version: 1\nindsatsområder:\n  - id: a\n    aktiviteter:\n      - id: x\n        succeskriterier:\n          - null\n",
    ("version: 1\nplan: {pulje: '2019-2026'}\nindsatsområder:\n  - aktiviteter:\n      - succeskriterier:\n"
     "          - {beskrivelse: b, enhed: procent, baseline: {år: 2020}, mål: {2020: 5, 2021: x}}\n"),
])
def test_partial_plans_never_crash(plan):
    no_crash(lint(plan))


# --- facts for the coordinator report ---------------------------------------------------------------

def _facts(text: str) -> dict:
    from planlint_plugins.success import planlint_facts

    result = lint(text)
    return planlint_facts(result.document.plan, None)["criteria"]


def test_facts_of_a_complete_activity():
    assert _facts(base_text()) == {"A1": {"label": "A1 Fremskudt jobcenter", "count": 1, "present": 6,
                                          "expected": 6, "complete": True, "missing": []}}


def test_facts_count_missing_components():
    text = with_criteria(criterion_yaml(), criterion_yaml(indikator=None, baseline=None, mål="{2021: 25}"))
    assert _facts(text)["A1"] == {"label": "A1 Fremskudt jobcenter", "count": 2, "present": 9, "expected": 12,
                                  "complete": False, "missing": ["indikator", "baseline", "mål for alle år"]}


def test_facts_of_an_activity_without_criteria():
    facts = _facts(edited(at=ACTIVITY, remove=("succeskriterier", "id")))
    (key, value), = facts.items()
    assert key == "indsatsområder[0].aktiviteter[0]"
    assert (value["count"], value["present"], value["expected"], value["complete"]) == (0, 0, 6, False)


def test_facts_reach_the_report_through_the_plugin_manager(linter):
    result = lint(base_text())
    facts = linter.registry.facts(result.document.plan, None)
    assert facts["criteria"]["A1"]["complete"] is True


# --- the rule pack's word lists -------------------------------------------------------------------

def test_a_broken_pattern_in_the_pack_names_its_file_and_line(tmp_path, linter):
    from planlint.rulepack import PackError, load_pack_file, packs_dir

    source = (packs_dir() / "base.yaml").read_text(encoding="utf-8")  # what every pulje's pack extends
    broken = source.replace("vague_verbs: ['\\b(styrk|øg|forbedr|udvikl)']", "vague_verbs: ['(styrk']")
    assert broken != source
    (tmp_path / "base.yaml").write_text(broken, encoding="utf-8")
    path = tmp_path / "pulje_2019_2026.yaml"
    path.write_text((packs_dir() / path.name).read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(PackError) as caught:
        load_pack_file(path, linter.registry.pack_sections())
    assert f"Regelpakken base.yaml, linje {line_of(broken, 'vague_verbs:')}" in caught.value.da


def test_the_cli_reports_incomplete_criteria_as_json_and_fails():
    import json

    from conftest import run_cli

    path = EXAMPLES / "defekter" / "ufuldstaendige_succeskriterier.yaml"
    # every finding is a warning (LBF asks for "mål og indikatorer", not for this structure)
    assert run_cli("check", "--format", "json", str(path)).returncode == 0
    result = run_cli("check", "--format", "json", "--fail-on", "warning", str(path))
    assert result.returncode == 1
    findings = json.loads(result.stdout)["files"][0]["findings"]
    text = path.read_text(encoding="utf-8")
    assert [(f["code"], f["line"]) for f in findings if f["code"].startswith("SUC")] == [
        ("SUC002", line_of(text, "- beskrivelse: 80 unikke")),
        ("SUC005", line_of(text, "- beskrivelse: 80 unikke")),
        ("SUC006", line_of(text, "- beskrivelse: 80 unikke")),
        ("SUC008", line_of(text, "mål: {2022: 50}")),
    ]


def test_misspelt_criteria_key_is_one_finding_not_also_no_criteria():
    text = base_text().replace("succeskriterier:", "succeskriterer:")
    result = lint(text)
    assert [(f.code, f.line) for f in result.findings] == [("PLN003", line_of(text, "succeskriterer:"))]
