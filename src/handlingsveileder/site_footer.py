"""The footer of every page, as HTML: what the guide says about itself (its version, who
approved it and when, whom to contact about it), then the kommune's accessibility
statement and where to report barriers (`extra.handlingsveileder.accessibility` in
mkdocs.yml). `theme/partials/copyright.html` prints it as it is, so everything from the
model is escaped here."""

from __future__ import annotations

import xml.etree.ElementTree as etree

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .i18n import labels
from .link_safety import is_external, url_problem
from .markup import html_text, safe_markdown
from .model import Model
from .review import date_html
from .settings import Accessibility

FOOTER_BLOCKS = frozenset({"p", "ul", "ol", "li", "blockquote"})
FOOTER_INLINES = frozenset({"a", "strong", "em", "code", "br", "span"})
"""What the contact text may become in the footer; anything else (headings, images, rules,
tables …) is reduced to a paragraph or its text."""


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
        listed += f'<li class="hv-kontakt">{title} {contact_html(model.contact)}</li>'
    return f'<ul class="hv-om-veilederen">{listed}</ul>' if listed else ""


def contact_html(text: str) -> str:
    """The contact text (Markdown) as HTML for the footer: made safe by `safe_markdown` (raw
    HTML shows as text), rendered without extensions, and then kept to paragraphs, lists,
    emphasis, code and links to https:, http:, mailto: or tel: (the footer stands on pages
    at every depth, so a path on the site keeps its text but loses its link). One paragraph
    is given inline."""
    renderer = markdown.Markdown(extensions=[_FooterOnly()])
    rendered = renderer.convert(safe_markdown(text)).strip()
    if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        return rendered[3:-4]
    return rendered


class _FooterOnly(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # Python-Markdown's name
        # After inline parsing (priority 20), before the pretty-printer (10).
        md.treeprocessors.register(_Restrict(md), "hv_footer_only", 15)


class _Restrict(Treeprocessor):
    """Reduces the rendered tree to what the footer may hold (see `FOOTER_BLOCKS`)."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if element is root:
                continue
            href = element.get("href", "")
            keep_link = element.tag == "a" and url_problem(href) is None and is_external(href)
            alt = element.get("alt", "") if element.tag == "img" else None
            element.attrib.clear()
            if keep_link:
                element.set("href", href)
            elif element.tag in FOOTER_BLOCKS or element.tag in FOOTER_INLINES - {"a"}:
                continue
            elif element.tag in {"h1", "h2", "h3", "h4", "h5", "h6", "pre"}:
                element.tag = "p"
            else:  # a link that may not stand here, an image, a rule …: its text only
                element.tag = "span"
                if alt is not None:
                    element.text = alt
