"""The console script: ``planlint --version`` answers before the CLI framework is imported.

Importing typer (and click under it) costs about 0.1 s of CPU, most of a cold
``planlint --version``; everything else goes to ``planlint.cli``.
"""

from __future__ import annotations

import sys


def run() -> None:
    if sys.argv[1:] == ["--version"]:
        from . import __version__

        sys.stdout.write(f"planlint {__version__}\n")
        return
    from .cli import run as run_cli

    run_cli()
