"""Validate plan data against the model; every violation becomes one PLN finding.

pydantic reports every error in one pass.  Each error is turned into a
finding at its path, then the offending value is removed and the data is
validated again, so the plugins get a (partial) model of everything that was
right: one bad value yields one finding, never a plan nobody can check.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from . import cache
from .error_wording import describe, expected_key, expected_value
from .findings import Finding, Fix, PlanPath, format_path
from .model import PREQUALIFICATION, Base, Plan, model_at
from .paths import loc_to_path, value_at, written_at
from .references import check_references
from .rule import FORMAT, Example, declare
from .suggestions import closest, sole_match
from .yamlparse import path_key

if TYPE_CHECKING:  # pragma: no cover
    from .document import PlanDocument

# --- the format rules of values and keys: raised here ----------------------------------

PLN003 = declare(
    code="PLN003",
    severity="error",
    basis="format",
    title=("Ukendt nøgle", "Unknown key"),
    rationale=("En nøgle, som formatet ikke kender, er som regel en stavefejl; uden fundet ville "
               "værdien blive ignoreret uden at nogen opdagede det. Den nærmeste kendte nøgle foreslås.",
               "A key the format does not define is usually a typo; without this finding its value would be "
               "silently ignored. The closest defined key is suggested."),
    sources=((FORMAT, "Conventions: \"A key that this spec does not define is an error\""),),
    bad=Example(at="indsatsområder[0].aktiviteter[0]", yaml="succeskriterer: []"),
    good=Example(at="indsatsområder[0].aktiviteter[0]", yaml="formål: Flere i job"),
    fix=("Omdøber nøglen til den kendte nøgle, når netop én ligner den, og mappingen ikke har den i forvejen.",
         "Renames the key to the defined key when exactly one is close and the mapping does not have it yet."),
)


PLN004 = declare(
    code="PLN004",
    severity="error",
    basis="format",
    title=("Påkrævet nøgle mangler", "Required key missing"),
    rationale=("Nøgler markeret (R) i formatet skal være der og have en værdi.",
               "Keys marked (R) in the format must be present and have a value."),
    sources=((FORMAT, "the keys marked (R)"),),
    bad=Example(at="indsatsområder[0].aktiviteter[0]", remove=("navn",)),
    good=Example(at="indsatsområder[0].aktiviteter[0]", yaml="navn: Fremskudt jobcenter"),
)


PLN005 = declare(
    code="PLN005",
    severity="error",
    basis="format",
    title=("Forkert type", "Wrong type"),
    rationale=("En værdi har en anden type, end formatet kræver (tekst, tal, liste, mapping, dato, årstal), "
               "eller ligger uden for sine grænser. Datoer skal findes (2013-02-30 gør ikke) og ligge fra 1900 til 2200.",
               "A value has another type than the format requires (text, number, list, mapping, date, year), "
               "or is out of its bounds. Dates must exist (2013-02-30 does not) and lie from 1900 to 2200."),
    sources=((FORMAT, "the type of each key"),),
    bad=Example(at="organisation.medarbejdere[0]", yaml="timer_pr_uge: fuld tid"),
    good=Example(at="organisation.medarbejdere[0]", yaml="timer_pr_uge: 37"),
)


PLN006 = declare(
    code="PLN006",
    severity="error",
    basis="format",
    title=("Værdi uden for de tilladte", "Value not allowed"),
    rationale=("Felter som pulje, type, niveau, kategori og status har en fast liste af værdier.",
               "Fields such as pulje, type, niveau, kategori and status have a fixed list of values."),
    sources=((FORMAT, "the allowed values of pulje, type, niveau, kategori and status"),),
    bad=Example(at="parter[1]", yaml="type: komune"),
    good=Example(at="parter[1]", yaml="type: kommune"),
)


PLN007 = declare(
    code="PLN007",
    severity="error",
    basis="format",
    title=("Ugyldigt beløb", "Invalid amount"),
    rationale=("Beløb er hele kroner: et ikke-negativt heltal eller cifre grupperet med punktum eller mellemrum, "
               "evt. med ' kr.'. Decimaler, negative tal, andre valutaer og fritekst kan ikke regnes med, og et "
               "beløb over 10 mia. kr. er urealistisk stort (en tastefejl).",
               "Amounts are whole kroner: a non-negative integer, or digits grouped with dots or spaces, "
               "optionally ending in ' kr.'. Decimals, negative numbers, other currencies and free text cannot be "
               "summed, and an amount over 10 billion kroner is unrealistically large (a typo)."),
    sources=((FORMAT, "Conventions: amounts"),),
    bad=Example(at="budget.finansiering[1]", yaml="beløb: {2021: 100000, 2022: 100000, 2023: 100000, 2024: 1 mio.}"),
    good=Example(at="budget.finansiering[1]", yaml="beløb: {2021: 100000, 2022: \"100.000 kr.\", 2023: 100000, 2024: 100000}"),
)


_THOUSANDS_READ_AS_DECIMAL = re.compile(r"^\d{1,3}\.\d{3}$")

#: Unknown keys per file that get a "did you mean" (each costs ~0,1 ms; a
#: hostile file has 50.000); the rest list the keys allowed instead.
MAX_KEY_SUGGESTIONS = 500


class _KeySuggestions:
    """The "did you mean" of one file's unknown keys.

    State of one ``validate_data`` call, never of the module: each unknown
    key is asked about twice (its finding, then whether it stands for a
    missing required key) and answered once; only the first
    ``MAX_KEY_SUGGESTIONS`` keys get a suggestion.
    """

    def __init__(self) -> None:
        self.left = MAX_KEY_SUGGESTIONS
        self._answers: dict[tuple[tuple, Any], tuple[str | None, list[str]]] = {}

    def __call__(self, loc: tuple, key: Any) -> tuple[str | None, list[str]]:
        """The defined key closest to an unknown one, and all keys defined there."""
        answer = self._answers.get((loc, key))
        if answer is None:
            answer = self._answers[(loc, key)] = self._suggest(loc, key)
        return answer

    def _suggest(self, loc: tuple, key: Any) -> tuple[str | None, list[str]]:
        model = model_at(loc[:-1])
        allowed = [f.alias for f in model.model_fields.values()] if model else []
        if self.left <= 0:
            return None, allowed
        self.left -= 1
        return closest(str(key), allowed), allowed


def _has_key(data: Any, mapping: PlanPath, key: str) -> bool:
    """Whether the mapping at a plan path already has ``key`` (as written)."""
    found = value_at(data, mapping)
    return isinstance(found, dict) and any(path_key(k) == key for k in found)


def _error_finding(error: dict[str, Any], data: Any, suggest_key: _KeySuggestions) -> Finding:
    loc = tuple(error["loc"])
    path, value, is_key = loc_to_path(data, loc)
    kind = error["type"]
    key = path[-1] if path else ""
    if kind == "extra_forbidden":
        guess, allowed = suggest_key(loc, key)
        if guess:
            da = f"Ukendt nøgle '{key}'; mente du '{guess}'?"
            en = f"Unknown key '{key}'; did you mean '{guess}'?"
        else:
            da = f"Ukendt nøgle '{key}'. Tilladte nøgler her: {', '.join(allowed)}."
            en = f"Unknown key '{key}'. Keys allowed here: {', '.join(allowed)}."
        # certain only when one defined key is close and the mapping does not have it already
        fix = (Fix.rename_key(path, guess, da=f"Omdøb '{key}' til '{guess}'", en=f"Rename '{key}' to '{guess}'")
               if guess and sole_match(str(key), allowed) and not _has_key(data, path[:-1], guess) else None)
        return PLN003.finding(path, da=da, en=en, fix=fix)
    if kind == "literal_error":
        allowed = [a.strip().strip("'") for a in error.get("ctx", {}).get("expected", "").replace(" or ", ", ").split(",")]
        guess = closest(str(value), allowed)
        tip_da = f" Mente du '{guess}'?" if guess else ""
        tip_en = f" Did you mean '{guess}'?" if guess else ""
        return PLN006.finding(
            path,
            da=f"'{value}' er ikke en gyldig værdi for '{key}'; mulige værdier: {', '.join(allowed)}.{tip_da}",
            en=f"'{value}' is not a valid value for '{key}'; possible values: {', '.join(allowed)}.{tip_en}")
    if kind == "amount_too_large":
        from .i18n import kr
        from .model import MAX_AMOUNT

        return PLN007.finding(
            path,
            da=f"Beløbet er urealistisk stort (over {kr(MAX_AMOUNT, 'da')}); en tastefejl? Skriv beløbet i hele kroner.",
            en=f"The amount is unrealistically large (over {kr(MAX_AMOUNT, 'en')}); a typo? Write the amount in "
               "whole kroner.")
    if kind == "amount":
        written = written_at(data, loc)
        if _THOUSANDS_READ_AS_DECIMAL.match(written):
            # Danish thousands separators: YAML reads 450.000 as the decimal number 450,0
            return PLN007.finding(
                path,
                da=f"{written} læses af YAML som decimaltallet {written.replace('.', ',')}, ikke som et beløb i hele kroner; "
                   f"skriv {written.replace('.', '')} eller \"{written} kr.\" (i anførselstegn).",
                en=f"YAML reads {written} as the decimal number {written}, not as whole kroner; "
                   f"write {written.replace('.', '')} or \"{written} kr.\" (quoted).")
        return PLN007.finding(
            path,
            da=f"{describe(value, 'da').capitalize()} er ikke et gyldigt beløb; skriv hele kroner, fx 2250000 eller \"2.250.000 kr.\".",
            en=f"{describe(value, 'en').capitalize()} is not a valid amount; write whole kroner, e.g. 2250000 or \"2.250.000 kr.\".")
    if is_key:
        da_what, en_what = expected_key(kind)
        return PLN005.finding(
            path,
            da=f"Nøglen '{key}' skal være {da_what}.",
            en=f"The key '{key}' must be {en_what}.")
    da_what, en_what = expected_value(error) or ("en gyldig værdi", "a valid value")
    return PLN005.finding(
        path,
        da=f"'{key}' skal være {da_what}, men er {describe(value, 'da')}.",
        en=f"'{key}' must be {en_what}, but is {describe(value, 'en')}.")


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
    container = value_at(data, path)
    if isinstance(container, dict) and alias in container:
        return PLN004.finding(
            path + (alias,),
            da=f"Den påkrævede nøgle '{alias}' har ingen værdi.",
            en=f"The required key '{alias}' has no value.")
    return PLN004.finding(
        path + (alias,),
        da=f"Den påkrævede nøgle '{alias}' mangler i {where}.",
        en=f"The required key '{alias}' is missing in {where_en}.")


MAX_PASSES = 4


def validate_data(data: Any, document: "PlanDocument") -> tuple[Plan | None, list[Finding]]:
    """The (possibly partial) plan model and the PLN findings of the data."""
    suggest_key = _KeySuggestions()
    findings: list[Finding] = []
    context: dict[str, Any] = {}
    plan: Plan | None = None
    suggested_sections: list[str] = []
    first = True
    for _ in range(MAX_PASSES):
        errors: list[dict[str, Any]] = []
        try:
            plan = cache.validate(Plan, data, context=context if first else {})
        except ValidationError as exc:
            errors = exc.errors()
        if first:
            findings.extend(_error_finding(error, data, suggest_key) for error in errors)
            # a misspelt required key is one mistake: report the unknown key
            # (with its suggestion), not also the required key as missing
            seen = set()
            for error in errors:
                if error["type"] == "extra_forbidden":
                    path, _, _ = loc_to_path(data, tuple(error["loc"]))
                    guess = suggest_key(tuple(error["loc"]), path[-1])[0]
                    seen.add((path[:-1], guess))
                    if guess:
                        document.misspelt.add(path[:-1] + (guess,))
                    if len(path) == 1 and guess:
                        suggested_sections.append(guess)
            # a prækvalifikationsansøgning comes before the plan's indsatsområder
            if value_at(data, ("plan", "status")) == PREQUALIFICATION:
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


__all__ = ["validate_data"]
