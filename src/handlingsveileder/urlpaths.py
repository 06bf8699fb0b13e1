"""Relative paths and URLs between pages, without MkDocs."""

from __future__ import annotations

import posixpath


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
