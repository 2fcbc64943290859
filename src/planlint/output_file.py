"""Writing the files planlint makes: reports (``check -o``, ``report --html``), the schema, a new plan.

Every command that writes a file goes through ``write_file``:

* it never writes over a plan, neither one being checked (``check plan.yaml -o
  plan.yaml``) nor any other YAML file that holds a plan (``schema -o plan.yaml``);
* it writes atomically: the text goes to a temporary file in the target's
  folder, which then replaces the target (``os.replace``), so an interrupted
  or out-of-space write leaves the old file as it was, never a truncated one;
* with ``new=True`` (``init``) it replaces nothing at all.
"""

from __future__ import annotations

import os
import re
import secrets
import stat
from pathlib import Path
from typing import Callable, Iterable, TextIO

#: A YAML file that holds a plan: one of the plan's top-level keys at the start of a line.
_PLAN_KEY = re.compile(r"^(?:plan|parter|afdelinger|indsatsområder)\s*:", re.MULTILINE)


def looks_like_a_plan(path: Path) -> bool:
    """A ``*.yaml``/``*.yml`` file whose first 64 kB have a plan's top-level key."""
    if path.suffix.lower() not in (".yaml", ".yml"):
        return False
    try:
        with open(path, "rb") as handle:
            head = handle.read(65536).decode("utf-8", "replace")
    except OSError:
        return False
    return _PLAN_KEY.search(head) is not None


def refuse_to_overwrite_a_plan(target: Path, plans: Iterable[Path] = ()) -> None:
    """``UsageError`` when ``target`` (``--output``, ``--html``, ``schema -o``) is a plan file.

    planlint never writes to a plan file: ``check plan.yaml -o plan.yaml``
    would replace the plan by the report.
    """
    from .errors import UsageError

    if not target.exists():
        return
    for plan in plans:
        try:
            same = os.path.samefile(target, plan)
        except OSError:  # a dangling link, a file gone: not the target
            continue
        if same:
            raise UsageError(
                f"'{target}' er en af de planer, der kontrolleres; planlint skriver aldrig i en planfil.",
                f"'{target}' is one of the plans being checked; planlint never writes to a plan file.")
    if looks_like_a_plan(target):
        raise UsageError(
            f"'{target}' er en plan (en YAML-fil med planens nøgler); planlint skriver aldrig i en planfil.",
            f"'{target}' is a plan (a YAML file with a plan's keys); planlint never writes to a plan file.")


def write_file(target: Path, write: Callable[[TextIO], None], *, plans: Iterable[Path] = (),
               new: bool = False, fixing_the_plan: bool = False, what: tuple[str, str] = ("Filen", "The file")) -> None:
    """Write ``target`` (UTF-8, ``\\n`` line ends) by ``write(stream)``, atomically and never over a plan.

    ``new``: ``FileExistsError`` when ``target`` exists (nothing is replaced).
    ``fixing_the_plan``: ``check --fix`` rewriting a plan, the one write that may replace one.
    ``what`` names the file in an error ("Rapporten", "The report"): a
    ``UsageError`` saying why the file cannot be written.
    """
    from .errors import UsageError
    from .oserrors import reason

    if not new and not fixing_the_plan:  # a new file replaces nothing, a plan least of all
        refuse_to_overwrite_a_plan(target, plans)
    real = Path(os.path.realpath(target))  # through a symlink: the link keeps pointing at the new text
    temporary = real.parent / f".{real.name}.{secrets.token_hex(4)}.tmp"
    try:
        try:
            # 0o666 less the umask, as open() gives a new file (a temporary file would be 0o600)
            handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            with open(handle, "w", encoding="utf-8", newline="") as stream:
                write(stream)
                stream.flush()
                os.fsync(stream.fileno())
            if new:
                _link_new(temporary, real)
            else:
                if real.exists():
                    os.chmod(temporary, stat.S_IMODE(real.stat().st_mode))
                os.replace(temporary, real)
        except OSError as exc:
            if new and isinstance(exc, FileExistsError):
                raise
            da, en = reason(exc)
            raise UsageError(f"{what[0]} kan ikke skrives til '{target}': {da}.",
                             f"{what[1]} cannot be written to '{target}': {en}.") from None
    finally:
        try:
            os.unlink(temporary)
        except OSError:
            pass  # replaced (gone) or never made


def _link_new(temporary: Path, target: Path) -> None:
    """Give the written file its name only if that name is free (no check-then-write race)."""
    try:
        os.link(temporary, target)  # FileExistsError when it exists
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: check, then rename
        if os.path.lexists(target):
            raise FileExistsError(target) from None
        os.replace(temporary, target)
