"""Rules: a code, its documentation and (usually) its check, in one place.

A rule module, in the style of yamllint's rule modules::

    \"\"\"Every activity has a forankring.  (This docstring is the rationale.)\"\"\"

    from planlint.rule import Example, rule

    @rule(
        code="FOR001",
        severity="error",
        title=("Aktiviteten mangler forankring", "The activity has no forankring"),
        source="RULES.md, Forankring; seed 004 (fsb) ...",
        bad=Example(at="indsatsområder[0].aktiviteter[0]", remove=("forankring",)),
        good=Example(at="indsatsområder[0].aktiviteter[0].forankring", yaml="hos: [ek]"),
    )
    def check(plan, ctx):
        for area, activity in plan.activities():
            if activity.forankring is None:
                yield ctx.finding(activity, "forankring", da="...", en="...")

Examples are small edits of a clean base plan (``planlint/data/base_plan.yaml``,
a complete plan that yields no finding): ``yaml`` is merged into the mapping
at ``at`` (keys in the snippet replace the plan's), and ``remove`` deletes keys
there.  The test suite runs every rule's examples: the bad one must report the
rule's code, the good one must not.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterable

from .findings import Finding, Fix, Message, PlanPath, Severity, parse_path

if TYPE_CHECKING:  # pragma: no cover
    from .config import Settings
    from .document import PlanDocument
    from .model import Plan
    from .rulepack import RulePack


@dataclass(frozen=True)
class Example:
    """A plan made from the base plan by one edit (see the module docstring)."""

    yaml: str = ""
    at: str = ""
    remove: tuple[str, ...] = ()
    note: str = ""  # one line shown above the snippet in ``planlint explain``
    #: ``yaml`` is the whole file, not an edit (for syntax errors and the like)
    whole_file: bool = False
    #: False for examples that cannot be made from text (a crashing plugin);
    #: the test suite runs every other example
    runnable: bool = True


def _message(value: Message | tuple[str, str] | str) -> Message:
    if isinstance(value, Message):
        return value
    if isinstance(value, tuple):
        return Message(*value)
    return Message(value, value)


@dataclass
class Rule:
    code: str
    severity: Severity
    title: Message
    rationale: Message
    source: str
    bad: Example | None = None
    good: Example | None = None
    #: the funding rounds the rule applies to; empty means every round
    pulje: tuple[str, ...] = ()
    check: Callable[..., Iterable[Finding] | None] | None = None
    plugin: str = ""  # set by the plugin manager
    #: what the rule's fix does, when it offers one for some findings (``--fix``)
    fix: Message | None = None

    @property
    def prefix(self) -> str:
        return self.code.rstrip("0123456789")

    def finding(self, at: "Place", *keys: str | int, da: str, en: str, hint_da: str | None = None,
                hint_en: str | None = None, severity: str | Severity | None = None,
                fix: Fix | None = None) -> Finding:
        """A finding of this rule at a place in the plan (as ``CheckContext.finding`` makes one).

        For rules whose findings planlint's own code raises (``declare``).
        """
        return _finding(self.code, at, keys, da, en, hint_da, hint_en, severity, fix)


#: The plan format, as the core's rules cite it.
FORMAT = "FORMAT.md (formatet version 1)"


def declare(
    *,
    code: str,
    severity: str | Severity,
    title: Message | tuple[str, str],
    rationale: Message | tuple[str, str] | str,
    source: str,
    bad: Example | None = None,
    good: Example | None = None,
    fix: Message | tuple[str, str] | None = None,
) -> Rule:
    """Declare a rule that planlint's own code raises, not a check function: the core's PLN rules.

    The same keywords as ``@rule``, written in the module that raises the
    rule (``load``, ``validate``, ``references``, ...), which makes its
    findings with ``Rule.finding``; ``planlint.core_rules`` hands them to the
    plugin manager as the plugin ``core``.
    """
    return Rule(code=code, severity=Severity.parse(severity), title=_message(title), rationale=_message(rationale),
                source=source, bad=bad, good=good, plugin="core", fix=_message(fix) if fix is not None else None)


def rule(
    *,
    code: str,
    severity: str | Severity,
    title: Message | tuple[str, str],
    source: str,
    rationale: Message | tuple[str, str] | str | None = None,
    bad: Example | None = None,
    good: Example | None = None,
    pulje: tuple[str, ...] = (),
    fix: Message | tuple[str, str] | None = None,
) -> Callable[[Callable], Callable]:
    """Declare a rule around its check function (``check(plan, ctx)``).

    The rationale defaults to the module's docstring; a docstring with a line
    ``Dansk:`` holds the English text above it and the Danish text below.
    ``fix`` (Danish, English) says what the rule's fix does, for a rule whose
    findings may carry one (``ctx.finding(..., fix=Fix...)``).
    """

    def decorate(func: Callable) -> Callable:
        text = rationale
        if text is None:
            doc = (sys.modules[func.__module__].__doc__ or func.__doc__ or "").strip()
            if "\nDansk:" in doc:
                en, da = doc.split("\nDansk:", 1)
                text = Message(da.strip(), en.strip())
            else:
                text = doc
        func.rule = Rule(  # type: ignore[attr-defined]
            code=code,
            severity=Severity.parse(severity),
            title=_message(title),
            rationale=_message(text),
            source=source,
            bad=bad,
            good=good,
            pulje=tuple(pulje),
            check=func,
            fix=_message(fix) if fix is not None else None,
        )
        return func

    return decorate


_RULE_MODULE = re.compile(r"^[a-z]+[0-9]{3}_\w+$")


def rules_in(package: str) -> list[Rule]:
    """The rules of every rule module in a package, by code.

    A rule module is named like its code and what it checks
    (``cof001_local_share``); other modules of the package are helpers.
    Listing the package (rather than naming every module twice, once to
    import it and once to collect it) keeps adding a rule to one new file.
    """
    import importlib
    import pkgutil

    parent = importlib.import_module(package)
    names = sorted(info.name for info in pkgutil.iter_modules(parent.__path__) if _RULE_MODULE.match(info.name))
    modules = [importlib.import_module(f"{package}.{name}") for name in names]
    return sorted(rules_of(*modules), key=lambda r: r.code)


def rules_of(*modules: Any) -> list[Rule]:
    """The rules declared by ``@rule`` in these modules (one per module)."""
    found = []
    for module in modules:
        for value in vars(module).values():
            declared = getattr(value, "rule", None)
            if isinstance(declared, Rule) and declared.check is value:
                found.append(declared)
    return found


Place = Any  # a model object, a path tuple or a path string


@dataclass
class CheckContext:
    """What a rule's check gets besides the plan, and how it makes findings."""

    document: "PlanDocument"
    pack: "RulePack | None"
    settings: "Settings"
    rule: Rule | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def finding(
        self,
        at: Place,
        *keys: str | int,
        da: str,
        en: str,
        hint_da: str | None = None,
        hint_en: str | None = None,
        severity: str | Severity | None = None,
        code: str | None = None,
        fix: Fix | None = None,
    ) -> Finding:
        """A finding of the current rule at a place in the plan.

        ``at`` is a model object (``activity``), a path tuple or a path string
        (``"budget.finansiering"``); ``keys`` go further down from there
        (``ctx.finding(activity, "forankring", "hos", ...)``).  ``severity``
        overrides the rule's default, for rules whose level depends on the
        pulje (the rule pack says which).  ``fix`` is a certain correction
        (``Fix.set_value``/``Fix.rename_key``); the rule declares ``fix=``.
        """
        chosen = code or (self.rule.code if self.rule else None)
        if chosen is None:
            raise ValueError("finding() outside a rule needs code=")
        return _finding(chosen, at, keys, da, en, hint_da, hint_en, severity, fix)


def _finding(code: str, at: Place, keys: tuple, da: str, en: str, hint_da: str | None, hint_en: str | None,
             severity: str | Severity | None, fix: Fix | None = None) -> Finding:
    path = place_path(at) + tuple(keys)
    if (hint_da is None) != (hint_en is None):
        raise ValueError("a hint needs both hint_da and hint_en (every text exists in both languages)")
    hint = Message(hint_da, hint_en) if hint_da is not None and hint_en is not None else None
    return Finding(
        code=code,
        message=Message(da, en),
        path=path,
        hint=hint,
        severity=Severity.parse(severity) if severity is not None else None,
        fix=fix,
    )


def place_path(at: Place) -> PlanPath:
    """The plan path of a model object, path tuple or path string."""
    if at is None:
        return ()
    if isinstance(at, str):
        return parse_path(at)
    if isinstance(at, tuple):
        return at
    path = getattr(at, "plan_path", None)
    if path is None:
        raise TypeError(f"not a place in the plan: {at!r}")
    return path
