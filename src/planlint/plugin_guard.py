"""The guard around plugin code: a time budget, and no way out of the run.

``--plugin-timeout`` is a budget of *CPU* seconds of the process (the
``ITIMER_PROF`` timer), so the verdict on a plan does not depend on how busy
the machine is: a rule that needs 10 ms of CPU needs 10 ms however many other
processes share the cores.  A plugin that blocks without using the CPU (a
sleep, a network call) is stopped by a wall-clock backstop of
``WALL_FACTOR`` times the budget.

One guard covers a whole plugin on one plan (all its rules share the
budget), so the timers are set and cleared once per plugin and plan, not per
rule.  Inside the guard:

* the timers raise ``PluginTimeout`` (a ``BaseException``, so a plugin's own
  ``except Exception`` cannot swallow it; one that swallows everything is
  interrupted again every ``REPEAT`` seconds and still marked ``expired``);
* ``os._exit`` raises ``PluginExit`` instead of ending the process: a plugin
  calling ``os._exit(0)`` would otherwise end the run with exit status 0 and
  no output.  (A plugin that leaves Python to end the process, through
  ``ctypes`` say, is beyond any in-process guard; with ``--jobs`` above 1 the
  parent then sees its worker die and stops with exit status 2.)
* a real Ctrl-C is told apart from a plugin raising ``KeyboardInterrupt``
  itself: only the first stops the run, the second is a fault of the plugin.

The timers need POSIX signals and the main thread; elsewhere the budget is
not enforced (the plugin runs unlimited), everything else still applies.
"""

from __future__ import annotations

import math
import os
import signal
import threading
from typing import Any, Self

#: The wall-clock backstop, as a multiple of the CPU budget.
WALL_FACTOR = 5.0
#: After the deadline the timers repeat this often (seconds), so a plugin that
#: swallows one ``PluginTimeout`` (``except BaseException``) is interrupted again.
REPEAT = 0.1


class PluginTimeout(BaseException):
    """Raised inside a plugin that overran its budget."""


class PluginExit(BaseException):
    """Raised inside a plugin that called ``os._exit``."""

    def __init__(self, status: Any = None):
        super().__init__(f"os._exit({status!r}) called")


def _refuse_exit(status: Any = 0) -> None:
    raise PluginExit(status)


class guard:  # lower case: used like a function, ``with guard(2) as g:``
    """Run the body under a budget of ``seconds`` of CPU time (see the module docstring).

    A class, not a generator context manager, so that ``__exit__`` can be told
    apart from the plugin's code: the timers never raise inside it, and they
    are always switched off.  ``expired`` says whether the budget ran out,
    even when the plugin swallowed every interruption and returned;
    ``interrupted`` whether a real SIGINT (Ctrl-C) arrived.
    """

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.expired = False
        self.interrupted = False
        self._active = False
        self._timed = False
        self._previous: dict[int, Any] = {}
        self._exit: Any = None

    def __enter__(self) -> Self:
        self._active = True
        self._exit, os._exit = os._exit, _refuse_exit
        if not (hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()):
            return self
        previous_int = signal.getsignal(signal.SIGINT)
        if callable(previous_int):  # SIG_DFL kills the process and SIG_IGN ignores: nothing to tell apart
            self._previous[signal.SIGINT] = signal.signal(signal.SIGINT, self._interrupt)
        if 0 < self.seconds and math.isfinite(self.seconds * WALL_FACTOR):
            try:
                for number, timer, seconds in ((signal.SIGPROF, signal.ITIMER_PROF, self.seconds),
                                               (signal.SIGALRM, signal.ITIMER_REAL, self.seconds * WALL_FACTOR)):
                    self._previous[number] = signal.signal(number, self._expire)
                    self._timed = True
                    signal.setitimer(timer, seconds, REPEAT)
            except (OverflowError, ValueError):  # --plugin-timeout 1e300: no limit, not a crash
                self._stop_timers()
        return self

    def _expire(self, signum: int, frame: Any) -> None:
        if self._active and (frame is None or frame.f_code is not _EXIT_CODE):
            self.expired = True
            raise PluginTimeout()

    def _interrupt(self, signum: int, frame: Any) -> None:
        self.interrupted = True
        os._exit = self._exit  # the run's own Ctrl-C handler may end the process: let it
        previous = self._previous.get(signal.SIGINT)
        if callable(previous):
            previous(signum, frame)
        raise KeyboardInterrupt

    def _stop_timers(self) -> None:
        if self._timed:
            self._timed = False
            signal.setitimer(signal.ITIMER_PROF, 0)
            signal.setitimer(signal.ITIMER_REAL, 0)

    def __exit__(self, *exc_info: object) -> None:
        self._active = False  # first: from here on the timers do nothing
        os._exit = self._exit
        self._stop_timers()
        for number, previous in self._previous.items():
            signal.signal(number, previous if previous is not None else signal.SIG_DFL)
        self._previous.clear()


_EXIT_CODE = guard.__exit__.__code__
