"""A loaded plan file: its text, its node tree, its model and where things are."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .findings import Finding, PlanPath
from .yamlparse import MappingNode, Node, SequenceNode, path_key

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass
class PlanDocument:
    """What plugins get besides the model: the file's text and positions."""

    path: str  # the file as shown to the user
    text: str = ""
    root: Node | None = None
    data: Any = None
    plan: Any = None  # planlint.model.Plan, or None when the file is no plan at all
    findings: list[Finding] = field(default_factory=list)  # the loader's PLN findings
    _lines: list[str] | None = None

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

    def locate(self, path: PlanPath) -> tuple[int, int]:
        """1-based (line, column) of a path, or of its deepest part that exists.

        A mapping entry is located at its key (``finansiering:``), a list item
        at the item; a path to a key the plan lacks is located at the mapping
        that should hold it.
        """
        node = self.root
        if node is None:
            return (1, 1)
        position = (node.line, node.column)
        for part in path:
            if isinstance(node, MappingNode):
                for key_node, value_node in node.pairs:
                    if path_key(getattr(key_node, "value", None)) == str(part):
                        position = (key_node.line, key_node.column)
                        node = value_node
                        break
                else:
                    break
            elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.items):
                node = node.items[part]
                position = (node.line, node.column)
            else:
                break
        return position

    def value_position(self, path: PlanPath) -> tuple[int, int] | None:
        """Where the *value* at a path starts, or None when the path does not exist."""
        node = self.root
        for part in path:
            if isinstance(node, MappingNode):
                node = next((v for k, v in node.pairs if path_key(getattr(k, "value", None)) == str(part)), None)
            elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.items):
                node = node.items[part]
            else:
                return None
            if node is None:
                return None
        return (node.line, node.column) if node is not None else None
