"""Flowcharts drawn at build time: the vendored Mermaid in Debian's Chromium, once per chart.

The Mermaid text stays the one description of every chart; this module turns it into SVG
that arrives with the page, so no Mermaid code is loaded in the reader's browser. Each SVG
is cached on disk under the hash of the Mermaid version, the drawing settings and the
chart, so a rebuild (and every reload of `mkdocs serve`) draws only what changed.

The browser fetches nothing from the network: every request goes to a made-up origin that
Playwright answers from the vendored files, and anything else is refused.
"""

from __future__ import annotations

import hashlib
import html
import json
import math
import mimetypes
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from .chromium import ChromiumUnavailable, run_in_chromium
from .fences import region_attributes
from .pages import Page

ORIGIN = "http://hv-diagram.invalid"
"""A host name that cannot exist (RFC 2606); Playwright answers its requests itself."""

THEME_CSS = """
.node rect, .node circle, .node polygon, .node path {
  fill: var(--md-mermaid-node-bg-color, #eef);
  stroke: var(--md-mermaid-node-fg-color, #333);
}
.nodeLabel, .nodeLabel p, .label { color: var(--md-mermaid-label-fg-color, #111); }
a .nodeLabel { text-decoration: underline; }
.edgeLabel, .edgeLabel p {
  color: var(--md-mermaid-edge-color, #333);
  background-color: var(--md-mermaid-label-bg-color, #fff);
}
.flowchart-link { stroke: var(--md-mermaid-edge-color, #333); }
marker path { fill: var(--md-mermaid-edge-color, #333); stroke: none; }
.cluster rect {
  fill: var(--md-default-fg-color--lightest, #f4f4f4);
  stroke: var(--md-default-fg-color--lighter, #999);
}
.cluster span, .cluster-label { color: var(--md-mermaid-label-fg-color, #111); }
"""
"""Our own colours for the charts, as the site's CSS variables, so light and dark mode both
apply to an SVG drawn once (the fallbacks are for a page without the theme)."""

SETTINGS: dict[str, Any] = {
    "startOnLoad": False,
    "securityLevel": "strict",
    "layout": "dagre",
    "theme": "base",
    "themeCSS": THEME_CSS,
    "fontFamily": "-apple-system, BlinkMacSystemFont, Helvetica, Arial, sans-serif",
    "flowchart": {"htmlLabels": True, "useMaxWidth": True},
}
"""The same drawing settings as the client-side loader, plus the theme above."""

PAGE = """<!doctype html><html><head><meta charset="utf-8"></head>
<body style="font-family: -apple-system, BlinkMacSystemFont, Helvetica, Arial, sans-serif">
<script type="module">
import mermaid from "./mermaid.esm.min.mjs";
window.hvDraw = async (id, text, settings) => {
  mermaid.initialize(settings);
  return (await mermaid.render(id, text)).svg;
};
window.hvReady = true;
</script></body></html>"""


FORMAT = 2
"""Raise when what is cached changes (2: geometry rounded by `compact`)."""


class RendererUnavailable(Exception):
    """The build-time renderer cannot run here (no Playwright, no Chromium, a chart failed)."""


@dataclass(frozen=True)
class SvgRenderer:
    vendor_dir: Path
    """The vendored Mermaid folder (with `mermaid.esm.min.mjs`, `chunks/`, `VERSION`)."""
    cache_dir: Path

    @cached_property
    def version(self) -> str:
        """The vendored Mermaid's VERSION file (read once per build, not once per chart)."""
        return (self.vendor_dir / "VERSION").read_text(encoding="utf-8").strip()

    def key(self, source: str) -> str:
        parts = [self.version, FORMAT, SETTINGS, source]
        text = json.dumps(parts, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def render_all(self, sources: Iterable[str]) -> dict[str, str]:
        """Each chart's SVG by its Mermaid text; draws only the charts not in the cache."""
        wanted = {source: self.key(source) for source in dict.fromkeys(sources)}
        found: dict[str, str] = {}
        missing: list[str] = []
        for source, key in wanted.items():
            cached = self.cache_dir / f"{key}.svg"
            if cached.is_file():
                found[source] = cached.read_text(encoding="utf-8")
            else:
                missing.append(source)
        if missing:
            drawn = self.draw(missing)
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            for source, svg in drawn.items():
                svg = compact(svg)
                target = self.cache_dir / f"{wanted[source]}.svg"
                partial = target.with_suffix(f".{os.getpid()}.tmp")
                partial.write_text(svg, encoding="utf-8")
                partial.replace(target)  # never a half-written cache entry
                found[source] = svg
        return found

    def draw(self, sources: list[str]) -> dict[str, str]:
        """Draw the charts in one headless Chromium session."""
        try:
            return run_in_chromium(lambda browser: self.draw_in(browser, sources))
        except ChromiumUnavailable as problem:
            raise RendererUnavailable(str(problem)) from None

    def draw_in(self, browser: Any, sources: list[str]) -> dict[str, str]:
        page = browser.new_page()
        page.route("**/*", lambda route: self.answer(route))
        page.goto(f"{ORIGIN}/index.html")
        page.wait_for_function("() => window.hvReady === true", timeout=30_000)
        drawn: dict[str, str] = {}
        for source in sources:
            ident = "hv-" + self.key(source)[:12]
            drawn[source] = page.evaluate(
                "([id, text, settings]) => window.hvDraw(id, text, settings)",
                [ident, source, SETTINGS],
            )
        return drawn

    def answer(self, route: Any) -> None:
        """Serve the page and the vendored Mermaid files; refuse every other request."""
        url: str = route.request.url
        if not url.startswith(ORIGIN + "/"):
            route.abort()
            return
        path = url[len(ORIGIN) + 1 :].split("?", 1)[0]
        if path == "index.html":
            route.fulfill(status=200, content_type="text/html", body=PAGE)
            return
        file = (self.vendor_dir / path).resolve()
        if not file.is_relative_to(self.vendor_dir.resolve()) or not file.is_file():
            route.fulfill(status=404, body="")
            return
        kind = "text/javascript" if file.suffix in (".mjs", ".js") else None
        kind = kind or mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        route.fulfill(status=200, content_type=kind, body=file.read_bytes())


FENCE = re.compile(r"^```mermaid\n(.*?)^```$", re.MULTILINE | re.DOTALL)
"""A flowchart as the page renderers write it (see `pages.blocks.flowchart_block`)."""


@dataclass(frozen=True)
class Embedded:
    """Pages whose Mermaid fences became empty placeholders, and the SVG for each."""

    pages: list[Page]
    svgs: dict[str, str]
    """Placeholder key → SVG; `insert_svgs` puts them into the finished HTML."""


def embed_svgs(pages: list[Page], renderer: SvgRenderer) -> Embedded:
    """The pages with every Mermaid fence replaced by a placeholder for its SVG, all drawn
    in one session. The SVG goes into the HTML only after MkDocs has rendered the page
    (`insert_svgs`), so neither Markdown nor the search index has to read its markup.

    Raises RendererUnavailable (and changes nothing) when a chart cannot be drawn.
    """
    charts = [match[1] for page in pages for match in FENCE.finditer(page.markdown)]
    if not charts:
        return Embedded(pages, {})
    drawn = renderer.render_all(charts)
    svgs: dict[str, str] = {}

    def placeholder(match: re.Match[str]) -> str:
        key = renderer.key(match[1])[:20]
        svgs[key] = with_label_floor(mark_targets(drawn[match[1]], match[1])).strip()
        return (
            f'<div class="hv-diagram hv-svg" data-search-exclude {region_attributes(match[1])}'
            f' data-hv-svg="{key}"></div>'
        )

    marked = [replace(page, markdown=FENCE.sub(placeholder, page.markdown)) for page in pages]
    return Embedded(marked, svgs)


PLACEHOLDER = re.compile(
    r'(<div class="hv-diagram hv-svg" data-search-exclude[^>]*?) data-hv-svg="(\w+)"></div>'
)


def insert_svgs(html: str, svgs: dict[str, str]) -> str:
    """A finished page with each placeholder filled with its SVG."""

    def fill(match: re.Match[str]) -> str:
        return f"{match[1]}>\n{svgs[match[2]]}\n</div>" if match[2] in svgs else match[0]

    return PLACEHOLDER.sub(fill, html)


CLICK = re.compile(r'^\s*click (n\d+) href "([^"]*)"', re.MULTILINE)
NODE = re.compile(r'<g class="node[^"]*" id="[^"]*-flowchart-(n\d+)-\d+"')


def mark_targets(svg: str, source: str) -> str:
    """Each linked node marked with the step, level or exit it stands for
    (`data-hv-node="n1-iverksett-tiltak"`): a name that stays when the chart around it
    changes, for a page script or stylesheet to highlight a node by."""
    targets = {node: target_id(href) for node, href in CLICK.findall(source)}

    def mark(match: re.Match[str]) -> str:
        target = targets.get(match[1])
        return match[0] + (f' data-hv-node="{html.escape(target)}"' if target else "")

    return NODE.sub(mark, svg)


def target_id(href: str) -> str:
    """`../niva-2/#n2-start` → `n2-start`; `../niva-2/` → `niva-2`."""
    href = unquote(href)
    if "#" in href:
        return href.rpartition("#")[2]
    return href.rstrip("/").rpartition("/")[2].removesuffix(".html")


MIN_LABEL_PX = 12
"""The smallest a label may be drawn on screen, in CSS pixels (the same number stands in
`theme/assets/hv/diagram.js` for charts drawn in the reader's browser)."""
DEFAULT_FONT_PX = 16.0
"""Mermaid's own font size, where a chart's style does not say."""
SVG_TAG = re.compile(r"<svg\b[^>]*>")
VIEW_BOX = re.compile(r'\sviewBox="[-\d.]+[ ,]+[-\d.]+[ ,]+(\d+(?:\.\d+)?)[ ,]')
FONT_SIZE = re.compile(r"<style>#[\w-]+\{[^}]*?font-size:\s*(\d+(?:\.\d+)?)px")
"""The chart's own font size: the first rule of Mermaid's stylesheet, on the SVG's id (the
labels inherit it; text in `<title>` could not be mistaken for it)."""
STYLE = re.compile(r'\sstyle="([^"]*)"')


def with_label_floor(svg: str) -> str:
    """The SVG with the narrowest width at which its labels are still `MIN_LABEL_PX` on
    screen, as `--hv-min-width` in its style: `diagram.css` holds the chart at least that
    wide on screen (not in print), and its box scrolls sideways where the chart would
    otherwise shrink to the column. Mermaid's `max-width` (the size it drew) stays the
    largest it gets, so a chart that fits its column looks as before."""
    tag = SVG_TAG.search(svg)
    box = VIEW_BOX.search(tag[0]) if tag else None
    if tag is None or box is None or float(box[1]) <= 0:
        return svg
    font = FONT_SIZE.search(svg)
    font_px = float(font[1]) if font and float(font[1]) > 0 else DEFAULT_FONT_PX
    # Whole pixels, rounded up, and one more, so layout rounding never takes a label below.
    floor = f"--hv-min-width: {math.ceil(float(box[1]) * MIN_LABEL_PX / font_px) + 1}px"
    style = STYLE.search(tag[0])
    if style:
        declarations = style[1].strip().rstrip(";")
        opened = tag[0].replace(style[0], f' style="{declarations}; {floor};"', 1)
    else:
        opened = tag[0][:-1] + f' style="{floor};">'
    return svg[: tag.start()] + opened + svg[tag.end() :]


GEOMETRY = re.compile(
    r'(\s(?:d|points|transform|viewBox|x|y|x1|x2|y1|y2|cx|cy|r|rx|ry|width|height)=")([^"]*)"'
)
LONG_NUMBER = re.compile(r"(-?\d+\.\d)\d+")


def compact(svg: str) -> str:
    """The SVG with its geometry rounded to a tenth of a pixel: the same picture, and a path
    that Mermaid writes with 15 decimals shrinks to a third (labels are left alone)."""
    return GEOMETRY.sub(lambda m: m[1] + LONG_NUMBER.sub(r"\1", m[2]) + '"', svg)
