"""The HTML report in a real browser: what a coordinator sees and clicks.

playwright drives the system's Chromium (never a downloaded one); the module
is skipped, saying why, when either is missing.  One browser and one page
serve every test here (a browser start costs seconds).
"""

from __future__ import annotations

import io
import os
import re
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLES
from test_report_html import HOSTILE_AREA, HOSTILE_KOMMUNE, HOSTILE_NAME, hostile_plan

from planlint.report import ReportOptions, run

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e .[test])")

LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync"]


def chromium() -> str | None:
    """The system's Chromium: $PLANLINT_CHROMIUM, else the usual names on PATH."""
    wanted = os.environ.get("PLANLINT_CHROMIUM")
    if wanted:
        return wanted if Path(wanted).is_file() else None
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


# one Chromium session for every check, in one xdist worker (pyproject: --dist loadgroup)
pytestmark = pytest.mark.xdist_group("browser")


@pytest.fixture(scope="module")
def browser_page(tmp_path_factory):
    """The example portfolio open in Chromium, with every console message, page error and request recorded."""
    executable = chromium()
    if executable is None:
        wanted = os.environ.get("PLANLINT_CHROMIUM")
        pytest.skip(f"PLANLINT_CHROMIUM={wanted} is not a file" if wanted else
                    "no Chromium on this machine (apt-get install chromium, or set PLANLINT_CHROMIUM)")
    target = tmp_path_factory.mktemp("browser") / "rapport.html"
    status = run(ReportOptions(paths=[str(EXAMPLES)], html=target), stdout=io.StringIO(), stderr=io.StringIO())
    assert status == 0
    with sync_api.sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
        except sync_api.Error as exc:
            pytest.skip(f"Chromium at {executable} does not start: {str(exc).splitlines()[0]}")
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        seen = {"console": [], "errors": [], "requests": []}
        page.on("console", lambda message: seen["console"].append((message.type, message.text)))
        page.on("pageerror", lambda error: seen["errors"].append(str(error)))
        page.on("request", lambda request: seen["requests"].append(request.url))
        page.goto(target.as_uri())
        page.wait_for_load_state("load")
        yield page, seen, target
        browser.close()


def test_plan_text_stays_text_in_the_browser(browser_page, tmp_path):
    """Names that are HTML or rich markup show as written; nothing runs, nothing opens."""
    page, _, _ = browser_page
    hostile_plan(tmp_path)
    target = tmp_path / "hostile.html"
    assert run(ReportOptions(paths=[str(tmp_path)], html=target), stdout=io.StringIO(), stderr=io.StringIO()) == 0
    other = page.context.browser.new_page()
    try:
        events = []
        other.on("dialog", lambda dialog: (events.append(dialog.message), dialog.dismiss()))
        other.on("pageerror", lambda error: events.append(str(error)))
        other.goto(target.as_uri())
        link = other.get_by_role("link", name=HOSTILE_NAME)
        assert link.is_visible() and link.get_attribute("href").startswith("#plan-")
        link.click()
        section = other.locator("section.plan:target")
        assert section.locator("h2").inner_text() == HOSTILE_NAME
        assert HOSTILE_AREA in section.inner_text() and HOSTILE_KOMMUNE in section.inner_text()
        assert other.locator("a[href^='javascript']").count() == 0 and other.locator("script").count() == 1
        assert events == []
    finally:
        other.close()


def column_texts(page, key: str) -> list[str]:
    index = page.eval_on_selector(f'#portfolio thead th[data-key="{key}"]', "th => th.cellIndex")
    return page.eval_on_selector_all("#portfolio tbody tr",
                                     f"rows => rows.map(r => r.cells[{index}].firstChild.textContent.trim())")


def danish_number(text: str) -> int | None:
    digits = text.removesuffix(" kr.").replace(".", "")
    return int(digits) if digits.isdigit() else None


def test_every_plan_has_a_visible_row(browser_page):
    page, _, _ = browser_page
    rows = page.locator("#portfolio tbody tr")
    assert rows.count() == len(list(EXAMPLES.rglob("*.yaml")))
    assert all(rows.nth(i).is_visible() for i in range(rows.count()))
    assert page.get_by_role("link", name="Sammen om Østbyen").is_visible()


def test_danish_figures_are_shown(browser_page):
    page, _, _ = browser_page
    row = page.locator("#portfolio tbody tr", has=page.get_by_role("link", name="Tryg og aktiv i Engparken"))
    assert "10.600.000 kr." in row.inner_text() and "32,1 %" in row.inner_text()
    low = page.locator("#portfolio tbody tr.below-local")
    assert low.count() == 1 and "24,0 %" in low.inner_text() and "under 25 %" in low.inner_text()


def test_clicking_a_numeric_heading_sorts_by_number(browser_page):
    page, _, _ = browser_page
    heading = page.locator('#portfolio thead th[data-key="budget"]')
    heading.get_by_role("button").click()
    assert heading.get_attribute("aria-sort") == "descending"
    shown = column_texts(page, "budget")
    budgets = [danish_number(text) for text in shown]
    known = [b for b in budgets if b is not None]
    # 17.040.000 > 10.600.000 > 3.000.000 > 2.400.000: as text "2.400.000" would come first
    assert known == sorted(known, reverse=True) and len(set(known)) > 2
    assert all(b is None for b in budgets[len(known):])  # plans without a budget last
    heading.get_by_role("button").click()
    assert heading.get_attribute("aria-sort") == "ascending"
    again = [danish_number(text) for text in column_texts(page, "budget")]
    assert [b for b in again if b is not None] == sorted(known)
    assert page.locator("#portfolio thead th[aria-sort]").count() == 1


def test_the_link_in_a_row_opens_the_plans_section(browser_page):
    page, _, target = browser_page
    page.get_by_role("link", name="Tryg og aktiv i Engparken").click()
    page.wait_for_function("location.hash.startsWith('#plan-')")
    section = page.locator("section.plan:target")
    assert section.locator("h2").inner_text() == "Tryg og aktiv i Engparken"
    box = section.bounding_box()
    assert box is not None and abs(box["y"]) < 5  # scrolled to the top of the window
    assert page.url.startswith(target.as_uri() + "#plan-")


def test_print_hides_the_sort_controls_and_starts_each_plan_on_a_page(browser_page):
    page, _, _ = browser_page
    page.emulate_media(media="print")
    try:
        assert not page.locator("#portfolio thead .arrow").first.is_visible()
        assert not page.locator("section.plan .back").first.is_visible()
        breaks = page.eval_on_selector_all("section.plan", "s => s.map(e => getComputedStyle(e).breakBefore)")
        assert set(breaks) == {"page"}
    finally:
        page.emulate_media(media="null")  # back to no emulation (pdf() prints with print media then)


def test_printed_on_a4_with_the_portfolio_across(browser_page, tmp_path):
    page, _, _ = browser_page
    target = tmp_path / "two.html"  # two plans: printing all examples takes seconds
    plans = [str(EXAMPLES / "komplet_plan.yaml"), str(EXAMPLES / "tryg_og_aktiv_2016.yaml")]
    assert run(ReportOptions(paths=plans, html=target), stdout=io.StringIO(), stderr=io.StringIO()) == 0
    other = page.context.browser.new_page()
    try:
        other.goto(target.as_uri())
        pdf = other.pdf(prefer_css_page_size=True)
    finally:
        other.close()
    sizes = [tuple(round(float(n)) for n in box.split()[2:]) for box in
             re.findall(r"/MediaBox\s*\[([^\]]*)\]", pdf.decode("latin-1"))]
    # A4 in points: the portfolio across (landscape) first, then each plan upright from a new page
    assert sizes[0] == (842, 595) and set(sizes) == {(842, 595), (595, 842)}
    assert sizes.count((595, 842)) >= 2


def test_no_console_errors_and_no_network(browser_page):
    page, seen, target = browser_page
    assert seen["errors"] == []
    assert [m for m in seen["console"] if m[0] in ("error", "warning")] == []
    assert {url.split("#")[0] for url in seen["requests"]} == {target.as_uri()}
