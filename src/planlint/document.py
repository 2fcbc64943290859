"""A loaded plan file: its text, its node tree, its model and where things are."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterator

from .findings import Finding, PlanPath
from .yamlparse import MappingNode, Node, SequenceNode, path_key

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(eq=False)  # one document per file read: equal only to itself
class PlanDocument:
    """What plugins get besides the model: the file's text and positions."""

    path: str  # the file as shown to the user
    text: str = ""
    root: Node | None = None
    data: Any = None
    plan: Any = None  # planlint.model.Plan, or None when the file is no plan at all
    findings: list[Finding] = field(default_factory=list)  # the loader's PLN findings
    _lines: list[str] | None = None
    #: per mapping node (by id): key as path text -> (key node, value node), first key wins;
    #: built on first use so that locating n findings in a mapping of n keys is not n*n
    _entries: dict[int, dict[str, tuple[Node, Node]]] = field(default_factory=dict, repr=False)
    #: paths of defined keys that the file wrote misspelt (reported as PLN003
    #: with that key as the suggestion); see ``wrote``
    misspelt: set[PlanPath] = field(default_factory=set, repr=False)

    def entry(self, node: MappingNode, part: Any) -> tuple[Node, Node] | None:
        """The (key node, value node) of ``part`` in a mapping node, or None."""
        table = self._entries.get(id(node))
        if table is None:
            table = {}
            for key_node, value_node in node.pairs:
                table.setdefault(path_key(getattr(key_node, "value", None)), (key_node, value_node))
            self._entries[id(node)] = table
        return table.get(str(part))

    @property
    def lines(self) -> list[str]:
        """The file's lines without line breaks (CR, LF and CRLF all break)."""
        if self._lines is None:
            self._lines = _LINE_BREAK.split(self.text)
        return self._lines

    def line_text(self, line: int | None) -> str:
        if line is None or not 1 <= line <= len(self.lines):
            return ""
        return self.lines[line - 1]

    def _steps(self, path: PlanPath) -> Iterator[tuple[Node, Node]]:
        """Walk ``path`` down the node tree: per part, the node that marks its
        place (a key, or a list item) and the value there.  Stops early at the
        first part the file does not have."""
        node = self.root
        for part in path:
            if isinstance(node, MappingNode):
                found = self.entry(node, part)
                if found is None:
                    return
                yield found
                node = found[1]
            elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.items):
                node = node.items[part]
                yield node, node
            else:
                return

    def node_at(self, path: PlanPath) -> Node | None:
        """The value node at ``path``, or None when the file does not have it."""
        if self.root is None:
            return None
        steps = list(self._steps(path))
        if len(steps) != len(path):
            return None
        return steps[-1][1] if steps else self.root

    def locate(self, path: PlanPath) -> tuple[int, int]:
        """1-based (line, column) of a path, or of its deepest part that exists.

        A mapping entry is located at its key (``finansiering:``), a list item
        at the item; a path to a key the plan lacks is located at the mapping
        that should hold it.
        """
        if self.root is None:
            return (1, 1)
        marker: Node = self.root
        for marker, _value in self._steps(path):
            pass
        return (marker.line, marker.column)

    def wrote(self, path: PlanPath) -> bool:
        """True when the file has a non-empty value at the path, valid or not.

        The model loses values the schema rejected (a PLN finding reports
        them); a rule about a *missing* key asks this so that one mistake
        yields one finding: ``mål: "mange"`` is a bad value, not a missing one,
        and ``succeskriterer:`` (reported as an unknown key with its
        suggestion) is a misspelt ``succeskriterier``, not a missing one.
        Null, an empty text and an empty list or mapping count as not written.
        """
        if path in self.misspelt:
            return True
        node = self.node_at(path)
        if isinstance(node, MappingNode):
            return bool(node.pairs)
        if isinstance(node, SequenceNode):
            return bool(node.items)
        value = getattr(node, "value", None)
        return value is not None and str(value).strip() != ""

    def value_position(self, path: PlanPath) -> tuple[int, int] | None:
        """Where the *value* at a path starts, or None when the path does not exist."""
        node = self.node_at(path)
        return (node.line, node.column) if node is not None else None
