"""``planlint check --watch``: check again each time a plan or configuration is saved.

For people without an editor that speaks LSP (``planlint lsp``).  The first
check runs at once; after that every save of a ``*.yaml``/``*.yml`` file or of
``pyproject.toml`` below the watched paths runs the same check again, after a
short quiet period so that an editor's several writes count as one save.
Ctrl-C ends it.
"""

from __future__ import annotations

import sys
import threading
import time
from typing import Callable, Iterable, Type

from .errors import UsageError
from .escape import visible

#: milliseconds of quiet after a change before checking again
DEBOUNCE_MS = 300


def _relevant(_change: object, path: str) -> bool:
    return path.endswith((".yaml", ".yml", "pyproject.toml"))


def watch_and_check(paths: Iterable[str], language: str | None, refused: bool, run_once: Callable[[], int],
                    survivable: tuple[Type[BaseException], ...] = (), stop: threading.Event | None = None) -> int:
    """Run ``run_once`` now and after every save; returns the last run's exit status when stopped.

    An error of a kind in ``survivable`` (a configuration saved half-written)
    is said in one sentence and the watch goes on; in the first run it ends
    the watch, as it would end ``check``.  Ctrl-C always ends it.
    """
    names = list(paths)
    if refused or "-" in names:
        raise UsageError(
            "--watch kontrollerer filer igen ved hver gemning; det kan ikke kombineres med '-', --fix, "
            "--diff eller --output.",
            "--watch re-checks files on every save; it cannot be combined with '-', --fix, --diff or --output.")
    import watchfiles

    status = run_once()  # a usage error in the first run ends the watch (exit 2)
    for changes in watchfiles.watch(*names, watch_filter=_relevant, debounce=DEBOUNCE_MS, step=50,
                                    stop_event=stop, raise_interrupt=True):
        saved = sorted({path for _change, path in changes})
        stamp = time.strftime("%H:%M:%S")
        said = "changed" if language == "en" else "ændret"
        shown = ", ".join(visible(path) for path in saved)  # a file name must not break the line
        print(f"\n[{stamp}] {said}: {shown}", file=sys.stderr, flush=True)
        try:
            status = run_once()
        except survivable as exc:  # a broken configuration saved: say it, and keep watching
            said = getattr(exc, "en" if language == "en" else "da", str(exc))
            print(f"planlint: {said}", file=sys.stderr, flush=True)
            status = 2
        sys.stdout.flush()
    return status
