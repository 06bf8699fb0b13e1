"""Read YAML into a node tree that remembers where every value stands."""

from __future__ import annotations

from pathlib import Path

import yaml

from .errors import ModelError, Problem


def compose_file(path: Path, display_name: str | None = None) -> yaml.Node:
    """Parse `path` into PyYAML's node tree (values keep their line and column).

    The node tree, not Python objects, is what the validator reads: scalars keep the
    text as written, so `no`, `yes`, `on` and `off` never turn into booleans by accident,
    and `02800` keeps its leading zero.
    """
    name = display_name or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ModelError([Problem(name, 1, 1, (), "filen finnes ikke")]) from None
    except UnicodeDecodeError as exc:
        raise ModelError(
            [Problem(name, 1, 1, (), f"filen er ikke UTF-8 (byte {exc.start})")]
        ) from None
    return compose_text(text, name)


def compose_text(text: str, name: str) -> yaml.Node:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = "YAML-syntaksfeil: " + " ".join(
            part for part in (exc.context, exc.problem) if part
        )
        raise ModelError([Problem(name, line, col, (), message)]) from None
    except yaml.YAMLError as exc:
        raise ModelError([Problem(name, 1, 1, (), f"YAML-feil: {exc}")]) from None
    if node is None:
        raise ModelError([Problem(name, 1, 1, (), "filen er tom: den skal inneholde minst én modell")])
    return node
