"""Turn YAML text into a tree of nodes that know their line and column.

This is the only module that talks to a YAML library, so the parser can be
chosen by measurement (``benchmarks/bench_parse.py``), not by habit.  Both
backends deliver the same *event stream* (ruamel.yaml is a fork of PyYAML and
kept its event classes), and one small builder turns events into nodes:

* ``libyaml`` - PyYAML's ``CParser`` over libyaml, ~20x faster than pure Python;
* ``ruamel`` - ruamel.yaml's pure-Python parser, used when libyaml is missing.

Building the tree ourselves, instead of letting a library construct Python
objects, is what makes loading safe and exact:

* no tag is ever constructed, so ``!!python/object`` cannot run code; unknown
  tags are reported and their value dropped;
* plain scalars are resolved by the YAML 1.2 core schema (FORMAT.md says YAML
  1.2): ``yes`` stays a string, ``2013-01-01`` stays a string the plan model
  parses as a date, ``0o17`` is octal;
* aliases are shared nodes, never copies, so an alias bomb costs nothing here;
  ``to_data`` counts what it expands against a budget;
* nesting is limited, and the builder is iterative, so deep input cannot
  exhaust the Python stack.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any, Iterator

#: Nesting deeper than this is refused; a plan needs about 10 levels.
MAX_DEPTH = 100
#: Nodes produced by ``to_data`` (aliases counted each time they are used).
MAX_NODES = 500_000

CORE_TAG = "tag:yaml.org,2002:"


class YamlError(Exception):
    """The text is not YAML we accept.  ``kind`` selects the user's message."""

    def __init__(self, kind: str, line: int, column: int, detail: str = "", **extra: Any):
        super().__init__(f"{kind} at {line}:{column}: {detail}")
        self.kind = kind
        self.line = line
        self.column = column
        self.detail = detail
        self.extra = extra


@dataclass(slots=True, eq=False)
class Node:
    line: int  # 1-based
    column: int  # 1-based
    tag: str | None = None


@dataclass(slots=True, eq=False)
class ScalarNode(Node):
    value: Any = None
    plain: bool = True


@dataclass(slots=True, eq=False)
class SequenceNode(Node):
    items: list[Node] = field(default_factory=list)


@dataclass(slots=True, eq=False)
class MappingNode(Node):
    pairs: list[tuple[Node, Node]] = field(default_factory=list)


@dataclass(slots=True)
class Notice:
    """Something odd but survivable met while building (an unknown tag...)."""

    kind: str
    line: int
    column: int
    detail: str = ""


# --- YAML 1.2 core schema -------------------------------------------------

_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_INT = re.compile(r"[-+]?[0-9]+\Z")
_OCT = re.compile(r"0o[0-7]+\Z")
_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_INF = re.compile(r"[-+]?\.(inf|Inf|INF)\Z")
_NAN = re.compile(r"\.(nan|NaN|NAN)\Z")


def resolve_plain(text: str) -> Any:
    """The value of an untagged plain scalar under the YAML 1.2 core schema."""
    if text in _NULL:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT.match(text):
        return int(text)
    if _OCT.match(text):
        return int(text[2:], 8)
    if _HEX.match(text):
        return int(text[2:], 16)
    if _FLOAT.match(text):
        return float(text)
    if _INF.match(text):
        return -math.inf if text.startswith("-") else math.inf
    if _NAN.match(text):
        return math.nan
    return text


def _resolve_tagged(tag: str, text: str) -> Any:
    """A scalar with an explicit core tag (``!!str 2013``); ValueError otherwise."""
    name = tag[len(CORE_TAG):]
    if name == "str":
        return text
    value = resolve_plain(text)
    if name == "int" and type(value) is int:
        return value
    if name == "float" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if name == "bool" and isinstance(value, bool):
        return value
    if name == "null" and value is None:
        return None
    raise ValueError(tag)


# --- backends ---------------------------------------------------------------

def _libyaml_events(text: str) -> Iterator[Any]:
    from yaml.cyaml import CParser  # PyYAML's binding; only there when built with libyaml

    parser = CParser(text)
    try:
        while parser.check_event():
            yield parser.get_event()
    finally:
        parser.dispose()


def _ruamel_events(text: str) -> Iterator[Any]:
    from ruamel.yaml import YAML

    yield from YAML(typ="safe", pure=True).parse(text)


def available_backends() -> list[str]:
    names = []
    try:
        import yaml

        if getattr(yaml, "__with_libyaml__", False):
            names.append("libyaml")
    except ImportError:
        pass
    names.append("ruamel")
    return names


_BACKEND: str | None = None


def default_backend() -> str:
    global _BACKEND
    if _BACKEND is None:
        _BACKEND = available_backends()[0]
    return _BACKEND


def _mark_error(exc: Exception) -> YamlError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else 1
    column = mark.column + 1 if mark is not None else 1
    problem = getattr(exc, "problem", None) or str(exc)
    return YamlError("syntax", line, column, str(problem))


def parse(text: str, backend: str | None = None) -> tuple[Node | None, list[Notice]]:
    """Parse one YAML document into a node tree.

    Returns ``(root, notices)``; ``root`` is None for a file with no document
    (empty, or only comments).  Raises ``YamlError`` for text that is not
    YAML, for a second document, and for nesting beyond ``MAX_DEPTH``.
    """
    backend = backend or default_backend()
    events = _libyaml_events(text) if backend == "libyaml" else _ruamel_events(text)
    try:
        return _build(events)
    except YamlError:
        raise
    except RecursionError:  # pragma: no cover - the builder does not recurse
        raise YamlError("depth", 1, 1)
    except Exception as exc:  # the backends' own MarkedYAMLError classes
        if hasattr(exc, "problem_mark") or hasattr(exc, "context_mark"):
            raise _mark_error(exc) from None
        raise


def _build(events: Iterator[Any]) -> tuple[Node | None, list[Notice]]:
    notices: list[Notice] = []
    anchors: dict[str, Node] = {}
    open_nodes: set[int] = set()  # ids of collections still being built
    stack: list[Node] = []
    pending_key: list[Node | None] = []  # per open mapping: key waiting for its value
    root: Node | None = None
    documents = 0

    def attach(node: Node) -> None:
        nonlocal root
        if not stack:
            root = node
            return
        parent = stack[-1]
        if isinstance(parent, SequenceNode):
            parent.items.append(node)
        elif pending_key[-1] is None:
            pending_key[-1] = node
        else:
            parent.pairs.append((pending_key[-1], node))  # type: ignore[union-attr]
            pending_key[-1] = None

    for event in events:
        kind = type(event).__name__
        mark = event.start_mark
        line, column = mark.line + 1, mark.column + 1
        if kind == "DocumentStartEvent":
            documents += 1
            if documents > 1:
                raise YamlError("documents", line, column)
            continue
        if kind in ("StreamStartEvent", "StreamEndEvent", "DocumentEndEvent"):
            continue
        if kind == "AliasEvent":
            target = anchors.get(event.anchor)
            if target is None:
                raise YamlError("syntax", line, column, f"found undefined alias {event.anchor!r}")
            if id(target) in open_nodes:
                notices.append(Notice("recursive_alias", line, column, event.anchor))
                attach(ScalarNode(line, column, None, None))
            else:
                attach(target)
            continue
        if kind in ("SequenceEndEvent", "MappingEndEvent"):
            node = stack.pop()
            open_nodes.discard(id(node))
            if isinstance(node, MappingNode):
                pending_key.pop()
            continue

        tag = event.tag
        if tag == "!":  # the non-specific tag of quoted scalars
            tag = None
        if kind == "ScalarEvent":
            plain = bool(event.implicit[0]) and tag is None
            value: Any = event.value
            if tag is not None:
                if tag.startswith(CORE_TAG):
                    try:
                        value = _resolve_tagged(tag, event.value)
                    except ValueError:
                        notices.append(Notice("tag", line, column, tag))
                        value = None
                else:
                    notices.append(Notice("tag", line, column, tag))
                    value = None
            elif plain:
                value = resolve_plain(event.value)
            node = ScalarNode(line, column, tag, value, plain)
        else:
            if len(stack) >= MAX_DEPTH:
                raise YamlError("depth", line, column, str(MAX_DEPTH))
            expected = CORE_TAG + ("seq" if kind == "SequenceStartEvent" else "map")
            if tag is not None and tag != expected:
                notices.append(Notice("tag", line, column, tag))
            node = SequenceNode(line, column, tag) if kind == "SequenceStartEvent" else MappingNode(line, column, tag)
        if event.anchor is not None:
            anchors[event.anchor] = node
            notices.append(Notice("anchor", line, column, event.anchor))
        attach(node)
        if not isinstance(node, ScalarNode):
            stack.append(node)
            open_nodes.add(id(node))
            if isinstance(node, MappingNode):
                pending_key.append(None)
    return root, notices


# --- from nodes to plain data --------------------------------------------

class PlanDict(dict):
    """A mapping from the plan that remembers where it is (path and node)."""

    __slots__ = ("path", "node", "entries")

    def __init__(self, path: tuple, node: MappingNode):
        super().__init__()
        self.path = path
        self.node = node
        #: key -> (key node, value node), for positions
        self.entries: dict[Any, tuple[Node, Node]] = {}


class PlanList(list):
    """A sequence from the plan that remembers where it is (path and node)."""

    __slots__ = ("path", "node")

    def __init__(self, path: tuple, node: SequenceNode):
        super().__init__()
        self.path = path
        self.node = node


@dataclass(slots=True)
class DuplicateKey:
    path: tuple
    key: Any
    line: int
    column: int
    first_line: int


@dataclass(slots=True)
class BadKey:
    """A key that is not a scalar (``? [a, b]: x``) or is unhashable."""

    path: tuple
    line: int
    column: int


def path_key(key: Any) -> str:
    """A mapping key as a path element: always text, so ints in paths are list indices."""
    if isinstance(key, str):
        return key
    if key is None:
        return "null"
    if isinstance(key, bool):
        return "true" if key else "false"
    return str(key)


def to_data(root: Node, max_nodes: int = MAX_NODES) -> tuple[Any, list[DuplicateKey], list[BadKey]]:
    """Plain Python data (``PlanDict``/``PlanList``/scalars) from a node tree.

    Paths are tuples whose ``str`` elements are mapping keys (as text, so a
    year key 2013 is ``"2013"``) and whose ``int`` elements are list indices.
    The first of two equal keys wins; the others are returned as duplicates.
    Raises ``YamlError('aliases')`` when expanding aliases would produce more
    than ``max_nodes`` nodes.
    """
    duplicates: list[DuplicateKey] = []
    bad_keys: list[BadKey] = []
    budget = [max_nodes]

    def convert(node: Node, path: tuple) -> Any:
        budget[0] -= 1
        if budget[0] < 0:
            raise YamlError("aliases", node.line, node.column, str(max_nodes))
        if isinstance(node, ScalarNode):
            return node.value
        if isinstance(node, SequenceNode):
            out = PlanList(path, node)
            for index, item in enumerate(node.items):
                out.append(convert(item, path + (index,)))
            return out
        assert isinstance(node, MappingNode)
        mapping = PlanDict(path, node)
        for key_node, value_node in node.pairs:
            if not isinstance(key_node, ScalarNode) or isinstance(key_node.value, float):
                bad_keys.append(BadKey(path, key_node.line, key_node.column))
                continue
            key = key_node.value
            if key in mapping.entries:
                first = mapping.entries[key][0]
                duplicates.append(DuplicateKey(path, key, key_node.line, key_node.column, first.line))
                continue
            mapping.entries[key] = (key_node, value_node)
            mapping[key] = convert(value_node, path + (path_key(key),))
        return mapping

    return convert(root, ()), duplicates, bad_keys
