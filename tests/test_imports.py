"""The shape of the code: every module imports, and no import goes in a circle."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

from conftest import ROOT

SRC = ROOT / "src" / "planlint"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in sorted(SRC.rglob("*.py"))}


def _imports(name: str, path: Path) -> set[str]:
    """The planlint modules a module imports, at its top or inside functions.

    Imports under ``if TYPE_CHECKING:`` are left out: they never run.  A
    function-level import is counted: it only delays a cycle, it does not
    remove it.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {id(node) for block in ast.walk(tree)
                   if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
                   for node in ast.walk(block)}
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            prefix = ".".join(base + ([node.module] if node.module else []))
            targets = [f"{prefix}.{alias.name}" for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in MODULES:  # ``from .x import name``: the module is x
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def test_every_module_imports():
    for name in MODULES:
        if name != "planlint.__main__":  # runs the command line
            importlib.import_module(name)


def test_no_import_cycle():
    graph = {name: _imports(name, path) for name, path in MODULES.items()}
    assert graph["planlint.validate"] >= {"planlint.references", "planlint.suggestions"}  # the walk sees imports
    done: set[str] = set()

    def visit(name: str, trail: list[str]) -> None:
        if name in trail:
            cycle = trail[trail.index(name):] + [name]
            pytest.fail("import cycle: " + " -> ".join(cycle))
        if name in done:
            return
        for imported in sorted(graph[name]):
            visit(imported, trail + [name])
        done.add(name)

    for name in sorted(graph):
        visit(name, [])


# --- the public API: what plugins may import -------------------------------------------

PLUGIN_DIRS = [ROOT / "plugins", ROOT / "examples"]


def _planlint_imports(path: Path) -> list[tuple[int, str, list[str]]]:
    """(line, module, names) of every import of planlint in a file."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and not node.level and node.module:
            modules = [(node.module, [alias.name for alias in node.names])]
        elif isinstance(node, ast.Import):
            modules = [(alias.name, []) for alias in node.names]
        else:
            continue
        found += [(node.lineno, module, names) for module, names in modules
                  if module == "planlint" or module.startswith("planlint.")]
    return found


def test_plugins_import_only_the_public_api():
    import planlint

    files = [path for folder in PLUGIN_DIRS for path in sorted(folder.rglob("*.py"))]
    assert len(files) > 50
    wrong = [f"{path.relative_to(ROOT)}:{line}: {module} {names}"
             for path in files for line, module, names in _planlint_imports(path)
             if module != "planlint" or not set(names) <= set(planlint.__all__)]
    assert wrong == [], "plugins import what planlint exports (planlint.__all__), nothing else"


def test_every_public_name_exists():
    import planlint

    for name in planlint.__all__:
        assert getattr(planlint, name) is not None, name
    assert callable(planlint.rule) and planlint.rule.__module__ == "planlint.rule"  # the decorator, not the module


def test_importing_planlint_does_not_import_pydantic():
    """Nor pluggy or typer: ``planlint --version`` (launch.py) imports only the package."""
    import subprocess
    import sys

    code = ("import sys, planlint; print(sorted(m for m in ('pydantic', 'planlint.model', 'pluggy', 'typer')"
            " if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "[]"
