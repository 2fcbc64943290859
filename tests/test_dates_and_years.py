"""Years and dates: the same year twice, dates before the period, one finding per mistake."""

from __future__ import annotations

import io
import json

import pytest
from conftest import base_text, codes, edited, line_of, lint


def test_the_same_year_twice_in_a_year_map_is_one_error_and_every_consumer_reads_the_first(tmp_path):
    text = base_text().replace("beløb: {2021: 450000,", "beløb: {2021: 450000, '2021': 9000000,", 1)
    result = lint(text)
    assert codes(result) == ["PLN002"]
    [finding] = result.findings
    assert "2021" in finding.message.da and "2021" in finding.message.en
    assert finding.path_text == "budget.finansiering[0].beløb.2021"
    assert finding.line == line_of(text, "'2021': 9000000")
    assert result.document.plan.budget.sources[0].amounts[2021] == 450000

    from planlint.report import ReportOptions, run as run_report

    (tmp_path / "plan.yaml").write_text(text, encoding="utf-8")
    out = io.StringIO()
    run_report(ReportOptions(paths=[str(tmp_path / "plan.yaml")], format="json"), stdout=out, stderr=io.StringIO())
    cof = json.loads(out.getvalue())["plans"][0]["cofinancing"]
    assert cof["years"]["2021"]["total"] == 600000  # 450.000 + 100.000 + 50.000, not 9.000.000


def test_a_quoted_year_first_and_a_plain_one_second_is_the_same_mistake():
    text = base_text().replace("mål: {2021: 25,", "mål: {'2021': 25, 2021: 99,", 1)
    result = lint(text)
    assert codes(result) == ["PLN002"]
    assert result.findings[0].path_text.endswith("mål.2021")
    assert result.document.plan.areas[0].activities[0].criteria[0].targets[2021] == 25


@pytest.mark.parametrize("at, yaml, code, key", [
    ("indsatsområder[0].aktiviteter[0].forankring", "hvornår: 2020-12-31", "FOR012", "hvornår: 2020-12-31"),
    ("indsatsområder[0].aktiviteter[0].forankring", "hvornår: 2019", "FOR012", "hvornår: 2019"),
    ("evaluering", "midtvejs: 2012-12-31", "LBF017", "midtvejs: 2012-12-31"),
    ("evaluering", "slut: 2020-06-30", "LBF017", "slut: 2020-06-30"),
])
def test_a_date_before_the_period_is_a_warning_naming_the_date_and_the_period(at, yaml, code, key):
    text = edited(at, yaml)
    result = lint(text)
    found = [f for f in result.findings if f.code == code]
    assert len(found) == 1 and found[0].severity.value == "warning"
    date = yaml.split(": ")[1]
    for message in (found[0].message.da, found[0].message.en):
        assert date in message and "2021-01-01 – 2024-12-31" in message
    assert date in text.splitlines()[found[0].line - 1] and key.split(":")[0] in text.splitlines()[found[0].line - 1]


@pytest.mark.parametrize("at, yaml", [
    ("indsatsområder[0].aktiviteter[0].forankring", "hvornår: 2021"),  # a bare year that overlaps
    ("indsatsområder[0].aktiviteter[0].forankring", "hvornår: 2021-01-01"),
    ("evaluering", "slut: 2025-06-30"),  # a final evaluation after the period is normal
])
def test_dates_in_the_period_or_a_final_evaluation_after_it_are_not_reported(at, yaml):
    assert not {"FOR012", "LBF017"} & set(codes(lint(edited(at, yaml))))


def test_a_budget_year_outside_the_period_is_one_finding():
    text = edited("budget.finansiering[0]", "beløb: {2021: 450000, 2022: 450000, 2023: 450000, 2024: 450000, "
                                            "2025: 100000}")
    line = line_of(text, "2025: 100000")
    at_the_year = [f.code for f in lint(text).findings if f.line == line]
    assert at_the_year == ["COF009"]


def test_a_target_year_outside_the_period_stays_pln008():
    text = edited("indsatsområder[0].aktiviteter[0].succeskriterier[0]",
                  "mål: {2021: 25, 2022: 30, 2023: 35, 2024: 40, 2025: 45}")
    assert [f.code for f in lint(text).findings if f.line == line_of(text, "2025: 45")] == ["PLN008"]
