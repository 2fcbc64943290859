"""``planlint lsp``: a real server process spoken to over stdio, as an editor does."""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from conftest import base_text, line_of

TYPO = base_text().replace("        succeskriterier:\n", "        succeskriterer:\n", 1)
TIMEOUT = 60


class Client:
    """A minimal LSP client: Content-Length framed JSON-RPC over the server's pipes."""

    def __init__(self, cwd: Path):
        self.process = subprocess.Popen([sys.executable, "-m", "planlint", "lsp"], cwd=cwd,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.inbox: queue.Queue = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        while True:
            length = None
            while True:
                header = stream.readline()
                if not header:
                    return
                if header in (b"\r\n", b"\n"):
                    break
                name, _, value = header.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            self.inbox.put(json.loads(stream.read(length)))

    def send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method: str, params: dict) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: dict):
        self.next_id += 1
        ident = self.next_id
        self.send({"id": ident, "method": method, "params": params})
        reply = self.wait(lambda m: m.get("id") == ident and "method" not in m)
        assert "error" not in reply, reply
        return reply["result"]

    def wait(self, matches):
        while True:
            message = self.inbox.get(timeout=TIMEOUT)
            if matches(message):
                return message

    def diagnostics(self, uri: str) -> list[dict]:
        message = self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                            and m["params"]["uri"] == uri)
        return message["params"]["diagnostics"]


# one language server for the module, in one xdist worker (pyproject: --dist loadgroup)
pytestmark = pytest.mark.xdist_group("lsp")


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    folder = tmp_path_factory.mktemp("editor")
    client = Client(folder)
    client.request("initialize", {"processId": None, "rootUri": folder.as_uri(), "capabilities": {}})
    client.notify("initialized", {})
    yield client, folder
    try:
        client.request("shutdown", None)
        client.notify("exit", None)
        client.process.wait(timeout=TIMEOUT)
    finally:
        if client.process.poll() is None:
            client.process.kill()


def open_plan(client: Client, folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1,
                                                            "text": text}})
    return uri


def test_diagnostics_match_check_with_0_based_positions(session):
    client, folder = session
    uri = open_plan(client, folder, "typo.yaml", TYPO)
    found = client.diagnostics(uri)
    assert [d["code"] for d in found] == ["PLN003"]
    (only,) = found
    line = line_of(TYPO, "succeskriterer:") - 1
    column = TYPO.splitlines()[line].index("succeskriterer")
    assert only["range"]["start"] == {"line": line, "character": column}
    assert only["range"]["end"] == {"line": line, "character": column + len("succeskriterer")}
    assert only["source"] == "planlint"
    assert only["severity"] == 1
    assert "mente du 'succeskriterier'?" in only["message"]
    assert only["codeDescription"]["href"].endswith("docs/rules.md#pln003")


def test_code_action_offers_the_fix_as_a_text_edit(session):
    client, folder = session
    uri = open_plan(client, folder, "action.yaml", TYPO)  # each test opens its own plan (xdist may split them)
    client.diagnostics(uri)
    line = line_of(TYPO, "succeskriterer:") - 1
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri},
        "range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}},
        "context": {"diagnostics": []},
    })
    quick = [a for a in actions if a["kind"] == "quickfix"]
    assert len(quick) == 1
    assert "succeskriterier" in quick[0]["title"]
    (edit,) = quick[0]["edit"]["changes"][uri]
    assert edit["range"] == {"start": {"line": line, "character": 0}, "end": {"line": line + 1, "character": 0}}
    assert edit["newText"] == "        succeskriterier:\n"
    assert any(a["kind"] == "source.fixAll" for a in actions)


def test_hover_over_a_finding_explains_the_rule(session):
    client, folder = session
    uri = open_plan(client, folder, "hover.yaml", TYPO)
    client.diagnostics(uri)
    line = line_of(TYPO, "succeskriterer:") - 1
    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                  "position": {"line": line, "character": 10}})
    assert hover["contents"]["kind"] == "markdown"
    assert "PLN003: Ukendt nøgle" in hover["contents"]["value"]
    assert client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                 "position": {"line": 0, "character": 0}}) is None


def test_a_change_that_breaks_the_yaml_gives_pln_diagnostics_and_the_server_lives_on(session):
    client, folder = session
    uri = open_plan(client, folder, "change.yaml", TYPO)
    client.diagnostics(uri)
    for version, text in ((2, "version: 1\nplan: [\n"), (3, "version: 1\nplan:\n  navn: x\n   pulje: y\n")):
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                 "contentChanges": [{"text": text}]})
    # debounced: only the last text is linted
    found = client.diagnostics(uri)
    assert [d["code"] for d in found] == ["PLN001"]
    assert found[0]["range"]["start"]["line"] == 3
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 4},
                                             "contentChanges": [{"text": base_text()}]})
    assert client.diagnostics(uri) == []


def test_closing_a_plan_clears_its_diagnostics(session):
    client, folder = session
    uri = open_plan(client, folder, "closing.yaml", TYPO)
    assert client.diagnostics(uri) != []
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert client.diagnostics(uri) == []
