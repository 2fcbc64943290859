"""Validate plan data against the model; every violation becomes one PLN finding.

pydantic reports every error in one pass.  Each error is turned into a
finding at its path, then the offending value is removed and the data is
validated again, so the plugins get a (partial) model of everything that was
right: one bad value yields one finding, never a plan nobody can check.
"""

from __future__ import annotations

import bisect
import difflib
import re
import functools
from typing import TYPE_CHECKING, Any, Iterable

from pydantic import ValidationError

from .findings import Finding, Message, PlanPath, format_path
from .model import PREQUALIFICATION, Base, Plan, model_at
from .references import check_references
from .yamlparse import PlanDict, PlanList, path_key

if TYPE_CHECKING:  # pragma: no cover
    from .document import PlanDocument

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
    "date_or_year": ("en dato (ÅÅÅÅ-MM-DD) eller et årstal", "a date (YYYY-MM-DD) or a year"),
    "year": ("et årstal, fx 2013", "a year, e.g. 2013"),
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
    return _EXPECTED.get(kind)


def _describe(value: Any, lang: str) -> str:
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


def _fold(text: str) -> str:
    """Spelling-insensitive form for suggestions: ``indsatsomraader`` ~ ``indsatsområder``."""
    return text.lower().replace("å", "aa").replace("æ", "ae").replace("ø", "oe").replace("-", "_")


#: Most candidates ``closest`` compares a word with.  Suggesting costs time per
#: pair, and a hostile file can pair 10.000 unknown ids with 10.000 known ones.
MAX_SUGGESTION_CANDIDATES = 300


class Candidates:
    """The candidates of many ``closest`` questions, indexed by length once.

    A file can ask about 10.000 unknown ids among 10.000 known ones; filtering
    (or sorting) the known ones anew for each question made that quadratic.
    """

    def __init__(self, candidates: Iterable[str]):
        self.items = list(candidates)
        self._order = sorted(range(len(self.items)), key=lambda i: len(self.items[i]))
        self._lengths = [len(self.items[i]) for i in self._order]

    def __len__(self) -> int:
        return len(self.items)

    def of_length(self, low: float, high: float) -> list[str]:
        """The candidates with ``low <= len <= high``, in their original order."""
        first, last = bisect.bisect_left(self._lengths, low), bisect.bisect_right(self._lengths, high)
        if last - first > MAX_SUGGESTION_CANDIDATES:
            return self.items  # too many either way; spares sorting them
        return [self.items[i] for i in sorted(self._order[first:last])]


def closest(word: str, candidates: list[str] | Candidates) -> str | None:
    """The candidate closest to ``word``, or None when nothing is close (or too much to compare)."""
    target = _fold(str(word))
    if len(candidates) > MAX_SUGGESTION_CANDIDATES:
        # a match at cutoff 0.75 has a length within a factor 0.6..1.67 of the word's
        low, high = len(target) * 0.6, len(target) / 0.6
        if not isinstance(candidates, Candidates):
            candidates = Candidates(candidates)
        candidates = candidates.of_length(low, high)
        if len(candidates) > MAX_SUGGESTION_CANDIDATES:
            return None
    elif isinstance(candidates, Candidates):
        candidates = candidates.items
    folded = {_fold(c): c for c in candidates}
    match = difflib.get_close_matches(target, list(folded), n=1, cutoff=0.75)
    return folded[match[0]] if match else None


def _loc_to_path(data: Any, loc: tuple) -> tuple[PlanPath, Any, bool]:
    """Follow a pydantic ``loc`` through the data.

    Returns the plan path, the value found there, and whether the error is
    about a mapping *key* (pydantic's ``'[key]'`` marker).
    """
    path: list[Any] = []
    current = data
    is_key = False
    for part in loc:
        if part == "[key]":
            is_key = True
            break
        if isinstance(current, list) and isinstance(part, int):
            path.append(part)
            current = current[part] if 0 <= part < len(current) else None
        elif isinstance(current, dict):
            path.append(path_key(part))
            current = current.get(part)
        else:
            path.append(part if isinstance(part, int) else path_key(part))
            current = None
    return tuple(path), current, is_key


_THOUSANDS_READ_AS_DECIMAL = re.compile(r"^\d{1,3}\.\d{3}$")


def _written(data: Any, loc: tuple) -> str:
    """The text of the plain scalar at a pydantic ``loc``, as the file wrote it ('' if unknown)."""
    container, key = None, None
    current = data
    for part in loc:
        if isinstance(current, dict) and part in current:
            container, key, current = current, part, current[part]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            container, key, current = None, None, current[part]
        else:
            return ""
    entry = getattr(container, "entries", {}).get(key) if container is not None else None
    return getattr(entry[1], "text", "") if entry else ""


#: Unknown keys per file that get a "did you mean" (each costs ~0,1 ms; a
#: hostile file has 50.000); the rest list the keys allowed instead.
MAX_KEY_SUGGESTIONS = 500
_suggestions_left = MAX_KEY_SUGGESTIONS


@functools.cache  # cleared per file by validate_data; each key is asked twice
def _suggest_key(loc: tuple, key: Any) -> tuple[str | None, list[str]]:
    """The defined key closest to an unknown one, and all keys defined there."""
    global _suggestions_left
    model = model_at(loc[:-1])
    allowed = [f.alias for f in model.model_fields.values()] if model else []
    if _suggestions_left <= 0:
        return None, allowed
    _suggestions_left -= 1
    return closest(str(key), allowed), allowed


def _error_finding(error: dict[str, Any], data: Any) -> Finding:
    loc = tuple(error["loc"])
    path, value, is_key = _loc_to_path(data, loc)
    kind = error["type"]
    key = path[-1] if path else ""
    if kind == "extra_forbidden":
        guess, allowed = _suggest_key(loc, key)
        if guess:
            da = f"Ukendt nøgle '{key}'; mente du '{guess}'?"
            en = f"Unknown key '{key}'; did you mean '{guess}'?"
        else:
            da = f"Ukendt nøgle '{key}'. Tilladte nøgler her: {', '.join(allowed)}."
            en = f"Unknown key '{key}'. Keys allowed here: {', '.join(allowed)}."
        return Finding("PLN003", Message(da, en), path)
    if kind == "literal_error":
        allowed = [a.strip().strip("'") for a in error.get("ctx", {}).get("expected", "").replace(" or ", ", ").split(",")]
        guess = closest(str(value), allowed)
        tip_da = f" Mente du '{guess}'?" if guess else ""
        tip_en = f" Did you mean '{guess}'?" if guess else ""
        return Finding("PLN006", Message(
            f"'{value}' er ikke en gyldig værdi for '{key}'; mulige værdier: {', '.join(allowed)}.{tip_da}",
            f"'{value}' is not a valid value for '{key}'; possible values: {', '.join(allowed)}.{tip_en}"), path)
    if kind == "amount":
        written = _written(data, loc)
        if _THOUSANDS_READ_AS_DECIMAL.match(written):
            # Danish thousands separators: YAML reads 450.000 as the decimal number 450,0
            return Finding("PLN007", Message(
                f"{written} læses af YAML som decimaltallet {written.replace('.', ',')}, ikke som et beløb i hele kroner; "
                f"skriv {written.replace('.', '')} eller \"{written} kr.\" (i anførselstegn).",
                f"YAML reads {written} as the decimal number {written}, not as whole kroner; "
                f"write {written.replace('.', '')} or \"{written} kr.\" (quoted)."), path)
        return Finding("PLN007", Message(
            f"{_describe(value, 'da').capitalize()} er ikke et gyldigt beløb; skriv hele kroner, fx 2250000 eller \"2.250.000 kr.\".",
            f"{_describe(value, 'en').capitalize()} is not a valid amount; write whole kroner, e.g. 2250000 or \"2.250.000 kr.\"."),
            path)
    if is_key:
        da_what, en_what = _EXPECTED.get(kind, ("et årstal", "a year"))
        return Finding("PLN005", Message(
            f"Nøglen '{key}' skal være {da_what}.", f"The key '{key}' must be {en_what}."), path)
    da_what, en_what = expected_value(error) or ("en gyldig værdi", "a valid value")
    return Finding("PLN005", Message(
        f"'{key}' skal være {da_what}, men er {_describe(value, 'da')}.",
        f"'{key}' must be {en_what}, but is {_describe(value, 'en')}."), path)


def _prune(data: Any, errors: list[dict[str, Any]]) -> None:
    """Remove every value an error is about, so the rest validates."""
    dict_targets: list[tuple[dict, Any]] = []
    list_targets: dict[int, tuple[list, set[int]]] = {}
    for error in errors:
        container: Any = None
        key: Any = None
        current = data
        for part in error["loc"]:
            if part == "[key]":
                break
            if isinstance(current, dict) and part in current:
                container, key, current = current, part, current[part]
            elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
                container, key, current = current, part, current[part]
            else:
                break
        if container is None:
            continue
        if isinstance(container, list):
            list_targets.setdefault(id(container), (container, set()))[1].add(key)
        else:
            dict_targets.append((container, key))
    for container, key in dict_targets:
        container.pop(key, None)
    for container, indices in list_targets.values():
        for index in sorted(indices, reverse=True):
            del container[index]


def _missing_finding(path: PlanPath, alias: str, cls: type[Base], data: Any) -> Finding:
    where = format_path(path) or "toppen af filen"
    where_en = format_path(path) or "the top of the file"
    container = _get(data, path)
    if isinstance(container, dict) and alias in container:
        return Finding("PLN004", Message(
            f"Den påkrævede nøgle '{alias}' har ingen værdi.",
            f"The required key '{alias}' has no value."), path + (alias,))
    return Finding("PLN004", Message(
        f"Den påkrævede nøgle '{alias}' mangler i {where}.",
        f"The required key '{alias}' is missing in {where_en}."), path + (alias,))


def _get(data: Any, path: PlanPath) -> Any:
    current = data
    for part in path:
        if isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            current = current[part]
        elif isinstance(current, PlanDict):
            current = next((v for k, v in current.items() if path_key(k) == part), None)
        else:
            return None
    return current


MAX_PASSES = 4


def validate_data(data: Any, document: "PlanDocument") -> tuple[Plan | None, list[Finding]]:
    """The (possibly partial) plan model and the PLN findings of the data."""
    global _suggestions_left
    _suggestions_left = MAX_KEY_SUGGESTIONS
    _suggest_key.cache_clear()
    findings: list[Finding] = []
    context: dict[str, Any] = {}
    plan: Plan | None = None
    suggested_sections: list[str] = []
    first = True
    for _ in range(MAX_PASSES):
        errors: list[dict[str, Any]] = []
        try:
            plan = Plan.model_validate(data, context=context if first else {})
        except ValidationError as exc:
            errors = exc.errors()
        if first:
            findings.extend(_error_finding(error, data) for error in errors)
            # a misspelt required key is one mistake: report the unknown key
            # (with its suggestion), not also the required key as missing
            seen = set()
            for error in errors:
                if error["type"] == "extra_forbidden":
                    path, _, _ = _loc_to_path(data, tuple(error["loc"]))
                    guess = _suggest_key(tuple(error["loc"]), path[-1])[0]
                    seen.add((path[:-1], guess))
                    if guess:
                        document.misspelt.add(path[:-1] + (guess,))
                    if len(path) == 1 and guess:
                        suggested_sections.append(guess)
            # a prækvalifikationsansøgning comes before the plan's indsatsområder
            if _get(data, ("plan", "status")) == PREQUALIFICATION:
                seen.add(((), "indsatsområder"))
            for path, alias, cls in context.get("missing", []):
                if (path, alias) not in seen:
                    seen.add((path, alias))
                    findings.append(_missing_finding(path, alias, cls, data))
            first = False
        if plan is not None:
            break
        _prune(data, errors)
    if plan is not None:
        # a section with format errors may have lost objects that others refer
        # to; do not report those references as dangling (one mistake, one finding)
        damaged = {f.path[0] for f in findings if f.path} | set(suggested_sections)
        findings.extend(check_references(plan, damaged))
    return plan, findings


__all__ = ["validate_data", "closest", "PlanList"]
