"""Rules: a code, its documentation and (usually) its check, in one place.

A rule module, in the style of yamllint's rule modules::

    \"\"\"Every activity has a forankring.  (This docstring is the rationale.)\"\"\"

    from planlint.rule import Example, rule

    @rule(
        code="FOR001",
        severity="warning",
        basis="anbefaling",
        title=("Aktiviteten mangler forankring", "The activity has no forankring"),
        sources=(("fsb-indsatser", "\"potentiale for at blive forankret\""),),
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

``basis`` says on what authority the rule speaks (``BASES``); ``sources`` cite
the documents it rests on as ``(key, detail)`` pairs: a key of
``docs/sources.md`` and a section, page or short quote (never a line number
of a text file).  A third-party rule may give ``source`` as free text instead.
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


#: On what authority a rule speaks, and the highest default severity it may have.
#: ``krav``: LBF states it as a requirement (regulativ, vejledning, LBF's
#: application pages); ``anbefaling``: LBF or CFBU recommends it; ``erfaring``:
#: a lesson from evaluations and practice; ``format``: the plan file itself
#: (syntax, the format, references, its own arithmetic) or planlint's run.
BASES: dict[str, Severity] = {
    "krav": Severity.ERROR,
    "anbefaling": Severity.WARNING,
    "erfaring": Severity.WARNING,
    "format": Severity.ERROR,
}

_SOURCE_KEY = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
#: a citation by line number of a text file ("l." and a number): nobody outside can look it up
LINE_CITATION = re.compile(r"(?<![\w.])l\.\s?\d|\blinje[nr]?\s+\d", re.IGNORECASE)
#: modules of the built-in rules, which follow the default severity policy
_BUILT_IN = ("planlint.", "planlint_plugins.")


def check_basis(code: str, basis: str, severity: Severity, built_in: bool) -> None:
    """ValueError unless ``basis`` is known and (for a built-in rule) allows ``severity``."""
    if basis not in BASES:
        raise ValueError(f"rule {code}: basis {basis!r} is not one of {', '.join(BASES)}")
    if built_in and severity.rank > BASES[basis].rank:
        raise ValueError(f"rule {code}: a rule with basis {basis!r} defaults to at most "
                         f"{BASES[basis].value}, not {severity.value} (a user may still raise it in config)")


def check_sources(code: str, sources: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """The ``(key, detail)`` pairs of a rule, validated; ValueError naming the rule."""
    checked = []
    for item in sources:
        if not (isinstance(item, tuple) and len(item) == 2 and all(isinstance(x, str) for x in item)):
            raise ValueError(f"rule {code}: a source is a (key, detail) pair of strings, not {item!r}")
        key, detail = item
        if not _SOURCE_KEY.fullmatch(key):
            raise ValueError(f"rule {code}: the source key {key!r} is not lower-case words joined by '-'")
        if not detail.strip():
            raise ValueError(f"rule {code}: the source {key!r} needs a section, page or short quote")
        if LINE_CITATION.search(detail):
            raise ValueError(f"rule {code}: the source {key!r} cites a line number; cite a section, page or quote")
        checked.append((key, detail))
    return tuple(checked)


def source_text(sources: tuple[tuple[str, str], ...]) -> str:
    """The sources as one line: ``key, detail; key, detail``."""
    return "; ".join(f"{key}, {detail}" for key, detail in sources)


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
    #: on what authority the rule speaks: a key of ``BASES`` (the least claim
    #: when a rule object is made by hand; ``@rule`` requires it)
    basis: str = "erfaring"
    #: ``(key of docs/sources.md, section/page/quote)`` pairs; ``source`` is their text
    sources: tuple[tuple[str, str], ...] = ()
    #: True when the rule also applies to a prækvalifikationsansøgning (``plan.status:
    #: prækvalifikation``); the others need a full plan and do not run on one
    prequalification: bool = False

    def __post_init__(self) -> None:
        if self.basis not in BASES:
            raise ValueError(f"rule {self.code}: basis {self.basis!r} is not one of {', '.join(BASES)}")

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


#: The plan format's reference (docs/format.md), as the core's rules cite it: a key of docs/sources.md.
FORMAT = "planlint-format"


def declare(
    *,
    code: str,
    severity: str | Severity,
    basis: str,
    title: Message | tuple[str, str],
    rationale: Message | tuple[str, str] | str,
    source: str | None = None,
    sources: tuple[tuple[str, str], ...] = (),
    bad: Example | None = None,
    good: Example | None = None,
    fix: Message | tuple[str, str] | None = None,
    prequalification: bool = False,
) -> Rule:
    """Declare a rule that planlint's own code raises, not a check function: the core's PLN rules.

    The same keywords as ``@rule`` (``basis``, ``sources``, ``prequalification``,
    ``fix``, ...), written in the module that raises the rule (``load``,
    ``validate``, ``references``, ...), which makes its findings with
    ``Rule.finding``; ``planlint.core_rules`` hands them to the plugin manager
    as the plugin ``core``.
    """
    level = Severity.parse(severity)
    cited = _cited(code, sources, source)
    check_basis(code, basis, level, built_in=True)
    return Rule(code=code, severity=level, title=_message(title), rationale=_message(rationale),
                source=source_text(cited) if cited else str(source), bad=bad, good=good, plugin="core",
                fix=_message(fix) if fix is not None else None, basis=basis, sources=cited,
                prequalification=prequalification)


def _cited(code: str, sources: tuple[tuple[str, str], ...], source: str | None) -> tuple[tuple[str, str], ...]:
    """The checked ``sources`` of a rule; a rule gives them or (third-party) a free-text ``source``."""
    cited = check_sources(code, tuple(sources))
    if cited and source is not None:
        raise ValueError(f"rule {code}: give sources or source, not both")
    if not cited and not (source or "").strip():
        raise ValueError(f"rule {code}: the rule needs its sources (sources=((key, detail), ...))")
    return cited


def rule(
    *,
    code: str,
    severity: str | Severity,
    basis: str,
    title: Message | tuple[str, str],
    source: str | None = None,
    sources: tuple[tuple[str, str], ...] = (),
    rationale: Message | tuple[str, str] | str | None = None,
    bad: Example | None = None,
    good: Example | None = None,
    pulje: tuple[str, ...] = (),
    fix: Message | tuple[str, str] | None = None,
    prequalification: bool = False,
) -> Callable[[Callable], Callable]:
    """Declare a rule around its check function (``check(plan, ctx)``).

    The rationale defaults to the module's docstring; a docstring with a line
    ``Dansk:`` holds the English text above it and the Danish text below.
    ``fix`` (Danish, English) says what the rule's fix does, for a rule whose
    findings may carry one (``ctx.finding(..., fix=Fix...)``).
    ``basis`` is one of ``BASES``; a built-in rule's default severity must not
    exceed what its basis allows.  Give ``sources`` (``(key, detail)`` pairs)
    or, for a third-party rule, ``source`` as free text.  ``prequalification=True``
    runs the rule on a prækvalifikationsansøgning too.
    """
    level = Severity.parse(severity)
    cited = _cited(code, sources, source)

    def decorate(func: Callable) -> Callable:
        check_basis(code, basis, level, built_in=func.__module__.startswith(_BUILT_IN))
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
            severity=level,
            title=_message(title),
            rationale=_message(text),
            source=source_text(cited) if cited else str(source),
            bad=bad,
            good=good,
            pulje=tuple(pulje),
            check=func,
            fix=_message(fix) if fix is not None else None,
            basis=basis,
            sources=cited,
            prequalification=prequalification,
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


@dataclass(eq=False)  # one per rule and plan: equal only to itself
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
