"""Keeping a guide current: «Sist revidert» on every page, the footer's version, approval
and contact, and a warning once `next_review` has passed."""

from __future__ import annotations

import json
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import MODELS, Served, one_step_model

from handlingsveileder import cli
from handlingsveileder.construct import Constructor
from handlingsveileder.dates import format_date, norwegian_date
from handlingsveileder.errors import Problem
from handlingsveileder.links import directory_url
from handlingsveileder.load import compose_text
from handlingsveileder.markup import fragment_html
from handlingsveileder.model import Model
from handlingsveileder.pages import render_pages
from handlingsveileder.reporter import Reporter
from handlingsveileder.review import (
    TODAY_VARIABLE,
    check_reviews,
    current_date,
    page_reviewed,
    reviewed_html,
    reviewed_text,
)
from handlingsveileder.settings import Accessibility, SettingsError
from handlingsveileder.site_footer import footer_html
from handlingsveileder.validate import load_models_text

HOSTILE = '<script>alert(1)</script> "x" & <img src=x onerror=alert(2)>'


def with_model_keys(text: str, *lines: str, language: str = "nb") -> str:
    """`one_step_model` text with more keys of the model `demo` (one per line)."""
    keys = "".join(f"  {line}\n" for line in lines)
    return text.replace("  language: nb\n", f"  language: {language}\n{keys}", 1)


def built(text: str) -> tuple[Model, Reporter]:
    """The model `demo` of `text` and the reporter that knows where its values stand."""
    reporter = Reporter("models.yaml")
    models = Constructor(reporter).build_models(compose_text(text, "models.yaml"))
    assert not reporter.problems, reporter.problems
    return models["demo"], reporter


class Elements(HTMLParser):
    """The tags (with their attributes) and the text of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text = ""

    @classmethod
    def of(cls, html: str) -> Elements:
        parser = cls()
        parser.feed(html)
        parser.close()
        return parser

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text += data


def line_of(text: str, needle: str) -> int:
    """The 1-based line of `text` that holds `needle`."""
    return text[: text.index(needle)].count("\n") + 1


# Dates in Norwegian


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("2026-03-01", "1. mars 2026"),
        ("2025-01-09", "9. januar 2025"),
        ("2024-02-29", "29. februar 2024"),
        ("2026-05-17", "17. mai 2026"),
        ("2026-12-31", "31. desember 2026"),
    ],
)
def test_dates_are_written_the_norwegian_way(written: str, shown: str) -> None:
    assert format_date(written) == shown
    assert norwegian_date(date.fromisoformat(written)) == shown


def test_every_month_has_its_name() -> None:
    names = [norwegian_date(date(2026, month, 1)).split()[1] for month in range(1, 13)]
    assert names == [
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember",
    ]


def test_the_reviewed_line_in_bokmal_and_nynorsk() -> None:
    assert reviewed_text("2026-03-01", "nb") == "Sist revidert 1. mars 2026"
    assert reviewed_text("2026-03-01", "nn") == "Sist revidert 1. mars 2026"
    assert reviewed_text(None, "nb") == "Sist revidert: ikke oppgitt"
    assert reviewed_text(None, "nn") == "Sist revidert: ikkje oppgitt"


def test_today_comes_from_the_environment_or_the_clock() -> None:
    assert current_date({TODAY_VARIABLE: "2026-03-01"}) == date(2026, 3, 1)
    assert current_date({}) == date.today()
    with pytest.raises(SettingsError, match="ÅÅÅÅ-MM-DD"):
        current_date({TODAY_VARIABLE: "1. mars"})


def test_a_wrong_date_in_the_model_is_an_error() -> None:
    text = with_model_keys(one_step_model(), "reviewed: 2026-13-01")
    with pytest.raises(Exception, match="ugyldig dato '2026-13-01'"):
        load_models_text(text)


# The check


def test_a_passed_next_review_warns_with_file_and_line() -> None:
    text = with_model_keys(one_step_model("next_review: 2025-06-30"), "next_review: 2025-01-01")
    model, reporter = built(text)
    check_reviews(model, reporter, today=date(2026, 3, 1))
    assert not reporter.problems, "a passed date is a warning, never an error"
    assert len(reporter.warnings) == 2
    whole = next(p for p in reporter.warnings if "veilederen" in p.message)
    level = next(p for p in reporter.warnings if "nivået 'niva-1'" in p.message)
    assert whole.message.startswith(
        "next_review 2025-01-01 er passert: veilederen skulle vært gått gjennom senest "
        "1. januar 2025"
    )
    assert level.message.startswith("next_review 2025-06-30 er passert: nivået 'niva-1'")
    assert (whole.file, whole.line) == ("models.yaml", line_of(text, "next_review: 2025-01-01"))
    assert (level.file, level.line) == ("models.yaml", line_of(text, "next_review: 2025-06-30"))
    assert str(whole).startswith(f"models.yaml:{whole.line}:")
    assert whole.path == ("demo", "next_review")
    assert level.path == ("demo", "levels[0]", "next_review")


def test_a_future_or_todays_next_review_does_not_warn() -> None:
    text = with_model_keys(one_step_model("next_review: 2026-03-01"), "next_review: 2027-01-01")
    model, reporter = built(text)
    check_reviews(model, reporter, today=date(2026, 3, 1))
    assert reporter.warnings == [] and reporter.problems == []


def test_without_next_review_nothing_is_checked() -> None:
    model, reporter = built(one_step_model())
    check_reviews(model, reporter, today=date(2099, 1, 1))
    assert reporter.warnings == []


def test_today_defaults_to_hv_today(monkeypatch: pytest.MonkeyPatch) -> None:
    model, reporter = built(with_model_keys(one_step_model(), "next_review: 2026-03-01"))
    monkeypatch.setenv(TODAY_VARIABLE, "2026-03-02")
    check_reviews(model, reporter)
    assert len(reporter.warnings) == 1
    monkeypatch.setenv(TODAY_VARIABLE, "2026-02-28")
    later = Reporter("models.yaml", reporter.locations)
    check_reviews(model, later)
    assert later.warnings == []


def test_check_and_load_warn_about_a_passed_review(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Through the model checks (`checks.check_model` calls `check_reviews`)."""
    monkeypatch.setenv(TODAY_VARIABLE, "2026-03-01")
    text = with_model_keys(one_step_model(), "next_review: 2025-01-01")
    warnings: list[Problem] = []
    load_models_text(text, warnings=warnings)
    assert any("next_review 2025-01-01 er passert" in str(w) for w in warnings), warnings
    data = tmp_path / "models.yaml"
    data.write_text(text, encoding="utf-8")
    assert cli.main(["check", str(data)]) == 0  # a warning, not an error
    line = line_of(text, "next_review")
    assert f"models.yaml:{line}:" in capsys.readouterr().err


# «Sist revidert» on the pages


def test_every_page_ends_with_the_reviewed_line() -> None:
    text = with_model_keys(one_step_model(), "reviewed: 2026-03-01")
    model, _ = built(text)
    pages = render_pages(model, directory_url)
    assert len(pages) > 3
    line = (
        '<p class="hv-revidert" data-search-exclude>Sist revidert '
        '<time datetime="2026-03-01">1. mars 2026</time></p>'
    )
    for page in pages:
        assert page.markdown.endswith(f"\n\n{line}\n"), page.src_uri
        assert page.markdown.count("Sist revidert") == 1, page.src_uri


def test_a_level_page_shows_the_levels_own_date() -> None:
    two_levels = one_step_model("reviewed: 2026-05-17") + (
        "    - id: niva-2\n      name: Nivå 2\n"
        "      steps:\n        - {id: b, title: B, end: true}\n"
    )
    text = with_model_keys(two_levels, "reviewed: 2026-03-01")
    model, _ = built(text)
    shown = {page.src_uri: page.markdown for page in render_pages(model, directory_url)}
    assert "17. mai 2026" in shown["niva-1.md"] and "1. mars" not in shown["niva-1.md"]
    assert "1. mars 2026" in shown["niva-2.md"]  # no date of its own: the guide's
    assert "1. mars 2026" in shown["index.md"] and "17. mai" not in shown["index.md"]
    # The guide gone through as a whole after the level: the later date is the true one.
    assert page_reviewed(model, model.levels[0]) == "2026-05-17"
    older = with_model_keys(one_step_model("reviewed: 2025-01-01"), "reviewed: 2026-03-01")
    model, _ = built(older)
    assert page_reviewed(model, model.levels[0]) == "2026-03-01"


def test_without_a_date_the_page_says_so_in_its_language() -> None:
    model, _ = built(one_step_model())
    assert "Sist revidert: ikke oppgitt" in reviewed_html(model)
    nynorsk, _ = built(with_model_keys(one_step_model(), language="nn"))
    for page in render_pages(nynorsk, directory_url):
        assert "Sist revidert: ikkje oppgitt" in page.markdown


def test_every_built_page_shows_sist_revidert(sites: Served) -> None:
    """The five guides give no dates: every page says so, and the line is not searched."""
    for model in MODELS:
        for path in sites.pages(model):
            html = (sites.root / path / "index.html").read_text(encoding="utf-8")
            assert 'class="hv-revidert"' in html, path
            assert "Sist revidert: ikk" in html, path
        index = json.loads(
            (sites.root / model / "search" / "search_index.json").read_text(encoding="utf-8")
        )
        assert not any("Sist revidert" in doc["text"] for doc in index["docs"]), model


# The footer


def test_the_footer_shows_version_approval_and_contact() -> None:
    text = with_model_keys(
        one_step_model(),
        'version: "2.1"',
        "approved_by: Kommunedirektøren",
        "approved: 2026-03-01",
        "contact: 'Oppvekstkontoret, [skriv til oss](mailto:post@k.no)'",
    )
    model, _ = built(text)
    html = footer_html(Accessibility("https://k.no/uu", "post@k.no"), "nb", model)
    assert "<li>Versjon 2.1</li>" in html
    assert (
        '<li>Godkjent av Kommunedirektøren, <time datetime="2026-03-01">1. mars 2026</time></li>'
        in html
    )
    assert '<span class="hv-kontakt__tittel">Kontakt om veilederen:</span>' in html
    assert 'Oppvekstkontoret, <a href="mailto:post@k.no">skriv til oss</a>' in html
    assert html.index("hv-om-veilederen") < html.index("hv-tilgjengelighet")
    nynorsk, _ = built(with_model_keys(text, language="nn"))
    nn_html = footer_html(None, "nb", nynorsk)
    assert "Godkjend av Kommunedirektøren" in nn_html and "Kontakt om rettleiaren" in nn_html
    assert "hv-tilgjengelighet" not in nn_html


def test_the_footer_shows_what_is_given_and_nothing_else() -> None:
    model, _ = built(with_model_keys(one_step_model(), "approved: 2026-03-01"))
    html = footer_html(None, "nb", model)
    assert html == (
        '<ul class="hv-om-veilederen"><li>Godkjent '
        '<time datetime="2026-03-01">1. mars 2026</time></li></ul>'
    )
    bare, _ = built(one_step_model())
    assert footer_html(None, "nb", bare) == ""
    assert footer_html(None, "nb") == ""


def test_hostile_text_in_the_footer_stays_text() -> None:
    text = with_model_keys(
        one_step_model(),
        f"version: {json.dumps(HOSTILE)}",
        f"approved_by: {json.dumps(HOSTILE)}",
        f"contact: {json.dumps(HOSTILE + ' {: onclick=alert(3)}')}",
    )
    model, _ = built(text)
    html = footer_html(None, "nb", model)
    found = Elements.of(html)
    assert {tag for tag, _ in found.tags} == {"ul", "li", "span"}
    assert {name for _, attrs in found.tags for name in attrs} == {"class"}
    assert found.text.count(HOSTILE) == 3  # version, approval and contact, as text
    assert HOSTILE + " {: onclick=alert(3)}" in found.text  # the contact, as text


@pytest.mark.parametrize(
    "contact",
    [
        "[klikk](javascript:alert(1))",
        "[klikk](JaVaScRiPt&#58;alert(1))",
        "[klikk][r]\n\n[r]: javascript:alert(1)",
        "![klikk](https://tracker.example/x.png)",
        "<a href='javascript:alert(1)'>klikk</a>",
        "[klikk](/kontakt/)",
    ],
)
def test_the_contact_keeps_only_safe_links(contact: str) -> None:
    found = Elements.of(fragment_html(contact))
    assert "klikk" in found.text
    assert all(tag not in ("a", "img") and not attrs for tag, attrs in found.tags), found.tags


def test_the_contact_may_have_several_paragraphs_but_no_headings() -> None:
    html = fragment_html("# Oppvekst\n\nTlf. 32 00 00 00  \nE-post: post@k.no\n\n- a\n- b")
    assert "<h1" not in html and "<p>Oppvekst</p>" in html
    assert "<br />" in html and "<ul>" in html
