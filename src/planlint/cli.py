"""The command line: ``planlint check|report|rules|explain|schema|init``.

Every failure ends in one sentence and an exit status from docs/output.md: 0 no
finding at the ``--fail-on`` level, 1 findings, 2 the command could not do its
job.  Heavy modules (pydantic, rich) are imported inside the commands that
need them, so ``planlint --version`` and ``--help`` start fast.
"""

# No ``from __future__ import annotations`` here: typer reads every command's
# annotations on each run, and string annotations would be compiled first.
import os
import sys
from enum import Enum
from pathlib import Path
from typing import List, NamedTuple, NoReturn, Optional

import typer

from . import __version__

app = typer.Typer(
    name="planlint",
    help="Linter for boligsociale helhedsplaner (Landsbyggefonden). / Linter for Danish social-housing plans.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class Format(str, Enum):
    rich = "rich"
    text = "text"
    json = "json"
    sarif = "sarif"
    junit = "junit"
    github = "github"
    markdown = "markdown"


class ShownLevel(str, Enum):
    warning = "warning"
    error = "error"


class Lang(str, Enum):
    da = "da"
    en = "en"


class Level(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


def fail(da: str, en: str, lang: str | None) -> NoReturn:
    """One sentence on stderr and exit status 2."""
    from .escape import visible  # the sentence may quote a file name or a configuration value

    typer.echo(f"planlint: {visible(en if lang == 'en' else da)}", err=True)
    raise typer.Exit(2)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"planlint {__version__}")
        raise typer.Exit(0)


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Vis versionen og afslut. / Show the version and exit."),
) -> None:
    """planlint: lint boligsociale helhedsplaner before they go to Landsbyggefonden."""


def _known_errors() -> tuple[type[BaseException], ...]:
    """The failures that have their own sentence (exit 2).  Never raises: it is
    evaluated while an exception is being handled, and a planlint that cannot
    even import itself must still end in one sentence."""
    try:
        from .errors import UsageError  # ConfigError, PackError and PluginLoadError are UsageErrors
    except Exception:  # noqa: BLE001 - the generic "internal error" sentence follows
        return ()
    return (UsageError,)


#: The shell's exit status for a run ended by Ctrl-C (128 + SIGINT).
INTERRUPTED = 130


def interrupted(lang: str | None) -> NoReturn:
    """Ctrl-C: one line and exit status 130; a run that did not finish never exits 0."""
    typer.echo(f"planlint: {'interrupted.' if lang == 'en' else 'afbrudt.'}", err=True)
    raise typer.Exit(INTERRUPTED)


def guarded(lang: str | None, func, *args, **kwargs):  # type: ignore[no-untyped-def]
    """Run a command body; known failures and bugs alike end in one sentence."""
    import signal
    import threading

    if (threading.current_thread() is threading.main_thread()
            and signal.getsignal(signal.SIGINT) is not signal.SIG_IGN):  # nohup, a background job: keep ignoring
        # from here Ctrl-C raises KeyboardInterrupt, so a half-written file is removed on the way out
        signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        return func(*args, **kwargs)
    except typer.Exit:
        raise
    except _known_errors() as exc:
        fail(exc.da, exc.en, lang)  # type: ignore[attr-defined]
    except KeyboardInterrupt:
        interrupted(lang)
    except BrokenPipeError:
        os._exit(1)  # the reader went away (| head); nothing more to say
    except Exception as exc:  # a bug in planlint: still one sentence, never a traceback
        fail(f"intern fejl i planlint ({type(exc).__name__}: {exc}); meld den gerne som en fejl.",
             f"internal error in planlint ({type(exc).__name__}: {exc}); please report it as a bug.", lang)


def cli_lang(lang: Optional[Lang]) -> str | None:
    """``--lang``, else ``PLANLINT_LANG``; a language planlint does not have is a usage error."""
    if lang is not None:
        return lang.value
    chosen = os.environ.get("PLANLINT_LANG") or None
    if chosen is not None and chosen not in (Lang.da.value, Lang.en.value):
        fail(f"PLANLINT_LANG='{chosen}' er ikke et sprog, planlint taler; brug da eller en.",
             f"PLANLINT_LANG='{chosen}' is not a language planlint speaks; use da or en.", "da")
    return chosen


@app.command()
def check(
    paths: List[str] = typer.Argument(..., help="Planfiler eller mapper. / Plan files or folders."),
    format: Optional[Format] = typer.Option(None, "--format", "-f",
                                            help="rich (terminal), text, json, sarif, junit, github, markdown."),
    lang: Optional[Lang] = typer.Option(None, "--lang", help="Sprog for meddelelser. / Message language."),
    fail_on: Optional[Level] = typer.Option(None, "--fail-on", help="Laveste niveau, der giver exit 1."),
    select: Optional[str] = typer.Option(None, "--select", help="Kun disse koder/præfikser, fx COF,SUC001."),
    ignore: Optional[str] = typer.Option(None, "--ignore", help="Udelad disse koder/præfikser."),
    config: Optional[Path] = typer.Option(None, "--config", help="Brug denne konfigurationsfil."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Skriv rapporten til en fil."),
    max_file_size: Optional[int] = typer.Option(None, "--max-file-size", help="Største planfil i byte (højst 100000000)."),
    plugin_timeout: Optional[float] = typer.Option(None, "--plugin-timeout", min=0.001,
                                                   help="Sekunder et plugin må bruge pr. plan."),
    rule_packs: Optional[Path] = typer.Option(None, "--rule-packs", help="Mappe med regelpakker i stedet for de indbyggede."),
    parser: Optional[str] = typer.Option(None, "--parser", help="YAML-parser: libyaml eller ruamel (standard: hurtigste)."),
    no_suppress: bool = typer.Option(False, "--no-suppress",
                                     help="Se bort fra '# planlint: disable=...' i planerne. / Ignore suppression comments."),
    stdin_filename: Optional[str] = typer.Option(None, "--stdin-filename",
                                                 help="Navnet på planen, der læses fra '-' (standard input)."),
    summary: bool = typer.Option(False, "--summary",
                                 help="Slut formatet text med optællingen. / End the text format with the counts."),
    fix: bool = typer.Option(False, "--fix", help="Ret de sikre fund i planfilerne. / Apply the certain fixes."),
    diff: bool = typer.Option(False, "--diff", help="Vis rettelserne som diff uden at skrive. / Show fixes as a diff."),
    watch: bool = typer.Option(False, "--watch", help="Kontrollér igen ved hver gemning. / Re-check on save."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1,
                                       help="Parallelle processer (standard: maskinens kerner; 1: ingen). / Worker processes."),
    show_all: bool = typer.Option(False, "--show-all",
                                  help="rich: vis hver forekomst fuldt ud. / rich: show every occurrence in full."),
    statistics: bool = typer.Option(False, "--statistics",
                                    help="Én linje pr. regel med antal, niveau og titel. / One line per rule code."),
    min_severity: Optional[ShownLevel] = typer.Option(
        None, "--min-severity", help="Skjul lavere fund i visningen (exit-status uændret). / Hide lower findings."),
) -> None:
    """Lint plan files. / Kontrollér planfiler. ('-' reads a plan from standard input.)"""
    language = cli_lang(lang)
    options = CheckOptions(
        paths=paths, format=format.value if format else None, lang=language,
        fail_on=fail_on.value if fail_on else None, select=select, ignore=ignore, config=config, output=output,
        max_file_size=max_file_size, plugin_timeout=plugin_timeout, rule_packs=rule_packs, parser=parser,
        no_suppress=no_suppress, stdin_filename=stdin_filename, summary=summary, fix=fix, diff=diff, jobs=jobs,
        show_all=show_all, statistics=statistics, min_severity=min_severity.value if min_severity else None)
    if watch:
        from .watch import watch_and_check

        raise typer.Exit(guarded(language, watch_and_check, paths, language, fix or diff or output is not None,
                                 lambda: _check(options), _known_errors()))
    raise typer.Exit(guarded(language, _check, options))


class CheckOptions(NamedTuple):
    """What ``planlint check`` was asked to do: its arguments and options as given (None: not given).

    A named tuple, not a frozen dataclass: as immutable, and a dataclass with
    this many fields costs the start of every run 3 ms to create (Python 3.11).
    """

    paths: list[str]
    format: str | None = None
    lang: str | None = None
    fail_on: str | None = None
    select: str | None = None
    ignore: str | None = None
    config: Path | None = None
    output: Path | None = None
    max_file_size: int | None = None
    plugin_timeout: float | None = None
    rule_packs: Path | None = None
    parser: str | None = None
    no_suppress: bool = False
    stdin_filename: str | None = None
    summary: bool = False
    fix: bool = False
    diff: bool = False
    jobs: int | None = None  # None: the machine's cores (parallel.default_jobs)
    # how the findings are shown (never what is found, nor the exit status)
    show_all: bool = False
    statistics: bool = False
    min_severity: str | None = None


def _check(options: CheckOptions) -> int:
    """Lint the plans and write the report; the exit status."""
    from .config import load_config_file
    from .engine import STDIN, Linter, collect_files, exit_status, refuse_to_overwrite_a_plan, require_plans

    _refuse_meaningless_options(options)
    overrides = _overrides(options)
    files = collect_files(options.paths)  # a path that does not exist stops here, before any work
    require_plans(files, options.paths)  # a run that checks nothing must not pass
    # the file the text on standard input stands for (an editor's buffer) is a plan too
    named = [Path(options.stdin_filename)] if options.stdin_filename and STDIN in options.paths else []
    if options.output is not None:  # before the run, so a long run does not end in this
        refuse_to_overwrite_a_plan(options.output, files + named)
    base = load_config_file(options.config) if options.config else None
    linter = Linter(overrides=overrides, packs_dir=str(options.rule_packs) if options.rule_packs else None,
                    backend=options.parser, base_settings=base)
    jobs = options.jobs
    if jobs is None:
        from .parallel import default_jobs

        jobs = default_jobs()
    chosen = _chosen_format(options)
    # a line format is written file by file, unless the whole run is needed first (fixes, statistics)
    if (chosen in STREAMED and options.output is None and not (options.fix or options.diff or options.statistics)
            and options.min_severity is None):
        return _check_streamed(linter, options, files, jobs, chosen, overrides, base)
    linted = linter.lint_paths(options.paths, options.stdin_filename, files, jobs=jobs)
    if len(files) >= PROGRESS_MIN_FILES and sys.stderr.isatty():
        linted = _with_progress(linted, len(files) + (STDIN in options.paths), options.lang)
    results = list(linted)  # each released (findings and their lines; no plan): fix.py reads the files again
    if options.fix or options.diff:
        from .fix import checked_roots, fix_results, unified_diff

        results, fixed, outside = fix_results(linter, files, results, checked_roots(options.paths), write=options.fix)
        _say_fixes(fixed, outside, options.fix, options.lang)
        if options.diff:
            for one in fixed:
                sys.stdout.write(unified_diff(one.display, one.before, one.after))
            return 1 if fixed else 0
    _write_report(results, options, linter, overrides, base, files + named)
    return exit_status(results)


def _chosen_format(options: CheckOptions) -> str:
    """``--format``, or rich on a terminal and text otherwise."""
    return options.format or ("rich" if sys.stdout.isatty() and options.output is None else "text")


def _refuse_meaningless_options(options: CheckOptions) -> None:
    """``UsageError`` for options that cannot do anything here (no silent pass)."""
    from .engine import STDIN
    from .errors import UsageError
    from .yamlparse import available_backends

    if options.stdin_filename is not None and STDIN not in options.paths:
        raise UsageError("--stdin-filename navngiver planen på standard input; angiv også '-' som sti.",
                         "--stdin-filename names the plan on standard input; give '-' as a path too.")
    if (options.fix or options.diff) and STDIN in options.paths:
        raise UsageError("--fix og --diff retter filer; de kan ikke bruges med '-' (standard input).",
                         "--fix and --diff work on files; they cannot be used with '-' (standard input).")
    if options.fix and options.diff:
        raise UsageError("Vælg --fix (skriv rettelserne) eller --diff (vis dem), ikke begge.",
                         "Choose --fix (write the fixes) or --diff (show them), not both.")
    if options.summary and options.format not in (None, "text", "rich"):
        raise UsageError(f"--summary gælder formatet text (rich viser altid optællingen), ikke {options.format}.",
                         f"--summary applies to the text format (rich always shows the counts), not {options.format}.")
    from .config import LARGEST_FILE_SIZE

    size = options.max_file_size
    if size is not None and not 1 <= size <= LARGEST_FILE_SIZE:
        raise UsageError(f"--max-file-size skal være et antal byte fra 1 til {LARGEST_FILE_SIZE}, ikke {size}.",
                         f"--max-file-size must be a number of bytes from 1 to {LARGEST_FILE_SIZE}, not {size}.")
    if options.show_all and options.format not in (None, "rich"):
        raise UsageError(f"--show-all gælder kun formatet rich; --format {options.format} viser altid alle fund.",
                         f"--show-all applies to the rich format only; --format {options.format} always shows "
                         "every finding.")
    if options.statistics and options.format not in (None, "text", "rich", "json"):
        raise UsageError(f"--statistics skriver tekst eller json; brug --format text eller json, ikke {options.format}.",
                         f"--statistics writes text or json; use --format text or json, not {options.format}.")
    parser = options.parser
    if parser is not None and parser not in available_backends():
        raise UsageError(f"Parseren '{parser}' findes ikke her; vælg en af: {', '.join(available_backends())}.",
                         f"The parser '{parser}' is not available; choose one of: {', '.join(available_backends())}.")


def _overrides(options: CheckOptions):  # type: ignore[no-untyped-def]
    """The command line's part of the settings (it wins over the configuration files)."""
    from .config import Overrides, parse_codes
    from .findings import Severity

    return Overrides(
        select=parse_codes(options.select) if options.select is not None else None,
        ignore=parse_codes(options.ignore) if options.ignore is not None else None,
        fail_on=Severity(options.fail_on) if options.fail_on else None,
        lang=options.lang,
        max_file_size=options.max_file_size,
        plugin_timeout=options.plugin_timeout,
        suppress=False if options.no_suppress else None,
    )


def _write_report(results, options: CheckOptions, linter, overrides, base, plans) -> None:  # type: ignore[no-untyped-def]
    """The report in the chosen format, on standard output or in ``--output``."""
    from .engine import output_lang
    from .formatters import FormatOptions, get_writer

    output = options.output
    chosen = _chosen_format(options)
    format_options = FormatOptions(
        lang=output_lang((result.lang for result in results), overrides, base),
        color=sys.stdout.isatty() and output is None and "NO_COLOR" not in os.environ,
        tool_version=__version__,
        rules=dict(linter.registry.rules) if linter.registry else {},
        to_file=output is not None,
        summary=options.summary,
        show_all=options.show_all,
    )
    if options.min_severity is not None:  # the exit status is already decided, from every finding
        from .findings import Severity
        from .formatters import at_least

        results = at_least(results, Severity(options.min_severity))
    if options.statistics:
        from .formatters.statistics import write as write_statistics

        as_json = chosen == "json"
        write = lambda r, o, s: write_statistics(r, o, s, as_json=as_json)  # noqa: E731
    else:
        write = get_writer(chosen)
    if output is None:
        write(results, format_options, sys.stdout)
        return
    _write_file(output, write, results, format_options, plans)
    if sys.stdout.isatty():
        # the report went to the file; the person at the terminal still sees the counts
        from dataclasses import replace

        from .formatters.rich_format import write_summary

        write_summary(results, replace(format_options, color="NO_COLOR" not in os.environ, to_file=False),
                      sys.stdout, str(output))


def _say_fixes(fixed, outside, wrote: bool, language) -> None:  # type: ignore[no-untyped-def]
    """One line on stderr: what --fix fixed or --diff would fix, and files a symlink kept out."""
    count = sum(len(one.fixed) for one in fixed)
    files = len(fixed)
    for name in outside:
        from .escape import visible

        typer.echo(f"planlint: {visible(name)}: " + (
            "not fixed: the symlink leads out of the checked folders." if language == "en"
            else "ikke rettet: symlinket fører uden for de kontrollerede mapper."), err=True)
    if language == "en":
        what = f"{count} finding{'s' * (count != 1)} in {files} file{'s' * (files != 1)}"
        said = f"fixed {what}." if wrote else (f"{what} can be fixed with --fix." if count else "nothing to fix.")
    else:
        what = f"{count} fund i {files} {'fil' if files == 1 else 'filer'}"
        said = f"rettede {what}." if wrote else (f"{what} kan rettes med --fix." if count else "intet at rette.")
    typer.echo(f"planlint: {said}", err=True)


#: From this many files on, ``check`` shows a progress bar on a terminal's stderr (never in a pipe).
PROGRESS_MIN_FILES = 20


def _with_progress(results, total: int, language: str | None):  # type: ignore[no-untyped-def]
    from rich.console import Console
    from rich.progress import track

    console = Console(file=sys.stderr, no_color="NO_COLOR" in os.environ)
    return track(results, total=total, console=console, transient=True,
                 description="Checking plans" if language == "en" else "Kontrollerer planer")


#: Formats of one finding a line: written as each file is done, so a run keeps no findings.
STREAMED = ("text", "github")


def _check_streamed(linter, options: CheckOptions, files, jobs, chosen, overrides, base) -> int:  # type: ignore[no-untyped-def]
    """``check`` in a line format: each file's findings are written when the file is done."""
    from .engine import STDIN, output_lang
    from .formatters import FormatOptions, get_writer

    paths, stdin_filename = options.paths, options.stdin_filename
    settings = [linter.settings_for(path) for path in files]  # a bad configuration stops here (exit 2)
    if STDIN in paths:
        settings.append(linter.settings_for(Path(stdin_filename) if stdin_filename else Path.cwd() / "stdin.yaml"))
    format_options = FormatOptions(lang=output_lang((s.lang for s in settings), overrides, base),
                                   color=sys.stdout.isatty() and "NO_COLOR" not in os.environ,
                                   tool_version=__version__, rules=dict(linter.registry.rules),
                                   summary=options.summary)
    failed = False

    def watched(results):  # type: ignore[no-untyped-def]
        nonlocal failed
        for result in results:
            failed = failed or any(result.fails(finding) for finding in result.findings)
            yield result

    get_writer(chosen)(watched(linter.lint_paths(paths, stdin_filename, files, jobs=jobs)), format_options,
                       sys.stdout)
    return 1 if failed else 0


class ReportFormat(str, Enum):
    rich = "rich"
    text = "text"
    json = "json"


@app.command()
def report(
    paths: List[str] = typer.Argument(..., help="Planfiler eller mapper. / Plan files or folders."),
    html: Optional[Path] = typer.Option(None, "--html", help="Skriv rapporten som en selvstændig HTML-side. / "
                                                             "Write a self-contained HTML page."),
    format: Optional[ReportFormat] = typer.Option(None, "--format", "-f",
                                                  help="rich (terminal), text eller json."),
    lang: Optional[Lang] = typer.Option(None, "--lang", help="Sprog for rapporten. / Report language."),
    sort: Optional[str] = typer.Option(None, "--sort", help="Sortér porteføljen efter kolonne, fx fejl eller budget."),
    width: Optional[int] = typer.Option(None, "--width", help="Rapportens bredde i tegn (40-1000)."),
) -> None:
    """The coordinator's report of one plan or a portfolio. / Koordinatorens rapport."""
    language = cli_lang(lang)

    def _report() -> int:
        from .report import ReportOptions, run as run_report

        return run_report(ReportOptions(paths=paths, format=format.value if format else None, lang=language,
                                        html=html, sort=sort, width=width, tool_version=__version__))

    raise typer.Exit(guarded(language, _report))


def _write_file(output: Path, write, results, options, plans) -> None:  # type: ignore[no-untyped-def]
    from .output_file import write_file

    # atomic, never over a plan; "\n" line ends on every platform (deterministic CI diffs)
    write_file(output, lambda stream: write(results, options, stream), plans=plans,
               what=("Rapporten", "The report"))


# --- writing plans: schema, init, rules, explain (planlint.schema, .init_plan, .docs) ---

class RulesFormat(str, Enum):
    rich = "rich"
    text = "text"
    json = "json"
    markdown = "markdown"


@app.command()
def schema(
    pulje: Optional[str] = typer.Option(None, "--pulje", help="Kun denne puljes indsatsområder, fx 2019-2026."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Skriv skemaet til en fil."),
) -> None:
    """Print the JSON Schema of the plan format, for editors. / Formatets JSON Schema."""
    from .schema import run as run_schema

    raise typer.Exit(guarded(cli_lang(None), run_schema, pulje, str(output) if output else None))


@app.command()
def init(
    file: Optional[str] = typer.Argument(None, help="Den nye planfil (standard: helhedsplan.yaml; - for stdout)."),
    pulje: str = typer.Option("2019-2026", "--pulje", help="Puljen, planen søger midler fra."),
    kommune: Optional[str] = typer.Option(None, "--kommune", help="Beliggenhedskommunens navn."),
    boligorganisation: Optional[str] = typer.Option(None, "--boligorganisation",
                                                    help="Den ansvarlige boligorganisations navn."),
    schema_ref: Optional[str] = typer.Option(None, "--schema", help="Sti eller URL til skemaet i editor-linjen."),
    lang: Optional[Lang] = typer.Option(None, "--lang", help="Sprog for kommentarer og meddelelser. / Language."),
    start: Optional[int] = typer.Option(None, "--start", min=1900, max=2200,
                                        help="Planperiodens første år (standard: næste år i puljen)."),
    end: Optional[int] = typer.Option(None, "--slut", min=1900, max=2200, help="Planperiodens sidste år."),
) -> None:
    """Write a new plan skeleton; never overwrites. / Skriv en ny plan."""
    from .init_plan import run as run_init

    language = cli_lang(lang)
    raise typer.Exit(guarded(language, run_init, file, pulje, kommune, boligorganisation, schema_ref, language,
                             start, end))


@app.command()
def rules(
    format: Optional[RulesFormat] = typer.Option(None, "--format", "-f", help="rich (terminal), text, json, markdown."),
    lang: Optional[Lang] = typer.Option(None, "--lang", help="Sprog for titler. / Title language."),
) -> None:
    """List every rule. / Vis alle regler."""
    from .docs import run_rules

    language = cli_lang(lang) or "da"
    chosen = format.value if format else ("rich" if sys.stdout.isatty() else "text")
    color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    raise typer.Exit(guarded(language, run_rules, chosen, language, sys.stdout, color))


@app.command()
def explain(
    code: str = typer.Argument(..., help="Regelkoden, fx COF001."),
    lang: Optional[Lang] = typer.Option(None, "--lang", help="Sprog. / Language."),
) -> None:
    """Explain one rule: why, source, examples, suppression. / Forklar en regel."""
    from .docs import explain as explain_rule

    language = cli_lang(lang) or "da"
    typer.echo(guarded(language, explain_rule, code, language), nl=False)


@app.command()
def lsp() -> None:
    """Language server over stdio, for editors (see docs/editor.md). / Sprogserver til editorer."""
    from .lsp import run as run_server

    raise typer.Exit(guarded(cli_lang(None), run_server))


def run() -> None:
    """Run the CLI (``planlint.__main__.main`` is the console script: it catches Ctrl-C from the start)."""
    for stream in (sys.stdout, sys.stderr):
        # æøå on a terminal or CI log that is not UTF-8 (PYTHONIOENCODING=ascii): \xe6, not a crash
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        app()
    except KeyboardInterrupt:  # between start-up and a command's body (argument parsing)
        try:
            interrupted(os.environ.get("PLANLINT_LANG"))
        except typer.Exit as done:
            sys.exit(done.exit_code)


if __name__ == "__main__":  # pragma: no cover
    run()
