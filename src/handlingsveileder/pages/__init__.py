"""Data → Markdown pages. Pure and deterministic: the same model gives the same text.

One renderer per page kind of the site map; `render_pages` walks the site map in
navigation order. To add a page kind: a `PageEntry` kind in `sitemap.py`, a module here
with its renderer, and one line in `RENDERERS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..links import UrlOf
from ..model import Model
from ..review import reviewed_html
from ..sitemap import PageEntry, PageKind
from .blocks import finish
from .context import PageContext
from .description import page_description
from .front import front_page
from .level import level_page
from .roles import role_page
from .tools import tool_page, tools_index
from .veiviser import veiviser_page
from .whole_guide import whole_guide_page

Renderer = Callable[[PageContext, PageEntry], list[str]]

RENDERERS: dict[PageKind, Renderer] = {
    "front": front_page,
    "veiviser": veiviser_page,
    "level": level_page,
    "role": role_page,
    "tool_index": tools_index,
    "tool": tool_page,
    "whole": whole_guide_page,
}


@dataclass(frozen=True)
class Page:
    src_uri: str
    title: str
    markdown: str
    description: str = ""
    """Plain text for the page's meta description (see `description`)."""


def render_pages(
    model: Model,
    url_of: UrlOf,
    pdf_file: str | None = None,
    national_numbers: bool = True,
    presentation: str | None = None,
) -> list[Page]:
    """Every page of the site for `model`, in navigation order; `pdf_file` is the site's
    URL of the whole guide as PDF, when the build makes one; `national_numbers`: show the
    national emergency numbers when the source gives none; `presentation`: the site's URL
    of the presentation, which the front page links."""
    ctx = PageContext.for_model(model, url_of, pdf_file, national_numbers, presentation)
    return [
        Page(
            entry.src,
            entry.title,
            finish([*RENDERERS[entry.kind](ctx, entry), "", reviewed_line(ctx, entry)]),
            page_description(ctx, entry),
        )
        for entry in ctx.sitemap.pages
    ]


def reviewed_line(ctx: PageContext, entry: PageEntry) -> str:
    """«Sist revidert …» at the end of every page: a level's page gives the level's date
    (see `review.page_reviewed`); the whole-guide page, which renders the other pages
    through `RENDERERS`, has it once."""
    level = ctx.levels.get(str(entry.subject)) if entry.kind == "level" else None
    return reviewed_html(ctx.model, level)


__all__ = ["Page", "PageContext", "render_pages"]
