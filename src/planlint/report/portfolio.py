"""The portfolio: one row of key numbers per plan, a totals row, sorting.

Rows are plain data built from ``build.build_plan`` mappings, so the JSON
and the table hold the same numbers.
"""

from __future__ import annotations

from typing import Any

from ..errors import UsageError

#: column key -> (Danish alias, kind).  Text columns sort A-Z; number columns
#: sort largest first (the plan with most errors or the biggest budget on top).
COLUMNS: dict[str, tuple[str, str]] = {
    "name": ("navn", "text"),
    "pulje": ("pulje", "text"),
    "period": ("periode", "text"),
    "budget": ("budget", "number"),
    "lbf": ("lbf", "number"),
    "local": ("lokal", "number"),
    "kommune": ("kommune", "number"),
    "activities": ("aktiviteter", "number"),
    "criteria": ("kriterier", "number"),
    "forankring": ("forankring", "number"),
    "errors": ("fejl", "number"),
    "warnings": ("advarsler", "number"),
}


def row(plan: dict[str, Any]) -> dict[str, Any]:
    """A plan's portfolio row; a figure that was not computed is None."""
    cof = plan["cofinancing"] or {}
    years = plan["period"]["years"]
    return {
        "path": plan["path"],
        "name": plan["name"] or plan["path"],
        "pulje": plan["pulje"],
        "period": f"{years[0]}-{years[-1]}" if years else None,
        "budget": cof.get("total"),
        "lbf_kr": cof.get("lbf"),
        "local_kr": cof.get("local"),
        "kommune_kr": cof.get("kommune"),
        "lbf": cof.get("lbf_share"),
        "local": cof.get("local_share"),
        "kommune": cof.get("kommune_share"),
        "local_ok": _local_ok(cof),
        "local_min": cof.get("local_min_share"),
        "activities": plan["activities"],
        "criteria": plan["criteria_complete"]["share"],
        "forankring": plan["forankring_complete"]["share"],
        "errors": plan["findings"]["error"],
        "warnings": plan["findings"]["warning"],
    }


def column_key(name: str) -> str:
    """``--sort`` value (English or Danish column name) -> column key; UsageError otherwise."""
    wanted = name.strip().lower()
    for key, (danish, _kind) in COLUMNS.items():
        if wanted in (key, danish):
            return key
    names = ", ".join(COLUMNS)
    raise UsageError(f"Kolonnen '{name}' findes ikke i porteføljen; vælg en af: {names}.",
                     f"The portfolio has no column '{name}'; choose one of: {names}.")


def sort_rows(rows: list[dict[str, Any]], column: str | None) -> list[dict[str, Any]]:
    """Rows by one column; missing values last; ties by name then path (deterministic)."""
    if column is None:
        return list(rows)
    kind = COLUMNS[column][1]
    tie = sorted(rows, key=lambda r: (str(r["name"]).lower(), r["path"]))
    present = [r for r in tie if r[column] is not None]
    absent = [r for r in tie if r[column] is None]
    if kind == "number":
        present.sort(key=lambda r: r[column], reverse=True)
    else:
        present.sort(key=lambda r: str(r[column]).lower())
    return present + absent


def totals(rows: list[dict[str, Any]], plans: list[dict[str, Any]]) -> dict[str, Any]:
    """Sums, and shares weighted by budget (or by activities), over the plans that have them."""
    with_budget = [r for r in rows if r["budget"] is not None]
    budget = sum(r["budget"] for r in with_budget) if with_budget else None

    def share_of(kroner: str) -> float | None:
        parts = [r[kroner] for r in with_budget if r[kroner] is not None]
        return sum(parts) / budget if budget and parts else None

    def completeness(name: str) -> float | None:
        known = [p[name] for p in plans if p[name]["complete"] is not None]
        activities = sum(k["activities"] for k in known)
        return sum(k["complete"] for k in known) / activities if activities else None

    return {
        "plans": len(rows),
        "budget": budget,
        "lbf": share_of("lbf_kr"),
        "local": share_of("local_kr"),
        "kommune": share_of("kommune_kr"),
        "activities": sum(r["activities"] for r in rows),
        "criteria": completeness("criteria_complete"),
        "forankring": completeness("forankring_complete"),
        "errors": sum(r["errors"] for r in rows),
        "warnings": sum(r["warnings"] for r in rows),
    }


def _local_ok(cof: dict[str, Any]) -> bool | None:
    share, line = cof.get("local_share"), cof.get("local_min_share")
    return None if share is None or line is None else share >= line
