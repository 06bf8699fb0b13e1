"""How one page links to another, and relative paths between pages, without MkDocs.

Markdown links use source paths ('niva-1.md#steg'), which MkDocs checks and rewrites.
Diagram links are not rewritten by MkDocs, so they are computed from the pages' real
URLs (`url_of`, from `File.url`). A single-page or print view swaps `Links` for one
that points at anchors in one page.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable

from .sitemap import SiteMap

UrlOf = Callable[[str], str]
"""A page's URL on the site from its source path: 'niva-0.md' → 'niva-0/'."""
Href = Callable[[str], str]
"""Gives the href for a step or level id, relative to the page a diagram stands on."""


class Links:
    def __init__(self, sitemap: SiteMap, url_of: UrlOf) -> None:
        self.sitemap = sitemap
        self.url_of = url_of

    def to_page(self, src: str, page: str, anchor: str = "") -> str:
        """A Markdown link target from source page `page` to `src#anchor`."""
        path = "" if src == page else relative_src(src, page)
        return f"{path}#{anchor}" if anchor else (path or "#")

    def to_target(self, target: str, page: str) -> str:
        """A Markdown link target from `page` to a step or level."""
        src, anchor = self.sitemap.locate(target)
        return self.to_page(src, page, anchor)

    def diagram(self, page: str) -> Href:
        """Diagram hrefs for the page `page`: computed from the pages' real URLs."""
        page_url = self.url_of(page)

        def href(target: str) -> str:
            src, anchor = self.sitemap.locate(target)
            if src == page:
                return f"#{anchor}" if anchor else "#"
            url = relative_url(self.url_of(src), page_url)
            return f"{url}#{anchor}" if anchor else url

        return href


class OnePageLinks(Links):
    """Links for the whole-guide page: every page's content stands on it, so every link is
    an anchor on that page (a page's own anchor where no step is named)."""

    def to_page(self, src: str, page: str, anchor: str = "") -> str:
        return f"#{anchor or self.sitemap.page_anchor(src)}"

    def diagram(self, page: str) -> Href:
        def href(target: str) -> str:
            src, anchor = self.sitemap.locate(target)
            return self.to_page(src, page, anchor)

        return href


def relative_url(target: str, page: str) -> str:
    """The href that leads from the page at URL `page` to URL `target` (both site-relative).

    Works like `mkdocs.utils.get_relative_url`: 'niva-2/' seen from 'niva-1/' is '../niva-2/'.
    """
    target_dir, _, target_name = target.rpartition("/")
    page_dir = page.rpartition("/")[0]
    rel = posixpath.relpath(target_dir or ".", page_dir or ".")
    href = (target_name or "./") if rel == "." else f"{rel}/{target_name}"
    if target.endswith("/") and not href.endswith("/"):
        href += "/"
    return href or "./"


def relative_src(target: str, page: str) -> str:
    """A Markdown link from source file `page` to source file `target` (e.g. 'verktoy/x.md')."""
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


def directory_url(src_uri: str) -> str:
    """The URL MkDocs gives a page with use_directory_urls: 'niva-0.md' → 'niva-0/'."""
    stem = src_uri[: -len(".md")]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"
