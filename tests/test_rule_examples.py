"""Every rule documents itself, and its examples do what they say.

Parametrized over the live registry, so a plugin's new rule is covered the
moment it is registered: its failing example must raise its code, its passing
example must not.
"""

from __future__ import annotations

import pytest
from conftest import codes, lint

from planlint.examples import example_text
from planlint.plugins import build_registry

RULES = sorted(build_registry().rules.values(), key=lambda r: r.code)


def _runnable(which: str) -> list:
    return [pytest.param(rule, id=rule.code) for rule in RULES
            if getattr(rule, which) is not None and getattr(rule, which).runnable]


@pytest.mark.parametrize("rule", [pytest.param(r, id=r.code) for r in RULES])
def test_every_rule_is_documented_in_both_languages(rule):
    assert rule.title.da.strip() and rule.title.en.strip()
    assert rule.rationale.da.strip() and rule.rationale.en.strip()
    assert rule.rationale.da != rule.rationale.en, "the rationale needs a Danish and an English text"
    assert rule.source.strip()
    assert rule.bad is not None and rule.good is not None
    assert rule.plugin


@pytest.mark.parametrize("rule", _runnable("bad"))
def test_the_failing_example_raises_its_code(rule):
    result = lint(example_text(rule.bad))
    assert rule.code in codes(result)


@pytest.mark.parametrize("rule", _runnable("good"))
def test_the_passing_example_does_not_raise_its_code(rule):
    result = lint(example_text(rule.good))
    assert rule.code not in codes(result), [f.message.en for f in result.findings if f.code == rule.code]


def test_the_base_plan_every_example_edits_is_clean():
    from planlint.examples import base_plan_text

    assert [(f.code, f.line) for f in lint(base_plan_text()).findings] == []
