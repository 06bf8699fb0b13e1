"""The one place where model text becomes Markdown or HTML, escaped for its context.

- Markdown text and lines: `safe_markdown`, `safe_inline` (raw HTML and attribute lists
  are inert); admonition titles: `quoted`; links: `md_link` (the URL cannot end early).
- HTML element content and quoted attributes: `html_text`.
- Strings the theme prints (site name, navigation and page titles): `theme_text`, a
  `Markup` that Jinja's `| e` leaves as it is; `theme/main.html` escapes it again after
  `striptags` in `<title>`.
- Plain one-line text (diagram labels, titles): `plain`.
- Markdown as HTML for a place shared by every page (the footer) and for the presentation:
  `fragment_html`, and `inline_html` for one line (a slide's title).
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from urllib.parse import quote

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from .link_safety import is_external, site_path, url_problem

CODE = re.compile(r"(`+)(?:.+?)\1", re.DOTALL)
FENCE = re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.DOTALL | re.MULTILINE)


def safe_markdown(text: str) -> str:
    """Markdown in which raw HTML shows as text and attribute lists are inert.

    `<` becomes `&lt;` and `{` becomes `\\{` everywhere except inside code, so neither a
    `<script>` tag nor an `{ onclick=... }` attribute list from the data can reach the page.
    """
    out = []
    position = 0
    for match in _code_spans(text):
        out.append(_neutralise(text[position : match[0]]))
        out.append(text[match[0] : match[1]])
        position = match[1]
    out.append(_neutralise(text[position:]))
    return "".join(out).strip()


def safe_inline(text: str) -> str:
    """One line of safe Markdown (headings, list items, link texts)."""
    return " ".join(safe_markdown(text).split())


def _neutralise(text: str) -> str:
    return text.replace("<", "&lt;").replace("{", "\\{").replace("}", "\\}")


def _code_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = [m.span() for m in FENCE.finditer(text)]
    for m in CODE.finditer(text):
        if not any(start <= m.start() < end for start, end in spans):
            spans.append(m.span())
    return sorted(spans)


def plain(text: str) -> str:
    """Text without Markdown emphasis markers, for diagram labels and titles."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    for marker in ("**", "__", "*", "`"):
        quoted = re.escape(marker)
        text = re.sub(rf"{quoted}(\S(?:.*?\S)?){quoted}", r"\1", text)
    return " ".join(text.split())


def indent(text: str, prefix: str = "    ") -> str:
    return "\n".join(prefix + line if line.strip() else "" for line in text.splitlines())


def quoted(text: str) -> str:
    """Text for an admonition title in double quotes."""
    return safe_inline(text).replace('"', "&quot;")


def html_text(text: str) -> str:
    """Text for HTML element content or a double- or single-quoted attribute value."""
    return html.escape(text, quote=True)


def theme_text(text: str) -> Markup:
    """Text the theme prints as HTML, in text and in attributes, already escaped."""
    return Markup(html_text(text))


URL_BREAKERS = "()<>[]{}\"'` |"
SAFE_IN_URL = "".join(chr(c) for c in range(33, 127) if chr(c) not in URL_BREAKERS)
"""Printable ASCII that may stand unencoded in a Markdown link destination."""


def md_url(url: str) -> str:
    """A URL for a Markdown link destination: nothing in it can end the link early."""
    return quote(url.strip(), safe=SAFE_IN_URL)


def md_link(text: str, url: str) -> str:
    """A Markdown link whose text is safe Markdown and whose URL cannot break out.

    A path on the site is written from the site's root ('maler/a.pdf' → '/maler/a.pdf'),
    which MkDocs resolves in docs/ (`absolute_links: relative_to_docs`) and checks.
    """
    url = url.strip()
    if site_path(url) is not None and not url.startswith("/"):
        url = "/" + url
    return f"[{text}]({md_url(url)})"


FRAGMENT_BLOCKS = frozenset({"p", "ul", "ol", "li", "blockquote"})
FRAGMENT_INLINES = frozenset({"a", "strong", "em", "code", "br", "span"})
"""What `fragment_html` keeps; anything else (headings, images, rules,
tables …) is reduced to a paragraph or its text."""


def fragment_html(text: str) -> str:
    """Model text (Markdown) as HTML for a place every page shares, e.g. the footer's contact:
    made safe by `safe_markdown` (raw HTML shows as text), rendered without extensions, and
    then kept to paragraphs, lists, emphasis, code and links to https:, http:, mailto: or
    tel: (such a place stands on pages at every depth, so a path on the site keeps its text
    but loses its link). One paragraph is given inline."""
    renderer = markdown.Markdown(extensions=[_FragmentOnly()])
    rendered = renderer.convert(safe_markdown(text)).strip()
    if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        return rendered[3:-4]
    return rendered


def inline_html(text: str) -> str:
    """One line of model text (a title, an outcome) as inline HTML, with its emphasis and
    code: `fragment_html`'s rules, and plain escaped text where Markdown would make it a
    block (a title that starts like a list item, «1. Samtale»)."""
    rendered = fragment_html(" ".join(text.split()))
    if rendered.startswith(("<p>", "<ul>", "<ol>", "<blockquote>")):
        return html_text(plain(text))
    return rendered


class _FragmentOnly(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # Python-Markdown's name
        # After inline parsing (priority 20), before the pretty-printer (10).
        md.treeprocessors.register(_Restrict(md), "hv_fragment_only", 15)


class _Restrict(Treeprocessor):
    """Reduces the rendered tree to what `fragment_html` keeps (see `FRAGMENT_BLOCKS`)."""

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
            elif element.tag in FRAGMENT_BLOCKS or element.tag in FRAGMENT_INLINES - {"a"}:
                continue
            elif element.tag in {"h1", "h2", "h3", "h4", "h5", "h6", "pre"}:
                element.tag = "p"
            else:  # a link that may not stand here, an image, a rule …: its text only
                element.tag = "span"
                if alt is not None:
                    element.text = alt
