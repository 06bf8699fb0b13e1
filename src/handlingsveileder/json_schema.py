"""A JSON Schema of the model file, read from the model's types (`handlingsveileder schema --json`).

Editors use it to complete keys and show the Norwegian documentation of each key: VS Code
with Red Hat's YAML extension does when a model file starts with
`# yaml-language-server: $schema=handlingsveileder.schema.json`.

The schema says what the YAML reader (`construct.py`) accepts, as an editor sees the file.
The extension reads YAML 1.2, so an unquoted `13` or `2.1` reaches the schema as a number;
the reader takes every scalar as the text written, so a text key accepts numbers too. A list
of texts also accepts a single value, and an empty value (null) where the reader does.
Only `true`/`false` in a text key is refused though the reader takes it as text: allowing it
would make the editor offer true/false as values of every text key.

A model that `extends` another writes only what it changes, so it is checked against a
second, partial family of definitions (`Partial…`) where nothing is required but the `id`
that steps and levels are merged by. Lists without ids (outcomes, contacts …) replace the
base model's list as a whole, so their items stay complete.

Only keywords that the YAML extension understands are used (it checks draft-07 keywords,
and follows `$ref` into `$defs` as a plain JSON pointer).
"""

from __future__ import annotations

import json
from typing import Any

from . import model
from .dates import DATE_PATTERN
from .editor_reference import field_docs
from .fields import FieldSpec, fields_of
from .kinds import ID_MAX, ID_PATTERN, DateText, IdText, OneOf, Ref

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
KEY_FIELD = "id"
"""The field of `Model` that is its key in the file, and the field lists are merged by."""
PARTIAL = "Partial"
"""Prefix of the definitions used inside a model that `extends` another."""
PARTIAL_NOTE = (
    "I en veileder som bygger på en annen (`extends`) trengs bare det som endres fra grunnmodellen."
)
NOT_BLANK = r"\S"
"""A required text must have something in it besides spaces."""

Schema = dict[str, Any]


def model_file_schema() -> Schema:
    """The JSON Schema of a whole model file: model id → model."""
    defs: dict[str, Schema] = {}
    strict = _define(model.Model, partial=False, defs=defs)
    partial = _define(model.Model, partial=True, defs=defs)
    extends = next(spec for spec in fields_of(model.Model) if spec.name == "extends")
    one_model = {
        # A model that names a base model may leave out what the base model has.
        "if": {"properties": {"extends": _text(extends, nonempty=True)}, "required": ["extends"]},
        "then": _ref(partial),
        "else": _ref(strict),
    }
    return {
        "$schema": SCHEMA_DIALECT,
        "title": "Handlingsveiledere (modellfil for handlingsveileder)",
        "description": (
            "Én eller flere handlingsveiledere, med modellens id som nøkkel, f.eks. `modum`. "
            "Id-en bruker bare små bokstaver a–z, tall og bindestrek. Feltene er beskrevet i "
            "REDIGERING.md (lages av `handlingsveileder schema`)."
        ),
        "type": "object",
        "propertyNames": _key_names(),
        "patternProperties": {ID_PATTERN.pattern: one_model},
        "additionalProperties": False,
        "$defs": defs,
    }


def schema_json() -> str:
    """The schema as the text of a `.schema.json` file."""
    return json.dumps(model_file_schema(), indent=2, ensure_ascii=False) + "\n"


def _define(cls: type[Any], *, partial: bool, defs: dict[str, Schema]) -> str:
    """Add the definition of `cls` (and of every class it holds) to `defs`; its name."""
    name = PARTIAL + cls.__name__ if partial else cls.__name__
    if name in defs:
        return name
    defs[name] = {}  # reserved first, so a class that holds itself would stop here
    docs = dict(field_docs(cls))
    properties: dict[str, Schema] = {}
    required: list[str] = []
    for spec in fields_of(cls):
        if cls is model.Model and spec.name == KEY_FIELD:
            continue  # the model's key in the file, never written inside it
        properties[spec.name] = {"description": docs[spec.name], **_field(spec, partial, defs)}
        if spec.required and (not partial or spec.name == KEY_FIELD):
            required.append(spec.name)
    description = " ".join((cls.__doc__ or "").split())
    definition: Schema = {
        "description": f"{description} {PARTIAL_NOTE}" if partial else description,
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }
    if required:
        definition["required"] = required
    defs[name] = definition
    return name


def _field(spec: FieldSpec, partial: bool, defs: dict[str, Schema]) -> Schema:
    """What one key may hold, as the YAML reader takes it."""
    if spec.base == "object":
        assert spec.cls is not None
        # In a model that extends another, objects and tables are merged key by key and
        # lists by id; a list of objects without ids replaces the base model's list.
        merged = partial and (spec.shape != "list" or _has_id(spec.cls))
        target = _ref(_define(spec.cls, partial=merged, defs=defs))
        if spec.shape == "list":
            schema: Schema = {"type": "array", "items": target}
        elif spec.shape == "map":
            schema = _id_table(target)
        else:
            schema = target
        return _or_null(schema) if spec.optional else schema
    if spec.base == "bool":
        return _or_null({"type": "boolean"}) if spec.optional else {"type": "boolean"}
    if spec.shape == "list":
        # An empty value is an empty list; a single value is a list of one.
        item = _text(spec, nonempty=True)
        return {"anyOf": [{"type": "array", "items": item}, _or_null(item)]}
    if spec.shape == "map":
        # A table of texts (`localise`) is keyed by whatever the text is about, not by id.
        return {
            "type": "object",
            "propertyNames": {"minLength": 1},
            "additionalProperties": _or_null(_text(spec, nonempty=False)),
        }
    text = _text(spec, nonempty=spec.required)
    return _or_null(text) if spec.optional else text


def _text(spec: FieldSpec, *, nonempty: bool) -> Schema:
    """One text value: any YAML scalar but true/false and null, under the field's rule."""
    mark = spec.mark
    if isinstance(mark, OneOf):
        return {"type": "string", "enum": list(mark.values)}
    if isinstance(mark, DateText):
        return {"type": "string", "pattern": DATE_PATTERN.pattern, "format": "date"}
    if isinstance(mark, IdText | Ref):
        # An id such as `2026` is written without quotes and read as a number by the editor.
        schema: Schema = {
            "type": ["string", "integer"],
            "minimum": 0,
            "pattern": ID_PATTERN.pattern,
            "maxLength": ID_MAX,
        }
        if isinstance(mark, IdText):
            schema["not"] = {"const": model.END}  # a reference to a step may be `end`
        return schema
    schema = {"type": ["string", "number"]}
    if nonempty:
        schema["pattern"] = NOT_BLANK
    return schema


def _id_table(values: Schema) -> Schema:
    """A YAML mapping keyed by id."""
    return {
        "type": "object",
        "propertyNames": _key_names(),
        "patternProperties": {ID_PATTERN.pattern: values},
        "additionalProperties": False,
    }


def _key_names() -> Schema:
    """What the id pattern cannot say about a key: its length, and the reserved `end`."""
    return {"maxLength": ID_MAX, "not": {"const": model.END}}


def _or_null(schema: Schema) -> Schema:
    """`schema`, or an empty value (null)."""
    if "$ref" in schema:
        return {"anyOf": [schema, {"type": "null"}]}
    types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
    result = {**schema, "type": [*types, "null"]}
    if "enum" in schema:
        result["enum"] = [*schema["enum"], None]
    return result


def _ref(name: str) -> Schema:
    return {"$ref": f"#/$defs/{name}"}


def _has_id(cls: type[Any]) -> bool:
    return any(spec.name == KEY_FIELD for spec in fields_of(cls))
