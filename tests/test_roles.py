"""Role pages: the steps a role answers for, and the guide's own sentences about it."""

from __future__ import annotations

from conftest import DATA

from handlingsveileder.links import directory_url
from handlingsveileder.pages import render_pages
from handlingsveileder.validate import load_models


def pages(model_id: str) -> dict[str, str]:
    model = load_models(DATA)[model_id]
    return {page.src_uri: page.markdown for page in render_pages(model, directory_url)}


def test_a_role_page_lists_its_steps_and_the_guides_sentences() -> None:
    page = pages("modum")["roller/stafettholder.md"]
    steps = page.partition("## Ansvarlig for")[2].partition("## ")[0]
    assert "[1 Etabler kontakt med annen tjeneste](../niva-2.md#n2-etabler-kontakt)" in steps
    assert "n2-beslutning" not in steps  # the source names no one for the decision
    words = page.partition("## Det veilederen sier om rollen")[2]
    assert (
        "«Stafettholder har ansvar for møteledelse, referat og oppdatering av stafettlogg.»"
        in words
    )


def test_responsible_links_to_the_role_page() -> None:
    level = pages("modum")["niva-2.md"]
    assert ":   [Stafettholder](roller/stafettholder.md)" in level


def test_a_new_role_from_the_source_has_its_page() -> None:
    model = load_models(DATA)["bti-fem-steg"]
    assert "koordinator" in model.roles
    page = pages("bti-fem-steg")["roller/koordinator.md"]
    assert "[3 Iverksett koordinerte tiltak]" in page


def test_who_in_the_sources_words_stands_beside_the_roles() -> None:
    from handlingsveileder.validate import load_models_text

    model = load_models_text(
        "demo:\n  title: D\n  language: nb\n  roles: {leder: {name: Leder}}\n  levels:\n"
        "    - id: a\n      name: A\n      steps:\n"
        "        - {id: s, title: S, end: true, responsible: [leder],"
        " who: kontaktlærer i samråd med rektor}\n"
    )["demo"]
    level = {p.src_uri: p.markdown for p in render_pages(model, directory_url)}["a.md"]
    assert ":   [Leder](roller/leder.md), kontaktlærer i samråd med rektor" in level
