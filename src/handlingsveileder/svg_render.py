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
from .mermaid import CLASSES
from .pages import Page
from .site_defaults import VENDORED_MERMAID

ORIGIN = "http://hv-diagram.invalid"
"""A host name that cannot exist (RFC 2606); Playwright answers its requests itself."""

THEME_CSS = """
.node rect, .node circle, .node polygon, .node path {
  fill: var(--md-mermaid-node-bg-color, #eef);
  stroke: var(--md-mermaid-node-fg-color, #333);
}
.node[data-look] rect, .node[data-look] circle, .node[data-look] polygon,
.node[data-look] path {
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
.cluster rect, .cluster[data-look] rect {
  fill: var(--md-default-fg-color--lightest, #f4f4f4);
  stroke: var(--md-default-fg-color--light, #666);
}
.cluster span, .cluster-label { color: var(--md-mermaid-label-fg-color, #111); }
"""
"""Our own colours for the charts, as the site's CSS variables, so light and dark mode both
apply to an SVG drawn once (the fallbacks are for a page without the theme). Every border
is drawn in a colour with at least 3:1 contrast to the page in both modes (WCAG 1.4.11):
the node colour also for Mermaid's "neo" look, which would otherwise stroke circles and
subgraphs with a pale gradient, and a subgraph's border one step darker than Material's."""

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

TEXT_SPACING = "line-height: 1.5; letter-spacing: 0.125em; word-spacing: 0.17em;"
"""The text spacing a reader may set for themselves (WCAG 1.4.12: 0.12em between letters,
0.16em between words, 1.5 lines; a little more here, as room for rounding; the paragraph
spacing is left to `unparagraph`). The render page measures every label with it, so each
box has room for the spaced text; the SVG itself does not carry it, so the site shows the
text as usual, centred in its box (`LABEL_CSS`)."""

PAGE = """<!doctype html><html><head><meta charset="utf-8">
<style>foreignObject, foreignObject * { TEXT_SPACING }</style></head>
<body style="font-family: -apple-system, BlinkMacSystemFont, Helvetica, Arial, sans-serif">
<script type="module">
import mermaid from "./mermaid.esm.min.mjs";
window.hvDraw = async (id, text, settings) => {
  mermaid.initialize(settings);
  return (await mermaid.render(id, text)).svg;
};
window.hvReady = true;
</script></body></html>""".replace("TEXT_SPACING", TEXT_SPACING)


FORMAT = 3
"""Raise when what is cached changes (2: geometry rounded by `compact`; 3: labels measured
with spaced text, no paragraphs, centred in their boxes, the report colour a variable)."""


class RendererUnavailable(Exception):
    """The build-time renderer cannot run here (no Playwright, no Chromium, a chart failed)."""


CACHE_DIR = Path(".cache/handlingsveileder/svg")
"""Drawn flowcharts, by hash (beside mkdocs.yml; safe to delete)."""


@dataclass(frozen=True)
class SvgRenderer:
    vendor_dir: Path
    """The vendored Mermaid folder (with `mermaid.esm.min.mjs`, `chunks/`, `VERSION`)."""
    cache_dir: Path

    @classmethod
    def for_project(cls, config_dir: Path) -> SvgRenderer:
        """The renderer of the project whose mkdocs.yml is in `config_dir` (its cache
        beside it), with the vendored Mermaid."""
        return cls(VENDORED_MERMAID, config_dir / CACHE_DIR)

    @cached_property
    def version(self) -> str:
        """The vendored Mermaid's VERSION file (read once per build, not once per chart)."""
        return (self.vendor_dir / "VERSION").read_text(encoding="utf-8").strip()

    def key(self, source: str) -> str:
        parts = [self.version, FORMAT, SETTINGS, PAGE, LABEL_CSS, source]
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
                svg = compact(fit_labels(svg))
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
        svgs[key] = valid_html(with_label_floor(mark_targets(drawn[match[1]], match[1]))).strip()
        return (
            f'<div class="hv-diagram hv-svg" data-search-exclude {region_attributes(match[1])}'
            f' data-hv-svg="{key}"></div>'
        )

    marked = [replace(page, markdown=FENCE.sub(placeholder, page.markdown)) for page in pages]
    return Embedded(marked, svgs)


LINKED_NODE_TITLE = re.compile(r'(<a\b[^>]*>)(<g class="node[^"]*"[^>]*?) title="([^"]*)"([^>]*>)')
EMPTY_RECT = "<rect></rect>"
SVG_ROLE = 'role="graphics-document document"'


def valid_html(svg: str) -> str:
    """Mermaid's SVG as valid HTML (the Nu HTML Checker): no empty `<rect>` (a label's
    background without a size, which draws nothing); a linked node's tooltip as the link's
    `<title>` (SVG has no `title` attribute; the `<title>` also names the link with the
    step's whole text); one role on the `<svg>` (the checker rejects Mermaid's fallback list
    `graphics-document document`)."""
    svg = svg.replace(EMPTY_RECT, "")
    svg = LINKED_NODE_TITLE.sub(lambda m: f"{m[1]}<title>{m[3]}</title>{m[2]}{m[4]}", svg)
    return svg.replace(SVG_ROLE, 'role="graphics-document"')


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


LABEL_CSS = (
    "#ID foreignObject { overflow: visible; }"
    "#ID foreignObject > div { display: flex !important; flex-direction: column;"
    " justify-content: center; box-sizing: border-box; width: 100% !important;"
    " max-width: none !important; height: 100%; overflow-wrap: normal; }"
    "#ID .hv-label-text { display: block; color: inherit; }"
)
"""Each label fills its box and sits in its middle. Mermaid sizes the box for the text as
measured with spacing (`TEXT_SPACING`), so the text as usually shown is narrower than its
box, or has fewer lines: centred both ways it looks as it did. Added after drawing, since
Mermaid measures the label's own element to size the box. A word is never broken inside
(the site's `overflow-wrap: break-word` would put the end of a word that fills its box to
the pixel on a line below it), and a box does not cut off text that is wider after all
(a reader's font wider than the build machine's). `#ID` stands for the SVG's id. (The same
rules stand in `theme/assets/hv/diagram.js` for charts drawn in the reader's browser.)
The text that was a paragraph takes its label's colour (Mermaid's `span` rule is dark)."""
SVG_ID = re.compile(r'<svg\b[^>]*?\sid="([\w-]+)"')
FOREIGN_OBJECT = re.compile(r"<foreignObject\b.*?</foreignObject>", re.DOTALL)
LABEL_BOX = re.compile(r"<foreignObject\b[^>]*>")
BOX_SIZE = re.compile(r'(\s(?:width|height)=")(\d+(?:\.\d+)?)"')
PARAGRAPH = re.compile(r"<(/?)p\b([^>]*)>")
REPORT_STROKE = re.search(r"stroke:(#[0-9a-fA-F]+)", CLASSES["hvReport"])
"""The red of a report's border in `mermaid.CLASSES` (Mermaid writes it into the shape's
own style, where no stylesheet can change it for dark mode)."""


def fit_labels(svg: str) -> str:
    """Mermaid's SVG made to hold a reader's own text spacing (WCAG 1.4.12) and dark mode:
    labels without paragraphs (`unparagraph`), centred in their boxes (`LABEL_CSS`), and a
    report's red border as `--hv-report-stroke` (diagram.css sets a lighter red for dark
    mode, so it keeps 3:1 contrast with the page, WCAG 1.4.11)."""
    svg = unparagraph(svg)
    # Rounded up to the tenth that `compact` keeps: the box never gets narrower than its text.
    svg = LABEL_BOX.sub(lambda tag: BOX_SIZE.sub(rounded_up, tag[0]), svg)
    found = SVG_ID.search(svg)
    if found and "</style>" in svg:
        svg = svg.replace("</style>", LABEL_CSS.replace("#ID", f"#{found[1]}") + "</style>", 1)
    if REPORT_STROKE:
        colour = REPORT_STROKE[1]
        svg = svg.replace(
            f"stroke:{colour} !important", f"stroke:var(--hv-report-stroke, {colour}) !important"
        )
    return svg


def rounded_up(size: re.Match[str]) -> str:
    """`width="176.83"` → `width="176.9"` (a whole or one-decimal number stays as it is)."""
    whole, _, decimals = size[2].partition(".")
    if len(decimals) <= 1:
        return size[0]
    tenths = int(whole) * 10 + int(decimals[0]) + (1 if decimals[1:].strip("0") else 0)
    return f'{size[1]}{tenths // 10}.{tenths % 10}"'


def unparagraph(svg: str) -> str:
    """Each `<p>` in a label a `<span class="hv-label-text">` shown as a block: a label is no
    paragraph, and a reader's paragraph spacing (`p { margin-bottom: 2em }`, WCAG 1.4.12)
    would push its text out of its box."""

    def label(match: re.Match[str]) -> str:
        return PARAGRAPH.sub(
            lambda tag: "</span>" if tag[1] else f'<span class="hv-label-text"{tag[2]}>', match[0]
        )

    return FOREIGN_OBJECT.sub(label, svg)
