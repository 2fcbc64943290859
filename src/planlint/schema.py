"""``planlint schema``: the JSON Schema (draft 2020-12) of format v1, for editors.

The schema is *derived* from the pydantic models in ``planlint.model``; it is
never written by hand.  pydantic generates it, and two documented steps adapt
it to what the format (and the plan model) really accept:

1. ``_FormatSchemaGenerator`` (a ``GenerateJsonSchema``) replaces the schema of
   the model's parsing functions (``parse_amount``, ``parse_date``...) - to
   pydantic they are opaque ``BeforeValidator`` s over ``int`` or ``date`` - by
   what they accept: amounts as ``integer >= 0`` or the grouped-digits string,
   dates as ISO date strings (YAML 1.2 leaves an unquoted date a string), year
   maps as objects whose keys are four-digit years.
2. ``_finish_object`` walks the result: the keys FORMAT.md marks (R) (the
   model's ``REQUIRED`` markers) become ``required`` and lose ``null``;
   optional keys keep ``null`` (an empty value parses); every key gets an
   example, taken from the clean base plan or from ``_EXTRA_EXAMPLES``.
   ``_translate_bounds`` renames the bounds pydantic leaves under its own
   names (``gt`` -> ``exclusiveMinimum``).

What JSON Schema cannot say, and ``planlint check`` still reports: references
between ids (PLN009, PLN016), unique ids (PLN010), years inside the plan period
(PLN008), duplicate keys (PLN002) and YAML tags (PLN013).  JSON does not tell
``2.0`` from ``2``, so a whole number written with a decimal point (``2250000.0``)
passes the schema but is an invalid amount (PLN007) to planlint.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from typing import Any

from pydantic.json_schema import GenerateJsonSchema
from pydantic_core import core_schema

from . import model
from .model import PREQUALIFICATION, Base, Plan, is_required

DIALECT = "https://json-schema.org/draft/2020-12/schema"
#: Year keys as strings: JSON object keys are strings, and ``parse_year``
#: takes 1000-9999 (so ``0999`` is not a year).
YEAR_PATTERN = "^[1-9][0-9]{3}$"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"

_YEAR = {"type": "integer", "minimum": 1000, "maximum": 9999}
_DATE = {"type": "string", "format": "date", "pattern": DATE_PATTERN}


def _amount_schema() -> dict[str, Any]:
    # parse_amount strips surrounding blanks before matching _GROUPED_AMOUNT
    inner = model._GROUPED_AMOUNT.pattern.removeprefix("^").removesuffix("$")
    return {
        "anyOf": [
            {"type": "integer", "minimum": 0},
            {"type": "string", "pattern": rf"^\s*(?:{inner})\s*$"},
        ],
        "description": "Hele kroner: 2250000 eller \"2.250.000 kr.\".",
    }


#: what each parsing function of planlint.model accepts, as JSON Schema
_PARSER_SCHEMAS: dict[Any, dict[str, Any]] = {
    model.parse_amount: _amount_schema(),
    model.parse_number: {"type": "number"},
    model.parse_date: _DATE,
    model.parse_date_or_year: {"anyOf": [_DATE, {"type": "integer", "minimum": 1900, "maximum": 2200},
                                         {"type": "string", "pattern": "^(19[0-9]{2}|2[01][0-9]{2}|2200)$"}]},
    model.parse_year: {"anyOf": [_YEAR, {"type": "string", "pattern": YEAR_PATTERN}]},
    # format 1.1: a month or a year where a plan dates something that happened
    model.parse_partial_date: {"anyOf": [_DATE, {"type": "string", "pattern": r"^\d{4}-(0[1-9]|1[0-2])$"},
                                         {"type": "integer", "minimum": 1900, "maximum": 2200},
                                         {"type": "string", "pattern": "^(19[0-9]{2}|2[01][0-9]{2}|2200)$"}]},
    # format 1.1: periode.start/slut may be a year (its first/last day)
    model.parse_period_start: {"anyOf": [_DATE, {"type": "integer", "minimum": 1900, "maximum": 2200}]},
    model.parse_period_end: {"anyOf": [_DATE, {"type": "integer", "minimum": 1900, "maximum": 2200}]},
    # format 1.1: hours a week, or a range "1-2"
    model.parse_hours: {"anyOf": [{"type": "number", "exclusiveMinimum": 0},
                                  {"type": "string", "pattern": r"^\s*\d+([.,]\d+)?\s*-\s*\d+([.,]\d+)?\s*$"}]},
    model.parse_version: {"anyOf": [{"const": 1}, {"const": 1.1}, {"const": "1.1"}]},
}


class _FormatSchemaGenerator(GenerateJsonSchema):
    """pydantic's generator, told what the model's parsing functions accept."""

    def function_before_schema(self, schema: core_schema.BeforeValidatorFunctionSchema) -> dict[str, Any]:
        known = _PARSER_SCHEMAS.get(schema["function"]["function"])
        if known is not None:
            return copy.deepcopy(known)
        return super().function_before_schema(schema)

    def dict_schema(self, schema: core_schema.DictSchema) -> dict[str, Any]:
        result = super().dict_schema(schema)
        keys = schema.get("keys_schema", {})
        if keys.get("type") == "function-before" and keys["function"]["function"] is model.parse_year:
            # a year map: {2013: 100}; YAML's integer keys are strings in JSON
            result["propertyNames"] = {"pattern": YEAR_PATTERN}
            result.pop("patternProperties", None)
        return result


#: pydantic writes a numeric bound that follows a BeforeValidator (``Annotated[Number,
#: Field(gt=0)]``) under its own name; JSON Schema's names for them:
_BOUNDS = {"gt": "exclusiveMinimum", "ge": "minimum", "lt": "exclusiveMaximum", "le": "maximum"}


def _translate_bounds(node: Any) -> None:
    if isinstance(node, list):
        for item in node:
            _translate_bounds(item)
        return
    if not isinstance(node, dict):
        return
    for name, keyword in _BOUNDS.items():
        if name in node and "type" in node:
            node[keyword] = node.pop(name)
    for key, value in node.items():
        if key == "properties" or key == "$defs":
            for sub in value.values():
                _translate_bounds(sub)
        elif key != "examples":
            _translate_bounds(value)


def _models() -> dict[str, type[Base]]:
    """Every model class of the format, by the name pydantic gives its ``$defs`` entry."""
    found: dict[str, type[Base]] = {}
    pending: list[type[Base]] = [Plan]
    while pending:
        cls = pending.pop()
        if cls.__name__ in found:
            continue
        found[cls.__name__] = cls
        for finfo in cls.model_fields.values():
            inner = model._inner_model(finfo.annotation)
            if inner is not None:
                pending.append(inner)
    return found


def _without_null(prop: dict[str, Any]) -> dict[str, Any]:
    """A required key's schema without the ``null`` branch pydantic adds for Optional."""
    options = prop.get("anyOf")
    if options is None:
        return prop
    kept = [o for o in options if o.get("type") != "null"]
    rest = {k: v for k, v in prop.items() if k != "anyOf"}
    if len(kept) == 1:
        return {**kept[0], **rest}
    return {"anyOf": kept, **rest}


def _finish_object(schema: dict[str, Any], cls: type[Base], examples: dict[str, dict[str, Any]]) -> None:
    schema.pop("title", None)
    schema["description"] = schema.get("description") or _DESCRIPTIONS.get(cls.__name__, "")
    required = []
    for finfo in cls.model_fields.values():
        key = finfo.alias
        prop = schema["properties"][key]
        prop.pop("title", None)
        prop.pop("default", None)
        if is_required(finfo):
            required.append(key)
            prop = schema["properties"][key] = _without_null(prop)
        example = examples.get(cls.__name__, {}).get(key, _EXTRA_EXAMPLES.get((cls.__name__, key)))
        if example is not None:
            prop["examples"] = [example]
    if cls is model.Source and "beløb" in required:
        # format 1.1: a row whose money is still sought (status: søges) may leave out beløb
        required.remove("beløb")
        schema["if"] = {"properties": {"status": {"const": "søges"}}, "required": ["status"]}
        schema["else"] = {"required": ["beløb"]}
    if required:
        schema["required"] = required
    schema["additionalProperties"] = False


# --- examples -----------------------------------------------------------------

#: Keys the base plan does not use, with an example each (validated by the tests).
_EXTRA_EXAMPLES: dict[tuple[str, str], Any] = {
    ("PlanMeta", "vision"): "Et trygt boligområde, hvor flere er i job eller uddannelse",
    ("Organisation", "følgegruppe"): {"navn": "Følgegruppen", "medlemmer": [{"navn": "Anne Hansen", "part": "ab", "rolle": "medlem"}]},
    ("Organisation", "projektleder"): {"navn": "Mette Lund", "part": "bo"},
    ("ProjectLead", "navn"): "Mette Lund",
    ("ProjectLead", "part"): "bo",
    ("Area", "formål"): "Flere beboere i job eller uddannelse",
    ("Activity", "formål"): "At styrke forældrenes kompetencer og handlemuligheder",
    ("Forankring", "betingelser"): ["Forudsætter fortsat finansiering fra kommunen"],
    ("Source", "værdiansættelse"): "0,5 årsværk jobkonsulent à 500.000 kr.",
    ("Source", "aftale"): "sa-job",
    ("Cost", "indsatsområde"): "besk",
    ("Cost", "note"): "Jobkonsulent, 37 t/uge",
    ("Budget", "totaler"): {"i_alt": 2400000, "lbf": 1800000, "kommune": 400000, "boligorganisation": 200000, "andre": 0},
    ("Totals", "i_alt"): "2.400.000 kr.",
    ("Totals", "lbf"): 1800000,
    ("Totals", "kommune"): 400000,
    ("Totals", "boligorganisation"): 200000,
    ("Totals", "andre"): 0,
    # format 1.1
    ("PlanMeta", "mål"): [{"beskrivelse": "Færre ledige beboere ved periodens slutning"}],
    ("PlanMeta", "kildetekst"): "Det er den overordnede vision for denne helhedsplan ...",
    ("Goal", "beskrivelse"): "Færre ledige beboere ved periodens slutning",
    ("Goal", "succeskriterier"): [{"beskrivelse": "Ledigheden falder", "mål_periode": 10}],
    ("Goal", "kildetekst"): "Målsætningen er, at ...",
    ("Party", "hører_under"): "bo",
    ("Source", "status"): "søges",
    ("Criterion", "mål_periode"): 120,
    ("Criterion", "kildetekst"): "100 familier deltog i aktiviteterne",
    ("Forankring", "hos_en_af"): ["ab", "bo-drift"],
    ("Forankring", "kildetekst"): "Aktiviteten forankres i afdelingen eller i driften",
    ("Activity", "lokal_evaluering"): "Aktiviteten evalueres løbende i fremdriftsgruppen",
    ("Activity", "kildetekst"): "Aktiviteten forankres i Red Barnets Lokalafdeling",
    ("Area", "succeskriterier"): [{"beskrivelse": "5 positive historier om området i lokalpressen",
                                   "mål_periode": 5}],
    ("Area", "forankring"): {"hos": ["ab"], "hvordan": "Afdelingsbestyrelsen overtager nyhedsbrevet"},
    ("Area", "kildetekst"): "Indsatsområdet har 2 formål: ...",
}

_DESCRIPTIONS = {
    "Plan": "En boligsocial helhedsplan i planlints YAML-format, version 1 og 1.1.",
}


def json_data(value: Any) -> Any:
    """YAML data as JSON data: mapping keys become strings (``2013`` -> ``"2013"``)."""
    if isinstance(value, dict):
        return {str(k).lower() if isinstance(k, bool) else str(k): json_data(v) for k, v in value.items()}
    if isinstance(value, list):
        return [json_data(v) for v in value]
    return value


def _base_plan_examples() -> dict[str, dict[str, Any]]:
    """The first value of every key in the clean base plan, by model class name."""
    from . import yamlparse
    from .examples import base_plan_text

    root, _ = yamlparse.parse(base_plan_text())
    data = json_data(yamlparse.to_data(root)[0])
    found: dict[str, dict[str, Any]] = {}

    def walk(value: Any, cls: type[Base]) -> None:
        if not isinstance(value, dict):
            return
        seen = found.setdefault(cls.__name__, {})
        for finfo in cls.model_fields.values():
            if finfo.alias not in value:
                continue
            item = value[finfo.alias]
            seen.setdefault(finfo.alias, item)
            inner = model._inner_model(finfo.annotation)
            if inner is not None:
                for child in item if isinstance(item, list) else [item]:
                    walk(child, inner)

    walk(data, Plan)
    return found


# --- the schema -----------------------------------------------------------------

def _area_names() -> dict[str, tuple[list[str], bool]]:
    """Each pulje's indsatsområde names and whether the list is closed (rule packs)."""
    from .rulepack import load_packs

    return {name: (pack.areas.accepted, pack.areas.closed) for name, pack in load_packs().items()}


def _prequalification_needs_no_areas(schema: dict[str, Any]) -> None:
    """``indsatsområder`` is required unless ``plan.status`` is ``prækvalifikation``
    (an application comes before the plan's areas; the linter's PLN004 does the same)."""
    if "indsatsområder" not in schema.get("required", []):
        return
    schema["required"] = [key for key in schema["required"] if key != "indsatsområder"]
    schema["if"] = {"required": ["plan"], "properties": {"plan": {
        "required": ["status"], "properties": {"status": {"const": PREQUALIFICATION}}}}}
    schema["else"] = {"required": ["indsatsområder"]}


@cache
def _base_schema() -> str:
    schema = Plan.model_json_schema(by_alias=True, mode="validation", schema_generator=_FormatSchemaGenerator)
    classes = _models()
    examples = _base_plan_examples()
    for name, definition in schema.get("$defs", {}).items():
        if name in classes:
            _finish_object(definition, classes[name], examples)
    _finish_object(schema, Plan, examples)
    _prequalification_needs_no_areas(schema)
    _translate_bounds(schema)
    return json.dumps(schema, ensure_ascii=False)


def build_schema(pulje: str | None = None) -> dict[str, Any]:
    """The JSON Schema of format v1; with ``pulje``, narrowed to that round.

    Narrowing sets ``plan.pulje`` to that round and offers its indsatsområde
    names: a closed list (every round since 2011) is an ``enum``, the open list
    of 2006-2010 only ``examples`` (another name is a warning there, not an
    error).
    """
    generated = json.loads(_base_schema())
    definitions = generated.pop("$defs")
    # the dialect and title first, the definitions last: easier to read
    schema: dict[str, Any] = {"$schema": DIALECT, "title": "Boligsocial helhedsplan (planlint, format v1)",
                              **generated, "$defs": definitions}
    areas = _area_names()
    area_name = schema["$defs"]["Area"]["properties"]["navn"]
    if pulje is None:
        area_name["examples"] = [n for names, _ in areas.values() for n in names]
        return schema
    names, closed = areas[pulje]
    meta = schema["$defs"]["PlanMeta"]["properties"]["pulje"]
    meta.pop("enum", None)
    meta["const"] = pulje
    area_name["examples"] = names
    if closed:
        area_name["enum"] = names
    schema["title"] += f", pulje {pulje}"
    return schema


def known_puljer() -> list[str]:
    return sorted(_area_names())


def schema_text(pulje: str | None = None) -> str:
    """The schema as the command prints it (stable, readable JSON)."""
    return json.dumps(build_schema(pulje), ensure_ascii=False, indent=2) + "\n"


def run(pulje: str | None, output: str | None) -> int:
    """The body of ``planlint schema``."""
    from .errors import UsageError

    if pulje is not None and pulje not in known_puljer():
        raise UsageError(f"Puljen '{pulje}' findes ikke; vælg en af: {', '.join(known_puljer())}.",
                         f"The pulje '{pulje}' does not exist; choose one of: {', '.join(known_puljer())}.")
    text = schema_text(pulje)
    if output is None:
        import sys

        sys.stdout.write(text)
        return 0
    from pathlib import Path

    from .output_file import write_file

    write_file(Path(output), lambda stream: stream.write(text), what=("Skemaet", "The schema"))
    return 0
