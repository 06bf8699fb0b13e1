"""Where each value of a model came from, and the one sink every check reports to.

The YAML constructor records a location (key path and `yaml.Mark`) for every object,
field and list item it builds. A mark carries its own file name, so models merged from
several files still point at the line that wrote each value.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from .errors import ModelError, Problem

Where = tuple[tuple[str, ...], yaml.Mark]
"""A key path and the position of its value."""

PLACEHOLDER_NAMES = ("<unicode string>", "<byte string>", "<file>")
"""Names PyYAML gives a stream that was not given one."""


@dataclass
class Locations:
    """Positions of model objects, their fields and their list items."""

    _where: dict[tuple[int, str | None, int | None], Where] = field(default_factory=dict)

    def record(
        self, obj: object, fieldname: str | None, where: Where, index: int | None = None
    ) -> None:
        self._where[(id(obj), fieldname, index)] = where

    def has(self, obj: object, fieldname: str | None) -> bool:
        return (id(obj), fieldname, None) in self._where

    def find(self, obj: object, fieldname: str | None = None, index: int | None = None) -> Where:
        """Where `obj.fieldname[index]` stands (falls back to coarser places)."""
        for key in ((id(obj), fieldname, index), (id(obj), fieldname, None), (id(obj), None, None)):
            if key in self._where:
                return self._where[key]
        raise KeyError(f"no location recorded for {type(obj).__name__}.{fieldname}")


@dataclass
class Reporter:
    """Collects problems; raises them all at once at the end."""

    default_file: str
    """The file name for marks that carry none."""
    locations: Locations = field(default_factory=Locations)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    """Findings that do not stop the build (shown by `check` and the build)."""

    def at(
        self,
        path: tuple[str, ...],
        mark: yaml.Mark,
        message: str,
        suggestion: str | None = None,
        warning: bool = False,
    ) -> None:
        """A problem (or, with `warning`, a warning) at a known position."""
        name = mark.name if mark.name and mark.name not in PLACEHOLDER_NAMES else self.default_file
        found = Problem(name, mark.line + 1, mark.column + 1, path, message, suggestion)
        (self.warnings if warning else self.problems).append(found)

    def report(
        self,
        obj: object,
        fieldname: str | None,
        message: str,
        index: int | None = None,
        suggestion: str | None = None,
        needle: str | None = None,
        warning: bool = False,
    ) -> None:
        """A problem with `obj.fieldname[index]` (a warning with `warning`).

        With `needle`, the position is that of the needle inside the value (e.g. a link on
        line 5 of a multi-line text), where it can be found.
        """
        path, mark = self.locations.find(obj, fieldname, index)
        if fieldname and not self.locations.has(obj, fieldname):
            path = (*path, fieldname)
        if needle:
            mark = find_in_value(mark, needle)
        self.at(path, mark, message, suggestion, warning)

    def concerns(self, model_id: str) -> bool:
        """Whether any problem so far is about the model `model_id`."""
        return any(p.path[:1] == (model_id,) for p in self.problems)

    def raise_if_any(self) -> None:
        if self.problems:
            raise ModelError(self.problems)


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
