"""User-facing errors: every problem names the file, line, column and key path."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One mistake in the editor's input."""

    file: str
    line: int
    """1-based line number."""
    col: int
    """1-based column number."""
    path: tuple[str, ...]
    """Key path from the model id down, e.g. ('modum', 'levels[1]', 'steps[2]', 'goto')."""
    message: str
    suggestion: str | None = None
    kind: str | None = None
    """What sort of finding, where a reader needs to tell (e.g. `inherit.LOCALISE_KIND`)."""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.col}"
        path = format_path(self.path)
        text = f"{path}: {self.message}" if path else self.message
        if self.suggestion:
            text += f" (mente du '{self.suggestion}'?)"
        return f"{where}: {text}"

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.col, self.message)


def format_path(parts: Sequence[str]) -> str:
    """Join key path parts with ' › '; the last part joins an indexed part with '.'.

    ('modum', 'levels[1]', 'steps[2]', 'outcomes[0]', 'goto') →
    'modum › levels[1] › steps[2] › outcomes[0].goto'
    """
    out = ""
    for i, part in enumerate(parts):
        if i == 0:
            out = part
        elif i == len(parts) - 1 and "[" not in part and parts[i - 1].endswith("]"):
            out += "." + part
        else:
            out += " › " + part
    return out


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate most like `word`, if any is close enough to be a likely typo."""
    matches = difflib.get_close_matches(word, sorted(set(candidates)), n=1, cutoff=0.6)
    return matches[0] if matches else None


class ModelError(Exception):
    """Raised once with every problem found in the input."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(sorted(problems, key=Problem.sort_key))
        super().__init__(self.report())

    def report(self) -> str:
        lines = [str(p) for p in self.problems]
        lines.append(f"{len(self.problems)} feil funnet.")
        return "\n".join(lines)
