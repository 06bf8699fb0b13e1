"""The JSON Schema of the model file (`handlingsveileder schema --json`).

The models are read as the YAML extension in an editor reads them: YAML 1.2's core schema,
where `2026-03-01` and `yes` stay text, and `13` is a number. PyYAML's own reading (YAML
1.1) would turn dates into date objects and `no` into false, which no editor sends.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator  # type: ignore[import-untyped]

from handlingsveileder import model
from handlingsveileder.errors import ModelError
from handlingsveileder.fields import fields_of
from handlingsveileder.json_schema import model_file_schema, schema_json
from handlingsveileder.validate import load_models_text

MODELS = Path(__file__).resolve().parent.parent / "data" / "models.yaml"


class Yaml12Loader(yaml.SafeLoader):
    """PyYAML with YAML 1.2's core schema: null, true/false, integers and floats; the rest
    (dates, `yes`, `on`, `0b1`, `1:30`) is text."""


Yaml12Loader.yaml_implicit_resolvers = {}
for tag, pattern in (
    ("null", r"~|null|Null|NULL|"),
    ("bool", r"true|True|TRUE|false|False|FALSE"),
    ("int", r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"),
    (
        "float",
        r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)",
    ),
):
    Yaml12Loader.add_implicit_resolver(
        f"tag:yaml.org,2002:{tag}", re.compile(f"^(?:{pattern})$"), None
    )


def _int12(loader: yaml.SafeLoader, node: yaml.Node) -> int:
    text = str(loader.construct_scalar(node))  # type: ignore[arg-type]
    if text.startswith(("0o", "0x")):
        return int(text, 0)
    return int(text, 10)  # `08` is eight: YAML 1.2 has no octal with a bare leading zero


Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _int12)


def editor_view(text: str) -> Any:
    """The YAML text as the editor's schema check sees it: JSON, keys as text."""
    return json.loads(json.dumps(yaml.load(text, Loader=Yaml12Loader)))


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = model_file_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def errors(validator: Draft202012Validator, text: str) -> list[str]:
    return [error.message for error in validator.iter_errors(editor_view(text))]


def reader_accepts(text: str) -> bool:
    """Whether `handlingsveileder check` accepts the model file."""
    try:
        load_models_text(text)
    except ModelError:
        return False
    return True


def all_messages(validator: Draft202012Validator, text: str) -> str:
    """Every message, including those inside `if`/`then` and `anyOf`."""
    found: list[str] = []
    pending = list(validator.iter_errors(editor_view(text)))
    while pending:
        error = pending.pop()
        found.append(error.message)
        pending.extend(error.context or ())
    return "\n".join(found)


MINIMAL = """\
demo:
  title: Demo
  language: nb
  levels:
    - id: niva-1
      name: Nivå 1
      steps:
        - id: forste
          title: Første steg
          end: true
"""


def test_the_yaml_reading_is_the_editors() -> None:
    view = editor_view("a: 2026-03-01\nb: yes\nc: 13\nd: '13'\ne: 08\nf: True\ng:\n2026: x\n")
    assert view == {
        "a": "2026-03-01",
        "b": "yes",
        "c": 13,
        "d": "13",
        "e": 8,
        "f": True,
        "g": None,
        "2026": "x",
    }


def test_the_schema_is_a_valid_schema(validator: Draft202012Validator) -> None:
    schema = model_file_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"]


def test_the_models_in_data_pass(validator: Draft202012Validator) -> None:
    data = editor_view(MODELS.read_text(encoding="utf-8"))
    assert len(data) == 5
    for model_id in data:
        one = {model_id: data[model_id]}
        assert [e.message for e in validator.iter_errors(one)] == [], model_id


def test_the_example_passes(validator: Draft202012Validator) -> None:
    example = resources.files("handlingsveileder").joinpath("eksempel.yaml")
    assert errors(validator, example.read_text(encoding="utf-8")) == []


def test_a_minimal_model_passes(validator: Draft202012Validator) -> None:
    assert reader_accepts(MINIMAL)
    assert errors(validator, MINIMAL) == []


def test_a_misspelled_model_key_is_named(validator: Draft202012Validator) -> None:
    text = MINIMAL.replace("title: Demo", "titel: Demo")
    messages = all_messages(validator, text)
    assert "'titel' was unexpected" in messages
    assert "'title' is a required property" in messages


def test_a_misspelled_step_key_is_named(validator: Draft202012Validator) -> None:
    text = MINIMAL.replace("end: true", "ned: true")
    assert "'ned' was unexpected" in all_messages(validator, text)


def test_an_unknown_language_is_refused(validator: Draft202012Validator) -> None:
    text = MINIMAL.replace("language: nb", "language: se")
    assert "'se' is not one of ['nb', 'nn']" in all_messages(validator, text)


def test_a_role_id_with_capitals_is_refused(validator: Draft202012Validator) -> None:
    text = MINIMAL + "  roles:\n    Stafettholder: {name: Stafettholder}\n"
    assert "'Stafettholder' does not match any of the regexes" in all_messages(validator, text)
    assert errors(validator, text.replace("Stafettholder:", "stafettholder:")) == []


@pytest.mark.parametrize(
    ("before", "after", "message"),
    [
        ("end: true", "end: yes", "'yes' is not of type 'boolean'"),
        ("id: forste", "id: Forste", "does not match"),
        ("id: forste", "id: end", "should not be valid"),
        ("id: forste", "id: ''", "does not match"),
        ("title: Demo", "title: ''", "does not match"),
        ("title: Demo", "title:", "None is not of type"),
        ("end: true", "next: [Steg-2]", "does not match"),
        ("end: true", "end: true\n          tools: {a: b}", "is not valid under any of the"),
        ("language: nb", "language: nb\n  reviewed: 1. mars 2026", "does not match"),
        ("language: nb", "language: nb\n  roles: {end: {name: Slutt}}", "should not be valid"),
    ],
)
def test_what_the_reader_refuses_is_refused(
    validator: Draft202012Validator, before: str, after: str, message: str
) -> None:
    text = MINIMAL.replace(before, after)
    assert not reader_accepts(text)
    assert message in all_messages(validator, text)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("end: true", "next: end"),  # a single value is a list of one
        ("end: true", "next: [end, niva-1]"),
        ("end: true", "end: true\n          checklist:"),  # an empty list
        ("end: true", "end: true\n          number: 4B\n          text:"),  # empty optional text
        ("title: Første steg", "title: 2026\n          number: 1"),  # numbers are texts
        ("language: nb", "language: nb\n  reviewed: 2026-03-01"),  # a date stays text
        ("language: nb", "language: nb\n  version: 2.1"),  # a number is a text
        ("language: nb", "language: nb\n  localise: {levels.niva-1.steps.forste.who: Hvem}"),
    ],
)
def test_what_the_reader_accepts_is_accepted(
    validator: Draft202012Validator, before: str, after: str
) -> None:
    text = MINIMAL.replace(before, after)
    assert text != MINIMAL
    assert reader_accepts(text)
    assert errors(validator, text) == []


def test_an_extending_model_writes_only_what_it_changes(
    validator: Draft202012Validator,
) -> None:
    text = (
        MINIMAL
        + """\
  roles:
    stafettholder: {name: Stafettholder}
    gammel-rolle: {name: Gammel rolle}
lokal:
  extends: demo
  roles:
    stafettholder: {description: Kommunens egen tekst.}
  levels:
    - id: niva-1
      steps:
        - id: forste
          who: kontaktlærer
  remove: [gammel-rolle]
"""
    )
    assert reader_accepts(text)
    assert errors(validator, text) == []
    # Still no unknown keys, and a level without its id cannot be merged.
    assert "'titel' was unexpected" in all_messages(validator, text + "  titel: X\n")
    no_id = text.replace("    - id: niva-1\n      steps:", "    - steps:")
    assert not reader_accepts(no_id)
    assert "'id' is a required property" in all_messages(validator, no_id)
    # Outcomes have no ids: they replace the base model's list, so each one is whole.
    outcome = text.replace("who: kontaktlærer", "outcomes: [{label: Ferdig}]")
    assert not reader_accepts(outcome)
    assert "'goto' is a required property" in all_messages(validator, outcome)
    # A model without `extends` must be whole.
    assert "'title' is a required property" in all_messages(
        validator, text.replace("  extends: demo\n", "")
    )


def test_every_field_of_the_model_is_in_the_schema() -> None:
    defs = model_file_schema()["$defs"]
    for name, definition in defs.items():
        cls = getattr(model, name.removeprefix("Partial"))
        names = [
            spec.name for spec in fields_of(cls) if not (cls is model.Model and spec.name == "id")
        ]
        assert list(definition["properties"]) == names, name
        assert definition["additionalProperties"] is False
        if not name.startswith("Partial"):
            required = [spec.name for spec in fields_of(cls) if spec.required]
            assert definition.get("required", []) == [r for r in required if r in names], name


def test_the_descriptions_are_the_editors_norwegian() -> None:
    defs = model_file_schema()["$defs"]
    assert defs["Model"]["properties"]["title"]["description"] == (
        "Veilederens tittel, f.eks. «Handlingsveileder – BTI»."
    )
    assert defs["Step"]["description"] == "Et steg i et nivå: en handling den ansatte gjør."
    assert all(prop["description"] for d in defs.values() for prop in d["properties"].values())


def test_the_text_is_stable() -> None:
    text = schema_json()
    assert text == schema_json()
    assert text.endswith("}\n")
    assert "«Handlingsveileder – BTI»" in text  # not escaped
    assert json.loads(text) == model_file_schema()
