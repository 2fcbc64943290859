"""Turn a rule's ``Example`` into a whole plan text, for tests and docs."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from typing import Any

from . import yamlparse
from .findings import parse_path
from .rule import Example


@lru_cache(maxsize=1)
def base_plan_text() -> str:
    return (files("planlint") / "data" / "base_plan.yaml").read_text(encoding="utf-8")


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _load(text: str) -> Any:
    root, _ = yamlparse.parse(text)
    return _plain(yamlparse.to_data(root)[0]) if root is not None else None


def example_text(example: Example) -> str:
    """The plan an example describes: the base plan with the example's edit."""
    if example.whole_file:
        return example.yaml
    import yaml  # PyYAML's emitter, for a readable plan

    data = _load(base_plan_text())
    target = data
    for part in parse_path(example.at):
        target = target[part] if isinstance(target, list) else target.setdefault(part, {})
    if not isinstance(target, dict):
        raise ValueError(f"example target {example.at!r} is not a mapping")
    if example.yaml.strip():
        snippet = _load(example.yaml)
        if not isinstance(snippet, dict):
            raise ValueError("an example's yaml must be a mapping of keys to set")
        target.update(snippet)
    for key in example.remove:
        target.pop(key, None)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def example_snippet(example: Example) -> str:
    """The example as shown in ``planlint explain``: the edit under its path."""
    if example.whole_file:
        return example.yaml.rstrip("\n")
    lines = []
    if example.at:
        lines.append(f"# i {example.at}:")
    for key in example.remove:
        lines.append(f"# (uden '{key}')")
    if example.yaml.strip():
        lines.extend(example.yaml.rstrip("\n").splitlines())
    return "\n".join(lines)
