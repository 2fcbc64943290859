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

import bisect
import itertools
import math
import re
from dataclasses import dataclass, field
from typing import Any, Iterator, NamedTuple

#: Nesting deeper than this is refused; a plan needs about 10 levels.
MAX_DEPTH = 100
#: Values a file may expand to: its own nodes plus every alias's copy of its
#: anchor.  A plan has a few thousand; the limit keeps a 5 MB file of tiny
#: values, or a "billion laughs" alias bomb, well inside 2 s and 300 MB.
MAX_NODES = 50_000
#: Longest integer literal read as a number.  Python refuses to turn ints of
#: more than 4300 digits into text, and no amount or year needs 100 digits.
MAX_INT_DIGITS = 100

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
    #: the scalar as written, for messages about what YAML made of it (``450.000`` is 450.0)
    text: str = ""


@dataclass(slots=True, eq=False)
class SequenceNode(Node):
    items: list[Node] = field(default_factory=list)


@dataclass(slots=True, eq=False)
class MappingNode(Node):
    pairs: list[tuple[Node, Node]] = field(default_factory=list)


# Records that never change are named tuples: a dataclass costs every run's
# start 0.5-1.5 ms to create (Python 3.11 compiles its generated methods).


class Notice(NamedTuple):
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


class NumberTooLong(ValueError):
    """An integer literal longer than ``MAX_INT_DIGITS``."""


#: First characters of plain scalars that may be a number (or .inf/.nan); any
#: other start is text or one of the words in ``_WORDS``, decided without a regex.
_NUMBER_START = frozenset("0123456789-+.")
_WORDS: dict[str, Any] = {**{word: None for word in _NULL if word}, **{word: True for word in _TRUE},
                          **{word: False for word in _FALSE}}


def resolve_plain(text: str) -> Any:
    """The value of an untagged plain scalar under the YAML 1.2 core schema.

    Raises ``NumberTooLong`` for an integer of more than ``MAX_INT_DIGITS``
    characters (its text could not even be shown in a message).
    """
    if not text:
        return None
    if text[0] not in _NUMBER_START:  # most scalars of a plan: names, descriptions, keys
        return _WORDS.get(text, text)
    if len(text) > MAX_INT_DIGITS and (_INT.match(text) or _OCT.match(text) or _HEX.match(text)):
        raise NumberTooLong(text[:20])
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

def _libyaml_events(text: str) -> tuple[Iterator[Any], Any]:
    """The events and the function that frees the parser (called when done)."""
    from yaml.cyaml import CParser  # PyYAML's binding; only there when built with libyaml

    parser = CParser(text)
    # no generator in between: the builder pulls each event straight from libyaml;
    # get_event returns None after the stream's end (libyaml's NO_EVENT)
    return iter(parser.get_event, None), parser.dispose


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


# YAML 1.1 parsers (libyaml, ruamel) also break lines at NEL, LINE SEPARATOR and
# PARAGRAPH SEPARATOR; YAML 1.2, editors and ``PlanDocument.lines`` do not.
# Before parsing, each is swapped for a private-use character the text does
# not contain (one character for one, so every index and column stays put),
# and swapped back in scalar values: lines then agree everywhere, and a NEL in
# a comment or a plain scalar is content, as YAML 1.2 says.
_FOREIGN_BREAKS = "\x85\u2028\u2029"


def shield_breaks(text: str) -> tuple[str, dict[int, str]]:
    """The text with YAML 1.1-only line breaks swapped out, and the table that swaps them back."""
    present = [char for char in _FOREIGN_BREAKS if char in text]
    if not present:
        return text, {}
    stand_ins = (chr(code) for code in range(0xF0000, 0x10FFFE) if chr(code) not in text)
    swap = {char: next(stand_ins) for char in present}
    return text.translate(str.maketrans(swap)), {ord(new): old for old, new in swap.items()}


_EDITOR_BREAK = re.compile(r"\r\n|\r|\n")


def position_of(text: str, index: int) -> tuple[int, int]:
    """1-based (line, column) of a character index, counting lines as an editor does."""
    index = max(0, min(index, len(text)))
    breaks = _EDITOR_BREAK.findall(text, 0, index)
    start = text.rfind("\n", 0, index)
    start = max(start, text.rfind("\r", 0, index))
    return len(breaks) + 1, index - start


def _mark_error(exc: Exception, text: str, backend: str) -> YamlError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = str(getattr(exc, "problem", None) or getattr(exc, "reason", None) or exc)
    if mark is not None:
        line, column = mark.line + 1, mark.column + 1
    elif isinstance(getattr(exc, "position", None), int):
        # a ReaderError (a control character): libyaml counts bytes of UTF-8, ruamel characters
        index = exc.position  # type: ignore[attr-defined]
        if backend == "libyaml":
            index = len(text.encode("utf-8", "surrogatepass")[:index].decode("utf-8", "ignore"))
        line, column = position_of(text, index)
        character = getattr(exc, "character", None)
        if isinstance(character, int):
            problem = f"control characters are not allowed (U+{character:04X})"
    else:
        line, column = 1, 1
    if "maximum nesting depth" in problem:  # libyaml's own limit (1000) met before ours
        return YamlError("depth", line, column, str(MAX_DEPTH))
    return YamlError("syntax", line, column, problem)


def parse(text: str, backend: str | None = None) -> tuple[Node | None, list[Notice]]:
    """Parse one YAML document into a node tree.

    Returns ``(root, notices)``; ``root`` is None for a file with no document
    (empty, or only comments).  Raises ``YamlError`` for text that is not
    YAML, for a second document, and for nesting beyond ``MAX_DEPTH``.
    """
    backend = backend or default_backend()
    shielded, restore = shield_breaks(text)
    events, done = _libyaml_events(shielded) if backend == "libyaml" else (_ruamel_events(shielded), None)
    try:
        return _build(events, restore)
    except YamlError as exc:
        exc.detail = exc.detail.translate(restore)
        raise
    except RecursionError:  # pragma: no cover - the builder does not recurse
        raise YamlError("depth", 1, 1, str(MAX_DEPTH)) from None
    except Exception as exc:  # the backends' own YAMLError classes (MarkedYAMLError, ReaderError)
        if type(exc).__name__ in ("ReaderError", "ScannerError", "ParserError", "ComposerError") or (
                hasattr(exc, "problem_mark") or hasattr(exc, "context_mark")):
            error = _mark_error(exc, shielded, backend)
            error.detail = error.detail.translate(restore)
            raise error from None
        raise
    finally:
        if done is not None:
            done()


def _build(events: Iterator[Any], restore: dict[int, str] | None = None) -> tuple[Node | None, list[Notice]]:
    """The node tree of the events, in one pass (see ``_Builder``)."""
    builder = _Builder(restore or None)
    builder.run(events)
    return builder.root, builder.notices


#: Event class name -> what the builder does with it.
_SCALAR, _START, _END, _ALIAS, _DOCUMENT, _SKIP = range(6)
_EVENT_KINDS = {
    "ScalarEvent": _SCALAR, "SequenceStartEvent": _START, "MappingStartEvent": _START,
    "SequenceEndEvent": _END, "MappingEndEvent": _END, "AliasEvent": _ALIAS,
    "DocumentStartEvent": _DOCUMENT, "StreamStartEvent": _SKIP, "StreamEndEvent": _SKIP,
    "DocumentEndEvent": _SKIP,
}


class _Builder:
    """Events -> nodes with positions, in one pass, iteratively (no recursion).

    Plain scalars are resolved once, here; the rarer events (collections,
    aliases, tags, anchors) have their own methods.  Every node is counted
    against ``MAX_NODES`` as it comes, an alias as the size of its anchor's
    subtree, so an alias bomb is refused before anything is expanded:
    ``produced`` counts every node, ``own`` only the nodes written in the file.
    """

    def __init__(self, restore: dict[int, str] | None):
        self.restore = restore
        self.notices: list[Notice] = []
        self.root: Node | None = None
        self.anchors: dict[str, Node] = {}
        self.stack: list[Node] = []  # open collections
        self.open_ids: set[int] = set()  # ids of collections still being built
        self.pending_key: list[Node | None] = []  # per open mapping: key waiting for its value
        self.started_at: list[int] = []  # per open collection: ``produced`` when it started
        self.subtree_size: dict[int, int] = {}  # anchored collections (by id): expanded size
        self.documents = 0
        self.produced = 0
        self.own = 0
        self.kinds: dict[type, int] = {}  # event class -> kind, for either backend's classes

    def run(self, events: Iterator[Any]) -> None:
        kinds = self.kinds
        restore = self.restore
        stack = self.stack
        pending_key = self.pending_key
        for event in events:
            cls = type(event)
            kind = kinds.get(cls)
            if kind is None:
                kind = kinds[cls] = _EVENT_KINDS.get(cls.__name__, _SKIP)
            if kind == _SCALAR:
                mark = event.start_mark
                line, column = mark.line + 1, mark.column + 1
                text = event.value.translate(restore) if restore else event.value
                if event.tag is None and event.implicit[0] and event.anchor is None:  # the common case
                    try:
                        value = resolve_plain(text)
                    except NumberTooLong:
                        self.notices.append(Notice("number", line, column, str(MAX_INT_DIGITS)))
                        value = None
                    node: Node = ScalarNode(line, column, None, value, True, text)
                    self.produced += 1
                    self.own += 1
                    if self.produced > MAX_NODES:
                        self.refuse(line, column)
                    parent = stack[-1] if stack else None  # ``attach``, inlined for the common case
                    if type(parent) is MappingNode:
                        if pending_key[-1] is None:
                            pending_key[-1] = node
                        else:
                            parent.pairs.append((pending_key[-1], node))
                            pending_key[-1] = None
                    else:
                        self.attach(node)
                else:
                    self.scalar(event, text, line, column)
            elif kind == _START:
                self.start(event, cls.__name__ == "SequenceStartEvent")
            elif kind == _END:
                self.end()
            elif kind == _ALIAS:
                self.alias(event)
            elif kind == _DOCUMENT:
                self.documents += 1
                if self.documents > 1:
                    mark = event.start_mark
                    raise YamlError("documents", mark.line + 1, mark.column + 1)

    def refuse(self, line: int, column: int) -> None:
        kind = "aliases" if self.produced - self.own > self.own else "nodes"
        raise YamlError(kind, line, column, str(MAX_NODES))

    def attach(self, node: Node) -> None:
        stack = self.stack
        if not stack:
            self.root = node
            return
        parent = stack[-1]
        if type(parent) is SequenceNode:
            parent.items.append(node)
        elif self.pending_key[-1] is None:
            self.pending_key[-1] = node
        else:
            parent.pairs.append((self.pending_key[-1], node))  # type: ignore[attr-defined]
            self.pending_key[-1] = None

    def anchor(self, event: Any, node: Node) -> None:
        if event.anchor is not None:
            self.anchors[event.anchor] = node
            self.notices.append(Notice("anchor", node.line, node.column, event.anchor))
            if not isinstance(node, ScalarNode):
                self.subtree_size[id(node)] = 1

    def scalar(self, event: Any, text: str, line: int, column: int) -> None:
        """A scalar with a tag, quoted, or anchored."""
        tag = event.tag
        if tag == "!":  # the non-specific tag of quoted scalars
            tag = None
        plain = bool(event.implicit[0]) and tag is None
        value: Any = text
        try:
            if tag is not None:
                value = None
                if tag.startswith(CORE_TAG):
                    try:
                        value = _resolve_tagged(tag, text)
                    except NumberTooLong:
                        raise
                    except ValueError:
                        self.notices.append(Notice("tag", line, column, tag))
                else:
                    self.notices.append(Notice("tag", line, column, tag))
            elif plain:
                value = resolve_plain(text)
        except NumberTooLong:
            self.notices.append(Notice("number", line, column, str(MAX_INT_DIGITS)))
            value = None
        node = ScalarNode(line, column, tag, value, plain, text)
        self.anchor(event, node)
        self.attach(node)
        self.count(line, column, 1, 1)

    def start(self, event: Any, sequence: bool) -> None:
        mark = event.start_mark
        line, column = mark.line + 1, mark.column + 1
        if len(self.stack) >= MAX_DEPTH:
            raise YamlError("depth", line, column, str(MAX_DEPTH))
        tag = event.tag
        if tag == "!":
            tag = None
        if tag is not None and tag != CORE_TAG + ("seq" if sequence else "map"):
            self.notices.append(Notice("tag", line, column, tag))
        node: Node = SequenceNode(line, column, tag) if sequence else MappingNode(line, column, tag)
        self.anchor(event, node)
        self.attach(node)
        self.started_at.append(self.produced)
        self.count(line, column, 1, 1)
        self.stack.append(node)
        self.open_ids.add(id(node))
        if not sequence:
            self.pending_key.append(None)

    def end(self) -> None:
        node = self.stack.pop()
        self.open_ids.discard(id(node))
        start = self.started_at.pop()
        if id(node) in self.subtree_size:  # anchored: remember what an alias to it costs
            self.subtree_size[id(node)] = self.produced - start
        if type(node) is MappingNode:
            self.pending_key.pop()

    def alias(self, event: Any) -> None:
        mark = event.start_mark
        line, column = mark.line + 1, mark.column + 1
        target = self.anchors.get(event.anchor)
        if target is None:
            raise YamlError("syntax", line, column, f"found undefined alias {event.anchor!r}")
        if id(target) in self.open_ids:
            self.notices.append(Notice("recursive_alias", line, column, event.anchor))
            self.attach(ScalarNode(line, column, None, None))
            self.count(line, column, 1, 1)
        else:
            self.attach(target)
            self.count(line, column, self.subtree_size.get(id(target), 1), 0)

    def count(self, line: int, column: int, nodes: int, written: int) -> None:
        self.produced += nodes
        self.own += written
        if self.produced > MAX_NODES:
            self.refuse(line, column)


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


class DuplicateKey(NamedTuple):
    path: tuple
    key: Any
    line: int
    column: int
    first_line: int


class BadKey(NamedTuple):
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
        # keys by their path text too: 2016 and '2016' are one year of a year map, one path element
        named: dict[str, Node] = {}
        for key_node, value_node in node.pairs:
            if not isinstance(key_node, ScalarNode) or isinstance(key_node.value, float):
                bad_keys.append(BadKey(path, key_node.line, key_node.column))
                continue
            key = key_node.value
            name = path_key(key)
            first = mapping.entries[key][0] if key in mapping.entries else named.get(name)
            if first is not None:
                duplicates.append(DuplicateKey(path, key, key_node.line, key_node.column, first.line))
                continue
            named[name] = key_node
            mapping.entries[key] = (key_node, value_node)
            mapping[key] = convert(value_node, path + (name,))
        return mapping

    return convert(root, ()), duplicates, bad_keys


# --- comments ----------------------------------------------------------------
# Suppression comments (``# planlint: disable=...``) need the comments, which no
# event stream carries.  The scanner's tokens cover every scalar, quoted or
# block, so whatever lies *between* tokens is whitespace and comments only: a
# ``#`` inside ``"a # b"`` or a ``|`` block is never taken for a comment.

#: What the parser (after ``shield_breaks``), the editor and so every line number
#: planlint reports count as a line break.
_YAML_BREAK = re.compile("\r\n|\r|\n")
#: Tokens scanned for comments; past this (a hostile file the parser refuses
#: anyway) the rest is scanned by the simpler rule, so the scan stays bounded.
_MAX_TOKENS = 4 * MAX_NODES


class Comment(NamedTuple):
    line: int  # 1-based
    column: int  # 1-based, of the '#'
    text: str  # from '#' to the end of the line
    alone: bool  # nothing but whitespace before it on its line


def _token_spans(text: str) -> tuple[list[tuple[int, int, int, int, bool]], tuple[int, int] | None]:
    """(start line, start col, end line, end col, is block scalar) of every token (0-based).

    The second value is where scanning stopped on a syntax error (the end of
    the last good token), or None when the whole text was scanned.
    """
    from yaml import YAMLError

    try:
        from yaml.cyaml import CParser as scanner_class  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - PyYAML without libyaml
        from yaml import SafeLoader as scanner_class  # type: ignore[assignment]
    spans: list[tuple[int, int, int, int, bool]] = []
    stopped: tuple[int, int] | None = (0, 0)
    scanner = None
    try:
        scanner = scanner_class(shield_breaks(text)[0])  # lines as the parser counts them
        while scanner.check_token():
            token = scanner.get_token()
            start, end = token.start_mark, token.end_mark
            block = getattr(token, "style", None) in ("|", ">")
            spans.append((start.line, start.column, end.line, end.column, block))
            if len(spans) >= _MAX_TOKENS:
                return spans, (end.line, end.column)
        stopped = None
    except YAMLError:  # a syntax error: the caller scans the rest by a simpler rule
        if spans:
            stopped = max((s[2], s[3]) for s in spans)
    finally:
        if scanner is not None and hasattr(scanner, "dispose"):
            scanner.dispose()
    return spans, stopped


def _plain_scan_comment(line: str, start: int) -> int:
    """Index of a comment's '#' in ``line[start:]`` by a quote-aware scan, or -1.

    Used only after a syntax error, where there are no tokens: quotes opened at
    the start of a value are skipped to their end on the same line.
    """
    index = start
    quote = ""
    while index < len(line):
        char = line[index]
        if quote:
            if char == "\\" and quote == '"':
                index += 1
            elif char == quote:
                if quote == "'" and line[index + 1:index + 2] == "'":
                    index += 1
                else:
                    quote = ""
        elif char in "'\"" and (index == 0 or line[index - 1] in " \t[{,:-"):
            quote = char
        elif char == "#" and (index == 0 or line[index - 1] in " \t"):
            return index
        index += 1
    return -1


def comments(text: str) -> list[Comment]:
    """Every comment in YAML text, in order, at the positions the parser reports."""
    text = text.removeprefix("\ufeff")
    lines = _YAML_BREAK.split(text)
    spans, stopped = _token_spans(text)
    # per line, the column ranges tokens cover; a block scalar covers whole lines
    covered: dict[int, list[tuple[int, int]]] = {}
    for start_line, start_col, end_line, end_col, block in spans:
        for number in range(start_line, end_line + 1):
            first = start_col if number == start_line else 0
            last = end_col if number == end_line else len(lines[number]) if number < len(lines) else 0
            if block and number == start_line:
                # the header ``|-  # note`` belongs to the token, but its comment is a comment
                header = lines[number][first:]
                mark = header.find("#")
                last = first + mark if mark > 0 and header[mark - 1] in " \t" else len(lines[number])
            covered.setdefault(number, []).append((first, last))
    found: list[Comment] = []
    for number, line in enumerate(lines):
        if stopped is not None and (number, 0) >= (stopped[0], 0):
            begin = stopped[1] if number == stopped[0] else 0
            hash_at = _plain_scan_comment(line, begin)
        else:
            hash_at = _first_uncovered_hash(line, covered.get(number, []))
        if hash_at >= 0:
            found.append(Comment(number + 1, hash_at + 1, line[hash_at:], not line[:hash_at].strip()))
    return found


def _first_uncovered_hash(line: str, ranges: list[tuple[int, int]]) -> int:
    # by bisection: a line of 5 MB can hold a million '#' inside a million tokens
    ranges = sorted(ranges)
    starts = [first for first, _ in ranges]
    reach = list(itertools.accumulate((last for _, last in ranges), max))  # furthest end so far
    index = line.find("#")
    while index >= 0:
        before = bisect.bisect_right(starts, index) - 1
        if before < 0 or reach[before] <= index:
            return index
        index = line.find("#", index + 1)
    return -1
