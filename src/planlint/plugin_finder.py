"""The installed ``planlint`` entry points, read once and kept in the start-up cache.

``importlib.metadata.entry_points(group="planlint")`` reads the entry points
of every installed distribution to answer: 5 ms of every cold run in the
development environment's hundred packages, more in larger ones, where the
key below costs about 1 ms.  The answer only
changes when distributions are installed, removed or upgraded, so it is kept
in the start-up cache (``cache.py``), keyed by what importlib.metadata reads:
each entry of ``sys.path`` and, in each folder, the name of every
distribution's metadata and the status (inode, size, modification time) of
its ``entry_points.txt``.  Any change there is a miss, and importlib.metadata
answers again.  When a finder on ``sys.meta_path`` other than the standard
one can find distributions, nothing is cached: its answer has no key here.

The cache keeps each point's name and value; on a hit they are made into
importlib.metadata's own ``EntryPoint`` again, so a point loads the same way
on a hit and a miss.
"""

from __future__ import annotations

import os
import sys
from typing import Any

#: the suffixes of what importlib.metadata takes for a distribution's metadata
_METADATA = (".dist-info", ".egg-info", ".egg")
_EGG_POINTS = os.path.join("EGG-INFO", "entry_points.txt")


def entry_points(group: str) -> list[Any]:
    """The installed distributions' ``importlib.metadata.EntryPoint`` objects of ``group``."""
    from importlib.metadata import EntryPoint

    key = _installed_key()
    if key is None:
        found = _read_metadata(group)
    else:
        from . import cache

        found = cache.load(f"entry points {group}", key, lambda: _read_metadata(group), watch=(__name__,))
    return [EntryPoint(name=name, value=value, group=group) for name, value in found]


def _read_metadata(group: str) -> list[tuple[str, str]]:
    from importlib.metadata import entry_points as installed

    return [(point.name, point.value) for point in installed(group=group)]


def _installed_key() -> bytes | None:
    """What importlib.metadata would read, as bytes; None when that cannot be told."""
    from importlib.machinery import PathFinder

    if any(hasattr(finder, "find_distributions") and finder is not PathFinder for finder in sys.meta_path):
        return None
    if not all(isinstance(entry, str) for entry in sys.path):
        return None  # a Path (or bytes) entry: rare enough to be asked about afresh
    parts = []
    for entry in sys.path:
        folder = os.path.abspath(entry or ".")  # "": the current folder, which differs between runs
        parts.append(f"{folder}\0{_status(folder)}")
        if folder.lower().endswith(".egg"):  # an egg on the path is a distribution itself
            parts.append(f"{_EGG_POINTS}\0{_status(os.path.join(folder, _EGG_POINTS))}")
        try:
            with os.scandir(folder) as children:
                names = sorted(child.name for child in children if child.name.lower().endswith(_METADATA))
        except OSError:
            continue  # a file (a zip archive) or nothing: its status above is its key
        for name in names:
            inner = _EGG_POINTS if name.lower().endswith(".egg") else "entry_points.txt"
            parts.append(f"{name}\0{inner}\0{_status(os.path.join(folder, name, inner))}")
    return "\n".join(parts).encode("utf-8", "surrogateescape")


def _status(path: str) -> str:
    try:
        status = os.stat(path)
    except OSError:
        return "-"
    return f"{status.st_ino} {status.st_size} {status.st_mtime_ns}"


__all__ = ["entry_points"]
