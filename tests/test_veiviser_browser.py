"""The veiviser and the front page in Chromium, at phone and desktop size, on the built sites.

Every walk of every model (generated from the graph by `wizard.walks`) is clicked through:
each screen shows what the model gives for it (deadline, responsible, tools), the current
place is marked in the level's flowchart and text version, the walk is in the URL fragment,
and axe finds nothing on any screen visited.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest
from conftest import DATA, MODELS, OPEN_SHADOW_ROOTS, Served
from test_site_browser import AXE, AXE_TAGS, axe_problems

from handlingsveileder import graph, wizard
from handlingsveileder.model import Model
from handlingsveileder.validate import load_models

SIZES = {"phone": (390, 844), "desktop": (1366, 900)}
LOADED = load_models(DATA)
VISIBLE = "document.querySelectorAll('.hv-vv-skjerm:not([hidden])')"
NO_STORAGE = """async () => ({
  local: localStorage.length,
  session: sessionStorage.length,
  cookie: document.cookie,
  databases: indexedDB.databases ? (await indexedDB.databases()).length : 0,
})"""


@pytest.fixture(params=list(SIZES), scope="module")
def size(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def tab(playwright_chromium: Any, size: str) -> Any:
    """A page at the size, recording every request and every script error."""
    width, height = SIZES[size]
    context = playwright_chromium.new_context(viewport={"width": width, "height": height})
    context.add_init_script(OPEN_SHADOW_ROOTS)
    page = context.new_page()
    page.hv_requests = []
    page.hv_errors = []
    page.on("request", lambda request: page.hv_requests.append(request.url))
    page.on("pageerror", lambda error: page.hv_errors.append(str(error)))
    yield page
    assert page.hv_errors == []
    assert {urlsplit(url).hostname for url in page.hv_requests} <= {"127.0.0.1"}
    context.close()


def screen_axe_problems(page: Any) -> list[str]:
    """axe on what changes from screen to screen: the veiviser and the shown flowchart (the
    whole page is checked once per model and size)."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async tags => await axe.run(
             {include: [['.hv-vv'], ...[...document.querySelectorAll('.hv-vv-kart')]
               .filter(c => !c.hidden).map(c => ['#' + c.querySelector('h3').id])]},
             {runOnly: {type: 'tag', values: tags}})""",
        AXE_TAGS,
    )
    return [f"{v['id']}: {v['help']} ({v['nodes'][0]['target']})" for v in result["violations"]]


def current(page: Any) -> str:
    shown = page.evaluate(f"[...{VISIBLE}].map(s => s.dataset.hvSkjerm)")
    assert len(shown) == 1, shown
    return str(shown[0])


def fragment(made: list[tuple[str, int]], here: str) -> str:
    return "#vei=" + ",".join([f"{screen}:{number}" for screen, number in made] + [here])


def control(page: Any, screen: str, number: int) -> Any:
    return page.locator(f'[data-hv-skjerm="{screen}"] .hv-vv-valg a[data-hv-nr="{number}"]')


def assert_screen_shows_the_model(page: Any, model: Model, screen: str) -> None:
    """A step's deadline, responsible roles, who, and tools are on its screen; every control
    names the step it belongs to; the emergency contacts are one tap away."""
    section = page.locator(f'[data-hv-skjerm="{screen}"]')
    text = " ".join(section.inner_text().split())
    if screen in model.step_index:
        step = model.step_index[screen][1]
        if step.deadline:
            assert " ".join(step.deadline.split()) in text, screen
        for role in step.responsible:
            assert model.roles[role].name in text, screen
        for tool in step.tools:
            link = section.locator(f'a[href*="/verktoy/{tool}/"]')
            assert link.count() >= 1, (screen, tool)
        name = section.get_attribute("data-hv-navn")
        for link in section.locator(".hv-vv-valg a").all():
            assert name in link.text_content(), (screen, "control without its step")
    acute = page.locator("[data-hv-styring] a.hv-vv-akutt")
    assert acute.is_visible() and acute.get_attribute("href").endswith("/#akutt")
    if model.emergency or model.warnings:
        box = page.evaluate(
            "() => { const e = [...document.querySelectorAll('.hv-akutt__full, "
            ".hv-akutt__kort summary')].find(e => e.offsetParent !== null); "
            "if (!e) return null; const r = e.getBoundingClientRect(); "
            "return {top: r.top, bottom: r.bottom}; }"
        )
        assert box is not None


def assert_marked(page: Any, screen: str) -> None:
    """The current step is marked in the shown flowchart and in its text version."""
    marked = page.evaluate(
        """() => {
          const charts = [...document.querySelectorAll('.hv-vv-kart')].filter(c => !c.hidden);
          return {
            charts: charts.map(c => c.dataset.hvNiva),
            nodes: [...document.querySelectorAll('.hv-diagram .hv-vv-her')]
              .map(n => n.getAttribute('data-hv-node')),
            text: [...document.querySelectorAll('a[aria-current="step"]')]
              .map(a => a.getAttribute('href').split('#').pop()),
          };
        }"""
    )
    assert len(marked["charts"]) == 1, marked
    assert set(marked["nodes"]) == {screen}, marked
    assert set(marked["text"]) == {screen}, marked


@pytest.mark.slow
@pytest.mark.parametrize("model_id", MODELS)
def test_every_walk_of_the_graph_reaches_its_end(
    sites: Served, tab: Any, size: str, model_id: str
) -> None:
    model = LOADED[model_id]
    screens = wizard.screens(model)
    base = sites.url(f"{model_id}/veiviser/")
    tab.goto(base)
    assert axe_problems(tab) == []
    checked: set[str] = set()
    for made, end in wizard.walks(model):
        tab.locator("[data-hv-omstart]").click()
        assert current(tab) == wizard.first_screen(model)
        walked: list[tuple[str, int]] = []
        for screen, number in [*made, (end, -1)]:
            assert current(tab) == screen
            assert tab.url.endswith(fragment(walked, screen))
            if screen not in checked:
                checked.add(screen)
                assert_screen_shows_the_model(tab, model, screen)
                if screen in model.step_index:
                    assert_marked(tab, screen)
                assert screen_axe_problems(tab) == [], (model_id, screen)
            if number >= 0:
                control(tab, screen, number).click()
                walked.append((screen, number))
        assert screens[end].choices == () or {c.target for c in screens[end].choices} <= {
            s for s, _ in made
        } | {end}
    assert tab.evaluate(NO_STORAGE) == {"local": 0, "session": 0, "cookie": "", "databases": 0}
    assert {s for s in graph.reachable(model) if s in model.step_index} <= checked


def test_reload_tilbake_and_endre_follow_the_walk_not_the_history(sites: Served, tab: Any) -> None:
    tab.goto(sites.url("modum/veiviser/"))
    history = tab.evaluate("history.length")
    for screen, number in [
        ("n0-undring-oppstar", 0),
        ("n0-konkretiser-undringen", 0),
        ("n0-del-undringen", 0),
        ("n0-grunn-til-videre-oppfolging", 0),
        ("niva-1", 0),
    ]:
        control(tab, screen, number).click()
    assert current(tab) == "n1-skap-felles-forstaelse"
    walk = tab.url.split("#", 1)[1]
    assert tab.evaluate("history.length") == history  # the walk is not browser history
    tab.reload()
    assert current(tab) == "n1-skap-felles-forstaelse" and tab.url.endswith(walk)
    answers = tab.locator("[data-hv-liste] li")
    assert answers.count() == 1
    assert "Steg 4" in answers.first.inner_text()
    back = tab.locator("[data-hv-tilbake]")
    assert back.inner_text() == "Tilbake til Nivå 1: Fra undring til tiltak"
    back.click()
    assert current(tab) == "niva-1"
    back.click()
    assert current(tab) == "n0-grunn-til-videre-oppfolging"
    assert answers.count() == 0  # the answer of the screen gone back to is dropped
    control(tab, "n0-grunn-til-videre-oppfolging", 1).click()
    assert current(tab) == "n0-avslutt-oppfolgingen"
    assert tab.locator('[data-hv-utfall="n0-grunn-til-videre-oppfolging:1"]').is_visible()
    change = tab.locator("[data-hv-endre]")
    assert change.get_attribute("aria-label") == "Endre svaret i Steg 4"
    change.click()
    assert current(tab) == "n0-grunn-til-videre-oppfolging"
    assert tab.url.endswith(
        "#vei=n0-undring-oppstar:0,n0-konkretiser-undringen:0,n0-del-undringen:0,"
        "n0-grunn-til-videre-oppfolging"
    )
    assert answers.count() == 0


def test_a_shared_link_opens_its_screen_and_a_broken_one_as_much_as_holds(
    sites: Served, tab: Any
) -> None:
    base = sites.url("romskog/veiviser/")
    tab.goto(base + "#vei=~start:1,steg-1b:1,steg-2b:0,steg-3a")
    assert current(tab) == "steg-3a"
    tab.goto(sites.url("modum/"))
    tab.goto(base + "#vei=~start:1,steg-1b:7,steg-2b")  # no 8th choice: stop at steg-1b
    assert current(tab) == "steg-1b"
    tab.goto(sites.url("modum/"))
    tab.goto(base + "#vv-melding")
    assert current(tab) == "melding"
    assert "Hva nå?" in tab.locator('[data-hv-skjerm="melding"]').inner_text()


def test_keyboard_alone_walks_and_the_focus_follows_the_screen(sites: Served, tab: Any) -> None:
    tab.goto(sites.url("bekymring-nynorsk/veiviser/"))
    assert current(tab) == wizard.START
    first = control(tab, wizard.START, 0)
    first.focus()
    tab.keyboard.press("Enter")
    assert current(tab) == "steg-1a"
    assert tab.evaluate("document.activeElement.id") == "vv-steg-1a-tittel"
    tab.keyboard.press("Tab")
    for _ in range(40):
        if tab.evaluate("document.activeElement.matches('.hv-vv-valg a')"):
            break
        tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.closest('[data-hv-skjerm]').dataset.hvSkjerm") == (
        "steg-1a"
    )
    tab.keyboard.press("Enter")
    assert current(tab) in {"steg-2a", "steg-2b"}
    assert tab.locator("[data-hv-tilbake]").inner_text().startswith("Tilbake til Steg 1a")
    assert tab.locator(".hv-vv-dine h2").inner_text().startswith("Vala dine")


@pytest.mark.parametrize("model_id", MODELS)
def test_start_her_reaches_the_start_step_in_one_tap(
    sites: Served, tab: Any, model_id: str
) -> None:
    model = LOADED[model_id]
    tab.goto(sites.url(f"{model_id}/"))
    link = tab.locator("#start-her ~ ul a").first
    link.click()
    tab.wait_for_url("**/veiviser/**")
    tab.wait_for_function("document.querySelector('[data-hv-veiviser]')?.hvWizard")
    starts = [c.target for c in wizard.screens(model)[wizard.first_screen(model)].choices]
    assert current(tab) in {wizard.first_screen(model), *starts}
    assert current(tab) in model.step_index or current(tab) in model.level_index
    assert axe_problems(tab) == []


@pytest.mark.parametrize("model_id", MODELS)
def test_the_front_page_passes_axe_and_keeps_the_emergency_bar_in_reach(
    sites: Served, tab: Any, size: str, model_id: str
) -> None:
    tab.goto(sites.url(f"{model_id}/"))
    assert axe_problems(tab) == []
    if size != "phone":
        assert tab.locator(".hv-akutt__full").first.is_visible()
        return
    tab.mouse.wheel(0, 3000)
    summary = tab.locator(".hv-akutt__kort summary")
    assert summary.is_visible()
    box = summary.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 844 and box["height"] <= 60
    summary.click()
    call = tab.locator(".hv-akutt__kort a.hv-tel").first
    assert call.is_visible() and call.get_attribute("href").startswith("tel:")
    assert axe_problems(tab) == []
