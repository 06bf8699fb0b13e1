"""The one reader of the model's types: what each field holds, and whether it is required.

The YAML constructor, the text walk of the checks, the editor's reference and any later
JSON Schema all ask this module, never `typing` directly, so a new field or rule in
`model.py` reaches every reader at once.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Hashable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from .kinds import DateText, IdText, Mark, MarkdownText, OneOf, Ref, UrlText

Shape = Literal["scalar", "list", "map"]
"""A single value, a YAML list (tuple), or a YAML mapping keyed by id (dict)."""
Base = Literal["text", "bool", "object"]


@dataclass(frozen=True)
class FieldSpec:
    """One field of a model class, as the YAML editor sees it."""

    name: str
    shape: Shape
    base: Base
    """`text` (str), `bool`, or `object` (another model class, see `cls`)."""
    required: bool
    optional: bool
    """The value may be left out or written as null (`X | None`)."""
    mark: Mark | None = None
    """The rule on a text: Markdown, id, URL, reference or a fixed choice."""
    cls: type[Any] | None = None
    """The model class of an `object` field."""

    @property
    def markdown(self) -> bool:
        return isinstance(self.mark, MarkdownText)

    @property
    def url(self) -> bool:
        return isinstance(self.mark, UrlText)

    @property
    def date(self) -> bool:
        return isinstance(self.mark, DateText)

    @property
    def is_id(self) -> bool:
        return isinstance(self.mark, IdText | Ref)

    @property
    def ref(self) -> Ref | None:
        return self.mark if isinstance(self.mark, Ref) else None

    @property
    def choices(self) -> OneOf | None:
        return self.mark if isinstance(self.mark, OneOf) else None


def fields_of(cls: type[Any]) -> tuple[FieldSpec, ...]:
    """The fields of a model class in declaration order."""
    return _fields_of(typing.cast(Hashable, cls))


@cache
def _fields_of(cls: Hashable) -> tuple[FieldSpec, ...]:
    # Read once per class: the type hints of a class never change while it runs.
    hints = typing.get_type_hints(cls, include_extras=True)
    return tuple(_spec(f, hints[f.name]) for f in dataclasses.fields(cls))  # type: ignore[arg-type]


def field_of(cls: type[Any], name: str) -> FieldSpec:
    return next(spec for spec in fields_of(cls) if spec.name == name)


def _spec(f: dataclasses.Field[Any], hint: Any) -> FieldSpec:
    required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    optional = False
    if typing.get_origin(hint) in (typing.Union, _UnionType):
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        optional, hint = True, inner[0]
    shape: Shape = "scalar"
    if typing.get_origin(hint) is tuple:
        shape, hint = "list", typing.get_args(hint)[0]
    elif typing.get_origin(hint) is dict:
        shape, hint = "map", typing.get_args(hint)[1]
    mark = None
    if typing.get_origin(hint) is typing.Annotated:
        hint, mark = typing.get_args(hint)[0], typing.get_args(hint)[1]
    if dataclasses.is_dataclass(hint):
        return FieldSpec(f.name, shape, "object", required, optional, cls=hint)  # type: ignore[arg-type]
    base: Base = "bool" if hint is bool else "text"
    return FieldSpec(f.name, shape, base, required, optional, mark)


_UnionType = type(int | None)


def walk_text(obj: object) -> Iterator[tuple[object, FieldSpec, int | None, str]]:
    """Every text value in a model object tree: owner, field, list index and the text."""
    if not dataclasses.is_dataclass(obj) or isinstance(obj, type):
        return
    for spec in fields_of(type(obj)):
        value = getattr(obj, spec.name)
        if isinstance(value, str):
            yield obj, spec, None, value
        elif isinstance(value, tuple):
            for index, item in enumerate(value):
                if isinstance(item, str):
                    yield obj, spec, index, item
                else:
                    yield from walk_text(item)
        elif isinstance(value, dict):
            for item in value.values():
                yield from walk_text(item)
        else:
            yield from walk_text(value)


def walk_refs(obj: object) -> Iterator[tuple[object, FieldSpec, tuple[str, ...]]]:
    """Every reference field with a value in a model object tree: owner, field, the ids."""
    for owner, spec, _index, _text in _first_of_each(walk_text(obj)):
        if spec.ref is not None:
            value = getattr(owner, spec.name)
            yield owner, spec, value if isinstance(value, tuple) else (value,)


def _first_of_each(
    items: Iterator[tuple[object, FieldSpec, int | None, str]],
) -> Iterator[tuple[object, FieldSpec, int | None, str]]:
    """Each (owner, field) once, however many list items it holds."""
    seen: set[tuple[int, str]] = set()
    for item in items:
        key = (id(item[0]), item[1].name)
        if key not in seen:
            seen.add(key)
            yield item
