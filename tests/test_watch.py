"""``planlint check --watch``: the check runs again when a plan is saved."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

import pytest

from conftest import base_text

TYPO = base_text().replace("        succeskriterier:\n", "        succeskriterer:\n", 1)


def test_a_save_runs_the_check_again_and_other_files_do_not(tmp_path):
    from planlint.watch import watch_and_check

    plan = tmp_path / "plan.yaml"
    plan.write_text(base_text(), encoding="utf-8")
    runs: list[float] = []
    stop = threading.Event()

    def run_once() -> int:
        runs.append(time.monotonic())
        return len(runs)

    thread = threading.Thread(target=lambda: watch_and_check([str(tmp_path)], "da", False, run_once, stop=stop))
    thread.start()
    try:
        deadline = time.monotonic() + 20
        while not runs and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(runs) == 1  # the first check runs at once
        time.sleep(0.5)  # the watcher is set up
        (tmp_path / "notes.txt").write_text("not a plan", encoding="utf-8")
        plan.write_text(TYPO, encoding="utf-8")
        while len(runs) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(runs) == 2
        time.sleep(1.0)  # nothing else changed: no further run
        assert len(runs) == 2
    finally:
        stop.set()
        thread.join(timeout=10)
    assert not thread.is_alive()


@pytest.mark.parametrize("extra", [["--fix"], ["--diff"], ["--output", "OUT"]])
def test_watch_refuses_options_that_write_or_end(tmp_path, extra):
    from typer.testing import CliRunner

    from planlint.cli import app

    plan = tmp_path / "plan.yaml"
    plan.write_text(base_text(), encoding="utf-8")
    args = [str(tmp_path / "out.txt") if a == "OUT" else a for a in extra]
    result = CliRunner().invoke(app, ["check", str(plan), "--watch", *args])
    assert result.exit_code == 2
    assert "--watch" in result.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_watch_in_a_real_process_prints_each_check(tmp_path):
    import queue

    plan = tmp_path / "plan.yaml"
    plan.write_text(TYPO, encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "planlint", "check", str(tmp_path), "--watch",
                                "--format", "text"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout], daemon=True).start()
    seen = []
    try:
        seen.append(lines.get(timeout=60))  # the first check, at once
        # save until the watcher (set up after the first check) sees it; a loaded machine is slow
        fixed_period = TYPO.replace("slut: 2024-12-31}", "slut: 2025-12-31}", 1)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            plan.write_text(fixed_period, encoding="utf-8")
            try:
                seen += [lines.get(timeout=2), lines.get(timeout=30)]
                break
            except queue.Empty:
                continue
    finally:
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=30)
    assert [line.split(": ")[1].split()[0] for line in seen] == ["PLN003", "LBF003", "PLN003"]
    assert "ændret: " in err and str(plan) in err
    assert process.returncode != 0


def test_a_broken_configuration_saved_while_watching_is_said_and_the_watch_goes_on(tmp_path, capsys):
    from planlint.config import ConfigError
    from planlint.watch import watch_and_check

    plan = tmp_path / "plan.yaml"
    plan.write_text(base_text(), encoding="utf-8")
    runs: list[int] = []
    stop = threading.Event()

    def run_once() -> int:
        runs.append(1)
        if len(runs) == 2:
            raise ConfigError("konfigurationen er ugyldig.", "the configuration is invalid.")
        return 0

    thread = threading.Thread(target=lambda: watch_and_check([str(tmp_path)], "en", False, run_once,
                                                             (ConfigError,), stop=stop))
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while not runs and time.monotonic() < deadline:
            time.sleep(0.05)
        while len(runs) < 3 and time.monotonic() < deadline:
            plan.write_text(base_text() + f"# {time.monotonic()}\n", encoding="utf-8")
            time.sleep(0.5)
    finally:
        stop.set()
        thread.join(timeout=10)
    assert len(runs) >= 3
    assert "planlint: the configuration is invalid." in capsys.readouterr().err
