"""Printing a page of the site (WCAG 2.1 AA issue: reflow and print; theme/assets/hv/print.css).

The front page and the first level page of every model are printed by Chromium, as a reader
printing from the browser would: with the flowcharts drawn at build time, and with the
fallback (drawn in the reader's browser), both right after the page has loaded (nothing
drawn yet) and once every chart is drawn. In every PDF:

- no sheet is empty (every sheet has text);
- the Mermaid source of a chart is never printed (the text version follows each chart);
- every drawn chart is whole on one sheet (all its labels are on one page of the PDF);
- the emergency contacts are printed once, on the first sheet.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import DATA, DIAGRAMS_DONE, FIND_SVGS, MODELS, OPEN_SHADOW_ROOTS, Served
from pypdf import PdfReader

from handlingsveileder.validate import load_models

GUIDES = load_models(DATA)
PAPER = {
    "format": "A4",
    "print_background": True,
    "margin": {"top": "10mm", "bottom": "10mm", "left": "10mm", "right": "10mm"},
}
"""Chromium's own print dialog: A4 with margins of about 10 mm."""
MERMAID_SOURCE = ("flowchart TD", "flowchart LR", "accTitle", "accDescr", "classDef", "-->")

LABELS = f"""() => {FIND_SVGS}.map(svg => svg === null ? null :
  [...svg.querySelectorAll('.nodeLabel, .edgeLabel')]
    .map(label => label.textContent.trim()).filter(text => text.length > 0))"""
"""Per chart, the texts of its labels (null for a chart not drawn yet)."""

EMERGENCY = """() => {
  const text = document.querySelector('.md-banner .hv-akutt__full .hv-akutt__tekst');
  const phone = document.querySelector('.md-banner .hv-akutt__full a.hv-tel');
  const strong = text && text.querySelector('strong');
  return {
    sentence: text ? text.textContent.replace(strong ? strong.textContent : '', '').trim() : '',
    phone: phone ? phone.textContent.trim() : '',
    front: document.querySelector('.md-content h2#akutt') !== null,
  };
}"""
"""The emergency bar's sentence (without its «Akutt:») and first number; is this the front
page (which has its own emergency section)?"""


def squeeze(text: str) -> str:
    """Text without whitespace: the PDF's text breaks lines where the sheet did."""
    return re.sub(r"\s+", "", text)


def pages_to_print(model: str) -> list[str]:
    """The front page and the first level page of a model's site."""
    return [f"{model}/", f"{model}/{GUIDES[model].levels[0].id}/"]


@pytest.fixture(scope="module")
def paper(playwright_chromium: Any) -> Iterator[Any]:
    """A Chromium context at a laptop's width (shadow roots forced open, as in conftest)."""
    context = playwright_chromium.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(OPEN_SHADOW_ROOTS)
    yield context
    context.close()


def printed(context: Any, url: str, *, drawn: bool) -> tuple[list[str], list[list[str]], Any]:
    """Print `url` (once every chart is drawn, or right after it has loaded): the text of
    each sheet, the labels of each chart drawn when printed, and the emergency facts."""
    page = context.new_page()
    try:
        response = page.goto(url, wait_until="load")
        assert response is not None and response.ok, url
        if drawn:
            page.wait_for_function(DIAGRAMS_DONE, timeout=60_000)
        # The charts drawn now are printed (JavaScript does not run while Chromium prints;
        # a chart Mermaid finishes in between is printed but not looked for).
        labels = [found for found in page.evaluate(LABELS) if found]
        emergency = page.evaluate(EMERGENCY)
        pdf = page.pdf(**PAPER)
    finally:
        page.close()
    sheets = [sheet.extract_text() or "" for sheet in PdfReader(io.BytesIO(pdf)).pages]
    return sheets, labels, emergency


def problems(path: str, sheets: list[str], labels: list[list[str]], emergency: Any) -> list[str]:
    """What is wrong with the printed `path`, one line each."""
    found = []
    found += [
        f"{path}: sheet {n} of {len(sheets)} is empty"
        for n, text in enumerate(sheets, 1)
        if not text.strip()
    ]
    whole = "\n".join(sheets)
    found += [
        f"{path}: the Mermaid source is printed ({token!r})"
        for token in MERMAID_SOURCE
        if token in whole
    ]
    squeezed = [squeeze(text) for text in sheets]
    for number, chart in enumerate(labels, 1):
        # The start of each label: a label cut off inside its box still starts the same.
        starts = sorted({squeeze(label)[:6] for label in chart})
        on_one = [n for n, text in enumerate(squeezed, 1) if all(s in text for s in starts)]
        if not on_one:
            where = {s: [n for n, text in enumerate(squeezed, 1) if s in text] for s in starts}
            found.append(f"{path}: chart {number} is not whole on one sheet: {where}")
    if emergency["sentence"]:
        sentence = squeeze(emergency["sentence"])
        count = sum(text.count(sentence) for text in squeezed)
        if count != 1:
            found.append(f"{path}: the emergency contacts are printed {count} times")
        if sentence not in squeezed[0] or squeeze(emergency["phone"]) not in squeezed[0]:
            found.append(f"{path}: the emergency contacts are not on the first sheet")
    return found


def check_prints(sites: Served, context: Any, models: list[str], *, drawn: bool) -> int:
    """Print the front page and first level page of each model; returns the number of
    charts that were drawn when printed (each found whole on one sheet)."""
    wrong: list[str] = []
    charts = 0
    for model in models:
        for path in pages_to_print(model):
            sheets, labels, emergency = printed(context, sites.url(path), drawn=drawn)
            assert emergency["sentence"], f"{path}: the page has an emergency bar"
            wrong += problems(path, sheets, labels, emergency)
            charts += len(labels)
    assert wrong == []
    return charts


def test_printing_a_front_page_and_a_level_page(sites: Served, paper: Any) -> None:
    """One model, charts drawn at build time (the slow tests below print every model)."""
    assert check_prints(sites, paper, ["modum"], drawn=True) >= 2


@pytest.mark.slow
def test_printing_every_model_with_charts_drawn_at_build_time(sites: Served, paper: Any) -> None:
    charts = check_prints(sites, paper, MODELS, drawn=True)
    assert charts >= 2 * len(MODELS), "every front page and level page has a chart"


@pytest.mark.slow
def test_printing_with_the_fallback_right_after_loading(client_sites: Served, paper: Any) -> None:
    """Printed before Mermaid has drawn the charts: their source is not printed, and
    Mermaid's drawing board at the end of the page leaves no empty sheet."""
    check_prints(client_sites, paper, MODELS, drawn=False)


@pytest.mark.slow
def test_printing_with_the_fallback_once_drawn(client_sites: Served, paper: Any) -> None:
    charts = check_prints(client_sites, paper, MODELS, drawn=True)
    assert charts >= 2 * len(MODELS), "every front page and level page has a chart"


def test_printing_hides_the_screens_furniture(sites: Served, paper: Any) -> None:
    """On paper: no header, navigation, search, drawer or veiviser controls; the emergency
    bar in full (never the phone's folded bar); no room kept for the phone's bar."""
    page = paper.new_page()
    try:
        page.set_viewport_size({"width": 390, "height": 844})
        page.goto(sites.url("modum/veiviser/"), wait_until="load")
        page.emulate_media(media="print")
        shown = page.evaluate(
            """() => Object.fromEntries([
              '.md-header', '.md-tabs', '.md-sidebar', '.md-search', '.md-footer', '.md-top',
              '.hv-vv-styring', '.hv-vv-valg', '.hv-akutt__kort', '.hv-akutt__full',
              '.hv-diagram-hint',
            ].map(s => [s, [...document.querySelectorAll(s)].some(
              e => e.getClientRects().length > 0)]))"""
        )
        padding = page.evaluate(
            "() => getComputedStyle(document.querySelector('.md-container')).paddingBottom"
        )
    finally:
        page.close()
    assert shown == {
        ".md-header": False,
        ".md-tabs": False,
        ".md-sidebar": False,
        ".md-search": False,
        ".md-footer": False,
        ".md-top": False,
        ".hv-vv-styring": False,
        ".hv-vv-valg": False,
        ".hv-akutt__kort": False,
        ".hv-akutt__full": True,
        ".hv-diagram-hint": False,
    }
    assert padding == "0px"
