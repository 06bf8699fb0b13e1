"""The reader of the model's types: one answer for the constructor, checks and reference."""

from __future__ import annotations

import typing

from handlingsveileder import model
from handlingsveileder.fields import field_of, fields_of, walk_refs, walk_text
from handlingsveileder.i18n import LABELS, LANGUAGES
from handlingsveileder.kinds import FLOW
from handlingsveileder.validate import load_models_text


def test_required_optional_and_shapes() -> None:
    title = field_of(model.Step, "title")
    assert title.required and title.shape == "scalar" and title.base == "text"
    nxt = field_of(model.Step, "next")
    assert not nxt.required and nxt.optional and nxt.shape == "list"
    assert nxt.ref is not None and nxt.ref.catalogue == FLOW
    roles = field_of(model.Model, "roles")
    assert roles.shape == "map" and roles.cls is model.Role
    assert field_of(model.Step, "end").base == "bool"


def test_rules_are_read_from_the_types() -> None:
    assert field_of(model.Step, "text").markdown
    assert field_of(model.Tool, "url").url
    assert field_of(model.Step, "id").is_id
    assert field_of(model.Step, "tools").ref == typing.get_args(model.ToolRef)[1]
    choices = field_of(model.Model, "language").choices
    assert choices is not None and choices.values == LANGUAGES


def test_every_model_class_field_is_read() -> None:
    for cls in (model.Model, model.Level, model.Step, model.Outcome, model.Tool):
        names = [spec.name for spec in fields_of(cls)]
        assert names == list(cls.__dataclass_fields__)


def test_walks_find_texts_and_references() -> None:
    demo = load_models_text(
        "demo:\n  title: T\n  language: nb\n  roles: {leder: {name: Leder}}\n  levels:\n"
        "    - id: n\n      name: N\n      steps:\n"
        "        - {id: a, title: A, responsible: [leder], end: true}\n"
    )["demo"]
    texts = {(spec.name, value) for _, spec, _, value in walk_text(demo)}
    assert {("title", "T"), ("name", "Leder"), ("title", "A")} <= texts
    refs = [(spec.name, ids) for _, spec, ids in walk_refs(demo)]
    assert refs == [("responsible", ("leder",))]


def test_every_language_has_every_label() -> None:
    assert set(LABELS) == set(LANGUAGES)
    keys = [set(words) for words in LABELS.values()]
    assert all(k == keys[0] for k in keys)
