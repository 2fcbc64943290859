"""planlint as a pre-commit hook: the manifest, and a run in a temporary git repository.

The offline test runs the manifest's hook (its entry, files and exclude) as a
``language: unsupported`` (formerly ``system``) local hook against the
installed planlint, since ``language: python`` pip-installs planlint and its
dependencies into a fresh environment.  That full install is tested too when
``PLANLINT_TEST_PRECOMMIT_INSTALL=1`` (it needs a package index).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import EXAMPLES, ROOT, base_text

MANIFEST = ROOT / ".pre-commit-hooks.yaml"
PRE_COMMIT = Path(sys.executable).with_name("pre-commit")


def hook() -> dict:
    hooks = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    assert [h["id"] for h in hooks] == ["planlint"]
    return hooks[0]


def test_the_manifest_declares_the_planlint_hook():
    manifest = hook()
    assert manifest["entry"] == "planlint check"
    assert manifest["language"] == "python"
    files, exclude = re.compile(manifest["files"]), re.compile(manifest["exclude"])

    def picked(path: str) -> bool:
        return bool(files.search(path)) and not exclude.search(path)

    assert [picked(p) for p in ("plan.yaml", "planer/øst.yml", "plan.json", "plan.yaml.bak")] == [True, True, False, False]
    assert [picked(p) for p in (".pre-commit-config.yaml", ".github/workflows/ci.yml", "planer/.planlint.yaml")] == [
        False, False, False]


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"})


def plan_repository(tmp_path: Path, config: str) -> Path:
    repo = tmp_path / "planer"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / "ren.yaml").write_text(base_text(), encoding="utf-8")
    shutil.copy(EXAMPLES / "defekter" / "ukendt_noegle.yaml", repo / "ukendt_noegle.yaml")
    (repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    git(repo, "add", "-A")
    return repo


def pre_commit(repo: Path, home: Path, *files: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"  # the installed planlint
    args = ["run", "--files", *files] if files else ["run", "--all-files"]
    return subprocess.run([str(PRE_COMMIT), *args, "--color", "never"], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=600, check=False)


needs_pre_commit = pytest.mark.skipif(not PRE_COMMIT.exists() or shutil.which("git") is None,
                                      reason="pre-commit (the 'test' extra) and git are needed")


def local_config() -> str:
    """The manifest's hook as a local hook that uses the planlint already installed."""
    manifest = hook()
    language = "unsupported" if _knows_unsupported() else "system"
    return ("repos:\n- repo: local\n  hooks:\n"
            f"  - id: {manifest['id']}\n    name: {manifest['name']}\n    entry: {manifest['entry']}\n"
            f"    language: {language}\n    files: '{manifest['files']}'\n    exclude: '{manifest['exclude']}'\n")


def _knows_unsupported() -> bool:
    from pre_commit import all_languages

    return "unsupported" in all_languages.languages


@needs_pre_commit
def test_the_hook_fails_a_commit_with_a_bad_plan_and_passes_a_good_one(tmp_path):
    repo = plan_repository(tmp_path, local_config())
    bad = pre_commit(repo, tmp_path / "home", "ukendt_noegle.yaml", "ren.yaml")
    assert bad.returncode == 1
    assert "ukendt_noegle.yaml:55:9: PLN003 error Ukendt nøgle 'succeskriterer'" in bad.stdout
    assert "ren.yaml:" not in bad.stdout
    good = pre_commit(repo, tmp_path / "home", "ren.yaml")
    assert good.returncode == 0, good.stdout
    assert re.search(r"^planlint\.+Passed$", good.stdout, re.MULTILINE)


@needs_pre_commit
def test_the_hook_leaves_the_repositorys_config_files_alone(tmp_path):
    repo = plan_repository(tmp_path, local_config())
    (repo / "ukendt_noegle.yaml").unlink()
    git(repo, "add", "-A")
    done = pre_commit(repo, tmp_path / "home")  # --all-files: .pre-commit-config.yaml is YAML too
    assert done.returncode == 0, done.stdout


@needs_pre_commit
@pytest.mark.skipif(os.environ.get("PLANLINT_TEST_PRECOMMIT_INSTALL") != "1",
                    reason="set PLANLINT_TEST_PRECOMMIT_INSTALL=1 to pip-install planlint as pre-commit does")
def test_the_published_hook_installs_and_runs(tmp_path):
    source = tmp_path / "planlint-src"
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", ".venv", ".git")
    source.mkdir()
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy(ROOT / name, source / name)
    for name in ("src", "plugins", "rules"):
        shutil.copytree(ROOT / name, source / name, ignore=ignore)
    git(source, "init", "-q")
    git(source, "add", "-A")
    git(source, "commit", "-qm", "planlint")
    sha = subprocess.run(["git", "rev-parse", "HEAD"], cwd=source, capture_output=True, text=True,
                         check=True).stdout.strip()
    config = f"repos:\n- repo: {source}\n  rev: {sha}\n  hooks:\n  - id: planlint\n"
    repo = plan_repository(tmp_path, config)
    done = pre_commit(repo, tmp_path / "home", "ukendt_noegle.yaml")
    assert done.returncode == 1, done.stdout
    assert "ukendt_noegle.yaml:55:9: PLN003 error" in done.stdout
