"""Dates as the model writes them (YYYY-MM-DD) and as a Norwegian reader reads them."""

from __future__ import annotations

import re
from datetime import date

DATE_PATTERN = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")

MONTHS = (
    "januar", "februar", "mars", "april", "mai", "juni",
    "juli", "august", "september", "oktober", "november", "desember",
)  # fmt: skip
"""The months' names, the same in bokmål and nynorsk (lower case in both)."""


def parse_date(text: str) -> date | None:
    """The date written YYYY-MM-DD in `text`, or None when it is not one."""
    try:
        return date.fromisoformat(text) if DATE_PATTERN.match(text) else None
    except ValueError:
        return None


def norwegian_date(day: date) -> str:
    """A date as Norwegian text, e.g. «1. mars 2026» (bokmål and nynorsk alike)."""
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def format_date(text: str) -> str:
    """A date written YYYY-MM-DD as Norwegian text; anything else as it is."""
    found = parse_date(text)
    return norwegian_date(found) if found else text
