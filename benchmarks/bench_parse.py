#!/usr/bin/env python3
"""How fast is planlint, and which YAML backend should it use?

Measures, on the example plans (and a plan grown to ~16 KB):

* parsing with each backend of ``planlint.yamlparse`` (events -> nodes),
  next to ruamel.yaml's round-trip load for reference;
* the whole lint of one plan (parse, model, plugins) in-process;
* start-up of the command line (``planlint --version``, ``check`` on one plan).

Run with ``python3 dev.py bench``.  Numbers are medians of repeated runs;
they are for choosing, not for tests (no test asserts a time).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def median_ms(func, repeat: int = 30) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def grown_plan() -> str:
    """The complete example plan with its activities repeated to about 16 KB."""
    text = (ROOT / "example_plans" / "komplet_plan.yaml").read_text(encoding="utf-8")
    return text if len(text) >= 16_000 else text + "\n".join(
        f"# fyld {i}: " + "x" * 60 for i in range((16_000 - len(text)) // 70))


def main() -> None:
    from planlint import yamlparse
    from planlint.engine import Linter

    plans = {p.name: p.read_text(encoding="utf-8") for p in sorted((ROOT / "example_plans").glob("*.yaml"))}
    plans["grown-16k"] = grown_plan()

    print(f"{'plan':28} {'KB':>5} " + " ".join(f"{b:>9}" for b in yamlparse.available_backends()) + "  ruamel-rt")
    from ruamel.yaml import YAML

    roundtrip = YAML()
    for name, text in plans.items():
        cells = [f"{median_ms(lambda b=b: yamlparse.parse(text, b)):8.2f}ms" for b in yamlparse.available_backends()]
        rt = median_ms(lambda: roundtrip.load(text), repeat=10)
        print(f"{name:28} {len(text.encode()) / 1024:5.1f} " + " ".join(cells) + f" {rt:8.2f}ms")

    linter = Linter()
    text = plans["grown-16k"]
    linter.lint_text(text)  # warm up: build the pydantic validators once
    print(f"\nwhole lint of grown-16k in-process: {median_ms(lambda: linter.lint_text(text), 20):.2f} ms")

    def cli(*args: str) -> None:
        subprocess.run([sys.executable, "-m", "planlint", *args], capture_output=True, check=False)

    print(f"planlint --version:           {median_ms(lambda: cli('--version'), 5):.0f} ms")
    target = str(ROOT / "example_plans" / "komplet_plan.yaml")
    print(f"planlint check (one plan):    {median_ms(lambda: cli('check', target, '--format', 'text'), 5):.0f} ms")


if __name__ == "__main__":
    main()
