"""The garbage collector during start-up (issue 16).

Importing typer, pydantic and the plugins makes some hundred thousand objects
and no garbage worth collecting, yet the collector walks them again and again:
about 0.03 s of CPU of a one-plan run.  The console script pauses it before
anything is imported, and the first thing that starts real work (a
``Linter``, the report, the language server) resumes it, after moving what
start-up made out of its way for good (``gc.freeze``): those objects live as
long as the process.  A command that never resumes it is a short one (help,
``schema``, ``explain``) and ends first.
"""

from __future__ import annotations

import gc

_paused = False


def pause_gc() -> None:
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume_gc() -> None:
    """Resume a collector the console script paused (a no-op otherwise, e.g. in tests or a library)."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
