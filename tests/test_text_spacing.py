"""WCAG 2.1 AA for the flowcharts: a reader's own text spacing (1.4.12) and the contrast of
their lines (1.4.11).

1.4.12: with the standard text-spacing style sheet put on a page after it has loaded, no
label of any chart is cut off by its box: every line of text of a label lies within the
label's `foreignObject` (the box Mermaid sized for it, and the box that clips it). Charts
drawn at build time are swept on every page with a chart, at 1366 and 390 px; charts drawn
in the reader's browser (the fallback) on every such page at 1366 px.

1.4.11: in light and dark mode, the border of every node (the Start and Slutt circles
too), of every subgraph and every edge has at least 3:1 contrast with the page's
background, computed here from the colours Chromium computes.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from conftest import DIAGRAMS_DONE, FIND_SVGS, MODELS, OPEN_SHADOW_ROOTS, Served
from test_svg_diagrams import contrast, over, rgba

from handlingsveileder.svg_render import fit_labels, unparagraph

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 900}

TEXT_SPACING = """
* {
  line-height: 1.5 !important;
  letter-spacing: 0.12em !important;
  word-spacing: 0.16em !important;
}
p { margin-bottom: 2em !important; }
"""
"""The style sheet of WCAG's understanding document for 1.4.12 (as a bookmarklet sets it)."""

TOLERANCE_PX = 0.5
"""Less than half a screen pixel outside the box is rounding, not text cut off."""

CLIPPED_LABELS = f"""() => {{
  const found = [];
  let labels = 0, spaced = 0;
  {FIND_SVGS}.forEach((svg, diagram) => {{
    svg.querySelectorAll('foreignObject').forEach(box => {{
      const text = box.textContent.replace(/\\s+/g, ' ').trim();
      if (!text) return;
      labels += 1;
      const b = box.getBoundingClientRect();
      const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
      const lines = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {{
        if (!node.data.trim()) continue;
        if (parseFloat(getComputedStyle(node.parentElement).letterSpacing) > 0) spaced += 1;
        const range = document.createRange();
        range.selectNodeContents(node);
        lines.push(...[...range.getClientRects()].filter(r => r.width > 0 && r.height > 0));
      }}
      const outside = Math.max(0, ...lines.map(r => Math.max(
        b.left - r.left, b.top - r.top, r.right - b.right, r.bottom - b.bottom)));
      if (outside > {TOLERANCE_PX}) {{
        found.push({{diagram, text, outside: Math.round(outside * 10) / 10,
          box: [Math.round(b.width), Math.round(b.height)], lines: lines.length}});
      }}
    }});
  }});
  return {{labels, spaced, clipped: found}};
}}"""
"""Every label's text lines (the rectangles of its text, not of its elements: a paragraph's
margin is no text) against its box, in screen pixels; the labels cut off by more than
TOLERANCE_PX, and how many text nodes the spacing reached (so the check is never empty)."""


def two_frames(page: Any) -> None:
    page.evaluate(
        "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
    )


def clipped_with_spacing(page: Any, url: str) -> tuple[int, list[dict[str, Any]]]:
    """Open `url`, wait for its charts, put the text-spacing style sheet on, and return the
    number of labels and those cut off."""
    page.goto(url)
    page.wait_for_function(DIAGRAMS_DONE, timeout=30_000)
    page.add_style_tag(content=TEXT_SPACING)
    two_frames(page)
    found = page.evaluate(CLIPPED_LABELS)
    assert found["labels"] == 0 or found["spaced"] > 0, f"{url}: the spacing did not apply"
    return found["labels"], found["clipped"]


def diagram_pages(served: Served) -> list[str]:
    """Every page of every model with a chart on it."""
    pages = []
    for model in MODELS:
        for path in served.pages(model):
            html = (served.root / path / "index.html").read_text(encoding="utf-8")
            if 'class="hv-diagram' in html:
                pages.append(path)
    return pages


def new_context(playwright_chromium: Any, viewport: dict[str, int], scheme: str = "light") -> Any:
    context = playwright_chromium.new_context(viewport=viewport, color_scheme=scheme)
    context.add_init_script(OPEN_SHADOW_ROOTS)
    return context


@pytest.fixture
def laptop(playwright_chromium: Any) -> Iterator[Any]:
    context = new_context(playwright_chromium, LAPTOP)
    yield context.new_page()
    context.close()


def sweep(page: Any, served: Served, paths: list[str], width: int) -> list[str]:
    """Each label cut off under the spacing, as `page (width): label text (why)`."""
    problems = []
    labels = 0
    for path in paths:
        counted, clipped = clipped_with_spacing(page, served.url(path))
        labels += counted
        problems += [
            f"{path} ({width} px), flytskjema {c['diagram'] + 1}: «{c['text']}» går "
            f"{c['outside']} px utenfor boksen {c['box']} ({c['lines']} linjer)"
            for c in clipped
        ]
    assert labels > 0, "no label was checked"
    return problems


@pytest.mark.slow
def test_no_label_is_cut_off_with_text_spacing_on_any_page(
    sites: Served, playwright_chromium: Any
) -> None:
    """Charts drawn at build time: every page with a chart, on a laptop and on a phone."""
    paths = diagram_pages(sites)
    assert len(paths) >= 15 and {f"{model}/" for model in MODELS} <= set(paths)
    problems = []
    for viewport in (LAPTOP, PHONE):
        context = new_context(playwright_chromium, viewport)
        try:
            problems += sweep(context.new_page(), sites, paths, viewport["width"])
        finally:
            context.close()
    assert problems == [], "\n".join(problems)


@pytest.mark.slow
def test_no_label_is_cut_off_with_text_spacing_when_drawn_in_the_browser(
    client_sites: Served, laptop: Any
) -> None:
    """The fallback: Mermaid measures in the reader's page, the chart is shown in a shadow
    root (which the style sheet reaches only by inheritance)."""
    problems = sweep(laptop, client_sites, diagram_pages(client_sites), LAPTOP["width"])
    assert problems == [], "\n".join(problems)


def test_a_level_page_holds_text_spacing(sites: Served, playwright_chromium: Any) -> None:
    """One level page on both widths (the quick version of the sweep above); without the
    fix every label here was cut off."""
    for viewport in (LAPTOP, PHONE):
        context = new_context(playwright_chromium, viewport)
        try:
            page = context.new_page()
            labels, clipped = clipped_with_spacing(page, sites.url("modum/niva-1/"))
            assert labels >= 10 and clipped == [], (viewport, clipped)
            # The labels are no paragraphs: the style sheet's paragraph spacing finds none.
            assert page.locator(".hv-svg svg foreignObject p").count() == 0
        finally:
            context.close()


def test_labels_without_spacing_sit_in_the_middle_of_their_boxes(
    sites: Served, laptop: Any
) -> None:
    """Boxes have room for spaced text; the text as usually shown is centred in them."""
    laptop.goto(sites.url("modum/niva-1/"))
    offsets = laptop.evaluate(
        """() => [...document.querySelectorAll('.hv-svg svg g.node foreignObject')].map(box => {
          const b = box.getBoundingClientRect();
          const range = document.createRange();
          range.selectNodeContents(box);
          const t = range.getBoundingClientRect();
          return [box.textContent.trim(),
                  (t.left + t.right - b.left - b.right) / 2,
                  (t.top + t.bottom - b.top - b.bottom) / 2,
                  getComputedStyle(box.querySelector('.hv-label-text')).color,
                  getComputedStyle(box.querySelector('.nodeLabel')).color];
        })"""
    )
    assert len(offsets) >= 10
    for text, sideways, down, colour, label_colour in offsets:
        assert abs(sideways) <= 2 and abs(down) <= 2, (text, sideways, down)
        assert colour == label_colour, f"«{text}» has its label's colour"


STROKES = f"""() => {{
  const page = getComputedStyle(document.body).backgroundColor;
  const found = [];
  const visible = style => style.stroke !== 'none' && parseFloat(style.strokeWidth) > 0
    && parseFloat(style.strokeOpacity) > 0;
  {FIND_SVGS}.forEach(svg => {{
    svg.querySelectorAll('g.node').forEach(node => {{
      const text = node.textContent.trim();
      node.querySelectorAll('circle, ellipse, rect, polygon, path').forEach(shape => {{
        if (shape.closest('.label, marker')) return;
        const style = getComputedStyle(shape);
        if (!visible(style)) return;
        found.push({{what: shape.tagName + ' ' + node.getAttribute('class'), text,
                     stroke: style.stroke, opacity: style.strokeOpacity}});
      }});
    }});
    svg.querySelectorAll('g.cluster > rect').forEach(rect => {{
      const style = getComputedStyle(rect);
      found.push({{what: 'cluster', text: rect.parentNode.textContent.trim(),
                   stroke: style.stroke, opacity: style.strokeOpacity}});
    }});
    svg.querySelectorAll('path.flowchart-link').forEach(path => {{
      const style = getComputedStyle(path);
      if (!visible(style)) return;
      found.push({{what: 'edge', text: path.id, stroke: style.stroke,
                   opacity: style.strokeOpacity}});
    }});
  }});
  return {{page, found}};
}}"""
"""Every drawn border of a node, subgraph and edge, with its computed colour, and the
page's background."""

CONTRAST_PAGES = ["modum/", "modum/niva-1/", "romskog/stigen/", "bekymring-nynorsk/"]
"""Subgraphs (the overviews), Start and Slutt circles, every kind of node and exit (the
report's red border on Rømskog's and Bekymring's ladders)."""


def weak_strokes(page: Any, url: str, scheme: str) -> tuple[int, int, list[str]]:
    page.goto(url)
    page.wait_for_function(DIAGRAMS_DONE, timeout=30_000)
    measured = page.evaluate(STROKES)
    background = measured["page"]
    weak = []
    circles = 0
    for line in measured["found"]:
        where = f"{url} ({scheme}): {line['what']} «{line['text'][:40]}»"
        if not line["stroke"].startswith("rgb"):
            weak.append(f"{where}: strek {line['stroke']} er ingen farge")
            continue
        red, green, blue, alpha = rgba(line["stroke"])
        seen = over(f"rgba({red}, {green}, {blue}, {alpha * float(line['opacity'])})", background)
        ratio = contrast(seen, over(background, background))
        circles += line["what"].startswith("circle")
        if ratio < 3:
            weak.append(f"{where}: {line['stroke']} mot {background} = {ratio:.2f}:1")
    return len(measured["found"]), circles, weak


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_border_has_3_to_1_contrast_with_the_page(
    sites: Served, client_sites: Served, playwright_chromium: Any, scheme: str
) -> None:
    """Both paths: charts drawn at build time and in the browser."""
    context = new_context(playwright_chromium, LAPTOP, scheme)
    try:
        page = context.new_page()
        page.goto(sites.url("modum/"))
        dark = page.evaluate("() => document.body.dataset.mdColorScheme") == "slate"
        assert dark == (scheme == "dark"), "the page follows the reader's colour scheme"
        problems: list[str] = []
        for served in (sites, client_sites):
            lines = circles = 0
            for path in CONTRAST_PAGES:
                counted, round_nodes, weak = weak_strokes(page, served.url(path), scheme)
                lines += counted
                circles += round_nodes
                problems += weak
            assert lines >= 50 and circles >= 3, (served.base, lines, circles)
        assert problems == [], "\n".join(problems)
    finally:
        context.close()


def test_label_paragraphs_become_spans_and_report_red_a_variable() -> None:
    svg = (
        '<svg id="hv-1"><style>#hv-1{font-size:16px}</style>'
        '<polygon style="stroke:#b3261e !important;stroke-width:3px !important"></polygon>'
        '<foreignObject width="33.71" height="24"><div><span class="nodeLabel">'
        "<p>Start</p></span></div></foreignObject><p>not a label</p></svg>"
    )
    fitted = fit_labels(svg)
    assert '<span class="nodeLabel"><span class="hv-label-text">Start</span></span>' in fitted
    assert fitted.endswith("<p>not a label</p></svg>"), "only labels are changed"
    assert '<foreignObject width="33.8" height="24">' in fitted, "rounded up, not down"
    assert "stroke:var(--hv-report-stroke, #b3261e) !important" in fitted
    assert "#hv-1 foreignObject > div {" in fitted and "#hv-1 .hv-label-text {" in fitted
    assert unparagraph("<p>x</p>") == "<p>x</p>"
