"""What a person sees: the built sites in Debian's Chromium, served on 127.0.0.1."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from conftest import DATA, DIAGRAM_REPORT, DIAGRAMS_DONE, MODELS, ROOT, Browser, Served

from handlingsveileder.mermaid import shorten
from handlingsveileder.validate import load_models

AXE = ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


class IdCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)


def ids_in(path: Path) -> set[str]:
    collector = IdCollector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector.ids


def open_page(browser: Browser, url: str) -> Any:
    page = browser.new_page()
    response = page.goto(url)
    assert response is not None and response.ok, url
    page.wait_for_function(DIAGRAMS_DONE, timeout=20_000)
    return page


def resolve_on_disk(sites: Served, url: str) -> tuple[Path, str]:
    """The HTML file and anchor a site URL points to."""
    parts = urlsplit(url)
    path = unquote(parts.path).lstrip("/")
    file = sites.root / path / "index.html" if path.endswith("/") or not path else sites.root / path
    return file, unquote(parts.fragment)


def assert_link_resolves(sites: Served, page_url: str, href: str) -> None:
    """A diagram link leads to a page of the served site, and to an anchor on it."""
    target = urljoin(page_url, href)
    assert urlsplit(target).hostname == "127.0.0.1", (page_url, href)
    file, anchor = resolve_on_disk(sites, target)
    assert file.is_file(), f"{page_url}: diagram link {href} → {target} has no page"
    if anchor:
        assert anchor in ids_in(file), f"{page_url}: {href} → no #{anchor}"


def assert_diagrams_render_and_links_resolve(sites: Served, browser: Browser, model: str) -> int:
    """Open every page of a model's site; every diagram is drawn, without a syntax error,
    and every node link resolves. Returns how many diagrams were seen."""
    pages = sites.pages(model)
    assert len(pages) >= 2
    diagrams = 0
    for path in pages:
        page = open_page(browser, sites.url(path))
        for diagram in page.evaluate(DIAGRAM_REPORT):
            diagrams += 1
            assert "Syntax error" not in diagram["text"], path
            assert diagram["nodes"] > 0, path
            for href in diagram["links"]:
                assert_link_resolves(sites, page.url, href)
        page.close()
    assert diagrams >= 2, "front page overview and at least one level flowchart"
    assert browser.errors == []
    assert browser.foreign_requests() == []
    return diagrams


@pytest.mark.parametrize("model", MODELS)
def test_every_diagram_arrives_as_svg_and_every_diagram_link_resolves(
    sites: Served, browser: Browser, model: str
) -> None:
    assert_diagrams_render_and_links_resolve(sites, browser, model)
    for path in sites.pages(model):
        html = (sites.root / path / "index.html").read_text(encoding="utf-8")
        assert 'class="mermaid"' not in html, f"{path}: a chart fell back to the browser"
    assert not [url for url in browser.requests if "/vendor/mermaid/" in url]


def test_the_fallback_draws_every_diagram_in_the_browser(
    client_sites: Served, browser: Browser
) -> None:
    """The client-side path (no renderer at build time): the same charts, drawn by the
    vendored Mermaid from the site itself."""
    assert assert_diagrams_render_and_links_resolve(client_sites, browser, "modum") >= 4
    assert [url for url in browser.requests if "/assets/vendor/mermaid/" in url]


def test_clicking_a_node_lands_on_its_step(sites: Served, browser: Browser) -> None:
    page = open_page(browser, sites.url("modum/niva-1/"))
    node = page.locator(".hv-diagram a").filter(has_text="2 Iverksett tiltak").first
    node.click()
    page.wait_for_url(re.compile(r"/modum/niva-1/#n1-iverksett-tiltak$"))
    heading = page.locator("h2#n1-iverksett-tiltak")
    assert heading.is_visible()
    box = heading.bounding_box()
    assert box is not None and 0 <= box["y"] < 900

    page.locator(".hv-diagram a").filter(has_text="Nivå 2: Tverrfaglig innsats").first.click()
    page.wait_for_url(re.compile(r"/modum/niva-2/$"))
    assert page.locator("h1").inner_text().startswith("Nivå 2: Tverrfaglig innsats")
    assert browser.errors == []


@pytest.mark.parametrize("model_id", MODELS)
def test_every_model_node_click_lands_on_its_step(
    sites: Served, browser: Browser, model_id: str
) -> None:
    """On each model's first level with steps, click every step node in the chart."""
    model = load_models(DATA)[model_id]
    level = next(level for level in model.levels if level.steps)
    page = open_page(browser, sites.url(f"{model_id}/{level.id}/"))
    for step in level.steps:
        name = shorten(step.heading)
        page.locator(".hv-diagram a").filter(has_text=name).first.click()
        page.wait_for_url(re.compile(f"/{model_id}/{level.id}/#{step.id}$"))
        assert page.locator(f"h2#{step.id}").is_visible()
    assert browser.errors == []


def test_an_exit_is_its_own_node_and_leads_to_its_section(sites: Served, browser: Browser) -> None:
    """Rømskog 4b: reporting is a red hexagon, not «Slutt», and leads to what to do."""
    page = open_page(browser, sites.url("romskog/stigen/"))
    report = page.locator(".hv-diagram g.node.hvReport")
    assert report.count() == 1 and "Meld til barneverntjenesten" in str(report.text_content())
    assert report.locator("polygon").count() == 1  # the hexagon
    page.locator(".hv-diagram a").filter(has_text="Meld til barneverntjenesten").first.click()
    page.wait_for_url(re.compile(r"/romskog/stigen/#melding$"))
    section = page.locator("h2#melding")
    assert section.is_visible() and section.inner_text().startswith("Meld til barneverntjenesten")
    assert "4 b)" in page.locator("h2#melding + p").inner_text()  # «Hit fra: 4 b) …»
    page = open_page(browser, sites.url("bekymring-nynorsk/stigen/"))
    open_end = page.locator(".hv-diagram g.node.hvOpen")
    assert "Kjelda seier ikkje kva som skjer vidare" in str(open_end.text_content())
    assert browser.errors == []


def test_overview_node_leads_to_the_step_on_its_level_page(sites: Served, browser: Browser) -> None:
    page = open_page(browser, sites.url("modum/"))
    page.locator(".hv-diagram a").filter(has_text="4 Ressursteam").first.click()
    page.wait_for_url(re.compile(r"/modum/niva-1/#n1-ressursteam$"))
    assert page.locator("h2#n1-ressursteam").is_visible()


@pytest.mark.parametrize("fixture", ["sites", "client_sites"])
def test_instant_navigation_shows_diagrams_from_the_site_itself(
    request: pytest.FixtureRequest, browser: Browser, fixture: str
) -> None:
    served: Served = request.getfixturevalue(fixture)
    page = open_page(browser, served.url("modum/"))
    page.evaluate("() => { window.__samme_side = true }")
    page.locator("nav.md-nav a", has_text="Nivå 2: Tverrfaglig innsats").first.click()
    page.wait_for_url(re.compile(r"/modum/niva-2/$"))
    page.wait_for_function(DIAGRAMS_DONE, timeout=20_000)
    assert page.evaluate("() => window.__samme_side === true"), "instant navigation was used"
    assert page.locator(".hv-diagram svg g.node").count() >= 1
    assert browser.foreign_requests() == []
    mermaid = [url for url in browser.requests if "/assets/vendor/mermaid/" in url]
    if fixture == "sites":
        assert mermaid == [], "build-time SVG needs no Mermaid in the browser"
    else:
        assert mermaid, "Mermaid came from the site's own vendored copy"
        assert not [url for url in mermaid if "/elk-" in url], "the dagre layout needs no ELK"


def test_mermaid_is_loaded_only_where_there_is_a_diagram(
    client_sites: Served, browser: Browser
) -> None:
    page = browser.new_page()
    page.goto(client_sites.url("modum/verktoy/"))
    page.wait_for_load_state("networkidle")
    assert not [url for url in browser.requests if "/assets/vendor/mermaid/" in url]


def test_search_finds_a_word_from_a_generated_step(sites: Served, browser: Browser) -> None:
    page = browser.new_page()
    page.goto(sites.url("modum/"))
    page.locator("label.md-search__icon, .md-search__input").first.click()
    search = page.locator("input.md-search__input")
    search.press_sequentially("Ressursteamet", delay=50)
    result = page.locator(".md-search-result__item a").first
    result.wait_for(timeout=15_000)
    hrefs = page.locator(".md-search-result__item a").evaluate_all(
        "links => links.map(a => a.href)"
    )
    assert any("/modum/niva-1/" in href for href in hrefs), hrefs
    # Search words stay out of page URLs, and so out of server logs.
    assert not [href for href in hrefs if "?h=" in href or "Ressursteamet" in href], hrefs
    result.click()
    page.wait_for_load_state()
    assert "Ressursteamet" not in page.url and "?h=" not in page.url
    assert browser.foreign_requests() == []


def test_emergency_contacts_stand_on_every_page(sites: Served, browser: Browser) -> None:
    for path in sites.pages("modum"):
        html = (sites.root / path / "index.html").read_text(encoding="utf-8")
        assert 'href="tel:02800"' in html, path
        assert "409 21 233" in html and "32 78 93 50" in html, path
    page = browser.new_page()
    page.goto(sites.url("modum/verktoy/referatmal/"))
    banner = page.locator(".md-banner")
    assert banner.is_visible()
    assert "Politiet" in banner.inner_text() and "02800" in banner.inner_text()


def test_nynorsk_site_speaks_nynorsk(sites: Served, browser: Browser) -> None:
    page = open_page(browser, sites.url("bekymring-nynorsk/stigen/"))
    assert page.locator("html").get_attribute("lang") == "nn"
    body = page.locator("body").inner_text()
    assert "Innhaldsliste" in body
    assert "Framside" in body
    assert "Tekstversjon av flytskjemaet" in body
    assert "Innholdsliste" not in body and "Forside" not in body
    skip = page.locator("a.md-skip").inner_text()
    assert skip == "Gå til innhald"


def test_bokmal_site_speaks_bokmal(sites: Served, browser: Browser) -> None:
    page = browser.new_page()
    page.goto(sites.url("romskog/"))
    assert page.locator("html").get_attribute("lang") == "nb"
    assert "Innholdsliste" in page.locator("body").inner_text()


def axe_problems(page: Any) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async tags => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        AXE_TAGS,
    )
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}×: {v['nodes'][0]['target']})"
        for v in result["violations"]
    ]


@pytest.mark.parametrize("model", MODELS)
def test_accessibility_wcag_21_aa(sites: Served, browser: Browser, model: str) -> None:
    pages = [p for p in sites.pages(model) if "/verktoy/" not in p][:2]
    pages += [p for p in sites.pages(model) if "/verktoy/" in p][:1]
    for path in pages:
        page = open_page(browser, sites.url(path))
        assert axe_problems(page) == [], path
        page.close()


def test_collection_index_links_every_model(sites: Served, browser: Browser) -> None:
    page = browser.new_page()
    page.goto(sites.url(""))
    hrefs = page.locator("main a").evaluate_all("links => links.map(a => a.href)")
    assert sorted(hrefs) == sorted(sites.url(f"{m}/") for m in MODELS)
    for href in hrefs:
        assert page.request.get(href).ok
    assert axe_problems(page) == []
