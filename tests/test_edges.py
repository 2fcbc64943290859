"""No crash at the edges: huge amounts, far dates, long suppression comments, out-of-range options."""

from __future__ import annotations

import io
import json

import pytest
from conftest import EXAMPLES, base_text, codes, line_of, lint
from typer.testing import CliRunner

CLEAN = str(EXAMPLES / "komplet_plan.yaml")


def invoke(*args: str):
    from planlint.cli import app

    done = CliRunner().invoke(app, list(args))
    return done.exit_code, done.stdout, done.stderr


@pytest.mark.parametrize("digits", [11, 28, 29, 60, 100])
def test_a_huge_amount_is_one_pln007_and_crashes_nothing(tmp_path, digits):
    huge = "9" * digits
    text = base_text().replace("beløb: {2021: 450000,", f"beløb: {{2021: {huge},", 1)
    result = lint(text)
    assert codes(result) == ["PLN007"]
    assert "urealistisk stort" in result.findings[0].message.da
    assert result.findings[0].line == line_of(text, huge)
    (tmp_path / "plan.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "other.yaml").write_text(base_text(), encoding="utf-8")
    for args in (("report", str(tmp_path / "plan.yaml")), ("report", str(tmp_path)), ("check", str(tmp_path))):
        status, out, err = invoke(*args, "--format", "text")
        assert status in (0, 1) and "intern fejl" not in err and "PLN019" not in out and "PLN020" not in out, err


def test_the_largest_amount_is_still_read():
    from planlint.model import MAX_AMOUNT

    text = base_text().replace("beløb: {2021: 450000,", f"beløb: {{2021: {MAX_AMOUNT},", 1)
    assert "PLN007" not in codes(lint(text))


def test_numbers_of_any_size_are_formatted():
    from planlint.i18n import kr, number

    assert number(10 ** 40, "da") == "10" + ".000" * 13
    assert kr(10 ** 30, "en") == "DKK 1" + ",000" * 10
    assert number(1e300, "en").startswith("1,000,000,000,000,000,052,504")


@pytest.mark.parametrize("edit", ["slut: 9999-12-31", "start: 0001-01-01", "slut: 2201-01-01"])
def test_a_date_out_of_range_is_one_pln005_and_no_rule_sees_it(edit):
    key = edit.split(":")[0]
    text = base_text().replace("periode: {start: 2021-01-01, slut: 2024-12-31}",
                               "periode: {start: 2021-01-01, slut: 2024-12-31}".replace(
                                   f"{key}: " + ("2021-01-01" if key == "start" else "2024-12-31"), edit))
    result = lint(text)
    assert codes(result) == ["PLN005"]
    assert "1900-01-01" in result.findings[0].message.da and "2200-12-31" in result.findings[0].message.en


def test_a_suppression_comment_with_a_thousand_unknown_codes_is_one_short_finding():
    listed = ",".join(f"XYZ{n:03d}" for n in range(1000))
    text = base_text().replace("  status: indsendt\n", f"  status: indsendt  # planlint: disable={listed}\n")
    result = lint(text)
    assert codes(result) == ["PLN023"]
    message = result.findings[0].message
    assert len(message.da) < 400 and len(message.en) < 400
    assert "XYZ000, XYZ001, XYZ002, XYZ003, XYZ004 og 995 andre" in message.da


def test_a_megabyte_of_suppression_comments_stays_small(tmp_path):
    line = "# planlint: disable=" + ",".join(f"XYZ{n:03d}" for n in range(600)) + "\n"
    text = base_text() + line * (1_000_000 // len(line))
    result = lint(text)
    assert set(codes(result)) == {"PLN023"}
    assert len(result.findings) == 1_000_000 // len(line)
    assert sum(len(f.message.da) for f in result.findings) < 400 * len(result.findings)


@pytest.mark.parametrize("value", ["0", "100000001", "2500000000", str(10 ** 20), "1e20"])
def test_max_file_size_out_of_range_is_a_usage_error(value):
    status, out, err = invoke("check", CLEAN, "--max-file-size", value)
    assert status == 2 and out == ""
    assert err.strip()


@pytest.mark.parametrize("value", ["0", "2500000000", "100000000000000000000", "1e20"])
def test_max_file_size_out_of_range_in_the_configuration_is_a_usage_error(tmp_path, value):
    (tmp_path / "plan.yaml").write_text(base_text(), encoding="utf-8")
    (tmp_path / ".planlint.yaml").write_text(f"max-file-size: {value}\n", encoding="utf-8")
    status, out, err = invoke("check", str(tmp_path), "--format", "text")
    assert status == 2 and out == "" and "max-file-size" in err and "linje 1" in err


def test_the_largest_max_file_size_works_and_reading_reserves_no_such_buffer(tmp_path, monkeypatch):
    from planlint import load

    sizes = []

    class Spy(io.BytesIO):
        def read(self, size=-1):
            sizes.append(size)
            return super().read(size)

    data = base_text().encode("utf-8")
    assert load.read_at_most(Spy(data), 100_000_001) == data
    assert max(sizes) <= load.READ_CHUNK
    status, _, err = invoke("check", CLEAN, "--max-file-size", "100000000", "--format", "text")
    assert status == 0, err


@pytest.mark.parametrize("width", ["39", "1001", "100000000"])
def test_report_width_out_of_range_is_a_usage_error(width):
    status, out, err = invoke("report", CLEAN, "--width", width)
    assert status == 2 and out == "" and "--width" in err


def test_report_at_the_widest_width_works():
    status, out, err = invoke("report", CLEAN, "--width", "1000", "--format", "text")
    assert status == 0 and max(len(line) for line in out.splitlines()) <= 1000, err
