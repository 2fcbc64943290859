"""Finding plugins, collecting their rules and running their checks safely.

Every plugin, the built-in ones included, is found through the ``planlint``
entry point group (as flake8 finds its plugins) and registered with pluggy.
Running a plugin is guarded: an exception, a result that is not findings, or
a plugin that overruns its time budget becomes a PLN finding naming the
plugin, and the run goes on.
"""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

import pluggy

from . import hookspecs
from .findings import Finding, Message
from .rule import CheckContext, Rule

ENTRY_POINT_GROUP = "planlint"


class PluginLoadError(Exception):
    """A plugin that cannot be loaded (exit status 2)."""

    def __init__(self, da: str, en: str):
        super().__init__(en)
        self.da = da
        self.en = en


@dataclass
class Registry:
    """The plugin manager with every rule the plugins declared, by code."""

    manager: pluggy.PluginManager
    rules: dict[str, Rule] = field(default_factory=dict)

    def plugin_names(self) -> list[str]:
        return [name for name, _ in self.manager.list_name_plugin() if name]

    def facts(self, plan: Any, pack: Any) -> dict[str, Any]:
        """Every plugin's ``planlint_facts`` merged; a failing plugin adds nothing."""
        merged: dict[str, Any] = {}
        for impl in self.manager.hook.planlint_facts.get_hookimpls():
            try:
                result = impl.function(**_kwargs(impl, plan=plan, pack=pack))
            except Exception:  # a report must not fail for a plugin's facts
                continue
            if isinstance(result, dict):
                merged.update(result)
        return merged


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
            plugin = point.load()
            manager.register(plugin, name=point.name)
        except Exception as exc:
            raise PluginLoadError(
                f"Pluginet '{point.name}' ({point.value}) kan ikke indlæses: {type(exc).__name__}: {exc}.",
                f"The plugin '{point.name}' ({point.value}) cannot be loaded: {type(exc).__name__}: {exc}.",
            ) from None
    registry = Registry(manager)
    for impl in manager.hook.planlint_rules.get_hookimpls():
        try:
            declared = list(impl.function() or [])
        except Exception as exc:
            raise PluginLoadError(
                f"Pluginet '{impl.plugin_name}' fejlede, da det skulle oplyse sine regler: {exc}.",
                f"The plugin '{impl.plugin_name}' failed to declare its rules: {exc}.",
            ) from None
        for rule in declared:
            if not isinstance(rule, Rule):
                raise PluginLoadError(
                    f"Pluginet '{impl.plugin_name}' oplyste en regel, der ikke er en planlint.rule.Rule: {rule!r}.",
                    f"The plugin '{impl.plugin_name}' declared a rule that is not a planlint.rule.Rule: {rule!r}.")
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


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Interrupt the body after ``seconds`` (POSIX main thread; elsewhere unlimited)."""
    usable = (
        seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise PluginTimeout()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _plugin_failure(code: str, plugin: str, da: str, en: str) -> Finding:
    return Finding(code=code, message=Message(da, en), path=(), plugin="core",
                   hint=Message(f"Fejlen ligger i pluginet '{plugin}', ikke i planen.",
                                f"The fault is in the plugin '{plugin}', not in the plan."))


def run_guarded(plugin: str, what: str, call: Any, budget: float) -> list[Finding]:
    """Call ``call()`` and return its findings; failures become PLN findings.

    ``what`` names the hook or rule, for the message.
    """
    try:
        with time_budget(budget):
            result = call()
            findings = list(result) if result is not None else []
    except PluginTimeout:
        return [_plugin_failure(
            "PLN021", plugin,
            f"Pluginet '{plugin}' ({what}) brugte mere end {budget:g} sekunder og blev stoppet; dets fund mangler.",
            f"The plugin '{plugin}' ({what}) took more than {budget:g} seconds and was stopped; its findings are missing.")]
    except RecursionError:
        return [_plugin_failure(
            "PLN020", plugin,
            f"Pluginet '{plugin}' ({what}) fejlede: RecursionError; dets fund mangler.",
            f"The plugin '{plugin}' ({what}) failed: RecursionError; its findings are missing.")]
    except Exception as exc:
        detail = f"{type(exc).__name__}: {exc}"[:300]
        return [_plugin_failure(
            "PLN020", plugin,
            f"Pluginet '{plugin}' ({what}) fejlede: {detail}; dets fund mangler.",
            f"The plugin '{plugin}' ({what}) failed: {detail}; its findings are missing.")]
    good = [f for f in findings if isinstance(f, Finding)]
    if len(good) != len(findings):
        bad = next(f for f in findings if not isinstance(f, Finding))
        shown = repr(bad)[:80]
        good.append(_plugin_failure(
            "PLN022", plugin,
            f"Pluginet '{plugin}' ({what}) returnerede noget, der ikke er et fund: {shown}.",
            f"The plugin '{plugin}' ({what}) returned something that is not a finding: {shown}."))
    return good


def run_plugins(registry: Registry, plan: Any, document: Any, pack: Any, settings: Any) -> list[Finding]:
    """Every selected rule's check and every ``planlint_check`` on one plan."""
    findings: list[Finding] = []
    budget = settings.plugin_timeout
    for rule in registry.rules.values():
        if rule.check is None or not settings.selects(rule.code):
            continue
        if rule.pulje and (plan.pulje_name not in rule.pulje):
            continue
        ctx = CheckContext(document=document, pack=pack, settings=settings, rule=rule)
        for finding in run_guarded(rule.plugin, rule.code, lambda r=rule, c=ctx: r.check(plan, c), budget):
            findings.append(finding if finding.plugin else finding.with_(plugin=rule.plugin))
    for impl in registry.manager.hook.planlint_check.get_hookimpls():
        kwargs = _kwargs(impl, plan=plan, document=document, pack=pack, settings=settings)
        for finding in run_guarded(impl.plugin_name, "planlint_check", lambda i=impl, k=kwargs: i.function(**k), budget):
            findings.append(finding if finding.plugin else finding.with_(plugin=impl.plugin_name))
    return findings
