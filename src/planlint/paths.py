"""Walking parsed YAML data: pydantic error locations and plan paths.

A leaf module shared by the validation of plans (``validate``) and of rule
packs (``rulepack``): both turn a pydantic error's ``loc`` into the path of
the YAML that caused it, so the error is reported at its line.
"""

from __future__ import annotations

from typing import Any

from .findings import PlanPath
from .yamlparse import PlanDict, path_key


def loc_to_path(data: Any, loc: tuple) -> tuple[PlanPath, Any, bool]:
    """Follow a pydantic ``loc`` through the data.

    Returns the plan path, the value found there, and whether the error is
    about a mapping *key* (pydantic's ``'[key]'`` marker).
    """
    path: list[Any] = []
    current = data
    is_key = False
    for part in loc:
        if part == "[key]":
            is_key = True
            break
        if isinstance(current, list) and isinstance(part, int):
            path.append(part)
            current = current[part] if 0 <= part < len(current) else None
        elif isinstance(current, dict):
            path.append(path_key(part))
            current = current.get(part)
        else:
            path.append(part if isinstance(part, int) else path_key(part))
            current = None
    return tuple(path), current, is_key


def written_at(data: Any, loc: tuple) -> str:
    """The text of the plain scalar at a pydantic ``loc``, as the file wrote it ('' if unknown)."""
    container, key = None, None
    current = data
    for part in loc:
        if isinstance(current, dict) and part in current:
            container, key, current = current, part, current[part]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            container, key, current = None, None, current[part]
        else:
            return ""
    entry = getattr(container, "entries", {}).get(key) if container is not None else None
    return getattr(entry[1], "text", "") if entry else ""


def value_at(data: Any, path: PlanPath) -> Any:
    """The value at a plan path (keys as ``path_key`` writes them), or None."""
    current = data
    for part in path:
        if isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            current = current[part]
        elif isinstance(current, PlanDict):
            current = next((v for k, v in current.items() if path_key(k) == part), None)
        else:
            return None
    return current
