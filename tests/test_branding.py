"""The kommune's brand colours: hex in mkdocs.yml, applied as Material's CSS variables in
both schemes, with a warning when text on the colour cannot be read (WCAG 1.4.3)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Browser, built_and_served, one_step_model, set_site_setting

from handlingsveileder.branding import (
    SLATE,
    WHITE,
    Brand,
    brand_css,
    brand_warnings,
    contrast,
    rgb,
)
from handlingsveileder.settings import SettingsError, resolve

SMALL = one_step_model(step='text: "Se [rollen](https://example.org/)."')


def brand_of(section: object) -> Brand | None:
    return resolve({"handlingsveileder": {"brand": section}}, Path("."), {}).brand


def test_hex_colours_are_read() -> None:
    assert brand_of({"primary": "#005AA0"}) == Brand("#005aa0")
    assert brand_of({"primary": "#005aa0", "accent": "#8a1538"}) == Brand("#005aa0", "#8a1538")
    assert brand_of(None) is None


@pytest.mark.parametrize(
    ("given", "named"),
    [
        ({"primary": "blå"}, "primary i mkdocs.yml: 'blå' er ingen farge"),
        ({"primary": "#05a"}, "#rrggbb"),
        ({"accent": "#005aa0"}, "primary i mkdocs.yml: 'None'"),
        ({"primary": "#005aa0", "secondary": "#fff000"}, "secondary"),
        ("#005aa0", "oppslagstabell"),
    ],
)
def test_a_wrong_colour_is_named(given: object, named: str) -> None:
    with pytest.raises(SettingsError, match=named):
        brand_of(given)


def test_contrast_follows_wcag() -> None:
    assert contrast(WHITE, (0, 0, 0)) == pytest.approx(21)
    assert contrast(rgb("#767676"), WHITE) == pytest.approx(4.54, abs=0.01)


def test_a_pale_brand_colour_warns_and_suggests_a_darker_one() -> None:
    [warning] = brand_warnings(Brand("#7fb2e5"))
    assert "brand.primary" in warning and "4,5:1" in warning
    suggested = warning.rsplit(" ", 1)[1]
    assert contrast(rgb(suggested), WHITE) >= 4.5
    assert brand_warnings(Brand("#005aa0")) == []
    assert len(brand_warnings(Brand("#005aa0", "#ffd700"))) == 1


def test_the_dark_schemes_links_are_lightened_to_read() -> None:
    css = brand_css(Brand("#003366"))
    dark_link = css.rsplit("--md-typeset-a-color:", 1)[1][:7]
    assert contrast(rgb(dark_link), SLATE) >= 4.5
    assert brand_css(None) == ""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_brand_colour_is_applied_and_warned_about(
    tmp_path: Path,
    project_copy: Path,
    browser: Browser,
    scheme: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (project_copy / "data" / "models.yaml").write_text(SMALL, encoding="utf-8")
    config = project_copy / "mkdocs.yml"
    set_site_setting(config, "brand", {"primary": "#005aa0", "accent": "#e8e8e8"})
    args = ["--config", str(config), "--model", "demo"]
    with built_and_served(tmp_path / "site", args, diagrams="client") as served:
        warned = capsys.readouterr().err
        assert "brand.accent" in warned and "brand.primary" not in warned
        page = browser.new_page()
        page.emulate_media(color_scheme=scheme)
        page.goto(served.url("niva-1/"))
        header = page.locator(".md-header").evaluate("e => getComputedStyle(e).backgroundColor")
        assert header == "rgb(0, 90, 160)"
        link = page.locator("article a[href='https://example.org/']")
        colour = link.evaluate("e => getComputedStyle(e).color")
        channels = tuple(int(c) for c in colour[4:-1].split(","))
        background = SLATE if scheme == "dark" else WHITE
        assert contrast((channels[0], channels[1], channels[2]), background) >= 4.5
