"""The start-up cache: pydantic's compiled validators, the validated rule packs, the plugin list (issue 16).

Building the validator of the plan model is the largest single cost of a cold
``planlint check`` after importing pydantic itself: pydantic walks every
annotation of ~30 models in Python and hands the result to pydantic-core
(about 0.08 s of CPU, a fifth of a one-plan run).  The models are therefore
declared with ``defer_build=True`` and validated through :func:`validate`,
which keeps the compiled ``SchemaValidator`` in the user's cache folder and
loads it in about a millisecond.  A model used any other way (a plugin calling
``Plan.model_validate``, ``planlint schema``) builds itself as pydantic always
does, so the cache changes no behaviour, only the time.

:func:`load` keeps other values that take long to make and little to load the
same way: a rule pack, read, merged with the pack it extends and validated
(10 ms), loads in half a millisecond; so does the list of installed plugins
(``plugin_finder``).

What invalidates an entry:

* the planlint, pydantic, pydantic-core and Python versions are part of its
  file name;
* the entry records the source of every module outside pydantic and the
  standard library that its value refers to (the model's own module,
  ``scalars``, ``format11``, a plugin's pack section), as a hash, and is
  not used when one of them changed: a model edited in a checkout rebuilds;
* a value made from files (a rule pack) records a hash of those files' bytes,
  and is not used when one of them changed.

Where: ``$PLANLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/planlint``, else
``~/.cache/planlint`` (``%LOCALAPPDATA%\\planlint`` on Windows).
``PLANLINT_NO_CACHE=1`` turns it off.  An entry is a pickle, so it is read
only from a folder and file that belong to the current user and that nobody
else may write to (the trust given to ``__pycache__``).  Any failure to read
or write is a cache miss: the run goes on with a freshly built value.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import sys
from pathlib import Path
from typing import Any, Callable, Iterable, TypeVar

T = TypeVar("T")

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
    def build() -> Any:
        # a model declared with defer_build builds itself on first use; ask for it
        model.__pydantic_validator__.validate_python  # type: ignore[attr-defined]  # noqa: B018
        return model.__pydantic_validator__  # type: ignore[attr-defined]

    return load(f"{model.__module__}.{model.__qualname__}", b"", build)


def load(name: str, key: bytes, build: Callable[[], T], watch: Iterable[str] = ()) -> T:
    """What ``build()`` returns, from the entry ``name`` when that was built from the same ``key``.

    ``key`` holds what the value is made of besides code (the bytes of the
    files it was read from); the code is watched through the modules the
    value's pickle refers to, and the modules named in ``watch`` (code that
    made the value without being part of it, such as a parser).  An exception
    from ``build`` is raised as it is, and nothing is written.
    """
    folder = cache_folder()
    entry = folder / _entry_name(name) if folder is not None else None
    digest = hashlib.sha256(key).hexdigest()
    if entry is not None:
        found = _read(entry, digest)
        if found is not None:
            return found
    value = build()
    if entry is not None:
        _write(entry, digest, value, watch)
    return value


def _entry_name(name: str) -> str:
    import pydantic
    import pydantic_core

    from . import __version__

    versions = f"{__version__} {pydantic.VERSION} {pydantic_core.__version__} {sys.version}"
    shown = "".join(c if c.isalnum() or c in "._-" else "_" for c in name)[:80]
    return f"{shown}-{hashlib.sha256(f'{versions} {name}'.encode()).hexdigest()[:20]}.pickle"


def _read(entry: Path, key_digest: str) -> Any:
    try:
        if not (_trusted(entry.parent) and _trusted(entry)):
            return None
        with entry.open("rb") as handle:
            # first (the key's hash, {module: source hash}), then the value
            written_key, sources = pickle.load(handle)
            if written_key != key_digest or not isinstance(sources, dict) or not sources or any(
                    _source_hash(name) != digest for name, digest in sources.items()):
                return None
            return pickle.load(handle)
    except Exception:  # noqa: BLE001 - an unreadable entry is a miss, whatever the reason
        return None


def _write(entry: Path, key_digest: str, value: Any, watch: Iterable[str]) -> None:
    try:
        pickled = io.BytesIO()
        recorder = _ModuleRecorder(pickled)
        recorder.dump(value)
        sources = {name: _source_hash(name) for name in (recorder.modules | set(watch)) if _may_change(name)}
        if not sources or None in sources.values():
            return  # no module of its own to watch, or one without a source file: never stale-proof
        header = pickle.dumps((key_digest, sources), protocol=pickle.HIGHEST_PROTOCOL)
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


__all__ = ["cache_folder", "load", "validate"]
