"""Reflow (WCAG 2.1 AA 1.4.10): at 320 × 640 CSS px (a 1280 px wide screen at 400 % zoom)
no page scrolls sideways and no text is cut off or sticks out of the screen, on every page
of every model, the collection index and the 404 pages. A flowchart may be wider than the
screen: it scrolls sideways in its own box, which the keyboard reaches.

And the fact box of a step (`.hv-fakta`, a definition list): a term with several values
keeps all of them beside or under itself, at phone and at desktop width."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from conftest import MODELS, Served

NARROW = {"width": 320, "height": 640}

OVERFLOW = """() => {
  const limit = window.innerWidth + 1;
  const name = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    for (const c of el.classList) s += '.' + c;
    return s;
  };
  const selector = (el) => {
    const parts = [];
    for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
      parts.unshift(name(e));
    }
    return parts.join(' > ');
  };
  // Not seen: not rendered, transparent, or visually hidden (a clipped 1 px box).
  const unseen = (el) => {
    if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true})) return true;
    for (let e = el; e; e = e.parentElement) {
      const r = e.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1) {
        const s = getComputedStyle(e);
        if (s.overflow !== 'visible' || s.clip !== 'auto' || s.clipPath !== 'none') return true;
      }
    }
    return false;
  };
  const problems = [];
  const boxes = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.trim();
    const el = node.parentElement;
    if (!text || !el || unseen(el)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const rects = [...range.getClientRects()].filter(r => r.width > 0 && r.height > 0);
    if (rects.length === 0) continue;
    const right = Math.max(...rects.map(r => r.right));
    // The nearest box that scrolls sideways holds the text; a box on the way that hides
    // what overflows it cuts the text off. (Inside a drawing its own box is what counts.)
    let box = null;
    let cut = null;
    for (let a = el.parentElement; a && !box; a = a.parentElement) {
      if (a instanceof SVGElement) continue;
      const overflow = getComputedStyle(a).overflowX;
      if (overflow === 'auto' || overflow === 'scroll') {
        box = a;
      } else if (overflow !== 'visible' && a !== document.documentElement
                 && right > a.getBoundingClientRect().right + 1) {
        cut = cut || a;
      }
    }
    const said = text.slice(0, 50);
    if (cut) {
      problems.push(`${selector(el)}: «${said}» is cut off by ${selector(cut)}`);
    } else if (box) {
      boxes.add(box);
    } else if (right > limit) {
      problems.push(`${selector(el)}: «${said}» ends at ${Math.round(right)} px, ` +
                    `right of the screen (${innerWidth} px)`);
    }
  }
  for (const box of boxes) {
    if (box === document.documentElement || box === document.body) continue;
    const r = box.getBoundingClientRect();
    if (r.right > limit) {
      problems.push(`${selector(box)}: its box ends at ${Math.round(r.right)} px`);
    }
    if (box.scrollWidth > box.clientWidth + 1 && box.tabIndex < 0) {
      problems.push(`${selector(box)}: scrolls sideways, but the keyboard cannot reach it`);
    }
  }
  return {width: document.documentElement.scrollWidth, problems};
}"""
"""The page's width, and every text that sticks out to the right of the screen or is cut
off, or a sideways scrolling box that is itself too wide or not reached by the keyboard."""


@pytest.fixture(scope="module")
def narrow(playwright_chromium: Any) -> Iterator[Any]:
    """One page in a 320 × 640 context."""
    context = playwright_chromium.new_context(viewport=NARROW)
    yield context.new_page()
    context.close()


def reflow_problems(page: Any, url: str, path: str) -> list[str]:
    response = page.goto(url, wait_until="load")
    if response is None or not response.ok:
        return [f"{path}: not served"]
    found = page.evaluate(OVERFLOW)
    problems = [f"{path}: {problem}" for problem in found["problems"]]
    if found["width"] > NARROW["width"] + 1:
        problems.append(f"{path}: the page is {found['width']} px wide and scrolls sideways")
    return problems


@pytest.mark.slow
def test_no_page_scrolls_sideways_at_320_px(sites: Served, narrow: Any) -> None:
    paths = ["", *(f"{model}/404.html" for model in MODELS)]
    paths += [path for model in MODELS for path in sites.pages(model)]
    problems = [p for path in paths for p in reflow_problems(narrow, sites.url(path), path)]
    assert problems == []


def test_the_collection_index_reflows(sites: Served, narrow: Any) -> None:
    """The collection index has its own stylesheet (collection.py); its heading is one long
    word."""
    assert reflow_problems(narrow, sites.url(""), "index") == []


FACT_BOX = """
<div class="hv-fakta"><dl>
  <dt>Ansvarlig</dt><dd>Stafettholder</dd>
  <dt>Dokumenter</dt><dd>referat</dd><dd>oppdatering av stafettlogg</dd>
  <dd>Tverrfagligsamarbeidsavtalemedforeldreneogbarnehagen</dd>
  <dt>Frist</dt><dd>innen to uker</dd><dd>før neste møte</dd>
</dl></div>"""
"""A fact box with several values per term, and a value that is one long word."""

FACT_GEOMETRY = """(added) => {
  if (added) {
    document.querySelector('article').insertAdjacentHTML('afterbegin', added);
  }
  const problems = [];
  const lists = [...document.querySelectorAll('.hv-fakta dl')];
  lists.forEach((dl, n) => {
    const box = dl.getBoundingClientRect();
    let term = null;
    let first = null;
    let last = null;
    for (const item of dl.children) {
      const r = item.getBoundingClientRect();
      const what = `list ${n + 1}: ${item.tagName.toLowerCase()} «${item.textContent.trim()}»`;
      if (r.right > box.right + 1 || item.scrollWidth > item.clientWidth + 1) {
        problems.push(`${what} sticks out of the box or is cut off`);
      }
      if (item.tagName === 'DT') {
        if (last && r.top < last.bottom - 1) {
          problems.push(`${what} starts above the end of the previous term's values`);
        }
        term = r;
        first = null;
        last = null;
        continue;
      }
      if (!term) {
        problems.push(`${what} has no term`);
        continue;
      }
      if (first === null) {
        const beside = r.left >= term.right - 1 && Math.abs(r.top - term.top) <= 2;
        const under = r.top >= term.bottom - 1 && r.left >= term.left - 1;
        if (!beside && !under) problems.push(`${what} is neither beside nor under its term`);
        first = r;
      } else {
        if (Math.abs(r.left - first.left) > 1) {
          problems.push(`${what} is not in line with the term's first value`);
        }
        if (r.top < last.bottom - 1) problems.push(`${what} overlaps the value above`);
      }
      last = r;
    }
  });
  return {lists: lists.length, problems};
}"""
"""Per definition list: each value lies beside or under its term, the values of one term
line up under each other, the next term starts below them, and nothing sticks out."""


@pytest.mark.parametrize("width", [320, 390, 1280])
def test_a_term_with_several_values_keeps_them_together(
    sites: Served, playwright_chromium: Any, width: int
) -> None:
    context = playwright_chromium.new_context(viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        page.goto(sites.url("modum/niva-2/"), wait_until="load")
        real = page.evaluate(FACT_GEOMETRY, None)
        assert real["lists"] > 0, "modum/niva-2/ has fact boxes"
        assert real["problems"] == [], f"modum/niva-2/ at {width} px"
        added = page.evaluate(FACT_GEOMETRY, FACT_BOX)
        assert added["problems"] == [], f"a fact box with several values at {width} px"
    finally:
        context.close()
