"""What a plugin returned, checked before the engine trusts it.

The engine sorts, locates and prints findings; a wrong type in any field
would crash it there, far from the plugin that caused it.  Here every item a
plugin returned is checked, and every way a plugin can fail becomes one
finding of the core (PLN020 failed, PLN021 too slow, PLN022 bad result) that
names the plugin.
"""

from __future__ import annotations

import re
from typing import Any

from .findings import Finding, Message, Severity

#: A rule code (docs/output.md): an uppercase prefix and three digits.
CODE_PATTERN = re.compile(r"[A-Z]+[0-9]{3}")


def shown(value: Any, limit: int = 80) -> str:
    """``repr``/``str`` of a plugin's object for a message; never raises."""
    try:
        text = value if isinstance(value, str) else repr(value)
    except Exception:  # noqa: BLE001  # a broken __repr__ is the plugin's fault, not a reason to crash
        text = f"<{type(value).__name__}>"
    return text if len(text) <= limit else text[:limit - 3] + "..."


def exception_text(exc: BaseException) -> str:
    """``Type: text`` of an exception, bounded; never raises."""
    try:
        detail = str(exc)
    except Exception:  # noqa: BLE001 - a broken __str__ still gets its type named
        detail = ""
    return shown(f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__, 300)


def _is_text(value: Any) -> bool:
    return type(value) is str


def _is_message(value: Any) -> bool:
    return isinstance(value, Message) and _is_text(value.da) and _is_text(value.en) and bool(value.da and value.en)


def _is_position(value: Any) -> bool:
    return value is None or (type(value) is int and value >= 1)


def not_a_finding(item: Any) -> str | None:
    """Why ``item`` cannot be reported as a finding (the bad field), or None when it can."""
    if not isinstance(item, Finding):
        return "not a planlint.findings.Finding"
    if not _is_text(item.code) or CODE_PATTERN.fullmatch(item.code) is None:
        return "code"
    if not _is_message(item.message):
        return "message"
    if item.hint is not None and not _is_message(item.hint):
        return "hint"
    if type(item.path) is not tuple or not all(
            _is_text(part) or (type(part) is int and part >= 0) for part in item.path):
        return "path"
    if item.severity is not None and not isinstance(item.severity, Severity):
        return "severity"
    if not (_is_position(item.line) and _is_position(item.column)):
        return "line/column"
    if not _is_text(item.plugin):
        return "plugin"
    return None


def plugin_failure(code: str, plugin: str, da: str, en: str) -> Finding:
    """A core finding about a plugin's fault (not the plan's)."""
    return Finding(code=code, message=Message(da, en), path=(), plugin="core",
                   hint=Message(f"Fejlen ligger i pluginet '{plugin}', ikke i planen.",
                                f"The fault is in the plugin '{plugin}', not in the plan."))


def failed(plugin: str, what: str, exc: BaseException) -> Finding:
    """PLN020: the plugin raised (anything, ``SystemExit`` and ``KeyboardInterrupt`` included)."""
    detail = exception_text(exc)
    return plugin_failure(
        "PLN020", plugin,
        f"Pluginet '{plugin}' ({what}) fejlede: {detail}; dets fund mangler.",
        f"The plugin '{plugin}' ({what}) failed: {detail}; its findings are missing.")


def too_slow(plugin: str, what: str, limit: float) -> Finding:
    """PLN021: the plugin overran its budget and was stopped."""
    return plugin_failure(
        "PLN021", plugin,
        f"Pluginet '{plugin}' brugte mere end {limit:g} sekunder på planen og blev stoppet i {what}; "
        "dets øvrige fund mangler (--plugin-timeout).",
        f"The plugin '{plugin}' took more than {limit:g} seconds on the plan and was stopped in {what}; "
        "its other findings are missing (--plugin-timeout).")


def as_items(result: Any) -> tuple[list[Any], Any]:
    """The items of one hook or check result, and the result itself when it is not a collection.

    Iterating a generator runs the plugin's code: call this inside the guard.
    """
    if isinstance(result, Finding):  # one finding, not in a list: clearly meant
        return [result], None
    if isinstance(result, (str, bytes, dict)):  # iterating would report each character or key
        return [result], None
    if result is None:
        return [], None
    try:
        iterator = iter(result)
    except TypeError:
        return [], result
    return list(iterator), None


def accepted(plugin: str, what: str, items: list[Any], not_iterable: Any = None) -> list[Finding]:
    """The well-formed findings among ``items``, plus one PLN022 for the rest."""
    if not_iterable is not None:
        text = shown(not_iterable)
        return [plugin_failure(
            "PLN022", plugin,
            f"Pluginet '{plugin}' ({what}) returnerede {text}, ikke en liste af fund; dets fund mangler.",
            f"The plugin '{plugin}' ({what}) returned {text}, not a list of findings; its findings are missing.")]
    good: list[Finding] = []
    problems: list[tuple[Any, str]] = []
    for item in items:
        reason = not_a_finding(item)
        if reason is None:
            good.append(item)
        else:
            problems.append((item, reason))
    if problems:
        item, reason = problems[0]
        text = shown(item)
        field_da = {"not a planlint.findings.Finding": "noget, der ikke er et fund"}.get(
            reason, f"et fund med ugyldigt felt '{reason}'")
        field_en = {"not a planlint.findings.Finding": "something that is not a finding"}.get(
            reason, f"a finding with an invalid '{reason}'")
        good.append(plugin_failure(
            "PLN022", plugin,
            f"Pluginet '{plugin}' ({what}) returnerede {field_da}: {text} ({len(problems)} i alt); det ignoreres.",
            f"The plugin '{plugin}' ({what}) returned {field_en}: {text} ({len(problems)} in all); it is ignored."))
    return good
