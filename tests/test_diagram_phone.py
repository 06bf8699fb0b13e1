"""Flowcharts readable on a phone: no label is drawn smaller than 12 CSS px, on any page of
any model, at 390 px (a phone) or 1366 px (a laptop). A chart wider than its column scrolls
sideways in its own box: a region named by the chart's title that the keyboard reaches,
with a hint above it while (and only while) the chart overflows. A chart that fits is
drawn as before, and on paper every chart still fits the sheet.

The label sizes are measured in Chromium, as `bench/label_size.py` does (the same code);
`pytest -s` prints the smallest label of every page."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import DIAGRAMS_DONE, MODELS, ROOT, Served
from test_site_browser import axe_problems

sys.path.append(str(ROOT))

from bench.label_size import MIN_LABEL_PX, measure_page, measure_shown, new_context
from handlingsveileder.fences import mermaid_fence, region_attributes
from handlingsveileder.svg_render import insert_svgs, with_label_floor

PHONE = 390
LAPTOP = 1366

BOXES = """() => [...document.querySelectorAll('.hv-diagram')].map(box => {
  const svg = box.querySelector(':scope > svg') || box.querySelector('div.mermaid');
  const hint = box.previousElementSibling;
  const r = box.getBoundingClientRect();
  const s = svg.getBoundingClientRect();
  const article = box.closest('article').getBoundingClientRect();
  return {
    shown: box.clientWidth > 0,
    overflows: box.scrollWidth > box.clientWidth + 1,
    hint: hint !== null && hint.classList.contains('hv-diagram-hint') && !hint.hidden
      && hint.getClientRects().length > 0,
    tabindex: box.getAttribute('tabindex'),
    role: box.getAttribute('role'),
    name: box.getAttribute('aria-label'),
    inColumn: r.left >= article.left - 1 && r.right <= Math.min(article.right, innerWidth) + 1,
    reachable: s.left - r.left + box.scrollLeft >= -1
      && s.right - r.left + box.scrollLeft <= box.scrollWidth + 1,
    noVerticalScroll: box.scrollHeight <= box.clientHeight + 1,
    width: s.width,
    drawnWidth: parseFloat(svg.style.maxWidth) || null,
    column: box.clientWidth,
  };
})"""
"""Per diagram box: does the chart overflow, is the hint shown, is the box a named,
focusable region, is the chart inside the column and all of it reachable by scrolling."""

FOCUS_BEFORE_FIRST_CHART = """() => {
  const box = document.querySelector('.hv-diagram');
  const focusable = [...document.querySelectorAll('a[href], button, input, [tabindex]')]
    .filter(e => e.tabIndex >= 0 && e.getClientRects().length > 0 && !box.contains(e));
  const before = focusable.filter(
    e => e.compareDocumentPosition(box) & Node.DOCUMENT_POSITION_FOLLOWING);
  before[before.length - 1].focus();
}"""
"""Focus the last thing the keyboard reaches before the page's first chart."""


@pytest.fixture(scope="module")
def phone(playwright_chromium: Any) -> Iterator[Any]:
    """One page in a 390×844 context (shadow roots forced open, as in conftest)."""
    context = new_context(playwright_chromium, PHONE, [])
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def laptop(playwright_chromium: Any) -> Iterator[Any]:
    """One page in a 1366×900 context."""
    context = new_context(playwright_chromium, LAPTOP, [])
    yield context.new_page()
    context.close()


def check_boxes(page: Any, path: str) -> list[dict[str, Any]]:
    """The rules every diagram box keeps at any width; returns the boxes that are shown."""
    boxes = [box for box in page.evaluate(BOXES) if box["shown"]]
    for box in boxes:
        where = f"{path}: {box}"
        assert box["role"] == "region" and box["name"], where
        assert box["hint"] == box["overflows"], f"the hint shows only when it overflows: {where}"
        assert (box["tabindex"] == "0") == box["overflows"], where
        assert box["inColumn"] and box["reachable"] and box["noVerticalScroll"], where
    return boxes


@pytest.mark.slow
def test_no_diagram_label_is_smaller_than_12_px_on_any_page(sites: Served, phone: Any) -> None:
    """Every page with a chart, loaded once on the phone, then shown at laptop width (the
    same page: the hint and the tab stop follow a change of width)."""
    smallest: dict[tuple[str, int], float] = {}
    try:
        for model in MODELS:
            for path in sites.pages(model):
                html = (sites.root / path / "index.html").read_text(encoding="utf-8")
                if "hv-diagram" not in html:
                    continue  # a page without a chart has nothing to measure
                phone.set_viewport_size({"width": PHONE, "height": 844})
                measured = measure_page(phone, sites.url(path), PHONE)
                check_boxes(phone, path)
                phone.set_viewport_size({"width": LAPTOP, "height": 900})
                wide = measure_shown(phone, sites.url(path), LAPTOP)
                for box in check_boxes(phone, path):
                    if box["drawnWidth"] and box["drawnWidth"] <= box["column"]:
                        # Fits its column: drawn at Mermaid's own size, as before.
                        assert not box["overflows"], (path, box)
                        assert abs(box["width"] - box["drawnWidth"]) <= 1, (path, box)
                assert measured.diagrams and wide.diagrams, path
                smallest[(path, PHONE)] = measured.smallest
                smallest[(path, LAPTOP)] = wide.smallest
                print(
                    f"{path}: minste etikett {measured.smallest:.1f} px ved {PHONE} px, "
                    f"{wide.smallest:.1f} px ved {LAPTOP} px"
                )
    finally:
        phone.set_viewport_size({"width": PHONE, "height": 844})
    too_small = {where: size for where, size in smallest.items() if size < MIN_LABEL_PX}
    assert too_small == {}
    assert {(f"{model}/", PHONE) for model in MODELS} <= set(smallest), "every overview"
    assert len(smallest) >= 2 * 15


def test_a_chart_wider_than_the_phone_scrolls_and_says_so(sites: Served, phone: Any) -> None:
    measured = measure_page(phone, sites.url("modum/niva-2/"), PHONE)
    assert measured.smallest >= MIN_LABEL_PX
    [box] = check_boxes(phone, "modum/niva-2/")
    assert box["overflows"] and box["hint"]
    hint = phone.locator(".hv-diagram-hint").first
    assert hint.inner_text().startswith("Flytskjemaet er bredere enn skjermen")
    region = phone.get_by_role("region", name="Flytskjema for Nivå 2: Tverrfaglig innsats")
    assert region.count() == 1
    # The chart first shows where it begins: its topmost node (Start) is in view.
    start = phone.evaluate(
        """() => {
          const box = document.querySelector('.hv-diagram');
          const nodes = [...box.querySelectorAll('g.node')].map(n => n.getBoundingClientRect());
          const top = nodes.reduce((a, b) => (b.top < a.top ? b : a));
          const r = box.getBoundingClientRect();
          return [box.scrollLeft, top.left >= r.left && top.right <= r.right];
        }"""
    )
    assert start[0] > 0 and start[1], start
    assert axe_problems(phone) == []


def test_the_front_page_overview_scrolls_and_keeps_every_level(sites: Served, phone: Any) -> None:
    """The overview keeps every step and each level's box with its name (where each level
    starts), at a readable size; the text version follows it."""
    measured = measure_page(phone, sites.url("modum/"), PHONE)
    assert measured.smallest >= MIN_LABEL_PX
    [box] = check_boxes(phone, "modum/")
    assert box["overflows"] and box["hint"]
    text = phone.locator(".hv-diagram svg").first.text_content() or ""
    for level in ("Nivå 0: Undring", "Nivå 1: Fra undring til tiltak", "Nivå 3: Refleksjon"):
        assert level in text
    assert phone.locator(".hv-diagram + details summary").first.inner_text() == (
        "Tekstversjon av flytskjemaet"
    )
    assert axe_problems(phone) == []


def test_instant_navigation_sets_up_the_next_page(sites: Served, phone: Any) -> None:
    phone.goto(sites.url("modum/"))
    phone.evaluate("() => { window.__samme_side = true }")
    phone.locator('article a[href$="/modum/niva-1/"]:visible').first.click()
    phone.wait_for_url(re.compile(r"/modum/niva-1/$"))
    phone.wait_for_function(DIAGRAMS_DONE, timeout=20_000)
    assert phone.evaluate("() => window.__samme_side === true"), "instant navigation was used"
    phone.wait_for_function(
        "() => !document.querySelector('.hv-diagram-hint').hidden", timeout=5_000
    )
    [box] = check_boxes(phone, "modum/niva-1/")
    assert box["overflows"] and box["tabindex"] == "0"


def test_on_a_laptop_the_keyboard_reaches_and_scrolls_an_overflowing_chart(
    sites: Served, laptop: Any
) -> None:
    measure_page(laptop, sites.url("modum/"), LAPTOP)
    [box] = check_boxes(laptop, "modum/")
    assert box["overflows"], "the overview is wider than the column at 12 px labels"
    # Tab from the last link before the chart lands on its box, which the arrows scroll.
    laptop.evaluate(FOCUS_BEFORE_FIRST_CHART)
    laptop.keyboard.press("Tab")
    focused = laptop.evaluate(
        """() => {
          const box = document.activeElement;
          return [box.classList.contains('hv-diagram'), box.getAttribute('role'),
                  box.getAttribute('aria-label'), getComputedStyle(box).outlineStyle];
        }"""
    )
    assert focused[:3] == [True, "region", "Oversikt over alle nivåer og steg"]
    assert focused[3] == "solid", "the focused box shows a focus ring"
    before = laptop.evaluate("() => document.activeElement.scrollLeft")
    laptop.keyboard.press("ArrowRight")
    laptop.keyboard.press("ArrowRight")
    laptop.wait_for_function(f"() => document.activeElement.scrollLeft > {before}")


def test_on_a_laptop_a_chart_that_fits_is_no_tab_stop(sites: Served, laptop: Any) -> None:
    measured = measure_page(laptop, sites.url("modum/niva-0/"), LAPTOP)
    [box] = check_boxes(laptop, "modum/niva-0/")
    assert not box["overflows"] and not box["hint"] and box["tabindex"] is None
    assert measured.smallest >= 15.9, "drawn at Mermaid's own size (16 px), as before"
    laptop.evaluate(FOCUS_BEFORE_FIRST_CHART)
    laptop.keyboard.press("Tab")
    assert laptop.evaluate("() => document.activeElement.closest('svg') !== null")


def test_on_paper_every_chart_fits_the_sheet_and_the_hint_is_not_printed(
    sites: Served, phone: Any
) -> None:
    measure_page(phone, sites.url("modum/utskrift/"), PHONE)
    assert phone.locator(".hv-diagram-hint:visible").count() >= 1
    phone.emulate_media(media="print")
    try:
        fits = phone.evaluate(
            """() => [...document.querySelectorAll('.hv-diagram')].map(box => {
              const svg = box.querySelector('svg').getBoundingClientRect();
              const r = box.getBoundingClientRect();
              return svg.left >= r.left - 1 && svg.right <= r.right + 1;
            })"""
        )
        assert fits and all(fits)
        assert phone.locator(".hv-diagram-hint:visible").count() == 0
    finally:
        phone.emulate_media(media="screen")


def test_charts_drawn_in_the_browser_keep_the_same_floor(
    client_sites: Served, playwright_chromium: Any
) -> None:
    """The fallback (`diagrams: client`): Mermaid draws in the reader's browser, and each
    SVG it returns gets the same screen-only floor before Material shows it."""
    context = new_context(playwright_chromium, PHONE, [])
    try:
        page = context.new_page()
        for path in ("modum/", "modum/niva-2/", "bekymring-nynorsk/stigen/"):
            measured = measure_page(page, client_sites.url(path), PHONE)
            print(f"{PHONE} px {path} (tegnet i nettleseren): {measured.smallest:.1f} px")
            assert measured.diagrams and measured.smallest >= MIN_LABEL_PX, path
            page.wait_for_function(
                "() => !document.querySelector('.hv-diagram-hint').hidden", timeout=5_000
            )
            [box] = check_boxes(page, path)
            assert box["overflows"] and box["tabindex"] == "0"
    finally:
        context.close()


SVG = (
    '<svg id="hv-1" width="100%" xmlns="http://www.w3.org/2000/svg" class="flowchart" '
    'style="max-width: 1383.7px;" viewBox="0 0 1383.7 3150.4" role="graphics-document document">'
    "<title>Flytskjema for font-size:1px</title>"
    "<style>#hv-1{font-family:sans-serif;font-size:16px;fill:#333;}"
    "#hv-1 .flowchartTitleText{font-size:18px;}</style><g></g></svg>"
)


def test_the_label_floor_is_written_into_the_svg() -> None:
    marked = with_label_floor(SVG)
    # 1383.7 × 12 / 16 = 1037.8 → 1038, and one more for layout rounding.
    assert 'style="max-width: 1383.7px; --hv-min-width: 1039px;"' in marked
    assert marked.replace(" --hv-min-width: 1039px;", "") == SVG
    assert with_label_floor(SVG.replace("font-size:16px", "font-size:20px")).count("832px") == 1
    no_style = SVG.replace('style="max-width: 1383.7px;" ', "")
    assert 'style="--hv-min-width: 1039px;"' in with_label_floor(no_style)
    assert with_label_floor("<svg><g></g></svg>") == "<svg><g></g></svg>"


def test_the_box_is_a_named_region_on_both_paths() -> None:
    source = 'flowchart TD\n    accTitle: Flytskjema for A & B\n    accDescr: x\n    n1["a"]\n'
    assert region_attributes(source) == (
        'role="region" tabindex="0" aria-label="Flytskjema for A &amp; B"'
    )
    assert region_attributes("flowchart TD\n") == 'role="region" tabindex="0"'
    fence = mermaid_fence(source, "mermaid", "mermaid", {}, None, classes=[], id_value="", attrs={})
    assert fence.startswith(
        '<div class="hv-diagram" data-search-exclude role="region" tabindex="0" '
        'aria-label="Flytskjema for A &amp; B"><pre class="mermaid"><code>'
    )
    placeholder = (
        f'<div class="hv-diagram hv-svg" data-search-exclude {region_attributes(source)}'
        ' data-hv-svg="abc"></div>'
    )
    filled = insert_svgs(f"<p>x</p>\n{placeholder}\n", {"abc": "<svg></svg>"})
    assert filled == (
        '<p>x</p>\n<div class="hv-diagram hv-svg" data-search-exclude role="region" '
        'tabindex="0" aria-label="Flytskjema for A &amp; B">\n<svg></svg>\n</div>\n'
    )
