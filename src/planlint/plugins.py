"""Finding plugins and collecting their rules: the registry.

Every plugin, the built-in ones included, is found through the ``planlint``
entry point group (as flake8 finds its plugins) and registered with pluggy.
Hooks are called through pluggy, one plugin at a time (``Registry.caller``):
each plugin's implementations get their own guard (``plugin_guard``), so a
fault costs that plugin's findings only.  Running the checks on a plan is
``plugin_run``; checking what a plugin returned is ``plugin_results``.

What this means for ``@hookimpl`` options: ``tryfirst``/``trylast`` order
the plugins as in pluggy, and a ``wrapper``/``hookwrapper`` wraps its
own plugin's implementations of the hook (not other plugins': those run
under their own guards).  ``firstresult`` is an option of a hook spec, and no
planlint hook has it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

import pluggy

from . import hookspecs
from .errors import UsageError
from .plugin_guard import PluginTimeout, guard
from .plugin_results import CODE_PATTERN, exception_text, shown  # noqa: F401 - CODE_PATTERN: public name
from .rule import Rule

ENTRY_POINT_GROUP = "planlint"
#: CPU seconds a plugin may take to import and declare its rules.
LOAD_TIMEOUT = 10.0


class PluginLoadError(UsageError):
    """A plugin that cannot be loaded (exit status 2)."""


@dataclass(eq=False)  # a service, equal only to itself
class Registry:
    """The plugin manager with every rule the plugins declared, by code."""

    manager: pluggy.PluginManager
    rules: dict[str, Rule] = field(default_factory=dict)
    _callers: dict[tuple, list[tuple[str, Any]]] = field(default_factory=dict, repr=False)

    def callers(self, hook: str) -> list[tuple[str, Any]]:
        """(plugin name, hook caller of that plugin alone) for each plugin implementing ``hook``.

        In the order of pluggy's ``get_hookimpls()``: registration order, with
        ``trylast`` plugins first and ``tryfirst`` ones last (pluggy calls in
        the reverse; planlint's results do not depend on the order, and in
        ``planlint_facts`` the later plugin's names win).  Made once per set
        of registered plugins.
        """
        registered = tuple(self.manager.list_name_plugin())
        key = (hook, tuple(name for name, _ in registered))
        made = self._callers.get(key)
        if made is None:
            names: list[str] = []
            for impl in getattr(self.manager.hook, hook).get_hookimpls():
                if impl.plugin_name not in names:
                    names.append(impl.plugin_name)
            made = []
            for name in names:
                others = [plugin for other, plugin in registered if other != name and plugin is not None]
                made.append((name, self.manager.subset_hook_caller(hook, remove_plugins=others)))
            self._callers[key] = made
        return made

    def facts(self, plan: Any, pack: Any, budget: float = 2.0) -> dict[str, Any]:
        """Every plugin's ``planlint_facts`` merged; a failing or slow plugin adds nothing."""
        merged: dict[str, Any] = {}
        for _name, caller in self.callers("planlint_facts"):
            timer = guard(budget)
            try:
                with timer:
                    results = caller(plan=plan, pack=pack)
            except KeyboardInterrupt:
                if timer.interrupted:
                    raise
                continue
            except BaseException:  # noqa: BLE001, S112 - a report must not fail for a plugin's facts (nor wait)
                continue
            if not timer.expired:
                for result in results:
                    if isinstance(result, dict):
                        merged.update(result)
        return merged

    def pack_sections(self) -> dict[str, type]:
        """Every plugin's ``planlint_pack_sections``, by name; PluginLoadError for a bad one.

        Called through pluggy like the other hooks, one plugin at a time
        (``callers``), each under its own guard: a plugin that raises
        (anything, ``SystemExit`` included) or overruns ``LOAD_TIMEOUT`` CPU
        seconds stops the run with exit status 2, naming the plugin.
        """
        from .rulepack import PackSection, RulePack

        sections: dict[str, type] = {}
        owners: dict[str, str] = {}
        for plugin, caller in self.callers("planlint_pack_sections"):
            for name, model in _declared_sections(plugin, caller).items():
                if not (isinstance(model, type) and issubclass(model, PackSection)):
                    raise PluginLoadError(
                        f"Pluginet '{plugin}' oplyste afsnittet '{name}' med {shown(model)}, ikke en planlint.PackSection.",
                        f"The plugin '{plugin}' declared the section '{name}' as {shown(model)}, not a planlint.PackSection.")
                if name in RulePack.model_fields or name in owners:
                    other = owners.get(name, "core")
                    raise PluginLoadError(
                        f"Afsnittet '{name}' af regelpakkerne oplyses af både '{other}' og '{plugin}'.",
                        f"The rule pack section '{name}' is declared by both '{other}' and '{plugin}'.")
                sections[name], owners[name] = model, plugin
        return sections


def build_registry(entry_points: Iterable[Any] | None = None) -> Registry:
    """Load the core and every ``planlint`` entry point; PluginLoadError if one fails."""
    from . import core_rules

    manager = pluggy.PluginManager("planlint")
    manager.add_hookspecs(hookspecs)
    manager.register(core_rules, name="core")
    if entry_points is None:
        from .plugin_finder import entry_points as installed_entry_points

        entry_points = installed_entry_points(ENTRY_POINT_GROUP)
    seen: set[str] = set()
    for point in sorted(entry_points, key=lambda p: p.name):
        if point.name in seen or manager.get_plugin(point.name) is not None:
            continue  # the same distribution found twice on sys.path
        seen.add(point.name)
        _load(manager, point)
    registry = Registry(manager)
    for name, caller in registry.callers("planlint_rules"):
        for rule in _declared(name, caller):
            rule.plugin = name
            other = registry.rules.get(rule.code)
            if other is not None and other is not rule:
                raise PluginLoadError(
                    f"Regelkoden {rule.code} oplyses af både '{other.plugin}' og '{rule.plugin}'.",
                    f"The rule code {rule.code} is declared by both '{other.plugin}' and '{rule.plugin}'.")
            registry.rules[rule.code] = rule
    return registry


def _load(manager: pluggy.PluginManager, point: Any) -> None:
    timer = guard(LOAD_TIMEOUT)
    try:
        with timer:
            plugin = point.load()
        hash(plugin)  # hooks are called per plugin (``Registry.callers``): pluggy keeps plugins in sets
        manager.register(plugin, name=point.name)
    except KeyboardInterrupt:
        if timer.interrupted:
            raise
        detail = "KeyboardInterrupt"
    except BaseException as exc:  # noqa: BLE001 - SystemExit at import must not end the run with its status
        detail = "took too long to import" if isinstance(exc, PluginTimeout) else exception_text(exc)
    else:
        return
    raise PluginLoadError(
        f"Pluginet '{point.name}' ({point.value}) kan ikke indlæses: {detail}.",
        f"The plugin '{point.name}' ({point.value}) cannot be loaded: {detail}.",
    ) from None


def _declared(name: str, caller: Any) -> list[Rule]:
    """The rules one plugin declares through ``planlint_rules``."""
    timer = guard(LOAD_TIMEOUT)
    try:
        with timer:
            declared = [rule for result in caller() for rule in (result or [])]
    except KeyboardInterrupt:
        if timer.interrupted:
            raise
        detail = "KeyboardInterrupt"
    except BaseException as exc:  # noqa: BLE001 - as for loading
        detail = "took too long" if isinstance(exc, PluginTimeout) else exception_text(exc)
    else:
        for rule in declared:
            if not isinstance(rule, Rule):
                raise PluginLoadError(
                    f"Pluginet '{name}' oplyste en regel, der ikke er en planlint.rule.Rule: {shown(rule)}.",
                    f"The plugin '{name}' declared a rule that is not a planlint.rule.Rule: {shown(rule)}.")
        return declared
    raise PluginLoadError(
        f"Pluginet '{name}' fejlede, da det skulle oplyse sine regler: {detail}.",
        f"The plugin '{name}' failed to declare its rules: {detail}.",
    ) from None


def _declared_sections(name: str, caller: Any) -> dict[str, Any]:
    """The rule pack sections one plugin declares through ``planlint_pack_sections``."""
    timer = guard(LOAD_TIMEOUT)
    try:
        with timer:
            declared: dict[str, Any] = {}
            for result in caller():
                declared.update(dict(result or {}))
    except KeyboardInterrupt:
        if timer.interrupted:
            raise
        detail = "KeyboardInterrupt"
    except BaseException as exc:  # noqa: BLE001 - as for planlint_rules: exit 2 naming the plugin
        detail = "took too long" if isinstance(exc, PluginTimeout) else exception_text(exc)
    else:
        return declared
    raise PluginLoadError(
        f"Pluginet '{name}' fejlede, da det skulle oplyse sine afsnit af regelpakkerne: {detail}.",
        f"The plugin '{name}' failed to declare its rule pack sections: {detail}.",
    ) from None
