"""Turn a YAML node tree into model objects, collecting every type problem.

What each key may hold comes from `fields.py` (the model's types), so adding a field to
the model is all it takes to accept a new key. Every object, field and list item built
is recorded in the reporter's `Locations`, for messages that point at the right line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from . import model
from .errors import closest
from .fields import FieldSpec, fields_of
from .kinds import date_problem, id_problem, slug_suggestion
from .reporter import Reporter, Where

BOOL_WORDS = {"true": True, "false": False}
BOOL_HINTS = {"yes": "true", "on": "true", "ja": "true", "no": "false", "off": "false"}
BOOL_HINTS["nei"] = "false"
NULL_TAG = "tag:yaml.org,2002:null"


@dataclass
class Constructor:
    """Builds model objects from nodes; reports to `reporter`."""

    reporter: Reporter
    _pending_items: dict[tuple[str, ...], list[yaml.Mark] | yaml.Mark] = field(default_factory=dict)
    """Positions of list elements, waiting for the object that owns the list."""

    def problem(
        self, path: tuple[str, ...], mark: yaml.Mark, message: str, suggestion: str | None = None
    ) -> None:
        self.reporter.at(path, mark, message, suggestion)

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
            built = self.build_object(model.Model, value, (key.value,), {"id": key.value})
            if built is not None:
                models[key.value] = built
                self.reporter.locations.record(built, None, ((key.value,), key.start_mark))
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
        problem = id_problem(key.value)
        if problem is None and key.value != model.END:
            return True
        if key.value == model.END:
            problem = f"'{model.END}' er reservert og kan ikke brukes som id"
        self.problem(path, key.start_mark, str(problem), suggestion=slug_suggestion(key.value))
        return False

    def build_object(
        self,
        cls: type[Any],
        node: yaml.Node,
        path: tuple[str, ...],
        injected: dict[str, str] | None = None,
    ) -> Any:
        if not isinstance(node, yaml.MappingNode):
            self.problem(path, node.start_mark, "forventet en oppslagstabell (nøkkel: verdi)")
            return None
        injected = injected or {}
        specs = {spec.name: spec for spec in fields_of(cls) if spec.name not in injected}
        values: dict[str, Any] = dict(injected)
        value_marks: dict[str, Where] = {}
        failed: set[str] = set()
        ok = True
        for key, value in self.mapping_items(node, path):
            name = key.value
            if name not in specs:
                self.problem(
                    (*path, name),
                    key.start_mark,
                    f"ukjent nøkkel '{name}'",
                    suggestion=closest(name, specs),
                )
                continue
            converted, good = self.convert(specs[name], value, (*path, name))
            value_marks[name] = ((*path, name), value.start_mark)
            if good:
                values[name] = converted
            elif not specs[name].required:
                continue  # reported; build on without it so later checks still run
            else:
                ok = False
                failed.add(name)
        for name, spec in specs.items():
            if not spec.required or name in failed:
                continue
            if name not in values:
                self.problem(path, node.start_mark, f"mangler påkrevd nøkkel '{name}'")
                ok = False
            elif values[name] is None:
                self.problem((*path, name), value_marks[name][1], "verdien mangler")
                ok = False
        if not ok:
            return None
        kept = {
            k: v
            for k, v in values.items()
            if v is not None or k not in specs or not specs[k].required
        }
        obj = cls(**kept)
        locations = self.reporter.locations
        locations.record(obj, None, (path, node.start_mark))
        for name, where in value_marks.items():
            locations.record(obj, name, where)
            self.record_items(obj, name, where[0])
        return obj

    def record_items(self, obj: object, name: str, path: tuple[str, ...]) -> None:
        """Record the place of each element of a list field, for messages about one element."""
        items = self._pending_items.pop(path, None)
        locations = self.reporter.locations
        if items is None:
            return
        if isinstance(items, list) and len(items) == 1:  # name the key, as for a lone value
            locations.record(obj, name, (path, items[0]), 0)
        elif isinstance(items, list):
            for index, mark in enumerate(items):
                locations.record(obj, name, ((*path[:-1], f"{path[-1]}[{index}]"), mark), index)
        else:  # a single value written without a list
            locations.record(obj, name, (path, items), 0)

    def convert(self, spec: FieldSpec, node: yaml.Node, path: tuple[str, ...]) -> tuple[Any, bool]:
        if spec.optional and is_null(node):
            return None, True
        if spec.shape == "list":
            return self.convert_list(spec, node, path)
        if spec.shape == "map":
            return self.convert_mapping(spec, node, path)
        return self.convert_one(spec, node, path)

    def convert_one(
        self, spec: FieldSpec, node: yaml.Node, path: tuple[str, ...]
    ) -> tuple[Any, bool]:
        if spec.base == "object":
            built = self.build_object(spec.cls, node, path)  # type: ignore[arg-type]
            return built, built is not None
        if spec.base == "bool":
            return self.convert_bool(node, path)
        return self.convert_text(spec, node, path)

    def convert_text(
        self, spec: FieldSpec, node: yaml.Node, path: tuple[str, ...]
    ) -> tuple[Any, bool]:
        if not isinstance(node, yaml.ScalarNode):
            kind = "en liste" if isinstance(node, yaml.SequenceNode) else "en oppslagstabell"
            self.problem(path, node.start_mark, f"forventet tekst, fant {kind}")
            return None, False
        if is_null(node):
            return None, True
        value = node.value.strip() if node.style in (None, "") else node.value
        if not value.strip():
            if spec.required:
                self.problem(path, node.start_mark, "verdien er tom: skriv inn en tekst")
                return None, False
            return None, True  # an empty optional text is the same as leaving it out
        problem = id_problem(value) if spec.is_id and value != model.END else None
        if spec.date:
            problem = date_problem(value)
        if problem:
            self.problem(
                path, node.start_mark, problem, slug_suggestion(value) if spec.is_id else None
            )
            return None, False
        return value, True

    def convert_bool(self, node: yaml.Node, path: tuple[str, ...]) -> tuple[Any, bool]:
        if isinstance(node, yaml.ScalarNode) and node.value.lower() in BOOL_WORDS:
            return BOOL_WORDS[node.value.lower()], True
        shown = node.value if isinstance(node, yaml.ScalarNode) else "?"
        self.problem(
            path,
            node.start_mark,
            f"forventet true eller false, fant '{shown}'",
            suggestion=BOOL_HINTS.get(shown.lower()),
        )
        return None, False

    def convert_list(
        self, spec: FieldSpec, node: yaml.Node, path: tuple[str, ...]
    ) -> tuple[Any, bool]:
        if isinstance(node, yaml.ScalarNode) and spec.base != "object":
            value, ok = self.convert_one(spec, node, path)
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
            value, good = self.convert_one(spec, item, item_path)
            if value is None and good:
                self.problem(item_path, item.start_mark, "tomt element i listen")
                good = False
            ok = ok and good
            values.append(value)
            marks.append(item.start_mark)
        self._pending_items[path] = marks
        return tuple(values), ok

    def convert_mapping(
        self, spec: FieldSpec, node: yaml.Node, path: tuple[str, ...]
    ) -> tuple[Any, bool]:
        if not isinstance(node, yaml.MappingNode):
            self.problem(path, node.start_mark, "forventet en oppslagstabell: id → verdi")
            return None, False
        result: dict[str, Any] = {}
        ok = True
        for key, value in self.mapping_items(node, path):
            # Objects (roles, tools …) are keyed by id; texts (`localise`) by any key.
            if spec.base == "object" and not self.check_id(key, (*path, key.value)):
                ok = False
                continue
            converted, good = self.convert_one(spec, value, (*path, key.value))
            ok = ok and good
            if converted is not None:
                result[key.value] = converted
        return result, ok


def is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == NULL_TAG
