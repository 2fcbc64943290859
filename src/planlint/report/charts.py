"""The HTML report's charts as inline SVG, drawn here (no chart library, no network).

Built with ElementTree, so every label is escaped by the serializer: a plan's
name can never become markup.  Each chart is an ``<svg role="img">`` with a
``<title>`` and a ``<desc>`` that say in words what the bars show, and every
bar carries its figure as text, so a chart reads without colour too.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from typing import Any

from .marks import amount, requirement, share
from .words import CATEGORY_NAMES, word

SVG_NS = "http://www.w3.org/2000/svg"

#: the four kinds of money, in the order the bars stack them
PARTS = ("lbf", "kommune", "boligorganisation", "andre")
#: one colour per part (also in the page's legend); distinguishable for the common colour blindnesses
COLOURS = {"lbf": "#3b6ea8", "kommune": "#e08a2c", "boligorganisation": "#4f9a5b", "andre": "#8a6bb0"}

#: the requirement drawn when a plan's pulje has no rule pack (the current rule)
DEFAULT_LOCAL_MIN = 0.25


def _n(value: float) -> str:
    """A coordinate: short and locale-free."""
    return f"{value:.1f}".removesuffix(".0")


def _svg(width: int, height: int, chart_id: str, title: str, desc: str, css_class: str) -> ET.Element:
    svg = ET.Element("svg", {
        "xmlns": SVG_NS, "class": f"chart {css_class}", "viewBox": f"0 0 {width} {height}",
        "width": str(width), "height": str(height), "role": "img",
        "aria-labelledby": f"{chart_id}-title {chart_id}-desc",
    })
    ET.SubElement(svg, "title", {"id": f"{chart_id}-title"}).text = title
    ET.SubElement(svg, "desc", {"id": f"{chart_id}-desc"}).text = desc
    return svg


def _text(parent: ET.Element, x: float, y: float, text: str, css_class: str = "",
          anchor: str = "start") -> ET.Element:
    attrs = {"x": _n(x), "y": _n(y), "text-anchor": anchor}
    if css_class:
        attrs["class"] = css_class
    element = ET.SubElement(parent, "text", attrs)
    element.text = text
    return element


def _serialize(svg: ET.Element) -> str:
    return ET.tostring(svg, encoding="unicode", short_empty_elements=True)


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --- funding split -------------------------------------------------------------

def part_name(part: str, lang: str) -> str:
    return CATEGORY_NAMES[part].get(lang)


def funding_split(bars: list[dict[str, Any]], chart_id: str, lang: str, title: str) -> str:
    """One stacked bar per plan: LBF / kommune / boligorganisation / andre, as shares of its budget.

    ``bars``: ``{"label": ..., "short": shown label or None, "cofinancing": facts or None}``.  The tick on a
    bar is where LBF's share must end for the local share to reach its
    requirement (1 - local_min).
    """
    shown = [_shorten(str(bar.get("short") or bar["label"]), 44) for bar in bars]
    # room for the longest label (about 6.5 px a character at 12 px)
    label_w = int(min(300, max(80, 6.5 * max(len(text) for text in shown) + 16)))
    bar_w, row_h, top = 460, 26, 34
    width, height = label_w + bar_w + 20, top + row_h * len(bars) + 10
    descs = []
    svg = _svg(width, height, chart_id, title, "", "funding-split")
    legend = ET.SubElement(svg, "g", {"class": "legend"})
    x = 8.0
    for part in PARTS:
        ET.SubElement(legend, "rect", {"x": _n(x), "y": "8", "width": "12", "height": "12", "fill": COLOURS[part]})
        _text(legend, x + 16, 18, part_name(part, lang))
        x += 16 + 6.8 * len(part_name(part, lang)) + 16
    # the requirement tick, explained once
    ET.SubElement(legend, "line", {"x1": _n(x), "x2": _n(x), "y1": "6", "y2": "22", "class": "requirement"})
    line = _common_line(bars)  # puljer with different requirements: each bar's tick is its own
    _text(legend, x + 6, 18, f"{word('requirement', lang)}: {word('local_short', lang).lower()} "
          + (f"{word('local_min', lang)} {requirement(line, lang)}" if line is not None else ""))
    for index, bar in enumerate(bars):
        y = top + index * row_h
        row = ET.SubElement(svg, "g", {"class": "bar"})
        label = _text(row, label_w - 8, y + 16, shown[index], "label", "end")
        ET.SubElement(label, "title").text = str(bar["label"])  # the whole name, when shortened
        cof = bar["cofinancing"]
        total = (cof or {}).get("total")
        if not cof or not total:
            _text(row, label_w, y + 16, f"– {word('not_computed', lang)}", "muted")
            descs.append(f"{bar['label']}: {word('not_computed', lang)}")
            continue
        x = float(label_w)
        parts_text = []
        for part in PARTS:
            value = cof.get(part) or 0
            if value <= 0:
                continue
            w = bar_w * value / total
            piece = ET.SubElement(row, "rect", {"x": _n(x), "y": _n(y + 3), "width": _n(w), "height": str(row_h - 8),
                                                "fill": COLOURS[part], "class": f"part-{part}"})
            figure = f"{part_name(part, lang)}: {amount(value, lang)} ({share(value / total, lang)})"
            ET.SubElement(piece, "title").text = figure
            parts_text.append(figure)
            if w >= 44:
                _text(row, x + w / 2, y + 16, share(value / total, lang), "in-bar", "middle")
            x += w
        line = cof.get("local_min_share")
        mark = label_w + bar_w * (1 - (line if line is not None else DEFAULT_LOCAL_MIN))
        ET.SubElement(row, "line", {"x1": _n(mark), "x2": _n(mark), "y1": _n(y), "y2": _n(y + row_h - 2),
                                    "class": "requirement"})
        descs.append(f"{bar['label']}: " + "; ".join(parts_text))
    svg.find("desc").text = ". ".join(descs)  # type: ignore[union-attr]
    return _serialize(svg)


def _common_line(bars: list[dict[str, Any]]) -> float | None:
    """The local requirement the bars share (the rule's 25 % when none states one)."""
    lines = {(bar["cofinancing"] or {}).get("local_min_share") for bar in bars} - {None}
    return lines.pop() if len(lines) == 1 else None if lines else DEFAULT_LOCAL_MIN


# --- the local share per year ----------------------------------------------------

def yearly_local_share(cof: dict[str, Any], chart_id: str, lang: str) -> str | None:
    """Bars of the local share per year against the requirement line; None without yearly figures."""
    years = [(year, (entry or {}).get("local_share")) for year, entry in sorted((cof.get("years") or {}).items(),
                                                                                key=lambda item: int(item[0]))]
    years = [(year, value) for year, value in years if value is not None]
    if not years:
        return None
    line = cof.get("local_min_share")
    line = line if line is not None else DEFAULT_LOCAL_MIN
    top_value = max([line * 2, *[value for _, value in years]])
    scale_max = min(1.0, math.ceil(top_value * 10) / 10) or 1.0
    left, plot_h, top, bottom = 52, 180, 24, 30
    slot = 64 if len(years) <= 10 else 40
    width, height = left + slot * len(years) + 100, top + plot_h + bottom

    def y_of(value: float) -> float:
        return top + plot_h * (1 - min(value, scale_max) / scale_max)

    title = f"{word('local_share_chart', lang)} – {word('requirement', lang)} {requirement(line, lang)}"
    desc = "; ".join(f"{year}: {share(value, lang, line=line)}" for year, value in years)
    svg = _svg(width, height, chart_id, title, desc, "yearly-share")
    axis = ET.SubElement(svg, "g", {"class": "axis"})
    steps = 5
    for step in range(steps + 1):
        value = scale_max * step / steps
        y = y_of(value)
        ET.SubElement(axis, "line", {"x1": str(left), "x2": str(width - 90), "y1": _n(y), "y2": _n(y), "class": "grid"})
        _text(axis, left - 6, y + 4, share(value, lang).replace(",0 ", " ").replace(".0 ", " "), "tick", "end")
    for index, (year, value) in enumerate(years):
        x = left + index * slot + slot * 0.2
        low = value < line
        group = ET.SubElement(svg, "g", {"class": "year low" if low else "year"})
        text = share(value, lang, line=line)
        bar = ET.SubElement(group, "rect", {"x": _n(x), "y": _n(y_of(value)), "width": _n(slot * 0.6),
                                            "height": _n(top + plot_h - y_of(value))})
        ET.SubElement(bar, "title").text = f"{year}: {text}"
        _text(group, x + slot * 0.3, y_of(value) - 5, ("✗ " if low else "") + text, "value", "middle")
        _text(group, x + slot * 0.3, top + plot_h + 18, str(year), "year-label", "middle")
    y = y_of(line)
    ET.SubElement(svg, "line", {"x1": str(left), "x2": str(width - 90), "y1": _n(y), "y2": _n(y),
                                "class": "requirement"})
    _text(svg, width - 86, y + 4, f"{word('requirement', lang)} {requirement(line, lang)}", "requirement-label")
    return _serialize(svg)
