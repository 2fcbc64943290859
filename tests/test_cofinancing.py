"""The cofinancing plugin (COF): the 25 % local co-financing and the budget's arithmetic."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT, base_text, edited, line_of, lint, run_cli

YEARS = (2021, 2022, 2023, 2024)  # the base plan's period


def cof(result) -> list:
    return [f for f in result.findings if f.code.startswith("COF")]


def only(result, code: str) -> list:
    return [f for f in result.findings if f.code == code]


def line_after(text: str, anchor: str, needle: str) -> int:
    """The line of the first ``needle`` below the line holding ``anchor``."""
    start = line_of(text, anchor)
    for number, line in enumerate(text.splitlines()[start:], start + 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not below {anchor!r}")


def year_map(per_year, years=YEARS) -> str:
    """``{2021: x, ...}``; ``per_year`` is one amount for every year, or a dict."""
    amounts = per_year if isinstance(per_year, dict) else dict.fromkeys(years, per_year)
    return "{" + ", ".join(f"{y}: {a!r}" if isinstance(a, str) else f"{y}: {a}" for y, a in amounts.items()) + "}"


def budget(*sources: tuple, costs=None, extra: str = "") -> str:
    """The base plan with these sources ``(part, amounts[, more yaml])`` and balancing costs."""
    lines = ["finansiering:"]
    for source in sources:
        part, amounts, *more = source
        lines.append(f"  - {{part: {part}, beløb: {year_map(amounts)}{', ' + more[0] if more else ''}}}")
    if costs is None:  # one cost line equal to the financing, year by year
        costs = {}
        for _, amounts, *_ in sources:
            amounts = amounts if isinstance(amounts, dict) else dict.fromkeys(YEARS, amounts)
            for year, amount in amounts.items():
                value = int(str(amount).replace(".", "").replace(" kr", "").replace(" ", ""))
                costs[year] = costs.get(year, 0) + value
    lines.append(f"udgifter:\n  - {{kategori: løn, aktivitet: A1, beløb: {year_map(costs)}}}")
    return edited(at="budget", yaml="\n".join(lines) + "\n" + extra)


# --- the clean plans -------------------------------------------------------------------------

def test_base_plan_has_no_cof_finding():
    assert cof(lint(base_text())) == []


@pytest.mark.parametrize("name", ["komplet_plan.yaml", "tryg_og_aktiv_2016.yaml"])
def test_clean_example_plans_have_no_cof_finding(name):
    path = EXAMPLES / name
    if not path.exists():
        pytest.skip(f"{name} not written yet")
    assert cof(lint(path.read_text(encoding="utf-8"))) == []


def test_rule_examples_bad_fires_and_good_is_silent():
    from planlint_plugins.cofinancing import RULES

    from planlint.examples import example_text

    assert [r.code for r in RULES] == [f"COF{n:03d}" for n in range(1, 13)]
    for rule in RULES:
        assert rule.code in {f.code for f in lint(example_text(rule.bad)).findings}, rule.code
        assert rule.code not in {f.code for f in lint(example_text(rule.good)).findings}, rule.code
        assert rule.rationale.da and rule.rationale.en and rule.rationale.da != rule.rationale.en


# --- COF001: the local share -----------------------------------------------------------------

@pytest.mark.parametrize("lbf, local, fails", [
    (750100, 249900, True),    # 24,99 %
    (750000, 250000, False),   # 25,00 %: exactly the limit passes
    (749900, 250100, False),   # 25,01 %
    (3, 1, False),             # 25 % of tiny sums, no float in the way
])
def test_local_share_boundaries(lbf, local, fails):
    text = budget(("lbf", lbf), ("ek", local))
    found = only(lint(text), "COF001")
    assert bool(found) == fails
    if fails:
        assert (found[0].line, found[0].severity.value) == (line_of(text, "finansiering:"), "error")
        assert "24,9 %" in found[0].message.da  # truncated: 24,99 % never reads as 25,0 %


def test_local_share_says_the_shortfall_in_kroner():
    # LBF 3.000.000, local 996.000 of 3.996.000: 24,92 %.  Financing must equal costs, so the
    # shortfall is said at the same budget: 25 % is 999.000 kr., 3.000 kr. more than the local money
    text = budget(("lbf", 750000), ("ek", 124500), ("bo", 124500))
    [finding] = only(lint(text), "COF001")
    assert finding.message.da == ("Den lokale medfinansiering er 24,9 % (996.000 kr. af 3.996.000 kr.); "
                                  "der mangler 3.000 kr. for at nå 25 %.")
    assert finding.message.en == ("Local co-financing is 24.9 % (DKK 996,000 of DKK 3,996,000); "
                                  "DKK 3,000 is missing to reach 25 %.")
    # the hint names both remedies: LBF money replaced at an unchanged budget, or more local money
    # (4.000 kr. with LBF's amount unchanged: 1.000.000 of 4.000.000) with as much added to the costs
    assert "Erstat 3.000 kr." in finding.hint.da and "mindst 4.000 kr. lokale midler" in finding.hint.da
    assert "Replace DKK 3,000" in finding.hint.en and "at least DKK 4,000 of local money" in finding.hint.en


def test_shortfall_is_the_smallest_whole_krone_that_passes():
    # 24,99 %: LBF 3.000.400, local 999.600 of 4.000.000; 25 % is 1.000.000: 400 kr. short
    text = budget(("lbf", 750100), ("ek", 249900))
    [finding] = only(lint(text), "COF001")
    assert "der mangler 400 kr. for at nå 25 %" in finding.message.da

    def moved(kroner: int) -> str:  # move some kroner from LBF to the kommune in 2021
        return budget(("lbf", {y: 750100 - (kroner if y == 2021 else 0) for y in YEARS}),
                      ("ek", {y: 249900 + (kroner if y == 2021 else 0) for y in YEARS}))

    passing = lint(moved(400))
    assert only(passing, "COF001") == [] and len(only(passing, "COF002")) == 3  # 2022-2024 stay at 24,99 %
    assert "der mangler 1 kr." in only(lint(moved(399)), "COF001")[0].message.da


def test_defect_plan_under_25_reports_the_share_but_no_year_warning():
    text = (EXAMPLES / "defekter" / "medfinansiering_under_25.yaml").read_text(encoding="utf-8")
    result = lint(text)
    assert [f.code for f in cof(result)] == ["COF001"]
    finding = cof(result)[0]
    assert finding.line == line_of(text, "finansiering:")
    # at the same budget: 25 % of 2.400.000 kr. is 600.000 kr., 24.000 kr. more than the local 576.000 kr.
    assert "24,0 %" in finding.message.da and "der mangler 24.000 kr. for at nå 25 %" in finding.message.da
    # with LBF's 1.824.000 kr. unchanged, the local money must reach 608.000 kr.: 32.000 kr. more
    assert "Erstat 24.000 kr." in finding.hint.da and "mindst 32.000 kr." in finding.hint.da


def test_amount_strings_count_exactly_like_numbers():
    as_text = budget(("lbf", "750.000 kr."), ("ek", "249 900"), ("bo", 100))
    as_numbers = budget(("lbf", 750000), ("ek", 249900), ("bo", 100))
    assert [f.message.da for f in cof(lint(as_text))] == [f.message.da for f in cof(lint(as_numbers))] == []
    short_text = budget(("lbf", "750.100 kr."), ("ek", "249.900"))
    assert "der mangler 400 kr." in only(lint(short_text), "COF001")[0].message.da


def test_every_non_lbf_type_is_local_co_financing():
    # afdelingsbestyrelse (boligorganisation's share) and an ngo (andre) make up the 25 %
    text = budget(("lbf", 750000), ("ab", 125000), ("red", 125000)).replace(
        "parter:\n", "parter:\n- {id: red, navn: Red Barnet, type: ngo}\n", 1)
    assert only(lint(text), "COF001") == []


def test_money_from_an_unknown_part_is_never_counted_as_local():
    # counted as local it would fail all the same (20 %), so the plan fails and the message says why
    text = budget(("lbf", 800000), ("ek", 150000), ("fonden-x", 50000))
    result = lint(text)
    assert "PLN009" in {f.code for f in result.findings}
    [finding] = only(result, "COF001")
    assert "'fonden-x'" in finding.message.da and "ikke regnet med som lokal" in finding.message.da
    assert "'fonden-x'" in finding.message.en and "not counted as local" in finding.message.en


def test_a_share_that_only_an_unknown_part_decides_is_the_core_s_finding_alone():
    # counted as local it would pass (25 %): the typo in the part id is one mistake, PLN009 alone
    text = budget(("lbf", 750000), ("ek", 200000), ("fonden-x", 50000))
    result = lint(text)
    assert [f.line for f in only(result, "PLN009")] == [line_of(text, "part: fonden-x")]
    assert cof(result) == []


def test_a_part_without_a_valid_type_is_not_also_a_share_or_kommune_finding():
    # the kommune's part has a misspelt type (PLN006): not also COF001 (8,3 %) and COF003 (no kommune money)
    text = base_text().replace("type: kommune}", "type: kommunal}", 1)
    result = lint(text)
    assert [f.line for f in only(result, "PLN006")] == [line_of(text, "type: kommunal}")]
    assert cof(result) == []


@pytest.mark.parametrize("amount", ["50000.5", "-50000", "'50.000 EUR'", "halvtreds tusind", "'50.000,00 kr.'"])
def test_a_malformed_amount_is_the_core_s_finding_alone(amount):
    # one bad amount is PLN007 at its year; the sums it leaves out are not also COF001/COF006/COF007
    text = budget(("lbf", 750000), ("ek", 200000), ("bo", {2021: 11111, 2022: 50000, 2023: 50000, 2024: 50000}),
                  costs=1000000).replace("2021: 11111", f"2021: {amount}")
    result = lint(text)
    assert [(f.code, f.line) for f in result.findings if f.code.startswith(("PLN", "COF"))] == \
        [("PLN007", line_of(text, f"2021: {amount}"))]


def test_years_outside_the_period_are_left_out_of_the_share():
    # 2025 is all LBF money: counted, the share would be 20 %
    text = budget(("lbf", {**dict.fromkeys(YEARS, 750000), 2025: 1000000}), ("ek", 250000),
                  costs=dict.fromkeys(YEARS, 1000000))
    result = lint(text)
    assert only(result, "COF001") == [] and only(result, "COF006") == []
    assert [f.line for f in only(result, "COF009")] == [line_of(text, "2025:")]


def test_thresholds_come_from_the_rule_pack(tmp_path: Path):
    from planlint.config import Settings
    from planlint.engine import Linter

    for pack in (ROOT / "rules").glob("*.yaml"):
        shutil.copy(pack, tmp_path / pack.name)
    strict = tmp_path / "pulje_2019_2026.yaml"  # on top of base.yaml
    strict.write_text(strict.read_text(encoding="utf-8")
                      + "cofinancing:\n  lbf_max_percent: 70\n  local_min_percent: 30\n", encoding="utf-8")
    result = Linter(packs_dir=str(tmp_path)).lint_text(base_text(), "plan.yaml", Settings())
    [finding] = only(result, "COF001")
    assert "er 25,0 %" in finding.message.da and "for at nå 30 %" in finding.message.da


@pytest.mark.parametrize("pulje", ["2006-2010", "2011-2014", "2015-2018", "2019-2026"])
def test_every_pulje_demands_25_percent(pulje):
    for ek, fails in ((99996, True), (100000, False)):
        text = budget(("lbf", 450000), ("ek", ek), ("bo", 50000)).replace("pulje: 2019-2026", f"pulje: '{pulje}'")
        assert f"pulje: '{pulje}'" in text
        assert bool(only(lint(text), "COF001")) == fails, (pulje, ek)


def test_without_a_rule_pack_the_share_is_not_judged_but_a_missing_budget_still_is():
    text = base_text().replace('pulje: "2019-2026"', 'pulje: "1999-2002"')
    assert 'pulje: "1999-2002"' in text
    short = budget(("lbf", 456000), ("ek", 94000), ("bo", 50000)).replace("pulje: 2019-2026", "pulje: '1999'")
    assert not {"COF001", "COF002"} & {f.code for f in lint(short).findings}
    no_budget = lint(edited(remove=("budget",)).replace("pulje: 2019-2026", "pulje: '1999'"))
    assert [f.code for f in cof(no_budget)] == ["COF011"]
    assert cof(lint(text)) == []


# --- COF002: a year short while the total passes ---------------------------------------------

def test_a_year_below_25_percent_while_the_total_passes():
    lbf = {2021: 500000, 2022: 450000, 2023: 450000, 2024: 400000}
    ek = {2021: 50000, 2022: 100000, 2023: 100000, 2024: 150000}
    text = budget(("lbf", lbf), ("ek", ek), ("bo", 50000))
    result = lint(text)
    assert only(result, "COF001") == []
    [finding] = only(result, "COF002")
    assert (finding.line, finding.severity.value) == (line_of(text, "finansiering:"), "info")  # basis erfaring: LBF's 25 % is for the total
    assert finding.message.da.startswith("Den lokale medfinansiering i 2021 er 16,6 % (100.000 kr. af 600.000 kr.)")
    assert "der mangler 50.000 kr. for at nå 25 %" in finding.message.da  # 25 % of 600.000 is 150.000
    assert finding.message.en.startswith("Local co-financing in 2021 is 16.6 % (DKK 100,000 of DKK 600,000)")
    assert finding.hint.da.startswith("For 2021: Erstat 50.000 kr.")


def test_a_year_at_exactly_25_percent_passes():
    lbf = {2021: 450000, 2022: 420000, 2023: 450000, 2024: 450000}
    ek = {2021: 150000, 2022: 140000, 2023: 100000, 2024: 100000}  # 2022: 140.000 of 560.000 = 25 %
    assert cof(lint(budget(("lbf", lbf), ("ek", ek), ("bo", 50000)))) == []


# --- COF003: municipal money ------------------------------------------------------------------

def test_no_municipal_money_is_a_warning_naming_the_municipality():
    text = budget(("lbf", 450000), ("bo", 150000))
    [finding] = only(lint(text), "COF003")
    assert (finding.line, finding.severity.value) == (line_of(text, "finansiering:"), "warning")
    assert "Eksempel Kommune" in finding.message.da and "Tilføj kommunens bidrag" in finding.message.da
    assert "Add the municipality's contribution" in finding.message.en


def test_municipal_money_in_kind_counts():
    text = budget(("lbf", 450000), ("bo", 100000),
                  ("ek", 50000, "type: naturalier, værdiansættelse: 4 t/uge à 240 kr., aftale: sa-job"))
    assert cof(lint(text)) == []


# --- COF004, COF005: in-kind contributions ----------------------------------------------------

def test_in_kind_without_valuation_and_agreement_warns_for_each():
    text = budget(("lbf", 450000), ("ek", 100000, "type: naturalier"), ("bo", 50000))
    result = lint(text)
    source_line = line_after(text, "finansiering:", "- part: ek")
    assert [(f.code, f.line, f.severity.value) for f in cof(result)] == [
        ("COF004", source_line, "warning"), ("COF005", source_line, "info")]
    valuation, agreement = only(result, "COF004")[0], only(result, "COF005")[0]
    assert "naturaliebidraget fra Eksempel Kommune på 400.000 kr." in valuation.message.da
    assert "Tilføj `værdiansættelse`" in valuation.message.da and "Add `værdiansættelse`" in valuation.message.en
    assert "Tilføj `aftale`" in agreement.message.da and "Add `aftale`" in agreement.message.en


def test_in_kind_with_valuation_and_agreement_and_cash_without_them_pass():
    valued = budget(("lbf", 450000), ("ek", 100000, "type: naturalier, værdiansættelse: 8 t/uge, aftale: sa-job"),
                    ("bo", 50000))
    assert cof(lint(valued)) == []
    only_valuation = budget(("lbf", 450000), ("ek", 100000, "type: naturalier, værdiansættelse: 8 t/uge"),
                            ("bo", 50000))
    source_line = line_after(only_valuation, "finansiering:", "- part: ek")
    assert [(f.code, f.line) for f in cof(lint(only_valuation))] == [("COF005", source_line)]


def test_in_kind_findings_point_at_a_written_key():
    text = budget(("lbf", 450000), ("ek", 100000, "type: naturalier, værdiansættelse: ''"), ("bo", 50000))
    [finding] = only(lint(text), "COF004")  # an empty valuation is no valuation
    assert finding.line == line_of(text, "værdiansættelse:")


# --- COF006, COF007: sources equal costs ------------------------------------------------------

def test_financing_not_equal_to_costs_names_both_sums_and_the_year():
    costs = {2021: 600000, 2022: 600000, 2023: 600000, 2024: 640000}
    text = budget(("lbf", 450000), ("ek", 100000), ("bo", 50000), costs=costs)
    result = lint(text)
    [finding] = only(result, "COF006")
    assert (finding.line, finding.severity.value) == (line_of(text, "finansiering:"), "error")
    assert "2.400.000 kr." in finding.message.da and "2.440.000 kr." in finding.message.da
    assert "udgifterne er 40.000 kr. højere end finansieringen" in finding.message.da
    assert "Forskellen ligger i 2024" in finding.message.da and "lies in 2024" in finding.message.en
    assert only(result, "COF007") == []  # the total error says it all


def test_a_budget_without_costs():
    text = edited(at="budget", remove=("udgifter",))
    [finding] = only(lint(text), "COF006")
    assert finding.line == line_of(text, "budget:")
    assert "ingen udgifter" in finding.message.da


def test_a_year_out_of_balance_while_the_total_balances():
    costs = {2021: 640000, 2022: 600000, 2023: 600000, 2024: 560000}
    text = budget(("lbf", 450000), ("ek", 100000), ("bo", 50000), costs=costs)
    result = lint(text)
    assert only(result, "COF006") == []
    findings = only(result, "COF007")
    assert [(f.line, f.severity.value) for f in findings] == [(line_of(text, "finansiering:"), "warning")] * 2
    assert findings[0].message.da.startswith("I 2021 er finansieringen 600.000 kr., men udgifterne 640.000 kr.;")
    assert findings[1].message.en.startswith("In 2024 financing is DKK 600,000, but costs are DKK 560,000.")


# --- COF008: stated totals --------------------------------------------------------------------

def test_stated_totals_that_match_pass_also_as_strings():
    totals = "totaler: {i_alt: '2.400.000 kr.', lbf: 1800000, kommune: '400 000', boligorganisation: 200000, andre: 0}"
    assert cof(lint(edited(at="budget", yaml=totals))) == []


@pytest.mark.parametrize("key, stated, computed", [
    ("i_alt", "2500000", "2.400.000 kr."),
    ("lbf", "1700000", "1.800.000 kr."),
    ("kommune", "'2.000.000 kr.'", "400.000 kr."),
    ("boligorganisation", "250000", "200.000 kr."),
    ("andre", "10000", "0 kr."),
])
def test_a_stated_total_that_differs_is_reported_at_its_key(key, stated, computed):
    text = edited(at="budget", yaml=f"totaler: {{{key}: {stated}}}")
    [finding] = only(lint(text), "COF008")
    assert (finding.line, finding.severity.value) == (line_after(text, "totaler:", f"{key}:"), "error")
    assert f"totaler.{key} er " in finding.message.da and computed in finding.message.da
    assert "ret totalen eller beløbene" in finding.message.da


def test_a_total_that_matches_the_amounts_as_written_is_not_a_second_finding_for_a_stray_year():
    # one defect (LBF money in 2025, after the period) is COF009 alone, not also COF008 for totals
    # that agree with the amounts as written
    text = budget(("lbf", {2021: 450000, 2022: 450000, 2023: 450000, 2024: 450000, 2025: 100000}),
                  ("ek", 100000), ("bo", 50000), costs=600000,
                  extra="totaler: {i_alt: 2500000, lbf: 1900000, kommune: 400000}")
    result = lint(text)
    assert [f.line for f in only(result, "COF009")] == [line_of(text, "2025:")]
    assert only(result, "COF008") == []
    # a total that matches neither the period's sum nor the amounts as written is still reported
    text = text.replace("i_alt: 2500000", "i_alt: 2600000")
    [finding] = only(lint(text), "COF008")
    assert finding.line == line_after(text, "totaler:", "i_alt:")


# --- COF009: amounts outside the period -------------------------------------------------------

def test_amounts_outside_the_period_are_reported_at_the_year_key():
    text = edited(at="budget.udgifter[1]",
                  yaml="beløb: {2020: 5000, 2021: 40000, 2022: 40000, 2023: 40000, 2024: 40000}")
    result = lint(text)
    [finding] = only(result, "COF009")
    assert (finding.line, finding.severity.value) == (line_of(text, "2020:"), "error")
    assert "Udgiften til evaluering har 5.000 kr. i 2020" in finding.message.da
    assert "tælles ikke med" in finding.message.da and "not counted" in finding.message.en
    assert only(result, "COF006") == []  # the 5.000 kr. outside the period are not in the sums


# --- COF010: a plan year without financing ----------------------------------------------------

def test_a_plan_year_without_financing():
    three = {2021: 450000, 2022: 450000, 2023: 450000}
    text = budget(("lbf", three), ("ek", {y: 150000 for y in three}))
    [finding] = only(lint(text), "COF010")
    assert (finding.line, finding.severity.value) == (line_of(text, "finansiering:"), "warning")
    assert "Planåret 2024 har ingen finansiering" in finding.message.da
    assert only(lint(text), "COF002") == []


@pytest.mark.parametrize("period, years, missing", [
    # a period that ends on 1 January touches that year for one day: no plan year of its own
    ("{start: 2021-01-01, slut: 2025-01-01}", (2021, 2022, 2023, 2024), []),
    # mid-year to mid-year: money for 2021-2024 or for 2022-2025 is four complete plan years
    ("{start: 2021-07-01, slut: 2025-06-30}", (2021, 2022, 2023, 2024), []),
    ("{start: 2021-07-01, slut: 2025-06-30}", (2022, 2023, 2024, 2025), []),
    # a year in the middle is still a plan year
    ("{start: 2021-07-01, slut: 2025-06-30}", (2021, 2022, 2024, 2025), [2023]),
])
def test_a_plan_year_is_a_year_the_period_covers_for_half_a_year(period, years, missing):
    text = budget(("lbf", dict.fromkeys(years, 750000)), ("ek", dict.fromkeys(years, 250000)),
                  costs=dict.fromkeys(years, 1000000))
    start, end = re.findall(r"\d{4}-\d\d-\d\d", period)
    text = text.replace("    start: '2021-01-01'\n    slut: '2024-12-31'\n",
                        f"    start: '{start}'\n    slut: '{end}'\n", 1)
    assert f"slut: '{end}'" in text
    findings = only(lint(text), "COF010")
    assert [f.message.en.split("The plan year ")[1][:4] for f in findings] == [str(y) for y in missing]


# --- COF011: no budget ------------------------------------------------------------------------

def test_no_budget_is_an_error_saying_the_share_cannot_be_computed():
    result = lint(edited(remove=("budget",)))
    [finding] = cof(result)
    assert (finding.code, finding.severity.value) == ("COF011", "error")
    assert "kan ikke beregnes" in finding.message.da and "mindst 25 %" in finding.message.da
    assert "cannot be computed" in finding.message.en


@pytest.mark.parametrize("yaml, remove", [
    ("", ("finansiering",)),
    ("finansiering: []", ()),
    ("finansiering: [{part: lbf, beløb: {2025: 100000}}]", ()),
])
def test_a_budget_without_financing_in_the_period(yaml, remove):
    text = edited(at="budget", yaml=yaml, remove=remove)
    result = lint(text)
    assert [f.code for f in cof(result) if f.code != "COF009"] == ["COF011"]
    finding = only(result, "COF011")[0]
    anchor = "finansiering:" if "finansiering" in text else "budget:"
    assert finding.line == line_of(text, anchor)


def test_rum_for_liv_has_no_budget_and_says_so():
    path = EXAMPLES / "rum_for_liv.yaml"
    if not path.exists():
        pytest.skip("rum_for_liv.yaml not written yet")
    assert "COF011" in {f.code for f in lint(path.read_text(encoding="utf-8")).findings}


# --- odd and partial plans --------------------------------------------------------------------

@pytest.mark.parametrize("yaml, at, remove", [
    ("budget: {}", "", ()),
    ("budget: null", "", ()),
    ("finansiering: [{type: naturalier}]", "budget", ()),
    ("finansiering: [{part: lbf, beløb: {}}, {part: ek, beløb: 'mange penge'}]", "budget", ()),
    ("totaler: {i_alt: -5}", "budget", ()),
    ("", "plan", ("periode",)),
    ("periode: {start: 2024-01-01, slut: 2021-12-31}", "plan", ()),
    ("", "", ("parter",)),
])
def test_odd_plans_never_crash_the_plugin(yaml, at, remove):
    result = lint(edited(at=at, yaml=yaml, remove=remove))
    assert not [f for f in result.findings if f.code in {"PLN020", "PLN021", "PLN022"}]


# --- facts for the report ---------------------------------------------------------------------

def _facts(text: str):
    from planlint.engine import Linter

    linter = Linter()
    result = lint(text)
    plan = result.document.plan
    return linter.registry.facts(plan, linter.packs.get(plan.pulje_name))


def test_facts_of_the_base_plan():
    facts = _facts(base_text())["cofinancing"]
    assert (facts["total"], facts["lbf"], facts["local"], facts["kommune"], facts["boligorganisation"],
            facts["andre"]) == (2400000, 1800000, 600000, 400000, 200000, 0)
    assert (facts["local_share"], facts["lbf_share"], facts["local_min_share"], facts["lbf_max_share"]) == \
        (0.25, 0.75, 0.25, 0.75)
    assert facts["gap_kr"] == 0 and facts["costs_total"] == 2400000
    assert facts["years"][2021] == {"total": 600000, "lbf": 450000, "local": 150000, "local_share": 0.25}
    assert facts["sources"][1] == {"part": "ek", "navn": "Eksempel Kommune", "category": "kommune",
                                   "type": "kontant", "amounts": dict.fromkeys(YEARS, 100000),
                                   "total": 400000, "share": 400000 / 2400000}
    assert facts["costs_by_category"] == {"løn": 2240000, "evaluering": 160000}
    assert facts["costs_by_area"] == {"besk": 2240000, "": 160000}  # A1 lies in besk
    assert facts["costs_by_year"] == dict.fromkeys(YEARS, 600000)
    json.dumps(facts)  # plain data


def test_facts_gap_and_no_budget():
    assert _facts(edited(remove=("budget",)))["cofinancing"] is None
    assert _facts(edited(at="budget", remove=("finansiering",)))["cofinancing"] is None
    short = _facts(budget(("lbf", 750100), ("ek", 249900)))["cofinancing"]
    assert short["gap_kr"] == 400


# --- what a user runs -------------------------------------------------------------------------

def test_cli_json_for_the_defect_plan():
    path = EXAMPLES / "defekter" / "medfinansiering_under_25.yaml"
    done = run_cli("check", "--format", "json", str(path.relative_to(ROOT)))
    assert done.returncode == 1, done.stderr
    [plan] = json.loads(done.stdout)["files"]
    [finding] = [f for f in plan["findings"] if f["code"].startswith("COF")]
    text = path.read_text(encoding="utf-8")
    assert (finding["code"], finding["plugin"], finding["severity"], finding["path"], finding["line"]) == \
        ("COF001", "cofinancing", "error", "budget.finansiering", line_of(text, "finansiering:"))
    assert "der mangler 24.000 kr. for at nå 25 %" in finding["message"]
