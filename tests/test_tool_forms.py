"""The tools an employee can use: each tool page in Chromium, as a person fills and prints it.

A template is a form that keeps nothing (not after reload, not after going back, not in any
storage), cannot be submitted, prints every word typed without the site around it, speaks
the model's language form, and passes axe. Served on 127.0.0.1 from the `--all` build.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from conftest import DATA, MODELS, Browser, Served
from test_site_browser import axe_problems

from handlingsveileder.validate import load_models

LONG = " ".join(f"Setning {n} om det jeg så i garderoben ved henting." for n in range(1, 41))
"""A long text: it must print in full, not cut off at the field's height."""

TEMPLATE_PAGES = [
    (model_id, f"{model_id}/verktoy/{tool_id}/")
    for model_id, model in load_models(DATA).items()
    for tool_id, tool in model.tools.items()
    if tool.template
]

FILL = """
(long) => {
  const typed = [];
  document.querySelectorAll('.hv-felter input, .hv-felter textarea').forEach((f, n) => {
    if (f.type === 'checkbox' || f.type === 'radio') { f.click(); return; }
    const value = f.type === 'date' ? '2026-11-2' + (n % 9) :
      f.tagName === 'TEXTAREA' ? long : 'Skrevet ' + n;
    f.focus();
    f.value = value;
    f.dispatchEvent(new Event('input', {bubbles: true}));
    typed.push(value);
  });
  return typed;
}
"""
KEPT = """
() => [...document.querySelectorAll('.hv-felter input, .hv-felter textarea')].filter(
  f => (f.type === 'checkbox' || f.type === 'radio') ? f.checked : f.value !== '').length
"""
STORED = """
() => {
  const all = [];
  for (const store of [localStorage, sessionStorage]) {
    for (let i = 0; i < store.length; i++) all.push(store.getItem(store.key(i)));
  }
  return {stored: all.join('\\n'), cookie: document.cookie};
}
"""


def open_tool(browser: Browser, url: str) -> Any:
    page = browser.new_page()
    response = page.goto(url)
    assert response is not None and response.ok, url
    page.wait_for_load_state("load")
    return page


def fill_everything(page: Any) -> list[str]:
    typed: list[str] = page.evaluate(FILL, LONG)
    assert typed, "the template has fields"
    assert page.evaluate(KEPT) > 0
    return typed


def assert_nothing_kept(page: Any, typed: list[str]) -> None:
    assert page.evaluate(KEPT) == 0
    found = page.evaluate(STORED)
    assert found["cookie"] == ""
    for value in typed:
        assert value not in found["stored"]


@pytest.mark.slow
@pytest.mark.parametrize(("model_id", "path"), TEMPLATE_PAGES, ids=[p for _m, p in TEMPLATE_PAGES])
def test_every_template_page_is_a_form_that_keeps_nothing(
    sites: Served, browser: Browser, model_id: str, path: str
) -> None:
    page = open_tool(browser, sites.url(path))
    assert page.locator(".hv-lagres-ikke").is_visible()
    assert page.locator("[data-hv-print]").is_visible()
    # Every field has a label a person can see.
    unlabelled = page.evaluate(
        """() => [...document.querySelectorAll('.hv-felter input, .hv-felter textarea')]
        .filter(f => {
          if (f.labels && f.labels.length && f.labels[0].offsetParent) return false;
          const cell = f.closest('td');
          if (cell) return !cell.closest('table').querySelector('th').offsetParent;
          return true;
        }).map(f => f.id || f.name)"""
    )
    assert unlabelled == []
    typed = fill_everything(page)
    page.reload()
    page.wait_for_load_state("load")
    assert_nothing_kept(page, typed)
    assert axe_problems(page) == [], path
    assert browser.errors == []
    assert browser.foreign_requests() == []


def test_going_away_and_back_keeps_nothing(sites: Served, browser: Browser) -> None:
    page = open_tool(browser, sites.url("modum/verktoy/observasjonsskjema/"))
    typed = fill_everything(page)
    page.goto(sites.url("modum/niva-0/"))
    page.go_back()
    page.wait_for_url(re.compile(r"/verktoy/observasjonsskjema/$"))
    page.wait_for_load_state("load")
    assert_nothing_kept(page, typed)
    assert browser.foreign_requests() == []


def test_a_form_has_no_way_to_submit(sites: Served, browser: Browser) -> None:
    page = open_tool(browser, sites.url("romskog/verktoy/samtykkeskjema/"))
    assert page.locator(".hv-felter").count() > 0
    assert (
        page.evaluate(
            "() => [...document.querySelectorAll('.hv-felter')].some(f => f.closest('form'))"
        )
        is False
    )
    assert page.locator("main button[type=submit], main input[type=submit]").count() == 0
    assert page.locator("main form").count() == 0
    before = page.url
    field = page.locator("#felt-barn-navn")
    field.fill("Ola")
    field.press("Enter")
    page.wait_for_timeout(300)
    assert page.url == before and "Ola" not in page.url
    assert not any("Ola" in url for url in browser.requests)


def test_print_shows_every_word_typed_and_hides_the_site(sites: Served, browser: Browser) -> None:
    page = open_tool(browser, sites.url("modum/verktoy/observasjonsskjema/"))
    page.set_viewport_size({"width": 390, "height": 844})
    area = page.locator(".hv-felter textarea").first
    area.fill(LONG)
    empty_id = page.locator(".hv-felter input[type=text]").first.get_attribute("id")
    page.emulate_media(media="print")
    copy = page.locator(f'[data-hv-speil="{area.get_attribute("id")}"]')
    assert copy.is_visible() and copy.inner_text() == LONG
    clipped = copy.evaluate("e => e.scrollHeight > e.clientHeight + 1")
    assert clipped is False, "a long text is printed in full"
    assert not area.is_visible()
    empty = page.locator(f'[data-hv-speil="{empty_id}"]')
    assert empty.is_visible() and empty.inner_text() == ""
    box = empty.bounding_box()
    assert box is not None and box["height"] > 10, "an empty field prints as a line"
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", "[data-hv-print]"):
        assert not page.locator(chrome).first.is_visible(), chrome
    assert page.locator(".admonition").filter(has_text="Forslag til mal").is_visible()
    assert browser.errors == []


def test_the_nynorsk_model_gets_the_nynorsk_template(sites: Served, browser: Browser) -> None:
    page = open_tool(browser, sites.url("bekymring-nynorsk/verktoy/samtykkjeskjema/"))
    text = page.locator("main").inner_text()
    assert "Det du skriv her, vert ikkje lagra" in text
    assert "Framlegg til mal, ikkje skjemaet til kommunen" in text
    assert "forvaltningslova § 13 a" in text
    assert "Det du skriver her" not in text and "forvaltningsloven" not in text


def test_a_step_says_what_kind_of_tool_it_links_to(sites: Served, browser: Browser) -> None:
    page = open_tool(browser, sites.url("modum/niva-2/"))
    item = page.locator("article li").filter(has_text="Visma stafettlogg, brukerveileder").first
    assert "(fagsystem)" in item.inner_text()
    item.locator("a").click()
    page.wait_for_url(re.compile(r"/verktoy/visma-stafettlogg-brukerveileder/(#.*)?$"))
    assert "Visma Flyt Samspill" in page.locator("main").inner_text()


@pytest.mark.parametrize("model_id", MODELS)
def test_no_tool_page_says_the_kommune_will_add_it_later(
    sites: Served, browser: Browser, model_id: str
) -> None:
    page = browser.new_page()
    for path in sites.pages(model_id):
        if "/verktoy/" in path:
            page.goto(sites.url(path))
            assert "legger inn sin mal" not in page.locator("main").inner_text(), path
