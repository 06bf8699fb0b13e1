"""The presentation: its slides from the model, its charts, its document and its command.

What a trainer sees and does in the browser is tested in test_presentation_browser.py.
"""

from __future__ import annotations

import base64
import hashlib
import html
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import CONFIG, DATA, MODELS, ROOT, one_step_model

from handlingsveileder import cli, graph
from handlingsveileder.links import Links, directory_url
from handlingsveileder.model import Model
from handlingsveileder.pages import render_pages
from handlingsveileder.presentation import DECK_SRC, address_links, presentation_html
from handlingsveileder.presentation.charts import HIGHLIGHT, LevelChart, slide_svg
from handlingsveileder.presentation.document import deck_document
from handlingsveileder.presentation.slides import Deck, build_deck, short_html
from handlingsveileder.sitemap import SiteMap
from handlingsveileder.validate import load_models

NASTY = ROOT / "tests" / "fixtures" / "nasty" / "models.yaml"


def deck_of(model: Model) -> Deck:
    links = Links(SiteMap(model), directory_url)
    return build_deck(model, lambda level: links.diagram(f"{level}.md"), lambda src: None)


@pytest.mark.parametrize("model_id", MODELS)
def test_every_level_step_and_exit_has_its_slide_in_order(model_id: str) -> None:
    model = load_models(DATA)[model_id]
    slides = deck_of(model).slides
    kinds = [slide.kind for slide in slides]
    assert kinds[:2] == ["title", "agenda"] and kinds[-1] == "closing"
    expected = []
    for level in model.levels:
        expected.append(("level", level.id))
        expected += [("step", step.id) for step in level.steps]
        expected += [("exit", exit_id) for exit_id in graph.level_exits(model, level)]
    shown = [
        (s.kind, s.highlight if s.kind == "exit" else s.anchor)
        for s in slides
        if s.kind in ("level", "step", "exit")
    ]
    assert shown == expected
    anchors = [slide.anchor for slide in slides]
    assert len(anchors) == len(set(anchors)), "every slide has its own anchor"


@pytest.mark.parametrize("model_id", MODELS)
def test_a_step_slide_says_where_it_is_with_its_deadline_and_who(model_id: str) -> None:
    model = load_models(DATA)[model_id]
    slides = {slide.anchor: slide for slide in deck_of(model).slides}
    for level, step in model.all_steps():
        slide = slides[step.id]
        assert slide.chart == level.id and slide.highlight == step.id
        position = level.steps.index(step) + 1
        assert f"Steg {position} av {len(level.steps)}" in slide.kicker
        if step.deadline:
            assert "<dt>Frist</dt>" in slide.body, step.id
            assert html.escape(step.deadline) in slide.body, step.id
        for role in step.responsible:
            assert "<dt>Ansvarlig</dt>" in slide.body, step.id
            assert html.escape(model.roles[role].name) in slide.body, step.id


@pytest.mark.parametrize("model_id", MODELS)
def test_every_link_in_the_slides_leads_to_a_slide(model_id: str) -> None:
    deck = deck_of(load_models(DATA)[model_id])
    anchors = {slide.anchor for slide in deck.slides}
    for slide in deck.slides:
        for target in re.findall(r'href="#([^"]*)"', slide.body + slide.notes):
            assert target in anchors, f"{slide.anchor}: #{target}"


def test_a_decision_shows_every_outcome_with_where_it_leads() -> None:
    model = load_models(DATA)["romskog"]
    deck = deck_of(model)
    for level, step in model.all_steps():
        if not step.outcomes:
            continue
        body = next(s for s in deck.slides if s.anchor == step.id).body
        outcomes = re.search(r'<ol class="hv-slide-outcomes">(.*?)</ol>', body, re.DOTALL)
        assert outcomes is not None, step.id
        assert outcomes[1].count("<li>") == len(step.outcomes)
        for outcome in step.outcomes:
            for target in outcome.goto:
                anchor = f"{level.id}--{target}" if target in model.exits else target
                assert f'href="#{anchor}"' in outcomes[1] or target == "end"


def test_short_text_keeps_a_short_paragraph_and_cuts_a_long_one_at_a_word() -> None:
    assert short_html("Snakk med **foreldrene**.\n\nMer her.", 300) == (
        "Snakk med <strong>foreldrene</strong>."
    )
    long = "ord " * 200
    cut = short_html(long, 50)
    assert cut.endswith("…") and len(cut) <= 51 and "ord ord" in cut


def yaml_model(tmp_path: Path, text: str) -> Model:
    path = tmp_path / "models.yaml"
    path.write_text(text, encoding="utf-8")
    return next(iter(load_models(path).values()))


def test_trainer_notes_show_in_the_notes_and_nowhere_in_the_guide(tmp_path: Path) -> None:
    text = one_step_model(
        level="trainer_notes: Spør salen om erfaringer",
        step="trainer_notes: Vis skjemaet på lerretet",
    ).replace("  language: nb\n", "  language: nb\n  trainer_notes: Sett av en time\n")
    model = yaml_model(tmp_path, text)
    notes = {slide.anchor: slide.notes for slide in deck_of(model).slides}
    assert "Sett av en time" in notes["s--tittel"]
    assert "Spør salen om erfaringer" in notes["niva-1"]
    assert "Vis skjemaet på lerretet" in notes["a"]
    for page in render_pages(model, directory_url):
        for words in ("Sett av en time", "Spør salen", "Vis skjemaet"):
            assert words not in page.markdown, page.src_uri


def drawn_chart() -> tuple[str, LevelChart]:
    """A chart as Mermaid draws it: nodes wrapped in links, ids under the SVG's id."""
    source = (
        'flowchart TD\n    n1(("Start"))\n    n2["A"]\n    n3{"Spørsmål"}\n'
        '    n4(["Ja"])\n    n5{{"Meld"}}\n    n1 --> n2\n    n2 --> n3\n    n3 --> n4\n'
        '    n4 --> n5\n    click n2 href "#a" "A"\n    click n3 href "#a" "Spørsmål"\n'
        '    click n4 href "#a" "Ja"\n    click n5 href "../niva-2/#melding" "Meld"\n'
    )
    node = '<a xlink:href="{href}"><g class="node default clickable" id="hv-abc-flowchart-{n}-{i}">'
    svg = (
        '<svg id="hv-abc" aria-labelledby="chart-title-hv-abc"><title id="chart-title-hv-abc">'
        "T</title><style>#hv-abc .node{fill:red}</style>"
        '<marker id="hv-abc_flowchart-v2-pointEnd"></marker>'
        '<path id="L_n1_n2_0" marker-end="url(#hv-abc_flowchart-v2-pointEnd)"></path>'
        '<g class="node default" id="hv-abc-flowchart-n1-0"></g>'
        + "".join(
            node.format(href=href, n=n, i=i) + "</g></a>"
            for i, (n, href) in enumerate(
                [("n2", "#a"), ("n3", "#a"), ("n4", "#a"), ("n5", "../niva-2/#melding")], 1
            )
        )
        + "</svg>"
    )
    nodes = {"a": "n2", "melding": "n5"}
    return svg, LevelChart("niva-1", source, nodes)


def test_a_slide_highlights_exactly_its_own_node_and_links_slides() -> None:
    svg, chart = drawn_chart()
    one = slide_svg(svg, chart, {"melding": "niva-1--melding"}, copy="s5", highlight="a")
    highlighted = re.findall(rf'<g class="[^"]*\b{HIGHLIGHT}\b[^"]*"[^>]*>', one)
    assert len(highlighted) == 1
    assert 'id="hv-abc-s5-flowchart-n2-1"' in highlighted[0]  # the box, not the question
    assert 'data-hv-node="a"' in highlighted[0]
    assert re.findall(r'xlink:href="([^"]*)"', one) == ["#a", "#a", "#a", "#niva-1--melding"]
    exit_slide = slide_svg(svg, chart, {}, copy="s6", highlight="melding")
    assert re.findall(rf'class="[^"]*\b{HIGHLIGHT}\b', exit_slide) == [
        f'class="node default clickable {HIGHLIGHT}'
    ]
    assert 'id="hv-abc-s6-flowchart-n5-4"' in exit_slide


def test_each_copy_of_a_chart_has_ids_of_its_own() -> None:
    svg, chart = drawn_chart()
    first = slide_svg(svg, chart, {})
    copy = slide_svg(svg, chart, {}, copy="s7", highlight="a")
    ids = set(re.findall(r'\sid="([^"]+)"', first))
    copied = set(re.findall(r'\sid="([^"]+)"', copy))
    assert ids and not ids & copied
    assert "url(#hv-abc-s7_flowchart-v2-pointEnd)" in copy
    assert "#hv-abc-s7 .node" in copy and 'aria-labelledby="chart-title-hv-abc-s7"' in copy
    assert 'id="hv-abc-s7-L_n1_n2_0"' in copy


def test_the_document_runs_only_its_own_script_and_fetches_nothing() -> None:
    model = load_models(NASTY)["nasty"]
    document = deck_document(deck_of(model), None, leave="../")
    scripts = re.findall(r"<script>(.*?)</script>", document, re.DOTALL)
    assert len(scripts) == 1
    assert document.count("<script") == 1, "no text from the model becomes a script"
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', document)
    assert policy is not None
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy[1]
    assert "default-src 'none'" in policy[1] and "connect-src" not in policy[1]
    assert not re.search(r"""\s(?:src|href)=["']?(?:https?:)?//""", document.split("<style>")[0])
    assert "<img" not in document
    assert not handler_attributes(document), "no element has an event handler"
    assert "Notat &lt;script&gt;" in document


def handler_attributes(document: str) -> list[str]:
    """The `on…` attributes of every element of `document`."""
    found: list[str] = []

    class Finder(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.extend(f"{tag} {name}" for name, _ in attrs if name.startswith("on"))

    Finder().feed(document)
    return found


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`handlingsveileder presentasjon` for one model, charts drawn."""
    out = tmp_path_factory.mktemp("deck") / "romskog.html"
    args = ["presentasjon", "--config", str(CONFIG), "--model", "romskog", "--out", str(out)]
    assert cli.main([*args, "--site-url", "https://veileder.example/romskog/"]) == 0
    return out


def test_the_command_writes_one_file_with_every_chart_inside(exported: Path) -> None:
    text = exported.read_text(encoding="utf-8")
    model = load_models(DATA)["romskog"]
    steps = len(model.all_steps())
    assert text.count('<section class="hv-slide ') == len(deck_of(model).slides)
    assert text.count("<svg") >= steps + 1
    assert len(re.findall(rf'<g class="node[^"]*\b{HIGHLIGHT}\b', text)) >= steps
    assert 'href="https://veileder.example/romskog/"' in text  # the closing slide
    assert text.count('<figure class="hv-slide-qr">') == 1  # its address as a QR code
    deck = re.search(r'<div class="hv-deck"[^>]*>', text)
    assert deck is not None and "data-hv-leave" not in deck[0]  # no site to go back to


def run_cli(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "handlingsveileder.cli", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
    )


def test_without_a_browser_to_draw_the_charts_nothing_is_written(tmp_path: Path) -> None:
    out = tmp_path / "deck.html"
    out.write_text("forrige", encoding="utf-8")
    empty_cache = tmp_path / "project"
    (empty_cache / "data").mkdir(parents=True)
    (empty_cache / "data" / "models.yaml").write_text(one_step_model(), encoding="utf-8")
    (empty_cache / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    args = ["presentasjon", "--config", str(empty_cache / "mkdocs.yml"), "--model", "demo"]
    result = run_cli([*args, "--out", str(out)], HV_CHROMIUM=str(tmp_path / "ingen-chromium"))
    assert result.returncode == 1
    assert "Kunne ikke tegne flytskjemaene" in result.stderr and "Traceback" not in result.stderr
    assert out.read_text(encoding="utf-8") == "forrige"


def test_an_unknown_model_is_named_with_the_known_ones(tmp_path: Path) -> None:
    result = run_cli(["presentasjon", "--model", "finnes-ikke", "--out", str(tmp_path / "x")])
    assert result.returncode == 1 and "finnes-ikke" in result.stderr
    assert "modum" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "x").exists()


def test_the_site_deck_links_back_to_the_guide() -> None:
    model = load_models(DATA)["samarbeidsmodellen"]
    text = presentation_html(
        model,
        directory_url,
        address_links(None, directory_url),
        None,
        leave="../",
    )
    assert 'data-hv-leave="../"' in text and 'class="hv-deck-leave" href="../"' in text
    assert '<figure class="hv-slide-qr">' not in text, "no QR code without the address"
    assert DECK_SRC == "presentasjon/index.html"
