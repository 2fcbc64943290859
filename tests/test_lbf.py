"""The LBF plugin: plan frame, governance and the rules of each pulje (LBF001-LBF016)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Callable

import pytest
import yaml
from conftest import EXAMPLES, base_text, line_of, lint, run_cli

from planlint.examples import _load, example_text
from planlint.rulepack import load_packs, packs_dir
from planlint_plugins.lbf import RULES

PULJER = ("2006-2010", "2011-2014", "2015-2018", "2019-2026")
#: years to move the base plan (2021-2024) so that it fits each round
SHIFT = {"2006-2010": -10, "2011-2014": -8, "2015-2018": -5, "2019-2026": 0}
_ISO = re.compile(r"^(\d{4})(-\d\d-\d\d)$")


def _shift(node, years: int):
    """Every date and year-map key of the plan data moved by ``years``."""
    if isinstance(node, dict):
        return {(k + years if isinstance(k, int) and 1900 < k < 2100 else k):
                (v + years if k == "år" and isinstance(v, int) else _shift(v, years)) for k, v in node.items()}
    if isinstance(node, list):
        return [_shift(v, years) for v in node]
    if isinstance(node, str) and _ISO.match(node):
        match = _ISO.match(node)
        return f"{int(match.group(1)) + years}{match.group(2)}"
    return node


def plan(change: Callable[[dict], None] | None = None, pulje: str = "2019-2026") -> str:
    """The base plan, made correct for ``pulje``, with ``change`` applied to its data."""
    data = _shift(_load(base_text()), SHIFT[pulje])
    data["plan"]["pulje"] = pulje
    data["indsatsområder"][0]["navn"] = load_packs()[pulje].areas.names[0]
    if change:
        change(data)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def found(text: str, code: str, **settings) -> list:
    return [f for f in lint(text, **settings).findings if f.code == code]


def lbf(text: str) -> list:
    return [f for f in lint(text).findings if f.code.startswith("LBF")]


def top_line(text: str, key: str) -> int:
    """The line of a top-level key (``line_of`` would also match ``boligorganisation:``)."""
    return text.splitlines().index(f"{key}:") + 1


def activity(data: dict, index: int = 0) -> dict:
    return data["indsatsområder"][0]["aktiviteter"][index]


# --- clean plans ---------------------------------------------------------------

def test_base_plan_has_no_lbf_finding():
    assert lbf(base_text()) == []


@pytest.mark.parametrize("pulje", PULJER)
def test_a_correct_plan_of_every_pulje_is_clean(pulje):
    assert lbf(plan(pulje=pulje)) == []


@pytest.mark.parametrize("name", ["komplet_plan.yaml", "tryg_og_aktiv_2016.yaml"])
def test_clean_example_plans_have_no_lbf_finding(name):
    path = EXAMPLES / name
    if not path.exists():
        pytest.skip(f"{name} is not written yet")
    assert lbf(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_examples_fail_and_pass(rule):
    if rule.bad.runnable:
        assert any(f.code == rule.code for f in lint(example_text(rule.bad)).findings)
    assert not any(f.code == rule.code for f in lint(example_text(rule.good)).findings)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_every_rule_is_documented_in_both_languages(rule):
    assert rule.rationale.da and rule.rationale.en and rule.rationale.da != rule.rationale.en
    assert rule.title.da != rule.title.en
    assert rule.sources and all(key and detail for key, detail in rule.sources)


# --- LBF001 pulje without a pack ----------------------------------------------

def test_lbf001_pulje_without_rule_pack(tmp_path):
    from planlint.config import Settings
    from planlint.engine import Linter

    for pack in Path(packs_dir()).glob("*.yaml"):
        if "2019_2026" not in pack.name:
            shutil.copy(pack, tmp_path / pack.name)
    text = base_text()
    result = Linter(packs_dir=str(tmp_path)).lint_text(text, "plan.yaml", Settings())
    codes = [f.code for f in result.findings if f.code.startswith("LBF")]
    assert codes == ["LBF001"]
    finding = result.findings[[f.code for f in result.findings].index("LBF001")]
    assert finding.line == line_of(text, "pulje:")
    assert "2019-2026" in finding.message.da and "plan.pulje" in finding.message.en


# --- LBF002 area names ----------------------------------------------------------

def test_lbf002_close_name_suggests_lbfs_official_spelling():
    def rename(data):
        data["indsatsområder"][0]["navn"] = "Børn, unge og famillier"
    text = plan(rename, pulje="2011-2014")
    [finding] = found(text, "LBF002")
    assert finding.severity.value == "error"
    assert finding.line == line_of(text, "navn: Børn, unge og famillier")
    assert "Ret navnet til 'Børn, unge og familie' (LBF's stavemåde)" in finding.message.da
    assert "Rename it 'Børn, unge og familie' (LBF's spelling)" in finding.message.en


# LBF's own wording on its application pages, and the spellings other sources use
OFFICIAL = {
    "2011-2014": ["Børn, unge og familie", "Udsatte grupper", "Uddannelse, beskæftigelse og erhverv",
                  "Beboernetværk, inddragelse og demokrati", "Kultur og fritid", "Sundhed",
                  "Image og kommunikation"],
    "2015-2018": ["Tryghed og trivsel", "Kriminalpræventiv indsats", "Uddannelse og beskæftigelse",
                  "Forebyggelse og forældreansvar"],
    "2019-2026": ["Uddannelse og livschancer", "Beskæftigelse", "Kriminalitetsforebyggelse",
                  "Sammenhængskraft og medborgerskab"],
}


@pytest.mark.parametrize("pulje, name", [(p, n) for p, names in OFFICIAL.items() for n in names] + [
    ("2011-2014", "Børn, unge og familier"),          # Bag facaderne, Rum for Liv: plural
    ("2011-2014", "Børn, Unge & Familier"),           # Rum for Liv's summary: "&" and capitals
    ("2015-2018", "Kriminalpræventive indsatser"),    # fsb: plural
    ("2015-2018", "kriminalpræventiv  indsats"),      # case and spacing
    ("2019-2026", "Sammenhængskraft & medborgerskab"),
])
def test_lbf002_lbfs_official_names_and_their_variants_lint_clean_in_their_round(pulje, name):
    def rename(data):
        data["indsatsområder"][0]["navn"] = name
    assert found(plan(rename, pulje=pulje), "LBF002") == []


def test_lbf002_the_pack_names_are_lbfs_official_names():
    for pulje, names in OFFICIAL.items():
        assert load_packs()[pulje].areas.names == sorted(names, key=load_packs()[pulje].areas.names.index)
        assert set(load_packs()[pulje].areas.names) == set(names)


def test_lbf002_a_variant_of_another_round_is_still_wrong():
    def rename(data):
        data["indsatsområder"][0]["navn"] = "Kriminalpræventive indsatser"
    [finding] = found(plan(rename, pulje="2019-2026"), "LBF002")
    assert finding.severity.value == "error"


def test_lbf002_area_of_another_pulje_is_an_error_listing_the_allowed_names():
    def rename(data):
        data["indsatsområder"][0]["navn"] = "Tryghed og trivsel"
    [finding] = found(plan(rename), "LBF002")
    assert finding.severity.value == "error"
    assert "Kriminalitetsforebyggelse" in finding.message.da


def test_lbf002_open_list_of_2006_2010_only_warns():
    def rename(data):
        data["indsatsområder"][0]["navn"] = "Lokal kulturindsats"
    [finding] = found(plan(rename, pulje="2006-2010"), "LBF002")
    assert finding.severity.value == "warning"


def test_lbf002_spacing_and_case_are_not_spelling():
    def rename(data):
        data["indsatsområder"][0]["navn"] = "  beskæftigelse "
    assert found(plan(rename), "LBF002") == []


# --- LBF003 / LBF004 period ----------------------------------------------------

def _period(start: str, end: str) -> Callable[[dict], None]:
    def change(data):
        data["plan"]["periode"] = {"start": start, "slut": end}
    return change


@pytest.mark.parametrize("start,end,severity", [
    ("2021-01-01", "2024-12-31", None),
    ("2021-07-01", "2025-06-30", None),
    ("2021-01-01", "2025-01-31", None),       # 31 days over: tolerated
    ("2021-01-01", "2025-02-01", "error"),     # 32 days over
    ("2021-01-01", "2024-11-30", None),       # 31 days short: tolerated
    ("2021-01-01", "2024-11-29", "warning"),   # 32 days short
    ("2021-01-01", "2023-12-31", "warning"),
    ("2021-01-01", "2025-12-31", "error"),
])
def test_lbf003_four_years_within_the_tolerance(start, end, severity):
    text = plan(_period(start, end))
    findings = found(text, "LBF003")
    assert [f.severity.value for f in findings] == ([severity] if severity else [])
    if severity:
        assert findings[0].line == line_of(text, "slut:")


def test_lbf003_message_gives_length_and_the_end_date_to_write():
    [finding] = found(plan(_period("2021-01-01", "2025-12-31")), "LBF003")
    assert "er 5 år" in finding.message.da and "Ret `plan.periode.slut` til 2024-12-31" in finding.message.da
    assert "is 5 years" in finding.message.en and "Set `plan.periode.slut` to 2024-12-31" in finding.message.en


def test_lbf003_period_that_ends_before_it_begins():
    [finding] = found(plan(_period("2024-12-31", "2021-01-01")), "LBF003")
    assert finding.severity.value == "error" and "før den begynder" in finding.message.da


def test_lbf003_missing_end_is_left_to_the_core():
    def change(data):
        del data["plan"]["periode"]["slut"]
    result = lint(plan(change))
    assert "PLN004" in [f.code for f in result.findings]
    assert not [f for f in result.findings if f.code in ("LBF003", "LBF004")]


@pytest.mark.parametrize("start,end,fires", [("2014-01-01", "2017-12-31", False),
                                             ("2014-01-02", "2018-01-01", True)])
def test_lbf004_2006_2010_plans_end_by_2017(start, end, fires):
    text = plan(_period(start, end), pulje="2006-2010")
    findings = found(text, "LBF004")
    assert bool(findings) is fires
    if fires:
        assert findings[0].line == line_of(text, "slut:")
        assert "senest 2017-12-31" in findings[0].message.da and "by 2017-12-31" in findings[0].message.en


def test_lbf004_later_rounds_have_no_last_day():
    assert found(plan(_period("2015-01-01", "2018-12-31"), pulje="2011-2014"), "LBF004") == []


# --- LBF005 hovedaktivitet ------------------------------------------------------

def _second_activity(main: bool) -> Callable[[dict], None]:
    def change(data):
        extra = dict(activity(data), id="A2", navn="Jobcafé", hovedaktivitet=main, medarbejderressourcer=[])
        data["indsatsområder"][0]["aktiviteter"].append(extra)
    return change


@pytest.mark.parametrize("pulje,severity", [("2006-2010", "error"), ("2011-2014", "info"),
                                            ("2015-2018", "info"), ("2019-2026", "info")])
def test_lbf005_no_main_activity_by_pulje(pulje, severity):
    def change(data):
        activity(data)["hovedaktivitet"] = False
    text = plan(change, pulje=pulje)
    [finding] = found(text, "LBF005")
    assert finding.severity.value == severity
    assert finding.line == line_of(text, "aktiviteter:")
    assert "hovedaktivitet: true" in finding.message.da and "hovedaktivitet: true" in finding.message.en


def test_lbf005_two_main_activities_point_at_the_second():
    text = plan(_second_activity(True))
    [finding] = found(text, "LBF005")
    assert finding.line == line_of(text, "hovedaktivitet: true", nth=2)
    assert "A2 Jobcafé" in finding.message.da and "A1 Fremskudt jobcenter" in finding.message.da


def test_lbf005_a_malformed_hovedaktivitet_is_the_core_s_finding_alone():
    # hovedaktivitet: ja is a wrong type (PLN005), not a missing main activity
    def change(data):
        activity(data)["hovedaktivitet"] = "ja"
    text = plan(change)
    assert found(text, "LBF005") == []
    assert [f.line for f in found(text, "PLN005")] == [line_of(text, "hovedaktivitet: ja")]


def test_lbf005_one_main_among_several_is_fine():
    assert found(plan(_second_activity(False)), "LBF005") == []


# --- LBF006 signatures ----------------------------------------------------------

def test_lbf006_missing_signature_points_at_underskrifter():
    def change(data):
        data["underskrifter"] = data["underskrifter"][:1]
    text = plan(change)
    [finding] = found(text, "LBF006")
    assert finding.severity.value == "error"
    assert finding.line == top_line(text, "underskrifter")
    assert "Boligorganisationen Eksempel (bo)" in finding.message.da
    assert "{part: bo, navn: ..., dato: ...}" in finding.message.da and "Add `{part: bo" in finding.message.en


def test_lbf006_without_a_list_points_at_plan():
    def change(data):
        del data["underskrifter"]
    text = plan(change)
    findings = found(text, "LBF006")
    assert [f.line for f in findings] == [top_line(text, "plan")] * 2


def test_lbf006_owner_of_an_afdeling_must_sign_too():
    def change(data):
        data["parter"].append({"id": "bo2", "navn": "Anden Boligorganisation", "type": "boligorganisation"})
        data["afdelinger"].append({"nummer": "2-0", "navn": "Nabolaget", "boligorganisation": "bo2",
                                   "godkendt_afdelingsmøde": "2020-09-16"})
    [finding] = found(plan(change), "LBF006")
    assert "(bo2)" in finding.message.en


# --- LBF007 resident approval -----------------------------------------------------

# basis anbefaling (CFBU on the tenants' democracy, no LBF text): at most a warning
@pytest.mark.parametrize("status,severity", [("indsendt", "warning"), ("godkendt", "warning"),
                                             ("udkast", "info"), (None, "info")])
def test_lbf007_unapproved_afdeling_by_status(status, severity):
    def change(data):
        del data["afdelinger"][0]["godkendt_afdelingsmøde"]
        if status is None:
            del data["plan"]["status"]
        else:
            data["plan"]["status"] = status
    text = plan(change)
    [finding] = found(text, "LBF007")
    assert finding.severity.value == severity
    assert finding.line == line_of(text, "nummer: 1-0")
    assert "1-0 Eksempelparken" in finding.message.da and "godkendt_afdelingsmøde" in finding.message.en


def test_lbf007_a_malformed_date_is_the_core_s_finding_alone():
    # godkendt_afdelingsmøde: 15-09-2020 is a wrong type (PLN005), not a missing approval
    def change(data):
        data["afdelinger"][0]["godkendt_afdelingsmøde"] = "15-09-2020"
        data["plan"]["status"] = "indsendt"
    text = plan(change)
    assert found(text, "LBF007") == []
    assert [f.line for f in found(text, "PLN005")] == [line_of(text, "godkendt_afdelingsmøde: 15-09-2020")]


# --- LBF008 resident participation --------------------------------------------------

def _without_residents(data):
    activity(data)["samarbejdspartnere"] = ["ek"]


def test_lbf008_no_resident_partner():
    text = plan(_without_residents)
    [finding] = found(text, "LBF008")
    assert finding.severity.value == "warning"
    assert finding.line == top_line(text, "indsatsområder")
    assert "afdelingsbestyrelsen" in finding.message.da and "samarbejdspartnere" in finding.message.en


def test_lbf008_volunteers_as_anchor_or_a_residents_association_count():
    def volunteers(data):
        _without_residents(data)
        data["parter"].append({"id": "friv", "navn": "Frivillige i Eksempelparken", "type": "frivillige"})
        activity(data)["forankring"]["hos"] = ["ek", "friv"]

    def association(data):
        _without_residents(data)
        data["parter"].append({"id": "bf", "navn": "Beboerforeningen Eksempelparken", "type": "forening"})
        activity(data)["samarbejdspartnere"] = ["ek", "bf"]
    assert found(plan(volunteers), "LBF008") == []
    assert found(plan(association), "LBF008") == []


# --- LBF009 agreements ---------------------------------------------------------------

def _no_agreements(data):
    del data["samarbejdsaftaler"]
    del activity(data)["forankring"]["aftale"]


@pytest.mark.parametrize("pulje,severity", [("2006-2010", "info"), ("2011-2014", "error"),
                                            ("2015-2018", "error"), ("2019-2026", "error")])
def test_lbf009_agreements_by_pulje(pulje, severity):
    text = plan(_no_agreements, pulje=pulje)
    [finding] = found(text, "LBF009")
    assert finding.severity.value == severity
    assert finding.line == top_line(text, "plan")
    assert "samarbejdsaftaler" in finding.message.da


# --- LBF010 / LBF011 board ---------------------------------------------------------

@pytest.mark.parametrize("pulje,severity", [("2011-2014", "warning"),
                                            ("2015-2018", "error"), ("2019-2026", "error")])
def test_lbf010_no_board_by_pulje(pulje, severity):
    def change(data):
        del data["organisation"]["bestyrelse"]
    text = plan(change, pulje=pulje)
    [finding] = found(text, "LBF010")
    assert finding.severity.value == severity
    assert finding.line == top_line(text, "organisation")
    assert "organisation.bestyrelse" in finding.message.da and "organisation.bestyrelse" in finding.message.en
    assert found(text, "LBF011") == []


def test_lbf010_no_board_requirement_in_2006_2010_but_lbf011_asks_for_the_cofinancers():
    # the 2006-2010 pack has no board requirement (agreements, by contrast, say "info")
    def change(data):
        del data["organisation"]["bestyrelse"]
    text = plan(change, pulje="2006-2010")
    assert found(text, "LBF010") == []
    findings = found(text, "LBF011")
    assert sorted(f.message.en.split(" co-finances")[0] for f in findings) == \
        ["Boligorganisationen Eksempel (bo)", "Eksempel Kommune (ek)"]
    assert {(f.severity.value, f.line) for f in findings} == {("info", top_line(text, "organisation"))}


def test_lbf010_kommune_without_a_seat_is_reported_once():
    def change(data):
        data["organisation"]["bestyrelse"]["medlemmer"] = [{"navn": "Direktør", "part": "bo", "rolle": "formand"}]
    text = plan(change)
    [finding] = found(text, "LBF010")
    assert finding.line == line_of(text, "medlemmer:")
    assert "Eksempel Kommune (ek)" in finding.message.da and "part: ek" in finding.message.en
    assert found(text, "LBF011") == []  # the kommune co-finances, but LBF010 already says it


def test_lbf011_cofinancer_without_a_seat():
    def change(data):
        data["budget"]["finansiering"][2]["part"] = "ab"
    text = plan(change)
    [finding] = found(text, "LBF011")
    assert finding.severity.value == "info"  # basis erfaring: LBF asks no seat of a co-financer
    assert finding.line == line_of(text, "medlemmer:")
    assert "200.000 kr." in finding.message.da and "DKK 200,000" in finding.message.en
    assert "part: ab" in finding.message.da


def test_lbf011_in_2006_2010_the_kommune_seat_is_a_cofinancing_hint():
    def change(data):
        data["organisation"]["bestyrelse"]["medlemmer"] = [{"navn": "Direktør", "part": "bo", "rolle": "formand"}]
    text = plan(change, pulje="2006-2010")
    assert found(text, "LBF010") == []  # no board requirement in 2006-2010
    [finding] = found(text, "LBF011")
    assert finding.severity.value == "info" and "(ek)" in finding.message.en  # basis erfaring


# --- LBF012 / LBF013 evaluation ---------------------------------------------------

def test_lbf012_no_evaluation_section():
    def change(data):
        del data["evaluering"]
    text = plan(change)
    [finding] = found(text, "LBF012")
    assert finding.severity.value == "warning" and finding.line == top_line(text, "plan")
    assert "midtvejs" in finding.message.da and "midtvejs" in finding.message.en


def test_lbf012_evaluation_without_dates():
    def change(data):
        data["evaluering"] = {"ekstern": True, "metode": "Ekstern evaluering"}
    text = plan(change)
    [finding] = found(text, "LBF012")
    assert finding.line == top_line(text, "evaluering")


def test_lbf012_one_date_is_enough():
    def change(data):
        data["evaluering"] = {"slut": "2024-12-31"}
    assert found(plan(change), "LBF012") == []


def test_lbf013_no_evaluation_cost_line():
    def change(data):
        data["budget"]["udgifter"][1]["kategori"] = "administration"
    text = plan(change)
    [finding] = found(text, "LBF013")
    assert finding.severity.value == "warning" and finding.line == line_of(text, "udgifter:")
    assert "kategori: evaluering" in finding.message.da and "kategori: evaluering" in finding.message.en


def test_lbf013_a_note_about_evaluation_counts_and_no_budget_is_not_this_rule():
    def by_note(data):
        data["budget"]["udgifter"][1].update(kategori="andet", note="Ekstern evaluering")

    def no_budget(data):
        del data["budget"]
    assert found(plan(by_note), "LBF013") == []
    assert found(plan(no_budget), "LBF013") == []


# --- LBF014 staff hours ------------------------------------------------------------

@pytest.mark.parametrize("hours,fires", [(37, False), (38, True)])
def test_lbf014_hours_across_activities(hours, fires):
    def change(data):
        activity(data)["medarbejderressourcer"] = [{"rolle": "jobkonsulent", "timer_pr_uge": hours - 7}]
        extra = dict(activity(data), id="A2", navn="Jobcafé", hovedaktivitet=False,
                     medarbejderressourcer=[{"rolle": "jobkonsulent", "timer_pr_uge": 7}])
        data["indsatsområder"][0]["aktiviteter"].append(extra)
    text = plan(change)
    findings = found(text, "LBF014")
    assert bool(findings) is fires
    if fires:
        assert findings[0].line == line_of(text, "timer_pr_uge: 37")
        assert "A1 Fremskudt jobcenter (31 t) og A2 Jobcafé (7 t)" in findings[0].message.da
        assert "Cut the activities' hours by 1" in findings[0].message.en


# --- LBF015 unknown post ----------------------------------------------------------

def test_lbf015_unknown_ansvarlig_and_rolle():
    def change(data):
        activity(data)["ansvarlig"] = "jobkonsulenten"
        activity(data)["medarbejderressourcer"] = [{"rolle": "familiekoordinator", "timer_pr_uge": 10}]
    text = plan(change)
    findings = found(text, "LBF015")
    assert [f.line for f in findings] == [line_of(text, "ansvarlig:"), line_of(text, "rolle: familiekoordinator")]
    assert all(f.severity.value == "error" for f in findings)
    assert "Mente du 'jobkonsulent'?" in findings[0].message.da
    assert "Did you mean 'jobkonsulent'?" in findings[0].message.en
    assert "tilføj stillingen" in findings[1].message.da


def test_lbf015_a_part_id_may_be_responsible():
    def change(data):
        activity(data)["ansvarlig"] = "ek"
    assert found(plan(change), "LBF015") == []


# --- LBF016 rent support ----------------------------------------------------------

@pytest.mark.parametrize("note,fires", [("Huslejestøtte til nye familier", True), ("Dækning af lejetab", True),
                                        ("Nedsættelse af huslejen i afdelingen", True),
                                        ("Jobkonsulent, 37 t/uge", False), ("Husleje for lokaler", False)])
def test_lbf016_rent_support_in_a_cost_note(note, fires):
    def change(data):
        data["budget"]["udgifter"][0]["note"] = note
    text = plan(change)
    findings = found(text, "LBF016")
    assert bool(findings) is fires
    if fires:
        assert findings[0].line == line_of(text, "note:")
        assert "Tag linjen ud af `budget.udgifter`" in findings[0].message.da
        assert "out of `budget.udgifter`" in findings[0].message.en


@pytest.mark.parametrize("pulje, da, en", [
    ("2011-2014", "behandles ansøgningen om helhedsplanen automatisk også som ansøgning om huslejestøtte",
     "automatically also treated as an application for rent support"),
    ("2015-2018", "særskilt efter sin egen ansøgning", "on its own application"),
    ("2019-2026", "særskilt efter sin egen ansøgning", "on its own application"),
])
def test_lbf016_says_how_the_round_handles_rent_support(pulje, da, en):
    def change(data):
        data["budget"]["udgifter"][0]["note"] = "Huslejestøtte til nye familier"
    [finding] = found(plan(change, pulje=pulje), "LBF016")
    assert da in finding.message.da and en in finding.message.en
    assert finding.severity.value == "warning"


# --- LBF018 what the samarbejdsaftaler cover (2019-2026) ---------------------------------

def _covers(*topics_per_agreement):
    def change(data):
        agreement = data["samarbejdsaftaler"][0]
        data["samarbejdsaftaler"] = []
        for number, topics in enumerate(topics_per_agreement):
            item = {**agreement, "id": f"sa-{number}"}
            item.pop("dækker", None)
            if topics is not None:
                item["dækker"] = list(topics)
            data["samarbejdsaftaler"].append(item)
        for area in data["indsatsområder"]:
            for activity in area["aktiviteter"]:
                if isinstance(activity.get("forankring"), dict) and "aftale" in activity["forankring"]:
                    activity["forankring"]["aftale"] = "sa-0"
    return change


def test_lbf018_agreements_together_cover_the_four_topics():
    assert found(plan(_covers(["organisering", "indsatser"], ["mål", "indikatorer"])), "LBF018") == []


def test_lbf018_a_topic_no_agreement_covers_is_an_error_naming_it():
    text = plan(_covers(["organisering", "indsatser"], ["mål"]))
    [finding] = found(text, "LBF018")
    assert finding.severity.value == "error"
    assert finding.line == top_line(text, "samarbejdsaftaler")
    assert "dækker ikke indikatorer" in finding.message.da and "do not cover indikatorer" in finding.message.en


def test_lbf018_agreements_that_do_not_say_what_they_cover_get_a_warning():
    [finding] = found(plan(_covers(None, None)), "LBF018")
    assert finding.severity.value == "warning"
    assert "`dækker`" in finding.message.da and "organisation, activities, goals and indicators" in finding.message.en


@pytest.mark.parametrize("pulje", ["2006-2010", "2011-2014", "2015-2018"])
def test_lbf018_only_2019_2026_asks_for_the_four_topics(pulje):
    assert found(plan(_covers(["organisering"]), pulje=pulje), "LBF018") == []


def test_lbf018_an_unknown_topic_is_the_cores_finding():
    text = plan(_covers(["organisering", "indsatser", "mål", "indikatorer", "økonomi"]))
    assert [f.code for f in lint(text).findings] == ["PLN006"]


# --- the command line --------------------------------------------------------------

def test_cli_reports_lbf_finding_in_json_with_exit_status_1(tmp_path):
    def change(data):
        data["underskrifter"] = data["underskrifter"][:1]
    text = plan(change)
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    result = run_cli("check", "--format", "json", "--lang", "en", str(path))
    assert result.returncode == 1, result.stderr
    findings = json.loads(result.stdout)["files"][0]["findings"]
    [finding] = [f for f in findings if f["code"] == "LBF006"]
    assert finding["line"] == top_line(text, "underskrifter") and finding["plugin"] == "lbf"
    assert finding["message"].startswith("Boligorganisationen Eksempel (bo) has not signed")


def test_lists_and_thresholds_come_from_the_rule_pack(tmp_path):
    from planlint.config import Settings
    from planlint.engine import Linter

    for pack in Path(packs_dir()).glob("*.yaml"):
        shutil.copy(pack, tmp_path / pack.name)
    strict = tmp_path / "pulje_2019_2026.yaml"
    strict.write_text(strict.read_text(encoding="utf-8").replace("    - Uddannelse og livschancer\n", "    - Uddannelse og job\n")
                      + "period:\n  tolerance_days: 0\n", encoding="utf-8")  # on top of base.yaml
    text = plan(_period("2021-01-01", "2025-01-31"))
    result = Linter(packs_dir=str(tmp_path)).lint_text(text, "plan.yaml", Settings())
    assert sorted(f.code for f in result.findings if f.code.startswith("LBF")) == ["LBF002", "LBF003"]
    assert found(text, "LBF003") == []  # the installed pack tolerates 31 days
