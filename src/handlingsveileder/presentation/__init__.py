"""Trainer mode: a guide as a slide presentation, from the same model as the site.

`slides` decides what each slide says, `charts` makes each slide's copy of its level's
chart (the step highlighted), `document` writes one self-contained HTML document with
`deck.css` and `deck.js`. The site has it as `presentasjon/` (added by the adapter as a
file of its own, not a Markdown page); `handlingsveileder presentasjon` writes it as one
file that runs from `file://` with no network.
"""

from __future__ import annotations

from ..branding import Brand
from ..links import Links, UrlOf, relative_url
from ..model import Model
from ..sitemap import SiteMap
from ..svg_render import SvgRenderer
from .document import deck_document
from .slides import SiteLink, build_deck

DECK_SRC = "presentasjon/index.html"
"""Where the presentation stands on a guide's site."""


def presentation_html(
    model: Model,
    url_of: UrlOf,
    site_link: SiteLink,
    renderer: SvgRenderer | None,
    *,
    site_url: str | None = None,
    leave: str | None = None,
    brand: Brand | None = None,
    national_numbers: bool = True,
) -> str:
    """The presentation of `model` as one HTML document.

    `url_of`: the site's URL of a page (the charts are drawn with the level pages' own
    links, so each is drawn once for both; the slides then turn them into anchors);
    `renderer`: draws the charts (None: each slide lists its level's steps instead).
    Raises `svg_render.RendererUnavailable` when the renderer cannot draw.
    """
    links = Links(SiteMap(model), url_of)
    deck = build_deck(
        model,
        lambda level_id: links.diagram(SiteMap.level_page(level_id)),
        site_link,
        site_url,
        national_numbers,
    )
    svgs = None
    if renderer is not None:
        drawn = renderer.render_all(chart.source for chart in deck.charts.values())
        svgs = {level_id: drawn[chart.source] for level_id, chart in deck.charts.items()}
    return deck_document(deck, svgs, leave, brand)


def site_links(url_of: UrlOf) -> SiteLink:
    """Links from the site's presentation to the guide's pages, relative to it."""
    here = url_of(DECK_SRC)
    return lambda src: relative_url(url_of(src), here)


def address_links(site_url: str | None, url_of: UrlOf) -> SiteLink:
    """Links from a presentation file to the published guide (none without its address)."""
    if not site_url:
        return lambda src: None
    base = site_url.rstrip("/") + "/"
    return lambda src: base + url_of(src)


__all__ = ["DECK_SRC", "address_links", "presentation_html", "site_links"]
