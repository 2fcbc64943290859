"""A start-up cache of pydantic's compiled validators (issue 16).

Building the validator of the plan model is the largest single cost of a cold
``planlint check`` after importing pydantic itself: pydantic walks every
annotation of ~30 models in Python and hands the result to pydantic-core
(about 0.08 s of CPU, a fifth of a one-plan run).  The models are therefore
declared with ``defer_build=True`` and validated through :func:`validate`,
which keeps the compiled ``SchemaValidator`` in the user's cache folder and
loads it in about a millisecond.  A model used any other way (a plugin calling
``Plan.model_validate``, ``planlint schema``) builds itself as pydantic always
does, so the cache changes no behaviour, only the time.

What invalidates an entry:

* the planlint, pydantic, pydantic-core and Python versions are part of its
  file name;
* the entry records the source of every module outside pydantic and the
  standard library that its validator refers to (the model's own module,
  ``scalars``, ``format11``, a plugin's pack section), as a hash, and is
  not used when one of them changed: a model edited in a checkout rebuilds.

Where: ``$PLANLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/planlint``, else
``~/.cache/planlint`` (``%LOCALAPPDATA%\\planlint`` on Windows).
``PLANLINT_NO_CACHE=1`` turns it off.  An entry is a pickle, so it is read
only from a folder and file that belong to the current user and that nobody
else may write to (the trust given to ``__pycache__``).  Any failure to read
or write is a cache miss: the run goes on with a freshly built validator.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import sys
from pathlib import Path
from typing import Any

#: the validators loaded or built in this process, by model class
_loaded: dict[type, Any] = {}


def validate(model: type, data: Any, *, context: dict[str, Any] | None = None) -> Any:
    """``model.model_validate(data, context=context)``, with the model's validator from the cache."""
    validator = _loaded.get(model)
    if validator is None:
        validator = _loaded[model] = _cached(model)
    return validator.validate_python(data, context=context)


def cache_folder() -> Path | None:
    """The folder of the cache, or None when it is turned off."""
    if os.environ.get("PLANLINT_NO_CACHE"):
        return None
    chosen = os.environ.get("PLANLINT_CACHE_DIR")
    if chosen:
        return Path(chosen)
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "planlint"
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    # the XDG spec: a relative path there is invalid; and without a home folder, "~" stays
    # "~", which must not become a folder of that name in a plan repository
    base = xdg if os.path.isabs(xdg) else os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "planlint" if os.path.isabs(base) else None


def _cached(model: type) -> Any:
    folder = cache_folder()
    entry = folder / _entry_name(model) if folder is not None else None
    if entry is not None:
        validator = _read(entry)
        if validator is not None:
            return validator
    # a model declared with defer_build builds itself on first use; ask for it
    model.__pydantic_validator__.validate_python  # type: ignore[attr-defined]  # noqa: B018
    validator = model.__pydantic_validator__  # type: ignore[attr-defined]
    if entry is not None:
        _write(entry, validator)
    return validator


def _entry_name(model: type) -> str:
    import pydantic
    import pydantic_core

    from . import __version__

    versions = f"{__version__} {pydantic.VERSION} {pydantic_core.__version__} {sys.version}"
    key = hashlib.sha256(f"{versions} {model.__module__}.{model.__qualname__}".encode()).hexdigest()[:20]
    return f"{model.__module__}.{model.__qualname__}-{key}.pickle"


def _read(entry: Path) -> Any:
    try:
        if not (_trusted(entry.parent) and _trusted(entry)):
            return None
        with entry.open("rb") as handle:
            sources = pickle.load(handle)  # {module: source hash} first, then the validator
            if not isinstance(sources, dict) or not sources or any(
                    _source_hash(name) != digest for name, digest in sources.items()):
                return None
            return pickle.load(handle)
    except Exception:  # noqa: BLE001 - an unreadable entry is a miss, whatever the reason
        return None


def _write(entry: Path, validator: Any) -> None:
    try:
        pickled = io.BytesIO()
        recorder = _ModuleRecorder(pickled)
        recorder.dump(validator)
        sources = {name: _source_hash(name) for name in recorder.modules if _may_change(name)}
        if not sources or None in sources.values():
            return  # no module of its own to watch, or one without a source file: never stale-proof
        header = pickle.dumps(sources, protocol=pickle.HIGHEST_PROTOCOL)
        entry.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _trusted(entry.parent):
            return
        temporary = entry.with_name(f".{entry.name}.{os.getpid()}.tmp")
        try:
            with open(temporary, "xb") as handle:  # created 0o600 at most (umask), never followed
                handle.write(header + pickled.getvalue())
            os.replace(temporary, entry)  # readers see the old entry or the new, never half of one
        finally:
            temporary.unlink(missing_ok=True)
    except Exception:  # noqa: BLE001 - the cache only saves time; never fail a run over it
        return


class _ModuleRecorder(pickle.Pickler):
    """Pickles, noting the module of every class and function it meets on the way."""

    def __init__(self, file: io.BytesIO):
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.modules: set[str] = set()

    def reducer_override(self, obj: Any) -> Any:
        if isinstance(obj, type) or callable(obj):
            module = getattr(obj, "__module__", None)
            if isinstance(module, str):
                self.modules.add(module)
        return NotImplemented  # pickle it as usual


def _may_change(module: str) -> bool:
    """A module whose source can change under one set of versions (not pydantic's, not Python's)."""
    return module.partition(".")[0] not in sys.stdlib_module_names and not module.startswith(("pydantic", "builtins"))


#: module -> hash of its source, once per process (Plan's entry and a pack's may share modules)
_hashed: dict[str, str] = {}


def _source_hash(module: str) -> str | None:
    """The hash of a loaded module's source file; None when it is not loaded or has no .py file."""
    digest = _hashed.get(module)
    if digest is None:
        found = sys.modules.get(module)
        origin = getattr(getattr(found, "__spec__", None), "origin", None)
        if not origin or not origin.endswith(".py"):
            return None  # not remembered: the module may be loaded later
        try:
            digest = _hashed[module] = hashlib.sha256(Path(origin).read_bytes()).hexdigest()
        except OSError:
            return None
    return digest


def _trusted(path: Path) -> bool:
    """Ours, and nobody else may write to it (a pickle is code)."""
    if os.name == "nt":
        return True  # the user's own LOCALAPPDATA
    status = path.lstat()
    return status.st_uid == os.getuid() and not status.st_mode & 0o022 and not path.is_symlink()


__all__ = ["cache_folder", "validate"]
