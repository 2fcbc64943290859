"""The core's format checks (PLN): exact codes, lines and columns."""

from __future__ import annotations

import pytest

from conftest import at, base_text, codes, edited, line_of, lint

PLN = "PLN"


def pln(result):
    return [f for f in result.findings if f.code.startswith(PLN)]


def test_base_plan_is_clean():
    result = lint(base_text())
    assert result.findings == []
    assert result.pulje == "2019-2026"


def test_syntax_error_points_at_parser_position():
    text = "version: 1\nplan:\n  navn: Planen\n   pulje: \"2019-2026\"\n"
    result = lint(text)
    assert codes(result) == ["PLN001"]
    assert at(result, "PLN001") == [(4, 9)]
    assert "YAML-syntaksfejl" in result.findings[0].message.da
    assert "YAML syntax error" in result.findings[0].message.en


def test_tab_indentation_is_a_syntax_finding_in_danish():
    result = lint("version: 1\nplan:\n\tnavn: x\n")
    assert codes(result) == ["PLN001"]
    assert result.findings[0].line == 3
    assert "tabulator" in result.findings[0].message.da


def test_duplicate_key_points_at_second_occurrence():
    text = base_text().replace("  navn: Eksempelplanen\n", "  navn: Eksempelplanen\n  navn: Igen\n", 1)
    result = lint(text)
    assert codes(result) == ["PLN002"]
    assert at(result, "PLN002") == [(line_of(text, "navn: Igen"), 3)]
    first = line_of(text, "navn: Eksempelplanen")
    assert f"linje {first}" in result.findings[0].message.da  # names the first occurrence


def test_unknown_key_suggests_closest_defined_key():
    text = edited("indsatsområder[0].aktiviteter[0]", "succeskriterer: []")
    result = lint(text)
    found = [f for f in result.findings if f.code == "PLN003"]
    assert len(found) == 1
    assert found[0].line == line_of(text, "succeskriterer:")
    assert "succeskriterier" in found[0].message.da and "mente du" in found[0].message.da
    assert found[0].path_text == "indsatsområder[0].aktiviteter[0].succeskriterer"


def test_unknown_key_without_danish_letters_is_matched():
    text = base_text().replace("indsatsområder:", "indsatsomraader:")
    result = lint(text)
    assert codes(result) == ["PLN003"]  # not also "indsatsområder is missing"
    assert "'indsatsområder'" in result.findings[0].message.da


def test_missing_required_key_points_at_its_mapping():
    text = edited("indsatsområder[0].aktiviteter[0]", remove=("navn",))
    result = lint(text)
    assert codes(result) == ["PLN004"]
    finding = result.findings[0]
    assert finding.path_text == "indsatsområder[0].aktiviteter[0].navn"
    assert finding.line == line_of(text, "- id: A1")
    assert "'navn'" in finding.message.da


def test_required_key_with_empty_value():
    text = base_text().replace("  navn: Eksempelplanen", "  navn:")
    result = lint(text)
    assert codes(result) == ["PLN004"]
    assert "ingen værdi" in result.findings[0].message.da
    assert result.findings[0].line == 5


def test_wrong_type_one_finding_and_plugins_still_run():
    text = base_text().replace("timer_pr_uge: 37, part: bo}", "timer_pr_uge: fuld tid, part: bo}")
    result = lint(text)
    assert [f.code for f in pln(result)] == ["PLN005"]
    finding = pln(result)[0]
    assert finding.line == line_of(text, "fuld tid")
    assert finding.path_text == "organisation.medarbejdere[0].timer_pr_uge"
    assert 'teksten "fuld tid"' in finding.message.da
    # the rest of the plan was still modelled
    assert result.document.plan is not None
    assert result.document.plan.areas[0].activities[0].id == "A1"


def test_value_outside_enumeration_with_suggestion():
    text = base_text().replace("type: kommune}", "type: komune}")
    result = lint(text)
    enum = [f for f in result.findings if f.code == "PLN006"]
    assert len(enum) == 1
    assert enum[0].line == line_of(text, "komune")
    assert "Mente du 'kommune'" in enum[0].message.da


@pytest.mark.parametrize("amount", ["1.5", "-100", "'100 EUR'", "'1.00.000'", "'ca. 100000'", "true"])
def test_malformed_amount(amount):
    text = base_text().replace("beløb: {2021: 100000,", f"beløb: {{2021: {amount},", 1)
    result = lint(text)
    found = [f for f in result.findings if f.code == "PLN007"]
    assert len(found) == 1, codes(result)
    assert found[0].path_text == "budget.finansiering[1].beløb.2021"
    assert found[0].line == line_of(text, f"2021: {amount}")


@pytest.mark.parametrize("amount", ['"100.000 kr."', '"100 000"', '"100000 kr."', "100000"])
def test_amount_strings_count_like_integers(amount):
    text = base_text().replace("beløb: {2021: 100000,", f"beløb: {{2021: {amount},", 1)
    result = lint(text)
    assert pln(result) == []
    assert result.document.plan.budget.sources[1].amounts[2021] == 100000


def test_year_outside_period_points_at_the_year_key():
    text = edited("indsatsområder[0].aktiviteter[0].succeskriterier[0]",
                  "mål: {2021: 25, 2022: 30, 2023: 35, 2024: 40, 2025: 45}")
    result = lint(text)
    found = [f for f in result.findings if f.code == "PLN008"]
    assert len(found) == 1
    assert found[0].path_text == "indsatsområder[0].aktiviteter[0].succeskriterier[0].mål.2025"
    line = line_of(text, "2025:")
    assert found[0].line == line
    assert found[0].column == text.splitlines()[line - 1].index("2025") + 1


def test_reference_to_unknown_party_with_suggestion():
    text = base_text().replace("samarbejdspartnere: [ek, ab]", "samarbejdspartnere: [ek, ab, abb]")
    result = lint(text)
    assert [f.code for f in pln(result)] == ["PLN009"]
    finding = pln(result)[0]
    assert finding.path_text == "indsatsområder[0].aktiviteter[0].samarbejdspartnere[2]"
    assert finding.line == line_of(text, "abb]")
    assert "Mente du 'ab'" in finding.message.da


def test_reference_to_unknown_agreement():
    text = base_text().replace("aftale: sa-job", "aftale: sa-jobb")
    result = lint(text)
    assert [f.code for f in pln(result)] == ["PLN009"]
    assert pln(result)[0].line == line_of(text, "aftale: sa-jobb")


def test_duplicate_ids():
    text = base_text().replace("{id: ab, navn: Afdelingsbestyrelsen", "{id: bo, navn: Afdelingsbestyrelsen")
    result = lint(text)
    dup = [f for f in result.findings if f.code == "PLN010"]
    assert len(dup) == 1
    assert dup[0].line == line_of(text, "{id: bo, navn: Afdelingsbestyrelsen")
    assert dup[0].path_text == "parter[3].id"


def test_a_duplicate_party_id_is_one_finding_and_references_mean_the_first_part():
    # a second part 'ek' of type ngo is PLN010 at its id; plan.kommune still names the first, a kommune
    text = base_text().replace("  - {id: bo, navn:", "  - {id: ek, navn: Andet, type: ngo}\n  - {id: bo, navn:", 1)
    result = lint(text)
    assert [(f.code, f.line) for f in pln(result)] == [("PLN010", line_of(text, "{id: ek, navn: Andet"))]


def test_a_list_too_short_says_how_long_it_is():
    text = base_text().replace("parter: [ek, bo], emne", "parter: [ek], emne", 1)
    [finding] = [f for f in pln(lint(text)) if f.code == "PLN005"]
    assert finding.line == line_of(text, "parter: [ek], emne")
    assert "mindst 2 elementer, men er en liste med 1 element." in finding.message.da
    assert "at least 2 items, but is a list of 1 item." in finding.message.en


def test_reference_to_party_of_wrong_type():
    text = base_text().replace("  kommune: ek\n", "  kommune: bo\n")
    result = lint(text)
    assert "PLN016" in codes(result)
    assert at(result, "PLN016") == [(line_of(text, "  kommune: bo"), 3)]


def test_invalid_date():
    text = base_text().replace("slut: 2024-12-31}", "slut: 2024-02-30}", 1)
    result = lint(text)
    found = [f for f in result.findings if f.code == "PLN005"]
    assert len(found) == 1
    assert "findes" in found[0].message.da
    assert found[0].path_text == "plan.periode.slut"


def test_yaml_12_scalars_yes_stays_text_and_dates_are_parsed():
    text = base_text().replace("navn: Eksempelplanen", "navn: yes")
    result = lint(text)
    assert pln(result) == []
    assert result.document.plan.meta.name == "yes"


def test_python_tags_are_never_constructed():
    text = base_text().replace("  navn: Eksempelplanen", "  navn: !!python/object/apply:os.system ['echo hacked']")
    result = lint(text)
    assert "PLN013" in codes(result)
    assert at(result, "PLN013")[0][0] == 5


@pytest.mark.parametrize("text, code", [
    ("", "PLN012"),
    ("# bare en kommentar\n", "PLN012"),
    ("- a\n- b\n", "PLN012"),
    ("42\n", "PLN012"),
    ("version: 1\n---\nversion: 1\n", "PLN012"),
])
def test_not_a_plan(text, code):
    result = lint(text)
    assert codes(result) == [code]
    assert result.document.plan is None


def test_bom_and_crlf_keep_line_numbers(tmp_path, linter):
    text = base_text().replace("  kommune: ek\n", "  kommune: bo\n")
    expected = line_of(text, "  kommune: bo")
    for name, data in {
        "bom.yaml": b"\xef\xbb\xbf" + text.encode(),
        "crlf.yaml": text.replace("\n", "\r\n").encode(),
        "cr.yaml": text.replace("\n", "\r").encode(),
    }.items():
        path = tmp_path / name
        path.write_bytes(data)
        result = linter.lint_file(path)
        assert at(result, "PLN016") == [(expected, 3)], name


def test_latin1_file_names_the_line(tmp_path, linter):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("version: 1\nplan:\n  navn: Ærø\n".encode("latin-1"))
    result = linter.lint_file(path)
    assert codes(result) == ["PLN011"]
    assert result.findings[0].line == 3
    assert "Linje 3 er ikke UTF-8" in result.findings[0].message.da


def test_positions_survive_in_flow_and_block_styles():
    text = base_text()
    result = lint(text)
    document = result.document
    assert document.locate(("budget", "finansiering")) == (line_of(text, "finansiering:"), 3)
    line = line_of(text, "{part: ek, type: kontant")
    assert document.locate(("budget", "finansiering", 1)) == (line, 7)
    assert document.locate(("budget", "finansiering", 1, "beløb", "2022"))[0] == line
    # a path that does not exist is located at its deepest existing part
    assert document.locate(("indsatsområder", 0, "aktiviteter", 0, "nope")) == (line_of(text, "- id: A1"), 9)


def test_danish_thousands_separator_read_as_decimal_is_explained():
    text = base_text().replace("beløb: {2021: 100000,", "beløb: {2021: 100.000,", 1)
    result = lint(text)
    [finding] = [f for f in result.findings if f.code == "PLN007"]
    assert finding.line == line_of(text, "2021: 100.000")
    assert finding.message.da == ('100.000 læses af YAML som decimaltallet 100,000, ikke som et beløb i hele kroner; '
                                  'skriv 100000 eller "100.000 kr." (i anførselstegn).')
    assert "YAML reads 100.000 as the decimal number" in finding.message.en
