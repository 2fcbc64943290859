"""Plan text is data: one function per kind of output makes it safe to show there.

A plan (or a file name) can hold anything: newlines that would forge a second
finding line or a GitHub workflow command, ESC and BEL bytes a terminal acts
on, rich markup (``[link=javascript:...]``), Markdown links and images.  Every
formatter and report view passes plan-derived strings through the function
for its output here, and none escapes on its own, so the rules live in one
place:

* ``visible``: control characters (C0, DEL, C1, line and paragraph
  separators, bidirectional overrides) become their escapes (``\\n``,
  ``\\x1b``, ``\\u202e``), so a line stays one line and nothing reaches a
  terminal as a command.  The base of every other function here.
* ``rich_text`` / ``markup``: for rich (a ``Text``, never parsed as markup;
  ``markup`` where a markup string cannot be avoided).
* ``github_data`` / ``github_property``: GitHub's workflow-command escapes.
* ``markdown``: text in a GitHub-flavoured Markdown table cell that renders
  as that text: no HTML, links, images, autolinks or emphasis.
* ``xml``: text XML 1.0 can hold (ElementTree escapes ``<`` and ``&``).

JSON and SARIF need nothing here: ``json.dump`` escapes control characters,
and their readers want the data as it is.
"""

from __future__ import annotations

import re
from typing import Any

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` on one line with every control character shown as its escape (``\\n``, ``\\x1b``)."""
    return _CONTROL.sub(_escape, text)


def visible_data(value: Any) -> Any:
    """``visible`` applied to every text in JSON-like data (keys too), for a view that renders it."""
    if isinstance(value, str):
        return visible(value)
    if isinstance(value, dict):
        return {visible_data(key): visible_data(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [visible_data(item) for item in value]
    return value


# --- rich --------------------------------------------------------------------------

def rich_text(text: str, style: str = "") -> Any:
    """A rich ``Text`` of plan text: shown literally (``[/b]`` is text, not markup)."""
    from rich.text import Text

    return Text(visible(text), style=style)


def markup(text: str) -> str:
    """Plan text inside a rich markup string (prefer ``rich_text``)."""
    from rich.markup import escape

    return escape(visible(text))


# --- GitHub workflow commands ----------------------------------------------------

def github_data(text: str) -> str:
    """The message part of ``::error ...::message`` (``%``, CR and LF escaped as GitHub reads them)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: str) -> str:
    """A property value (``file=...``): also ``:`` and ``,``."""
    return github_data(visible(text)).replace(":", "%3A").replace(",", "%2C")


# --- Markdown -----------------------------------------------------------------------

_MD_PUNCT = re.compile(r"([\\`*_\[\]()!|~])")
_WWW = re.compile(r"(?i)\bw(?=ww\.)")
_CODE_SPAN = re.compile(r"(`[^`]+`)")


def _markdown_text(text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_PUNCT.sub(r"\\\1", text)
    text = text.replace("://", "&#58;//")
    text = _WWW.sub("&#119;", text)
    return text.replace("@", "&#8203;@")


def markdown(text: str) -> str:
    """Plan text in a GitHub-flavoured Markdown table cell, shown as text.

    HTML is escaped as entities, the characters of links, images and
    emphasis are backslash-escaped (``|`` too, so the cell stays one cell),
    and what GitHub would turn into a link by itself (``http://``, ``www.``,
    ``name@host``) is broken by an entity the reader does not see.  A
    ```key``` in backticks (how messages quote keys) stays a code span: inside
    one nothing is a link or HTML, and escapes would show, so only ``|`` is escaped.
    """
    parts = _CODE_SPAN.split(visible(text))
    return "".join(part.replace("|", "\\|") if index % 2 else _markdown_text(part)
                   for index, part in enumerate(parts))


# --- XML ------------------------------------------------------------------------------

_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")


def xml(text: str) -> str:
    """Plan text XML 1.0 can hold: control characters escaped, the rest replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", visible(text))
