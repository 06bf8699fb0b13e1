"""The emergency bar above every page: who to call and the standing warnings, as HTML."""

from __future__ import annotations

import re

from .i18n import labels
from .markup import html_text, plain
from .model import Model


def tel_href(number: str) -> str:
    return "tel:" + re.sub(r"[^0-9+]", "", number)


def announce_html(model: Model) -> str:
    """The emergency bar shown above every page (Material's announce block)."""
    words = labels(model.language)
    parts = []
    if model.draft:
        parts.append(
            f'<p class="hv-utkast"><strong>{html_text(words["draft"])}:</strong> '
            f"{html_text(plain(model.draft))}</p>"
        )
    if model.emergency:
        contacts = []
        for contact in model.emergency.contacts:
            item = f"<strong>{html_text(contact.name)}</strong>"
            if contact.phone:
                item += (
                    f' <a href="{html_text(tel_href(contact.phone))}" class="hv-tel">'
                    f"{html_text(contact.phone)}</a>"
                )
            if contact.hours:
                item += f" ({html_text(contact.hours)})"
            contacts.append(f"<li>{item}</li>")
        parts.append(
            f'<p class="hv-akutt__tekst"><strong>{html_text(words["emergency"])}:</strong> '
            f"{html_text(plain(model.emergency.text))}</p>"
            f'<ul class="hv-akutt__kontakter">{"".join(contacts)}</ul>'
        )
    for warning in model.warnings:
        title = f"<strong>{html_text(warning.title or words['warnings'])}:</strong> "
        parts.append(f'<p class="hv-akutt__regel">{title}{html_text(plain(warning.text))}</p>')
    if not parts:
        return ""
    region = f'<div class="hv-akutt" role="region" aria-label="{html_text(words["emergency"])}">'
    return region + "".join(parts) + "</div>"
