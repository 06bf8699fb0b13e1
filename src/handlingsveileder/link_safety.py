"""Which link targets are safe to publish."""

from __future__ import annotations

import html
import re
from functools import lru_cache
from html.parser import HTMLParser

import markdown

SAFE_SCHEMES = ("https", "http", "mailto", "tel")
SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
LINK_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "poster", "data"}
NOT_IN_URLS = '"<>{}`'
"""Characters that have no place in a link and could end it early or add attributes."""
HOST_LIKE = re.compile(r"^(www\.[^/]+|[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(?=/))", re.IGNORECASE)
"""A path that starts like a host name ('www.x.no', 'bufdir.no/…'): a web address without https:."""


def url_problem(url: str) -> str | None:
    """Why `url` may not be published, or None when it is fine.

    Allowed: https:, http:, mailto:, tel: and site-relative paths (no scheme, no '//').
    The URL is judged as a browser reads it: after HTML entities are decoded, so
    `javascript&#58;` is seen as `javascript:`.
    """
    stripped = html.unescape(url).strip()
    if not stripped:
        return "lenken er tom"
    if "\\" in stripped:
        return f"lenken '{url}' inneholder \\ (bruk /)"
    if any(ch.isspace() or ord(ch) < 32 for ch in stripped) and not stripped.startswith(
        ("tel:", "mailto:")
    ):
        return f"lenken '{url}' inneholder mellomrom"
    if stripped.startswith("//"):
        return f"lenken '{url}' mangler https: foran"
    match = SCHEME.match(stripped)
    if match and match.group(1).lower() not in SAFE_SCHEMES:
        return (
            f"lenken '{url}' er ikke tillatt: bruk https:, http:, mailto:, tel: "
            "eller en sti på nettstedet"
        )
    if not match and HOST_LIKE.match(stripped):
        return f"lenken '{url}' mangler https:// foran (mente du 'https://{stripped}'?)"
    return None


def url_field_problem(url: str) -> str | None:
    """`url_problem` for a field that holds only a URL, where a few more characters are wrong."""
    problem = url_problem(url)
    bad = next((ch for ch in html.unescape(url) if ch in NOT_IN_URLS), None)
    if problem is None and bad:
        return f"lenken '{url}' inneholder tegnet {bad}, som ikke kan stå i en lenke"
    return problem


def site_path(url: str) -> str | None:
    """The docs/ path a link to this site names ('/maler/a.pdf' → 'maler/a.pdf'), else None."""
    stripped = url.strip()
    if not stripped or stripped.startswith("#") or SCHEME.match(stripped) or "//" in stripped[:2]:
        return None
    path = re.split(r"[?#]", stripped, maxsplit=1)[0]
    return path.lstrip("/") or None


def is_external(url: str) -> bool:
    return bool(SCHEME.match(url.strip())) or url.strip().startswith("//")


class _Targets(HTMLParser):
    """Collects (tag, attribute value) of every link-like attribute, entities decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in LINK_ATTRIBUTES and value is not None:
                self.found.append((tag, value))


@lru_cache(maxsize=1)
def _renderer() -> markdown.Markdown:
    # The extensions of the site that can make links or attributes out of text.
    return markdown.Markdown(extensions=["attr_list", "md_in_html", "def_list", "tables"])


def rendered_targets(text: str) -> list[tuple[str, str]]:
    """(tag, target) of every href/src a text becomes, rendered the way the site renders it."""
    from .markup import safe_markdown

    renderer = _renderer()
    renderer.reset()
    parser = _Targets()
    parser.feed(renderer.convert(safe_markdown(text)))
    return parser.found


def markdown_link_findings(text: str) -> list[tuple[str, str]]:
    """(target, problem) for every unsafe link or image that a text becomes once rendered.

    The text is rendered the way the site renders it (after `safe_markdown`), and every
    href/src of the result is checked, so no Markdown syntax (reference links, titles,
    entities, nested brackets) can sneak a target past the check.
    """
    findings: list[tuple[str, str]] = []
    for tag, target in rendered_targets(text):
        problem = url_problem(target)
        if problem is None and tag == "img" and is_external(target):
            problem = (
                f"bildet '{target}' ligger på et annet nettsted: legg bildet i docs/ "
                "og lenk til det med en sti"
            )
        if problem and problem not in [p for _, p in findings]:
            findings.append((target, problem))
    return findings


def markdown_link_targets(text: str) -> list[str]:
    """Every href/src a text becomes once rendered."""
    return [target for _tag, target in rendered_targets(text)]


def markdown_link_problems(text: str) -> list[str]:
    """The problems of `markdown_link_findings`, without their targets."""
    return [problem for _, problem in markdown_link_findings(text)]
