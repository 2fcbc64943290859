"""The ``planlint`` command (console script) and ``python -m planlint``.

Ctrl-C must end the run with one line and exit status 130 from the first
moment, also while the CLI's modules are still being imported (typer, rich
and pydantic take a good part of a second on a loaded machine).  So the
handler is installed here, before anything heavy is imported; ``cli.guarded``
then turns Ctrl-C during a command into ``KeyboardInterrupt`` so that
half-written files are cleaned up on the way out.
"""

from __future__ import annotations

import os
import signal
import sys

#: 128 + SIGINT, the shell's convention for a program ended by Ctrl-C
INTERRUPTED = 130


def _english() -> bool:
    """``--lang en`` or ``PLANLINT_LANG=en``, read without the CLI (it may not be imported yet)."""
    args = sys.argv[1:]
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args):
            return args[index + 1] == "en"
        if arg.startswith("--lang="):
            return arg == "--lang=en"
    return os.environ.get("PLANLINT_LANG") == "en"


def _interrupted_during_start_up(signum: int, frame: object) -> None:
    os.write(2, b"planlint: interrupted.\n" if _english() else "planlint: afbrudt.\n".encode("utf-8"))
    os._exit(INTERRUPTED)  # nothing has been written yet: nothing to clean up


def main() -> None:
    if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:  # keep "ignore" (nohup, a background job)
        signal.signal(signal.SIGINT, _interrupted_during_start_up)
    from .startup import pause_gc

    pause_gc()  # resumed when the work starts (startup.py)
    from .launch import run  # --version answers before the CLI framework is imported

    run()


if __name__ == "__main__":
    main()
