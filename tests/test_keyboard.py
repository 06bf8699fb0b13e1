"""The keyboard on the built sites, at phone and desktop size (WCAG 2.1.1, 2.4.3, 2.4.7).

Every page of every model is walked with Tab from the top until focus comes back to the
first stop or leaves the page. Every stop must be visible where it is: the focused element
(or, for Material's visually hidden inputs, the label shown for it) has a size, lies in the
viewport after the browser scrolled to it, is drawn there (not clipped away, not hidden,
not transparent), is not in the closed navigation drawer, and shows a focus ring that
differs from the background behind it. Every flowchart node on the level pages is among
the stops, and Enter on a node follows its link.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from conftest import DATA, DIAGRAMS_DONE, MODELS, OPEN_SHADOW_ROOTS, Served

from handlingsveileder.chromium import run_here
from handlingsveileder.validate import load_models

SIZES = {"phone": (390, 844), "desktop": (1366, 900)}
MAX_STOPS = 400
"""Tab presses per page at most (the one-page print version of the largest model has more
stops than this; the rest of it repeats the pages walked on their own)."""
ENTER_NODES = 3
"""Diagram nodes per model and size followed with Enter (plus one leading to another page)."""
LOADED = load_models(DATA)
DIAGRAM_LINKS = ".hv-diagram svg a"

STOP = (
    """async () => {
  // Material reacts to focus after a 1 ms debounce (the search opens when its field takes
  // focus); let that run, then end running transitions so the final look is measured.
  await new Promise(resolve => setTimeout(resolve, 1));
  await new Promise(resolve => requestAnimationFrame(resolve));
  for (const animation of document.getAnimations()) {
    try { animation.finish(); } catch (error) { /* an endless animation */ }
  }
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const seen = window.__hvStops || (window.__hvStops = []);
  const again = seen.length > 0 && seen[0] === el;
  seen.push(el);

  const describe = e => {
    let text = e.tagName.toLowerCase();
    if (e.id) text += '#' + e.id;
    const cls = (e.getAttribute('class') || '').replace(/\\bfocus-visible\\b/, '').trim();
    if (cls) text += '.' + cls.split(/\\s+/).join('.');
    const name = e.getAttribute('aria-label') || e.getAttribute('title') || e.textContent || '';
    if (name.trim()) text += ' «' + name.replace(/\\s+/g, ' ').trim().slice(0, 60) + '»';
    const href = e.getAttribute('href') || e.getAttribute('xlink:href');
    if (href) text += ' → ' + href;
    return text;
  };
  const box = e => e.getBoundingClientRect();
  const empty = r => !(r.width > 0 && r.height > 0);
  const problems = [];

  // A visually hidden input (Material's light/dark radio) shows through its label: one of
  // its own labels, or the label right after it (the radio's visible switch).
  let shown = el;
  if (el.tagName === 'INPUT' && (empty(box(el)) || getComputedStyle(el).opacity === '0')) {
    const labels = [...(el.labels || [])];
    const next = el.nextElementSibling;
    if (next && next.tagName === 'LABEL') labels.push(next);
    shown = labels.find(label => !empty(box(label))) || null;
    if (!shown) {
      problems.push('a hidden input without a visible label');
      shown = el;
    }
  }

  const r = box(shown);
  if (empty(r)) problems.push(`no size (${r.width}×${r.height})`);
  if (r.bottom <= 0 || r.right <= 0 || r.top >= innerHeight || r.left >= innerWidth) {
    problems.push(`outside the viewport (${Math.round(r.left)}, ${Math.round(r.top)})`);
  }
  const up = a => a.parentElement ||
    (a.getRootNode() instanceof ShadowRoot ? a.getRootNode().host : null);
  for (let a = shown; a && a.nodeType === 1; a = up(a)) {
    const style = getComputedStyle(a);
    const hidden = style.display === 'none' ? 'display: none'
      : style.visibility !== 'visible' ? 'visibility: hidden'
      : parseFloat(style.opacity) === 0 ? 'opacity 0' : null;
    if (hidden) { problems.push(hidden + ' on ' + describe(a)); break; }
  }
  if (!problems.length) {
    // Drawn at its place: the browser's hit test finds it at one of nine points of the
    // part inside the viewport (clipping by a scrolling box or a closed panel removes it).
    const left = Math.max(r.left, 0), right = Math.min(r.right, innerWidth);
    const top = Math.max(r.top, 0), bottom = Math.min(r.bottom, innerHeight);
    const points = [];
    for (const fx of [0.1, 0.5, 0.9]) for (const fy of [0.1, 0.5, 0.9]) {
      points.push([left + (right - left) * fx, top + (bottom - top) * fy]);
    }
    const drawn = points.some(([x, y]) => document.elementsFromPoint(x, y)
      .some(hit => hit === shown || shown.contains(hit)));
    if (!drawn) problems.push('clipped: not drawn at its place on screen');
  }
  const drawer = document.getElementById('__drawer');
  if (el.closest('.md-sidebar--primary') && drawer && !drawer.checked &&
      matchMedia('(max-width: 76.1875em)').matches) {
    problems.push('in the closed navigation drawer');
  }

  // A focus ring: an outline (not in the colour of what is behind it) or a shadow.
  // Material's search field shows focus by opening the search instead.
  const search = el.matches('input.md-search__input');
  const style = getComputedStyle(shown);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  if (outline) {
    let behind = null;
    for (let a = shown.parentElement; a && !behind; a = a.parentElement) {
      const colour = getComputedStyle(a).backgroundColor;
      if (colour !== 'transparent' && !/^rgba\\(.*, 0\\)$/.test(colour)) behind = colour;
    }
    if (behind && behind === style.outlineColor) {
      problems.push(`focus ring in the colour of its background (${behind})`);
    }
  } else if (style.boxShadow === 'none' && !search) {
    problems.push('no focus ring (outline or shadow)');
  }

  const links = [...document.querySelectorAll('"""
    + DIAGRAM_LINKS
    + """')];
  return {again, what: describe(el), problems, diagram: links.indexOf(el)};
}"""
)
"""The current Tab stop and what keeps it from being seen; null when focus left the page."""

DIAGRAM_NODES = f"""() => [...document.querySelectorAll('{DIAGRAM_LINKS}')].map(a => ({{
  text: a.textContent.replace(/\\s+/g, ' ').trim(),
  href: a.getAttribute('href') || a.getAttribute('xlink:href'),
}}))"""

IN_VIEW = """id => {
  const target = document.getElementById(id);
  if (!target) return false;
  const r = target.getBoundingClientRect();
  return r.height > 0 && r.top >= 0 && r.top < innerHeight;
}"""


@dataclass
class Walk:
    """The Tab stops of one page at one size."""

    stops: list[dict[str, Any]]
    nodes: list[dict[str, str]]
    capped: bool


@dataclass
class Walks:
    """Every page of every model walked with Tab at every size."""

    pages: dict[tuple[str, str], Walk] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


def sized_page(browser: Any, size: str, errors: list[str]) -> Any:
    width, height = SIZES[size]
    context = browser.new_context(viewport={"width": width, "height": height})
    context.add_init_script(OPEN_SHADOW_ROOTS)
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(f"{size} {page.url}: {error}"))
    return page


def load(page: Any, url: str) -> None:
    page.goto("about:blank")  # a fresh document also when only the fragment differs
    response = page.goto(url)
    assert response is not None and response.ok, url
    page.wait_for_function(DIAGRAMS_DONE, timeout=20_000)


def tab_through(page: Any) -> Walk:
    stops: list[dict[str, Any]] = []
    capped = True
    for _ in range(MAX_STOPS):
        page.keyboard.press("Tab")
        stop = page.evaluate(STOP)
        if stop is None or stop["again"]:
            capped = False
            break
        stops.append(stop)
    return Walk(stops, page.evaluate(DIAGRAM_NODES), capped)


def walk_size(sites: Served, size: str, browser: Any) -> tuple[dict[str, Walk], list[str]]:
    """Every page of every model walked with Tab at one size, in `browser`."""
    errors: list[str] = []
    page = sized_page(browser, size, errors)
    walked = {}
    for model in MODELS:
        for path in sites.pages(model):
            load(page, sites.url(path))
            walked[path] = tab_through(page)
    page.context.close()
    return walked, errors


@pytest.fixture(scope="module")
def walks(sites: Served) -> Walks:
    """Every page of every model, walked with Tab from the top at both sizes (once for the
    module: the tests below read the same walks). The sizes are walked side by side, each
    in a Chromium of its own (one Tab press costs the page a scroll and a layout)."""
    found = Walks()
    with ThreadPoolExecutor(max_workers=len(SIZES)) as pool:
        running = {
            size: pool.submit(run_here, functools.partial(walk_size, sites, size)) for size in SIZES
        }
        for size, future in running.items():
            walked, errors = future.result()
            found.pages.update({(size, path): walk for path, walk in walked.items()})
            found.errors += errors
    return found


def level_pages(model_id: str) -> list[str]:
    return [f"{model_id}/{level.id}/" for level in LOADED[model_id].levels]


@pytest.mark.slow
def test_every_tab_stop_is_visible_on_every_page(sites: Served, walks: Walks) -> None:
    problems = []
    kinds: Counter[str] = Counter()
    for (size, path), walk in walks.pages.items():
        assert walk.stops, f"{size} {path}: Tab reaches nothing"
        for number, stop in enumerate(walk.stops, 1):
            kinds.update(problem.split(" (")[0].split(" on ")[0] for problem in stop["problems"])
            if stop["problems"]:
                where = f"{size} {path} stop {number}: {stop['what']}"
                problems.append(f"{where}: {'; '.join(stop['problems'])}")
        capped = " (stopped at the cap)" if walk.capped else ""
        print(f"{size} {path}: {len(walk.stops)} Tab stops{capped}")
    assert len(walks.pages) == len(SIZES) * sum(len(sites.pages(m)) for m in MODELS)
    assert not problems, f"{len(problems)} Tab stops not visible ({dict(kinds)}):\n" + "\n".join(
        problems[:60]
    )
    assert walks.errors == []


@pytest.mark.slow
def test_every_diagram_node_is_a_tab_stop_and_enter_follows_it(
    sites: Served, walks: Walks, playwright_chromium: Any
) -> None:
    missing = []
    for (size, path), walk in walks.pages.items():
        if path not in {p for m in MODELS for p in level_pages(m)}:
            continue
        assert not walk.capped, f"{size} {path}: more than {MAX_STOPS} Tab stops"
        reached = {stop["diagram"] for stop in walk.stops}
        for index, node in enumerate(walk.nodes):
            if index not in reached:
                missing.append(f"{size} {path}: «{node['text']}» → {node['href']} is no Tab stop")
    for model in MODELS:
        nodes = [(s, p) for (s, p), w in walks.pages.items() if p in level_pages(model) and w.nodes]
        assert len(nodes) >= len(SIZES), f"{model}: no level page with a flowchart"
    assert not missing, "\n".join(missing)

    followed = []
    errors: list[str] = []
    for size in SIZES:
        page = sized_page(playwright_chromium, size, errors)
        for model in MODELS:
            path = next(p for p in level_pages(model) if walks.pages[(size, p)].nodes)
            for index, href in chosen_nodes(walks.pages[(size, path)].nodes):
                followed.append(follow_with_enter(page, sites, size, path, index, href))
        page.context.close()
    print("\n".join(followed))
    assert errors == []


def chosen_nodes(nodes: list[dict[str, str]]) -> list[tuple[int, str]]:
    """A few nodes leading to a section of the same page, and one leading to another page."""
    here: list[tuple[int, str]] = []
    other: list[tuple[int, str]] = []
    for index, node in enumerate(nodes):
        href = node["href"]
        if href.startswith("#") and href not in {h for _, h in here} and len(here) < ENTER_NODES:
            here.append((index, href))
        elif not href.startswith("#") and not other:
            other.append((index, href))
    return here + other


def follow_with_enter(page: Any, sites: Served, size: str, path: str, index: int, href: str) -> str:
    """Tab to the diagram's node `index` from the top of `path`, press Enter: the address
    becomes the link's target, and its section (or the new page's heading) is in view."""
    url = sites.url(path)
    load(page, url)
    for _ in range(MAX_STOPS):
        page.keyboard.press("Tab")
        stop = page.evaluate(STOP)
        assert stop is not None and not stop["again"], f"{size} {path}: Tab never reached {href}"
        if stop["diagram"] == index:
            break
    target = urljoin(url, href)
    page.keyboard.press("Enter")
    where = f"{size} {path}: Enter on the node → {href}"
    try:
        page.wait_for_url(target, timeout=10_000)
    except Exception:  # Playwright's timeout: say where instead
        pytest.fail(f"{where}: the address stayed {page.url}, expected {target}")
    fragment = unquote(urlsplit(target).fragment)
    if fragment:
        try:
            page.wait_for_function(IN_VIEW, arg=fragment, timeout=10_000)
        except Exception:
            pytest.fail(f"{where}: #{fragment} is not in view after Enter")
    else:
        page.wait_for_function("() => document.querySelector('h1') !== null", timeout=10_000)
        heading = page.evaluate(
            "() => { const r = document.querySelector('h1').getBoundingClientRect(); "
            "return r.height > 0 && r.top >= 0 && r.top < innerHeight; }"
        )
        assert heading, f"{where}: the new page's heading is not in view"
    return f"{where}: {page.url}"


@pytest.fixture
def phone(playwright_chromium: Any) -> Iterator[Any]:
    errors: list[str] = []
    page = sized_page(playwright_chromium, "phone", errors)
    yield page
    page.context.close()
    assert errors == []


def focused(page: Any) -> str:
    return str(
        page.evaluate(
            "() => { const e = document.activeElement; "
            "return e ? e.tagName.toLowerCase() + '.' + (e.getAttribute('class') || '') : ''; }"
        )
    )


def tab_to(page: Any, selector: str) -> None:
    """Tab from where focus is until the element matching `selector` has it."""
    for _ in range(MAX_STOPS):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => document.activeElement.matches({selector!r})"):
            return
    pytest.fail(f"Tab never reaches {selector}")


SIDEBAR_INERT = "() => document.querySelector('.md-sidebar--primary').inert"
MENU = "button.md-header__button[data-hv-knapp]"


def test_on_a_phone_the_menu_button_opens_the_drawer_and_escape_closes_it(
    sites: Served, phone: Any
) -> None:
    load(phone, sites.url("modum/niva-1/"))
    assert phone.evaluate(SIDEBAR_INERT), "the closed drawer takes no focus"
    menu = phone.locator(MENU)
    assert menu.get_attribute("aria-label") == "Meny"
    assert phone.locator('label.md-header__button[for="__drawer"]').is_hidden()
    assert menu.get_attribute("aria-expanded") == "false"
    tab_to(phone, MENU)
    phone.keyboard.press("Enter")
    phone.wait_for_function("() => document.getElementById('__drawer').checked")
    assert not phone.evaluate(SIDEBAR_INERT) and menu.get_attribute("aria-expanded") == "true"
    tab_to(phone, ".md-sidebar--primary a.md-nav__link")
    stop = phone.evaluate(STOP)
    assert stop is not None and stop["problems"] == [], stop
    phone.keyboard.press("Escape")
    phone.wait_for_function("() => !document.getElementById('__drawer').checked")
    assert phone.evaluate(SIDEBAR_INERT) and menu.get_attribute("aria-expanded") == "false"
    assert phone.evaluate(f"() => document.activeElement.matches({MENU!r})"), focused(phone)
    # Space opens it too; a link in it leads (by instant navigation) to a page whose drawer
    # is closed and inert again.
    phone.keyboard.press(" ")
    phone.wait_for_function("() => document.getElementById('__drawer').checked")
    tab_to(phone, '.md-sidebar--primary a.md-nav__link[href$="/niva-2/"]')
    phone.evaluate("() => { window.__hvSamme = true }")
    phone.keyboard.press("Enter")
    phone.wait_for_url(sites.url("modum/niva-2/"))
    phone.wait_for_function("() => !document.getElementById('__drawer').checked")
    assert phone.evaluate("() => window.__hvSamme === true"), "instant navigation was used"
    phone.wait_for_function(SIDEBAR_INERT)


def test_the_drawer_follows_the_width(sites: Served, phone: Any) -> None:
    load(phone, sites.url("modum/"))
    assert phone.evaluate(SIDEBAR_INERT)
    phone.set_viewport_size({"width": 1366, "height": 900})
    phone.wait_for_function(f"() => !({SIDEBAR_INERT})()")
    phone.set_viewport_size({"width": 390, "height": 844})
    phone.wait_for_function(SIDEBAR_INERT)


def test_the_colour_toggle_works_from_the_keyboard_and_shows_its_focus(
    sites: Served, phone: Any
) -> None:
    load(phone, sites.url("modum/"))
    scheme = "() => document.body.getAttribute('data-md-color-scheme')"
    first = phone.evaluate(scheme)
    tab_to(phone, "input.md-option")
    stop = phone.evaluate(STOP)
    assert stop is not None and stop["problems"] == [], stop
    for key in (" ", "Enter"):
        before = phone.evaluate(scheme)
        phone.keyboard.press(key)
        phone.wait_for_function(f"() => ({scheme})() !== {before!r}")
        assert phone.evaluate("() => document.activeElement.matches('input.md-option:checked')")
        ring = phone.evaluate(
            "() => getComputedStyle(document.activeElement.nextElementSibling).outlineStyle"
        )
        assert ring == "solid", f"after {key!r}: the toggle's focus is not drawn"
    assert phone.evaluate(scheme) == first


def test_the_search_results_box_is_a_stop_only_while_results_are_shown(
    sites: Served, playwright_chromium: Any
) -> None:
    errors: list[str] = []
    page = sized_page(playwright_chromium, "desktop", errors)
    load(page, sites.url("modum/"))
    wrap = page.locator(".md-search__scrollwrap")
    assert wrap.get_attribute("tabindex") == "-1"
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially("Ressursteamet", delay=50)
    page.locator(".md-search-result__item a").first.wait_for(timeout=15_000)
    page.wait_for_function("() => document.querySelector('.md-search__scrollwrap').tabIndex === 0")
    page.keyboard.press("Escape")
    page.wait_for_function("() => !document.getElementById('__search').checked")
    assert wrap.get_attribute("tabindex") == "-1"
    page.context.close()
    assert errors == []
