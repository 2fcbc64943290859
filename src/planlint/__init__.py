"""planlint: the linter for Danish boligsociale helhedsplaner.

The public API for plugin authors is what this package exports (docs/plugins.md):
the built-in plugins import nothing else from planlint, exactly like a
third-party plugin.

* declaring rules: ``hookimpl``, ``rule``, ``Example``, ``rules_in``, ``rules_of``,
  ``Rule``, ``CheckContext``;
* findings: ``Finding``, ``Message``, ``Severity``, ``format_path``;
* words and numbers: ``kr``, ``percent``, ``join``, ``number``, ``closest``,
  ``Candidates``;
* the plan: ``Plan`` and its parts (``Activity``, ``Party``, ...), ``PlanDocument``;
  format 1.1's values ``PartialDate``, ``HourRange`` and their helpers;
* rule packs: ``RulePack``, ``PackSection`` and ``Patterns`` (a plugin's own
  section of a pack).

The names that need pydantic (the plan, rule packs) or pluggy (``hookimpl``),
or are rarely used, are imported when first used, so ``planlint --version``
(``launch.py``) does not pay for them.
"""

from __future__ import annotations

from typing import Any

#: the one version: pyproject.toml reads it (dynamic), the CLI, SARIF and JSON print it, and
#: CHANGELOG.md's newest section is headed by it (tests/test_version.py)
__version__ = "0.2.2"

# Imported now, not lazily: the decorator ``rule`` shares its name with the module
# planlint.rule, and importing that module later would set ``planlint.rule`` to
# the module.  (Cheap: dataclasses and re, which the command line needs anyway.)
from .rule import CheckContext, Example, Rule, rule, rules_in, rules_of  # noqa: E402
from .findings import Finding, Fix, Message, Severity, format_path  # noqa: E402

#: public name -> the module that defines it (imported on first use)
_LAZY = {
    # pluggy loads on first use: --version never imports it, and the command installs its Ctrl-C
    # handler (planlint.__main__) before it
    "hookimpl": "hookspecs",
    **dict.fromkeys(("kr", "percent", "join", "number"), "i18n"),
    **dict.fromkeys(("closest", "Candidates"), "suggestions"),
    **dict.fromkeys((
        "Plan", "PlanMeta", "Period", "Party", "Section", "Member", "Body", "ProjectLead", "Staff",
        "Organisation", "Signature", "Agreement", "StaffResource", "Baseline", "Criterion", "Forankring",
        "Activity", "Area", "Source", "Cost", "Totals", "Budget", "Evaluation", "Goal"), "model"),
    # the values format 1.1 adds: a date known to the month or year, a range of hours a week
    **dict.fromkeys(("PartialDate", "HourRange", "earliest", "latest", "upper_hours"), "format11"),
    "Base": "model",
    "PlanDocument": "document",
    # what ``planlint init`` writes until the author fills it in (the placeholder rule reads it)
    **dict.fromkeys(("PLACEHOLDER", "EXAMPLE_SOURCES", "EXAMPLE_COSTS"), "placeholders"),
    **dict.fromkeys(("RulePack", "PackSection", "Patterns"), "rulepack"),
}

__all__ = ["__version__", "rule", "Example", "rules_in", "rules_of", "Rule", "CheckContext",
           "Finding", "Fix", "Message", "Severity", "format_path", *_LAZY]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'planlint' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value  # the next lookup is a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
