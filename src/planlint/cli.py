"""The command line: ``planlint check|report|rules|explain|schema|init``.

Every failure ends in one sentence and an exit status from docs/output.md: 0 no
finding at the ``--fail-on`` level, 1 findings, 2 the command could not do its
job.  Heavy modules (pydantic, rich) are imported inside the commands that
need them, so ``planlint --version`` and ``--help`` start fast.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import List, NoReturn, Optional

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


class Lang(str, Enum):
    da = "da"
    en = "en"


class Level(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


def fail(da: str, en: str, lang: str | None) -> NoReturn:
    """One sentence on stderr and exit status 2."""
    typer.echo(f"planlint: {en if lang == 'en' else da}", err=True)
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
        from .config import ConfigError
        from .engine import UsageError
        from .plugins import PluginLoadError
        from .rulepack import PackError
    except Exception:  # noqa: BLE001 - the generic "internal error" sentence follows
        return ()
    return (ConfigError, UsageError, PluginLoadError, PackError)


def guarded(lang: str | None, func, *args, **kwargs):  # type: ignore[no-untyped-def]
    """Run a command body; known failures and bugs alike end in one sentence."""
    try:
        return func(*args, **kwargs)
    except typer.Exit:
        raise
    except _known_errors() as exc:
        fail(exc.da, exc.en, lang)  # type: ignore[attr-defined]
    except KeyboardInterrupt:
        fail("afbrudt.", "interrupted.", lang)
    except BrokenPipeError:
        os._exit(1)  # the reader went away (| head); nothing more to say
    except Exception as exc:  # a bug in planlint: still one sentence, never a traceback
        fail(f"intern fejl i planlint ({type(exc).__name__}: {exc}); meld den gerne som en fejl.",
             f"internal error in planlint ({type(exc).__name__}: {exc}); please report it as a bug.", lang)


def cli_lang(lang: Optional[Lang]) -> str | None:
    return lang.value if lang is not None else os.environ.get("PLANLINT_LANG") or None


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
    max_file_size: Optional[int] = typer.Option(None, "--max-file-size", min=1, help="Største planfil i byte."),
    plugin_timeout: Optional[float] = typer.Option(None, "--plugin-timeout", min=0.001,
                                                   help="Sekunder et plugin må bruge pr. plan."),
    rule_packs: Optional[Path] = typer.Option(None, "--rule-packs", help="Mappe med regelpakker i stedet for de indbyggede."),
    parser: Optional[str] = typer.Option(None, "--parser", help="YAML-parser: libyaml eller ruamel (standard: hurtigste)."),
    no_suppress: bool = typer.Option(False, "--no-suppress",
                                     help="Se bort fra '# planlint: disable=...' i planerne. / Ignore suppression comments."),
    stdin_filename: Optional[str] = typer.Option(None, "--stdin-filename",
                                                 help="Navnet på planen, der læses fra '-' (standard input)."),
) -> None:
    """Lint plan files. / Kontrollér planfiler. ('-' reads a plan from standard input.)"""
    language = cli_lang(lang)
    code = guarded(language, _check, paths, format, language, fail_on, select, ignore, config, output,
                   max_file_size, plugin_timeout, rule_packs, parser, no_suppress, stdin_filename)
    raise typer.Exit(code)


def _check(paths, format, language, fail_on, select, ignore, config, output, max_file_size,  # type: ignore[no-untyped-def]
           plugin_timeout, rule_packs, parser, no_suppress=False, stdin_filename=None) -> int:
    from .config import Overrides, load_config_file, parse_codes
    from .engine import Linter, collect_files, exit_status, output_lang, refuse_to_overwrite_a_plan
    from .findings import Severity
    from .formatters import FormatOptions, get_writer
    from .yamlparse import available_backends

    from .engine import STDIN, UsageError

    if stdin_filename is not None and STDIN not in paths:
        raise UsageError("--stdin-filename navngiver planen på standard input; angiv også '-' som sti.",
                         "--stdin-filename names the plan on standard input; give '-' as a path too.")
    if parser is not None and parser not in available_backends():
        raise UsageError(f"Parseren '{parser}' findes ikke her; vælg en af: {', '.join(available_backends())}.",
                         f"The parser '{parser}' is not available; choose one of: {', '.join(available_backends())}.")
    overrides = Overrides(
        select=parse_codes(select) if select is not None else None,
        ignore=parse_codes(ignore) if ignore is not None else None,
        fail_on=Severity(fail_on.value) if fail_on else None,
        lang=language,
        max_file_size=max_file_size,
        plugin_timeout=plugin_timeout,
        suppress=False if no_suppress else None,
    )
    files = collect_files(paths)  # a path that does not exist stops here, before any work
    if output is not None:  # before the run, so a long run does not end in this
        named = [Path(stdin_filename)] if stdin_filename and STDIN in paths else []  # the buffer's file
        refuse_to_overwrite_a_plan(output, files + named)
    base = load_config_file(config) if config else None
    linter = Linter(overrides=overrides, packs_dir=str(rule_packs) if rule_packs else None,
                    backend=parser, base_settings=base)
    results = list(linter.lint_paths(paths, stdin_filename, files))
    if not results:  # not an error (an empty plan repository), but never silence
        said = ("no plan files (*.yaml, *.yml) were found." if language == "en"
                else "ingen planfiler (*.yaml, *.yml) blev fundet.")
        typer.echo(f"planlint: {said}", err=True)
    chosen = format.value if format else ("rich" if sys.stdout.isatty() and output is None else "text")
    options = FormatOptions(
        lang=output_lang((result.lang for result in results), overrides, base),
        color=sys.stdout.isatty() and output is None and "NO_COLOR" not in os.environ,
        tool_version=__version__,
        rules=dict(linter.registry.rules) if linter.registry else {},
        to_file=output is not None,
    )
    write = get_writer(chosen)
    if output is not None:
        _write_file(output, write, results, options)
        if sys.stdout.isatty():
            # the report went to the file; the person at the terminal still sees the counts
            from dataclasses import replace

            from .formatters.rich_format import write_summary

            write_summary(results, replace(options, color="NO_COLOR" not in os.environ, to_file=False),
                          sys.stdout, str(output))
    else:
        write(results, options, sys.stdout)
    return exit_status(results)


class ReportFormat(str, Enum):
    rich = "rich"
    text = "text"
    json = "json"


@app.command()
def report(
    paths: List[str] = typer.Argument(..., help="Planfiler eller mapper. / Plan files or folders."),
    html: Optional[Path] = typer.Option(None, "--html", help="Skriv rapporten som en HTML-side. / Write an HTML page."),
    format: Optional[ReportFormat] = typer.Option(None, "--format", "-f",
                                                  help="rich (terminal), text eller json."),
    lang: Optional[Lang] = typer.Option(None, "--lang", help="Sprog for rapporten. / Report language."),
    sort: Optional[str] = typer.Option(None, "--sort", help="Sortér porteføljen efter kolonne, fx fejl eller budget."),
    width: Optional[int] = typer.Option(None, "--width", min=40, help="Rapportens bredde i tegn."),
) -> None:
    """The coordinator's report of one plan or a portfolio. / Koordinatorens rapport."""
    language = cli_lang(lang)

    def _report() -> int:
        from .report import ReportOptions, run as run_report

        return run_report(ReportOptions(paths=paths, format=format.value if format else None, lang=language,
                                        html=html, sort=sort, width=width, tool_version=__version__))

    raise typer.Exit(guarded(language, _report))


def _write_file(output: Path, write, results, options) -> None:  # type: ignore[no-untyped-def]
    from .engine import UsageError

    try:
        # newline="" keeps the bytes the same on every platform (deterministic CI diffs)
        with open(output, "w", encoding="utf-8", newline="") as stream:
            write(results, options, stream)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise UsageError(f"Rapporten kan ikke skrives til '{output}': {reason}.",
                         f"The report cannot be written to '{output}': {reason}.") from None


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
    kommune: str = typer.Option("Kommunen", "--kommune", help="Beliggenhedskommunens navn."),
    boligorganisation: str = typer.Option("Boligorganisationen", "--boligorganisation",
                                          help="Den ansvarlige boligorganisations navn."),
    schema_ref: Optional[str] = typer.Option(None, "--schema", help="Sti eller URL til skemaet i editor-linjen."),
    lang: Optional[Lang] = typer.Option(None, "--lang", help="Sprog for meddelelser. / Message language."),
) -> None:
    """Write a new plan skeleton; never overwrites. / Skriv en ny plan."""
    from .init_plan import run as run_init

    language = cli_lang(lang)
    raise typer.Exit(guarded(language, run_init, file, pulje, kommune, boligorganisation, schema_ref, language))


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


def run() -> None:
    """Console-script entry point."""
    for stream in (sys.stdout, sys.stderr):
        # æøå on a terminal or CI log that is not UTF-8 (PYTHONIOENCODING=ascii): \xe6, not a crash
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    app()


if __name__ == "__main__":  # pragma: no cover
    run()
