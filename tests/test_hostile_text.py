"""No text from the data can break a diagram or run script on the site."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import CONFIG, DIAGRAMS_DONE, FIND_SVGS, ROOT, Browser, Served, built_and_served

from handlingsveileder.pages import forms, tools
from handlingsveileder.template_library import (
    LegalReference,
    Link,
    Template,
    TemplateField,
    TemplateSection,
)

NASTY = ROOT / "tests" / "fixtures" / "nasty" / "models.yaml"
NASTY_ARGS = ["--config", str(CONFIG), "--data", str(NASTY), "--model", "nasty"]


@pytest.fixture(scope="module", params=["svg", "client"])
def nasty_site(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[Served]:
    """The hostile model, with its charts drawn at build time and (fallback) in the browser."""
    root = tmp_path_factory.mktemp("nasty") / "site"
    with built_and_served(root, NASTY_ARGS, diagrams=request.param) as served:
        yield served


def test_hostile_labels_render_as_text(nasty_site: Served, browser: Browser) -> None:
    page = browser.new_page()
    dialogs = browser.refuse_dialogs(page)
    for path in ("", "verktoy/verktoy-1/", "verktoy/", "niva-1/"):
        page.goto(nasty_site.url(path))
        page.wait_for_function(DIAGRAMS_DONE, timeout=20_000)
        assert page.evaluate("() => window.__pwned") is None, path
    texts = page.evaluate(f"() => {FIND_SVGS}.map(svg => svg.textContent)")
    assert len(texts) == 1
    svg = texts[0]
    assert "Syntax error" not in svg
    for expected in (
        "Hash # and entity #35; and &amp; and %% comment",
        "Arrows --> end ==> -.-> and | pipe | and ; semicolon",
        "<script>window.__pwned = 4</script>",
        "Emoji 🧒👨‍👩‍👧 and æøå ÆØÅ",
        "click n1 call alert()",
        "code and bold and $$x^2$$ and :::class",
        'Ja "helt" <sikkert> | kanskje',
        "--> end",
        "…",
    ):
        assert expected in svg, expected
    nodes = page.evaluate(f"() => {FIND_SVGS}[0].querySelectorAll('g.node').length")
    assert nodes == 12  # start, 8 steps, 2 outcomes, end, and nothing injected
    body = page.locator("article").inner_text()
    assert "<script>window.__pwned = 4</script>" in body
    assert dialogs == []
    assert browser.errors == []
    assert browser.foreign_requests() == []


def test_raw_html_in_markdown_is_shown_not_run(nasty_site: Served, browser: Browser) -> None:
    page = browser.new_page()
    page.goto(nasty_site.url(""))
    article = page.locator("article").inner_text()
    assert '<img src=x onerror="window.__pwned = 2">' in article
    assert "<b>fet</b>" in article
    assert "{: onclick=" in article
    assert page.locator("article img").count() == 0
    assert page.locator("article [onclick]").count() == 0
    assert page.locator("article code").first.inner_text() == "a < b && c > d"
    assert page.evaluate("() => window.__pwned") is None
    assert "Ring <b>nå</b> & vent" in page.locator(".md-banner").inner_text()


def test_long_labels_are_shortened_in_the_diagram_only(nasty_site: Served) -> None:
    html = (nasty_site.root / "niva-1" / "index.html").read_text(encoding="utf-8")
    if '<pre class="mermaid">' in html:
        diagram = html.partition('<pre class="mermaid">')[2].partition("</pre>")[0]
        article = html.partition("</pre>")[2]
    else:
        diagram = html.partition('class="hv-diagram hv-svg"')[2].partition("</svg>")[0]
        article = html.partition('class="hv-diagram hv-svg"')[2].partition("</svg>")[2]
    assert "må kortes ne…" in diagram
    assert "helst ikke sprenger noe som helst grense" not in diagram
    assert "helst ikke sprenger noe som helst grense" in article


HOSTILE = "<script>window.__pwned = 7</script> <del>x</del> {: onclick=y } \" ' &amp;"


def hostile_template(template_id: str, language: str) -> Template:
    """Every text of a template replaced by markup that must stay text."""
    field_kinds = ("text", "long_text", "date", "yes_no", "signature")
    fields = tuple(
        TemplateField(f"f-{kind.replace('_', '-')}", f"{kind} {HOSTILE}", kind, help=HOSTILE)
        for kind in field_kinds
    )
    fields += (
        TemplateField("f-valg", HOSTILE, "choice", choices=(HOSTILE, '"><img src=x>')),
        TemplateField("f-tabell", HOSTILE, "table", columns=(HOSTILE, '" onfocus="x'), rows=1),
    )
    return Template(
        id=template_id,
        kind="form",
        version=HOSTILE,
        language=language,
        title=HOSTILE,
        intro=f'{HOSTILE} <img src=x onerror="window.__pwned = 8">',
        sections=(TemplateSection("del", HOSTILE, help=HOSTILE, text=HOSTILE, fields=fields),),
        links=(Link(HOSTILE, "https://example.no/?a=1&b=<2>"),),
        legal=(LegalReference("fvl", HOSTILE),),
        sources=(Link(HOSTILE, "https://example.no/kilde"),),
    )


@pytest.fixture(scope="module")
def hostile_template_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    root = tmp_path_factory.mktemp("hostile-template") / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(forms, "load_template", hostile_template)
        patch.setattr(tools, "load_template", hostile_template)
        with built_and_served(root, NASTY_ARGS) as served:
            patch.undo()
            yield served


def test_hostile_template_text_renders_as_text(
    hostile_template_site: Served, browser: Browser
) -> None:
    page = browser.new_page()
    dialogs = browser.refuse_dialogs(page)
    page.goto(hostile_template_site.url("verktoy/verktoy-1/"))
    page.wait_for_load_state("load")
    for control in page.locator(".hv-felter input, .hv-felter textarea").all():
        control.focus()
    article = page.locator("article")
    text = article.inner_text()
    assert text.count("<script>window.__pwned = 7</script>") >= 10
    assert "<img src=x onerror=" in text
    for selector in ("script", "img", "del", "[onclick]", "[onfocus]", "[onerror]"):
        assert article.locator(selector).count() == 0, selector
    labels = page.locator(".hv-felter label, .hv-felter legend, .hv-felter th").all_inner_texts()
    assert any(HOSTILE in label for label in labels)
    assert page.evaluate("() => window.__pwned") is None
    assert dialogs == [] and browser.errors == [] and browser.foreign_requests() == []


def test_hostile_text_in_the_presentation_stays_text(nasty_site: Served, browser: Browser) -> None:
    """Titles, labels and trainer notes (shown only in the notes view) run nothing in the
    presentation, also where its charts could not be drawn (each slide lists the steps)."""
    page = browser.new_page()
    dialogs = browser.refuse_dialogs(page)
    page.goto(nasty_site.url("presentasjon/"))
    page.wait_for_function("() => window.hvDeck !== undefined && window.hvDeck.count() > 0")
    page.keyboard.press("s")
    notes = []
    for number in range(1, page.evaluate("() => window.hvDeck.count()") + 1):
        page.evaluate("n => window.hvDeck.go(n)", number)
        notes.append(page.inner_text("#hv-notes-panel"))
    assert page.evaluate("() => window.__pwned") is None
    assert not dialogs and not browser.errors
    shown = "\n".join(notes)
    assert "<script>window.__pwned = 4</script>" in shown
    assert "</div></section><script>window.__pwned = 8</script>" in shown
    title = page.evaluate("() => document.title")
    assert "<script>window.__pwned = 1</script>" in title
