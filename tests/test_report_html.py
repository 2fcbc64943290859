"""``planlint report --html``: the page's structure, figures and escaping, read with html.parser.

The pages are made once per module (real plugins, in-process) and parsed into a
small element tree; the browser checks (sorting by a click, links) are in
test_report_html_browser.py.
"""

from __future__ import annotations

import io
import os
import re
import stat
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import EXAMPLES, base_text

from planlint.report import ReportOptions, run

KOMPLET = EXAMPLES / "komplet_plan.yaml"
UNDER_25 = "medfinansiering_under_25.yaml"

#: plan text that must stay text: rich markup, HTML, quotes in ids and names
HOSTILE_NAME = "<script>alert(1)</script>"
HOSTILE_AREA = "[link=javascript:alert(2)]klik[/link]"
HOSTILE_KOMMUNE = "Odense [/b] Kommune"
HOSTILE_AREA_ID = 'be"sk'
HOSTILE_FILE = 'plan "x" <y>&.yaml'


# --- a tiny DOM -------------------------------------------------------------------

VOID = {"meta", "br", "link", "img", "input", "hr", "col", "area", "base", "wbr", "source"}


class Node:
    def __init__(self, tag: str, attrs: dict[str, str | None], parent: "Node | None"):
        self.tag, self.attrs, self.parent, self.children = tag, attrs, parent, []

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self, tag: str | None = None):
        for child in self.children:
            if isinstance(child, Node):
                if tag is None or child.tag == tag:
                    yield child
                yield from child.iter(tag)

    def find(self, tag: str, **attrs: str) -> "Node":
        return next(self.find_all(tag, **attrs))

    def find_all(self, tag: str | None = None, **attrs: str):
        for node in self.iter(tag):
            if all(attrs[k] in (node.attrs.get(k.rstrip("_")) or "").split() for k in attrs):
                yield node

    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())


class Tree(HTMLParser):
    """Well-formedness is checked as it builds: every end tag closes the element it opened."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.current = self.root
        self.doctype = None

    def handle_decl(self, decl):
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        names = [name for name, _ in attrs]
        assert len(names) == len(set(names)), f"duplicate attribute on <{tag}>: {names}"
        node = Node(tag, dict(attrs), self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, dict(attrs), self.current))

    def handle_endtag(self, tag):
        assert tag == self.current.tag, f"</{tag}> closes <{self.current.tag}>"
        self.current = self.current.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(page: str) -> Node:
    tree = Tree()
    tree.feed(page)
    tree.close()
    assert tree.current is tree.root, f"<{tree.current.tag}> is never closed"
    assert tree.doctype == "DOCTYPE html"
    return tree.root


def make_page(paths: list[Path], target: Path, lang: str | None = None, sort: str | None = None) -> tuple[str, Node]:
    out, err = io.StringIO(), io.StringIO()
    status = run(ReportOptions(paths=[str(p) for p in paths], lang=lang, html=target, sort=sort, tool_version="9.9"),
                 stdout=out, stderr=err)
    assert status == 0 and out.getvalue() == "", err.getvalue()
    page = target.read_text(encoding="utf-8")
    return page, parse(page)


def hostile_plan(folder: Path) -> Path:
    text = base_text()
    for old, new in (("navn: Eksempelplanen", f"navn: '{HOSTILE_NAME}'"),
                     ("navn: Eksempel Kommune", f"navn: '{HOSTILE_KOMMUNE}'"),
                     ("navn: Beskæftigelse", f"navn: '{HOSTILE_AREA}'"),
                     ("  - id: besk", f"  - id: '{HOSTILE_AREA_ID}'")):
        assert old in text
        text = text.replace(old, new, 1)
    path = folder / HOSTILE_FILE
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def portfolio(tmp_path_factory):
    """The example plans as a portfolio, in Danish."""
    return make_page([EXAMPLES], tmp_path_factory.mktemp("html") / "rapport.html")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    hostile_plan(folder)
    (folder / "komplet.yaml").write_text(KOMPLET.read_text(encoding="utf-8"), encoding="utf-8")
    return make_page([folder], tmp_path_factory.mktemp("out") / "rapport.html")


def portfolio_rows(root: Node) -> list[Node]:
    return list(root.find("table", id="portfolio").find("tbody").iter("tr"))


def column(root: Node, key: str) -> int:
    heads = list(root.find("table", id="portfolio").find("thead").iter("th"))
    return next(i for i, th in enumerate(heads) if th.attrs["data-key"] == key)


def cells(row: Node) -> list[Node]:
    return [child for child in row.children if isinstance(child, Node) and child.tag in ("th", "td")]


def row_of(root: Node, file_name: str) -> Node:
    return next(r for r in portfolio_rows(root) if file_name in r.text() or
                file_name.startswith(r.find("a").text()))


# --- structure and figures -----------------------------------------------------------

def test_portfolio_table_has_a_head_and_one_row_per_plan(portfolio):
    _, root = portfolio
    table = root.find("table", id="portfolio")
    heads = [th.text().strip(" ↕") for th in table.find("thead").iter("th")]
    assert heads == ["Plan", "Kommune", "Pulje", "Periode", "Budget", "LBF", "Lokal", "Kommunal", "Krit.", "Fork.",
                     "Fejl", "Advarsler"]
    rows = portfolio_rows(root)
    assert len(rows) == len(list(EXAMPLES.rglob("*.yaml")))
    komplet = next(r for r in rows if r.find("a").text() == "Sammen om Østbyen")
    shown = [c.text().strip() for c in cells(komplet)]
    assert shown[1:7] == ["Aarhus Kommune", "2019-2026", "2022-2025", "17.040.000 kr.", "70,4 %", "29,6 %"]
    assert shown[7] == "23,7 %" and shown[10:] == ["0", "0"]


def test_every_numeric_column_sorts_and_carries_its_number(portfolio):
    _, root = portfolio
    heads = list(root.find("table", id="portfolio").find("thead").iter("th"))
    numeric = [th for th in heads if "num" in th.classes()]
    assert [th.attrs["data-key"] for th in numeric] == ["budget", "lbf", "local", "kommune", "criteria",
                                                          "forankring", "errors", "warnings"]
    assert all(th.find("button").attrs["data-sort"] == "number" for th in numeric)
    assert all("aria-sort" not in th.attrs for th in heads)  # no --sort: the found order
    komplet = next(r for r in portfolio_rows(root) if r.find("a").text() == "Sammen om Østbyen")
    values = {th.attrs["data-key"]: cells(komplet)[i].attrs["data-value"] for i, th in enumerate(heads)}
    assert int(values["budget"]) == 17_040_000
    assert float(values["lbf"]) == pytest.approx(12_000_000 / 17_040_000)
    assert int(values["errors"]) == 0
    broken = next(r for r in portfolio_rows(root) if "yaml_syntaksfejl" in r.text())
    assert cells(broken)[column(root, "budget")].attrs["data-value"] == ""  # missing: sorted last


def test_sort_option_marks_its_column(tmp_path):
    _, root = make_page([EXAMPLES], tmp_path / "r.html", sort="fejl")
    head = list(root.find("table", id="portfolio").find("thead").iter("th"))[column(root, "errors")]
    assert head.attrs["aria-sort"] == "descending"
    errors = [int(cells(r)[column(root, "errors")].attrs["data-value"]) for r in portfolio_rows(root)]
    assert errors == sorted(errors, reverse=True)


def test_a_plan_below_the_local_requirement_or_with_errors_is_marked_in_words(portfolio):
    _, root = portfolio
    low = row_of(root, UNDER_25)
    assert {"below-local", "has-errors"} <= low.classes()
    local = cells(low)[column(root, "local")]
    assert local.text().startswith("24,0 %") and "under 25 %" in local.find("span", class_="flag").text()
    assert "har fejl" in cells(low)[column(root, "errors")].text()
    komplet = next(r for r in portfolio_rows(root) if r.find("a").text() == "Sammen om Østbyen")
    assert not komplet.classes() and "flag" not in str([c.classes() for c in cells(komplet)])


def test_each_row_links_to_its_plan_section(portfolio):
    _, root = portfolio
    ids = [node.attrs["id"] for node in root.iter() if "id" in node.attrs]
    assert len(ids) == len(set(ids))
    sections = {s.attrs["id"]: s for s in root.find_all("section", class_="plan")}
    links = [r.find("a").attrs["href"] for r in portfolio_rows(root)]
    assert len(sections) == len(links) and {link[1:] for link in links} == set(sections)
    assert all(re.fullmatch(r"plan-\d+(-[a-z0-9]+)*", key) for key in sections)
    komplet = next(s for s in sections.values() if s.find("h2").text() == "Sammen om Østbyen")
    assert komplet.attrs["id"].endswith("-komplet-plan")


def test_plan_section_shows_overview_financing_costs_activities_and_findings(portfolio):
    _, root = portfolio
    section = next(s for s in root.find_all("section", class_="plan") if s.find("h2").text() == "Sammen om Østbyen")
    overview = section.find("dl", class_="overview").text()
    assert "Aarhus Kommune" in overview and "2022-01-01 – 2025-12-31" in overview
    assert "Boligforeningen Østbo og Boligselskabet Lindehøj" in overview and "Uddannelse og livschancer" in overview
    money = section.find("table", class_="money")
    years = [th.text() for th in money.find("thead").iter("th")][1:-2]
    assert years == ["2022", "2023", "2024", "2025"]
    assert "17.040.000" in money.find("tfoot").text() and "Landsbyggefonden (LBF, kontant)" in money.text()
    costs = [t.find("caption").text() for t in section.find_all("table", class_="cost-table")]
    assert costs == ["Udgifter pr. kategori", "Udgifter pr. indsatsområde"]
    activities = list(section.find_all("table", class_="activities"))
    assert len(activities) == 3 and "✓ 2 kriterier, komplet" in activities[0].text()
    assert "Ingen fund." in section.text()


def test_findings_are_grouped_by_rule_with_line_severity_and_message(portfolio):
    _, root = portfolio
    section = next(s for s in root.find_all("section", class_="plan") if s.find("h2").text() == "Rum for Liv")
    groups = list(section.find_all("div", class_="rule-group"))
    codes = [g.find("code").text() for g in groups]
    assert len(codes) == len(set(codes)) > 1
    order = {"error": 0, "warning": 1, "info": 2}
    ranks = [order[(g.classes() & set(order)).pop()] for g in groups]
    assert ranks == sorted(ranks)  # errors first
    heading = next(h.text() for h in section.iter("h3") if h.text().startswith("Fund"))
    errors, warnings, infos = map(int, re.search(r"(\d+) fejl · (\d+) advarsler · (\d+) info", heading).groups())
    assert (errors, warnings) == (3, 184)  # LBF005 is an info after 2006-2010 (format11)
    shown = sum(len(list(g.find("tbody").iter("tr"))) for g in groups)
    assert shown == errors + warnings + infos  # every finding, not only the top ones
    line, severity, message = (c.text() for c in cells(next(groups[0].find("tbody").iter("tr"))))
    assert line.isdigit() and severity == "fejl" and message


def test_charts_are_inline_svg_with_titles_and_text(portfolio):
    page, root = portfolio
    split = root.find("svg", class_="funding-split")
    assert split.attrs["role"] == "img" and split.find("title").text() == "Finansiering pr. plan"
    texts = [t.text() for t in split.iter("text")]
    assert "70,4 %" in texts and "LBF" in texts and "boligorganisation" in texts
    assert len(list(split.find_all("g", class_="bar"))) == len(portfolio_rows(root))
    yearly = next(root.find_all("svg", class_="yearly-share"))
    assert "krav 25 %" in yearly.find("title").text()
    assert "2022: 29,6 %" in yearly.find("desc").text()
    assert yearly.find("line", class_="requirement") is not None
    low = next(s for s in root.find_all("section", class_="plan") if UNDER_25 in s.text())
    assert "✗ 24,0 %" in [t.text() for t in low.find("svg", class_="yearly-share").iter("text")]


def test_the_page_loads_nothing_and_allows_only_its_own_script(portfolio):
    page, root = portfolio
    scripts = list(root.iter("script"))
    assert len(scripts) == 1 and not scripts[0].attrs
    policy = root.find("meta", **{"http-equiv": "Content-Security-Policy"}).attrs["content"]
    assert "default-src 'none'" in policy and "script-src 'sha256-" in policy
    for node in root.iter():
        for name, value in node.attrs.items():
            assert not name.startswith("on")
            if name in ("href", "src", "action", "xlink:href"):
                assert value.startswith("#"), (node.tag, name, value)
    assert "http://" not in page.replace("http://www.w3.org/2000/svg", "") and "https://" not in page


def test_print_stylesheet_is_a4_with_a_page_per_plan(portfolio):
    _, root = portfolio
    css = root.find("style").text()
    assert "size: A4" in css
    printed = css[css.index("@media print"):]
    assert ".plan { break-before: page" in printed and ".arrow" in printed


def test_english_page(tmp_path):
    page, root = make_page([EXAMPLES], tmp_path / "r.html", lang="en")
    assert root.find("html").attrs["lang"] == "en"
    komplet = next(r for r in portfolio_rows(root) if r.find("a").text() == "Sammen om Østbyen")
    shown = [c.text().strip() for c in cells(komplet)]
    assert shown[4:7] == ["DKK 17,040,000", "70.4 %", "29.6 %"]
    assert "below 25 %" in row_of(root, UNDER_25).text()
    plans = len(list(EXAMPLES.rglob("*.yaml")))
    assert f"Portfolio: {plans} plans" in root.find("h2").text() and "Findings" in page


def test_one_plan_is_a_page_of_its_own(tmp_path):
    page, root = make_page([KOMPLET], tmp_path / "r.html")
    assert root.find("title").text() == "planlint – Koordinatorrapport: Sammen om Østbyen"
    assert not list(root.find_all("table", id="portfolio"))
    (section,) = root.find_all("section", class_="plan")
    assert section.find("h2").text() == "Sammen om Østbyen" and "29,6 %" in section.text()
    assert not list(section.find_all("p", class_="back"))  # no portfolio to go back to


# --- plan text is data ----------------------------------------------------------------

def test_plan_text_never_becomes_markup(hostile):
    page, root = hostile
    assert len(list(root.iter("script"))) == 1
    assert "javascript:" not in " ".join(v or "" for n in root.iter() for v in n.attrs.values())
    text = root.text()
    for literal in (HOSTILE_NAME, HOSTILE_AREA, HOSTILE_KOMMUNE, HOSTILE_AREA_ID, HOSTILE_FILE):
        assert literal in text, literal
    assert root.find("title").text() == "planlint – Koordinatorrapport: Portefølje"
    # the name is the link text and the chart label, as text
    link = next(r.find("a") for r in portfolio_rows(root) if HOSTILE_NAME in r.text())
    assert link.text() == HOSTILE_NAME and re.fullmatch(r"#plan-\d+-plan-x-y", link.attrs["href"])
    labels = root.find("svg", class_="funding-split").find_all("text", class_="label")
    assert HOSTILE_NAME in [label.children[0] for label in labels]  # its own text, before its <title>
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_section_ids_are_safe_and_unique_for_odd_file_names():
    from planlint.report.html_page import section_ids

    paths = ['a/plan "x".yaml', "b/plan 'x'.yaml", "Østergård <1>.yaml", "...yaml", "æøå/ÆØÅ.yml", "c/plan-x.yaml"]
    ids = section_ids([{"path": p} for p in paths])
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"plan-\d+(-[a-z0-9]+)*", i) for i in ids), ids
    assert ids[2] == "plan-3-oestergaard-1" and ids[4] == "plan-5-aeoeaa"


# --- writing the file ------------------------------------------------------------------

def test_the_file_is_replaced_atomically_and_keeps_its_permissions(tmp_path):
    target = tmp_path / "rapport.html"
    target.write_text("old", encoding="utf-8")
    os.chmod(target, 0o640)
    make_page([KOMPLET], target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["rapport.html"]  # no temporary file left


def test_a_failed_write_leaves_the_old_page(tmp_path, monkeypatch):
    from planlint.errors import UsageError
    from planlint import output_file

    target = tmp_path / "rapport.html"
    target.write_text("old", encoding="utf-8")

    def broken(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output_file.os, "replace", broken)
    with pytest.raises(UsageError) as error:
        run(ReportOptions(paths=[str(KOMPLET)], html=target), stdout=io.StringIO(), stderr=io.StringIO())
    assert "rapport.html" in str(error.value) and "no space left on the device" in str(error.value)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["rapport.html"]


def test_html_and_json_together_keep_the_json_as_documented(tmp_path):
    import json

    out = io.StringIO()
    run(ReportOptions(paths=[str(KOMPLET)], html=tmp_path / "r.html", format="json"), stdout=out,
        stderr=io.StringIO())
    plan = json.loads(out.getvalue())["plans"][0]
    assert set(plan["findings"]) == {"error", "warning", "info", "by_plugin", "top"}
