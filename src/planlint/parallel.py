"""Linting files in worker processes (``planlint check --jobs N``).

The workers are forked from the process that already loaded the plugins and
rule packs, so a worker starts in milliseconds and never re-imports anything.
Files go out in chunks and their results come back in file order (released:
findings and the lines they point at), so the output is the same as a serial
run's, byte for byte.

A worker that dies (a plugin ending the process from outside Python, the
out-of-memory killer) stops the run with exit status 2, naming the file: a
run that did not finish never exits 0.  Ctrl-C is handled by the parent
alone (the workers ignore SIGINT) and stops the workers.

Where ``fork`` is not available (Windows, and macOS where it is unsafe),
``usable()`` is False and the run is serial.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Any, Iterator

from .errors import UsageError

#: What the workers do with each item: set in the parent just before the fork
#: (so it can be any function, a closure too: it is never pickled, only the items are).
_TASK: Any = None


def usable() -> bool:
    import multiprocessing  # here, not at the top: a run of one plan asks default_jobs() and never forks

    return sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods()


def default_jobs() -> int:
    """The cores this process may use (``os.sched_getaffinity``), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _start_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what Ctrl-C means


def _run_task(item: Any) -> tuple[str, Any]:
    """One item in a worker: ("ok", result) or ("error", what the parent re-raises)."""
    try:
        return "ok", _TASK(item)
    except BaseException as exc:  # noqa: BLE001 - an exception that stops the run, carried to the parent
        return "error", _portable(exc)


def _portable(exc: BaseException) -> tuple[type, str | None, str | None, str]:
    """An exception as plain parts: the bilingual ones (da/en) do not survive pickling as themselves."""
    return type(exc), getattr(exc, "da", None), getattr(exc, "en", None), f"{type(exc).__name__}: {exc}"


def _rebuilt(parts: tuple[type, str | None, str | None, str]) -> BaseException:
    kind, da, en, text = parts
    if da is not None and en is not None and issubclass(kind, Exception):
        exc = kind.__new__(kind)
        Exception.__init__(exc, en)
        exc.da, exc.en = da, en  # type: ignore[attr-defined]
        return exc
    return RuntimeError(text)


def in_workers(task: Any, files: list[Path], jobs: int) -> Iterator[Any]:
    """``task(path)`` for each file, in order, computed by ``jobs`` forked workers."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    global _TASK
    _TASK = task
    chunk = max(1, min(16, len(files) // (jobs * 4)))
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(files)), mp_context=multiprocessing.get_context("fork"),
                               initializer=_start_worker)
    done = 0
    try:
        for status, value in pool.map(_run_task, files, chunksize=chunk):
            if status == "error":
                raise _rebuilt(value)
            done += 1
            yield value
        pool.shutdown(wait=True)
    except BrokenProcessPool:
        where = files[done] if done < len(files) else files[-1]
        raise UsageError(
            f"En arbejdsproces stoppede uventet under kontrollen (omkring '{where}'); kørslen blev ikke færdig. "
            "Prøv --jobs 1 for at se, om et plugin afslutter processen.",
            f"A worker process stopped unexpectedly during the check (around '{where}'); the run did not finish. "
            "Try --jobs 1 to see whether a plugin ends the process.") from None
    finally:
        _stop(pool)
        _TASK = None


def _stop(pool: Any) -> None:
    """Shut the pool down without waiting for work nobody will read (Ctrl-C, an error)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())  # private, but the only way to stop them
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=5)
