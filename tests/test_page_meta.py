"""What every page carries besides its content: a meta description from the model, the
canonical address (with `/<id>/` for every site built with --all), a 404 page in the site's
language that works in a folder, permalinks titled in Norwegian, the emergency bar named for
what it holds, and Material's markup repaired where the Nu HTML Checker or axe reject it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from conftest import MODELS, Browser, Served, one_step_model

from handlingsveileder import cli, mkdocs_adapter
from handlingsveileder.banner import announce_html
from handlingsveileder.markup_repair import repairs
from handlingsveileder.pages import render_pages
from handlingsveileder.pages.description import LIMIT, shortened
from handlingsveileder.validate import load_models

DATA = Path(__file__).parents[1] / "data" / "models.yaml"
SMALL = one_step_model(level="purpose: 'Når du undrer deg: \"snakk\" med <barnet> & foreldrene.'")


def meta_description(html: str) -> str | None:
    found = re.search(r'<meta name="description" content="([^"]*)">', html)
    return found.group(1) if found else None


def built_pages(sites: Served, model: str) -> list[Path]:
    return [sites.root / p / "index.html" for p in sites.pages(model)]


def test_every_page_has_its_own_description(sites: Served) -> None:
    for model in MODELS:
        seen: dict[str, Path] = {}
        for page in built_pages(sites, model):
            description = meta_description(page.read_text(encoding="utf-8"))
            assert description, page
            assert len(description) <= LIMIT + 80, page
            if "/verktoy/" not in page.as_posix():  # tools without words share the pattern
                assert description not in seen, (page, seen.get(description))
            seen[description] = page


def test_a_level_is_described_by_its_purpose_escaped(tmp_path: Path) -> None:
    models = load_models_text(SMALL, tmp_path)
    pages = {p.src_uri: p for p in render_pages(models["demo"], lambda src: src)}
    level = next(p for uri, p in pages.items() if "niva-1" in uri)
    assert level.description.startswith('Når du undrer deg: "snakk" med <barnet> & foreldrene.')


def load_models_text(text: str, tmp_path: Path) -> dict[str, Any]:
    data = tmp_path / "models.yaml"
    data.write_text(text, encoding="utf-8")
    return dict(load_models(data, str(data)))


def test_the_description_reaches_the_page_escaped(
    tmp_path: Path, project_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project_copy / "data" / "models.yaml").write_text(SMALL, encoding="utf-8")
    site = tmp_path / "site"
    config = str(project_copy / "mkdocs.yml")
    monkeypatch.setenv("HV_DIAGRAMS", "client")
    assert cli.main(["build", "--config", config, "--model", "demo", "--site-dir", str(site)]) == 0
    html = (site / "niva-1" / "index.html").read_text(encoding="utf-8")
    assert meta_description(html) == (
        "Når du undrer deg: &quot;snakk&quot; med &lt;barnet&gt; &amp; foreldrene. (Demo)"
    )


def test_a_long_text_is_cut_at_a_sentence_or_a_word() -> None:
    sentence = "Dette er en setning med noen ord. "
    assert shortened(sentence * 3) == sentence * 3
    cut = shortened(sentence * 20)
    assert len(cut) <= LIMIT and cut.endswith(".")
    words = shortened("ord " * 100)
    assert len(words) <= LIMIT and words.endswith("ord…")


def test_every_site_of_all_has_its_own_canonical_address(sites: Served) -> None:
    for model in MODELS:
        for page in built_pages(sites, model):
            html = page.read_text(encoding="utf-8")
            canonical = re.search(r'<link rel="canonical" href="([^"]*)">', html)
            path = page.parent.relative_to(sites.root).as_posix()
            assert canonical and canonical.group(1) == sites.url(path + "/"), page


def test_all_without_an_address_takes_it_from_mkdocs_yml(tmp_path: Path) -> None:
    config = Path(__file__).parents[1] / "mkdocs.yml"
    site = tmp_path / "site"
    args = ["build", "--all", "--config", str(config), "--site-dir", str(site)]
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HV_DIAGRAMS", "client")
        assert cli.main(args) == 0
    html = (site / "romskog" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="http://127.0.0.1:8000/romskog/">' in html
    assert 'href="/romskog/assets/stylesheets/' in (site / "romskog" / "404.html").read_text(
        encoding="utf-8"
    )


@pytest.mark.parametrize(
    ("model", "heading", "front"),
    [
        ("romskog", "Fant ikke siden", "Forside"),
        ("bekymring-nynorsk", "Fann ikkje sida", "Framside"),
    ],
)
def test_the_404_page_is_styled_and_speaks_the_sites_language(
    sites: Served, browser: Browser, model: str, heading: str, front: str
) -> None:
    page = browser.new_page()
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.goto(sites.url(f"{model}/404.html"))
    assert failed == [sites.url(f"{model}/404.html")] or failed == []
    assert page.locator("h1").inner_text() == heading
    assert heading in page.title()
    # Material's styles arrived: the header is a sticky bar of the primary colour.
    assert page.locator(".md-header").evaluate("e => getComputedStyle(e).position") == "sticky"
    page.get_by_role("link", name=front, exact=True).last.click()
    page.wait_for_url(sites.url(f"{model}/"))


def test_permalinks_are_titled_in_the_sites_language(sites: Served) -> None:
    nb = (sites.root / "modum" / "index.html").read_text(encoding="utf-8")
    nn = (sites.root / "bekymring-nynorsk" / "index.html").read_text(encoding="utf-8")
    assert 'class="headerlink"' in nb and "Permanent link" not in nb + nn
    assert 'title="Lenke til denne delen"' in nb and 'title="Lenkje til denne delen"' in nn


def test_a_bar_of_rules_alone_is_a_reminder_not_akutt(tmp_path: Path) -> None:
    text = SMALL.replace("  levels:", "  warnings:\n    - text: Dokumenter alt.\n  levels:")
    model = load_models_text(text, tmp_path)["demo"]
    bar = announce_html(model, national_numbers=False)
    assert 'aria-label="Husk"' in bar and "Akutt" not in bar and "Ring" not in bar
    with_numbers = announce_html(model, national_numbers=True)
    assert 'aria-label="Akutt"' in with_numbers


def test_every_repair_still_finds_materials_markup(
    tmp_path: Path, project_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new Material version that changed its markup shows here, instead of a repair that
    silently does nothing."""
    raw: list[str] = []

    def keep(html: str, search_name: str) -> str:
        raw.append(html)
        return html

    monkeypatch.setattr(mkdocs_adapter, "repair_page", keep)
    monkeypatch.setenv("HV_DIAGRAMS", "client")
    roles = "  roles:\n    laerer: {name: Lærer}\n"  # a navigation section (Roller)
    (project_copy / "data" / "models.yaml").write_text(SMALL + roles, encoding="utf-8")
    config = str(project_copy / "mkdocs.yml")
    site = str(tmp_path / "site")
    assert cli.main(["build", "--config", config, "--model", "demo", "--site-dir", site]) == 0
    page = "\n".join(raw)  # the site's pages: some repairs concern one kind of page
    for fix in repairs("Søk"):
        repaired, count = fix.apply(page)
        assert count > 0, fix.why
        assert fix.apply(repaired)[1] == 0, fix.why  # once is enough


def test_built_pages_carry_none_of_the_repaired_faults(sites: Served) -> None:
    for model in MODELS:
        for page in [*built_pages(sites, model), sites.root / model / "404.html"]:
            html = page.read_text(encoding="utf-8")
            assert 'autocorrect="off"' not in html and 'tabindex=""' not in html, page
            assert not re.search(r'<input class="md-toggle"[^>]*autocomplete', html), page
            assert re.search(r'<div class="md-search"[^>]*role="dialog" aria-label="Søk', html)
