"""A prækvalifikationsansøgning (``plan.status: prækvalifikation``) is checked for
what LBF asks of one, not for the full plan's activities and governance."""

from __future__ import annotations

import pytest

from conftest import EXAMPLES, line_of, lint

EXAMPLE = EXAMPLES / "praekvalifikation_2011.yaml"


def application(edit=None) -> str:
    text = EXAMPLE.read_text(encoding="utf-8")
    return edit(text) if edit else text


def found(text: str) -> list[tuple[str, int, str]]:
    return [(f.code, f.line, f.severity.value) for f in lint(text).findings]


def test_the_example_application_is_clean():
    assert found(application()) == []


def test_the_same_file_as_a_full_plan_needs_what_a_full_plan_needs():
    codes = {code for code, _, _ in found(application(lambda t: t.replace("status: prækvalifikation",
                                                                          "status: indsendt")))}
    # indsatsområder, signatures, samarbejdsaftaler, bestyrelse, evaluation, the afdelingsmøde
    assert {"PLN004", "LBF006", "LBF009", "LBF010", "LBF012", "LBF007"} <= codes


@pytest.mark.parametrize("key, what", [
    ("problembeskrivelse", "beskrivelsen af de sociale udfordringer"),
    ("nøgletal", "nøgletal for afdelingerne"),
    ("kommunal_anbefaling", "kommunens anbefaling"),
])
def test_each_missing_part_is_one_error_at_the_section(key, what):
    def drop(text):
        lines = text.splitlines(keepends=True)
        start = next(i for i, line in enumerate(lines) if line.startswith(f"  {key}:"))
        end = start + 1
        while end < len(lines) and lines[end].startswith("    "):
            end += 1
        return "".join(lines[:start] + lines[end:])
    text = application(drop)
    result = lint(text)
    assert [(f.code, f.severity.value) for f in result.findings] == [("LBF019", "error")]
    assert result.findings[0].line == line_of(text, "prækvalifikation:")
    assert what in result.findings[0].message.da and f"`{key}`" in result.findings[0].message.en


def test_an_application_without_its_section_says_so_at_the_status():
    text = application(lambda t: t.split("prækvalifikation:\n  problembeskrivelse")[0] +
                       "budget:" + t.split("\nbudget:", 1)[1])
    assert found(text) == [("LBF019", line_of(text, "status: prækvalifikation"), "error")]


@pytest.mark.parametrize("pages, fires", [(5, False), (6, True), (12, True)])
def test_the_problem_description_is_at_most_five_pages_in_2011_2014(pages, fires):
    text = application(lambda t: t.replace("    sider: 4", f"    sider: {pages}"))
    assert found(text) == ([("LBF020", line_of(text, f"sider: {pages}"), "error")] if fires else [])


def test_a_round_without_a_page_limit_does_not_count_pages():
    def edit(text):
        return (text.replace('pulje: "2011-2014"', 'pulje: "2019-2026"').replace("    sider: 4", "    sider: 9")
                .replace("2012", "2021").replace("2013", "2022").replace("2014", "2023").replace("2015", "2024")
                .replace("2010", "2020").replace("2011-08-15", "2020-08-15"))
    assert "LBF020" not in {code for code, _, _ in found(application(edit))}


def test_the_budget_outline_is_checked_for_local_cofinancing():
    text = application(lambda t: t.replace("{2012: 125000, 2013: 125000, 2014: 125000, 2015: 125000}}\n  udgifter",
                                           "{2012: 25000, 2013: 25000, 2014: 25000, 2015: 25000}}\n  udgifter"))
    assert "COF001" in {code for code, _, _ in found(text)}


def test_no_budget_outline_is_an_error():
    text = application(lambda t: t.split("\n# Budgetoverslag")[0] + "\n")
    assert [code for code, _, _ in found(text)] == ["COF011"]


def test_the_schema_accepts_an_application_without_areas_and_a_full_plan_needs_them():
    import jsonschema
    import yaml

    from planlint.schema import build_schema

    data = yaml.safe_load(application())
    data = {k: (str(v) if hasattr(v, "isoformat") else v) for k, v in data.items()}
    validator = jsonschema.Draft202012Validator(build_schema())
    plain = yaml.safe_load(application().replace("status: prækvalifikation", "status: indsendt"))
    assert any("indsatsområder" in e.message for e in validator.iter_errors(_jsonable(plain)))
    assert not any("indsatsområder" in e.message for e in validator.iter_errors(_jsonable(data)))


def _jsonable(value):
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value.isoformat() if hasattr(value, "isoformat") else value
