"""On what authority each rule speaks: its basis, its sources, and the severity
policy that follows from them (only LBF's requirements and faults in the file
itself are errors by default)."""

from __future__ import annotations

import json
import re

import pytest

from conftest import EXAMPLES, ROOT, run_cli

from planlint.docs import all_rules, explain_text, rules_json, rules_text
from planlint.findings import Severity
from planlint.rule import BASES, Example, rule

SOURCES_MD = ROOT / "docs" / "sources.md"

#: What nobody outside the project can look up: the specs behind it, the seed
#: files and their line numbers.
FORBIDDEN = re.compile(
    r"RULES\.md|OUTPUT\.md|notes-00\d|\bseeds?\s+\d{3}\b|\b00[0-4]\s+l\.\s?\d|(?<![\w.])l\.\s?\d{2,}"
    r"|shared/(?:spec|domain|seeds)"
)
_SKIP_DIRS = {".git", ".venv", "build", "dist", "__pycache__", ".pytest_cache", ".hypothesis"}
_TEXT = {".py", ".md", ".yaml", ".yml", ".toml", ".txt", ".cfg", ".json", ".html", ".css", ".js"}


def _project_text_files():
    for path in sorted(ROOT.rglob("*")):
        parts = set(path.relative_to(ROOT).parts)
        if parts & _SKIP_DIRS or any(p.endswith(".egg-info") for p in parts) or not path.is_file():
            continue
        if path.suffix in _TEXT and path.relative_to(ROOT).parts[:2] != ("tests", "data"):
            yield path


def test_nothing_in_the_project_cites_files_outside_it_or_line_numbers():
    me = ROOT / "tests" / "test_authority.py"
    offenders = []
    for path in _project_text_files():
        if path == me:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            match = FORBIDDEN.search(line)
            if match:
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {match.group(0)!r}")
    assert offenders == [], "cite a key of docs/sources.md with a section, page or quote instead:\n" + "\n".join(offenders)


def test_the_forbidden_pattern_catches_what_it_is_for():
    for cited in ("RULES.md, Plan frame", "003 l.2414-2418", "(l.3353)", "seed 002", "notes-002 §3",
                  "../shared/spec/FORMAT.md"):
        assert FORBIDDEN.search(cited), cited
    for fine in ("cfbu-overblik-2006-2010, Offentlig rammesætning", "linje 12", "5.2.4 Lektiecafé", "kl. 12"):
        assert not FORBIDDEN.search(fine), fine


def _documented_keys() -> set[str]:
    return set(re.findall(r"^### ([a-z0-9-]+)\s*$", SOURCES_MD.read_text(encoding="utf-8"), flags=re.M))


def test_every_source_key_of_every_rule_is_described_in_docs_sources_md():
    keys = _documented_keys()
    missing = sorted({f"{r.code}: {key}" for r in all_rules() for key, _ in r.sources if key not in keys})
    assert missing == []


def test_every_built_in_rule_cites_structured_sources_and_every_described_source_is_used():
    rules = all_rules()
    assert [r.code for r in rules if not r.sources] == []
    used = {key for r in rules for key, _ in r.sources}
    assert _documented_keys() - used == set()


def test_every_rule_has_a_basis_and_follows_the_severity_policy():
    for r in all_rules():
        assert r.basis in BASES, r.code
        assert r.severity.rank <= BASES[r.basis].rank, f"{r.code}: {r.basis} defaults to {r.severity.value}"
    assert {r.basis for r in all_rules() if r.code.startswith("PLN")} == {"format"}


def test_every_krav_quotes_its_source_or_cites_lbfs_own_page():
    for r in all_rules():
        if r.basis == "krav":
            assert any('"' in detail or key.startswith("lbf-") for key, detail in r.sources), r.code


@pytest.mark.parametrize("code, severity, basis", [
    ("LBF005", "error", "krav"),         # LBF's requirement under 2006-2010 (the pack lowers it later)
    ("LBF006", "error", "krav"),
    ("COF001", "error", "krav"),
    ("LBF007", "warning", "anbefaling"),  # no LBF text of its own: CFBU on the tenants' democracy
    ("LBF011", "info", "erfaring"),       # LBF: other parties "kan også være med"
    ("COF002", "info", "erfaring"),       # LBF's 25 % is for the whole budget, not every year
    ("COF004", "warning", "erfaring"),
    ("COF005", "info", "erfaring"),
    ("SUC001", "warning", "anbefaling"),
    ("SUC002", "warning", "anbefaling"),
    ("SUC003", "warning", "anbefaling"),
    ("SUC004", "warning", "anbefaling"),
    ("FOR001", "warning", "anbefaling"),
    ("FOR002", "warning", "erfaring"),
    ("FOR005", "warning", "erfaring"),
])
def test_re_graded_rules(code, severity, basis):
    found = next(r for r in all_rules() if r.code == code)
    assert (found.severity.value, found.basis) == (severity, basis)


def test_a_built_in_rule_cannot_default_above_its_basis():
    def check(plan, ctx):
        return []

    check.__module__ = "planlint_plugins.made_up"
    with pytest.raises(ValueError, match="basis 'erfaring' defaults to at most warning"):
        rule(code="XYZ001", severity="error", basis="erfaring", title=("t", "t"),
             sources=(("haervaerk-netvaerk-2012", "6.1"),))(check)


def test_a_third_party_rule_may_choose_its_own_severity_but_needs_a_known_basis():
    def check(plan, ctx):
        return []

    check.__module__ = __name__  # a module outside planlint and its built-in plugins
    made = rule(code="XYZ002", severity="error", basis="erfaring", title=("t", "t"), source="our house rules")(check)
    assert made.rule.basis == "erfaring" and made.rule.source == "our house rules"
    with pytest.raises(ValueError, match="is not one of krav, anbefaling, erfaring, format"):
        rule(code="XYZ003", severity="info", basis="lov", title=("t", "t"), source="x")(check)
    with pytest.raises(TypeError):
        rule(code="XYZ004", severity="info", title=("t", "t"), source="x")  # basis is required


@pytest.mark.parametrize("sources, message", [
    ((("cfbu-overblik-2006-2010", "l.2414-2418"),), "cites a line number"),
    ((("CFBU overblik", "kap. 1"),), "is not lower-case words"),
    ((("cfbu-overblik-2006-2010", " "),), "needs a section, page or short quote"),
    (("cfbu-overblik-2006-2010, kap. 1",), "is a \\(key, detail\\) pair"),
    ((), "needs its sources"),
])
def test_sources_are_validated_when_the_rule_is_declared(sources, message):
    with pytest.raises(ValueError, match=message):
        rule(code="XYZ005", severity="info", basis="erfaring", title=("t", "t"), sources=sources,
             bad=Example(runnable=False))


def test_basis_is_shown_by_explain_and_every_rules_format():
    lbf011 = next(r for r in all_rules() if r.code == "LBF011")
    assert "Grundlag: erfaring (erfaring fra evalueringer og praksis)\n" in explain_text(lbf011, "da")
    english = explain_text(lbf011, "en")
    assert "Basis: erfaring (a lesson from evaluations and practice)\n" in english
    assert "Source: haervaerk-netvaerk-2012, 6.1 Det centrale samarbejde" in english
    listed = {r["code"]: r for r in json.loads(rules_json(all_rules(), "en"))["rules"]}
    assert listed["LBF006"]["basis"] == "krav" and listed["PLN001"]["basis"] == "format"
    assert listed["LBF011"]["sources"][1] == {
        "key": "lbf-organisation-oekonomi",
        "detail": "other parties \"kan også være med\" in the bestyrelse: a seat is not required"}
    lines = rules_text(all_rules(), "da").splitlines()
    assert lines[0].split() == ["Kode", "Niveau", "Grundlag", "Plugin", "Pulje", "Ret", "Titel"]
    assert next(line for line in lines if line.startswith("FOR005")).split()[:3] == ["FOR005", "advarsel", "erfaring"]
    reference = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert "| [LBF007](#lbf007) | warning | anbefaling | lbf |" in reference
    assert "[cfbu-overblik-2006-2010](sources.md#cfbu-overblik-2006-2010), Offentlig rammesætning" in reference


def test_sarif_rules_carry_their_basis():
    result = run_cli("check", str(EXAMPLES / "defekter" / "mangler_underskrift.yaml"), "-f", "sarif")
    assert result.returncode == 1
    rules = {r["id"]: r for r in json.loads(result.stdout)["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["LBF006"]["properties"]["basis"] == "krav"
    assert rules["FOR005"]["properties"]["basis"] == "erfaring"
    assert rules["PLN003"]["properties"]["basis"] == "format"


def test_no_finding_of_the_example_plans_is_above_its_rules_basis(linter):
    rules = {r.code: r for r in all_rules()}
    for path in sorted(EXAMPLES.rglob("*.yaml")):
        for finding in linter.lint_file(path).findings:
            cap = BASES[rules[finding.code].basis]
            assert finding.severity.rank <= cap.rank, f"{path.name}: {finding.code} {finding.severity.value}"


def test_configuration_can_still_raise_a_rule(tmp_path):
    plan = (EXAMPLES / "defekter" / "forankring_i_egne_medarbejdere.yaml").read_text(encoding="utf-8")
    (tmp_path / "plan.yaml").write_text(plan, encoding="utf-8")
    (tmp_path / ".planlint.yaml").write_text("severity: {FOR005: error}\n", encoding="utf-8")
    result = run_cli("check", str(tmp_path / "plan.yaml"), "-f", "json")
    assert result.returncode == 1
    assert [(f["code"], f["severity"]) for f in json.loads(result.stdout)["files"][0]["findings"]] == [("FOR005", "error")]
    assert Severity.ERROR.rank > BASES["erfaring"].rank
