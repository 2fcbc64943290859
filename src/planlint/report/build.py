"""The report's numbers: one plain, JSON-ready mapping per plan.

Every view (terminal, HTML, JSON) renders these mappings and nothing else,
so the three always show the same numbers.  The figures come from the
plugins' ``planlint_facts`` (co-financing, criteria, forankring); this module
adds only what the plan states (names, period, afdelinger) and the findings
counts.  A fact a plugin did not give stays missing (``None``) and is shown
as "ikke beregnet", never guessed here.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from ..findings import FileResult, Finding, Severity, format_path

#: How many findings a plan's report lists by name (the rest are counted).
TOP_FINDINGS = 8

SEVERITIES = ("error", "warning", "info")


def plain(value: Any) -> Any:
    """Facts as JSON data: string keys, floats for exact shares, ISO dates."""
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [plain(item) for item in value]
    if isinstance(value, bool) or value is None or isinstance(value, (int, str)):
        return value
    if isinstance(value, (Fraction, Decimal, float)):
        return float(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def activity_key(activity: Any) -> str:
    """The key the success and forankring facts use for an activity."""
    return activity.id or format_path(activity.plan_path)


def build_plan(result: FileResult, facts: dict[str, Any] | None, lang: str,
               every_finding: bool = False) -> dict[str, Any]:
    """Everything the report says about one plan file.

    ``every_finding`` adds ``findings["all"]`` (every finding, in file order)
    for the HTML page, which lists them all; the other views show the top ones.
    """
    plan = result.document.plan if result.document is not None else None
    facts = plain(facts or {})
    data: dict[str, Any] = {
        "path": result.path,
        "readable": plan is not None,
        **_header(plan),
        "pulje": result.pulje,
    }
    data["findings"] = _findings(result.findings, lang)
    if every_finding:
        data["findings"]["all"] = [f.to_json(lang) for f in sorted(result.findings, key=Finding.sort_key)]
    data["verdict"] = _verdict(data["findings"])
    data.update(_financing(plan, facts))
    data.update(_activities(plan, facts))
    return data


def _header(plan: Any) -> dict[str, Any]:
    if plan is None:
        return {"name": None, "status": None, "period": {"start": None, "end": None, "years": []},
                "kommune": None, "boligorganisationer": [], "afdelinger": [], "lejemål": None, "beboere": None}
    meta = plan.meta
    period = meta.period
    sections = [
        {"nummer": s.number, "navn": s.name, "lejemål": s.tenancies, "beboere": s.residents}
        for s in plan.sections or []
    ]
    return {
        "name": meta.name,
        "status": meta.effective_status if plan.plan is not None else None,
        "period": {
            "start": period.start.isoformat() if period and period.start else None,
            "end": period.end.isoformat() if period and period.end else None,
            "years": plan.period_years,
        },
        "kommune": _party(plan, meta.municipality) if meta.municipality else None,
        "boligorganisationer": [_party(plan, org) for org in meta.housing_orgs or []],
        "afdelinger": sections,
        # a sum over the afdelinger that state it; None when none does
        "lejemål": _sum_known(s["lejemål"] for s in sections),
        "beboere": _sum_known(s["beboere"] for s in sections),
    }


def _party(plan: Any, party_id: str) -> dict[str, Any]:
    party = plan.party(party_id)
    return {"id": party_id, "name": party.name if party and party.name else party_id}


def _sum_known(values: Any) -> int | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None


def _findings(findings: list[Finding], lang: str) -> dict[str, Any]:
    counts = {name: 0 for name in SEVERITIES}
    by_plugin: dict[str, dict[str, int]] = {}
    for finding in findings:
        severity = (finding.severity or Severity.ERROR).value
        counts[severity] += 1
        plugin = by_plugin.setdefault(finding.plugin or "core", {name: 0 for name in SEVERITIES})
        plugin[severity] += 1
    # most severe first, then in file order: what a coordinator must look at first
    ranked = sorted(findings, key=lambda f: (-(f.severity or Severity.ERROR).rank, f.sort_key()))
    return {**counts, "by_plugin": dict(sorted(by_plugin.items())),
            "top": [f.to_json(lang) for f in ranked[:TOP_FINDINGS]]}


def _verdict(counts: dict[str, Any]) -> str:
    if counts["error"]:
        return "errors"
    return "warnings" if counts["warning"] else "ready"


def _financing(plan: Any, facts: dict[str, Any]) -> dict[str, Any]:
    """``cofinancing_status``: computed, no_budget (the plugin says so) or not_computed."""
    if plan is None or "cofinancing" not in facts:
        return {"cofinancing_status": "not_computed", "cofinancing": None}
    cof = facts["cofinancing"]
    if not isinstance(cof, dict):
        return {"cofinancing_status": "no_budget", "cofinancing": None}
    return {"cofinancing_status": "computed", "cofinancing": cof}


def _activities(plan: Any, facts: dict[str, Any]) -> dict[str, Any]:
    criteria = facts.get("criteria") if isinstance(facts.get("criteria"), dict) else None
    forankring = facts.get("forankring") if isinstance(facts.get("forankring"), dict) else None
    areas: list[dict[str, Any]] = []
    for area in (plan.areas or []) if plan is not None else []:
        rows = []
        for activity in area.activities or []:
            key = activity_key(activity)
            rows.append({
                "key": key, "id": activity.id, "name": activity.name, "label": activity.label,
                "main": bool(activity.main),
                "criteria": criteria.get(key) if criteria is not None else None,
                "forankring": forankring.get(key) if forankring is not None else None,
                # format 1.1: the plan's own words, shown, never checked
                "kildetekst": activity.source_text,
                "lokal_evaluering": activity.local_evaluation,
            })
        areas.append({"id": area.id, "name": area.name, "activities": rows})
    every = [row for area in areas for row in area["activities"]]
    return {
        "areas": areas,
        "activities": len(every),
        "criteria_complete": _completeness(every, "criteria", criteria is not None),
        "forankring_complete": _completeness(every, "forankring", forankring is not None),
    }


def _completeness(rows: list[dict[str, Any]], fact: str, computed: bool) -> dict[str, Any]:
    """How many activities are complete; ``share`` is None when not computed."""
    if not computed:
        return {"complete": None, "activities": len(rows), "share": None}
    done = sum(1 for row in rows if isinstance(row[fact], dict) and row[fact].get("complete"))
    return {"complete": done, "activities": len(rows), "share": done / len(rows) if rows else None}
