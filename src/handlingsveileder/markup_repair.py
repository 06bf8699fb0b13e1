"""Repairs to markup that Material's templates write into every page, made on the finished
page instead of copying Material's templates into the project.

Each repair names what is wrong and why (the Nu HTML Checker or axe rejects it). A repair
whose markup is no longer found (a new Material version) is reported by the tests, so that
it can be dropped or adjusted instead of silently doing nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .markup import html_text


@dataclass(frozen=True)
class Repair:
    why: str
    pattern: re.Pattern[str]
    replacement: Callable[[re.Match[str]], str]

    def apply(self, html: str) -> tuple[str, int]:
        return self.pattern.subn(self.replacement, html)


def repairs(search_name: str) -> tuple[Repair, ...]:
    """Every repair; `search_name` is the accessible name of the search dialog."""
    named = f' aria-label="{html_text(search_name)}"'
    return (
        Repair(
            "`autocomplete` is not allowed on a checkbox (the drawer and search toggles)",
            re.compile(r'(<input class="md-toggle"[^>]*?) autocomplete="off"'),
            lambda m: m.group(1),
        ),
        Repair(
            "`autocorrect` is no HTML attribute (the search field)",
            re.compile(r'(<input type="text" class="md-search__input"[^>]*?) autocorrect="off"'),
            lambda m: m.group(1),
        ),
        Repair(
            'an empty `tabindex=""` is invalid (the navigation\'s section labels)',
            re.compile(r'(<label class="md-nav__link[^>]*?) tabindex=""'),
            lambda m: m.group(1),
        ),
        Repair(
            "every table-of-contents entry with sub-entries is a `<nav>` landmark named by its "
            "heading, so names repeat on long pages (axe: landmark-unique); the contents stay "
            "one landmark, «Innholdsliste»",
            re.compile(r'<nav class="md-nav" aria-label="[^"]*">'),
            lambda m: '<nav class="md-nav" role="none">',
        ),
        Repair(
            "the search dialog needs an accessible name (axe: aria-dialog-name)",
            re.compile(r'(<div class="md-search" data-md-component="search" role="dialog")>'),
            lambda m: f"{m.group(1)}{named}>",
        ),
    )


def repair_page(html: str, search_name: str) -> str:
    for fix in repairs(search_name):
        html, _count = fix.apply(html)
    return html
