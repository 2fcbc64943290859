"""The documentation a newcomer reads stays inside the project and says what really works."""

from __future__ import annotations

import re
import tomllib

import pytest
import yaml

import planlint
from conftest import ROOT

#: what a stranger reads; docs/rules.md is generated from the rules' sources (tests/test_docs.py)
PAGES = ["README.md", "CHANGELOG.md", "docs/format.md", "docs/output.md", "docs/ci.md", "docs/editor.md",
         "docs/report.md", "docs/ARCHITECTURE.md", "example_plans/README.md",
         "examples/planlint-plugin-eksempel/README.md"]
LINK = re.compile(r"\]\(([^)\s]+)\)")
OUTSIDE = re.compile(r"RULES\.md|OUTPUT\.md|FORMAT\.md|\.\./shared|/work/|\bseed \d{3}\b|\bnotes-\d{3}")


@pytest.mark.parametrize("page", PAGES)
def test_every_link_leads_to_a_file_of_the_project(page):
    path = ROOT / page
    text = path.read_text(encoding="utf-8")
    for target in LINK.findall(text):
        if re.match(r"[a-z]+:", target) or target.startswith("#"):
            continue  # a web address or an anchor on the same page
        resolved = (path.parent / target.split("#")[0]).resolve()
        assert resolved.is_relative_to(ROOT.resolve()), f"{page} links outside the project: {target}"
        assert resolved.exists(), f"{page} links to a file that does not exist: {target}"


@pytest.mark.parametrize("page", PAGES)
def test_no_citation_of_files_outside_the_project(page):
    text = (ROOT / page).read_text(encoding="utf-8")
    assert OUTSIDE.findall(text) == [], page


def test_the_plugin_installs_with_one_documented_command():
    """The command in both READMEs; tests/test_thirdparty_plugin.py installs exactly these two paths."""
    command = "pip install . ./examples/planlint-plugin-eksempel"
    assert command in (ROOT / "README.md").read_text(encoding="utf-8")
    assert command in (ROOT / "examples" / "planlint-plugin-eksempel" / "README.md").read_text(encoding="utf-8")
    plugin = tomllib.loads((ROOT / "examples" / "planlint-plugin-eksempel" / "pyproject.toml").read_text("utf-8"))
    assert plugin["project"]["dependencies"] == ["planlint"]  # satisfied by the "." of the same command
    assert plugin["project"]["entry-points"]["planlint"] == {"eksempel": "planlint_eksempel"}


def test_ci_recipe_pins_the_tag_of_this_version():
    ci = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    tag = f"v{planlint.__version__}"
    blocks = re.findall(r"```yaml\n(.*?)```", ci, re.S)
    precommit = next(yaml.safe_load(b) for b in blocks if "rev:" in b)
    (repo,) = precommit["repos"]
    assert repo["rev"] == tag
    assert [hook["id"] for hook in repo["hooks"]] == [
        hook["id"] for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))]
    installs = re.findall(r"pip install (\S.*?)(?:\s+#.*)?$", ci, re.M)
    assert f'"planlint @ git+https://github.com/OWNER/planlint@{tag}"' in installs
    assert "pip install planlint\n" not in ci  # planlint is not on PyPI
    assert "placeholder" in ci and f"tagged `v{planlint.__version__}`" in (ROOT / "CHANGELOG.md").read_text("utf-8")
