"""Property-based tests: mutated valid plans never crash planlint (issue 8).

Hypothesis takes a valid plan and deletes keys, changes types, swaps ids or
inserts YAML noise, then checks what a user relies on: no exception escapes,
no internal error (PLN019) or crashed built-in plugin (PLN020/PLN021/PLN022),
every finding has a code, a severity, a message in both languages and a line
that exists in the file, and the CLI exits 0 or 1 with output that parses.
"""

from __future__ import annotations

import copy
import datetime
import json
import math
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import EXAMPLES, base_text, run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planlint.engine import Linter
from planlint.findings import Severity

CODE = re.compile(r"[A-Z]+[0-9]{3}")
CRASHES = {"PLN019", "PLN020", "PLN021", "PLN022"}
PLANS = [base_text()] + [
    (EXAMPLES / name).read_text(encoding="utf-8")
    for name in ("komplet_plan.yaml", "tryg_og_aktiv_2016.yaml", "rum_for_liv.yaml")
    if (EXAMPLES / name).exists()
]
# How many examples: the profile in conftest.py (HYPOTHESIS_PROFILE=thorough for many more).
SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])

_LINTER: Linter | None = None


def linter() -> Linter:
    global _LINTER
    if _LINTER is None:
        _LINTER = Linter()
    return _LINTER


def check_findings(text: str) -> None:
    """Lint ``text`` in process and assert the properties every finding must have."""
    result = linter().lint_text(text, "plan.yaml")
    lines = len(result.document.lines) if result.document is not None and result.document.text else 1
    for finding in result.findings:
        assert finding.code not in CRASHES, (finding.code, finding.message.en)
        assert CODE.fullmatch(finding.code), finding
        assert isinstance(finding.severity, Severity), finding
        assert finding.message.da.strip() and finding.message.en.strip(), finding
        assert finding.line is not None and 1 <= finding.line <= lines, (finding, lines)
        assert finding.column is not None and finding.column >= 1, finding


# --- mutations on the data (dumped back to YAML) ---------------------------------

def _plain(text: str) -> Any:
    return yaml.safe_load(text)


def _paths(data: Any, prefix: tuple = ()) -> list[tuple]:
    """Every path to a value below ``data`` (mapping keys and list indices)."""
    found = []
    if isinstance(data, dict):
        for key, value in data.items():
            found.append(prefix + (key,))
            found.extend(_paths(value, prefix + (key,)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found.append(prefix + (index,))
            found.extend(_paths(value, prefix + (index,)))
    return found


def _parent(data: Any, path: tuple) -> Any:
    for part in path[:-1]:
        data = data[part]
    return data


ODD_VALUES = st.one_of(
    st.none(), st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([math.inf, -math.inf, math.nan, 1e309, 0.5, -1.0]),
    st.text(max_size=30),
    st.sampled_from(["", "2013-02-30", "2021", "1.000,50 kr.", "ja", "~", "*", "&", "!!str"]),
    st.just([]), st.just({}),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.sampled_from(["id", "navn", "2021", "x"]), st.integers(), max_size=3),
    st.just(datetime.date(2013, 2, 28)),
)


@st.composite
def mutated_data(draw) -> str:
    data = _plain(draw(st.sampled_from(PLANS)))
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        paths = _paths(data)
        if not paths:
            break
        kind = draw(st.sampled_from(["delete", "retype", "swap_ids", "duplicate_id"]))
        if kind in ("delete", "retype"):
            path = draw(st.sampled_from(paths))
            parent = _parent(data, path)
            if kind == "delete":
                del parent[path[-1]]
            else:
                parent[path[-1]] = draw(ODD_VALUES)
        else:
            id_paths = [p for p in paths if p[-1] == "id"]
            if len(id_paths) < 2:
                continue
            first, second = draw(st.sampled_from(id_paths)), draw(st.sampled_from(id_paths))
            one, other = _parent(data, first), _parent(data, second)
            if kind == "swap_ids":
                one["id"], other["id"] = other["id"], one["id"]
            else:
                one["id"] = copy.deepcopy(other["id"])
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


# --- mutations on the text ------------------------------------------------------

NOISE = st.sampled_from([
    ":", ": ", "- ", "-", "[", "]", "{", "}", ",", "&a ", "*a", "*nope", "!!python/object:os.system ", "!x ",
    "#", " # c", "\t", "'", '"', "\n", "\r", "\r\n", "? ", "|", ">", "%YAML 1.2\n", "---\n", "...\n", "@", "`",
    "\x85", "\u2028", "\ufeff", "\x07", "é", "æøå", "  ", "<<: *a\n", "1e309", ".nan", "9" * 30, "0x", "~",
])


@st.composite
def noisy_text(draw) -> str:
    text = draw(st.sampled_from(PLANS))
    for _ in range(draw(st.integers(min_value=1, max_value=5))):
        kind = draw(st.sampled_from(["insert", "delete_line", "duplicate_line", "indent"]))
        lines = text.split("\n")
        index = draw(st.integers(min_value=0, max_value=max(len(lines) - 1, 0)))
        if kind == "insert":
            position = draw(st.integers(min_value=0, max_value=len(text)))
            text = text[:position] + draw(NOISE) + text[position:]
            continue
        if kind == "delete_line":
            del lines[index]
        elif kind == "duplicate_line":
            lines.insert(index, lines[index])
        else:
            lines[index] = draw(st.sampled_from([" ", "  ", "\t", ""])) + lines[index].lstrip(" ")
        text = "\n".join(lines)
    return text


@SETTINGS
@given(mutated_data())
def test_mutated_data_never_crashes(text):
    check_findings(text)


@SETTINGS
@given(noisy_text())
def test_yaml_noise_never_crashes(text):
    check_findings(text)


@settings(deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_never_crashes(text):
    check_findings(text)


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(mutated_data(), noisy_text()))
def test_cli_exit_status_is_0_or_1_and_json_parses(tmp_path: Path, text: str):
    plan = tmp_path / "plan.yaml"
    plan.write_text(text, encoding="utf-8")
    done = run_cli("check", "--format", "json", str(plan))
    assert done.returncode in (0, 1), done.stderr
    report = json.loads(done.stdout)
    assert report["summary"]["files"] == 1
    assert (done.returncode == 1) == any(f["severity"] == "error" for f in report["files"][0]["findings"])


@pytest.mark.parametrize("text", PLANS[:3])
def test_the_clean_plans_stay_clean(text):
    """The starting points of the mutations are valid plans: no finding at all."""
    assert linter().lint_text(text, "plan.yaml").findings == []
