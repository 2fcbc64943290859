"""Running the plugins on one plan, each plugin guarded on its own.

Per plugin and plan: one ``guard`` (one CPU budget, see ``plugin_guard``)
covers the plugin's rule checks and its ``planlint_check`` hook; inside it,
each rule's check is isolated, so one failing rule costs that rule's findings
only.  Hooks are called through pluggy (``Registry.caller``), so the options
of ``@hookimpl`` (``tryfirst``, ``wrapper``...) behave as pluggy documents,
within the plugin.
"""

from __future__ import annotations

from typing import Any, Callable

from .findings import Finding
from .plugin_guard import PluginTimeout, guard
from .plugin_results import accepted, as_items, failed, too_slow
from .rule import CheckContext

#: Per plugin: what to call (name for messages, call) on one plan.
Calls = list[tuple[str, Callable[[], Any]]]


def run_guarded(plugin: str, what: str, call: Callable[[], Any], budget: float) -> list[Finding]:
    """One call of a plugin's code under its own budget; failures become PLN findings.

    A plugin that raises (even ``SystemExit`` or ``KeyboardInterrupt``) gives
    PLN020, one that overruns ``budget`` CPU seconds PLN021, and every returned
    item that is not a well-formed finding PLN022; the well-formed findings it
    returned are kept.
    """
    return run_plugin(plugin, [(what, call)], budget)


def run_plugin(plugin: str, calls: Calls, budget: float) -> list[Finding]:
    """Every call of one plugin on one plan under one shared budget.

    Once the budget is spent (one PLN021, naming the call that was running),
    the plugin's remaining calls on this plan are skipped.
    """
    findings: list[Finding] = []
    what = ""
    timer = guard(budget)
    try:
        with timer:
            for what, call in calls:
                kept = len(findings)
                try:
                    result = call()
                    for part in result.parts if isinstance(result, HookResults) else (result,):
                        items, not_iterable = as_items(part)
                        findings.extend(accepted(plugin, what, items, not_iterable))
                except PluginTimeout:
                    raise
                except KeyboardInterrupt:
                    if timer.interrupted:
                        raise  # a real Ctrl-C stops the run
                    del findings[kept:]
                    findings.append(failed(plugin, what, KeyboardInterrupt()))
                except BaseException as exc:  # noqa: BLE001 - Exception, SystemExit, os._exit...: the run goes on
                    del findings[kept:]
                    findings.append(failed(plugin, what, exc))
                if timer.expired:  # it swallowed every interruption, and came back late
                    del findings[kept:]
                    raise PluginTimeout()
    except PluginTimeout:
        timer.expired = True
    except KeyboardInterrupt:
        if timer.interrupted:
            raise
        findings.append(failed(plugin, what, KeyboardInterrupt()))
    if timer.expired:
        findings = [finding for finding in findings if finding.code != "PLN021"]
        findings.append(too_slow(plugin, what, budget))
    return [finding if finding.plugin else finding.with_(plugin=plugin) for finding in findings]


def run_plugins(registry: Any, plan: Any, document: Any, pack: Any, settings: Any) -> list[Finding]:
    """Every selected rule's check and every ``planlint_check`` on one plan.

    The time budget (``--plugin-timeout``) is per plugin and plan: its rules
    share it, and once a plugin has overrun it (one PLN021) its remaining
    checks on this plan are skipped.
    """
    per_plugin: dict[str, Calls] = {}
    for rule in registry.rules.values():
        if rule.check is None or not settings.selects(rule.code):
            continue
        if rule.pulje and (plan.pulje_name not in rule.pulje):
            continue
        if plan.meta.is_prequalification and not rule.prequalification:
            continue  # the rule needs a full plan, not a prækvalifikationsansøgning
        ctx = CheckContext(document=document, pack=pack, settings=settings, rule=rule)
        per_plugin.setdefault(rule.plugin, []).append((rule.code, _check_call(rule.check, plan, ctx)))
    for name, caller in registry.callers("planlint_check"):
        per_plugin.setdefault(name, []).append(
            ("planlint_check", _hook_call(caller, plan=plan, document=document, pack=pack, settings=settings)))
    findings: list[Finding] = []
    for plugin, calls in per_plugin.items():
        findings.extend(run_plugin(plugin, calls, settings.plugin_timeout))
    return findings


def _check_call(check: Callable[..., Any], plan: Any, ctx: CheckContext) -> Callable[[], Any]:
    return lambda: check(plan, ctx)


class HookResults:
    """What one plugin's implementations of a hook returned (pluggy drops ``None``)."""

    __slots__ = ("parts",)

    def __init__(self, parts: list[Any]):
        self.parts = parts


def _hook_call(caller: Any, **kwargs: Any) -> Callable[[], HookResults]:
    """One plugin's hook, called through pluggy with the arguments of the hook spec."""
    return lambda: HookResults(caller(**kwargs))
