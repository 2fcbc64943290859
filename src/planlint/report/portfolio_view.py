"""The portfolio table: one row per plan and a totals row (rich).

Wide terminals get pulje and period as columns of their own; on 80 columns
they move under the plan's name, so the numbers keep their columns.
"""

from __future__ import annotations

from collections import Counter
from pathlib import PurePosixPath
from typing import Any

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..i18n import number
from .marks import BAD_STYLE, DIM, WARN_STYLE, FitWidth, amount, share
from .words import word

#: column key -> label key in words.WORDS
HEADINGS = {
    "name": "name", "pulje": "pulje", "period": "period", "budget": "budget", "lbf": "lbf_pct",
    "local": "local_pct", "kommune": "kommune_pct", "activities": "activities_short",
    "criteria": "criteria_pct", "forankring": "forankring_pct", "errors": "errors_short",
    "warnings": "warnings_short",
}
TEXT_COLUMNS = ("name", "pulje", "period")


def render_portfolio(rows: list[dict[str, Any]], totals: dict[str, Any], lang: str,
                     sorted_by: str | None) -> RenderableType:
    title = f"{word('portfolio', lang)}: {totals['plans']} {word('plans', lang)}"
    # the defect plans of a test corpus share one name: tell them apart by file
    repeated = {name for name, count in Counter(r["name"] for r in rows).items() if count > 1}
    wide = _table(rows, totals, lang, sorted_by, title, repeated, narrow=False)
    narrow = _table(rows, totals, lang, sorted_by, title, repeated, narrow=True)
    return Group(FitWidth(wide, narrow), Text(word("legend", lang), style=DIM))


def _table(rows: list[dict[str, Any]], totals: dict[str, Any], lang: str, sorted_by: str | None, title: str,
           repeated: set[str], narrow: bool) -> Table:
    table = Table(title=title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD,
                  # padding 0: the box already draws a one-space gap between columns
                  show_footer=True, show_edge=False, pad_edge=False, padding=0)
    keys = [k for k in HEADINGS if not (narrow and k in ("pulje", "period"))]
    for key in keys:
        first, _, unit = word(HEADINGS[key], lang).partition("\n")
        heading = first + (" ▼" if key == sorted_by else "") + (f"\n{unit}" if unit else "")
        if narrow and key == "name" and sorted_by in ("pulje", "period"):
            heading += f" ({word(HEADINGS[sorted_by], lang).lower()} ▼)"
        # the sort mark goes on the heading's first line; the second holds the unit
        table.add_column(heading, _cell(key, totals, lang, total=True),
                         justify="left" if key in TEXT_COLUMNS else "right",
                         no_wrap=key != "name", ratio=1 if key == "name" else None,
                         min_width=16 if key == "name" else None, footer_style="bold",
                         overflow="fold" if key == "name" else "ellipsis")
    for row in rows:
        cells = [_cell(key, row, lang) for key in keys]
        cells[0] = _name(row, repeated, narrow)
        table.add_row(*cells)
    return table


def _name(row: dict[str, Any], repeated: set[str], narrow: bool) -> Text:
    text = Text(str(row["name"]))
    if row["name"] in repeated:
        text.append(f"\n{PurePosixPath(row['path']).name}", style=DIM)
    if narrow and (row["pulje"] or row["period"]):
        text.append("\n" + " · ".join(x for x in (row["pulje"], row["period"]) if x), style=DIM)
    return text


def _cell(key: str, row: dict[str, Any], lang: str, total: bool = False) -> Text:
    value = row.get(key)
    if key == "name":
        return Text(word("totals", lang) if total else str(value))
    if key in ("pulje", "period"):
        return Text("" if total else (value or "–"))
    if key == "budget":
        return Text(amount(value, lang))
    if key in ("lbf", "local", "kommune", "criteria", "forankring"):
        # the heading carries the "%"; the local share never rounds up to its requirement
        text = Text(share(value, lang, line=row.get("local_min") if key == "local" else None, sign=False))
        if key == "local" and row.get("local_ok") is False:
            text.stylize(BAD_STYLE)
        return text
    if key == "errors":
        return Text(number(value, lang), style=BAD_STYLE if value else "")
    if key == "warnings":
        return Text(number(value, lang), style=WARN_STYLE if value else "")
    return Text(number(value, lang) if value is not None else "–")
