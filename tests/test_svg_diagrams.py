"""Flowcharts drawn at build time (`diagrams: svg`, the default): the SVG arrives with the
page, node links work, light and dark both apply, a rebuild draws nothing again, and a
machine without the renderer falls back to drawing in the browser, never to a broken page.
(Every page of every model is swept in test_site_browser.)"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import Browser, Served, built_and_served, copy_project

from handlingsveileder import cli


def svg_project(target: Path) -> Path:
    """A copy of the project (with a cache of drawn charts of its own)."""
    return copy_project(target) / "mkdocs.yml"


@pytest.fixture(scope="module")
def svg_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Served, Path]]:
    project = tmp_path_factory.mktemp("svg-project")
    config = svg_project(project)
    args = ["--config", str(config), "--model", "modum"]
    with built_and_served(project / "site", args) as served:
        yield served, project


def test_a_node_click_lands_on_its_step_and_the_chart_is_described(
    svg_site: tuple[Served, Path], browser: Browser
) -> None:
    served, _project = svg_site
    page = browser.new_page()
    page.goto(served.url("niva-1/"))
    svg = page.locator(".hv-svg svg").first
    assert svg.is_visible()
    assert "Flytskjema for" in page.evaluate(
        "() => document.querySelector('.hv-svg svg title').textContent"
    )
    assert page.locator("details").filter(has_text="Tekstversjon av flytskjemaet").count() == 1
    marked = page.locator('.hv-svg g.node[data-hv-node="n1-iverksett-tiltak"]')
    assert marked.count() == 1 and "2 Iverksett tiltak" in str(marked.text_content())
    assert page.locator('.hv-svg g.node[data-hv-node="niva-2"]').count() == 1
    page.locator(".hv-svg svg a").filter(has_text="2 Iverksett tiltak").first.click()
    page.wait_for_url("**/niva-1/#n1-iverksett-tiltak")
    assert page.locator("h2#n1-iverksett-tiltak").is_visible()


def rgba(colour: str) -> tuple[float, float, float, float]:
    values = [float(v) for v in re.findall(r"[\d.]+", colour)]
    return values[0], values[1], values[2], values[3] if len(values) > 3 else 1.0


def over(colour: str, background: str) -> tuple[float, float, float]:
    """A (translucent) colour as seen over an opaque background."""
    red, green, blue, alpha = rgba(colour)
    under = rgba(background)
    return (
        red * alpha + under[0] * (1 - alpha),
        green * alpha + under[1] * (1 - alpha),
        blue * alpha + under[2] * (1 - alpha),
    )


def contrast(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    """WCAG contrast ratio of two opaque colours (0-255 per channel)."""

    def luminance(colour: tuple[float, float, float]) -> float:
        linear = [
            c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
            for c in (v / 255 for v in colour)
        ]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_dark_mode_recolours_the_same_svg_and_labels_stay_legible(
    svg_site: tuple[Served, Path], browser: Browser
) -> None:
    served, _project = svg_site
    page = browser.new_page()
    page.goto(served.url("niva-2/"))
    colours = """() => {
      const page = getComputedStyle(document.body).backgroundColor;
      return [...document.querySelectorAll('.hv-svg svg g.node')].map(node => {
        const box = node.querySelector('rect, polygon, path, circle');
        const label = node.querySelector('.nodeLabel');
        return [getComputedStyle(box).fill, getComputedStyle(label).color, page];
      });
    }"""
    light = page.evaluate(colours)
    page.evaluate("() => document.body.setAttribute('data-md-color-scheme', 'slate')")
    dark = page.evaluate(colours)
    assert light and light != dark
    checked = 0
    for fill, text, background in light + dark:
        if fill.startswith("rgb"):
            box = over(fill, background)
            assert contrast(box, over(text, background)) >= 4.5, (fill, text, background)
            checked += 1
    assert checked >= len(light), "every node's label is checked in both modes"


def test_a_rebuild_draws_nothing_again(svg_site: tuple[Served, Path], tmp_path: Path) -> None:
    _served, project = svg_site
    cache = project / ".cache" / "handlingsveileder" / "svg"
    before = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
    assert before
    config = str(project / "mkdocs.yml")
    assert cli.main(["build", "--config", config, "--site-dir", str(tmp_path / "again")]) == 0
    assert {p.name: p.stat().st_mtime_ns for p in cache.iterdir()} == before


def test_without_the_renderer_the_browser_draws_instead(
    tmp_path: Path, browser: Browser, capsys: pytest.CaptureFixture[str]
) -> None:
    config = svg_project(tmp_path / "project")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("handlingsveileder.chromium.CHROMIUM", str(tmp_path / "no-chromium"))
        with built_and_served(tmp_path / "site", ["--config", str(config)]) as served:
            patch.undo()
            assert "flytskjemaene tegnes i nettleseren" in capsys.readouterr().err
            page = browser.new_page()
            page.goto(served.url("niva-1/"))
            page.wait_for_function(
                "() => [...document.querySelectorAll('div.mermaid')].some("
                "d => d.shadowRoot && d.shadowRoot.querySelector('svg'))",
                timeout=20_000,
            )
            assert browser.errors == [] and browser.foreign_requests() == []


def test_an_unknown_diagram_setting_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = svg_project(tmp_path / "project")
    text = config.read_text(encoding="utf-8")
    text = text.replace("    model: modum\n", "    model: modum\n    diagrams: png\n")
    config.write_text(text, encoding="utf-8")
    assert cli.main(["build", "--config", str(config), "--site-dir", str(tmp_path / "s")]) == 1
    err = capsys.readouterr().err
    assert "ukjent verdi 'png'" in err and "Traceback" not in err
    assert os.environ.get("HV_CHROMIUM") is None
