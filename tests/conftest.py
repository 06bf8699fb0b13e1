"""Shared fixtures: the built sites served on 127.0.0.1, and Debian's Chromium."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from handlingsveileder import cli
from handlingsveileder.chromium import ARGS as CHROMIUM_ARGS
from handlingsveileder.chromium import CHROMIUM
from handlingsveileder.local_server import reserve_port, serve
from handlingsveileder.settings import ENV_DIAGRAMS

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "models.yaml"
CONFIG = ROOT / "mkdocs.yml"
MODELS = ["modum", "romskog", "bekymring-nynorsk", "bti-fem-steg", "samarbeidsmodellen"]
OPEN_SHADOW_ROOTS = """
(() => {
  const original = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    return original.call(this, Object.assign({}, init, { mode: "open" }));
  };
})();
"""


FIND_SVGS = """[...document.querySelectorAll('.hv-diagram')].map(d =>
  d.querySelector(':scope > svg') ||
  (d.querySelector('div.mermaid') && d.querySelector('div.mermaid').shadowRoot &&
   d.querySelector('div.mermaid').shadowRoot.querySelector('svg')) || null)"""
"""Each diagram's drawn SVG (or null while it is drawn): inline when drawn at build time,
in the (forced open) shadow root of `div.mermaid` when drawn in the browser."""
DIAGRAMS_DONE = f"() => {FIND_SVGS}.every(svg => svg !== null)"
DIAGRAM_REPORT = f"""
() => {FIND_SVGS}.map(svg => ({{
  text: svg.textContent,
  nodes: svg.querySelectorAll('g.node').length,
  links: [...svg.querySelectorAll('a')].map(
    a => a.getAttribute('href') || a.getAttribute('xlink:href')),
}}))
"""


@dataclass
class Served:
    """A folder of built sites served on 127.0.0.1."""

    root: Path
    base: str

    def url(self, path: str = "") -> str:
        return self.base + path.lstrip("/")

    def pages(self, model: str) -> list[str]:
        """Site-relative URLs of every HTML page of a model's site (the presentation, a
        document of its own kind, is `presentation`)."""
        folder = self.root / model
        found = []
        for html in sorted(folder.rglob("index.html")):
            relative = html.parent.relative_to(self.root).as_posix()
            if "/assets" in relative or relative.endswith(("/search", "/presentasjon")):
                continue
            found.append(relative + "/")
        return found

    def presentation(self, model: str) -> str:
        """Site-relative URL of a model's presentation."""
        return f"{model}/presentasjon/"


@pytest.fixture(scope="session")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """Every model built with `handlingsveileder build --all`, served on 127.0.0.1.

    The port is chosen before the build so that `site_url` matches the served address
    (Material's instant navigation needs that).
    """
    root = tmp_path_factory.mktemp("sites") / "site"
    config = published_project(tmp_path_factory.mktemp("published")) / "mkdocs.yml"
    with built_and_served(root, ["--all", "--config", str(config)]) as served:
        yield served


@pytest.fixture(scope="session")
def client_sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """Every model built with the fallback: flowcharts drawn in the reader's browser."""
    root = tmp_path_factory.mktemp("client-sites") / "site"
    args = ["--all", "--config", str(CONFIG)]
    with built_and_served(root, args, diagrams="client") as served:
        yield served


@dataclass
class Browser:
    """One Chromium context that records every request and every page error."""

    context: Any
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def new_page(self) -> Any:
        page = self.context.new_page()
        page.on("pageerror", lambda error: self.errors.append(f"{page.url}: {error}"))
        page.on(
            "console",
            lambda message: (
                self.errors.append(f"{page.url}: console: {message.text}")
                if message.type == "error"
                else None
            ),
        )
        return page

    def refuse_dialogs(self, page: Any) -> list[str]:
        """Dismiss every alert/confirm/prompt the page opens; the list collects their texts."""
        dialogs: list[str] = []

        def refuse(dialog: Any) -> None:
            dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", refuse)
        return dialogs

    def foreign_requests(self) -> list[str]:
        return [url for url in self.requests if urlsplit(url).hostname != "127.0.0.1"]


@pytest.fixture(scope="session")
def playwright_chromium() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} mangler: kjør `make test` (installerer Debians chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser(playwright_chromium: Any, tmp_path: Path) -> Iterator[Browser]:
    context = playwright_chromium.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(OPEN_SHADOW_ROOTS)
    recorder = Browser(context)
    context.on("request", lambda request: recorder.requests.append(request.url))
    yield recorder
    context.close()


def copy_project(target: Path) -> Path:
    """A copy of the project's config, hooks and data in `target` (the theme is the package's)."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "hooks", "data", "docs"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy2(source, target / name)
    return target


ACCESSIBILITY = {
    "statement": "https://uustatus.no/nb/erklaringer/publisert/0000-eksempel",
    "feedback": "tilgjengelighet@kommune.example",
}
"""The accessibility statement of the test sites (a kommune sets its own in mkdocs.yml)."""


def published_project(target: Path) -> Path:
    """The project as a kommune publishes it: mkdocs.yml with its accessibility statement set,
    beside links to the project's hooks, data, docs and drawing cache (so the
    flowcharts drawn before are reused)."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("hooks", "data", "docs", ".cache"):
        (ROOT / name).mkdir(exist_ok=True)
        (target / name).symlink_to(ROOT / name, target_is_directory=True)
    shutil.copy2(CONFIG, target / "mkdocs.yml")
    set_site_setting(target / "mkdocs.yml", "accessibility", ACCESSIBILITY)
    return target


def set_site_setting(config: Path, key: str, values: dict[str, str]) -> None:
    """Add `key` with `values` under `extra.handlingsveileder` in the mkdocs.yml `config`."""
    marker = "    national_numbers: true\n"
    text = config.read_text(encoding="utf-8")
    assert marker in text, "mkdocs.yml: extra.handlingsveileder.national_numbers is gone"
    lines = "".join(f'      {name}: "{value}"\n' for name, value in values.items())
    config.write_text(text.replace(marker, f"{marker}    {key}:\n{lines}", 1), encoding="utf-8")


def one_step_model(level: str = "", step: str = "") -> str:
    """models.yaml with one model `demo`: one level `niva-1` (`level`: more of its keys, one
    per line) with one step `a` (`step`: more of its keys, in flow style)."""
    more = "".join(f"      {line}\n" for line in level.splitlines())
    return (
        "demo:\n  title: Demo\n  language: nb\n  levels:\n    - id: niva-1\n"
        f"      name: Nivå 1\n{more}      steps:\n"
        f"        - {{id: a, title: A, end: true{', ' + step if step else ''}}}\n"
    )


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A copy of the project's config, hooks and data, to break without harm."""
    return copy_project(tmp_path / "project")


@contextmanager
def built_and_served(
    root: Path, args: list[str], *, diagrams: str | None = None
) -> Iterator[Served]:
    """`handlingsveileder build ARGS` into `root`, with `site_url` set to the port it is then
    served on at 127.0.0.1 (instant navigation needs them to match). `diagrams` overrides
    the setting (`client`: drawn in the browser)."""
    sock, base = reserve_port()
    with pytest.MonkeyPatch.context() as patch:
        if diagrams is not None:
            patch.setenv(ENV_DIAGRAMS, diagrams)
        assert cli.main(["build", *args, "--site-dir", str(root), "--site-url", base]) == 0
    server = serve(root, sock)
    try:
        yield Served(root, base)
    finally:
        server.shutdown()
