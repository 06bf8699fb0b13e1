"""The kommune's accessibility statement: set in mkdocs.yml, linked from every page's footer,
and a warning from `check` and the build while it is missing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ACCESSIBILITY, MODELS, Browser, Served, one_step_model

from handlingsveileder import cli
from handlingsveileder.settings import Accessibility, SettingsError, resolve
from handlingsveileder.site_footer import footer_html

MKDOCS = Path(sys.executable).with_name("mkdocs")
SMALL = one_step_model()


def settings_with(accessibility: object) -> Accessibility | None:
    extra = {"handlingsveileder": {"accessibility": accessibility}}
    return resolve(extra, Path("."), {}).accessibility


def test_statement_and_feedback_address_are_read() -> None:
    found = settings_with(
        {"statement": "https://uustatus.no/nb/erklaringer/publisert/1", "feedback": "post@k.no"}
    )
    assert found == Accessibility("https://uustatus.no/nb/erklaringer/publisert/1", "post@k.no")
    assert found.feedback_href == "mailto:post@k.no"
    web = settings_with({"statement": "https://k.no/uu", "feedback": "https://k.no/skjema"})
    assert web is not None and web.feedback_href == "https://k.no/skjema"
    assert settings_with(None) is None


@pytest.mark.parametrize(
    ("given", "named"),
    [
        ("https://uustatus.no/x", "oppslagstabell"),
        ({"feedback": "post@k.no"}, "statement i mkdocs.yml mangler"),
        ({"statement": "uustatus.no/nb/erklaringer"}, "mangler https://"),
        ({"statement": "javascript:alert(1)"}, "ikke tillatt"),
        ({"statement": "/tilgjengelighet/"}, "ingen nettadresse"),
        ({"statement": "https://k.no/uu", "feedback": "post at k.no"}, "verken en e-postadresse"),
        ({"statement": "https://k.no/uu", "feedbak": "post@k.no"}, "feedbak"),
    ],
)
def test_a_wrong_statement_setting_is_named(given: object, named: str) -> None:
    with pytest.raises(SettingsError, match=named) as raised:
        settings_with(given)
    assert "extra.handlingsveileder.accessibility" in str(raised.value)


def test_footer_links_are_escaped_and_in_the_models_language() -> None:
    odd = Accessibility('https://k.no/uu?a=1&b="2"', "post@k.no")
    html = footer_html(odd, "nn")
    assert 'href="https://k.no/uu?a=1&amp;b=&quot;2&quot;"' in html
    assert "Tilgjengelegheitserklæring" in html and 'href="mailto:post@k.no"' in html
    assert footer_html(None, "nb") == ""


def test_check_and_build_warn_without_a_statement(
    tmp_path: Path, project_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = project_copy / "mkdocs.yml"
    data = project_copy / "data" / "models.yaml"
    data.write_text(SMALL, encoding="utf-8")
    assert cli.main(["check", str(data), "--config", str(config)]) == 0
    assert "tilgjengelighetserklæring" in capsys.readouterr().err
    site = tmp_path / "site"
    built = ["build", "--config", str(config), "--model", "demo", "--site-dir", str(site)]
    assert cli.main(built) == 0
    warned = capsys.readouterr().err
    assert "Advarsel: extra.handlingsveileder.accessibility mangler" in warned
    assert "hv-tilgjengelighet" not in (site / "index.html").read_text(encoding="utf-8")
    strict = subprocess.run(  # a warning never fails --strict
        [str(MKDOCS), "build", "--strict", "-f", str(config), "-d", str(tmp_path / "strict")],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "HV_MODEL": "demo"},
        check=False,
    )
    assert strict.returncode == 0, strict.stderr
    assert "tilgjengelighetserklæring" in strict.stderr


def test_every_page_of_every_site_links_the_statement(sites: Served) -> None:
    pages = [sites.root / "index.html"]  # the collection's index
    pages += [sites.root / model / "404.html" for model in MODELS]
    pages += [sites.root / p / "index.html" for model in MODELS for p in sites.pages(model)]
    for page in pages:
        html = page.read_text(encoding="utf-8")
        footer = html[html.index("<footer") :]
        assert f'href="{ACCESSIBILITY["statement"]}"' in footer, page
        assert f'href="mailto:{ACCESSIBILITY["feedback"]}"' in footer, page


@pytest.mark.parametrize("width", [390, 1366])
def test_the_statement_link_is_seen_and_followed(
    sites: Served, browser: Browser, width: int
) -> None:
    page = browser.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(sites.url("bekymring-nynorsk/"))
    link = page.get_by_role("link", name="Tilgjengelegheitserklæring")
    link.scroll_into_view_if_needed()
    assert link.is_visible()
    assert link.get_attribute("href") == ACCESSIBILITY["statement"]
    page.goto(sites.url("modum/"))
    feedback = page.get_by_role("link", name="Meld fra om feil og mangler i tilgjengeligheten")
    feedback.scroll_into_view_if_needed()
    assert feedback.is_visible()


def test_the_footer_of_a_built_page_tells_version_approval_and_contact(
    tmp_path: Path, project_copy: Path
) -> None:
    """The guide's own lines stand in every page's footer, escaped (the model's text never
    runs as script)."""
    data = project_copy / "data" / "models.yaml"
    data.write_text(
        SMALL.replace(
            "  language: nb\n",
            "  language: nb\n"
            '  version: "2.1"\n'
            "  approved_by: Kommunedirektøren\n"
            "  approved: 2026-03-01\n"
            "  contact: '<script>alert(1)</script> [Oppvekst](mailto:oppvekst@k.no)'\n",
            1,
        ),
        encoding="utf-8",
    )
    site = tmp_path / "site"
    config = project_copy / "mkdocs.yml"
    built = ["build", "--config", str(config), "--model", "demo", "--site-dir", str(site)]
    assert cli.main(built) == 0
    for page in ("index.html", "niva-1/index.html"):
        html = (site / page).read_text(encoding="utf-8")
        footer = html[html.index("<footer") :]
        assert "<li>Versjon 2.1</li>" in footer, page
        assert "Godkjent av Kommunedirektøren, " in footer, page
        assert '<time datetime="2026-03-01">1. mars 2026</time>' in footer, page
        assert "Kontakt om veilederen:" in footer, page
        assert '<a href="mailto:oppvekst@k.no">Oppvekst</a>' in footer, page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in footer, page
        assert "<script>alert" not in html, page
        content = html[html.index("<article") : html.index("</article>")]
        assert "Sist revidert: ikke oppgitt" in content, page
