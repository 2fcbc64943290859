"""Shared test helpers: lint plan text, edit the base plan, run the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "example_plans"


@pytest.fixture(scope="session")
def linter():
    from planlint.engine import Linter

    return Linter()


_LINTER = None


def lint(text: str, **settings: Any):
    """Lint plan text with default settings (or the given ones); a FileResult."""
    from planlint.config import Settings
    from planlint.engine import Linter

    global _LINTER
    if _LINTER is None:
        _LINTER = Linter()
    return _LINTER.lint_text(text, "plan.yaml", Settings(**settings))


def codes(result) -> list[str]:
    return [f.code for f in result.findings]


def at(result, code: str) -> list[tuple[int, int]]:
    """(line, column) of every finding with this code."""
    return [(f.line, f.column) for f in result.findings if f.code == code]


def base_text() -> str:
    from planlint.examples import base_plan_text

    return base_plan_text()


def edited(at: str = "", yaml: str = "", remove: tuple[str, ...] = ()) -> str:
    """The base plan with one edit, as text (see planlint.rule.Example)."""
    from planlint.examples import example_text
    from planlint.rule import Example

    return example_text(Example(yaml=yaml, at=at, remove=remove))


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """The 1-based line of the nth line containing ``needle``."""
    seen = 0
    for number, line in enumerate(text.splitlines(), 1):
        if needle in line:
            seen += 1
            if seen == nth:
                return number
    raise AssertionError(f"{needle!r} not in text")


def run_cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
            input: str | None = None) -> subprocess.CompletedProcess:
    """``python -m planlint ARGS`` in a subprocess (what a user or CI runs)."""
    full_env = dict(os.environ)
    full_env.pop("NO_COLOR", None)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "planlint", *args],
        cwd=cwd or ROOT, env=full_env, input=input, capture_output=True, text=True, timeout=120,
    )
