"""On a terminal: rich output by default, colour unless NO_COLOR is set."""

from __future__ import annotations

import os
import pty
import subprocess
import sys

from conftest import ROOT, base_text


def run_on_terminal(args: list[str], env_extra: dict[str, str]) -> str:
    """Run planlint with a pseudo-terminal as stdout; what it printed."""
    main, child = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "TERM")}
    env.update({"TERM": "xterm-256color", "COLUMNS": "100"}, **env_extra)
    process = subprocess.Popen([sys.executable, "-m", "planlint", *args], stdout=child, stderr=subprocess.PIPE,
                               cwd=ROOT, env=env)
    os.close(child)
    chunks = []
    while True:
        try:
            data = os.read(main, 65536)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    process.wait(timeout=60)
    os.close(main)
    return b"".join(chunks).decode("utf-8", "replace")


def test_terminal_gets_rich_output_in_colour(tmp_path):
    plan = tmp_path / "p.yaml"
    plan.write_text(base_text().replace("[ek, ab]", "[ek, ab, abb]"), encoding="utf-8")
    out = run_on_terminal(["check", str(plan)], {})
    assert "\x1b[" in out
    assert "PLN009" in out and "samarbejdspartnere: [ek, ab, abb]" in out


def test_no_color_is_honoured_on_a_terminal(tmp_path):
    plan = tmp_path / "p.yaml"
    plan.write_text(base_text().replace("[ek, ab]", "[ek, ab, abb]"), encoding="utf-8")
    out = run_on_terminal(["check", str(plan)], {"NO_COLOR": "1"})
    assert "PLN009" in out
    assert "\x1b[" not in out
