"""Hook specifications: the contract between planlint and its plugins.

A plugin is a module (or object) with functions marked ``@planlint.hookimpl``
whose names are the hooks below.  It is found through the ``planlint`` entry
point group, so installing a package with pip is all it takes::

    [project.entry-points.planlint]
    myplugin = "my_package.planlint_plugin"

The built-in plugins in ``plugins/`` are registered the same way.  A plugin
implements only the hooks it needs; every argument is optional in an
implementation (pluggy passes the ones the function names).

What flows through the hooks:

* ``plan`` - a ``planlint.model.Plan``, the pydantic model of FORMAT.md.  It
  can be partial: values that broke the format have already been reported as
  ``PLN`` findings and removed, so every field may be ``None``.
* ``document`` - a ``planlint.document.PlanDocument``: the file's display
  path, text and node tree, for positions.  Plugins never read files.
* ``pack`` - the ``planlint.rulepack.RulePack`` of the plan's pulje (its
  allowed areas, thresholds, sources), or ``None`` when the plan names no
  known pulje.  A plugin's own section of it is ``pack.section(name)``
  (see ``planlint_pack_sections``).
* ``settings`` - the effective ``planlint.config.Settings`` for this file.

Plugins never print, never read or write files, and return findings instead
of raising: an exception in a hook becomes a ``PLN020`` finding naming the
plugin, and the other plugins still run.

Hooks are called through pluggy, one plugin at a time, each under its own
guard (``planlint.plugins``): ``tryfirst``/``trylast`` order the plugins, and
a ``wrapper`` (or old-style ``hookwrapper``) wraps its own plugin's
implementations of the hook only.  No hook is ``firstresult``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable

import pluggy

if TYPE_CHECKING:  # pragma: no cover
    from .config import Settings
    from .document import PlanDocument
    from .findings import Finding
    from .model import Plan
    from .rule import Rule
    from .rulepack import PackSection, RulePack

hookspec = pluggy.HookspecMarker("planlint")
hookimpl = pluggy.HookimplMarker("planlint")


@hookspec
def planlint_rules() -> "Iterable[Rule]":
    """Declare the rules this plugin reports.

    Return ``planlint.rule.Rule`` objects: code (an uppercase prefix of the
    plugin's own and three digits, e.g. ``ABC001``), default severity, title,
    rationale, source and a failing and a passing example.  ``planlint rules``,
    ``planlint explain`` and the generated rules reference are made from them,
    and a finding whose code no plugin declared is reported as ``PLN022``.

    A rule created with the ``@planlint.rule.rule`` decorator carries its own
    ``check`` function, which the engine runs for you, one rule at a time,
    with the rule's code filled in (see ``planlint.rule.CheckContext``).  That
    is the simplest way to write a plugin: one module per rule, its docstring
    its rationale, and this hook returning ``rules_of(module, ...)``.

    Two plugins declaring the same code stop the run with exit status 2.

    Called once per run, when the plugins are loaded; it takes no argument.

    :return: the plugin's rules, as an iterable of ``planlint.rule.Rule``.
        Anything else (or an exception) stops the run with exit status 2 and
        one sentence naming the plugin.
    """


@hookspec
def planlint_check(
    plan: "Plan", document: "PlanDocument", pack: "RulePack | None", settings: "Settings"
) -> "Iterable[Finding] | None":
    """Check one plan and return findings (or yield them).

    For plugins that check many rules in one pass and do not use per-rule
    ``check`` functions.  Each finding names a code declared in
    ``planlint_rules`` and a ``path`` in the plan; the engine fills in the
    severity, the plugin name, the line and the column.  Findings whose code
    is not selected by the configuration are dropped by the engine, so a
    plugin need not read ``settings.select``.

    Called once per plan that could be parsed, including partial plans.
    Every argument is optional: name only the ones the implementation uses.

    :param plan: the ``planlint.model.Plan`` (frozen; may be partial, every
        field may be ``None``).
    :param document: the ``planlint.document.PlanDocument`` of the file:
        ``path`` (as shown to the user), ``text``, ``lines``,
        ``locate(path)``, ``node_at(path)``, ``wrote(path)``.
    :param pack: the ``planlint.rulepack.RulePack`` of the plan's pulje, or
        ``None`` when the plan names no known pulje.
    :param settings: the effective ``planlint.config.Settings`` for this file
        (``lang``, ``select``, ``fail_on``...).
    :return: ``planlint.findings.Finding`` objects (a list, a generator, a
        single finding or ``None``).  Anything else gives ``PLN022``; the
        well-formed findings are kept.  The plugin's checks on one plan share
        one budget of ``--plugin-timeout`` CPU seconds (``PLN021``).
    """


@hookspec
def planlint_facts(plan: "Plan", pack: "RulePack | None") -> "dict[str, Any] | None":
    """Numbers a plugin computes about a plan, for ``planlint report``.

    Return a mapping of fact names to plain data (numbers, strings, lists
    and dicts of them), e.g. ``{"cofinancing": {...}}``.  Names are global:
    prefix them with the plugin name when in doubt.  Must not raise for a
    partial plan; return ``None`` or ``{}`` when there is nothing to say.

    Called by ``planlint report`` once per plan that could be parsed.  Every
    argument is optional.

    :param plan: the ``planlint.model.Plan`` (may be partial).
    :param pack: the ``planlint.rulepack.RulePack`` of the plan's pulje, or
        ``None``.
    :return: a ``dict`` merged into the plan's facts, or ``None``.  A plugin
        that raises, overruns its budget or returns something else adds
        nothing (the report does not fail for a plugin's facts).
    """


@hookspec
def planlint_pack_sections() -> "dict[str, type[PackSection]]":
    """Declare the sections of a rule pack this plugin reads, by name.

    Return ``{name: model}``, each model a subclass of ``planlint.PackSection``
    (a frozen pydantic model; an unknown key is an error; a ``source`` says
    where the requirements come from).  A pack's top-level key ``name`` is
    then this plugin's: it is validated with the model when the pack loads (a
    broken section stops the run with exit status 2, naming file and line),
    and the plugin's checks read it as ``ctx.pack.section(name)``.  A pack
    without the section is an error too, unless the model says
    ``optional = True`` (then ``section(name)`` is ``None``).

    A name belongs to one plugin and cannot be one of the core's keys
    (``pulje``, ``areas``, ``cofinancing``, ...); a clash stops the run with
    exit status 2.
    """
