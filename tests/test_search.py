"""Search finds what a worried employee types: on every built site, in Chromium, through
Material's own search box. The queries and the pages that must come first are in
search_queries.yaml; each site is loaded once and every query is typed into that page."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from conftest import MODELS, OPEN_SHADOW_ROOTS, Served

from handlingsveileder.local_server import LOCAL_HOST
from handlingsveileder.search_terms import TEXT_FIELD, TITLE_FIELD

QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yaml").read_text("utf-8"))
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
ANSWERED = """none => {
  const list = document.querySelector('.md-search-result__list');
  const meta = document.querySelector('.md-search-result__meta');
  return list.children.length > 0 || meta.textContent === none;
}"""
"""The results of the query just typed are shown (the list was empty before it)."""
EMPTIED = "() => document.querySelector('.md-search-result__list').children.length === 0"
FIRST_PAGE = """() => {
  const link = document.querySelector('.md-search-result__item .md-search-result__link');
  return link && link.href;
}"""


class SearchBox:
    """Material's search box on one loaded page of a built site."""

    def __init__(self, page: Any, site: str) -> None:
        self.page = page
        self.site = site
        config = json.loads(page.locator("#__config").text_content())
        self.no_results = config["translations"]["search.result.none"]
        button = page.locator('label.md-header__button[for="__search"]')
        if button.is_visible():  # a phone: the box opens from the header's button
            button.click()
        else:
            page.locator("input.md-search__input").click()
        self.input = page.locator("input.md-search__input")
        self.input.wait_for(state="visible")

    def first(self, query: str) -> str | None:
        """The address (under the site) of the first result for `query`, typed as an
        employee types it; None when nothing is found."""
        self.type("")
        self.page.wait_for_function(EMPTIED)
        self.type(query)
        self.page.wait_for_function(ANSWERED, arg=self.no_results)
        href: str | None = self.page.evaluate(FIRST_PAGE)
        if not href:
            return None
        path = urlsplit(href).path
        assert path.startswith(self.site), href
        return path.removeprefix(self.site)

    def type(self, text: str) -> None:
        self.input.fill(text)
        self.input.press("End")  # Material searches on keyup


@pytest.fixture
def contexts(playwright_chromium: Any) -> Iterator[tuple[Any, list[str]]]:
    """A factory of browser contexts (closed after the test), and every URL they request."""
    requests: list[str] = []
    opened: list[Any] = []

    def new_context(viewport: dict[str, int]) -> Any:
        context = playwright_chromium.new_context(viewport=viewport)
        context.add_init_script(OPEN_SHADOW_ROOTS)
        context.on("request", lambda request: requests.append(request.url))
        opened.append(context)
        return context

    yield new_context, requests
    for context in opened:
        context.close()


def open_search(sites: Served, context: Any, model: str) -> SearchBox:
    page = context.new_page()
    page.goto(sites.url(f"{model}/"))
    return SearchBox(page, urlsplit(sites.url(f"{model}/")).path)


def wrong_first(box: SearchBox, query: str, wanted: str | list[str]) -> str | None:
    """A line for the report when `query` does not bring one of the `wanted` pages first."""
    allowed = [wanted] if isinstance(wanted, str) else wanted
    found = box.first(query)
    return None if found in allowed else f"«{query}»: først {found!r}, ventet {allowed}"


@pytest.mark.parametrize("model", MODELS)
def test_the_right_page_comes_first(sites: Served, contexts: Any, model: str) -> None:
    new_context, requests = contexts
    box = open_search(sites, new_context(DESKTOP), model)
    report = [wrong_first(box, query, wanted) for query, wanted in QUERIES["first"][model]]
    for bokmal, nynorsk in QUERIES["same"].get(model, []):
        first, other = box.first(bokmal), box.first(nynorsk)
        if first is None or first != other:
            report.append(f"«{bokmal}» → {first!r}, men «{nynorsk}» → {other!r}")
    assert [line for line in report if line] == []
    assert [url for url in requests if urlsplit(url).hostname != LOCAL_HOST] == []


@pytest.mark.parametrize("model", sorted(QUERIES["phone"]))
def test_search_on_a_phone(sites: Served, contexts: Any, model: str) -> None:
    new_context, requests = contexts
    box = open_search(sites, new_context(PHONE), model)
    wanted = {query: first for query, first in QUERIES["first"][model]}
    report = [wrong_first(box, query, wanted[query]) for query in QUERIES["phone"][model]]
    assert [line for line in report if line] == []
    assert [url for url in requests if urlsplit(url).hostname != LOCAL_HOST] == []


def test_search_words_stay_out_of_the_address(sites: Served, contexts: Any) -> None:
    new_context, requests = contexts
    box = open_search(sites, new_context(DESKTOP), "bekymring-nynorsk")
    assert box.first("samtykke skjema") == "verktoy/samtykkjeskjema/"
    links = box.page.locator(".md-search-result__link")
    hrefs = links.evaluate_all("links => links.map(a => a.href)")
    assert hrefs and not [h for h in hrefs if "?" in h or "samtykke" in h]  # (samtykkje…)
    links.first.click()
    box.page.wait_for_url("**/verktoy/samtykkjeskjema/**")
    address = box.page.url
    assert "?" not in address and "samtykke" not in address and "h=" not in address
    assert [url for url in requests if "?h=" in url or "q=" in url] == []
    assert [url for url in requests if urlsplit(url).hostname != LOCAL_HOST] == []


@pytest.mark.parametrize("model", MODELS)
def test_the_index_has_the_extra_fields(sites: Served, model: str) -> None:
    """The hook ran after the search plugin had written its index (MkDocs runs hooks after
    plugins), and the whole guide on one page ranks below the page itself."""
    index = json.loads((sites.root / model / "search" / "search_index.json").read_text("utf-8"))
    fields = index["config"]["fields"]
    assert {"title", "text", TITLE_FIELD, TEXT_FIELD} <= fields.keys()
    assert sum(TEXT_FIELD in doc for doc in index["docs"]) > len(index["docs"]) / 2
    demoted = {doc["location"] for doc in index["docs"] if doc.get("boost", 1) < 1}
    assert demoted and all(location.startswith("utskrift/") for location in demoted)
