"""Read YAML into a node tree that remembers where every value stands."""

from __future__ import annotations

from pathlib import Path

import yaml

from .errors import ModelError, Problem

HINTS = {
    "mapping values are not allowed here": (
        "et kolon midt i en verdi: sett hele teksten i anførselstegn"
    ),
    "found character '\\t' that cannot start any token": "tabulator: bruk mellomrom til innrykk",
    "could not find expected ':'": "en linje mangler kolon, eller innrykket er feil",
    "found unexpected end of stream": "et anførselstegn er ikke lukket",
    "did not find expected key": "feil innrykk, eller en liste blandet med nøkler",
    "expected <block end>, but found '-'": "listepunktet har feil innrykk",
}


def compose_file(path: Path, display_name: str | None = None) -> yaml.Node:
    """Parse `path` into PyYAML's node tree (values keep their line and column).

    The node tree, not Python objects, is what the validator reads: scalars keep the
    text as written, so `no`, `yes`, `on` and `off` never turn into booleans by accident,
    and `02800` keeps its leading zero.
    """
    name = display_name or str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ModelError([Problem(name, 1, 1, (), "filen finnes ikke")]) from None
    except IsADirectoryError:
        raise ModelError([Problem(name, 1, 1, (), "dette er en mappe, ikke en fil")]) from None
    except OSError as exc:
        raise ModelError(
            [Problem(name, 1, 1, (), f"kan ikke lese filen ({exc.strerror})")]
        ) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        message = "filen er ikke lagret som UTF-8: lagre den som UTF-8 i redigeringsprogrammet"
        raise ModelError([Problem(name, line, col, (), message)]) from None
    return compose_text(text, name)


def compose_text(text: str, name: str) -> yaml.Node:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        raise ModelError([syntax_problem(exc, text, name)]) from None
    except yaml.YAMLError as exc:
        raise ModelError([Problem(name, 1, 1, (), f"YAML-feil: {exc}")]) from None
    if node is None:
        raise ModelError(
            [Problem(name, 1, 1, (), "filen er tom: den skal inneholde minst én modell")]
        )
    return node


def syntax_problem(exc: yaml.MarkedYAMLError, text: str, name: str) -> Problem:
    """A YAML syntax error at the place an editor can fix, with a hint in Norwegian."""
    mark = exc.problem_mark
    if mark is None or (exc.context_mark is not None and "end of stream" in (exc.problem or "")):
        mark = exc.context_mark or mark  # where the unfinished thing began, not the file's end
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    original = " ".join(part for part in (exc.context, exc.problem) if part)
    hint = next((h for key, h in HINTS.items() if key in original), None)
    message = f"YAML-syntaksfeil: {original}"
    if hint:
        message += f" – {hint}"
    return Problem(name, line, col, (), message)
