"""``planlint lsp``: a language server over stdio, for editors.

It publishes the same findings as ``planlint check`` as diagnostics when a
plan is opened, changed (debounced) or saved; offers each certain fix
(``check --fix``) as a quick fix plus one "fix all" action; and shows the
rule's ``planlint explain`` text on hover over a finding.  The configuration
found above each plan applies, as for ``check``.  A plan that does not parse
gives its PLN diagnostics; nothing a plan contains stops the server.

Only plan files are linted: ``*.yaml``/``*.yml`` documents (the client's
document selector should say the same; see docs/editor.md).
"""

from __future__ import annotations

import asyncio
import functools
import logging
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from . import __version__
from .findings import FileResult, Finding, Severity

#: seconds of quiet after a change before the plan is linted again
DEBOUNCE = 0.3

_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}

#: characters that end the token a diagnostic underlines
_TOKEN_END = set(" \t,:{}[]#")

_log = logging.getLogger("planlint.lsp")


def utf16_column(line: str, column: int) -> int:
    """LSP counts UTF-16 code units; planlint's 1-based column counts characters."""
    return len(line[: max(column - 1, 0)].encode("utf-16-le")) // 2


def token_range(lines: list[str], line: int | None, column: int | None) -> types.Range:
    """The 0-based range of the token a finding points at (the whole first line when it has no place)."""
    if line is None or not 1 <= line <= len(lines):
        return types.Range(types.Position(0, 0), types.Position(0, len(lines[0]) if lines else 0))
    text = lines[line - 1]
    start = max((column or 1) - 1, 0)
    end = start
    while end < len(text) and text[end] not in _TOKEN_END:
        end += 1
    if end == start:
        end = min(start + 1, len(text))
    return types.Range(types.Position(line - 1, utf16_column(text, start + 1)),
                       types.Position(line - 1, utf16_column(text, end + 1)))


@functools.cache
def _rules_md_uri() -> str | None:
    """docs/rules.md as a file URI, when planlint runs from a checkout that has it (looked up once)."""
    rules_md = Path(__file__).resolve().parent.parent.parent / "docs" / "rules.md"
    return rules_md.as_uri() if rules_md.is_file() else None


def rules_doc_url(code: str) -> str | None:
    """The rule's section of docs/rules.md, when planlint runs from a checkout that has it."""
    base = _rules_md_uri()
    return f"{base}#{code.lower()}" if base else None


def diagnostic(finding: Finding, lines: list[str], lang: str) -> types.Diagnostic:
    message = finding.message.get(lang)
    if finding.hint is not None:
        message += "\n" + finding.hint.get(lang)
    url = rules_doc_url(finding.code)
    return types.Diagnostic(
        range=token_range(lines, finding.line, finding.column),
        message=message,
        severity=_SEVERITY.get(finding.severity or Severity.ERROR),
        code=finding.code,
        code_description=types.CodeDescription(href=url) if url else None,
        source="planlint",
    )


class PlanServer(LanguageServer):
    """The server: one linter for the session, the latest result per open plan."""

    def __init__(self) -> None:
        super().__init__("planlint", __version__)
        self._linter: Any = None
        self.results: dict[str, FileResult] = {}
        self.pending: dict[str, asyncio.Task] = {}

    @property
    def linter(self) -> Any:
        if self._linter is None:
            from .engine import Linter

            self._linter = Linter()
        return self._linter

    def lint(self, uri: str) -> None:
        """Lint the open document and publish its diagnostics; never raises."""
        try:
            document = self.workspace.get_text_document(uri)
            path = Path(to_fs_path(uri) or "plan.yaml")
            settings = self.linter.settings_for(path)
            result = self.linter.lint_text(document.source, str(path), settings=settings)
            self.results[uri] = result
            lines = document.source.splitlines()
            diagnostics = [diagnostic(f, lines, result.lang) for f in result.findings]
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, version=document.version, diagnostics=diagnostics))
        except Exception as exc:  # noqa: BLE001 - a bad configuration or a bug must not end the session
            _log.exception("planlint could not lint %s", uri)
            self.window_log_message(types.LogMessageParams(
                type=types.MessageType.Error, message=f"planlint: {type(exc).__name__}: {exc}"))

    def lint_later(self, uri: str) -> None:
        """Lint after ``DEBOUNCE`` seconds without another change (typing is not linted key by key)."""
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()

        async def later() -> None:
            await asyncio.sleep(DEBOUNCE)
            self.pending.pop(uri, None)
            self.lint(uri)

        self.pending[uri] = asyncio.get_running_loop().create_task(later())


def is_plan(uri: str) -> bool:
    from .load import is_plan_file

    return is_plan_file(Path(uri))


def fix_actions(server: PlanServer, uri: str, wanted: types.Range) -> list[types.CodeAction]:
    """A quick fix per fixable finding on the requested lines, and one "fix all" when any exists."""
    from .fix import apply_fixes, fixes_of

    result = server.results.get(uri)
    if result is None:
        return []
    source = server.workspace.get_text_document(uri).source
    actions = []
    for finding in result.findings:
        if finding.fix is None or finding.line is None:
            continue
        if not wanted.start.line <= finding.line - 1 <= wanted.end.line:
            continue
        after, applied = apply_fixes(source, [finding.fix])
        if applied:
            actions.append(types.CodeAction(
                title=f"planlint: {finding.fix.description.get(result.lang)} ({finding.code})",
                kind=types.CodeActionKind.QuickFix,
                edit=_edit(uri, source, after),
                is_preferred=True,
            ))
    every = fixes_of(result.findings)
    if every:
        after, applied = apply_fixes(source, every)
        if applied:
            title = "planlint: ret alle sikre fund" if result.lang == "da" else "planlint: fix all certain findings"
            actions.append(types.CodeAction(title=title, kind=types.CodeActionKind.SourceFixAll,
                                            edit=_edit(uri, source, after)))
    return actions


def _edit(uri: str, before: str, after: str) -> types.WorkspaceEdit:
    """One text edit replacing the lines that differ (the rest of the buffer is untouched)."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    top = 0
    while top < min(len(old), len(new)) and old[top] == new[top]:
        top += 1
    bottom = 0
    while bottom < min(len(old), len(new)) - top and old[-1 - bottom] == new[-1 - bottom]:
        bottom += 1
    replaced = types.Range(types.Position(top, 0), types.Position(len(old) - bottom, 0))
    return types.WorkspaceEdit(changes={uri: [types.TextEdit(range=replaced,
                                                             new_text="".join(new[top:len(new) - bottom]))]})


def hover_text(server: PlanServer, uri: str, position: types.Position) -> str | None:
    """``planlint explain`` of every finding on the hovered line."""
    from .docs import explain

    result = server.results.get(uri)
    if result is None:
        return None
    codes = list(dict.fromkeys(f.code for f in result.findings if f.line is not None and f.line - 1 == position.line))
    if not codes:
        return None
    return "\n\n---\n\n".join(f"```text\n{explain(code, result.lang)}```" for code in codes)


def build_server() -> PlanServer:
    server = PlanServer()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: PlanServer, params: types.DidOpenTextDocumentParams) -> None:
        if is_plan(params.text_document.uri):
            ls.lint(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: PlanServer, params: types.DidChangeTextDocumentParams) -> None:
        if is_plan(params.text_document.uri):
            ls.lint_later(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: PlanServer, params: types.DidSaveTextDocumentParams) -> None:
        if is_plan(params.text_document.uri):
            ls.lint(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: PlanServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.results.pop(uri, None)
        waiting = ls.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll]))
    def code_action(ls: PlanServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        try:
            return fix_actions(ls, params.text_document.uri, params.range)
        except Exception:  # noqa: BLE001 - no action rather than a dead server
            _log.exception("code actions failed")
            return []

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: PlanServer, params: types.HoverParams) -> types.Hover | None:
        try:
            text = hover_text(ls, params.text_document.uri, params.position)
        except Exception:  # noqa: BLE001
            _log.exception("hover failed")
            return None
        if text is None:
            return None
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text))

    return server


def run() -> int:
    """Serve over stdin/stdout until the client says exit."""
    from .startup import resume_gc

    server = build_server()
    resume_gc()  # a server lives long: its garbage must be collected from the start (startup.py)
    server.start_io()
    return 0
