"""The footer of every page: the kommune's accessibility statement and where to report
barriers (`extra.handlingsveileder.accessibility` in mkdocs.yml), as HTML."""

from __future__ import annotations

from .i18n import labels
from .markup import html_text
from .settings import Accessibility


def footer_html(accessibility: Accessibility | None, language: str) -> str:
    """The links printed in Material's footer; empty without a statement (the build warns)."""
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
