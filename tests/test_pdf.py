"""The whole guide as one page (utskrift/) and as a PDF: `handlingsveileder pdf` prints every
step, role and blank form, with a table of contents, the date and the version, diagrams as
vector graphics and never split; links on the one page stay on it."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from conftest import DATA, Browser, Served
from pypdf import PdfReader
from test_site_browser import axe_problems, open_page

from handlingsveileder import cli
from handlingsveileder.markup import plain
from handlingsveileder.model import Model
from handlingsveileder.template_library import load_template
from handlingsveileder.validate import load_models

MODELS = load_models(DATA)
MERMAID_SOURCE = ("flowchart TD", "accTitle", "accDescr", "classDef", "-->", "subgraph")


def squeeze(text: str) -> str:
    """Text without any whitespace: PDF text breaks lines where the page did."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, PdfReader]:
    """`handlingsveileder pdf --model modum`: the site and its PDF."""
    root = tmp_path_factory.mktemp("pdf") / "site"
    assert cli.main(["pdf", "--model", "modum", "--site-dir", str(root)]) == 0
    return root, PdfReader(root / "modum.pdf")


def pdf_text(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def expected_texts(model: Model) -> list[str]:
    """What the PDF must hold: every step, level, role, tool and blank form's sections."""
    texts = [model.title, *(level.name for level in model.levels)]
    texts += [step.heading for _, step in model.all_steps()]
    texts += [role.name for role in model.roles.values()]
    for tool in model.tools.values():
        texts.append(tool.name)
        if tool.template:
            template = load_template(tool.template, model.language)
            texts.append(template.title)
            texts += [s.title for s in template.sections if s.id not in tool.omit]
    return [plain(text) for text in texts]


def test_the_pdf_holds_every_step_role_and_blank_form(
    printed: tuple[Path, PdfReader],
) -> None:
    _served, reader = printed
    text = pdf_text(reader)
    squeezed = squeeze(text)
    missing = [t for t in expected_texts(MODELS["modum"]) if squeeze(t) not in squeezed]
    assert missing == []
    assert "Innhold" in text and "Laget med handlingsveileder" in text
    assert re.search(r"Skrevet ut \d\d\.\d\d\.\d{4} · side 1 av \d+", text), "date in the footer"
    assert [s for s in MERMAID_SOURCE if s in text] == [], "no Mermaid source in the PDF"


def test_the_pdf_draws_diagrams_as_vectors_and_has_an_outline(
    printed: tuple[Path, PdfReader],
) -> None:
    _served, reader = printed
    images = [name for page in reader.pages for name in page.images]
    assert images == [], "flowcharts are vector graphics, not pictures"
    titles: list[str] = []
    pending: list[Any] = list(reader.outline)
    while pending:
        item = pending.pop()
        if isinstance(item, list):
            pending += item
        else:
            titles.append(str(item.title))
    assert "Nivå 1: Fra undring til tiltak" in titles
    assert "1 Undring oppstår" in titles
    # Node labels are text in the PDF, so the diagram is searchable and sharp.
    assert "Stafettlogg" in pdf_text(reader)


def test_the_site_links_the_pdf(printed: tuple[Path, PdfReader]) -> None:
    root, _reader = printed
    front = (root / "index.html").read_text(encoding="utf-8")
    whole = (root / "utskrift" / "index.html").read_text(encoding="utf-8")
    assert 'href="modum.pdf" download' in front
    assert 'href="../modum.pdf" download' in whole
    assert (root / "modum.pdf").stat().st_size > 10_000


def test_without_chromium_no_pdf_and_the_old_site_stays(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "gammel.html").write_text("før", encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("handlingsveileder.chromium.CHROMIUM", str(tmp_path / "ingen-chromium"))
        patch.setenv("HV_DIAGRAMS", "client")
        assert cli.main(["pdf", "--model", "romskog", "--site-dir", str(site)]) == 1
    err = capsys.readouterr().err
    assert "Kunne ikke lage PDF" in err and "ikke endret" in err and "Traceback" not in err
    assert [p.name for p in site.iterdir()] == ["gammel.html"]


def anchors_and_ids(page: Any) -> tuple[list[str], list[str]]:
    found: tuple[list[str], list[str]] = page.evaluate(
        """() => [
          [...document.querySelectorAll('article a[href]')]
            .filter(a => a.pathname === location.pathname && a.hash)
            .map(a => decodeURIComponent(a.hash.slice(1))),
          [...document.querySelectorAll('[id]')].map(e => e.id),
        ]"""
    )
    return found


@pytest.mark.parametrize("model", ["modum", "romskog", "bekymring-nynorsk"])
def test_the_whole_guide_page_links_within_itself_with_unique_ids(
    sites: Served, browser: Browser, model: str
) -> None:
    page = open_page(browser, sites.url(f"{model}/utskrift/"))
    anchors, ids = anchors_and_ids(page)
    twice = [ident for ident, count in Counter(ids).items() if count > 1]
    assert twice == []
    assert anchors and sorted(set(anchors) - set(ids)) == []
    steps = [step.id for _, step in MODELS[model].all_steps()]
    assert set(steps) <= set(ids)
    diagram_links = page.evaluate(
        "() => [...document.querySelectorAll('.hv-diagram svg a')].map("
        "a => a.getAttribute('href') || a.getAttribute('xlink:href'))"
    )
    assert diagram_links and all(href.startswith("#") for href in diagram_links)
    assert sorted({h[1:] for h in diagram_links} - set(ids)) == []
    assert axe_problems(page) == []


def test_printing_starts_each_page_on_a_new_sheet_and_never_splits_a_diagram(
    sites: Served, browser: Browser
) -> None:
    page = open_page(browser, sites.url("modum/utskrift/"))
    page.emulate_media(media="print")
    found = page.evaluate(
        """() => ({
          sides: [...document.querySelectorAll('h2.hv-side')].map(
            h => getComputedStyle(h).breakBefore),
          diagrams: [...document.querySelectorAll('.hv-diagram')].map(d => [
            getComputedStyle(d).breakInside, d.getBoundingClientRect().height]),
          folded: document.querySelectorAll('article details:not([open])').length,
        })"""
    )
    modum = MODELS["modum"]
    assert len(found["sides"]) == 1 + 4 + len(modum.roles) + 1 + len(modum.tools)
    assert set(found["sides"]) == {"page"}
    assert found["diagrams"] and {inside for inside, _ in found["diagrams"]} == {"avoid"}
    sheet = 297 / 25.4 * 96  # an A4 sheet's height in CSS pixels
    assert max(height for _, height in found["diagrams"]) < sheet * 0.8
    assert found["folded"] == 0, "text versions are open on paper"
