"""Fixes: ``planlint check --fix`` and ``--diff``, and the language server's code actions.

A finding may carry a ``Fix`` (``planlint.findings``): edits by place in the
plan (a new value, a key renamed).  They are applied through ruamel.yaml's
round-trip mode, which keeps the author's comments, key order, quoting and
flow/block style.  ruamel still lays out a few things its own way (a flow
mapping spread over two lines becomes one), so the result is merged back
three ways: the lines the edit changed are taken from ruamel's output, every
other line stays byte for byte as the author wrote it.

planlint writes to a plan file only here, only when asked (``--fix``), only a
file that parsed, never through a symlink that leads out of the checked
folders, and atomically.
"""

from __future__ import annotations

import difflib
import io
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

from .findings import Edit, FileResult, Finding, Fix

#: Findings that mean the file was not read as a plan: such a file is never rewritten.
_UNREADABLE = frozenset({"PLN001", "PLN011", "PLN012", "PLN013", "PLN014", "PLN015", "PLN019"})

#: (mapping, sequence, offset) indentations tried to match the author's layout, most common first
_LAYOUTS = ((2, 4, 2), (2, 2, 0), (4, 6, 4), (4, 4, 0), (4, 4, 2), (2, 4, 0))

#: passes over one file: a fix can make another one possible (a renamed key is then validated)
MAX_PASSES = 5


class _Unfixable(Exception):
    """The edit's place is not in the file as ruamel reads it, or the new key exists."""


def fixes_of(findings: Iterable[Finding]) -> list[Fix]:
    return [finding.fix for finding in findings if finding.fix is not None]


def can_rewrite(result: FileResult) -> bool:
    """Whether the file was read as a plan (a file that did not parse is never written).

    Asks the result's ``PlanDocument``: a result ``check`` released (its plan
    dropped when the file was done, ``engine.released``) cannot say, so
    ``fix_results`` lints such a file again from its text.
    """
    return (getattr(result.document, "plan", None) is not None
            and not any(finding.code in _UNREADABLE for finding in result.findings))


def _unreadable(result: FileResult) -> bool:
    """The findings say the file was not read as a plan (no need for its document to know)."""
    return any(finding.code in _UNREADABLE for finding in result.findings)


def apply_fixes(text: str, fixes: Sequence[Fix]) -> tuple[str, list[Fix]]:
    """The text with the fixes applied, and the fixes that took effect.

    A fix whose place ruamel cannot find, or that would rename a key onto one
    that exists, is left out; the text is unchanged when none applies or the
    text is not YAML ruamel reads.
    """
    if not fixes:
        return text, []
    newline = "\r\n" if "\r\n" in text else "\n"
    plain = text.replace("\r\n", "\n")
    try:
        yaml, data, baseline = _load(plain)
    except Exception:  # noqa: BLE001 - ruamel rejects what planlint's parser accepted: no fix, no crash
        return text, []
    applied = []
    for fix in fixes:
        try:
            for edit in fix.edits:
                _apply(data, edit)
        except _Unfixable:
            continue
        applied.append(fix)
    if not applied:
        return text, []
    edited = _dump(yaml, data)
    merged = _merge(plain, baseline, edited)
    return merged.replace("\n", newline) if newline != "\n" else merged, applied


def _load(text: str) -> tuple[Any, Any, str]:
    """ruamel's round-trip loader set to the layout that changes the fewest lines, the data, and its dump."""
    from ruamel.yaml import YAML

    best: tuple[int, Any, str] | None = None
    for mapping, sequence, offset in _LAYOUTS:
        yaml = YAML(typ="rt")
        yaml.preserve_quotes = True
        yaml.width = 1_000_000  # never wrap a long line the author kept on one
        yaml.allow_duplicate_keys = True  # PLN002 reports them; the fix keeps both as written
        yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
        data = yaml.load(text)
        dumped = _dump(yaml, data)
        if dumped == text:
            return yaml, data, dumped
        changed = sum(1 for line in difflib.ndiff(text.splitlines(), dumped.splitlines()) if line[:1] in "+-")
        if best is None or changed < best[0]:
            best = (changed, (yaml, data), dumped)
    assert best is not None
    (yaml, data), dumped = best[1], best[2]
    return yaml, data, dumped


def _dump(yaml: Any, data: Any) -> str:
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


def _key(mapping: Any, name: Any) -> Any:
    """The mapping's own key for a path element (year keys are strings in paths, ints in YAML)."""
    for key in mapping:
        if key == name or str(key) == str(name):
            return key
    raise _Unfixable(name)


def _walk(data: Any, path: Sequence[Any]) -> Any:
    node = data
    for part in path:
        if isinstance(part, int) and isinstance(node, list) and 0 <= part < len(node):
            node = node[part]
        elif isinstance(node, dict):
            node = node[_key(node, part)]
        else:
            raise _Unfixable(part)
    return node


def _apply(data: Any, edit: Edit) -> None:
    if not edit.path:
        raise _Unfixable(edit)
    parent = _walk(data, edit.path[:-1])
    if not isinstance(parent, dict):
        raise _Unfixable(edit)
    key = _key(parent, edit.path[-1])
    if not edit.rename:
        parent[key] = edit.value
        return
    if any(str(other) == str(edit.value) for other in parent):
        raise _Unfixable(edit)  # renaming onto an existing key would make a duplicate
    position = list(parent).index(key)
    comment = parent.ca.items.pop(key, None) if hasattr(parent, "ca") else None
    value = parent.pop(key)
    parent.insert(position, edit.value, value)
    if comment is not None:
        parent.ca.items[edit.value] = comment


def _merge(original: str, baseline: str, edited: str) -> str:
    """``original`` with the changes from ``baseline`` to ``edited``; other lines as written.

    ``baseline`` is ruamel's layout of the unedited file, ``edited`` of the
    edited one: their difference is the edit alone.  Where ``baseline``
    equals ``original`` the change goes in line for line; where ruamel laid a
    region out differently, that whole region takes ruamel's edited layout.
    """
    ours = original.splitlines(keepends=True)
    base = baseline.splitlines(keepends=True)
    theirs = edited.splitlines(keepends=True)
    layout = difflib.SequenceMatcher(None, ours, base, autojunk=False).get_opcodes()
    changes = [op for op in difflib.SequenceMatcher(None, base, theirs, autojunk=False).get_opcodes()
               if op[0] != "equal"]
    replacements: list[tuple[int, int, list[str]]] = []
    for _tag, b1, b2, t1, t2 in changes:
        # the layout blocks this change touches, as ranges of ours and of base
        start = end = None
        for tag, o1, o2, c1, c2 in layout:
            touches = (c1 < b2 and b1 < c2) or (b1 == b2 and c1 <= b1 <= c2 and (tag != "equal" or b1 < c2))
            if not touches:
                continue
            if tag == "equal":
                lo, hi = max(b1, c1), min(b2, c2)
                span = (o1 + (lo - c1), o1 + (hi - c1), lo, hi)
            else:
                span = (o1, o2, c1, c2)
            start = span if start is None else start
            end = span
        if start is None:  # an insertion at the very end
            replacements.append((len(ours), len(ours), theirs[t1:t2]))
            continue
        assert end is not None
        o_from, b_from = start[0], start[2]
        o_to, b_to = end[1], end[3]
        if b1 == b2:  # a pure insertion inside an equal block
            o_from = o_to = start[0]
            b_from = b_to = b1
        replacements.append((o_from, o_to, base[b_from:b1] + theirs[t1:t2] + base[b2:b_to]))
    for o_from, o_to, lines in sorted(replacements, key=lambda r: r[0], reverse=True):
        ours[o_from:o_to] = lines
    return "".join(ours)


def unified_diff(path: str, before: str, after: str) -> str:
    from .escape import visible

    name = visible(path)  # a file name must not break or forge a diff header
    return "".join(difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                        fromfile=f"a/{name}", tofile=f"b/{name}"))


@dataclass
class FileFix:
    """What fixing one file did (or would do, for ``--diff``)."""

    path: Path
    display: str
    before: str
    after: str
    fixed: list[Finding] = field(default_factory=list)


def read_plan_text(path: Path) -> tuple[str, bool]:
    """A plan file's text (BOM removed) and whether it had a BOM."""
    raw = path.read_bytes()
    bom = raw.startswith(b"\xef\xbb\xbf")
    return raw[3:].decode("utf-8") if bom else raw.decode("utf-8"), bom


def inside_checked_tree(path: Path, roots: Iterable[Path]) -> bool:
    """Whether the file a path leads to lies in one of the checked folders (symlinks resolved)."""
    real = os.path.realpath(path)
    for root in roots:
        top = os.path.realpath(root)
        if real == top or real.startswith(top.rstrip(os.sep) + os.sep):
            return True
    return False


def checked_roots(paths: Iterable[str]) -> list[Path]:
    """The folders a run checks: each folder named, and the folder of each file named."""
    roots = []
    for name in paths:
        path = Path(name)
        roots.append(path if path.is_dir() else path.parent)
    return roots


def write_plan(path: Path, text: str, bom: bool = False) -> None:
    """Replace a plan's text atomically (output_file.write_file), keeping its BOM and mode."""
    from .output_file import write_file

    write_file(path, lambda stream: stream.write(("\ufeff" if bom else "") + text), fixing_the_plan=True,
               what=("Planen", "The plan"))


def fix_results(linter: Any, files: Sequence[Path], results: Sequence[FileResult], roots: Sequence[Path],
                write: bool) -> tuple[list[FileResult], list[FileFix], list[str]]:
    """Fix (``write``) or only work out the fixes of linted files.

    ``results`` are ``files`` linted, in the same order; they may be released
    (``check`` keeps findings, not plans): the text is read from the file
    again, and a file with fixes is linted again from that text, one file at a
    time.  Returns the results after fixing (re-linted from disk when
    written, and released again), what was fixed per file, and the files left
    alone because a symlink leads out of the checked folders.
    """
    from .engine import released

    after: list[FileResult] = []
    done: list[FileFix] = []
    outside: list[str] = []
    for path, result in zip(files, results):
        if not fixes_of(result.findings) or _unreadable(result):
            after.append(result)
            continue
        if not inside_checked_tree(path, roots):
            outside.append(result.path)
            after.append(result)
            continue
        try:
            before, bom = read_plan_text(path)
        except (OSError, UnicodeDecodeError):  # gone or changed since it was linted: left alone
            after.append(result)
            continue
        text, fixed = _fixed_text(linter, path, result, before)
        if not fixed:
            after.append(result)
            continue
        done.append(FileFix(path, result.path, before, text, fixed))
        if write:
            write_plan(path, text, bom)
            after.append(released(linter.lint_file(path, result.path)))
        else:
            after.append(result)
    return after, done, outside


def _fixed_text(linter: Any, path: Path, result: FileResult, text: str) -> tuple[str, list[Finding]]:
    """The text after every certain fix, pass by pass, and the findings fixed."""
    settings = linter.settings_for(path)
    if not can_rewrite(result):  # released: the plan is gone, so lint the text read from the file
        result = linter.lint_text(text, result.path, settings=settings)
        if not can_rewrite(result):
            return text, []
    current, fixed = result, []
    for _ in range(MAX_PASSES):
        candidate, applied = apply_fixes(text, fixes_of(current.findings))
        if not applied or candidate == text:
            break
        relinted = linter.lint_text(candidate, result.path, settings=settings)
        if not can_rewrite(relinted):
            break  # the edit would leave a file that does not parse: keep the last good text
        fixed += [finding for finding in current.findings if finding.fix in applied]
        text, current = candidate, relinted
    return text, fixed
