"""Files planlint writes: never over a plan, always whole; Ctrl-C ends a run with 130 and one line."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT, base_text
from typer.testing import CliRunner

CLEAN = EXAMPLES / "komplet_plan.yaml"


def invoke(*args: str):
    from planlint.cli import app

    done = CliRunner().invoke(app, list(args))
    return done.exit_code, done.stdout, done.stderr


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# --- never over a plan ---------------------------------------------------------------

@pytest.mark.parametrize("command", [
    ("schema", "-o", "{plan}"),
    ("check", str(CLEAN), "-o", "{plan}"),
    ("report", str(CLEAN), "--html", "{plan}"),
])
def test_no_command_writes_over_a_plan_it_was_not_asked_to_check(tmp_path, command):
    plan = tmp_path / "plan.yaml"
    plan.write_text(base_text(), encoding="utf-8")
    status, out, err = invoke(*(part.format(plan=plan) for part in command))
    assert status == 2 and out == ""
    assert err == (f"planlint: '{plan}' er en plan (en YAML-fil med planens nøgler); "
                   "planlint skriver aldrig i en planfil.\n")
    assert plan.read_text(encoding="utf-8") == base_text()
    assert leftovers(tmp_path) == []


def test_schema_may_replace_its_own_earlier_output(tmp_path):
    target = tmp_path / "schema.yaml"  # JSON is YAML: a schema saved as .yaml is no plan
    for _ in range(2):
        status, _, err = invoke("schema", "-o", str(target))
        assert status == 0, err
    assert target.read_text(encoding="utf-8").startswith("{")


# --- atomic -------------------------------------------------------------------------------

@pytest.mark.parametrize("failure", [OSError(errno.ENOSPC, "No space left on device"), KeyboardInterrupt()])
def test_an_interrupted_write_leaves_the_old_file_whole(tmp_path, failure):
    from planlint.errors import UsageError
    from planlint.output_file import write_file

    target = tmp_path / "rapport.json"
    target.write_text("the old report\n", encoding="utf-8")

    def half(stream):
        stream.write("{\"half\": ")
        raise failure

    with pytest.raises(UsageError if isinstance(failure, OSError) else KeyboardInterrupt) as caught:
        write_file(target, half, what=("Rapporten", "The report"))
    if isinstance(failure, OSError):
        assert caught.value.da == f"Rapporten kan ikke skrives til '{target}': der er ikke mere plads på disken."
    assert target.read_text(encoding="utf-8") == "the old report\n"
    assert leftovers(tmp_path) == []


def test_a_written_file_keeps_its_mode_and_a_link_keeps_pointing_at_it(tmp_path):
    from planlint.output_file import write_file

    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_file(link, lambda stream: stream.write("new\n"))
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new\n"
    assert real.stat().st_mode & 0o777 == 0o640
    fresh = tmp_path / "fresh.json"
    umask = os.umask(0o022)
    os.umask(umask)
    write_file(fresh, lambda stream: stream.write("x"))
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask
    assert leftovers(tmp_path) == []


def test_every_writing_command_goes_through_the_one_helper(tmp_path, monkeypatch):
    from planlint import output_file

    calls = []
    real = output_file.write_file

    def spy(target, write, **kwargs):
        calls.append(Path(target).name)
        return real(target, write, **kwargs)

    monkeypatch.setattr(output_file, "write_file", spy)
    for args in (("check", str(CLEAN), "-o", str(tmp_path / "r.json"), "-f", "json"),
                 ("report", str(CLEAN), "--html", str(tmp_path / "r.html")),
                 ("schema", "-o", str(tmp_path / "s.json")),
                 ("init", str(tmp_path / "ny.yaml"))):
        status, _, err = invoke(*args)
        assert status == 0, (args, err)
    assert calls == ["r.json", "r.html", "s.json", "ny.yaml"]


# --- Ctrl-C ---------------------------------------------------------------------------

def interrupt_at_import(module: str, *args: str) -> subprocess.CompletedProcess:
    """``planlint ARGS`` in a real process that gets SIGINT the moment it first imports ``module``."""
    script = textwrap.dedent(f"""
        import os, signal, sys

        class Interrupt:
            def find_spec(self, name, path=None, target=None):
                if name == {module!r}:
                    os.kill(os.getpid(), signal.SIGINT)
                return None

        sys.meta_path.insert(0, Interrupt())
        sys.argv = ["planlint", *{list(args)!r}]
        from planlint.__main__ import main
        main()
    """)
    env = dict(os.environ)
    env.pop("PLANLINT_LANG", None)
    return subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120, check=False)


@pytest.mark.parametrize("module", [
    "typer",  # start-up: the CLI's modules are still being imported
    "planlint_plugins.cofinancing",  # the run: plugins load inside the command
])
def test_ctrl_c_exits_130_with_one_line(module):
    done = interrupt_at_import(module, "check", str(CLEAN), "--format", "text")
    assert (done.returncode, done.stdout, done.stderr) == (130, "", "planlint: afbrudt.\n")


def test_ctrl_c_in_english():
    done = interrupt_at_import("planlint_plugins.cofinancing", "check", str(CLEAN), "--lang", "en")
    assert (done.returncode, done.stderr) == (130, "planlint: interrupted.\n")


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="watches /proc to see the run has begun")
def test_ctrl_c_during_a_real_run_is_130(tmp_path):
    for n in range(300):
        (tmp_path / f"p{n}.yaml").write_text(base_text(), encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "planlint", "check", str(tmp_path), "-f", "json",
                                "-o", str(tmp_path / "r.json")],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        # wait until the run has begun (the plugins are loaded: the CLI is past start-up)
        import time

        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            maps = Path(f"/proc/{process.pid}/maps")
            if maps.exists() and "pydantic_core" in maps.read_text(errors="replace"):
                break
            time.sleep(0.05)
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=120)
    finally:
        process.kill()
    assert (process.returncode, out, err) == (130, "", "planlint: afbrudt.\n")
    assert not (tmp_path / "r.json").exists() and leftovers(tmp_path) == []
