"""Mermaid generation: generated ids, quoted and encoded labels, links, limits."""

from __future__ import annotations

import re

import pytest

from handlingsveileder import mermaid
from handlingsveileder.i18n import labels
from handlingsveileder.validate import load_models_text

WORDS = labels("nb")
MODEL = """
demo:
  title: Demo
  language: nb
  levels:
    - id: niva-1
      name: "Nivå 1 <b>&</b>"
      steps:
        - {id: a, number: "1", title: 'Snakk med "barnet" # | `x`'}
        - id: b
          title: Vurder
          outcomes:
            - {label: Bedre, short: Ok, goto: end}
            - {label: Verre, goto: niva-2}
    - id: niva-2
      name: Nivå 2
      steps:
        - {id: c, title: C, end: true}
"""


def chart(level: int = 0) -> str:
    model = load_models_text(MODEL)["demo"]
    return mermaid.level_flowchart(model, model.levels[level], lambda t: f"/{t}/", WORDS)


def test_node_ids_are_generated_never_taken_from_text() -> None:
    ids = re.findall(r"^\s+(\w+)[\[\(]", chart(), re.MULTILINE)
    assert ids and all(re.fullmatch(r"n\d+", node) for node in ids)


def test_labels_are_quoted_and_syntax_characters_encoded() -> None:
    text = chart()
    # Backticks are Markdown code markers, removed from labels like other emphasis.
    assert '["1 Snakk med #quot;barnet#quot; #35; #124; x"]' in text
    assert "<b>" not in text and "&</b>" not in text


def test_accessible_title_and_description() -> None:
    lines = chart().splitlines()
    assert lines[0] == "flowchart TD"
    assert lines[1].startswith("    accTitle: Flytskjema for Nivå 1")
    assert "<" not in lines[1] and "&" not in lines[1]
    assert lines[2] == "    accDescr: Nivå 1 b /b : 1 Snakk med barnet x, Vurder"


def test_click_lines_use_href_not_callbacks() -> None:
    clicks = [line for line in chart().splitlines() if "click" in line]
    assert clicks
    assert all(re.fullmatch(r'    click n\d+ href "[^"]*" "[^"]*"', line) for line in clicks)
    assert any('href "/niva-2/"' in line for line in clicks)


def test_outcomes_become_labelled_nodes_and_end_is_a_circle() -> None:
    text = chart()
    assert '(["Ok"])' in text and '(["Verre"])' in text
    assert '(("Slutt"))' in text and '(("Start"))' in text


def test_long_labels_are_shortened() -> None:
    assert mermaid.shorten("x" * 200).endswith("…")
    assert len(mermaid.shorten("x" * 200)) == mermaid.LABEL_LIMIT


def test_overview_groups_levels_and_labels_cross_level_edges() -> None:
    model = load_models_text(MODEL)["demo"]
    overview = mermaid.overview_flowchart(model, lambda t: f"/{t}/", WORDS)
    assert overview.detail == "steps" and overview.chart is not None
    text = overview.chart
    assert text.count("subgraph") == 2
    assert 'subgraph g1["Nivå 1 #lt;b#gt;#amp;#lt;/b#gt;"]' in text
    assert '-->|"Verre"|' in text


def test_too_large_diagram_is_refused() -> None:
    from handlingsveileder.model import Level, Model, Step

    steps = tuple(Step(id=f"s{i}", title=f"Steg {i}") for i in range(600))
    level = Level(id="niva-1", name="N", steps=(*steps, Step(id="slutt", title="S", end=True)))
    model = Model(id="demo", title="Demo", language="nb", levels=(level,))
    with pytest.raises(mermaid.DiagramTooLarge):
        mermaid.level_flowchart(model, level, lambda t: "#", WORDS)
