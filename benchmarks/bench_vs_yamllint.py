#!/usr/bin/env python3
"""planlint against yamllint, whole processes, same corpus, same run.

Builds a corpus in a temporary folder (copies of the valid example plans),
then runs ``planlint check`` and ``yamllint -d relaxed`` as separate processes
on it and reports each pair as ratios (planlint / yamllint):

* wall time, CPU time (user + system of the child) and peak memory (max RSS
  of the child, from ``wait4``);
* for one plan (a cold process), 10 plans, 1,000 plans, ``--version`` and
  ``--help`` (case ``version``);
* ``floor``: a Python that only imports the libraries planlint cannot start
  without (typer, pydantic, PyYAML, pluggy), next to yamllint's whole run;
* planlint alone on 2,000 plans with ``--format json`` (the memory goal);
* ``formats``: planlint alone on 30 copies of the plan with 200 findings, once
  per output format, with the CPU each format costs a finding above ``text``
  (the cheapest);
* and in-process: CPU per plan of the whole lint, and of parse + node building
  next to libyaml's own composer on the same text (``plan``).

yamllint only checks syntax and style, planlint checks the whole plan: the
ratios say what planlint costs next to the linter people already run in
pre-commit.  Both get the same files; each case runs ``--repeat`` times
(default 3), the two tools in turns, and the best (lowest) time and memory is
kept, which is what the machine can do when nothing else disturbs it.  On a
shared machine the best of each can come from different moments, so the last
column is the median over the turns of the ratio within one turn.

    python3 dev.py bench                      # every case
    python3 dev.py bench --cases 1,10         # some of them
    python3 dev.py bench --jobs 1             # planlint serial

Needs yamllint (``pip install -e '.[bench]'``; ``dev.py bench`` installs it).
No test asserts any of these times: they depend on the machine.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: The clean example plans (no finding; 21 KB and 11 KB, 16 KB on average): the
#: corpus is made of copies of these.  (``rum_for_liv.yaml``, the real plan with
#: 200 findings, measures findings, not linting; add it with ``--with-findings``.)
VALID_PLANS = ("komplet_plan.yaml", "tryg_og_aktiv_2016.yaml")
MANY_FINDINGS = "rum_for_liv.yaml"


#: The children's environment: as on a user's machine, bytecode is cached (a
#: PYTHONDONTWRITEBYTECODE=1 here would make both tools compile their sources
#: on every start); the first of the repeated runs writes the cache.
ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


@dataclass
class Sample:
    wall: float  # seconds
    cpu: float  # seconds, user + system of the child
    rss_mb: float  # peak resident memory of the child
    status: int
    #: the median over the turns of planlint's CPU / yamllint's CPU in the same turn (best_pair)
    paired: float | None = None


def run_once(command: list[str], cwd: Path) -> Sample:
    """Run one process to its end and measure it (its output is discarded).

    Peak RSS comes from ``wait4`` of this very child, so earlier children do
    not mask a smaller one (``RUSAGE_CHILDREN`` keeps the maximum of all).
    """
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    scale = 1024 if sys.platform != "darwin" else 1  # Linux reports KB, macOS bytes
    return Sample(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * scale / 1e6, process.returncode)


def best(command: list[str], cwd: Path, repeat: int) -> Sample:
    return best_pair(command, None, cwd, repeat)[0]


def best_pair(mine: list[str], theirs: list[str] | None, cwd: Path, repeat: int) -> tuple[Sample, Sample | None]:
    """The best of ``repeat`` runs of each command, taken in turns (planlint, yamllint, planlint, ...):
    on a shared machine the load changes by the second, and both tools must meet the same load."""
    samples: tuple[list[Sample], list[Sample]] = ([], [])
    for _ in range(repeat):
        for command, kept in ((mine, samples[0]), (theirs, samples[1])):
            if command is not None:
                kept.append(run_once(command, cwd))

    def least(kept: list[Sample]) -> Sample | None:
        if not kept:
            return None
        return Sample(min(s.wall for s in kept), min(s.cpu for s in kept), min(s.rss_mb for s in kept), kept[0].status)

    mine_best, theirs_best = least(samples[0]), least(samples[1])
    if theirs_best is not None and mine_best is not None:
        # the best of each can come from different moments; a turn's two runs met the same load
        mine_best.paired = statistics.median(a.cpu / b.cpu for a, b in zip(*samples) if b.cpu)
    return mine_best, theirs_best  # type: ignore[return-value]


def build_corpus(folder: Path, count: int, with_findings: bool = False) -> list[Path]:
    """``count`` plans in ``folder`` (copies of the valid example plans, in turn)."""
    folder.mkdir(parents=True, exist_ok=True)
    names = VALID_PLANS + ((MANY_FINDINGS,) if with_findings else ())
    sources = [ROOT / "example_plans" / name for name in names]
    made = []
    for index in range(count):
        source = sources[index % len(sources)]
        target = folder / f"plan_{index:05d}_{source.name}"
        shutil.copyfile(source, target)
        made.append(target)
    return made


def tool(name: str) -> str:
    """The console script next to this Python (the venv's), else on PATH."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if found is None:
        sys.exit(f"bench: '{name}' is not installed; run `pip install -e '.[bench]'` (python3 dev.py bench does).")
    return found


#: the imports a ``planlint check`` cannot do without (typer 0.2x builds its options with pydantic)
FLOOR = "import typer, pydantic.main, yaml, pluggy, importlib.metadata"

IN_PROCESS = """
import gc, sys, time
from pathlib import Path
import yaml
from planlint import yamlparse
from planlint.engine import Linter
texts = [Path(name).read_text(encoding="utf-8") for name in sys.argv[1:]]
linter = Linter()
for text in texts:
    linter.lint_text(text, "plan.yaml")
gc.freeze()

def best(func, rounds=5, repeat=10):
    times = []
    for _ in range(rounds):
        start = time.process_time()
        for _ in range(repeat):
            for text in texts:
                func(text)
        times.append((time.process_time() - start) * 1000 / (repeat * len(texts)))
    return min(times)

def compose(text):
    loader = yaml.CSafeLoader(text)
    try:
        loader.get_single_node()
    finally:
        loader.dispose()

whole = best(lambda text: linter.lint_text(text, "plan.yaml"))
parse = best(lambda text: yamlparse.parse(text))
libyaml = best(compose)
print(f"{whole:.2f} {parse:.2f} {libyaml:.2f}")
"""


def in_process(python: str) -> tuple[float, float, float]:
    """(ms CPU per plan, whole lint; parse + build; libyaml's own compose), best of 5 rounds."""
    plans = [str(ROOT / "example_plans" / name) for name in VALID_PLANS]
    done = subprocess.run([python, "-c", IN_PROCESS, *plans], capture_output=True, text=True, check=True, env=ENV)
    whole, parse, compose = (float(value) for value in done.stdout.split())
    return whole, parse, compose


def row(label: str, mine: Sample, theirs: Sample | None) -> str:
    def ratio(a: float, b: float) -> str:
        return f"{a / b:5.2f}" if b else "  -  "

    if theirs is None:
        return (f"| {label:<26} | {mine.wall:7.3f} | {mine.cpu:7.3f} | {mine.rss_mb:6.0f} |"
                "       - |       - |      - |     - |    - |    - |     - |")
    paired = f"{mine.paired:5.2f}" if mine.paired is not None else "  -  "
    return (f"| {label:<26} | {mine.wall:7.3f} | {mine.cpu:7.3f} | {mine.rss_mb:6.0f} "
            f"| {theirs.wall:7.3f} | {theirs.cpu:7.3f} | {theirs.rss_mb:6.0f} "
            f"| {ratio(mine.wall, theirs.wall)} | {ratio(mine.cpu, theirs.cpu)} | {ratio(mine.rss_mb, theirs.rss_mb)} "
            f"| {paired} |")


#: the cases that are not a number of plans ("version" also times --help)
NAMED_CASES = ("plan", "version", "floor", "formats")
#: ``formats``: copies of the plan with 200 findings
FORMAT_COPIES = 30


def formats_case(planlint: str, work: Path, repeat: int) -> None:
    """Each format on the same findings, serial: CPU a finding above ``text``."""
    import json

    from planlint.formatters import FORMATS  # every format planlint has, text (the cheapest) first

    names = ["text", *(name for name in FORMATS if name != "text")]

    folder = work / "corpus_formats"
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(FORMAT_COPIES):
        shutil.copyfile(ROOT / "example_plans" / MANY_FINDINGS, folder / f"plan_{index:03d}.yaml")
    done = subprocess.run([planlint, "check", "--format", "json", "--jobs", "1", str(folder)],
                          capture_output=True, text=True, env=ENV, check=False)
    findings = sum(len(result["findings"]) for result in json.loads(done.stdout)["files"])
    base = None
    for name in names:
        sample = best([planlint, "check", "--format", name, "--jobs", "1", str(folder)], work, repeat)
        base = sample.cpu if base is None else base
        per = (sample.cpu - base) / findings * 1e6
        print(row(f"{name}: {per:+.0f} us a finding", sample, None), flush=True)
    shutil.rmtree(folder)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", default="plan,version,floor,1,10,formats,1000,2000",
                        help="comma-separated: plan (in-process CPU per plan), version, floor, formats, "
                             "and numbers of plans (2000: planlint json alone)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per case; the best is kept")
    parser.add_argument("--jobs", default=None, help="planlint --jobs (default: planlint's own default)")
    parser.add_argument("--with-findings", action="store_true",
                        help=f"add {MANY_FINDINGS} (200 findings) to the corpus")
    args = parser.parse_args(argv)
    cases = [case.strip() for case in args.cases.split(",") if case.strip()]
    unknown = [case for case in cases if case not in NAMED_CASES and not (case.isdigit() and int(case) > 0)]
    if unknown or not cases:
        parser.error(f"unknown case {', '.join(unknown) or '(none given)'}: use {', '.join(NAMED_CASES)} "
                     "or a number of plans, e.g. --cases version,floor,1")
    planlint, yamllint = tool("planlint"), tool("yamllint")
    jobs = ["--jobs", args.jobs] if args.jobs else []
    print(f"planlint vs yamllint -d relaxed; {os.cpu_count()} CPUs; best of {args.repeat}; "
          "wall/CPU in seconds, RSS in MB; ratio = planlint / yamllint")
    print("| case | planlint wall | CPU | max RSS | yamllint wall | CPU | max RSS | ratio wall | CPU | RSS "
          "| CPU, paired median |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="planlint-bench-") as tmp:
        work = Path(tmp)
        for case in cases:
            if case == "plan":
                whole, parse, compose = in_process(str(Path(planlint).parent / "python"))
                print(f"| in-process, per 16 KB plan | lint {whole:.1f} ms CPU | parse + build {parse:.1f} ms "
                      f"| libyaml compose {compose:.1f} ms | ratio {parse / compose:.2f} | | | | | | |", flush=True)
                continue
            if case == "version":
                mine, theirs = best_pair([planlint, "--version"], [yamllint, "--version"], work, args.repeat)
                print(row("--version", mine, theirs), flush=True)
                mine, theirs = best_pair([planlint, "--help"], [yamllint, "--help"], work, args.repeat)
                print(row("--help", mine, theirs), flush=True)
                continue
            if case == "formats":
                formats_case(planlint, work, args.repeat)
                continue
            if case == "floor":  # what no planlint start can avoid: Python and the libraries it stands on
                folder = work / "corpus_floor"
                target = [str(build_corpus(folder, 1)[0])]
                mine, theirs = best_pair([str(Path(planlint).parent / "python"), "-c", FLOOR],
                                         [yamllint, "-d", "relaxed", *target], work, args.repeat)
                print(row("floor: import only", mine, theirs), flush=True)
                continue
            count = int(case)
            folder = work / f"corpus_{count}"
            build_corpus(folder, count, args.with_findings)
            target = [str(folder)] if count > 1 else [str(next(folder.iterdir()))]
            repeat = args.repeat if count < 1000 else max(1, min(args.repeat, 2))
            if count >= 2000:  # the memory goal: planlint alone, JSON kept for the whole run
                mine = best([planlint, "check", "--format", "json", *jobs, *target], work, repeat)
                print(row(f"{count} plans, json (alone)", mine, None), flush=True)
                continue
            mine, theirs = best_pair([planlint, "check", "--format", "text", *jobs, *target],
                                     [yamllint, "-d", "relaxed", *target], work, repeat)
            label = "1 plan (cold process)" if count == 1 else f"{count} plans"
            print(row(label, mine, theirs), flush=True)
            shutil.rmtree(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
