"""``planlint schema``: the JSON Schema agrees with the plan model and helps editors."""

from __future__ import annotations

import copy
import json
import os
import random
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import EXAMPLES, base_text, lint, run_cli
from jsonschema import Draft202012Validator

from planlint import yamlparse
from planlint.schema import build_schema, json_data

Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

#: the findings that mean "the data does not match the format" (what a schema can say);
#: references (PLN008/9/10/16) are beyond JSON Schema, see planlint.schema's docstring
SCHEMA_CODES = {"PLN003", "PLN004", "PLN005", "PLN006", "PLN007"}


@cache
def validator(pulje: str | None = None) -> Draft202012Validator:
    return Draft202012Validator(build_schema(pulje), format_checker=Draft202012Validator.FORMAT_CHECKER)


def plan_data(text: str) -> Any:
    root, _ = yamlparse.parse(text)
    return _plain(yamlparse.to_data(root)[0])


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def schema_valid(data: Any, pulje: str | None = None) -> bool:
    return validator(pulje).is_valid(json_data(data))


def test_the_schema_is_a_valid_draft_2020_12_schema():
    schema = build_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["required"] == ["version", "plan", "parter", "afdelinger"]
    # indsatsområder is required unless the plan is a prækvalifikationsansøgning
    assert schema["else"] == {"required": ["indsatsområder"]}
    assert schema["if"]["properties"]["plan"]["properties"]["status"] == {"const": "prækvalifikation"}


def _plan_files() -> list[Path]:
    return sorted(p for p in EXAMPLES.rglob("*.y*ml")) if EXAMPLES.is_dir() else []


@pytest.mark.parametrize("path", _plan_files(), ids=lambda p: p.name)
def test_every_example_plan_without_format_findings_validates(path: Path):
    text = path.read_text(encoding="utf-8")
    result = lint(text)
    found = {f.code for f in result.findings}
    if "PLN001" in found:
        return  # not YAML: nothing for a schema to see
    if found & SCHEMA_CODES:
        # a defect plan about the format: the schema must reject it as well
        assert not schema_valid(plan_data(text))
        return
    errors = [e.message for e in validator().iter_errors(json_data(plan_data(text)))]
    assert errors == []
    pulje = plan_data(text)["plan"]["pulje"]
    if not any(f.code.startswith("LBF") for f in result.findings):
        assert schema_valid(plan_data(text), pulje)


def test_the_base_plan_validates_plain_and_narrowed():
    data = plan_data(base_text())
    assert schema_valid(data)
    assert schema_valid(data, "2019-2026")


def test_a_plan_with_a_wrong_type_is_rejected_at_its_key():
    data = plan_data(base_text())
    data["afdelinger"][0]["lejemål"] = "mange"
    errors = list(validator().iter_errors(json_data(data)))
    assert [list(e.absolute_path) for e in errors] == [["afdelinger", 0, "lejemål"]]


@pytest.mark.parametrize("edit, valid", [
    (lambda d: d["plan"].pop("navn"), False),                       # required key missing
    (lambda d: d["plan"].update(navn=None), False),                 # required key without a value
    (lambda d: d["plan"].update(vision=None), True),                # optional key without a value
    (lambda d: d["plan"].update(pulje="2019-2025"), False),         # not a pulje
    (lambda d: d["parter"][0].update(type="komune"), False),        # not a party type
    (lambda d: d["budget"]["finansiering"][0]["beløb"].update({2021: "450.000 kr."}), True),
    (lambda d: d["budget"]["finansiering"][0]["beløb"].update({2021: "450 000"}), True),
    (lambda d: d["budget"]["finansiering"][0]["beløb"].update({2021: "450.000,50 kr."}), False),
    (lambda d: d["budget"]["finansiering"][0]["beløb"].update({2021: -1}), False),
    (lambda d: d["budget"]["finansiering"][0]["beløb"].update({"20x1": 1}), False),
    (lambda d: d["evaluering"].update(midtvejs="2022-02-30"), False),  # no such date
    (lambda d: d["evaluering"].update(ekstern="yes"), False),         # YAML 1.2: yes is text
    (lambda d: d["organisation"]["medarbejdere"][0].update(timer_pr_uge=0), False),
    (lambda d: d["samarbejdsaftaler"][0].update(parter=["ek"]), False),
    (lambda d: d["indsatsområder"][0]["aktiviteter"][0].update(succeskriterer=[]), False),
    (lambda d: d["indsatsområder"][0]["aktiviteter"][0]["forankring"].update({"hvornår": 2023}), True),
])
def test_the_schema_says_what_the_format_says(edit, valid):
    data = plan_data(base_text())
    edit(data)
    assert schema_valid(data) is valid


# --- the schema and the model agree ------------------------------------------

#: values put in every place of a plan; no whole-number floats (2.0): JSON cannot tell
#: them from 2, planlint can (see planlint.schema's docstring)
VALUES = [None, True, "tekst", 7, -3, 2.5, 0, 2021, [], {}, ["a"], {"x": 1},
          "2.250.000 kr.", "2021-02-30", "2021-06-01", "yes"]


def _places(value: Any, path: tuple = ()) -> Iterator[tuple]:
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _places(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _places(item, path + (index,))


def _parent(data: Any, path: tuple) -> Any:
    for part in path[:-1]:
        data = data[part]
    return data


def mutations(data: Any) -> Iterator[tuple]:
    """Edits of a plan: every place set to each of VALUES, every key removed, an unknown
    key in every mapping, and odd year keys in every year map (applied by ``apply``)."""
    for path in list(_places(data))[1:]:
        for value in VALUES:
            yield ("set", path, value)
        if isinstance(_parent(data, path), dict):
            yield ("remove", path, None)
            if isinstance(path[-1], int):  # a year key
                for key in ("2021", "20x1", 999, 12345, 2021.5):
                    yield ("rekey", path, key)
        if isinstance(_parent(data, path + ("?",)), dict):
            yield ("set", path + ("ukendt_nøgle",), 1)


def apply(data: Any, edit: tuple) -> Any:
    kind, path, value = edit
    changed = copy.deepcopy(data)
    holder = _parent(changed, path)
    if kind == "set":
        holder[path[-1]] = value
    elif kind == "remove":
        del holder[path[-1]]
    else:
        holder[value] = holder.pop(path[-1])
    return changed


def _sources() -> list[str]:
    texts = [base_text()]
    for name in ("komplet_plan.yaml", "tryg_og_aktiv_2016.yaml"):
        if (EXAMPLES / name).exists():
            texts.append((EXAMPLES / name).read_text(encoding="utf-8"))
    return texts


#: mutations sampled per source plan: 100 keeps the suite fast (each costs a lint and a validation);
#: HYPOTHESIS_PROFILE=thorough (see conftest.py) samples 1000
MUTATIONS_PER_PLAN = 1000 if os.environ.get("HYPOTHESIS_PROFILE") == "thorough" else 100


def test_schema_and_model_agree_on_many_plans():
    rng = random.Random(20240501)  # a fixed sample, so a failure can be reproduced
    checked = 0
    for text in _sources():
        original = plan_data(text)
        every = list(mutations(original))
        for edit in rng.sample(every, min(len(every), MUTATIONS_PER_PLAN)):
            data = apply(original, edit)
            plan_text = yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False)
            model_says = not ({f.code for f in lint(plan_text, select=("PLN",)).findings} & SCHEMA_CODES)
            assert schema_valid(data) is model_says, plan_text
            checked += 1
    assert checked >= 250


# --- what an editor sees --------------------------------------------------------

def _properties(schema: dict) -> Iterator[tuple[str, str, dict]]:
    for name, definition in [("Plan", schema), *schema["$defs"].items()]:
        for key, prop in definition["properties"].items():
            yield name, key, prop


def test_every_key_has_a_danish_description_and_a_valid_example():
    schema = build_schema()
    for name, key, prop in _properties(schema):
        assert prop.get("description"), (name, key)
        assert prop.get("examples"), (name, key)
        sub = {"$defs": schema["$defs"], **prop}
        sub.pop("examples")
        for example in prop["examples"]:
            assert Draft202012Validator(sub, format_checker=Draft202012Validator.FORMAT_CHECKER).is_valid(example), (name, key)


def test_the_enumerations_are_offered():
    defs = build_schema()["$defs"]
    assert defs["PlanMeta"]["properties"]["pulje"]["enum"] == ["2006-2010", "2011-2014", "2015-2018", "2019-2026"]
    assert "ngo" in defs["Party"]["properties"]["type"]["enum"]
    assert defs["Criterion"]["properties"]["niveau"]["anyOf"][0]["enum"] == ["aktivitet", "resultat", "effekt"]
    assert "kompetenceudvikling" in defs["Cost"]["properties"]["kategori"]["enum"]


def test_pulje_narrows_the_area_names():
    data = plan_data(base_text())
    data["indsatsområder"][0]["navn"] = "Tryghed og trivsel"  # a 2015-2018 area
    assert schema_valid(data)
    assert not schema_valid(data, "2019-2026")
    names = build_schema("2019-2026")["$defs"]["Area"]["properties"]["navn"]
    assert names["enum"] == ["Uddannelse og livschancer", "Beskæftigelse", "Kriminalitetsforebyggelse",
                             "Sammenhængskraft og medborgerskab"]


def test_an_open_area_list_is_offered_but_not_enforced():
    names = build_schema("2006-2010")["$defs"]["Area"]["properties"]["navn"]
    assert "enum" not in names and "Sundhed" in names["examples"]


def test_cli_prints_and_writes_the_schema(tmp_path):
    printed = run_cli("schema")
    assert printed.returncode == 0
    assert json.loads(printed.stdout)["title"].startswith("Boligsocial helhedsplan")
    target = tmp_path / "planlint.schema.json"
    written = run_cli("schema", "--pulje", "2015-2018", "--output", str(target))
    assert written.returncode == 0 and written.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["$defs"]["PlanMeta"]["properties"]["pulje"]["const"] == "2015-2018"


def test_cli_refuses_an_unknown_pulje_in_one_sentence():
    result = run_cli("schema", "--pulje", "2030-2034")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "planlint: Puljen '2030-2034' findes ikke; vælg en af: 2006-2010, 2011-2014, 2015-2018, 2019-2026."]
