"""Rule packs: the base pack every pulje extends, and the plugins' own sections."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import ClassVar

import pytest

from conftest import ROOT, base_text, line_of

from planlint.errors import UsageError
from planlint.rulepack import PackError, PackSection, load_pack_file, load_packs

RULES = ROOT / "rules"


def _pack(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# --- base.yaml and extends ---------------------------------------------------------------

#: what each round's pack says, as the four packs said it before they shared base.yaml
ROUNDS = {
    "2006-2010": {"areas.closed": False, "areas.unknown_severity": "warning", "main_activity.severity": "error",
                  "agreements.required": False, "agreements.severity": "info", "board.applies": False,
                  "board.severity": "info", "period.latest_end": "2017-12-31", "agreements.topics": []},
    "2011-2014": {"areas.closed": True, "main_activity.severity": "info", "agreements.required": True,
                  "board.required": False, "board.severity": "warning", "period.latest_end": None},
    "2015-2018": {"areas.closed": True, "agreements.severity": "error", "board.required": True,
                  "board.applies": True, "period.latest_end": None},
    "2019-2026": {"areas.closed": True, "areas.unknown_severity": "error", "main_activity.severity": "info",
                  "board.required": True, "board.severity": "error", "period.latest_end": None,
                  "agreements.topics": ["organisering", "indsatser", "mål", "indikatorer"]},
}


@pytest.mark.parametrize("pulje", sorted(ROUNDS))
def test_each_rounds_pack_keeps_its_own_values_over_the_base(pulje, linter):
    pack = linter.packs[pulje]
    dumped = pack.model_dump(mode="json")
    for dotted, value in ROUNDS[pulje].items():
        section, key = dotted.split(".")
        assert dumped[section][key] == value, dotted
    # shared by every round, written once in base.yaml
    assert (pack.period.years, pack.period.tolerance_days) == (4, 31)
    assert (pack.cofinancing.lbf_max_percent, pack.cofinancing.local_min_percent) == (75, 25)
    assert pack.section("success").target_year_min_days == 183
    assert "finansi" in pack.section("forankring").funding_conditions
    assert pack.section("governance").resident_party_types == ["afdelingsbestyrelse", "frivillige"]
    assert sorted(pack.sources) == ["bag-facaderne-2014", "build-2021-21", "cfbu-overblik-2006-2010", "fsb-indsatser",
                                    "haervaerk-netvaerk-2012", "lbf-ansoegning-2011-2014", "lbf-ansoegning-2015-2018",
                                    "lbf-boligsociale-indsatser", "lbf-organisation-oekonomi", "rum-for-liv-2012"]


def test_the_base_is_not_a_pack_of_its_own():
    assert sorted(load_packs()) == ["2006-2010", "2011-2014", "2015-2018", "2019-2026"]
    assert (RULES / "base.yaml").is_file()


def test_extends_merges_mappings_key_by_key_and_replaces_other_values(tmp_path):
    for path in RULES.glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    own = tmp_path / "pulje_2019_2026.yaml"
    own.write_text(own.read_text(encoding="utf-8") + "period:\n  years: 5\n", encoding="utf-8")
    pack = load_packs(str(tmp_path))["2019-2026"]
    assert (pack.period.years, pack.period.tolerance_days) == (5, 31)  # one key replaced, the rest kept
    assert pack.areas.names[0] == "Uddannelse og livschancer"  # a list of the pack's own


def test_a_broken_value_is_reported_in_the_file_that_wrote_it(tmp_path):
    base = _pack(tmp_path, "base.yaml", (RULES / "base.yaml").read_text(encoding="utf-8")
                 .replace("tolerance_days: 31", "tolerance_days: -1"))
    own = _pack(tmp_path, "pulje_2019_2026.yaml", (RULES / "pulje_2019_2026.yaml").read_text(encoding="utf-8")
                .replace("  closed: true\n", "").replace("lbf-boligsociale-indsatser, de fire indsatsområder\"",
                                                         "lbf.dk\"\n  closed: 7"))
    with pytest.raises(PackError) as caught:
        load_pack_file(own)
    assert caught.value.en.startswith(f"The rule pack pulje_2019_2026.yaml, line {line_of(own.read_text(), 'closed: 7')} (areas.closed)")
    own.write_text((RULES / "pulje_2019_2026.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(PackError) as caught:
        load_pack_file(own)
    assert caught.value.en.startswith(
        f"The rule pack base.yaml, line {line_of(base.read_text(), 'tolerance_days')} (period.tolerance_days)")


@pytest.mark.parametrize(("extends", "says"), [
    ("gone.yaml", "extends gone.yaml, which is not in its folder"),
    ("pulje_x.yaml", "extends itself"),
    ("../rules/base.yaml", "must name a file in the same folder"),
])
def test_a_pack_that_extends_nothing_usable_is_a_usage_error(tmp_path, extends, says):
    path = _pack(tmp_path, "pulje_x.yaml", f"extends: {extends}\npulje: x\n")
    with pytest.raises(UsageError) as caught:
        load_pack_file(path)
    assert says in caught.value.en


# --- a plugin's own section ---------------------------------------------------------------

class Words(PackSection):
    """A third-party plugin's section."""

    words: list[str]


class MaybeWords(Words):
    optional: ClassVar[bool] = True


def _registry(**sections):
    """The installed plugins and one more, ``ord``, declaring these sections."""
    from types import ModuleType

    from planlint import hookimpl
    from planlint.plugins import build_registry

    @hookimpl
    def planlint_pack_sections():
        return sections

    registry = build_registry()
    plugin = ModuleType("ord")  # a module, as an entry point gives (pluggy calls hooks per plugin: hashable)
    plugin.planlint_pack_sections = planlint_pack_sections  # type: ignore[attr-defined]
    registry.manager.register(plugin, name="ord")
    return registry


def _packs_with(tmp_path, extra: str) -> Path:
    for path in RULES.glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    base = tmp_path / "base.yaml"
    base.write_text(base.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return tmp_path


def test_a_plugin_reads_its_own_section_validated_by_its_model(tmp_path):
    from planlint.engine import Linter

    folder = _packs_with(tmp_path, "ord:\n  words: [a, b]\n  source: here\n")
    linter = Linter(registry=_registry(ord=Words), packs_dir=str(folder))
    section = linter.packs["2019-2026"].section("ord")
    assert isinstance(section, Words) and section.words == ["a", "b"]
    assert linter.lint_text(base_text()).findings == []


def test_a_broken_plugin_section_names_file_and_line(tmp_path):
    from planlint.engine import Linter

    folder = _packs_with(tmp_path, "ord:\n  words: 7\n  source: here\n")
    linter = Linter(registry=_registry(ord=Words), packs_dir=str(folder))
    with pytest.raises(PackError) as caught:
        linter.packs["2019-2026"]
    line = line_of((folder / "base.yaml").read_text(encoding="utf-8"), "words: 7")
    assert caught.value.en.startswith(f"The rule pack base.yaml, line {line} (ord.words)")


def test_a_missing_section_is_an_error_unless_the_model_is_optional(tmp_path):
    from planlint.engine import Linter

    with pytest.raises(PackError, match="lacks the section 'ord'"):
        Linter(registry=_registry(ord=Words)).packs["2019-2026"]
    assert Linter(registry=_registry(ord=MaybeWords)).packs["2019-2026"].section("ord") is None


def test_a_section_nobody_declared_is_an_error(tmp_path):
    from planlint.engine import Linter

    folder = _packs_with(tmp_path, "ord:\n  words: [a]\n  source: here\n")
    with pytest.raises(PackError, match=r"\(ord\): Extra inputs are not permitted"):
        Linter(packs_dir=str(folder)).packs["2019-2026"]


@pytest.mark.parametrize(("sections", "says"), [
    ({"areas": Words}, "'areas' is declared by both 'core' and 'ord'"),
    ({"success": Words}, "'success' is declared by both 'success' and 'ord'"),
    ({"ord": dict}, "not a planlint.PackSection"),
])
def test_a_bad_section_declaration_is_a_usage_error(sections, says):
    with pytest.raises(UsageError, match=says):
        _registry(**sections).pack_sections()
