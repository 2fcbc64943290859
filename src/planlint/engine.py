"""The lint run: files -> documents -> plugins -> findings, one way.

``Linter`` holds what a run shares (plugins, rule packs, command-line
overrides); ``Linter.lint_file`` lints one file and never raises for
anything a plan file can contain.
"""

from __future__ import annotations

import gc
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Mapping

from .config import Overrides, Settings, check_overrides, check_selectors, settings_for_dir
from .errors import UsageError
from .findings import FileResult, Finding, Message, Severity
from .load import is_plan_file, load_bytes, load_file, load_text, read_at_most
from .output_file import refuse_to_overwrite_a_plan  # noqa: F401 - the commands import it from here
from .plugin_run import run_plugins
from .plugins import Registry, build_registry
from .rulepack import PackError, PackShelf, RulePack
from .startup import resume_gc
from .suppress import apply_suppressions

#: The path that means "read the plan from standard input".
STDIN = "-"

#: Folders never searched for plans (version control, environments, caches).
SKIP_DIRS = {"node_modules", "__pycache__", "venv", "site-packages"}


def collect_files(paths: Iterable[str]) -> list[Path]:
    """The plan files named, with every ``*.yaml``/``*.yml`` below a named folder.

    Folders are walked without following symlinks (no loops) and hidden
    folders (``.git``, ``.venv``) and files are skipped, as are pipes, sockets
    and devices (reading one could block forever).  A folder that cannot be
    read is returned as a path, so it is reported, not silently skipped.  A
    named path that does not exist is a ``UsageError``.
    """
    found: list[Path] = []
    seen: set[Path] = set()

    def unreadable(error: OSError) -> None:
        if error.filename is not None:
            found.append(Path(os.fsdecode(error.filename)))

    for name in paths:
        if name == STDIN:
            continue  # read by Linter.lint_paths, in its place
        path = Path(name)
        if path.is_dir():
            for folder, dirnames, filenames in os.walk(path, onerror=unreadable, followlinks=False):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in SKIP_DIRS)
                for filename in sorted(filenames):
                    candidate = Path(folder) / filename
                    if (not filename.startswith(".") and is_plan_file(candidate) and candidate not in seen
                            and not _is_special(candidate)):
                        seen.add(candidate)
                        found.append(candidate)
        elif path.exists() or path.is_symlink():
            if path not in seen:
                seen.add(path)
                found.append(path)
        else:
            raise UsageError(f"Stien '{name}' findes ikke.", f"The path '{name}' does not exist.")
    return found


def require_plans(files: list[Path], paths: Iterable[str]) -> None:
    """``UsageError`` when the paths hold no plan file (and ``-`` is not among them).

    ``check`` and ``report`` alike: a run that checked nothing must not pass.
    """
    names = list(paths)
    if not files and STDIN not in names:
        shown = ", ".join(names)
        raise UsageError(f"Der er ingen planfiler (*.yaml, *.yml) at kontrollere i {shown}.",
                         f"There are no plan files (*.yaml, *.yml) to check in {shown}.")


def _is_special(path: Path) -> bool:
    """A pipe, socket or device (through symlinks); a path that cannot be stat'ed is not."""
    try:
        mode = path.stat().st_mode
    except OSError:  # a dangling symlink or a loop: kept, and reported when read
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


@dataclass(eq=False)  # a service, equal only to itself
class Linter:
    overrides: Overrides = field(default_factory=Overrides)
    registry: Registry | None = None
    packs: Mapping[str, RulePack] | None = None
    packs_dir: str | None = None
    backend: str | None = None
    base_settings: Settings | None = None  # from --config; else found per file
    #: found configuration per folder, so a folder of 5.000 plans reads its configuration once
    _folder_settings: dict[str, Settings] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if self.registry is None:
            self.registry = build_registry()
        if self.packs is None:
            self.packs = PackShelf(self.packs_dir, sections=self.registry.pack_sections())
        # a selector that names no rule would silently switch rules off (or nothing): exit 2 instead
        check_overrides(self.overrides, self.registry.rules)
        if self.base_settings is not None:
            check_selectors(self.base_settings, self.registry.rules)
        resume_gc()  # start-up is over (startup.py)

    def settings_for(self, path: Path) -> Settings:
        base = self.base_settings
        if base is None:
            # os.path.realpath, unlike Path.resolve on Python 3.11, does not raise on a symlink loop
            folder = os.path.dirname(os.path.realpath(path))
            base = self._folder_settings.get(folder)
            if base is None:
                base = self._folder_settings[folder] = settings_for_dir(Path(folder))
                assert self.registry is not None
                check_selectors(base, self.registry.rules)
        return self.overrides.apply(base)

    def lint_paths(self, paths: Iterable[str], stdin_name: str | None = None,
                   files: list[Path] | None = None, jobs: int = 1) -> Iterator[FileResult]:
        """Lint files and folders; ``-`` reads one plan from standard input.

        ``stdin_name`` is the file the text on standard input stands for (an
        editor's unsaved buffer): it is shown in the output and its folder's
        configuration applies.  ``files`` is ``collect_files(paths)`` when the
        caller already has it (the folders are then not walked twice).

        Results come in file order, each holding its findings and the source
        lines they point at, not the parsed plan: a run's memory does not grow
        with its plans.  ``jobs`` above 1 lints in that many worker processes
        (see ``parallel``); the results are the same as a serial run's.
        """
        names = list(paths)
        if files is None:
            files = collect_files(names)  # every path checked before anything is linted
        global _FROZEN
        if len(files) > 1 and not _FROZEN:
            # plugins, rule packs and models live as long as the run: out of the
            # garbage collector's way, which otherwise walks them again and again
            # (once per process: what a freeze holds is never collected)
            gc.freeze()
            _FROZEN = True
        if jobs > 1 and len(files) >= PARALLEL_MIN_FILES:
            from .parallel import in_workers, usable

            if usable():
                yield from in_workers(lambda path: released(self.lint_file(path)), files, jobs)
                files = []
        for path in files:
            yield released(self.lint_file(path))
        if STDIN in names:
            yield released(self.lint_stdin(stdin_name))

    def lint_stdin(self, name: str | None = None) -> FileResult:
        import sys

        shown = name or "<stdin>"
        settings = self.settings_for(Path(name) if name else Path.cwd() / "stdin.yaml")
        try:
            raw = read_at_most(sys.stdin.buffer, settings.max_file_size + 1)
            document = load_bytes(raw, shown, settings.max_file_size, self.backend)
            return self._finish(document, settings)
        except PackError:
            raise
        except Exception as exc:  # noqa: BLE001 - as in lint_file
            return _internal_error(shown, exc, settings)

    def lint_file(self, path: Path, display: str | None = None) -> FileResult:
        settings = self.settings_for(path)  # an invalid configuration stops the run (exit 2)
        shown = display or _display(path)
        try:
            document = load_file(path, shown, settings.max_file_size, self.backend)
            return self._finish(document, settings)
        except PackError:
            raise  # the installation is broken, not this file: exit 2 (docs/output.md)
        except Exception as exc:  # noqa: BLE001 - a bug in planlint must not cost the other files their findings
            return _internal_error(shown, exc, settings)

    def lint_text(self, text: str, display: str = "<plan>", settings: Settings | None = None) -> FileResult:
        """Lint plan text that is not in a file (tests, editors, ``-``)."""
        effective = self.overrides.apply(settings or Settings())
        try:
            document = load_text(text, display, self.backend)
            return self._finish(document, effective)
        except PackError:
            raise
        except Exception as exc:  # noqa: BLE001 - as in lint_file
            return _internal_error(display, exc, effective)

    def _finish(self, document, settings: Settings) -> FileResult:
        assert self.registry is not None and self.packs is not None
        findings = list(document.findings)
        plan = document.plan
        pulje = plan.pulje_name if plan is not None else None
        if plan is not None:
            pack = self.packs.get(pulje) if pulje else None
            findings.extend(run_plugins(self.registry, plan, document, pack, settings))
        result = FileResult(path=document.path, pulje=pulje, document=document, fail_on=settings.fail_on,
                            lang=settings.lang)
        result.findings = self._complete(findings, document, settings)
        result.rules_run = sorted(code for code in self.registry.rules if settings.selects(code))
        return result

    def _complete(self, findings: list[Finding], document, settings: Settings) -> list[Finding]:
        """Fill in plugin, severity and position; apply the configuration; sort."""
        assert self.registry is not None
        rules = self.registry.rules
        done: list[Finding] = []
        for finding in findings:
            rule = rules.get(finding.code)
            if rule is None:
                finding = Finding(
                    code="PLN022", path=finding.path, plugin="core",
                    message=Message(
                        f"Pluginet '{finding.plugin}' rapporterede koden {finding.code}, som intet plugin har oplyst: "
                        f"{finding.message.da}",
                        f"The plugin '{finding.plugin}' reported the code {finding.code}, which no plugin declared: "
                        f"{finding.message.en}"))
                rule = rules["PLN022"]
            if not settings.selects(finding.code):
                continue
            severity = settings.severity_of(finding.code, finding.severity or rule.severity)
            line, column = finding.line, finding.column
            if line is not None and document.text and not 1 <= line <= len(document.lines):
                line, column = None, None  # a plugin's line outside the file: place it by its path
            if line is None and document.root is not None:
                line, column = document.locate(finding.path)
            elif line is None and document.text:
                line, column = 1, 1
            if line is not None and column is None:
                column = 1  # a plugin that gave the line only (docs/output.md: null only for an unread file)
            done.append(finding.with_(severity=severity, line=line, column=column,
                                      plugin=finding.plugin or rule.plugin))
        if settings.suppress and document.text:
            done = apply_suppressions(done, document.text, settings, rules)
        done.sort(key=Finding.sort_key)
        return done


_FROZEN = False

#: Fewer files than this are linted serially: starting workers would cost more than it saves.
PARALLEL_MIN_FILES = 8


@dataclass(slots=True)
class SourceLines:
    """What the output needs of a linted file's text: the lines its findings point at."""

    path: str
    at: dict[int, str] = field(default_factory=dict)

    def line_text(self, line: int | None) -> str:
        return self.at.get(line, "") if line is not None else ""


def released(result: FileResult) -> FileResult:
    """The result without its parsed plan (text, nodes, model): only findings and their lines."""
    document = result.document
    if document is not None and not isinstance(document, SourceLines):
        at = {}
        for finding in result.findings:
            if finding.line is not None and finding.line not in at:
                at[finding.line] = document.line_text(finding.line)
        result.document = SourceLines(document.path, at)
    return result


def _display(path: Path) -> str:
    """Paths as the user gave them, with ``/`` separators, for stable output.

    A file name that is not valid UTF-8 (say Latin-1 bytes from an old zip) is
    shown with U+FFFD for the bad bytes: it could not be printed otherwise.
    """
    return path.as_posix().encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _internal_error(shown: str, exc: Exception, settings: Settings) -> FileResult:
    """The result of a file planlint itself failed on: one PLN019 finding."""
    detail = f"{type(exc).__name__}: {exc}"[:300]
    finding = Finding(
        code="PLN019", severity=Severity.ERROR, plugin="core", line=1, column=1,
        message=Message(f"planlint fejlede internt på denne fil ({detail}); meld det gerne som en fejl.",
                        f"planlint failed internally on this file ({detail}); please report it as a bug."))
    return FileResult(path=shown, findings=[finding], fail_on=settings.fail_on, lang=settings.lang)


def output_lang(langs: Iterable[str], overrides: Overrides, base: Settings | None = None) -> str:
    """The language of a run's output.

    The files' own (``--lang``, ``--config``, or the configuration found above
    each plan) when they agree; otherwise, or with no files, the configuration
    of the working directory's.
    """
    found = set(langs)
    if len(found) == 1:
        return found.pop()
    return overrides.apply(base or settings_for_dir(Path.cwd())).lang


def exit_status(results: Iterable[FileResult]) -> int:
    """0 when no finding reaches its file's ``--fail-on`` level, else 1 (docs/output.md)."""
    return 1 if any(result.fails(f) for result in results for f in result.findings) else 0
