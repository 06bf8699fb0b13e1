"""Nothing an editor types can run on the site.

Every text field of the Modum model is poisoned at once, each with a payload that names
the field, for one context at a time (element, attribute, `<title>`, attribute list,
diagram syntax). Each poisoned model must pass `check`, build with `--strict`, contain no
executable payload in any file, and run none in Chromium (page load, diagrams, search).
URL fields are tested apart: every unsafe form is refused by `check`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import CONFIG, DATA, Browser, Served, built_and_served

from handlingsveileder import cli
from handlingsveileder.fields import fields_of
from handlingsveileder.model import Model
from handlingsveileder.validate import load_models

PAYLOADS: dict[str, Callable[[str], str]] = {
    "element": lambda f: f"<script>hvPwn('{f}')</script><img src=x onerror=\"hvPwn('{f}')\">",
    "attribute": lambda f: f"\" autofocus onfocus=\"hvPwn('{f}')\" x=\"' onmouseover='hvPwn(1)'",
    "title": lambda f: f"</title><script>hvPwn('{f}')</script><title>",
    "attr-list": lambda f: f"x{{ onclick=\"hvPwn('{f}')\" }} {{: onmouseover=hvPwn('{f}') }}",
    "diagram": lambda f: f'"]; click n1 call hvPwn("{f}"); n9["%%{{init: {{}}}}%% --> end',
}
RECORD = """
window.__pwned = [];
window.hvPwn = (what) => window.__pwned.push(String(what));
"""


def poison(model: Model, payload: Callable[[str], str]) -> dict[str, Any]:
    """The model as YAML data with every free text replaced by a payload naming its field."""
    counter = iter(range(100_000))

    def walk(obj: Any) -> Any:
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            out: dict[str, Any] = {}
            for spec in fields_of(type(obj)):
                value = getattr(obj, spec.name)
                free = (spec.base == "text" and spec.mark is None) or spec.markdown
                if (
                    value is None
                    or value == ()
                    or value == {}
                    or (spec.name == "id" and obj is model)
                ):
                    continue
                if free and isinstance(value, str):
                    out[spec.name] = payload(f"{spec.name}{next(counter)}")
                elif free and isinstance(value, tuple):
                    out[spec.name] = [payload(f"{spec.name}{next(counter)}") for _ in value]
                else:
                    out[spec.name] = walk(value)
            return out
        if isinstance(obj, tuple):
            return [walk(item) for item in obj]
        if isinstance(obj, dict):
            return {key: walk(item) for key, item in obj.items()}
        return obj

    return {model.id: walk(model)}


class Executable(HTMLParser):
    """Finds markup that could run a payload: handlers, scripts, javascript: URLs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.in_script = tag == "script"
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}={value!r}>")
            if value and "hvpwn" in value.lower().replace(" ", "") and "javascript:" in value:
                self.found.append(f"<{tag} {name}={value!r}>")

    def handle_endtag(self, tag: str) -> None:
        self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script and "hvPwn" in data:
            self.found.append(f"<script>{data[:80]}")


def executable_in(root: Path) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.html")):
        parser = Executable()
        parser.feed(path.read_text(encoding="utf-8"))
        found += [f"{path.relative_to(root)}: {item}" for item in parser.found]
    return found


@pytest.fixture(scope="module", params=sorted(PAYLOADS))
def poisoned(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, Served]]:
    family = request.param
    folder = tmp_path_factory.mktemp(f"poison-{family}")
    data = folder / "models.yaml"
    model = load_models(DATA)["modum"]
    data.write_text(yaml.safe_dump(poison(model, PAYLOADS[family]), allow_unicode=True), "utf-8")
    assert cli.main(["check", str(data)]) == 0, f"{family}: check must accept plain text"
    args = ["--config", str(CONFIG), "--data", str(data), "--model", "modum"]
    with built_and_served(folder / "site", args) as served:
        yield family, served


def test_every_text_field_is_poisoned() -> None:
    data = poison(load_models(DATA)["modum"], PAYLOADS["element"])
    dumped = yaml.safe_dump(data, allow_unicode=True)
    for field in ("title", "kommune", "name", "text", "label", "deadline", "phone", "number"):
        assert f"hvPwn('{field}" in dumped, field


def test_no_file_holds_an_executable_payload(poisoned: tuple[str, Served]) -> None:
    family, site = poisoned
    assert executable_in(site.root) == [], family
    level = (site.root / "niva-1" / "index.html").read_text(encoding="utf-8")
    assert "hvPwn" in level, "the payloads are on the page, as text"


@pytest.mark.slow
def test_nothing_runs_in_the_browser(poisoned: tuple[str, Served], browser: Browser) -> None:
    family, site = poisoned
    browser.context.add_init_script(RECORD)
    page = browser.new_page()
    dialogs = browser.refuse_dialogs(page)
    for path in ("", "niva-1/", "niva-2/", "verktoy/", "verktoy/referatmal/"):
        page.goto(site.url(path))
        page.wait_for_function(
            "() => document.querySelectorAll('.hv-diagram pre').length === 0", timeout=20_000
        )
        page.mouse.move(200, 300)
        page.keyboard.press("Tab")
        live = page.evaluate(
            """() => {
              const roots = [document, ...[...document.querySelectorAll('*')]
                .filter(e => e.shadowRoot).map(e => e.shadowRoot)];
              return roots.flatMap(r => [...r.querySelectorAll('*')]).flatMap(e =>
                [...e.attributes].filter(a => a.name.startsWith('on')
                  || /^\\s*javascript:/i.test(a.value)).map(a => e.tagName + ' ' + a.name));
            }"""
        )
        assert live == [], (family, path)
        assert page.evaluate("() => window.__pwned") == [], (family, path)
    page.goto(site.url(""))
    page.keyboard.press("/")
    page.keyboard.type("hvPwn")
    page.wait_for_timeout(1500)
    assert page.evaluate("() => window.__pwned") == [], (family, "search")
    assert dialogs == []
    assert browser.foreign_requests() == []


URL_PAYLOADS = [
    "javascript:hvPwn(1)",
    "JaVaScRiPt:hvPwn(1)",
    "javascript&#58;hvPwn(1)",
    "javascript&colon;hvPwn(1)",
    "&#x6A;avascript:hvPwn(1)",
    "&#106;avascript:hvPwn(1)",
    "data:text/html,<script>hvPwn(1)</script>",
    "vbscript:hvPwn",
    'https://bufdir.no/){onclick="hvPwn(1)"}',
    'https://bufdir.no/" onclick="hvPwn(1)',
    "https://bufdir.no/<script>",
    "//evil.example/x",
    "java\tscript:hvPwn(1)",
]


@pytest.mark.parametrize("payload", URL_PAYLOADS)
@pytest.mark.parametrize("where", ["tools", "resources", "legal", "source"])
def test_unsafe_urls_are_refused_in_every_url_field(
    payload: str, where: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    model = load_models(DATA)["modum"]
    data = poison(model, lambda f: "tekst")
    entry = data["modum"]
    if where == "source":
        entry["source"] = {"title": "Kilde", "url": payload}
    else:
        catalogue = entry.setdefault(where, {})
        catalogue["ny"] = {"name": "Ny", "url": payload}
    path = tmp_path / "models.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert cli.main(["check", str(path)]) == 1
    err = capsys.readouterr().err
    assert "url: lenken" in err and "Traceback" not in err
