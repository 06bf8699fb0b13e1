"""Turn a YAML node tree into model dataclasses, collecting every type problem.

The field types of `model.py` are the schema: this module reads them with
`typing.get_type_hints` and checks each YAML value against them, so adding a field to
the model is all it takes to accept a new key.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from dataclasses import dataclass, field
from typing import Any

import yaml

from . import model
from .errors import Problem, closest

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
BOOL_WORDS = {"true": True, "false": False}
NULL_TAG = "tag:yaml.org,2002:null"
BOOL_TAG = "tag:yaml.org,2002:bool"

Where = tuple[tuple[str, ...], yaml.Mark]
"""A key path and the position of its value in the file."""


@dataclass
class Builder:
    """Builds model objects from nodes and remembers where each value came from."""

    file: str
    problems: list[Problem] = field(default_factory=list)
    where: dict[tuple[int, str | None, int | None], Where] = field(default_factory=dict)
    _pending_items: dict[tuple[str, ...], list[yaml.Mark] | yaml.Mark] = field(default_factory=dict)
    """Positions of list elements, waiting for the object that owns the list."""

    def problem(
        self, path: tuple[str, ...], mark: yaml.Mark, message: str, suggestion: str | None = None
    ) -> None:
        self.problems.append(
            Problem(self.file, mark.line + 1, mark.column + 1, path, message, suggestion)
        )

    def locate(self, obj: object, fieldname: str | None = None, index: int | None = None) -> Where:
        """Where the value of `obj.fieldname[index]` stands (falls back to coarser places)."""
        for key in ((id(obj), fieldname, index), (id(obj), fieldname, None), (id(obj), None, None)):
            if key in self.where:
                return self.where[key]
        raise KeyError(f"no location recorded for {type(obj).__name__}.{fieldname}")

    def report(
        self,
        obj: object,
        fieldname: str | None,
        message: str,
        index: int | None = None,
        suggestion: str | None = None,
        needle: str | None = None,
    ) -> None:
        """Report a problem with `obj.fieldname[index]`.

        With `needle`, the position is that of the needle inside the value (e.g. a link on
        line 5 of a multi-line text), where it can be found.
        """
        path, mark = self.locate(obj, fieldname, index)
        if fieldname and (id(obj), fieldname, None) not in self.where:
            path = (*path, fieldname)
        if needle:
            mark = find_in_value(mark, needle)
        self.problem(path, mark, message, suggestion)

    # -- conversion -------------------------------------------------------------------

    def build_models(self, root: yaml.Node) -> dict[str, model.Model]:
        if not isinstance(root, yaml.MappingNode):
            self.problem(
                (), root.start_mark, "filen skal være en oppslagstabell: modell-id → modell"
            )
            return {}
        models: dict[str, model.Model] = {}
        for key, value in self.mapping_items(root, ()):
            if not self.check_id(key, (key.value,)):
                continue
            built = self.build_dataclass(model.Model, value, (key.value,), {"id": key.value})
            if built is not None:
                models[key.value] = built
                self.where[(id(built), None, None)] = ((key.value,), key.start_mark)
        return models

    def mapping_items(
        self, node: yaml.MappingNode, path: tuple[str, ...]
    ) -> list[tuple[yaml.ScalarNode, yaml.Node]]:
        """Key/value pairs of a mapping; reports non-text and duplicate keys."""
        seen: dict[str, yaml.Mark] = {}
        items = []
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode) or key.tag == NULL_TAG:
                self.problem(path, key.start_mark, "nøkkelen må være tekst")
                continue
            if key.value in seen:
                first = seen[key.value]
                self.problem(
                    (*path, key.value),
                    key.start_mark,
                    f"nøkkelen '{key.value}' står to ganger "
                    f"(første gang på linje {first.line + 1})",
                )
                continue
            seen[key.value] = key.start_mark
            items.append((key, value))
        return items

    def check_id(self, key: yaml.ScalarNode, path: tuple[str, ...]) -> bool:
        if ID_PATTERN.match(key.value) and key.value != model.END:
            return True
        if key.value == model.END:
            message = f"'{model.END}' er reservert og kan ikke brukes som id"
        else:
            message = f"ugyldig id '{key.value}': bruk bare små bokstaver a–z, tall og bindestrek"
        self.problem(path, key.start_mark, message, suggestion=slug_suggestion(key.value))
        return False

    def build_dataclass(
        self,
        cls: type[Any],
        node: yaml.Node,
        path: tuple[str, ...],
        injected: dict[str, str] | None = None,
    ) -> Any:
        if not isinstance(node, yaml.MappingNode):
            self.problem(path, node.start_mark, "forventet en oppslagstabell (nøkkel: verdi)")
            return None
        hints = typing.get_type_hints(cls)
        fields = {f.name: f for f in dataclasses.fields(cls)}
        injected = injected or {}
        accepted = [name for name in fields if name not in injected]
        values: dict[str, Any] = dict(injected)
        value_marks: dict[str, Where] = {}
        failed: set[str] = set()
        ok = True
        for key, value in self.mapping_items(node, path):
            name = key.value
            if name not in accepted:
                self.problem(
                    (*path, name),
                    key.start_mark,
                    f"ukjent nøkkel '{name}'",
                    suggestion=closest(name, accepted),
                )
                continue
            converted, good = self.convert(hints[name], value, (*path, name))
            value_marks[name] = ((*path, name), value.start_mark)
            if good:
                values[name] = converted
            elif not_required(fields[name]):
                continue  # reported; build on without it so later checks still run
            else:
                ok = False
                failed.add(name)
        for name in accepted:
            f = fields[name]
            required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
            if name not in values and required and name not in failed:
                self.problem(path, node.start_mark, f"mangler påkrevd nøkkel '{name}'")
                ok = False
            elif values.get(name, 0) is None and required and name not in failed:
                self.problem((*path, name), value_marks[name][1], "verdien mangler")
                ok = False
        if not ok:
            return None
        obj = cls(**{k: v for k, v in values.items() if v is not None or not_required(fields[k])})
        self.where[(id(obj), None, None)] = (path, node.start_mark)
        for name, where in value_marks.items():
            self.where[(id(obj), name, None)] = where
            self.record_items(obj, name, where[0])
        return obj

    def record_items(self, obj: object, name: str, path: tuple[str, ...]) -> None:
        """Record the place of each element of a list field, for messages about one element."""
        items = self._pending_items.pop(path, None)
        if items is None:
            return
        if isinstance(items, list) and len(items) == 1:  # name the key, as for a lone value
            self.where[(id(obj), name, 0)] = (path, items[0])
        elif isinstance(items, list):
            for index, mark in enumerate(items):
                self.where[(id(obj), name, index)] = ((*path[:-1], f"{path[-1]}[{index}]"), mark)
        else:  # a single value written without a list
            self.where[(id(obj), name, 0)] = (path, items)

    def convert(self, hint: Any, node: yaml.Node, path: tuple[str, ...]) -> tuple[Any, bool]:
        origin = typing.get_origin(hint)
        args = typing.get_args(hint)
        if origin in (typing.Union, types.UnionType):
            inner = [a for a in args if a is not type(None)]
            if is_null(node):
                return None, True
            return self.convert(inner[0], node, path)
        if origin is tuple:
            return self.convert_list(args[0], node, path)
        if origin is dict:
            return self.convert_mapping(args[1], node, path)
        if dataclasses.is_dataclass(hint):
            built = self.build_dataclass(hint, node, path)  # type: ignore[arg-type]
            return built, built is not None
        if hint is bool:
            return self.convert_bool(node, path)
        return self.convert_text(hint, node, path)

    def convert_text(self, hint: Any, node: yaml.Node, path: tuple[str, ...]) -> tuple[Any, bool]:
        if not isinstance(node, yaml.ScalarNode):
            kind = "en liste" if isinstance(node, yaml.SequenceNode) else "en oppslagstabell"
            self.problem(path, node.start_mark, f"forventet tekst, fant {kind}")
            return None, False
        if is_null(node):
            return None, True
        value = node.value.strip() if node.style in (None, "") else node.value
        if hint is model.Id and not (ID_PATTERN.match(value) or value == model.END):
            self.problem(
                path,
                node.start_mark,
                f"ugyldig id '{value}': bruk bare små bokstaver a–z, tall og bindestrek",
                suggestion=slug_suggestion(value),
            )
            return None, False
        return value, True

    def convert_bool(self, node: yaml.Node, path: tuple[str, ...]) -> tuple[Any, bool]:
        if isinstance(node, yaml.ScalarNode) and node.value.lower() in BOOL_WORDS:
            return BOOL_WORDS[node.value.lower()], True
        shown = node.value if isinstance(node, yaml.ScalarNode) else "?"
        hint = {
            "yes": "true",
            "on": "true",
            "ja": "true",
            "no": "false",
            "off": "false",
            "nei": "false",
        }.get(shown.lower())
        self.problem(
            path, node.start_mark, f"forventet true eller false, fant '{shown}'", suggestion=hint
        )
        return None, False

    def convert_list(self, hint: Any, node: yaml.Node, path: tuple[str, ...]) -> tuple[Any, bool]:
        if isinstance(node, yaml.ScalarNode) and not dataclasses.is_dataclass(hint):
            value, ok = self.convert(hint, node, path)
            self._pending_items[path] = node.start_mark
            return ((value,) if value is not None else ()), ok
        if not isinstance(node, yaml.SequenceNode):
            self.problem(path, node.start_mark, "forventet en liste")
            return None, False
        values = []
        ok = True
        marks = []
        for index, item in enumerate(node.value):
            item_path = (*path[:-1], f"{path[-1]}[{index}]")
            value, good = self.convert(hint, item, item_path)
            if value is None and good:
                self.problem(item_path, item.start_mark, "tomt element i listen")
                good = False
            ok = ok and good
            values.append(value)
            marks.append(item.start_mark)
        self._pending_items[path] = marks
        return tuple(values), ok

    def convert_mapping(
        self, hint: Any, node: yaml.Node, path: tuple[str, ...]
    ) -> tuple[Any, bool]:
        if not isinstance(node, yaml.MappingNode):
            self.problem(path, node.start_mark, "forventet en oppslagstabell: id → verdi")
            return None, False
        result: dict[str, Any] = {}
        ok = True
        for key, value in self.mapping_items(node, path):
            if not self.check_id(key, (*path, key.value)):
                ok = False
                continue
            converted, good = self.convert(hint, value, (*path, key.value))
            ok = ok and good
            if converted is not None:
                result[key.value] = converted
        return result, ok


def find_in_value(mark: yaml.Mark, needle: str, reach: int = 20_000) -> yaml.Mark:
    """The position of `needle` at or after `mark` in the file, else `mark` itself."""
    buffer = mark.buffer
    if not isinstance(buffer, str):
        return mark
    found = buffer.find(needle, mark.pointer, mark.pointer + reach)
    if found < 0:
        return mark
    line = buffer.count("\n", 0, found)
    column = found - (buffer.rfind("\n", 0, found) + 1)
    return yaml.Mark(mark.name, found, line, column, buffer, found)


def is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == NULL_TAG


def not_required(f: dataclasses.Field[Any]) -> bool:
    return not (f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING)


def slug_suggestion(text: str) -> str | None:
    """A valid id that looks like `text`, e.g. 'Nivå 1' → 'niva-1'."""
    table = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "_": "-", " ": "-"})
    slug = re.sub(r"[^a-z0-9-]+", "", text.lower().translate(table))
    slug = re.sub(r"-{2,}", "-", slug).strip("-")
    return slug if slug and slug != text and slug != model.END else None
