"""axe-core on every page of every model, at phone and desktop size, in light and dark colours.

Every HTML page of every model, the collection index and every model's 404 page are opened
with the flowcharts drawn, and axe runs with the WCAG 2.0/2.1 A and AA rules and its
best-practice rules. So do a few states that only a click reaches: a veiviser screen after a
choice, the search dialog with results, and the navigation drawer on a phone. Material follows
`prefers-color-scheme` (mkdocs.yml's palette), so each scheme gets its own browser context,
and the test checks that the dark palette (`slate`) is the one really shown.

Set HV_AXE_REPORT to a file path to also get every violation, with axe's nodes, as JSON.
"""

from __future__ import annotations

import json
import os
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from conftest import DIAGRAMS_DONE, MODELS, OPEN_SHADOW_ROOTS, ROOT, Served

AXE = ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
SIZES = {"390x844": (390, 844), "1366x900": (1366, 900)}
SCHEMES = {"light": "default", "dark": "slate"}
"""Playwright's colour scheme → the Material palette it must pick."""

RUN_AXE = """async tags => {
  const result = await axe.run(document, {
    runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'],
  });
  return result.violations.map(v => ({
    id: v.id, help: v.help, impact: v.impact, tags: v.tags,
    nodes: v.nodes.map(n => ({
      target: n.target, html: n.html, failureSummary: n.failureSummary,
    })),
  }));
}"""
SETTLED = "() => document.getAnimations().every(a => a.playState !== 'running')"
"""No CSS transition or animation under way (a half-faded colour fails contrast)."""
SCHEME = "() => document.body.getAttribute('data-md-color-scheme')"
WIZARD_READY = "() => document.querySelector('[data-hv-veiviser]')?.hvWizard"
SHOWN_SCREEN = "[data-hv-skjerm]:not([hidden])"
COLLECTION = "(collection index)"


@dataclass
class Sweep:
    """Violations and other problems found so far, across sizes and schemes."""

    violations: list[dict[str, Any]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    checks: int = 0

    def axe(self, page: Any, where: str, size: str, scheme: str) -> None:
        page.wait_for_function(SETTLED, timeout=20_000)
        self.checks += 1
        for violation in page.evaluate(RUN_AXE, TAGS):
            self.violations.append({**violation, "page": where, "size": size, "scheme": scheme})

    def report(self) -> str:
        """Every violation, grouped by rule: how often, where, and the first nodes."""
        by_rule: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for violation in self.violations:
            by_rule[violation["id"]].append(violation)
        lines = []
        for rule, found in sorted(by_rule.items()):
            nodes = sum(len(v["nodes"]) for v in found)
            lines.append(f"{rule} ({found[0]['impact']}): {found[0]['help']}")
            lines.append(f"  on {len(found)} page views, {nodes} nodes; first:")
            for violation in found[:3]:
                targets = [n["target"] for n in violation["nodes"][:3]]
                lines.append(
                    f"  - {violation['page']} {violation['size']} {violation['scheme']}: {targets}"
                )
        return "\n".join(lines + self.problems)


def open_page(page: Any, url: str, where: str, scheme: str, sweep: Sweep) -> bool:
    """`url` loaded with its flowcharts drawn, in the right palette; False if it failed."""
    response = page.goto(url)
    if (response is None or not response.ok) and not where.endswith("404.html"):
        sweep.problems.append(f"{where}: HTTP {response and response.status}")
        return False
    page.wait_for_function(DIAGRAMS_DONE, timeout=20_000)
    shown = page.evaluate(SCHEME)
    material = where != COLLECTION  # the collection index is a plain page, without Material
    if material and shown != SCHEMES[scheme]:
        sweep.problems.append(f"{where} {scheme}: palette {shown!r}, not {SCHEMES[scheme]!r}")
    return True


def sweep_veiviser(
    page: Any, sites: Served, model: str, size: str, scheme: str, sweep: Sweep
) -> None:
    """The veiviser after following the first choice of its first screen."""
    where = f"{model}/veiviser/ (after a choice)"
    if not open_page(page, sites.url(f"{model}/veiviser/"), where, scheme, sweep):
        return
    page.wait_for_function(WIZARD_READY, timeout=20_000)
    first = page.locator(SHOWN_SCREEN).get_attribute("data-hv-skjerm")
    page.locator(f"{SHOWN_SCREEN} .hv-vv-valg a").first.click()
    page.wait_for_function(
        "first => [...document.querySelectorAll('[data-hv-skjerm]:not([hidden])')]"
        ".map(s => s.dataset.hvSkjerm).join() !== first",
        arg=first,
        timeout=20_000,
    )
    page.wait_for_function(DIAGRAMS_DONE, timeout=20_000)
    sweep.axe(page, where, size, scheme)


def sweep_search(page: Any, sites: Served, size: str, scheme: str, sweep: Sweep) -> None:
    """The search dialog open, with results for «barn»."""
    where = "modum/ (search «barn»)"
    if not open_page(page, sites.url("modum/"), where, scheme, sweep):
        return
    label = page.locator("label[for=__search]").first
    if label.is_visible():
        label.click()
    else:
        page.locator(".md-search__input").click()
    search = page.locator(".md-search__input")
    search.wait_for(state="visible", timeout=20_000)
    search.press_sequentially("barn")
    page.locator(".md-search-result__item").first.wait_for(timeout=20_000)
    sweep.axe(page, where, size, scheme)


def sweep_drawer(page: Any, sites: Served, size: str, scheme: str, sweep: Sweep) -> None:
    """The navigation drawer open on a phone."""
    where = "modum/niva-1/ (drawer open)"
    if not open_page(page, sites.url("modum/niva-1/"), where, scheme, sweep):
        return
    # Material's menu label, or the button keyboard.js makes of it
    page.locator(".md-header label[for=__drawer], .md-header [data-hv-knapp]").first.click()
    page.wait_for_function("() => document.getElementById('__drawer').checked", timeout=20_000)
    page.locator(".md-sidebar--primary").wait_for(state="visible", timeout=20_000)
    sweep.axe(page, where, size, scheme)


@pytest.mark.slow
def test_axe_finds_nothing_anywhere(
    sites: Served, playwright_chromium: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    started = time.monotonic()
    paths = [""] + [p for m in MODELS for p in sites.pages(m)] + [f"{m}/404.html" for m in MODELS]
    sweep = Sweep()
    for size, (width, height) in SIZES.items():
        for scheme in SCHEMES:
            context = playwright_chromium.new_context(
                viewport={"width": width, "height": height}, color_scheme=scheme
            )
            context.add_init_script(OPEN_SHADOW_ROOTS)
            context.add_init_script(path=str(AXE))
            page = context.new_page()
            page.on("pageerror", lambda e, p=page: sweep.problems.append(f"{p.url}: {e}"))
            for path in paths:
                where = path or COLLECTION
                if open_page(page, sites.url(path), where, scheme, sweep):
                    sweep.axe(page, where, size, scheme)
            for model in MODELS:
                sweep_veiviser(page, sites, model, size, scheme, sweep)
            sweep_search(page, sites, size, scheme, sweep)
            if width < 700:
                sweep_drawer(page, sites, size, scheme, sweep)
            context.close()
    elapsed = time.monotonic() - started
    if os.environ.get("HV_AXE_REPORT"):
        Path(os.environ["HV_AXE_REPORT"]).write_text(
            json.dumps(sweep.violations, indent=1, ensure_ascii=False), encoding="utf-8"
        )
    with capsys.disabled():
        print(f"\naxe sweep: {sweep.checks} page views in {elapsed:.0f} s")
    assert not sweep.violations and not sweep.problems, sweep.report()
