"""pydantic's validation errors in words a plan's author understands.

Shared by the plan's type findings (PLN005) and the configuration's errors,
so both say "must be a whole number, but is the text ..." the same way.
"""

from __future__ import annotations

from typing import Any

_EXPECTED = {
    "string_type": ("en tekst", "a text"),
    "int_type": ("et helt tal", "a whole number"),
    "int_parsing": ("et helt tal", "a whole number"),
    "int_from_float": ("et helt tal", "a whole number"),
    "float_type": ("et tal", "a number"),
    "bool_type": ("true eller false", "true or false"),
    "bool_parsing": ("true eller false", "true or false"),
    "list_type": ("en liste", "a list"),
    "dict_type": ("en mapping (nøgle: værdi)", "a mapping (key: value)"),
    "model_type": ("en mapping (nøgle: værdi)", "a mapping (key: value)"),
    "model_attributes_type": ("en mapping (nøgle: værdi)", "a mapping (key: value)"),
    "number": ("et endeligt tal", "a finite number"),
    "date": ("en dato (ÅÅÅÅ-MM-DD)", "a date (YYYY-MM-DD)"),
    "date_invalid": ("en dato, der findes", "a date that exists"),
    "date_range": ("en dato fra 1900-01-01 til 2200-12-31", "a date from 1900-01-01 to 2200-12-31"),
    "date_or_year": ("en dato (ÅÅÅÅ-MM-DD) eller et årstal", "a date (YYYY-MM-DD) or a year"),
    "year": ("et årstal, fx 2013", "a year, e.g. 2013"),
    "partial_date": ("en dato (ÅÅÅÅ-MM-DD), en måned (ÅÅÅÅ-MM) eller et årstal",
                     "a date (YYYY-MM-DD), a month (YYYY-MM) or a year"),
    "hours": ("et tal over 0 eller et interval som \"1-2\"", "a number above 0 or a range like \"1-2\""),
}


def expected_value(error: dict[str, Any]) -> tuple[str, str] | None:
    """What the value should have been, for a pydantic error: ("et helt tal", "a whole number").

    None for an error type without a wording here.  Shared by the plan's
    PLN005 messages and the configuration's.
    """
    kind = error["type"]
    ctx = error.get("ctx", {})
    if kind == "too_short":
        need = ctx.get("min_length", 1)
        return (f"en liste med mindst {need} element" + ("er" if need != 1 else ""),
                f"a list of at least {need} item" + ("s" if need != 1 else ""))
    if kind in ("greater_than", "greater_than_equal"):
        bound = ctx.get("gt", ctx.get("ge"))
        word_da, word_en = ("større end", "greater than") if kind == "greater_than" else ("mindst", "at least")
        return f"et tal {word_da} {bound}", f"a number {word_en} {bound}"
    if kind in ("less_than", "less_than_equal"):
        bound = ctx.get("lt", ctx.get("le"))
        word_da, word_en = ("mindre end", "less than") if kind == "less_than" else ("højst", "at most")
        return f"et tal {word_da} {bound}", f"a number {word_en} {bound}"
    return _EXPECTED.get(kind)


def expected_key(kind: str) -> tuple[str, str]:
    """What a mapping key should have been (the plan's year keys): ("et årstal", "a year")."""
    return _EXPECTED.get(kind, ("et årstal", "a year"))


def describe(value: Any, lang: str) -> str:
    """How a value looks to someone who wrote it in YAML."""
    da = lang == "da"
    if value is None:
        return "tom" if da else "empty"
    if isinstance(value, bool):
        return ("sandhedsværdien " if da else "the boolean ") + str(value).lower()
    if isinstance(value, (int, float)):
        return ("tallet " if da else "the number ") + str(value)
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return ("teksten " if da else "the text ") + f'"{shown}"'
    if isinstance(value, list):
        if not value:
            return "en tom liste" if da else "an empty list"
        if da:
            return f"en liste med {len(value)} element" + ("er" if len(value) != 1 else "")
        return f"a list of {len(value)} item" + ("s" if len(value) != 1 else "")
    if isinstance(value, dict):
        return "en mapping" if da else "a mapping"
    return type(value).__name__
