"""The footer of every page, as HTML: what the guide says about itself (its version, who
approved it and when, whom to contact about it), then the kommune's accessibility
statement and where to report barriers (`extra.handlingsveileder.accessibility` in
mkdocs.yml). `theme/partials/copyright.html` prints it as it is, so everything from the
model is escaped here."""

from __future__ import annotations

from .i18n import labels
from .markup import fragment_html, html_text
from .model import Model
from .review import date_html
from .settings import Accessibility


def footer_html(
    accessibility: Accessibility | None, language: str, model: Model | None = None
) -> str:
    """The footer's HTML: with `model`, its version, approval and contact (in its language),
    then the links to the accessibility statement; empty when there is nothing to show
    (without a statement the build warns)."""
    parts = [about_html(model)] if model is not None else []
    parts.append(accessibility_html(accessibility, model.language if model else language))
    return "".join(parts)


def accessibility_html(accessibility: Accessibility | None, language: str) -> str:
    """The links to the accessibility statement and the feedback address, or nothing."""
    if accessibility is None:
        return ""
    words = labels(language)
    links = [
        f'<a href="{html_text(accessibility.statement)}">{html_text(words["a11y_statement"])}</a>'
    ]
    if accessibility.feedback_href:
        links.append(
            f'<a href="{html_text(accessibility.feedback_href)}">'
            f"{html_text(words['a11y_feedback'])}</a>"
        )
    items = "".join(f"<li>{link}</li>" for link in links)
    return f'<ul class="hv-tilgjengelighet">{items}</ul>'


def about_html(model: Model) -> str:
    """«Versjon 2.1», «Godkjent av X, 1. mars 2026» and the contact text, as far as the
    model gives them (nothing when it gives none)."""
    words = labels(model.language)
    items = []
    if model.version:
        items.append(html_text(words["version"].format(version=model.version)))
    if model.approved_by:
        approval = html_text(words["approved_by"].format(name=model.approved_by))
        items.append(approval + (f", {date_html(model.approved)}" if model.approved else ""))
    elif model.approved:
        items.append(f"{html_text(words['approved'])} {date_html(model.approved)}")
    listed = "".join(f"<li>{item}</li>" for item in items)
    if model.contact:
        title = f'<span class="hv-kontakt__tittel">{html_text(words["contact_guide"])}:</span>'
        listed += f'<li class="hv-kontakt">{title} {fragment_html(model.contact)}</li>'
    return f'<ul class="hv-om-veilederen">{listed}</ul>' if listed else ""
