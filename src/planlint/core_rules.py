"""The core's own rules (PLN), registered with pluggy as the plugin ``core``.

Each rule is declared (``planlint.rule.declare``) next to the code that
raises it: the file and the YAML in ``load``, values and keys in
``validate``, references in ``references``, suppressions in ``suppress``.
The run's own rules are declared here: PLN019 (``engine``: planlint failed
on a file) and PLN020-PLN022 (``plugins``: a plugin failed); declared in
those modules they would make the plugin registry, which imports this
module, import the engine (an import cycle).  ``planlint rules`` and
``planlint explain`` document them like every other rule.
"""

from __future__ import annotations

import sys

from . import load, references, suppress, validate
from .hookspecs import hookimpl
from .rule import Example, Rule, declare

_NOT_RUNNABLE_GOOD = Example(note="Et plugin, der returnerer fund og ikke rejser undtagelser.", runnable=False)

PLN019 = declare(
    code="PLN019",
    severity="error",
    basis="format",
    title=("planlint fejlede på denne fil", "planlint failed on this file"),
    rationale=("En fejl i planlint selv stoppede kontrollen af én fil. Filen får dette fund i stedet for "
               "et traceback, og de andre filer i kørslen kontrolleres og rapporteres som normalt. "
               "Meld gerne fejlen med filen.",
               "A bug in planlint itself stopped the check of one file. The file gets this finding instead "
               "of a traceback, and the other files of the run are checked and reported as usual. "
               "Please report the bug with the file."),
    sources=(("planlint-output", "exit statuses: \"A Python traceback is never the user interface\""),),
    bad=Example(note="En fil, der udløser en fejl i planlint.", runnable=False),
    good=Example(note="En fil, planlint kan kontrollere.", runnable=False),
)


PLN020 = declare(
    code="PLN020",
    severity="error",
    basis="format",
    title=("Et plugin fejlede", "A plugin failed"),
    rationale=("Et plugin rejste en undtagelse. Kørslen fortsætter med de andre plugins, men dette plugins "
               "fund mangler; fejlen ligger i pluginet, ikke i planen.",
               "A plugin raised an exception. The run goes on with the other plugins, but this plugin's "
               "findings are missing; the fault is in the plugin, not in the plan."),
    sources=(("planlint-output", "plugins: \"A plugin that raises must not take the run down\""),),
    bad=Example(note="Et plugin, hvis check rejser ZeroDivisionError.", runnable=False),
    good=_NOT_RUNNABLE_GOOD,
)


PLN021 = declare(
    code="PLN021",
    severity="error",
    basis="format",
    title=("Et plugin brugte for lang tid", "A plugin took too long"),
    rationale=("Hvert plugin har en tidsgrænse pr. plan (--plugin-timeout, 2 sekunders CPU-tid, så svaret ikke "
               "afhænger af, hvor travl maskinen er; et plugin, der venter uden at regne, stoppes efter 5 gange så lang "
               "tid på uret), så planlint aldrig hænger i CI.",
               "Each plugin has a time budget per plan (--plugin-timeout, 2 seconds of CPU time, so the verdict does not "
               "depend on how busy the machine is; a plugin that waits without computing is stopped after 5 times as "
               "long on the clock), so planlint never hangs in CI."),
    sources=(("planlint-readme", "Grænser / Limits"),),
    bad=Example(note="Et plugin, der sover i 10 sekunder.", runnable=False),
    good=_NOT_RUNNABLE_GOOD,
)


PLN022 = declare(
    code="PLN022",
    severity="error",
    basis="format",
    title=("Et plugin returnerede noget ugyldigt", "A plugin returned something invalid"),
    rationale=("Et plugin skal returnere planlint.findings.Finding-objekter med koder, det selv har oplyst.",
               "A plugin must return planlint.findings.Finding objects with codes it has declared."),
    sources=(("planlint-architecture", "Writing a rule (the hook planlint_check)"),),
    bad=Example(note="Et plugin, der returnerer en tekst i stedet for et fund.", runnable=False),
    good=_NOT_RUNNABLE_GOOD,
)


def _declared(*modules: object) -> list[Rule]:
    """The rules the modules declare (``PLN005 = declare(...)``), each once, by code."""
    found = {value.code: value for module in modules for value in vars(module).values() if isinstance(value, Rule)}
    return sorted(found.values(), key=lambda rule: rule.code)


RULES = _declared(load, validate, references, suppress, sys.modules[__name__])


@hookimpl
def planlint_rules() -> list[Rule]:
    return RULES
