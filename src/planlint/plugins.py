"""Finding plugins, collecting their rules and running their checks safely.

Every plugin, the built-in ones included, is found through the ``planlint``
entry point group (as flake8 finds its plugins) and registered with pluggy.
Running a plugin is guarded: an exception, a result that is not findings, or
a plugin that overruns its time budget becomes a PLN finding naming the
plugin, and the run goes on.
"""

from __future__ import annotations

import re
import signal
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Iterable, Self

import pluggy

from . import hookspecs
from .errors import UsageError
from .findings import Finding, Message, Severity
from .rule import CheckContext, Rule

ENTRY_POINT_GROUP = "planlint"
#: A rule code (docs/output.md): an uppercase prefix and three digits.
CODE_PATTERN = re.compile(r"[A-Z]+[0-9]{3}")
#: Seconds a plugin may take to import and declare its rules.
LOAD_TIMEOUT = 10.0


class PluginLoadError(UsageError):
    """A plugin that cannot be loaded (exit status 2)."""


@dataclass
class Registry:
    """The plugin manager with every rule the plugins declared, by code."""

    manager: pluggy.PluginManager
    rules: dict[str, Rule] = field(default_factory=dict)

    def facts(self, plan: Any, pack: Any, budget: float = 2.0) -> dict[str, Any]:
        """Every plugin's ``planlint_facts`` merged; a failing plugin adds nothing."""
        merged: dict[str, Any] = {}
        for impl in self.manager.hook.planlint_facts.get_hookimpls():
            timer = time_budget(budget)
            try:
                with timer:
                    result = impl.function(**_kwargs(impl, plan=plan, pack=pack))
            except KeyboardInterrupt:
                raise
            except BaseException:  # noqa: BLE001, S112 - a report must not fail for a plugin's facts (nor wait)
                continue
            if isinstance(result, dict) and not timer.expired:
                merged.update(result)
        return merged

    def pack_sections(self) -> dict[str, type]:
        """Every plugin's ``planlint_pack_sections``, by name; PluginLoadError for a bad one."""
        from .rulepack import PackSection, RulePack

        sections: dict[str, type] = {}
        owners: dict[str, str] = {}
        for impl in self.manager.hook.planlint_pack_sections.get_hookimpls():
            plugin = impl.plugin_name
            try:
                declared = dict(impl.function() or {})
            except Exception as exc:  # noqa: BLE001 - as for planlint_rules: exit 2 naming the plugin
                raise PluginLoadError(
                    f"Pluginet '{plugin}' fejlede, da det skulle oplyse sine afsnit af regelpakkerne: {_exception_text(exc)}.",
                    f"The plugin '{plugin}' failed to declare its rule pack sections: {_exception_text(exc)}.") from None
            for name, model in declared.items():
                if not (isinstance(model, type) and issubclass(model, PackSection)):
                    raise PluginLoadError(
                        f"Pluginet '{plugin}' oplyste afsnittet '{name}' med {_shown(model)}, ikke en planlint.PackSection.",
                        f"The plugin '{plugin}' declared the section '{name}' as {_shown(model)}, not a planlint.PackSection.")
                if name in RulePack.model_fields or name in owners:
                    other = owners.get(name, "core")
                    raise PluginLoadError(
                        f"Afsnittet '{name}' af regelpakkerne oplyses af både '{other}' og '{plugin}'.",
                        f"The rule pack section '{name}' is declared by both '{other}' and '{plugin}'.")
                sections[name], owners[name] = model, plugin
        return sections


def _kwargs(impl: Any, **available: Any) -> dict[str, Any]:
    """Only the arguments the implementation names (pluggy's own convention)."""
    return {name: available[name] for name in impl.argnames if name in available}


def build_registry(entry_points: Iterable[Any] | None = None) -> Registry:
    """Load the core and every ``planlint`` entry point; PluginLoadError if one fails."""
    from importlib.metadata import entry_points as find_entry_points

    from . import core_rules

    manager = pluggy.PluginManager("planlint")
    manager.add_hookspecs(hookspecs)
    manager.register(core_rules, name="core")
    points = entry_points if entry_points is not None else find_entry_points(group=ENTRY_POINT_GROUP)
    seen: set[str] = set()
    for point in sorted(points, key=lambda p: p.name):
        if point.name in seen or manager.get_plugin(point.name) is not None:
            continue  # the same distribution found twice on sys.path
        seen.add(point.name)
        try:
            with time_budget(LOAD_TIMEOUT):
                plugin = point.load()
            manager.register(plugin, name=point.name)
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # noqa: BLE001 - SystemExit at import must not end the run with its status
            detail = "took too long to import" if isinstance(exc, PluginTimeout) else _exception_text(exc)
            raise PluginLoadError(
                f"Pluginet '{point.name}' ({point.value}) kan ikke indlæses: {detail}.",
                f"The plugin '{point.name}' ({point.value}) cannot be loaded: {detail}.",
            ) from None
    registry = Registry(manager)
    for impl in manager.hook.planlint_rules.get_hookimpls():
        try:
            with time_budget(LOAD_TIMEOUT):
                declared = list(impl.function() or [])
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # noqa: BLE001 - as for loading
            detail = "took too long" if isinstance(exc, PluginTimeout) else _exception_text(exc)
            raise PluginLoadError(
                f"Pluginet '{impl.plugin_name}' fejlede, da det skulle oplyse sine regler: {detail}.",
                f"The plugin '{impl.plugin_name}' failed to declare its rules: {detail}.",
            ) from None
        for rule in declared:
            if not isinstance(rule, Rule):
                raise PluginLoadError(
                    f"Pluginet '{impl.plugin_name}' oplyste en regel, der ikke er en planlint.rule.Rule: {_shown(rule)}.",
                    f"The plugin '{impl.plugin_name}' declared a rule that is not a planlint.rule.Rule: {_shown(rule)}.")
            rule.plugin = impl.plugin_name
            other = registry.rules.get(rule.code)
            if other is not None and other is not rule:
                raise PluginLoadError(
                    f"Regelkoden {rule.code} oplyses af både '{other.plugin}' og '{rule.plugin}'.",
                    f"The rule code {rule.code} is declared by both '{other.plugin}' and '{rule.plugin}'.")
            registry.rules[rule.code] = rule
    return registry


# --- running checks -------------------------------------------------------

class PluginTimeout(BaseException):
    """Raised inside a plugin that overran its budget (BaseException, so a
    plugin's own ``except Exception`` cannot swallow it)."""


#: After the deadline the alarm repeats this often (seconds), so a plugin that
#: swallows one ``PluginTimeout`` (``except BaseException``) is interrupted again.
_REPEAT = 0.1


class time_budget:  # lower case: used like a function, ``with time_budget(2):``
    """Interrupt the body after ``seconds`` (POSIX main thread; elsewhere unlimited).

    A class, not a generator context manager, so that ``__exit__`` can be told
    apart from the plugin's code: the alarm never raises inside it, and the
    timer is always switched off.  ``expired`` says whether the budget ran out,
    even when the plugin swallowed every interruption and returned.
    """

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.active = False
        self.expired = False
        self._previous: Any = None

    def __enter__(self) -> Self:
        usable = (
            self.seconds > 0
            and hasattr(signal, "setitimer")
            and threading.current_thread() is threading.main_thread()
        )
        if usable:
            self._previous = signal.signal(signal.SIGALRM, self._expire)
            self.active = True
            try:
                signal.setitimer(signal.ITIMER_REAL, self.seconds, _REPEAT)
            except (OverflowError, ValueError):  # --plugin-timeout inf (or 1e300): no limit, not a crash
                self.__exit__()
        return self

    def _expire(self, signum: int, frame: Any) -> None:
        if self.active and (frame is None or frame.f_code is not _EXIT_CODE):
            self.expired = True
            raise PluginTimeout()

    def __exit__(self, *exc_info: object) -> None:
        self.active = False  # first: from here on the alarm does nothing
        if self._previous is not None or signal.getsignal(signal.SIGALRM) == self._expire:
            signal.setitimer(signal.ITIMER_REAL, 0)
            previous = self._previous
            signal.signal(signal.SIGALRM, previous if previous is not None else signal.SIG_DFL)


_EXIT_CODE = time_budget.__exit__.__code__


def _plugin_failure(code: str, plugin: str, da: str, en: str) -> Finding:
    return Finding(code=code, message=Message(da, en), path=(), plugin="core",
                   hint=Message(f"Fejlen ligger i pluginet '{plugin}', ikke i planen.",
                                f"The fault is in the plugin '{plugin}', not in the plan."))


def _shown(value: Any, limit: int = 80) -> str:
    """``repr``/``str`` of a plugin's object for a message; never raises."""
    try:
        text = value if isinstance(value, str) else repr(value)
    except Exception:  # noqa: BLE001  # a broken __repr__ is the plugin's fault, not a reason to crash
        text = f"<{type(value).__name__}>"
    return text if len(text) <= limit else text[:limit - 3] + "..."


def _exception_text(exc: BaseException) -> str:
    try:
        detail = str(exc)
    except Exception:  # noqa: BLE001 - a broken __str__ still gets its type named
        detail = ""
    return _shown(f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__, 300)


def _is_text(value: Any) -> bool:
    return type(value) is str


def _is_message(value: Any) -> bool:
    return isinstance(value, Message) and _is_text(value.da) and _is_text(value.en) and bool(value.da and value.en)


def _is_position(value: Any) -> bool:
    return value is None or (type(value) is int and value >= 1)


def not_a_finding(item: Any) -> str | None:
    """Why ``item`` cannot be reported as a finding, or None when it can.

    The engine sorts, locates and prints findings; a wrong type in any field
    would crash it there, far from the plugin that caused it.
    """
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


def run_guarded(plugin: str, what: str, call: Any, budget: float, limit: float | None = None) -> list[Finding]:
    """Call ``call()`` and return its findings; failures become PLN findings.

    ``what`` names the hook or rule, for the message.  A plugin that raises
    (even ``SystemExit``) gives PLN020, one that overruns ``budget`` seconds
    PLN021, and every returned item that is not a well-formed finding PLN022;
    the well-formed findings it returned are kept.  ``limit`` is the plugin's
    whole budget, for the message, when ``budget`` is what is left of it.
    """
    limit = budget if limit is None else limit
    timer = time_budget(budget)
    not_iterable: Any = None
    items: list[Any] = []
    try:
        with timer:
            result = call()
            if isinstance(result, Finding):  # one finding, not in a list: clearly meant
                result = [result]
            elif isinstance(result, (str, bytes, dict)):
                result = [result]  # iterating would report each character or key
            try:
                iterator = iter(result) if result is not None else iter(())
            except TypeError:
                not_iterable, iterator = result, iter(())
            items = list(iterator)
            problems = [(item, not_a_finding(item)) for item in items]
            problems = [(item, reason) for item, reason in problems if reason is not None]
            shown = _shown(problems[0][0]) if problems else ""
            if not_iterable is not None:
                shown = _shown(not_iterable)
    except PluginTimeout:
        timer.expired = True
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # noqa: BLE001 - Exception, SystemExit, GeneratorExit...: the run goes on
        return [_plugin_error(plugin, what, exc)]
    if timer.expired:
        return [_plugin_failure(
            "PLN021", plugin,
            f"Pluginet '{plugin}' brugte mere end {limit:g} sekunder på planen og blev stoppet i {what}; "
            "dets øvrige fund mangler (--plugin-timeout).",
            f"The plugin '{plugin}' took more than {limit:g} seconds on the plan and was stopped in {what}; "
            "its other findings are missing (--plugin-timeout).")]
    if not_iterable is not None:
        return [_plugin_failure(
            "PLN022", plugin,
            f"Pluginet '{plugin}' ({what}) returnerede {shown}, ikke en liste af fund; dets fund mangler.",
            f"The plugin '{plugin}' ({what}) returned {shown}, not a list of findings; its findings are missing.")]
    good = [item for item in items if not_a_finding(item) is None]
    if problems:
        reason = problems[0][1]
        field_da = {"not a planlint.findings.Finding": "noget, der ikke er et fund"}.get(reason, f"et fund med ugyldigt felt '{reason}'")
        field_en = {"not a planlint.findings.Finding": "something that is not a finding"}.get(reason, f"a finding with an invalid '{reason}'")
        good.append(_plugin_failure(
            "PLN022", plugin,
            f"Pluginet '{plugin}' ({what}) returnerede {field_da}: {shown} ({len(problems)} i alt); det ignoreres.",
            f"The plugin '{plugin}' ({what}) returned {field_en}: {shown} ({len(problems)} in all); it is ignored."))
    return good


def _plugin_error(plugin: str, what: str, exc: BaseException) -> Finding:
    detail = _exception_text(exc)
    return _plugin_failure(
        "PLN020", plugin,
        f"Pluginet '{plugin}' ({what}) fejlede: {detail}; dets fund mangler.",
        f"The plugin '{plugin}' ({what}) failed: {detail}; its findings are missing.")


def run_plugins(registry: Registry, plan: Any, document: Any, pack: Any, settings: Any) -> list[Finding]:
    """Every selected rule's check and every ``planlint_check`` on one plan.

    The time budget (``--plugin-timeout``) is per plugin and plan: its rules
    share it, and once a plugin has overrun it (one PLN021) its remaining
    checks on this plan are skipped.
    """
    findings: list[Finding] = []
    budget = settings.plugin_timeout
    spent: dict[str, float] = {}
    stopped: set[str] = set()

    def run(plugin: str, what: str, call: Any) -> None:
        if plugin in stopped:
            return
        started = time.monotonic()
        left = max(budget - spent.get(plugin, 0.0), 0.001)
        for finding in run_guarded(plugin, what, call, left, budget):
            if finding.code == "PLN021" and finding.plugin == "core":
                stopped.add(plugin)
            findings.append(finding if finding.plugin else finding.with_(plugin=plugin))
        spent[plugin] = spent.get(plugin, 0.0) + time.monotonic() - started

    for rule in registry.rules.values():
        if rule.check is None or not settings.selects(rule.code):
            continue
        if rule.pulje and (plan.pulje_name not in rule.pulje):
            continue
        if plan.meta.is_prequalification and not rule.prequalification:
            continue  # the rule needs a full plan, not a prækvalifikationsansøgning
        ctx = CheckContext(document=document, pack=pack, settings=settings, rule=rule)
        run(rule.plugin, rule.code, lambda r=rule, c=ctx: r.check(plan, c))
    for impl in registry.manager.hook.planlint_check.get_hookimpls():
        kwargs = _kwargs(impl, plan=plan, document=document, pack=pack, settings=settings)
        run(impl.plugin_name, "planlint_check", lambda i=impl, k=kwargs: i.function(**k))
    return findings
