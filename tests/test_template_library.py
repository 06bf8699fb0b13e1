"""The template library: shipped templates are complete, parallel in nb and nn, and in the right
language; malformed data is refused with the file and field named."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from handlingsveileder import template_library as lib
from handlingsveileder.laws import LAWS
from handlingsveileder.template_library import (
    FIELD_TYPES,
    KINDS,
    LANGUAGES,
    NOTICE,
    Template,
    TemplateSection,
    load_template,
    template_ids,
)

EXPECTED = {
    "observasjonsskjema",
    "samtykkeskjema",
    "referatmal",
    "nettverksmote",
    "samtale-med-barn",
    "samtale-med-foresatte",
    "signaler-sarbare-barn",
    "stafettlogg",
    "bekymringsmelding",
}
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# Words that exist in one written standard and not the other. Kept small and unambiguous.
BOKMAL_ONLY = {
    "ikke", "jeg", "hva", "hvem", "hvordan", "hvorfor", "hvis", "noen", "mye", "være", "bare",
    "hjem", "hjemme", "dere", "deres", "uten", "ble", "foresatte", "taushetsplikt",
}  # fmt: skip
NYNORSK_ONLY = {
    "ikkje", "kva", "kven", "korleis", "kvifor", "eg", "frå", "eit", "ein", "berre", "heime",
    "nokon", "noko", "mykje", "vere", "utan", "føresette", "teieplikt", "teieplikta", "dykk",
}  # fmt: skip


def all_templates() -> Iterator[Template]:
    for template_id in template_ids():
        for language in LANGUAGES:
            yield load_template(template_id, language)


def texts(t: Template) -> Iterator[str]:
    """Every piece of text in one language of a template (not the sources, which are titles)."""
    yield t.title
    yield t.intro
    for link in t.links:
        yield link.title
    for section in t.sections:
        yield section.title
        yield from (x for x in (section.help, section.text) if x)
        for f in section.fields:
            yield f.label
            yield from (x for x in (f.help,) if x)
            yield from f.choices
            yield from f.columns


def words(text: str) -> set[str]:
    return set(re.findall(r"[a-zæøåéèêóòôü]+", text.lower()))


def test_the_library_has_the_expected_templates() -> None:
    assert set(template_ids()) >= EXPECTED
    assert list(template_ids()) == sorted(template_ids())


@pytest.mark.parametrize("template_id", sorted(EXPECTED))
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_template_loads(template_id: str, language: str) -> None:
    t = load_template(template_id, language)
    assert t.id == template_id
    assert t.language == language
    assert t.kind in KINDS
    assert t.version.strip()
    assert t.title.strip() and t.intro.strip()
    assert t.sections
    assert t.sources and all(s.title and s.url.startswith("https://") for s in t.sources)
    assert all(link.url.startswith("https://") for link in t.links)
    assert all(ref.law in LAWS and ref.section for ref in t.legal)


@pytest.mark.parametrize("template_id", sorted(EXPECTED))
def test_nb_and_nn_have_the_same_structure(template_id: str) -> None:
    nb, nn = (load_template(template_id, language) for language in LANGUAGES)
    assert (nb.kind, nb.version, nb.legal) == (nn.kind, nn.version, nn.legal)
    assert nb.sources == nn.sources
    assert [link.url for link in nb.links] == [link.url for link in nn.links]
    assert [s.id for s in nb.sections] == [s.id for s in nn.sections]
    for a, b in zip(nb.sections, nn.sections, strict=True):
        assert (a.text is None) == (b.text is None), a.id
        assert shape(a) == shape(b), a.id


def shape(section: TemplateSection) -> list[tuple[object, ...]]:
    return [
        (f.id, f.type, len(f.choices), f.multiple, len(f.columns), f.rows) for f in section.fields
    ]


@pytest.mark.parametrize("t", list(all_templates()), ids=lambda t: f"{t.id}-{t.language}")
def test_fields_are_complete(t: Template) -> None:
    seen: set[str] = set()
    for section in t.sections:
        assert ID.match(section.id) and section.id not in seen, section.id
        seen.add(section.id)
        assert section.title.strip()
        assert section.fields or section.text, section.id
        for f in section.fields:
            assert ID.match(f.id) and f.id not in seen, f.id
            seen.add(f.id)
            assert f.label.strip(), f.id
            assert f.type in FIELD_TYPES, f.id
            assert bool(f.choices) == (f.type == "choice"), f.id
            assert bool(f.columns) == (f.type == "table") == (f.rows >= 1), f.id
            assert not f.multiple or f.type == "choice", f.id
    if t.kind != "information":
        assert any(section.fields for section in t.sections)


@pytest.mark.parametrize("t", list(all_templates()), ids=lambda t: f"{t.id}-{t.language}")
def test_text_is_in_the_right_written_standard(t: Template) -> None:
    wrong = NYNORSK_ONLY if t.language == "nb" else BOKMAL_ONLY
    for text in texts(t):
        assert not words(text) & wrong, text


def test_notice_is_in_the_right_written_standard() -> None:
    assert not words(NOTICE["nb"]) & NYNORSK_ONLY
    assert not words(NOTICE["nn"]) & BOKMAL_ONLY


def test_unknown_template_or_language_is_refused() -> None:
    with pytest.raises(ValueError):
        load_template("finnes-ikke", "nb")
    with pytest.raises(ValueError):
        load_template("observasjonsskjema", "se")


# --- malformed data -------------------------------------------------------------------------

VALID: dict[str, Any] = {
    "id": "proeve",
    "kind": "form",
    "version": "1.0",
    "sources": [{"title": "Kilde", "url": "https://example.org/"}],
    "nb": {
        "title": "Prøve",
        "intro": "Tekst.",
        "sections": [
            {
                "id": "del",
                "title": "Del",
                "fields": [
                    {"id": "dato", "label": "Dato", "type": "date"},
                    {"id": "valg", "label": "Valg", "type": "choice", "choices": ["A", "B"]},
                ],
            }
        ],
    },
    "nn": {
        "title": "Prøve",
        "intro": "Tekst.",
        "sections": [
            {
                "id": "del",
                "title": "Del",
                "fields": [
                    {"id": "dato", "label": "Dato", "type": "date"},
                    {"id": "valg", "label": "Val", "type": "choice", "choices": ["A", "B"]},
                ],
            }
        ],
    },
}


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point the library at an empty folder of our own for one test."""
    monkeypatch.setattr(lib, "_FOLDER", tmp_path)
    lib.template_ids.cache_clear()
    lib._load_all.cache_clear()
    yield tmp_path
    lib.template_ids.cache_clear()
    lib._load_all.cache_clear()


def write(folder: Path, data: dict[str, Any], name: str = "proeve") -> None:
    (folder / f"{name}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    lib.template_ids.cache_clear()
    lib._load_all.cache_clear()  # the library caches what it has read


def field(data: dict[str, Any], index: int) -> dict[str, Any]:
    """One field of the first nb section in `data`."""
    result: dict[str, Any] = data["nb"]["sections"][0]["fields"][index]
    return result


def load_error(folder: Path, data: dict[str, Any]) -> str:
    write(folder, data)
    with pytest.raises(ValueError) as info:
        load_template("proeve", "nb")
    return str(info.value)


def test_the_valid_example_loads(folder: Path) -> None:
    write(folder, VALID)
    assert load_template("proeve", "nn").sections[0].fields[1].label == "Val"


def test_unknown_field_type(folder: Path) -> None:
    data = copy.deepcopy(VALID)
    data["nb"]["sections"][0]["fields"][0]["type"] = "dato"
    message = load_error(folder, data)
    assert message.startswith("proeve.yaml: nb › sections[0] › fields[0].type:")
    assert "'dato'" in message


def test_missing_language(folder: Path) -> None:
    data = copy.deepcopy(VALID)
    del data["nn"]
    assert load_error(folder, data) == "proeve.yaml: nn: mangler"


def test_field_ids_differ_between_languages(folder: Path) -> None:
    data = copy.deepcopy(VALID)
    data["nn"]["sections"][0]["fields"][0]["id"] = "dag"
    message = load_error(folder, data)
    assert message.startswith("proeve.yaml: nn: oppbyggingen skiller seg fra nb")
    assert "dato" in message and "dag" in message


def test_field_types_differ_between_languages(folder: Path) -> None:
    data = copy.deepcopy(VALID)
    data["nn"]["sections"][0]["fields"][0]["type"] = "text"
    assert "oppbyggingen skiller seg fra nb" in load_error(folder, data)


def test_misspelt_key_gets_a_suggestion(folder: Path) -> None:
    data = copy.deepcopy(VALID)
    field = data["nb"]["sections"][0]["fields"][0]
    field["lable"] = field.pop("label")
    message = load_error(folder, data)
    assert "nb › sections[0] › fields[0].lable: ukjent felt (mente du 'label'?)" in message


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: field(d, 1).pop("choices"), "fields[1].choices: mangler"),
        (lambda d: field(d, 0).update(rows=3), "fields[0].rows: brukes ikke med type 'date'"),
        (lambda d: field(d, 1).update(multiple="ja"), "fields[1].multiple: må være true/false"),
        (lambda d: field(d, 1).update(id="dato"), "fields[1].id: 'dato': er brukt før"),
        (lambda d: d["nb"]["sections"][0].update(id="Del 1"), "sections[0].id"),
        (lambda d: d.update(version=1.0), "version: må være en tekst"),
        (lambda d: d.update(kind="skjema"), "kind: ukjent verdi 'skjema'"),
        (lambda d: d.update(sources=[]), "sources: listen er tom"),
        (lambda d: d["sources"][0].update(url="http://example.org/"), "https://"),
        (lambda d: d.update(legal=[{"law": "bl", "section": "1"}]), "legal[0].law: ukjent verdi"),
        (lambda d: d["nb"].update(sections=[]), "nb › sections: listen er tom"),
        (lambda d: d["nb"]["sections"][0].update(fields=[]), "trenger `text` eller minst ett felt"),
        (lambda d: field(d, 0).update(label=""), "fields[0].label: må være en tekst"),
        (lambda d: d.update(id="annen"), "id: må være lik filnavnet"),
    ],
)
def test_malformed_data_names_file_and_field(folder: Path, change: Any, expected: str) -> None:
    data = copy.deepcopy(VALID)
    change(data)
    message = load_error(folder, data)
    assert message.startswith("proeve.yaml: ")
    assert expected in message


def test_table_needs_columns_and_rows(folder: Path) -> None:
    data = copy.deepcopy(VALID)
    table = {"id": "tabell", "label": "Tabell", "type": "table", "columns": ["A"], "rows": 2}
    for language in LANGUAGES:
        data[language]["sections"][0]["fields"].append(dict(table))
    write(folder, data)
    assert load_template("proeve", "nb").sections[0].fields[2].rows == 2
    del data["nb"]["sections"][0]["fields"][2]["rows"]
    assert "fields[2].rows: mangler" in load_error(folder, data)


def test_yaml_syntax_error_names_the_file(folder: Path) -> None:
    (folder / "proeve.yaml").write_text("id: [proeve\n", "utf-8")
    with pytest.raises(ValueError, match=r"^proeve\.yaml: ugyldig YAML"):
        load_template("proeve", "nb")
