"""The veiviser's screens come from the model's graph: every model, every kind of place."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DATA, MODELS

from handlingsveileder import graph, wizard
from handlingsveileder.emergency import emergency_view
from handlingsveileder.links import directory_url
from handlingsveileder.model import END
from handlingsveileder.pages import render_pages
from handlingsveileder.settings import SettingsError, resolve
from handlingsveileder.sitemap import INDEX, VEIVISER
from handlingsveileder.validate import load_models

LOADED = load_models(DATA)


@pytest.mark.parametrize("model_id", MODELS)
def test_every_choice_leads_to_a_screen_and_every_step_has_one(model_id: str) -> None:
    model = LOADED[model_id]
    screens = wizard.screens(model)
    assert wizard.first_screen(model) in screens
    for screen in screens.values():
        for choice in screen.choices:
            assert choice.target in screens, (screen.id, choice)
    for level, step in model.all_steps():
        assert screens[step.id].level == level.id
        answers = [c for c in screens[step.id].choices if c.outcome is not None]
        assert [c.outcome for c in answers] == list(range(len(step.outcomes)))


def test_an_outcome_with_several_targets_is_a_fork_and_parallel_starts_a_start_screen() -> None:
    modum = wizard.screens(LOADED["modum"])
    fork = modum["n1-oppfolgingssamtale~1"]
    assert fork.kind == "fork"
    assert [c.target for c in fork.choices] == ["n1-iverksett-tiltak", "n1-ressursteam"]
    romskog = LOADED["romskog"]
    assert wizard.first_screen(romskog) == wizard.START
    start = wizard.screens(romskog)[wizard.START]
    assert [c.target for c in start.choices] == ["steg-1a", "steg-1b"]
    assert wizard.first_screen(LOADED["modum"]) == "n0-undring-oppstar"


def test_levels_without_steps_exits_and_the_end_are_screens() -> None:
    screens = wizard.screens(LOADED["samarbeidsmodellen"])
    assert screens["niva-1"].kind == "level" and screens["niva-1"].choices == ()
    romskog = wizard.screens(LOADED["romskog"])
    assert romskog["melding"].kind == "exit" and romskog["melding"].choices == ()
    assert romskog[END].kind == "end"
    nynorsk = wizard.screens(LOADED["bekymring-nynorsk"])
    assert nynorsk["steg-3a"].choices == ()  # an open end: the source says nothing more
    assert [c.target for c in nynorsk["steg-2b"].choices] == ["steg-3a", "steg-3b"]


@pytest.mark.parametrize("model_id", MODELS)
def test_every_walk_ends_where_the_veiviser_ends_or_would_repeat(model_id: str) -> None:
    model = LOADED[model_id]
    screens = wizard.screens(model)
    walks = list(wizard.walks(model))
    assert walks
    covered = set()
    for made, here in walks:
        seen = [screen for screen, _ in made]
        assert len(seen) == len(set(seen))
        onward = {c.target for c in screens[here].choices} - {here}
        assert onward <= set(seen), (made, here)  # nothing new to go to
        covered.update([*seen, here])
    reachable = graph.reachable(model)
    assert {s for s in reachable if s in model.step_index} <= covered


def test_the_veiviser_page_links_every_choice_to_its_screen() -> None:
    pages = {p.src_uri: p.markdown for p in render_pages(LOADED["modum"], directory_url)}
    text = pages[VEIVISER]
    assert text.startswith("---\nhide:\n  - toc\nsearch:\n  exclude: true\n---\n")
    for screen in wizard.screens(LOADED["modum"]).values():
        assert f'id="vv-{screen.id}"' in text
        for number, choice in enumerate(screen.choices):
            assert f'href="#vv-{choice.target}" data-hv-nr="{number}"' in text


def test_the_front_page_starts_from_situations() -> None:
    pages = {p.src_uri: p.markdown for p in render_pages(LOADED["modum"], directory_url)}
    front = pages[INDEX]
    order = [
        "## Akutt: mistanke om vold eller overgrep {#akutt}",
        "## Jeg er bekymret – start her {#start-her}",
        "## Nivåene {#nivaene}",
        "## Jeg står ved en beslutning {#beslutning}",
        "## Oversikt over nivåene",
    ]
    places = [front.index(heading) for heading in order]
    assert places == sorted(places)
    assert "- [1 Undring oppstår](veiviser.md#vv-n0-undring-oppstar)" in front
    for level, step in LOADED["modum"].all_steps():
        if step.outcomes:
            assert f"{level.id}.md#{step.id})" in front.split("{#beslutning}")[1]
    nynorsk = {
        p.src_uri: p.markdown for p in render_pages(LOADED["bekymring-nynorsk"], directory_url)
    }
    assert "## Eg er bekymra – start her {#start-her}" in nynorsk[INDEX]


def test_national_numbers_stand_where_the_source_gives_none_marked_and_can_be_turned_off() -> None:
    romskog = LOADED["romskog"]
    view = emergency_view(romskog, national_numbers=True)
    assert view is not None and view.added_by_tool
    assert [c.phone for c in view.contacts] == ["112", "113", "116 111", "112"]
    front = render_pages(romskog, directory_url)[0].markdown
    assert "Nasjonale nødnumre" in front and "Lagt til av publiseringsverktøyet" in front
    assert "(tel:116111)" in front
    off = render_pages(romskog, directory_url, national_numbers=False)[0].markdown
    assert "116111" not in off and "Nasjonale" not in off
    modum = emergency_view(LOADED["modum"], national_numbers=True)
    assert modum is not None and not modum.added_by_tool  # the source's own numbers


def test_the_national_numbers_setting_must_be_true_or_false(tmp_path: Path) -> None:
    extra: dict[str, dict[str, object]] = {
        "handlingsveileder": {"model": "modum", "national_numbers": "nei"}
    }
    with pytest.raises(SettingsError, match=r"national_numbers.*true eller false"):
        resolve(extra, tmp_path, {})
    extra["handlingsveileder"]["national_numbers"] = False
    assert resolve(extra, tmp_path, {}).national_numbers is False
