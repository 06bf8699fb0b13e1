"""The site map: every page once, in navigation order, and every step's address."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from conftest import DATA, MODELS

from handlingsveileder.links import Links, directory_url, relative_src, relative_url
from handlingsveileder.sitemap import SiteMap
from handlingsveileder.validate import load_models, load_models_text


@pytest.fixture(scope="module")
def models() -> dict[str, object]:
    return dict(load_models(DATA))


def test_pages_in_navigation_order(models: dict[str, object]) -> None:
    modum = load_models(DATA)["modum"]
    sitemap = SiteMap(modum)
    kinds = [page.kind for page in sitemap.pages]
    levels, roles = len(modum.levels), len(modum.roles)
    assert kinds[:2] == ["front", "veiviser"]
    assert sitemap.pages[1].src == "veiviser.md"
    assert kinds[2 : 2 + levels] == ["level"] * levels
    assert kinds[2 + levels : 2 + levels + roles] == ["role"] * roles
    assert kinds[2 + levels + roles] == "tool_index"
    assert set(kinds[3 + levels + roles : -1]) == {"tool"}
    assert kinds[-1] == "whole" and sitemap.pages[-1].src == "utskrift.md"
    assert len({page.src for page in sitemap.pages}) == len(sitemap.pages)
    assert [p.src for p in sitemap.pages if p.kind == "role"] == [
        "roller/stafettholder.md",
        "roller/ip-koordinator.md",
    ]


@pytest.mark.parametrize("model_id", MODELS)
def test_nav_lists_every_page_once(model_id: str) -> None:
    sitemap = SiteMap(load_models(DATA)[model_id])

    def sources(entries: Sequence[object]) -> list[str]:
        found: list[str] = []
        for entry in entries:
            assert isinstance(entry, dict)
            for target in entry.values():
                found += sources(target) if isinstance(target, list) else [target]
        return found

    assert sources(sitemap.nav()) == [page.src for page in sitemap.pages]


def test_model_without_tools_has_no_tool_section() -> None:
    text = (
        "demo:\n  title: D\n  language: nb\n  levels:\n"
        "    - id: a\n      name: A\n      steps:\n        - {id: s, title: S, end: true}\n"
    )
    sitemap = SiteMap(load_models_text(text)["demo"])
    assert [page.kind for page in sitemap.pages if page.kind.startswith("tool")] == []
    assert all(not isinstance(v, list) for entry in sitemap.nav() for v in entry.values())


def test_every_step_and_level_has_an_address() -> None:
    model = load_models(DATA)["modum"]
    sitemap = SiteMap(model)
    for level in model.levels:
        assert sitemap.locate(level.id) == (f"{level.id}.md", "")
        for step in level.steps:
            assert sitemap.locate(step.id) == (f"{level.id}.md", step.id)


def test_links_from_one_page_to_another() -> None:
    model = load_models(DATA)["modum"]
    links = Links(SiteMap(model), directory_url)
    step = model.levels[1].steps[0]
    assert links.to_target(step.id, "niva-1.md") == f"#{step.id}"
    assert links.to_target(step.id, "index.md") == f"niva-1.md#{step.id}"
    assert links.to_target("niva-2", "niva-1.md") == "niva-2.md"
    assert links.to_page("niva-1.md", "verktoy/referatmal.md", "x") == "../niva-1.md#x"
    href = links.diagram("niva-2.md")
    assert href(step.id) == f"../niva-1/#{step.id}"
    assert href("niva-2") == "#"
    assert links.diagram("index.md")(step.id) == f"niva-1/#{step.id}"


@pytest.mark.parametrize(
    ("target", "page", "expected"),
    [
        ("niva-2/", "niva-1/", "../niva-2/"),
        ("", "niva-1/", "../"),
        ("niva-1/", "", "niva-1/"),
        ("verktoy/x/", "niva-1/", "../verktoy/x/"),
        ("niva-1/", "niva-1/", "./"),
    ],
)
def test_relative_url(target: str, page: str, expected: str) -> None:
    assert relative_url(target, page) == expected


def test_relative_src_and_directory_url() -> None:
    assert relative_src("verktoy/x.md", "niva-1.md") == "verktoy/x.md"
    assert relative_src("niva-1.md", "verktoy/index.md") == "../niva-1.md"
    assert directory_url("index.md") == ""
    assert directory_url("niva-0.md") == "niva-0/"
    assert directory_url("verktoy/index.md") == "verktoy/"
