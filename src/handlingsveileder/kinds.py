"""What a model field holds beyond its Python type, written as `Annotated` marks.

`model.py` spells each field's rule in its type (`Markdown`, `Id`, `Url`, `RoleRef` …);
`fields.py` reads the marks. Nothing else interprets them, so a rule lives in one place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
"""What an id looks like: lowercase a–z, digits and single hyphens."""
ID_MAX = 64
"""Ids become file and folder names; longer ones are refused."""


def id_problem(value: str) -> str | None:
    """Why `value` cannot be an id, or None."""
    if not ID_PATTERN.match(value):
        return f"ugyldig id '{value}': bruk bare små bokstaver a–z, tall og bindestrek"
    if len(value) > ID_MAX:
        return f"id-en er for lang ({len(value)} tegn): bruk høyst {ID_MAX} tegn"
    return None


@dataclass(frozen=True)
class MarkdownText:
    """Text rendered as Markdown on the site (raw HTML shows as text)."""


@dataclass(frozen=True)
class IdText:
    """An id declared here: lowercase a–z, digits and hyphens."""


@dataclass(frozen=True)
class UrlText:
    """A link target: https:, http:, mailto:, tel: or a path on the site."""


@dataclass(frozen=True)
class DateText:
    """A date written as YYYY-MM-DD."""


def date_problem(value: str) -> str | None:
    """Why `value` is not a date written YYYY-MM-DD, or None."""
    from .dates import parse_date

    if parse_date(value) is not None:
        return None
    return f"ugyldig dato '{value}': skriv den som ÅÅÅÅ-MM-DD, f.eks. «2026-03-01»"


@dataclass(frozen=True)
class Ref:
    """A reference to something declared elsewhere in the same model.

    `catalogue` names the model field that declares the targets (`roles`, `tools` …), or
    `FLOW` for steps and levels; `noun` is the Norwegian word used in messages.
    """

    catalogue: str
    noun: str


@dataclass(frozen=True)
class OneOf:
    """A value from a fixed list, with the message shown for anything else."""

    values: tuple[str, ...]
    message: str
    """Format string with `{value}`, e.g. "ukjent språk '{value}': …"."""


def slug_suggestion(text: str, reserved: tuple[str, ...] = ("end",)) -> str | None:
    """A valid id that looks like `text`, e.g. 'Nivå 1' → 'niva-1'."""
    table = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "_": "-", " ": "-"})
    slug = re.sub(r"[^a-z0-9-]+", "", text.lower().translate(table))
    slug = re.sub(r"-{2,}", "-", slug).strip("-")
    return slug if slug and slug != text and slug not in reserved else None


FLOW = "flow"
"""The catalogue of a reference to a step, a level or the end."""

Mark = MarkdownText | IdText | UrlText | DateText | Ref | OneOf
