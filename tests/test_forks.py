"""A fork's question, in the source's words, stands in the diagram, the text and the step."""

from __future__ import annotations

from handlingsveileder.links import directory_url
from handlingsveileder.pages import render_pages
from handlingsveileder.validate import load_models_text

MODEL = """
demo:
  title: Demo
  language: nb
  levels:
    - id: niva-1
      name: Nivå 1
      steps:
        - id: a
          title: Evaluer
          question: Har barnet fått det bedre?
          outcomes:
            - {label: Bedre, goto: end}
            - {label: Ikke bedre, goto: [b]}
        - {id: b, title: Møte, end: true}
"""


def level_page() -> str:
    model = load_models_text(MODEL)["demo"]
    return {p.src_uri: p.markdown for p in render_pages(model, directory_url)}["niva-1.md"]


def test_the_question_is_a_rhombus_before_the_outcomes() -> None:
    chart = level_page().partition("```mermaid")[2].partition("```")[0]
    assert '{"Har barnet fått det bedre?"}' in chart
    rhombus = chart.split('{"Har barnet')[0].split()[-1]
    assert f"n2 --> {rhombus}" in chart
    assert chart.count(f"{rhombus} --> ") == 2


def test_the_question_stands_in_the_text_version_and_the_step() -> None:
    text = level_page()
    assert "    - Veivalg: Har barnet fått det bedre?" in text
    assert '<p class="hv-veivalg" markdown>**Veivalg:** Har barnet fått det bedre?</p>' in text
