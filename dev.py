#!/usr/bin/env python3
"""Developer entry point that needs nothing but Python 3.11+.

    python3 dev.py lint [PATH...]   planlint check on the example plans (or PATH...)
    python3 dev.py test [PYTEST ARGS...]   the whole test suite
    python3 dev.py bench [ARGS...]  planlint against yamllint (benchmarks/README.md)
    python3 dev.py bench parse      the YAML parser benchmark

Each command first makes sure ``.venv`` exists and holds planlint (editable)
with its test dependencies; it reinstalls only when ``pyproject.toml``
changed.  The exit status is the command's own.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".planlint-installed"


#: what ``dev.py lint`` says after linting the example plans, whose exit status 1 is no failure
PLANTED = ("dev.py: the example plans contain defects on purpose (example_plans/defekter/: one plan per kind "
           "of defect; rum_for_liv.yaml: a real 2012 plan as it was written), so the findings above and exit "
           "status 1 are expected. See example_plans/README.md.")


def ensure_venv() -> None:
    if sys.version_info < (3, 11):
        sys.exit(f"planlint needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    if not PYTHON.exists():
        print("dev.py: creating .venv", file=sys.stderr)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    print("dev.py: installing planlint and its test dependencies into .venv", file=sys.stderr)
    subprocess.run([str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    "-e", f"{ROOT}[test]"], check=True)
    STAMP.write_text(wanted)


def main(argv: list[str]) -> int:
    command, rest = (argv[0], argv[1:]) if argv else ("lint", [])
    try:
        ensure_venv()
    except subprocess.CalledProcessError as exc:
        print(f"dev.py: installing failed (exit status {exc.returncode}).", file=sys.stderr)
        return 2
    if command == "lint":
        if rest:
            return subprocess.call([str(PYTHON), "-m", "planlint", "check", *rest], cwd=ROOT)
        status = subprocess.call([str(PYTHON), "-m", "planlint", "check", "--summary", "example_plans"], cwd=ROOT)
        if status == 1:
            print(PLANTED, file=sys.stderr)
        return status
    if command == "test":
        return subprocess.call([str(PYTHON), "-m", "pytest", *rest], cwd=ROOT)
    if command == "bench":
        if rest[:1] == ["parse"]:
            return subprocess.call([str(PYTHON), str(ROOT / "benchmarks" / "bench_parse.py"), *rest[1:]], cwd=ROOT)
        if not (BIN / "yamllint").exists():  # the optional ``bench`` extra: yamllint, to compare with
            subprocess.run([str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                            "-e", f"{ROOT}[test,bench]"], check=True)
        return subprocess.call([str(PYTHON), str(ROOT / "benchmarks" / "bench_vs_yamllint.py"), *rest], cwd=ROOT)
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
