"""``planlint report --html``: the report as one self-contained web page.

The page shows the mappings ``build.build_plan`` made (the numbers the
terminal and JSON views show); this module only formats them for the
templates in ``templates/`` (jinja2, autoescaped: every plan-derived string
is escaped, none becomes markup).  One file, no network: the stylesheet, the
sort script and the SVG charts are inline, and a Content-Security-Policy
allows exactly that stylesheet and that script and nothing else.
"""

from __future__ import annotations

import base64
import hashlib
import re
import unicodedata
from collections import Counter
from importlib import resources
from pathlib import PurePosixPath
from typing import Any

from ..i18n import join, kr, number
from . import charts
from .marks import amount, requirement, share
# the terminal report's own wording for sources, afdelinger and activity status (as plain text)
from .plan_view import _criteria_cell, _forankring_cell, _sections, _source_name, _years, completeness_summary
from .words import COST_CATEGORIES, verdict_text, word

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


# --- the page --------------------------------------------------------------------

def render(data: dict[str, Any], lang: str) -> str:
    """The whole page as text (``data`` is the report document of ``report._document``)."""
    from jinja2 import Environment, PackageLoader, StrictUndefined
    from markupsafe import Markup

    env = Environment(loader=PackageLoader("planlint.report", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    css, script = _asset("report.css"), _asset("sort.js")
    plans = data["plans"]
    ids = section_ids(plans)
    views = [plan_view(plan, lang, section_id) for plan, section_id in zip(plans, ids)]
    portfolio = portfolio_view(data, lang, dict(zip((p["path"] for p in plans), ids))) \
        if data["kind"] == "portfolio" else None
    first = plans[0]
    subject = (first["name"] or first["path"]) if data["kind"] == "plan" else word("portfolio", lang)
    return env.get_template("page.html").render(
        lang=lang, w=lambda key: word(key, lang), title=f"planlint – {word('report', lang)}: {subject}",
        kind=data["kind"], portfolio=portfolio, plans=views,
        version=data["tool"]["version"],
        css=Markup(css), script=Markup(script), csp=_policy(css, script),
    )


def _asset(name: str) -> str:
    return resources.files("planlint.report").joinpath("templates", name).read_text(encoding="utf-8")


def _policy(css: str, script: str) -> str:
    """Nothing may load; only this page's own style and script may run (defence in depth)."""
    def digest(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"

    return (f"default-src 'none'; style-src {digest(css)}; script-src {digest(script)}; img-src data:; "
            "base-uri 'none'; form-action 'none'")


def section_ids(plans: list[dict[str, Any]]) -> list[str]:
    """``plan-3-rum-for-liv``: unique (the position), safe (ASCII letters, digits, dashes) whatever the file name."""
    ids = []
    for index, plan in enumerate(plans, 1):
        stem = PurePosixPath(str(plan["path"]).replace("\\", "/")).stem
        ascii_stem = unicodedata.normalize("NFKD", stem.replace("ø", "oe").replace("æ", "ae").replace("å", "aa")
                                           .replace("Ø", "Oe").replace("Æ", "Ae").replace("Å", "Aa"))
        slug = re.sub(r"[^a-z0-9]+", "-", ascii_stem.encode("ascii", "ignore").decode().lower()).strip("-")[:40]
        ids.append(f"plan-{index}" + (f"-{slug.strip('-')}" if slug.strip("-") else ""))
    return ids


# --- the portfolio table ------------------------------------------------------------

#: (column key, heading word, full name word or None, kind): kind "text" sorts A-Z, "number" by data-value
COLUMNS = (
    ("name", "name", None, "text"), ("kommune_name", "kommune", None, "text"), ("pulje", "pulje", None, "text"),
    ("period", "period", None, "text"), ("budget", "budget_kr", None, "number"), ("lbf", "lbf_col", "lbf", "number"),
    ("local", "local_col", "local", "number"), ("kommune", "kommune_col", "municipal", "number"),
    ("criteria", "criteria_pct", "criteria", "number"), ("forankring", "forankring_pct", "forankring", "number"),
    ("errors", "error", None, "number"), ("warnings", "warnings_col", None, "number"),
)


def portfolio_view(data: dict[str, Any], lang: str, ids: dict[str, str]) -> dict[str, Any]:
    table = data["portfolio"]
    rows, totals, sort = table["rows"], table["totals"], table["sort"]
    by_path = {plan["path"]: plan for plan in data["plans"]}
    repeated = {name for name, count in Counter(r["name"] for r in rows).items() if count > 1}
    headings = []
    for key, label, full, kind in COLUMNS:
        sorted_here = sort is not None and sort == key
        headings.append({"key": key, "label": word(label, lang).partition("\n")[0], "kind": kind,
                         "full": word(full, lang) if full else None,
                         "aria_sort": ("descending" if kind == "number" else "ascending") if sorted_here else None})
    body = []
    for row in rows:
        plan = by_path[row["path"]]
        below = row["local_ok"] is False
        body.append({
            "id": ids[row["path"]], "path": row["path"],
            "file": PurePosixPath(row["path"]).name if row["name"] in repeated else None,
            "classes": " ".join(c for c in ("below-local" if below else "", "has-errors" if row["errors"] else "") if c),
            "cells": [_cell(key, row, plan, lang) for key, *_ in COLUMNS],
        })
    foot = [_total_cell(key, totals, lang) for key, *_ in COLUMNS]
    # plans that share a name are told apart by their file, as in the table
    bars = [{"label": f"{row['name']} ({PurePosixPath(row['path']).name})" if row["name"] in repeated else row["name"],
             "short": PurePosixPath(row["path"]).name if row["name"] in repeated else None,
             "cofinancing": by_path[row["path"]]["cofinancing"]} for row in rows]
    chart = charts.funding_split(bars, "chart-portfolio", lang, word("funding_split", lang))
    return {"headings": headings, "rows": body, "totals": foot, "count": totals["plans"], "chart": _markup(chart)}


def _cell(key: str, row: dict[str, Any], plan: dict[str, Any], lang: str) -> dict[str, Any]:
    """``text`` as shown (Danish or English figures), ``value`` to sort by, ``flag`` a mark in words."""
    value = row.get(key)
    if key == "name":
        return {"text": str(value), "value": str(value).lower(), "flag": None, "cls": "text"}
    if key == "kommune_name":
        name = plan["kommune"]["name"] if plan["kommune"] else None
        return {"text": name or "–", "value": (name or "").lower(), "flag": None, "cls": "text"}
    if key in ("pulje", "period"):
        return {"text": value or "–", "value": value or "", "flag": None, "cls": "text nowrap"}
    if key == "budget":
        return {"text": kr(value, lang) if value is not None else "–", "value": value, "flag": None, "cls": "num"}
    if key in ("errors", "warnings"):
        flag = f"✗ {word('has_errors', lang)}" if key == "errors" and value else None
        return {"text": number(value, lang), "value": value, "flag": flag,
                "cls": "num bad" if flag else "num warn" if key == "warnings" and value else "num"}
    line = row.get("local_min") if key == "local" else None
    flag = None
    if key == "local" and row.get("local_ok") is False:
        flag = f"⚠ {word('below', lang)} {requirement(line, lang)}"
    return {"text": share(value, lang, line=line), "value": value, "flag": flag,
            "cls": "num bad" if flag else "num"}


def _total_cell(key: str, totals: dict[str, Any], lang: str) -> str:
    value = totals.get(key)
    if key == "name":
        return f"{word('totals', lang)} ({totals['plans']} {word('plans', lang)})"
    if key in ("kommune_name", "pulje", "period"):
        return ""
    if key == "budget":
        return kr(value, lang) if value is not None else "–"
    if key in ("errors", "warnings"):
        return number(value, lang)
    return share(value, lang)


# --- one plan ------------------------------------------------------------------------

def plan_view(plan: dict[str, Any], lang: str, section_id: str) -> dict[str, Any]:
    counts = plan["findings"]
    return {
        "id": section_id,
        "name": plan["name"] or plan["path"],
        "path": plan["path"],
        "readable": plan["readable"],
        "verdict": {"text": verdict_text(plan["verdict"], counts["error"], counts["warning"], lang),
                    "cls": plan["verdict"], "mark": {"errors": "✗", "warnings": "⚠", "ready": "✓"}[plan["verdict"]]},
        "overview": _overview(plan, lang),
        "areas": [{"id": a["id"] or "", "name": a["name"] or "", "activities": len(a["activities"])}
                  for a in plan["areas"]],
        "financing": _financing(plan, section_id, lang),
        "activities": _activities(plan, lang),
        "findings": _finding_groups(counts),
        "counts": {key: counts[key] for key in ("error", "warning", "info")},
    }


def _overview(plan: dict[str, Any], lang: str) -> list[tuple[str, list[str]]]:
    unknown = word("unknown", lang)
    if not plan["readable"]:
        return [(word("status", lang), [word("unreadable", lang)])]
    period = plan["period"]
    dates = f"{period['start'] or '?'} – {period['end'] or '?'}" if period["start"] or period["end"] else unknown
    sections = _sections(plan, lang).plain
    return [
        (word("pulje", lang), [plan["pulje"] or unknown]),
        (word("period", lang), [dates]),
        (word("kommune", lang), [plan["kommune"]["name"] if plan["kommune"] else unknown]),
        (word("housing_orgs", lang), [join([org["name"] for org in plan["boligorganisationer"]], lang) or unknown]),
        (word("sections", lang), sections.split("\n") if sections else [unknown]),
        (word("status", lang), [word(plan["status"], lang) if plan["status"] else unknown]),
    ]


def _financing(plan: dict[str, Any], section_id: str, lang: str) -> dict[str, Any]:
    status = plan["cofinancing_status"]
    if not plan["readable"]:
        return {"note": word("unreadable", lang), "bad": False}
    if status != "computed":
        key = "no_budget" if status == "no_budget" else "cof_not_computed"
        return {"note": word(key, lang), "bad": status == "no_budget"}
    cof = plan["cofinancing"]
    years = _years(cof)
    year_totals = cof.get("years") or {}
    line = cof.get("local_min_share")
    sources = [{"name": _source_name(source, lang).plain,
                "amounts": [amount((source.get("amounts") or {}).get(year), lang) for year in years],
                "total": amount(source.get("total"), lang), "share": share(source.get("share"), lang)}
               for source in cof.get("sources") or []]
    subtotals = [{"name": word(key, lang),
                  "amounts": [amount((year_totals.get(year) or {}).get(key), lang) for year in years],
                  "total": amount(cof.get(key), lang),
                  "share": share(cof.get(f"{key}_share"), lang, line=line if key == "local" else None)}
                 for key in ("lbf", "local")]
    year_shares = []
    for year in years:
        value = (year_totals.get(year) or {}).get("local_share")
        low = value is not None and line is not None and value < line
        year_shares.append({"text": share(value, lang, line=line), "low": low})
    yearly = charts.yearly_local_share(cof, f"{section_id}-local", lang)
    split = charts.funding_split([{"label": plan["name"] or plan["path"], "cofinancing": cof}],
                                 f"{section_id}-split", lang, word("funding_split_one", lang))
    return {
        "note": None,
        "years": years,
        "sources": sources,
        "subtotals": subtotals,
        "year_shares": year_shares,
        "year_totals": [amount((year_totals.get(year) or {}).get("total"), lang) for year in years],
        "total": amount(cof.get("total"), lang),
        "total_share": share(1.0 if cof.get("total") else None, lang),
        "local_share": share(cof.get("local_share"), lang, line=line),
        "local_low": cof.get("local_share") is not None and line is not None and cof["local_share"] < line,
        "shares": _shares(cof, lang),
        "chart_yearly": _markup(yearly) if yearly else None,
        "chart_split": _markup(split),
        "costs_by_category": _costs(cof, cof.get("costs_by_category") or {},
                                    lambda key: COST_CATEGORIES[key].get(lang) if key in COST_CATEGORIES else key, lang),
        "costs_by_area": _costs(cof, cof.get("costs_by_area") or {}, _area_namer(plan, lang), lang),
        "costs_total": amount(cof.get("costs_total"), lang),
    }


def _shares(cof: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    """LBF, local and municipal shares, each with its requirement and a mark in words."""
    out = []
    lbf_max, local_min = cof.get("lbf_max_share"), cof.get("local_min_share")
    if cof.get("lbf_share") is not None:
        ok = lbf_max is None or cof["lbf_share"] <= lbf_max
        out.append({"name": word("lbf", lang), "share": share(cof["lbf_share"], lang, line=lbf_max, floor=False),
                    "ok": ok, "note": f"{word('lbf_max', lang)} {requirement(lbf_max, lang)}" if lbf_max is not None
                    else "", "amount": kr(cof["lbf"], lang) if cof.get("lbf") is not None else ""})
    if cof.get("local_share") is not None:
        ok = local_min is None or cof["local_share"] >= local_min
        out.append({"name": word("local", lang), "share": share(cof["local_share"], lang, line=local_min), "ok": ok,
                    "note": f"{word('local_min', lang)} {requirement(local_min, lang)}" if local_min is not None
                    else "", "amount": kr(cof["local"], lang) if cof.get("local") is not None else ""})
    total = cof.get("total")
    for key, label in (("kommune", "municipal"), ("boligorganisation", "housing_org_share"), ("andre", "others")):
        if cof.get(key) and total:
            out.append({"name": word(label, lang), "share": share(cof[key] / total, lang), "ok": None, "note": "",
                        "amount": kr(cof[key], lang)})
    gap = cof.get("gap_kr")
    if gap:
        out.append({"name": word("gap", lang), "share": "", "ok": False, "amount": "",
                    "note": f"{kr(gap, lang)} {word('gap_text', lang)} {requirement(local_min, lang)}"})
    return out


def _costs(cof: dict[str, Any], rows: dict[str, Any], label: Any, lang: str) -> list[dict[str, str]]:
    total = cof.get("costs_total")
    return [{"name": label(key), "amount": amount(value, lang), "share": share(value / total if total else None, lang)}
            for key, value in rows.items()]


def _area_namer(plan: dict[str, Any], lang: str) -> Any:
    names = {area["id"]: area["name"] for area in plan["areas"] if area["id"]}

    def name(key: str) -> str:
        if not key:
            return word("no_area", lang)
        return f"{key} {names[key]}" if names.get(key) else key

    return name


def _activities(plan: dict[str, Any], lang: str) -> dict[str, Any]:
    crit, fork = plan["criteria_complete"], plan["forankring_complete"]
    summary = completeness_summary(plan, lang)
    areas = []
    for area in plan["areas"]:
        rows = []
        for row in area["activities"]:
            criteria = _criteria_cell(row["criteria"], crit["complete"] is not None, lang).plain
            forankring = _forankring_cell(row["forankring"], fork["complete"] is not None, lang).plain
            rows.append({"label": row["label"], "main": row["main"],
                         "criteria": criteria.split("\n"), "criteria_ok": _complete(row["criteria"]),
                         "forankring": forankring.split("\n"), "forankring_ok": _complete(row["forankring"])})
        areas.append({"title": f"{area['id'] or ''} {area['name'] or ''}".strip(), "rows": rows})
    return {"summary": " · ".join(summary), "areas": areas}


def _complete(fact: Any) -> bool | None:
    return bool(fact.get("complete")) if isinstance(fact, dict) else None


def _finding_groups(counts: dict[str, Any]) -> list[dict[str, Any]]:
    """Every finding, grouped by rule: most severe rules first, then by code; file order inside."""
    every = counts.get("all", counts["top"])
    groups: dict[str, dict[str, Any]] = {}
    for finding in every:
        group = groups.setdefault(finding["code"], {"code": finding["code"], "severity": finding["severity"],
                                                    "findings": []})
        if SEVERITY_ORDER.get(finding["severity"], 3) < SEVERITY_ORDER.get(group["severity"], 3):
            group["severity"] = finding["severity"]
        group["findings"].append(finding)
    return sorted(groups.values(), key=lambda g: (SEVERITY_ORDER.get(g["severity"], 3), g["code"]))


def _markup(svg: str) -> Any:
    from markupsafe import Markup

    return Markup(svg)  # noqa: S704 - built by charts.py with ElementTree, which escapes every label
