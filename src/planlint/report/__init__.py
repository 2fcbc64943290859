"""``planlint report``: the coordinator's overview of one plan or a portfolio.

One file gives the full report of that plan; a folder or several files give
the portfolio table.  The numbers come from ``build`` (plain data), so the
terminal, the HTML page and ``--format json`` always agree.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

#: Width of the report when it does not go to a terminal (a file, a pipe).
DEFAULT_WIDTH = 80
#: ``--width`` bounds: narrower cannot hold the tables, wider only costs memory (rich lays out every cell).
MIN_WIDTH, MAX_WIDTH = 40, 1000


@dataclass
class ReportOptions:
    paths: list[str]
    format: str | None = None  # rich | text | json; None = rich on a terminal, else text
    lang: str | None = None
    html: Path | None = None
    sort: str | None = None
    width: int | None = None
    tool_version: str = ""


def run(options: ReportOptions, stdout: TextIO | None = None, stderr: TextIO | None = None,
        linter: Any = None) -> int:
    """Lint, build and show the report; 0 when it was produced (see docs/report.md).

    ``linter`` lets a caller (a test, an editor) bring its own plugins.
    """
    from ..config import Overrides
    from ..engine import Linter, collect_files, output_lang, refuse_to_overwrite_a_plan, require_plans
    from ..errors import UsageError
    from . import portfolio

    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    if options.format not in (None, "rich", "text", "json"):
        raise UsageError(f"Rapporten findes ikke i formatet '{options.format}'; vælg rich, text eller json.",
                         f"The report has no format '{options.format}'; choose rich, text or json.")
    if options.width is not None and not MIN_WIDTH <= options.width <= MAX_WIDTH:
        raise UsageError(f"--width skal være fra {MIN_WIDTH} til {MAX_WIDTH} tegn, ikke {options.width}.",
                         f"--width must be from {MIN_WIDTH} to {MAX_WIDTH} characters, not {options.width}.")
    sort = portfolio.column_key(options.sort) if options.sort else None
    overrides = Overrides(lang=options.lang)
    files = collect_files(options.paths)
    require_plans(files, [p for p in options.paths if p != "-"])  # report does not read standard input
    if options.html is not None:
        refuse_to_overwrite_a_plan(options.html, files)
    linter = linter or Linter(overrides=overrides)
    # the linter may be the caller's (tests), made without these overrides: apply them here too
    lang = output_lang((overrides.apply(linter.settings_for(path)).lang for path in files), overrides)
    plans = _build_all(linter, files, lang, stderr, every_finding=options.html is not None)
    single = len(files) == 1 and not any(Path(p).is_dir() for p in options.paths)
    data = _document(plans, single, sort, lang, options.tool_version)

    chosen = options.format or ("rich" if stdout.isatty() and options.html is None else "text")
    if options.html is not None:
        _write_html(data, lang, options.html, files)
        for plan in plans:  # the page lists every finding; the other views keep to the top ones
            plan["findings"].pop("all", None)
    if options.format is None and options.html is not None:
        stderr.write(f"planlint: {_word('html_written', lang)} {options.html}\n")
    elif chosen == "json":
        json.dump(data, stdout, ensure_ascii=False, indent=2)
        stdout.write("\n")
    else:
        color = chosen == "rich" and stdout.isatty() and "NO_COLOR" not in os.environ
        console = _console(stdout, color, options.width or (None if stdout.isatty() else DEFAULT_WIDTH))
        console.print(_renderable(data, lang))
    return 0


def _word(key: str, lang: str) -> str:
    from .words import word

    return word(key, lang)


def _build_all(linter: Any, files: list[Path], lang: str, stderr: TextIO,
               every_finding: bool = False) -> list[dict[str, Any]]:
    """Lint every file and build its data; a progress bar on a terminal when there are many."""
    from .build import build_plan

    def one(path: Path) -> dict[str, Any]:
        result = linter.lint_file(path)
        plan = result.document.plan if result.document is not None else None
        pack = linter.packs.get(result.pulje) if result.pulje else None
        facts = linter.registry.facts(plan, pack) if plan is not None else {}
        return build_plan(result, facts, lang, every_finding)

    from ..engine import PARALLEL_MIN_FILES
    from ..parallel import default_jobs, in_workers, usable

    jobs = default_jobs()
    # each plan's data is built where it was linted (in a worker, for many plans): only the figures travel
    built = in_workers(one, files, jobs) if jobs > 1 and len(files) >= PARALLEL_MIN_FILES and usable() else map(
        one, files)
    if len(files) < 2 or not stderr.isatty():
        return list(built)
    from rich.console import Console
    from rich.progress import track

    console = Console(file=stderr, no_color="NO_COLOR" in os.environ)
    return list(track(built, total=len(files), description=_word("loading", lang), console=console,
                      transient=True))


def _document(plans: list[dict[str, Any]], single: bool, sort: str | None, lang: str,
              version: str) -> dict[str, Any]:
    """The JSON document (docs/report.md): the plans and, for several, the portfolio."""
    from . import portfolio

    data: dict[str, Any] = {
        "version": 1,
        "tool": {"name": "planlint", "version": version},
        "lang": lang,
        "kind": "plan" if single else "portfolio",
        "plans": plans,
    }
    if not single:
        rows = [portfolio.row(plan) for plan in plans]
        data["portfolio"] = {
            "sort": sort,
            "rows": portfolio.sort_rows(rows, sort),
            "totals": portfolio.totals(rows, plans),
        }
    return data


def _renderable(data: dict[str, Any], lang: str) -> Any:
    """The rich view of the document; plan text in it shown with control characters escaped."""
    from ..escape import visible_data

    data = visible_data(data)
    if data["kind"] == "plan":
        from .plan_view import render_plan

        return render_plan(data["plans"][0], lang)
    from .portfolio_view import render_portfolio

    table = data["portfolio"]
    return render_portfolio(table["rows"], table["totals"], lang, table["sort"])


def _console(stream: TextIO, color: bool, width: int | None) -> Any:
    from rich.console import Console

    # markup=False: a plan's name like "[/b]" or "[link=...]" is text, whatever reaches the console
    return Console(file=stream, force_terminal=color, no_color=not color, highlight=False, width=width,
                   emoji=False, soft_wrap=False, markup=False)


def _write_html(data: dict[str, Any], lang: str, target: Path, plans: list[Path]) -> None:
    """The page (report/html_page.py), written atomically and never over a plan (output_file)."""
    from ..output_file import write_file
    from .html_page import render

    page = render(data, lang)
    write_file(target, lambda stream: stream.write(page), plans=plans, what=("HTML-filen", "The HTML file"))
