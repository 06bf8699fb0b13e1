"""The presentation in Chromium: on the site and as a file of its own, with the keys a
trainer uses, every step highlighted in its level's chart, no slide that scrolls on a
16:9 screen, nothing fetched, one printed page per slide, and axe at 0 violations."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import CONFIG, MODELS, Browser, Served
from test_axe_sweep import RUN_AXE, TAGS

from handlingsveileder import cli

READY = "() => window.hvDeck !== undefined && window.hvDeck.count() > 0"
SHOWN = ".hv-slide:not([hidden])"
SLIDES = "() => [...document.querySelectorAll('.hv-slide')].map(s => s.dataset.hvKind)"
SCREENS = {"1280x720": (1280, 720), "1920x1080": (1920, 1080)}
HIGHLIGHTS = """() => {
  const slide = document.querySelector('.hv-slide:not([hidden])');
  const marked = [...slide.querySelectorAll('.hv-slide-chart .hv-her')];
  return {
    target: slide.dataset.hvTarget || null,
    nodes: marked.map(n => n.getAttribute('data-hv-node')),
    visible: marked.map(n => { const r = n.getBoundingClientRect();
                               return r.width > 0 && r.height > 0; }),
    elsewhere: document.querySelectorAll('.hv-her').length,
  };
}"""
OVERFLOW = """() => {
  const root = document.scrollingElement;
  const slide = document.querySelector('.hv-slide:not([hidden])');
  const inner = slide.querySelector('.hv-slide-inner');
  const over = el => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
  const boxes = [inner, ...inner.querySelectorAll('.hv-slide-text, .hv-slide-chart')];
  return {
    page: root.scrollHeight > innerHeight + 1 || root.scrollWidth > innerWidth + 1,
    boxes: boxes.filter(over).map(el => el.className),
  };
}"""
CHART_BOX = """() => {
  const svg = document.querySelector('.hv-slide:not([hidden]) .hv-slide-chart svg');
  if (!svg) return null;
  const r = svg.getBoundingClientRect();
  return [r.x, r.y, r.width, r.height].map(v => Math.round(v * 10) / 10);
}"""


def open_deck(page: Any, url: str) -> int:
    page.goto(url)
    page.wait_for_function(READY, timeout=20_000)
    return int(page.evaluate("() => window.hvDeck.count()"))


def current(page: Any) -> int:
    return int(page.evaluate("() => window.hvDeck.current()"))


def go(page: Any, number: int) -> None:
    page.evaluate("n => window.hvDeck.go(n)", number)
    page.wait_for_function("n => window.hvDeck.current() === n", arg=number)


def is_hidden(page: Any, selector: str) -> bool:
    return bool(page.evaluate("s => document.querySelector(s).hidden", selector))


@pytest.mark.parametrize("model", MODELS)
def test_every_presentation_opens_from_the_front_page(
    sites: Served, browser: Browser, model: str
) -> None:
    page = browser.new_page()
    page.goto(sites.url(f"{model}/"))
    page.locator("a", has_text="Presenter").first.click()
    page.wait_for_function(READY, timeout=20_000)
    assert page.url.rstrip("#1").endswith(sites.presentation(model))
    kinds = page.evaluate(SLIDES)
    assert kinds[0] == "title" and kinds[-1] == "closing" and "level" in kinds
    assert page.evaluate("() => window.hvDeck.count()") == len(kinds)
    assert page.locator(SHOWN).count() == 1
    assert page.locator(f"{SHOWN} h2").inner_text().strip()
    assert not browser.errors and not browser.foreign_requests()
    assert not page.context.cookies()


def test_the_keys_of_a_trainer(sites: Served, browser: Browser) -> None:
    page = browser.new_page()
    count = open_deck(page, sites.url(sites.presentation("modum")))
    keyboard = page.keyboard
    steps = [("ArrowRight", 2), ("Space", 3), ("PageDown", 4), ("PageUp", 3), ("ArrowLeft", 2)]
    for key, expected in steps:
        keyboard.press(key)
        assert current(page) == expected, key
    assert page.evaluate("() => location.hash") == "#2"
    keyboard.press("End")
    assert current(page) == count
    keyboard.press("Home")
    assert current(page) == 1
    keyboard.type("12")
    assert not is_hidden(page, ".hv-deck-goto") and "12" in page.inner_text(".hv-deck-goto")
    keyboard.press("Enter")
    assert current(page) == 12 and page.evaluate("() => location.hash") == "#12"
    page.reload()
    page.wait_for_function(READY)
    assert current(page) == 12, "a reload keeps the place"

    for key in ("b", "."):
        keyboard.press(key)
        assert not is_hidden(page, ".hv-deck-blank"), key
        keyboard.press(key)
        assert is_hidden(page, ".hv-deck-blank"), key
    keyboard.press("b")
    keyboard.press("Escape")
    assert is_hidden(page, ".hv-deck-blank")

    keyboard.press("o")
    overview = page.locator('[data-hv-do="overview"]')
    assert overview.get_attribute("aria-pressed") == "true"
    assert page.locator(".hv-slide:not([hidden])").count() == count, "every slide in the grid"
    keyboard.press("ArrowRight")
    keyboard.press("Enter")
    assert overview.get_attribute("aria-pressed") == "false"
    assert current(page) == 13 and page.locator(SHOWN).count() == 1

    keyboard.press("s")
    assert not is_hidden(page, "#hv-notes-panel")
    notes = page.inner_text("#hv-notes-panel")
    following = page.evaluate("() => document.querySelectorAll('.hv-slide')[13].dataset.hvTitle")
    assert following in notes, "the notes view names the next slide"
    keyboard.press("Escape")
    assert is_hidden(page, "#hv-notes-panel")

    keyboard.press("?")
    assert not is_hidden(page, "#hv-deck-help")
    assert "Page Down" in page.inner_text("#hv-deck-help")
    keyboard.press("Escape")
    assert is_hidden(page, "#hv-deck-help")

    keyboard.press("f")  # headless Chromium may refuse full screen: no error either way
    keyboard.press("Escape")
    if page.evaluate("() => document.fullscreenElement !== null"):
        keyboard.press("Escape")
    keyboard.press("Escape")  # nothing left open: back to the guide
    page.wait_for_url(sites.url("modum/"))
    assert not browser.errors and not browser.foreign_requests()


def test_a_chart_node_and_an_address_lead_to_their_slide(sites: Served, browser: Browser) -> None:
    page = browser.new_page()
    url = sites.url(sites.presentation("modum"))
    page.goto(url + "#n1-iverksett-tiltak")
    page.wait_for_function(READY)
    assert page.locator(SHOWN).get_attribute("id") == "n1-iverksett-tiltak"
    assert page.evaluate("() => location.hash") == f"#{current(page)}"
    level = page.evaluate(
        "() => [...document.querySelectorAll('.hv-slide')].findIndex(s => s.id === 'niva-1') + 1"
    )
    go(page, level)
    box = page.evaluate(
        """() => [...document.querySelectorAll('.hv-slide:not([hidden]) .hv-slide-chart a')]
          .find(a => (a.getAttribute('href') || a.getAttribute('xlink:href'))
                     === '#n1-oppfolgingssamtale')
          .getBoundingClientRect().toJSON()"""
    )
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_function(
        "() => document.querySelector('.hv-slide:not([hidden])').id === 'n1-oppfolgingssamtale'"
    )
    assert page.evaluate("() => location.hash") == f"#{current(page)}"


@pytest.mark.slow
def test_every_step_slide_highlights_its_own_node(sites: Served, browser: Browser) -> None:
    page = browser.new_page()
    checked = 0
    for model in MODELS:
        count = open_deck(page, sites.url(sites.presentation(model)))
        kinds = page.evaluate(SLIDES)
        for number in range(1, count + 1):
            go(page, number)
            found = page.evaluate(HIGHLIGHTS)
            where = f"{model} #{number}"
            if (
                kinds[number - 1] in ("step", "exit")
                and page.locator(f"{SHOWN} .hv-slide-chart svg").count()
            ):
                assert found["nodes"] == [found["target"]], where
                assert found["visible"] == [True], where
                checked += 1
            elif kinds[number - 1] not in ("step", "exit"):
                assert found["nodes"] == [], where
    assert checked >= 60
    assert not browser.errors


@pytest.mark.slow
@pytest.mark.parametrize("screen", SCREENS)
def test_no_slide_scrolls_on_a_projector(
    sites: Served, playwright_chromium: Any, screen: str
) -> None:
    width, height = SCREENS[screen]
    context = playwright_chromium.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    problems = []
    for model in MODELS:
        count = open_deck(page, sites.url(sites.presentation(model)))
        boxes: dict[str, set[tuple[float, ...]]] = {}
        for number in range(1, count + 1):
            go(page, number)
            found = page.evaluate(OVERFLOW)
            if found["page"] or found["boxes"]:
                problems.append(f"{model} #{number}: {found}")
            box = page.evaluate(CHART_BOX)
            level = page.evaluate(
                "() => { const s = document.querySelector('.hv-slide:not([hidden])');"
                " return s.dataset.hvKind === 'step' ? s.querySelector('svg')?.id.split('-s')[0]"
                " : null; }"
            )
            if box is not None and level:
                boxes.setdefault(f"{model} {level}", set()).add(tuple(box))
        moved = {level: found for level, found in boxes.items() if len(found) > 1}
        assert not moved, f"the chart moves between a level's step slides: {moved}"
    context.close()
    assert not problems, "\n".join(problems)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    """Every model's presentation as a file of its own."""
    folder = tmp_path_factory.mktemp("presentasjoner")
    files = {}
    for model in MODELS:
        out = folder / f"{model}.html"
        args = ["presentasjon", "--config", str(CONFIG), "--model", model, "--out", str(out)]
        assert cli.main(args) == 0
        files[model] = out
    yield files


@pytest.mark.slow
def test_the_file_runs_offline_and_shows_every_chart(
    exported: dict[str, Path], playwright_chromium: Any
) -> None:
    context = playwright_chromium.new_context(viewport={"width": 1280, "height": 720}, offline=True)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    context.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort(),
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    for model, file in exported.items():
        count = open_deck(page, file.as_uri())
        for number in range(1, count + 1):
            go(page, number)
            charts = page.evaluate(
                "() => [...document.querySelectorAll('.hv-slide:not([hidden]) .hv-slide-chart')]"
                ".map(f => { const s = f.querySelector('svg'); if (!s) return 0;"
                " const r = s.getBoundingClientRect(); return r.width * r.height; })"
            )
            assert all(area > 10_000 for area in charts), f"{model} #{number}: {charts}"
        assert page.locator(".hv-slide-chart svg").count() > 0, model
    context.close()
    assert not errors
    assert all(url.startswith("file:") for url in requests), requests


def test_printing_gives_one_page_per_slide(exported: dict[str, Path], browser: Browser) -> None:
    from pypdf import PdfReader

    page = browser.new_page()
    count = open_deck(page, exported["romskog"].as_uri())
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == count
    first = reader.pages[0].extract_text()
    assert "Rømskogmodellen" in first
    box = reader.pages[1].mediabox
    assert abs(float(box.width) / float(box.height) - 16 / 9) < 0.01


def test_axe_finds_nothing_on_title_step_and_notes(sites: Served, playwright_chromium: Any) -> None:
    axe = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
    found = []
    for width, height in ((1280, 720), (390, 844)):
        # The deck's policy runs no script but its own: axe is let in by the test alone.
        context = playwright_chromium.new_context(
            viewport={"width": width, "height": height}, bypass_csp=True
        )
        page = context.new_page()
        open_deck(page, sites.url(sites.presentation("modum")))
        page.add_script_tag(path=str(axe))
        step = page.evaluate(SLIDES).index("step") + 1
        for name, number, key in (("title", 1, None), ("step", step, None), ("notes", step, "s")):
            go(page, number)
            if key:
                page.keyboard.press(key)
                page.wait_for_function("() => !document.querySelector('#hv-notes-panel').hidden")
            violations = page.evaluate(RUN_AXE, TAGS)
            found += [f"{width}x{height} {name}: {v['id']} {v['nodes'][:2]}" for v in violations]
        context.close()
    assert not found, "\n".join(found)
