"""Keeping a guide current: its review dates read, shown in Norwegian and checked.

A model (and a level) says when it was last gone through (`reviewed`) and when it is to be
gone through again (`next_review`), both written YYYY-MM-DD (validated by `construct`).
Every page shows «Sist revidert <date>»; `check` and the build warn once `next_review` has
passed. "Today" comes from the caller, else from `HV_TODAY`, else the clock, so tests and
reproducible builds can fix it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date

from .dates import format_date, norwegian_date, parse_date
from .i18n import labels
from .markup import html_text
from .model import Level, Model
from .reporter import Reporter
from .settings import SettingsError

TODAY_VARIABLE = "HV_TODAY"
"""Overrides today's date (YYYY-MM-DD) for the review check, e.g. in tests."""


def date_html(text: str) -> str:
    """A date as HTML: the Norwegian text in a `<time>` with the machine-readable date."""
    if parse_date(text) is None:
        return html_text(text)
    return f'<time datetime="{html_text(text)}">{html_text(format_date(text))}</time>'


def current_date(environ: Mapping[str, str] | None = None) -> date:
    """Today's date: `HV_TODAY` (YYYY-MM-DD) when set, else the clock's."""
    given = (os.environ if environ is None else environ).get(TODAY_VARIABLE, "").strip()
    if not given:
        return date.today()
    found = parse_date(given)
    if found is None:
        raise SettingsError(f"{TODAY_VARIABLE}='{given}': skriv datoen som ÅÅÅÅ-MM-DD")
    return found


def page_reviewed(model: Model, level: Level | None = None) -> str | None:
    """The date shown as «Sist revidert» on a page (YYYY-MM-DD), or None when not given.

    A level's page shows the level's own `reviewed` when it has one, unless the whole
    guide has been gone through since (then the guide's later date is the true one).
    """
    dates = [d for d in (model.reviewed, level.reviewed if level else None) if d]
    known = [d for d in dates if parse_date(d)]
    return max(known) if known else None  # YYYY-MM-DD sorts as dates do


def reviewed_text(reviewed: str | None, language: str) -> str:
    """«Sist revidert 1. mars 2026», or «Sist revidert: ikke oppgitt» without a date."""
    words = labels(language)
    if not reviewed:
        return f"{words['reviewed']}: {words['not_given']}"
    return f"{words['reviewed']} {format_date(reviewed)}"


def reviewed_html(model: Model, level: Level | None = None) -> str:
    """The «Sist revidert» line at the end of a page, as one line of HTML in the page's
    Markdown (left out of the search index: every page has it)."""
    reviewed = page_reviewed(model, level)
    words = labels(model.language)
    if reviewed:
        text = f"{html_text(words['reviewed'])} {date_html(reviewed)}"
    else:
        text = html_text(reviewed_text(None, model.language))
    return f'<p class="hv-revidert" data-search-exclude>{text}</p>'


def check_reviews(model: Model, reporter: Reporter, today: date | None = None) -> None:
    """Warn (not fail) where `next_review` of the guide or of a level has passed.

    `today`: the day to compare with (default: `current_date()`: `HV_TODAY` or the clock).
    """
    now = today if today is not None else current_date()
    owners: list[tuple[Model | Level, str, str]] = [(model, "veilederen", "den")]
    owners += [(level, f"nivået '{level.id}'", "det") for level in model.levels]
    for owner, what, it in owners:
        due = parse_date(owner.next_review) if owner.next_review else None
        if due is None or due >= now:
            continue
        reporter.report(
            owner,
            "next_review",
            f"next_review {owner.next_review} er passert: {what} skulle vært gått gjennom "
            f"senest {norwegian_date(due)}. Gå gjennom {it}, og sett reviewed til datoen "
            "det ble gjort og en ny next_review",
            warning=True,
        )
