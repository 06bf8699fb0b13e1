"""The emergency bar above every page: who to call and the standing warnings, as HTML.

On a wide screen the bar stands above the page. On a phone it is one line fixed at the
bottom of the screen («Akutt – vold eller overgrep? Ring»), always within reach; a tap opens
the numbers and the standing rules (a `<details>`, no script).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .emergency import EmergencyView, emergency_view
from .i18n import labels
from .markup import html_text, plain
from .model import Model


def tel_href(number: str) -> str:
    return "tel:" + re.sub(r"[^0-9+]", "", number)


def contact_items(view: EmergencyView) -> str:
    contacts = []
    for contact in view.contacts:
        item = f"<strong>{html_text(contact.name)}</strong>"
        if contact.phone:
            item += (
                f' <a href="{html_text(tel_href(contact.phone))}" class="hv-tel">'
                f"{html_text(contact.phone)}</a>"
            )
        if contact.hours:
            item += f" ({html_text(contact.hours)})"
        contacts.append(f"<li>{item}</li>")
    return "".join(contacts)


def unlocalised_html(key_paths: Sequence[str], language: str) -> str:
    """What the base marks as the kommune's own and the model has not written yet (shown by
    `mkdocs serve` only: `check` and the build refuse such a model)."""
    if not key_paths:
        return ""
    words = labels(language)
    items = "".join(f"<li><code>{html_text(path)}</code></li>" for path in key_paths)
    return (
        f'<div class="hv-utkast hv-lokalt" role="note"><p><strong>'
        f"{html_text(words['localise_title'])}:</strong> {html_text(words['localise_text'])}</p>"
        f"<ul>{items}</ul></div>"
    )


def announce_html(
    model: Model, national_numbers: bool = True, unlocalised: Sequence[str] = ()
) -> str:
    """The emergency bar shown above every page (Material's announce block)."""
    words = labels(model.language)
    view = emergency_view(model, national_numbers)
    parts = []
    if view:
        added = (
            f'<p class="hv-akutt__lagt-til">{html_text(words["national_note"])}</p>'
            if view.added_by_tool
            else ""
        )
        parts.append(
            f'<p class="hv-akutt__tekst"><strong>{html_text(words["emergency"])}:</strong> '
            f"{html_text(plain(view.text))}</p>"
            f'<ul class="hv-akutt__kontakter">{contact_items(view)}</ul>{added}'
        )
    for warning in model.warnings:
        title = f"<strong>{html_text(warning.title or words['warnings'])}:</strong> "
        parts.append(f'<p class="hv-akutt__regel">{title}{html_text(plain(warning.text))}</p>')
    draft = (
        f'<p class="hv-utkast"><strong>{html_text(words["draft"])}:</strong> '
        f"{html_text(plain(model.draft))}</p>"
        if model.draft
        else ""
    ) + unlocalised_html(unlocalised, model.language)
    if not parts:
        return draft
    body = "".join(parts)
    # Only the numbers make the bar «Akutt»; a bar of standing rules alone is a reminder.
    if view:
        name = words["emergency"]
        summary = (
            f'<span class="hv-akutt__sporsmal">{html_text(words["em_compact"])}</span> '
            f'<span class="hv-akutt__ring">{html_text(words["em_call"])}</span>'
        )
    else:
        name = words["warnings"]
        summary = f'<span class="hv-akutt__sporsmal">{html_text(name)}</span>'
    compact = f'<details class="hv-akutt__kort"><summary>{summary}</summary>{body}</details>'
    region = f'<div class="hv-akutt" role="region" aria-label="{html_text(name)}">'
    return f'{draft}{region}<div class="hv-akutt__full">{body}</div>{compact}</div>'
