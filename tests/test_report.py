"""planlint report: the coordinator's overview of one plan and of a portfolio.

Most tests bring a small facts plugin (``FakeFacts``) that computes the facts
in the shapes the cofinancing, success and forankring plugins promise, so the
report is tested on its own; ``test_real_plugins_*`` run the installed plugins
end to end.
"""

from __future__ import annotations

import io
import json
import math
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import EXAMPLES, run_cli

from planlint import hookimpl

KOMPLET = str(EXAMPLES / "komplet_plan.yaml")
RUM_FOR_LIV = str(EXAMPLES / "rum_for_liv.yaml")
DEFECTS = EXAMPLES / "defekter"
CATEGORY = {"landsbyggefond": "lbf", "kommune": "kommune", "boligorganisation": "boligorganisation",
            "afdelingsbestyrelse": "boligorganisation"}


class FakeFacts:
    """Facts in the promised shapes, computed naively from the plan (not from any example's numbers)."""

    @hookimpl
    def planlint_facts(self, plan, pack):
        return {"cofinancing": self.cofinancing(plan), "criteria": self.criteria(plan),
                "forankring": self.forankring(plan)}

    def cofinancing(self, plan):
        sources = plan.budget.sources if plan.budget and plan.budget.sources else None
        if not sources:
            return None
        rows, years = [], {}
        for source in sources:
            party = plan.party(source.party)
            category = CATEGORY.get(party.type if party else "", "andre")
            rows.append({"part": source.party, "navn": party.name if party else source.party, "category": category,
                         "type": source.type or "kontant", "amounts": dict(source.amounts or {}),
                         "total": source.total})
            for year, value in (source.amounts or {}).items():
                entry = years.setdefault(year, {"total": 0, "lbf": 0, "local": 0})
                entry["total"] += value
                entry["lbf" if category == "lbf" else "local"] += value
        total = sum(r["total"] for r in rows)
        sums = {c: sum(r["total"] for r in rows if r["category"] == c)
                for c in ("lbf", "kommune", "boligorganisation", "andre")}
        for row in rows:
            row["share"] = row["total"] / total
        for entry in years.values():
            entry["local_share"] = entry["local"] / entry["total"]
        costs = plan.budget.costs or []
        by_category, by_area, by_year = {}, {}, {}
        for cost in costs:
            by_category[cost.category] = by_category.get(cost.category, 0) + cost.total
            by_area[cost.area or ""] = by_area.get(cost.area or "", 0) + cost.total
            for year, value in (cost.amounts or {}).items():
                by_year[year] = by_year.get(year, 0) + value
        local = total - sums["lbf"]
        return {"total": total, "lbf": sums["lbf"], "local": local, **{k: sums[k] for k in sums if k != "lbf"},
                "lbf_share": sums["lbf"] / total, "local_share": local / total,
                "kommune_share": sums["kommune"] / total,
                "local_min_share": 0.25, "lbf_max_share": 0.75,
                # local money missing at an unchanged budget: 25 % of the total
                "gap_kr": max(0, math.ceil(total / 4) - local), "years": years, "sources": rows,
                "costs_total": sum(c.total for c in costs), "costs_by_category": by_category,
                "costs_by_area": by_area, "costs_by_year": by_year}

    def criteria(self, plan):
        out = {}
        for _area, activity in plan.activities():
            missing = []
            for criterion in activity.criteria or []:
                for name, attr in (("indikator", "indicator"), ("baseline", "baseline"),
                                   ("datakilde", "data_source")):
                    if getattr(criterion, attr) is None and name not in missing:
                        missing.append(name)
                if set(plan.period_years) - set(criterion.targets or {}) and "mål" not in missing:
                    missing.append("mål")
            count = len(activity.criteria or [])
            out[activity.id] = {"label": activity.label, "count": count, "present": count, "expected": count,
                                "complete": bool(count) and not missing, "missing": missing}
        return out

    def forankring(self, plan):
        out = {}
        for _area, activity in plan.activities():
            f = activity.forankring
            who = [plan.party(p).name if plan.party(p) else p for p in (f.parties or [])] if f else []
            fact = {"label": activity.label, "who": who, "how": f.how if f else None,
                    "when": f.when if f else None, "agreement": f.agreement if f else None}
            fact["complete"] = all(fact[k] for k in ("who", "how", "when", "agreement"))
            out[activity.id] = fact
        return out


@pytest.fixture(scope="module")
def fake_linter():
    from planlint.engine import Linter

    linter = Linter()
    linter.registry.manager.register(FakeFacts(), name="fake-facts")
    return linter


def report(linter, *paths, **options):
    """(exit status, stdout) of ``planlint report`` run in-process with this linter."""
    from planlint.report import ReportOptions, run

    out, err = io.StringIO(), io.StringIO()
    status = run(ReportOptions(paths=[str(p) for p in paths], **options), out, err, linter=linter)
    return status, out.getvalue()


def report_json(linter, *paths, **options):
    status, text = report(linter, *paths, format="json", **options)
    assert status == 0
    return json.loads(text)


# --- one plan -------------------------------------------------------------------

def test_plan_report_shows_header_budget_and_shares_in_danish(fake_linter):
    status, text = report(fake_linter, KOMPLET, format="text")
    assert status == 0
    assert "Sammen om Østbyen" in text and "Aarhus Kommune" in text
    assert "830 lejemål, 2.130 beboere" in text  # the two afdelinger summed
    assert "17.040.000" in text                    # total budget
    assert "70,4 %" in text and "29,6 %" in text   # LBF and local share
    assert "Klar til indsendelse" in text
    assert "\x1b[" not in text                     # no colour off a terminal


def test_plan_report_in_english_uses_english_numbers(fake_linter):
    _, text = report(fake_linter, KOMPLET, format="text", lang="en")
    assert "17,040,000" in text and "70.4 %" in text
    assert "Ready to submit" in text and "Financing" in text


def test_plan_report_fits_80_columns_off_a_terminal(fake_linter):
    for path in (KOMPLET, RUM_FOR_LIV, DEFECTS / "medfinansiering_under_25.yaml"):
        _, text = report(fake_linter, path, format="text")
        assert max(len(line) for line in text.splitlines()) <= 80, path


def test_plan_report_uses_the_width_it_is_given(fake_linter):
    _, text = report(fake_linter, KOMPLET, format="text", width=120)
    assert max(len(line) for line in text.splitlines()) > 80


def test_json_holds_the_same_numbers(fake_linter):
    data = report_json(fake_linter, KOMPLET)
    assert data["kind"] == "plan" and "portfolio" not in data
    plan = data["plans"][0]
    cof = plan["cofinancing"]
    assert plan["cofinancing_status"] == "computed"
    assert cof["total"] == 17_040_000 and cof["lbf"] == 12_000_000
    assert cof["lbf_share"] == pytest.approx(12_000_000 / 17_040_000)
    assert set(cof["years"]) == {"2022", "2023", "2024", "2025"}  # year keys are strings in JSON
    assert plan["lejemål"] == 830 and plan["beboere"] == 2130
    assert plan["activities"] == 6
    assert plan["criteria_complete"] == {"complete": 6, "activities": 6, "share": 1.0}
    assert plan["verdict"] == "ready"


def test_rum_for_liv_says_cofinancing_cannot_be_computed(fake_linter):
    _, text = report(fake_linter, RUM_FOR_LIV, format="text")
    assert "Medfinansieringen kan ikke beregnes: planen har intet budget" in " ".join(text.split())
    assert "Ikke klar til indsendelse" in text
    _, english = report(fake_linter, RUM_FOR_LIV, format="text", lang="en")
    assert "The co-financing cannot be computed" in " ".join(english.split())
    plan = report_json(fake_linter, RUM_FOR_LIV)["plans"][0]
    assert plan["cofinancing_status"] == "no_budget" and plan["cofinancing"] is None
    assert plan["criteria_complete"]["complete"] == 0  # no criterion has baseline or datakilde


def test_local_share_below_25_shows_the_gap_in_kroner(fake_linter):
    _, text = report(fake_linter, DEFECTS / "medfinansiering_under_25.yaml", format="text")
    assert "24,0 %" in text
    gap_line = next(line for line in text.splitlines() if line.startswith("Mangler"))
    assert "24.000 kr." in gap_line
    bar_line = next(line for line in text.splitlines() if line.startswith("Lokal medfinansiering"))
    assert "┃" in bar_line and "✗" in bar_line


def test_activity_gaps_are_marked(fake_linter):
    _, text = report(fake_linter, DEFECTS / "ufuldstaendige_succeskriterier.yaml", format="text", width=200)
    assert "✗ 2 kriterier" in text and "mangler: indikator, baseline, datakilde, mål" in text
    _, text = report(fake_linter, DEFECTS / "forankring_uden_hvordan_hvornaar.yaml", format="text")
    assert "✓hvem ✗hvordan ✗hvornår" in text


def test_missing_facts_read_not_computed_and_do_not_crash(monkeypatch):
    from planlint.engine import Linter

    linter = Linter()
    monkeypatch.setattr(linter.registry, "facts", lambda plan, pack: {})
    status, text = report(linter, KOMPLET, format="text")
    assert status == 0
    assert "Medfinansieringen er ikke beregnet" in " ".join(text.split())
    assert "ikke beregnet" in text
    plan = report_json(linter, KOMPLET)["plans"][0]
    assert plan["cofinancing_status"] == "not_computed"
    assert plan["criteria_complete"]["share"] is None


def test_findings_are_summarised_per_plugin_with_the_top_ones(fake_linter):
    plan = report_json(fake_linter, DEFECTS / "yaml_syntaksfejl.yaml")["plans"][0]
    assert plan["readable"] is False and plan["verdict"] == "errors"
    assert plan["findings"]["by_plugin"]["core"]["error"] >= 1
    assert plan["findings"]["top"][0]["line"] == 9
    _, text = report(fake_linter, DEFECTS / "yaml_syntaksfejl.yaml", format="text")
    assert plan["findings"]["top"][0]["code"] in text and "planen kunne ikke læses" in text


# --- HTML -----------------------------------------------------------------------

class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts, self.tags, self.title = [], [], ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        else:
            self.parts.append(data)


def test_html_is_a_standalone_page_with_the_numbers(fake_linter, tmp_path):
    page = tmp_path / "rapport.html"
    status, out = report(fake_linter, KOMPLET, html=page)
    assert status == 0 and out == ""  # the page went to the file
    parser = _Text()
    parser.feed(page.read_text(encoding="utf-8"))
    parser.close()
    text = "".join(parser.parts)
    assert {"html", "head", "style", "body", "table"} <= set(parser.tags)
    assert "Sammen om Østbyen" in parser.title
    assert "17.040.000" in text and "70,4 %" in text and "29,6 %" in text


# --- portfolio ------------------------------------------------------------------

def test_portfolio_has_a_row_per_plan_even_a_broken_one(fake_linter):
    data = report_json(fake_linter, EXAMPLES)
    files = sorted(p for p in EXAMPLES.rglob("*.yaml"))
    rows = data["portfolio"]["rows"]
    assert data["kind"] == "portfolio" and len(rows) == len(files)
    broken = next(r for r in rows if r["path"].endswith("yaml_syntaksfejl.yaml"))
    assert broken["errors"] >= 1 and broken["budget"] is None and broken["name"] == broken["path"]
    komplet = next(r for r in rows if r["path"].endswith("komplet_plan.yaml"))
    assert komplet["budget"] == 17_040_000 and komplet["lbf"] == pytest.approx(0.704, abs=5e-4)


def test_portfolio_totals_row(fake_linter):
    data = report_json(fake_linter, EXAMPLES)
    rows, totals = data["portfolio"]["rows"], data["portfolio"]["totals"]
    budgets = [r["budget"] for r in rows if r["budget"] is not None]
    assert totals["plans"] == len(rows)
    assert totals["budget"] == sum(budgets)
    assert totals["errors"] == sum(r["errors"] for r in rows)
    assert totals["activities"] == sum(r["activities"] for r in rows)
    lbf = sum(r["lbf_kr"] for r in rows if r["lbf_kr"] is not None)
    assert totals["lbf"] == pytest.approx(lbf / sum(budgets))  # weighted by budget, not averaged
    _, text = report(fake_linter, EXAMPLES, format="text")
    totals_line = next(line for line in text.splitlines() if line.lstrip().startswith("I alt"))
    from planlint.i18n import number

    assert number(totals["budget"], "da") in totals_line


@pytest.mark.parametrize("column, key, reverse", [("errors", "errors", True), ("budget", "budget", True),
                                                  ("navn", "name", False)])
def test_portfolio_sorts_by_a_column(fake_linter, column, key, reverse):
    rows = report_json(fake_linter, EXAMPLES, sort=column)["portfolio"]["rows"]
    values = [r[key] for r in rows if r[key] is not None]
    expected = sorted(values, key=lambda v: v.lower() if isinstance(v, str) else v, reverse=reverse)
    assert values == expected
    assert all(r[key] is None for r in rows[len(values):])  # plans without the figure come last


def test_portfolio_of_several_files_and_its_text_fits_80_columns(fake_linter):
    status, text = report(fake_linter, KOMPLET, RUM_FOR_LIV, format="text", sort="fejl")
    assert status == 0
    assert "Portefølje: 2 planer" in text
    assert max(len(line) for line in text.splitlines()) <= 80
    lines = text.splitlines()
    rum, sammen = (next(i for i, line in enumerate(lines) if name in line) for name in ("Rum for Liv", "Sammen om"))
    assert rum < sammen  # more errors first


# --- the command ----------------------------------------------------------------

def test_cli_report_json_and_exit_status():
    result = run_cli("report", KOMPLET, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["plans"][0]["name"] == "Sammen om Østbyen"


def test_cli_report_unknown_sort_column_is_bad_usage():
    result = run_cli("report", str(EXAMPLES), "--sort", "colour")
    assert result.returncode == 2
    assert "colour" in result.stderr and "Traceback" not in result.stderr


def test_cli_report_missing_path_is_bad_usage():
    result = run_cli("report", "nowhere.yaml")
    assert result.returncode == 2 and "nowhere.yaml" in result.stderr


def test_cli_report_never_writes_its_html_over_a_plan(tmp_path):
    plan = tmp_path / "plan.yaml"
    text = Path(KOMPLET).read_text(encoding="utf-8")
    plan.write_text(text, encoding="utf-8")
    result = run_cli("report", str(tmp_path), "--html", str(plan))
    assert result.returncode == 2
    assert result.stderr == (f"planlint: '{plan}' er en af de planer, der kontrolleres; "
                             "planlint skriver aldrig i en planfil.\n")
    assert plan.read_text(encoding="utf-8") == text


def test_cli_report_no_colour_with_no_color(tmp_path):
    result = run_cli("report", KOMPLET, "--format", "rich", env={"NO_COLOR": "1"})
    assert result.returncode == 0 and "\x1b[" not in result.stdout


# --- end to end with the installed plugins --------------------------------------

def test_real_plugins_komplet_plan_numbers():
    result = run_cli("report", KOMPLET, "--format", "json")
    plan = json.loads(result.stdout)["plans"][0]
    assert plan["cofinancing"]["total"] == 17_040_000
    assert plan["cofinancing"]["lbf_share"] == pytest.approx(12_000_000 / 17_040_000)
    assert plan["criteria_complete"]["share"] == 1.0
    assert plan["forankring_complete"]["share"] == 1.0
    assert plan["verdict"] == "ready"
    text = run_cli("report", KOMPLET, "--format", "text").stdout
    assert "17.040.000" in text and "70,4 %" in text


def test_real_plugins_rum_for_liv_has_no_budget():
    plan = json.loads(run_cli("report", RUM_FOR_LIV, "--format", "json").stdout)["plans"][0]
    assert plan["cofinancing_status"] == "no_budget"
    assert plan["findings"]["error"] >= 1


def test_real_plugins_portfolio_of_the_examples():
    result = run_cli("report", str(EXAMPLES), "--format", "json", "--sort", "fejl")
    data = json.loads(result.stdout)
    rows = {Path(r["path"]).name: r for r in data["portfolio"]["rows"]}
    assert rows["komplet_plan.yaml"]["errors"] == 0 and rows["tryg_og_aktiv_2016.yaml"]["errors"] == 0
    assert rows["yaml_syntaksfejl.yaml"]["errors"] >= 1
    assert rows["medfinansiering_under_25.yaml"]["local"] == pytest.approx(0.24)


def test_cli_report_language_from_the_plans_configuration(tmp_path):
    folder = tmp_path / "planer"
    folder.mkdir()
    (folder / ".planlint.yaml").write_text("lang: en\n", encoding="utf-8")
    (folder / "plan.yaml").write_text(Path(KOMPLET).read_text(encoding="utf-8"), encoding="utf-8")
    result = run_cli("report", str(folder / "plan.yaml"), "--format", "json")  # run from the project root
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["lang"] == "en"
    result = run_cli("report", str(folder / "plan.yaml"), "--format", "json", "--lang", "da")
    assert json.loads(result.stdout)["lang"] == "da"
