"""The report of one plan: header, financing, activities, findings (rich).

Every text from the plan or a plugin is put in a ``Text`` (never a string
rich would parse as markup); ``report.run`` has already escaped its control
characters (``planlint.escape.visible_data``).
"""

from __future__ import annotations

from typing import Any

from rich import box
from rich.columns import Columns
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..i18n import join, kr, number
from .marks import (
    BAD_STYLE,
    DIM,
    OK_STYLE,
    WARN_STYLE,
    FitWidth,
    amount,
    cross,
    dash,
    requirement,
    share,
    share_bar,
    tick,
)
from .words import CATEGORY_NAMES, COST_CATEGORIES, component, verdict_text, word

SEVERITY_STYLE = {"error": BAD_STYLE, "warning": WARN_STYLE, "info": "cyan"}
VERDICT_STYLE = {"errors": BAD_STYLE, "warnings": WARN_STYLE, "ready": "bold green"}


def render_plan(plan: dict[str, Any], lang: str) -> RenderableType:
    return Group(header(plan, lang), "", financing(plan, lang), "", activities(plan, lang), "",
                 findings(plan, lang))


def section_title(key: str, lang: str, extra: str = "") -> Text:
    return Text.assemble((word(key, lang), "bold underline"), (f"  {extra}" if extra else "", DIM))


# --- header -------------------------------------------------------------------

def header(plan: dict[str, Any], lang: str) -> Panel:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    unknown = Text(word("unknown", lang), style=DIM)
    if not plan["readable"]:
        grid.add_row(word("status", lang), Text(word("unreadable", lang), style=BAD_STYLE))
    else:
        period = plan["period"]
        grid.add_row(word("pulje", lang), Text(plan["pulje"]) if plan["pulje"] else unknown)
        dates = f"{period['start'] or '?'} – {period['end'] or '?'}"
        grid.add_row(word("period", lang), Text(dates) if period["start"] or period["end"] else unknown)
        grid.add_row(word("kommune", lang), Text(plan["kommune"]["name"]) if plan["kommune"] else unknown)
        grid.add_row(word("housing_orgs", lang),
                     Text(join([org["name"] for org in plan["boligorganisationer"]], lang)) or unknown)
        grid.add_row(word("sections", lang), _sections(plan, lang) or unknown)
        grid.add_row(word("status", lang), word(plan["status"], lang) if plan["status"] else unknown)
    counts = plan["findings"]
    grid.add_row(word("verdict", lang), Text(verdict_text(plan["verdict"], counts["error"], counts["warning"], lang),
                                              style=VERDICT_STYLE[plan["verdict"]]))
    title = Text(plan["name"] or plan["path"], style="bold")
    return Panel(grid, title=title, title_align="left", subtitle=Text(plan["path"], style=DIM),
                 subtitle_align="right", box=box.ROUNDED)


def _sections(plan: dict[str, Any], lang: str) -> Text:
    text = Text()
    for section in plan["afdelinger"]:
        figures = [f"{number(section[key], lang)} {word(name, lang)}"
                   for key, name in (("lejemål", "tenancies"), ("beboere", "residents")) if section[key] is not None]
        if text:
            text.append("\n")
        text.append(f"{section['nummer'] or '?'} {section['navn'] or ''}".strip())
        if figures:
            text.append(": " + ", ".join(figures))
    if len(plan["afdelinger"]) > 1 and (plan["lejemål"] is not None or plan["beboere"] is not None):
        figures = [f"{number(plan[key], lang)} {word(name, lang)}"
                   for key, name in (("lejemål", "tenancies"), ("beboere", "residents")) if plan[key] is not None]
        text.append(f"\n{word('in_all', lang)}: " + ", ".join(figures), style="bold")
    return text


# --- financing ----------------------------------------------------------------

def financing(plan: dict[str, Any], lang: str) -> RenderableType:
    title = section_title("financing", lang)
    status = plan["cofinancing_status"]
    if not plan["readable"]:
        return Group(title, Text(word("unreadable", lang), style=DIM))
    if status != "computed":
        key = "no_budget" if status == "no_budget" else "cof_not_computed"
        return Group(title, Text(word(key, lang), style=BAD_STYLE if status == "no_budget" else DIM))
    cof = plan["cofinancing"]
    return Group(title, _sources(cof, lang), *_sought(cof, lang), "", _shares(cof, lang), "", _costs(plan, cof, lang))


def _sought(cof: dict[str, Any], lang: str) -> list[RenderableType]:
    """Money still applied for (format 1.1 ``status: søges``): apart, counted in no share."""
    rows = cof.get("sought") or []
    if not rows:
        return []
    lines = Text(word("sought", lang) + ":", style="bold")
    for row in rows:
        amount = kr(row["total"], lang) if row.get("total") is not None else word("amount_unknown", lang)
        lines.append(f"\n  {row['navn']} ({row['part']}): {amount}")
    return ["", lines]


def _years(cof: dict[str, Any]) -> list[str]:
    years: set[str] = set(cof.get("years") or {})
    for source in cof.get("sources") or []:
        years.update(source.get("amounts") or {})
    return sorted(years, key=int)


def _sources(cof: dict[str, Any], lang: str) -> RenderableType:
    return FitWidth(_sources_by_year(cof, lang), Group(_sources_totals(cof, lang), "", _years_table(cof, lang)))


def _source_name(source: dict[str, Any], lang: str) -> Text:
    category = CATEGORY_NAMES.get(source.get("category") or "")
    kind = source.get("type")
    detail = ", ".join(x for x in (category.get(lang) if category else None,
                                    word(kind, lang) if kind in ("kontant", "naturalier") else None) if x)
    name = Text(source.get("navn") or source.get("part") or "?")
    if detail:
        name.append(f" ({detail})", style=DIM)
    return name


def _table(caption: str | None = None) -> Table:
    return Table(box=box.SIMPLE_HEAD, show_footer=True, show_edge=False, pad_edge=False, caption=caption,
                 caption_justify="right", caption_style=DIM)


def _sources_by_year(cof: dict[str, Any], lang: str) -> Table:
    years = _years(cof)
    year_totals = cof.get("years") or {}
    table = _table(word("amounts_in", lang))
    table.add_column(word("source", lang), word("total", lang), min_width=24, footer_style="bold")
    for year in years:
        table.add_column(Text(year), amount((year_totals.get(year) or {}).get("total"), lang),
                         justify="right", no_wrap=True, footer_style="bold")
    table.add_column(word("total", lang), amount(cof.get("total"), lang), justify="right", no_wrap=True,
                     footer_style="bold")
    table.add_column(word("share", lang), share(1.0 if cof.get("total") else None, lang), justify="right",
                     no_wrap=True, footer_style="bold")
    for source in cof.get("sources") or []:
        amounts = source.get("amounts") or {}
        table.add_row(_source_name(source, lang), *[amount(amounts.get(y), lang) for y in years],
                      amount(source.get("total"), lang), share(source.get("share"), lang))
    table.add_section()
    for key in ("lbf", "local"):
        table.add_row(Text(word(key, lang), style="italic"),
                      *[amount((year_totals.get(y) or {}).get(key), lang) for y in years],
                      amount(cof.get(key), lang), _share_of(cof, key, lang))
    table.add_row(Text(word("local_share_per_year", lang), style="italic"),
                  *[_year_share(year_totals.get(y), cof, lang) for y in years], _share_of(cof, "local", lang), "")
    return table


def _sources_totals(cof: dict[str, Any], lang: str) -> Table:
    """Narrow form, part 1: each source with its total and share."""
    table = _table()
    table.add_column(word("source", lang), word("total", lang), ratio=1, footer_style="bold")
    table.add_column(word("total", lang) + (" (kr.)" if lang != "en" else " (DKK)"), amount(cof.get("total"), lang),
                     justify="right", no_wrap=True, footer_style="bold")
    table.add_column(word("share", lang), share(1.0 if cof.get("total") else None, lang), justify="right",
                     no_wrap=True, footer_style="bold")
    for source in cof.get("sources") or []:
        table.add_row(_source_name(source, lang), amount(source.get("total"), lang), share(source.get("share"), lang))
    return table


def _years_table(cof: dict[str, Any], lang: str) -> Table:
    """Narrow form, part 2: one row per year with LBF, local and the local share."""
    year_totals = cof.get("years") or {}
    table = _table(word("amounts_in", lang))
    for key, heading in (("year", "year"), ("total", "total"), ("lbf", "lbf_short"), ("local", "local_short"),
                         ("share", "local_share_per_year")):
        table.add_column(word(heading, lang), justify="left" if key == "year" else "right",
                         no_wrap=True, footer_style="bold")
    for year in _years(cof):
        entry = year_totals.get(year) or {}
        table.add_row(Text(year), amount(entry.get("total"), lang), amount(entry.get("lbf"), lang),
                      amount(entry.get("local"), lang), _year_share(entry, cof, lang))
    table.columns[0].footer = word("total", lang)
    for index, key in ((1, "total"), (2, "lbf"), (3, "local")):
        table.columns[index].footer = amount(cof.get(key), lang)
    table.columns[4].footer = _share_of(cof, "local", lang)
    return table


def _share_of(cof: dict[str, Any], key: str, lang: str) -> str:
    """LBF's or the local share, rounded so it never crosses its requirement."""
    if key == "lbf":
        return share(cof.get("lbf_share"), lang, line=cof.get("lbf_max_share"), floor=False)
    return share(cof.get("local_share"), lang, line=cof.get("local_min_share"))


def _year_share(year: dict[str, Any] | None, cof: dict[str, Any], lang: str) -> Text:
    value = (year or {}).get("local_share")
    if value is None:
        return Text("–")
    line = cof.get("local_min_share")
    low = line is not None and value < line
    return Text(share(value, lang, line=line) + (" ✗" if low else ""), style=BAD_STYLE if low else "")


def _shares(cof: dict[str, Any], lang: str) -> Table:
    """LBF, local (with the bar against the requirement), municipal, and the gap in kroner."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(overflow="fold")
    lbf_max, local_min = cof.get("lbf_max_share"), cof.get("local_min_share")
    lbf_share, local_share = cof.get("lbf_share"), cof.get("local_share")
    if lbf_share is not None:
        ok = lbf_max is None or lbf_share <= lbf_max
        limit = f"{word('lbf_max', lang)} {requirement(lbf_max, lang)}" if lbf_max is not None else ""
        grid.add_row(word("lbf", lang), _share_of(cof, "lbf", lang),
                     (tick if ok else cross)(limit).append(f"  ({amount(cof.get('lbf'), lang)})", style=DIM))
    if local_share is not None:
        ok = local_min is None or local_share >= local_min
        bar = share_bar(local_share, local_min if local_min is not None else 0.25, ok)
        limit = f"{word('local_min', lang)} {requirement(local_min, lang)}" if local_min is not None else ""
        grid.add_row(word("local", lang), _share_of(cof, "local", lang),
                     Text.assemble(bar, " ", (tick if ok else cross)(limit)))
    grid.add_row(word("municipal", lang), share(cof.get("kommune_share"), lang),
                 Text(f"({amount(cof.get('kommune'), lang)})", style=DIM))
    for key, label in (("boligorganisation", "housing_org_share"), ("andre", "others")):
        total = cof.get("total")
        if cof.get(key) and total:
            grid.add_row(word(label, lang), share(cof[key] / total, lang),
                         Text(f"({amount(cof[key], lang)})", style=DIM))
    gap = cof.get("gap_kr")
    if gap:
        grid.add_row(Text(word("gap", lang), style=BAD_STYLE), "",
                     Text(f"{kr(gap, lang)} {word('gap_text', lang)} {requirement(local_min, lang)}", style=BAD_STYLE))
    return grid


def _costs(plan: dict[str, Any], cof: dict[str, Any], lang: str) -> RenderableType:
    total = cof.get("costs_total")
    names = {area["id"]: area["name"] for area in plan["areas"] if area["id"]}

    def table(title_key: str, head_key: str, rows: dict[str, Any], label: Any) -> Table:
        out = Table(title=word(title_key, lang), title_justify="left", title_style="bold",
                    box=box.SIMPLE_HEAD, show_footer=True, pad_edge=False)
        out.add_column(word(head_key, lang), word("total", lang), overflow="fold", footer_style="bold")
        out.add_column("kr." if lang != "en" else "DKK", amount(total, lang), justify="right", no_wrap=True,
                       footer_style="bold")
        out.add_column(word("share", lang), justify="right", no_wrap=True)
        for key, value in rows.items():
            out.add_row(label(key), amount(value, lang), share(value / total if total else None, lang))
        return out

    def category(key: str) -> Text:
        name = COST_CATEGORIES.get(key)
        return Text(name.get(lang) if name else key)

    def area(key: str) -> Text:
        return Text(str(names.get(key, key))) if key else Text(word("no_area", lang))

    by_category = table("costs_by_category", "category", cof.get("costs_by_category") or {}, category)
    by_area = table("costs_by_area", "area", cof.get("costs_by_area") or {}, area)
    # side by side when the terminal is wide enough, else one under the other
    return Columns([by_category, by_area], padding=(0, 4))


# --- activities ---------------------------------------------------------------

def completeness_summary(plan: dict[str, Any], lang: str) -> list[str]:
    """``Succeskriterier: 3/4 komplette``, and the same for forankring (terminal and HTML alike)."""
    summary = []
    for name in ("criteria", "forankring"):
        part = plan[f"{name}_complete"]
        figure = (f"{part['complete']}/{part['activities']} {word('complete_of', lang)}"
                  if part["complete"] is not None else word("not_computed", lang))
        summary.append(f"{word(name, lang)}: {figure}")
    return summary


def activities(plan: dict[str, Any], lang: str) -> RenderableType:
    crit, fork = plan["criteria_complete"], plan["forankring_complete"]
    summary = completeness_summary(plan, lang)
    parts: list[RenderableType] = [section_title("activities", lang, " · ".join(summary))]
    criteria_known, forankring_known = crit["complete"] is not None, fork["complete"] is not None
    for area in plan["areas"]:
        table = Table(title=Text(f"{area['id'] or ''} {area['name'] or ''}".strip()), title_justify="left",
                      title_style="bold", box=box.SIMPLE_HEAD, pad_edge=False, expand=True)
        table.add_column(word("activity", lang), ratio=4, overflow="fold")
        table.add_column(word("criteria", lang), ratio=4, overflow="fold")
        table.add_column(word("forankring", lang), ratio=4, overflow="fold")
        for row in area["activities"]:
            name = Text(row["label"])
            if row["main"]:
                name.append(f"\n★ {word('main', lang)}", style=DIM)
            for key, label in (("kildetekst", "source_text"), ("lokal_evaluering", "local_evaluation")):
                if row.get(key):  # format 1.1: the plan's own words
                    name.append(f"\n{word(label, lang)}: {row[key]}", style=DIM)
            table.add_row(name, _criteria_cell(row["criteria"], criteria_known, lang),
                          _forankring_cell(row["forankring"], forankring_known, lang))
        parts.append(table)
    return Group(*parts)


def _criteria_cell(fact: dict[str, Any] | None, computed: bool, lang: str) -> Text:
    if fact is None:
        return dash(lang) if not computed else Text("–", style=DIM)
    count = fact.get("count")
    counted = f"{count} {word('criteria_count', lang)}" if count is not None else ""
    if fact.get("complete"):
        return tick(f"{counted}, {word('complete', lang)}" if counted else word("complete", lang))
    if not count:
        return cross(f"{word('none', lang)} {word('criteria_count', lang)}")
    text = cross(counted)
    present, expected = fact.get("present"), fact.get("expected")
    if isinstance(present, int) and isinstance(expected, int) and expected:
        text.append(f" · {present}/{expected} {word('fields', lang)}", style=DIM)
    missing = [component(str(m), lang) for m in fact.get("missing") or []]
    if missing:
        text.append(f"\n{word('missing', lang)}: {', '.join(missing)}", style=BAD_STYLE)
    return text


def _forankring_cell(fact: dict[str, Any] | None, computed: bool, lang: str) -> Text:
    if fact is None:
        return dash(lang) if not computed else Text("–", style=DIM)
    # "who" is a flag in the forankring plugin's facts; names are shown when a plugin gives them
    who = fact.get("who")
    who_text = join(who, lang) if isinstance(who, list) else (who if isinstance(who, str) else "")
    if fact.get("complete"):
        return tick(who_text or word("complete", lang))
    text = Text()
    for key in ("who", "how", "when", "agreement"):
        if text:
            text.append(" ")
        present = bool(fact.get(key))
        text.append("✓" if present else "✗", style=OK_STYLE if present else BAD_STYLE)
        text.append(word(key, lang), style="" if present else BAD_STYLE)
    if who_text:
        text.append(f"\n{who_text}", style=DIM)
    return text


# --- findings -----------------------------------------------------------------

def findings(plan: dict[str, Any], lang: str) -> RenderableType:
    counts = plan["findings"]
    title = section_title("findings", lang)
    if not counts["by_plugin"]:
        return Group(title, tick(word("no_findings", lang)))
    table = Table(box=box.SIMPLE_HEAD, show_footer=True, pad_edge=False)
    table.add_column(word("plugin", lang), word("total", lang), footer_style="bold")
    for severity in ("error", "warning", "info"):
        table.add_column(word(severity, lang), str(counts[severity]), justify="right",
                         style=SEVERITY_STYLE[severity], footer_style="bold")
    for plugin, per in counts["by_plugin"].items():
        table.add_row(Text(plugin), *(str(per[s]) for s in ("error", "warning", "info")))
    top = Table(title=word("top_findings", lang), title_justify="left", title_style="bold",
                box=box.SIMPLE_HEAD, pad_edge=False, expand=True)
    top.add_column(word("code", lang), no_wrap=True)
    top.add_column(word("line", lang), justify="right", no_wrap=True)
    top.add_column(word("message", lang), ratio=1, overflow="fold")
    for finding in counts["top"]:
        top.add_row(Text(finding["code"], style=SEVERITY_STYLE.get(finding["severity"], "")),
                    str(finding["line"]) if finding["line"] is not None else "–", Text(finding["message"]))
    total = counts["error"] + counts["warning"] + counts["info"]
    parts: list[RenderableType] = [title, table, top]
    if total > len(counts["top"]):
        parts.append(Text(f"+ {total - len(counts['top'])} {word('more_findings', lang)}", style=DIM))
    return Group(*parts)
