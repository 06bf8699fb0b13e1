"""The editor's inferences are data: dashed in the diagram, marked in the text, listed."""

from __future__ import annotations

from handlingsveileder.links import directory_url
from handlingsveileder.pages import render_pages
from handlingsveileder.validate import load_models_text

MODEL = """
demo:
  title: Demo
  language: {language}
  levels:
    - id: niva-1
      name: Nivå 1
      steps:
        - id: a
          title: Samtale
          inferred: Kilden har ingen piler; rekkefølgen følger nummereringen.
        - id: b
          title: Evaluer
          outcomes:
            - label: Bra
              goto: end
            - label: Videre
              goto: [a]
              inferred: Kilden sier ikke hvilket trinn.
"""


def level_page(language: str = "nb") -> str:
    model = load_models_text(MODEL.format(language=language))["demo"]
    pages = {page.src_uri: page.markdown for page in render_pages(model, directory_url)}
    return pages["niva-1.md"]


def test_inferred_edges_are_dashed_and_stated_ones_solid() -> None:
    text = level_page()
    chart = text.partition("```mermaid")[2].partition("```")[0]
    assert chart.count("-.->") == 2  # a → b, and «Videre» → a
    assert "n2 -.-> n3" in chart
    assert chart.count(" --> ") == 4  # start → a, b → Bra, b → Videre, Bra → end


def test_the_text_version_and_the_step_mark_every_inference() -> None:
    text = level_page()
    version = text.partition('??? info "Tekstversjon av flytskjemaet"')[2].partition("!!!")[0]
    assert "Videre: [Evaluer](#b) (redaksjonens tolkning)" in version
    assert "Videre fører til [Samtale](#a) (redaksjonens tolkning)" in version
    assert "Bra fører til slutt\n" in version
    assert "→ Gå til: [Samtale](#a) (redaksjonens tolkning)" in text


def test_the_level_page_lists_every_inference_with_its_reason() -> None:
    text = level_page()
    box = text.partition('!!! note "Redaksjonens tolkning"')[2].partition("\n## ")[0]
    assert "Stiplede piler i flytskjemaet er redaksjonens tolkning" in box
    assert "- [Samtale](#a): Kilden har ingen piler; rekkefølgen følger nummereringen." in box
    assert "- [Evaluer](#b) – Videre: Kilden sier ikke hvilket trinn." in box


def test_nynorsk_words_for_inferences() -> None:
    text = level_page("nn")
    assert '!!! note "Redaksjonen si tolking"' in text
    assert "(redaksjonen si tolking)" in text


def test_no_box_without_inferences() -> None:
    model = load_models_text(MODEL.format(language="nb").replace("inferred", "# inferred"))
    pages = render_pages(model["demo"], directory_url)
    assert all("Redaksjonens tolkning" not in page.markdown for page in pages)
