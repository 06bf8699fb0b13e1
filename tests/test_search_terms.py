"""The extra search terms (search_terms.py): compounds, bokmål ↔ nynorsk, the glossary and
its messages, and the index they go into. Pure Python; the browser runs are test_search.py."""

from __future__ import annotations

import copy
import html
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import DATA, ROOT

from handlingsveileder import cli
from handlingsveileder.errors import ModelError
from handlingsveileder.search_terms import (
    STOP_WORDS,
    TEXT_FIELD,
    TITLE_FIELD,
    Glossary,
    Lexicon,
    enrich,
    form_table,
    load_glossary,
    split_compound,
    typing_slips,
    word_terms,
)
from handlingsveileder.settings import ENV_DIAGRAMS

GLOSSARY = ROOT / "data" / "sokeord.yaml"
CONFIG: dict[str, Any] = {
    "lang": ["no"],
    "separator": r"[\s\-]+",
    "pipeline": ["stopWordFilter"],
    "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1e6}},
}


def index(*docs: tuple[str, str, str]) -> dict[str, Any]:
    """A search index as Material's plugin writes it: (location, title, text) per document."""
    return {
        "config": copy.deepcopy(CONFIG),
        "docs": [{"location": loc, "title": title, "text": text} for loc, title, text in docs],
    }


def lexicon(*words: str) -> Lexicon:
    """What a site that uses `words` splits compounds into (and the tool's own table)."""
    return Lexicon.of([{"title": "", "text": " ".join(words)}], Glossary())


def extra(doc: dict[str, Any]) -> set[str]:
    return set(f"{doc.get(TITLE_FIELD, '')} {doc.get(TEXT_FIELD, '')}".split())


# -- compounds ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "known", "parts"),
    [
        ("bekymringsmelding", "bekymring melding", [("bekymring", "s"), ("melding", "")]),
        ("voldsutsatt", "vold utsatt", [("vold", "s"), ("utsatt", "")]),
        ("barnehage", "barn hage", [("barn", "e"), ("hage", "")]),
        ("samtykkeskjema", "samtykke skjema", [("samtykke", ""), ("skjema", "")]),
        ("samtykkjeskjema", "samtykkje skjema", [("samtykkje", ""), ("skjema", "")]),
        ("undringssamtale", "undring samtale", [("undring", "s"), ("samtale", "")]),
        ("barneverntjenesten", "barnevern tjenesten", [("barnevern", ""), ("tjenesten", "")]),
    ],
)
def test_a_compound_splits_into_words_the_site_uses(
    word: str, known: str, parts: list[tuple[str, str]]
) -> None:
    assert split_compound(word, frozenset(known.split())) == tuple(parts)


@pytest.mark.parametrize(
    ("word", "known"),
    [
        ("referatmal", "referat mal"),  # «mal» is shorter than a part may be
        ("melding", "melding"),  # a known word is not split into itself
        ("oversikt", "over sikt"),  # «over» is a stop word, never a part
        ("bekymringsbrev", "bekymring"),  # «brev» is not known
        ("stafettlogs", "stafett logg"),  # no part ends the word
    ],
)
def test_no_split_without_known_parts_long_enough(word: str, known: str) -> None:
    assert split_compound(word, lexicon(*known.split()).vocabulary) is None


def test_the_parts_of_a_compound_are_search_terms() -> None:
    terms = word_terms("bekymringsmelding", lexicon("bekymring", "melding"))
    assert {"bekymring", "melding", "bekymringsmelding"} <= terms
    assert {"vold", "utsatt", "vald", "utsett"} <= word_terms("voldsutsatt", lexicon("vold"))


def test_a_linking_s_is_added_or_dropped_where_a_compound_usually_has_one() -> None:
    known = lexicon("undring", "samtale", "bekymring", "melding", "stafett", "holder")
    assert "undringssamtale" in word_terms("undringsamtale", known)
    assert "undringsamtale" in word_terms("undringssamtale", known)
    assert "bekymringmelding" in word_terms("bekymringsmelding", known)
    assert "stafettsholder" not in word_terms("stafettholder", known)  # «stafett» takes none


# -- bokmål and nynorsk ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bokmal", "nynorsk"),
    [
        ("samtykkeskjema", "samtykkjeskjema"),
        ("samtykke", "samtykkje"),
        ("foresatte", "føresette"),
        ("vold", "vald"),
        ("taushetsplikt", "teieplikt"),
        ("skole", "skule"),
        ("tjenesten", "tenesta"),
        ("tverrfaglig", "tverrfagleg"),  # by the rule -lig/-leg
        ("vanligvis", "vanlegvis"),
        ("dekke", "dekkje"),  # by the rule -kke/-kkje
        ("veileder", "rettleiar"),
        ("stafettholder", "stafetthaldar"),
    ],
)
def test_each_written_form_finds_the_other(bokmal: str, nynorsk: str) -> None:
    known = lexicon()
    assert nynorsk in word_terms(bokmal, known)
    assert bokmal in word_terms(nynorsk, known)


def test_a_compound_gets_the_other_form_of_its_parts() -> None:
    known = lexicon("oppvekst", "teneste", "kontakt", "lærer")
    assert "oppveksttjeneste" in word_terms("oppvekstteneste", known)
    assert "kontaktlærar" in word_terms("kontaktlærer", known)
    assert "barneverntjenesten" in word_terms("barnevernstenesta", known)  # from the table


def test_an_ending_beyond_a_table_word_keeps_the_other_form() -> None:
    terms = word_terms("føresettes", lexicon())
    assert {"foresatte", "foresattes"} <= terms
    assert "fastlige" not in word_terms("fastlege", lexicon())  # a noun, not -leg


def test_the_form_table_pairs_real_words_both_ways() -> None:
    table = form_table()
    assert len(table) > 250
    for word, others in table.items():
        assert others and word not in others, word
        assert all(word in table[other] for other in others), word
        assert word == word.lower().strip() and " " not in word, word


# -- typing slips ---------------------------------------------------------------------------


def test_a_long_title_word_gets_its_slips() -> None:
    slips = typing_slips("bekymringsmelding")
    assert {"bekymringsmeldig", "bekymrinsmelding", "bekymringmelding"} <= slips
    assert "ekymringsmelding" not in slips and "bekymringsmeldin" not in slips
    assert typing_slips("samtale") == set()  # too short to be worth it


# -- the glossary ---------------------------------------------------------------------------


def test_the_shipped_glossary_is_small_and_real() -> None:
    glossary = load_glossary(GLOSSARY)
    assert 20 <= len(glossary.sets) <= 40
    guides = [DATA, *(ROOT / "src" / "handlingsveileder" / "templates").glob("*.yaml")]
    data = "".join(path.read_text(encoding="utf-8") for path in guides).lower()
    header = GLOSSARY.read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("# Søkeord")
    assert "publiseringsverktøyets egen startliste" in GLOSSARY.read_text(encoding="utf-8")
    for words in glossary.sets:
        assert len(words) >= 2
        assert any(word in data for word in words), f"ingen av {words} står i veilederne"


def test_a_missing_glossary_is_empty(tmp_path: Path) -> None:
    assert load_glossary(tmp_path / "sokeord.yaml") == Glossary()
    (tmp_path / "sokeord.yaml").write_text("# - [BTI, bedre tverrfaglig innsats]\n", "utf-8")
    assert load_glossary(tmp_path / "sokeord.yaml") == Glossary()


def test_synonyms_find_each_other_in_either_written_form() -> None:
    glossary = Glossary((("bti", "bedre tverrfaglig innsats"), ("meldeplikt", "opplysningsplikt")))
    fed = enrich(
        index(
            ("", "Bedre Tverrfaglig Innsats (BTI-modellen)", "<p>Om modellen.</p>"),
            ("a/", "Plikta di", "<p>Du har opplysningsplikt til barnevernstenesta.</p>"),
            ("b/", "Meld", "<p>BTI er ein modell.</p>"),
        ),
        glossary,
    )
    front, duty, model = fed["docs"]
    assert "bti" in front[TITLE_FIELD].split()  # «(bti» is indexed as Material splits it
    assert {"meldeplikt", "opplysningsplikt"} & extra(duty) == {"meldeplikt"}
    assert {"bedre", "betre", "tverrfaglig", "tverrfagleg", "innsats"} <= extra(model)


BAD_GLOSSARIES = [
    ("- [BTI]\n", ["1:3", "et sett trenger minst to ord som betyr det samme"]),
    ("- [a, b]\n- [vold]\n", ["2:3", "et sett trenger minst to ord"]),
    ("- [vold, vald, vold]\n", ["1:16", "«vold» står to ganger i samme sett"]),
    ("- bti\n", ["1:3", "et sett må være en liste med ord i hakeparenteser"]),
    ("- [x, [y, z]]\n", ["1:7", "et søkeord må være en tekst: ett ord eller uttrykk"]),
    ('- [ok, "  "]\n', ["1:8", "søkeordet er tomt"]),
    ('- [ok, "!!"]\n', ["1:8", "«!!» har ingen bokstaver eller tall"]),
    ("bti: [bedre tverrfaglig innsats]\n", ["1:1", "må være en liste med sett av ord"]),
    ('- [BTI, "bedre\n', ["1:9", "YAML-syntaksfeil: et anførselstegn som åpnes her"]),
    ("- [BTI, bedre]\n\t- [a, b]\n", ["2:1", "tabulator"]),
]


@pytest.mark.parametrize(("text", "expected"), BAD_GLOSSARIES)
def test_a_bad_glossary_is_refused_in_norwegian_at_its_place(
    tmp_path: Path, text: str, expected: list[str]
) -> None:
    path = tmp_path / "sokeord.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ModelError) as raised:
        load_glossary(path, "data/sokeord.yaml")
    where, message = expected
    report = raised.value.report()
    assert report.startswith(f"data/sokeord.yaml:{where}: "), report
    assert message in report.splitlines()[0], report


def test_every_problem_of_a_glossary_is_reported_at_once(tmp_path: Path) -> None:
    path = tmp_path / "sokeord.yaml"
    path.write_text("- [BTI]\n- [a, a]\n- [x, {y: z}]\n", encoding="utf-8")
    with pytest.raises(ModelError) as raised:
        load_glossary(path, "sokeord.yaml")
    assert raised.value.report().splitlines() == [
        "sokeord.yaml:1:3: et sett trenger minst to ord som betyr det samme",
        "sokeord.yaml:2:7: «a» står to ganger i samme sett",
        "sokeord.yaml:3:7: et søkeord må være en tekst: ett ord eller uttrykk",
        "3 feil funnet.",
    ]


def test_check_reports_the_glossary(tmp_path: Path) -> None:
    """`handlingsveileder check` in a fresh interpreter, as an editor runs it: the glossary
    beside the models file is checked too, with no traceback."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "models.yaml").write_bytes(DATA.read_bytes())
    glossary = tmp_path / "data" / "sokeord.yaml"
    glossary.write_text("- [BTI, bedre tverrfaglig innsats]\n", encoding="utf-8")

    def check() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "handlingsveileder.cli", "check", "data/models.yaml"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
        )

    good = check()
    assert good.returncode == 0, good.stderr
    assert good.stdout.splitlines()[-1] == "data/sokeord.yaml: 1 sett med søkeord, ingen feil."
    glossary.write_text("- [BTI, bedre tverrfaglig innsats]\n- [vold]\n", encoding="utf-8")
    bad = check()
    assert bad.returncode == 1
    assert bad.stderr == (
        "data/sokeord.yaml:2:3: et sett trenger minst to ord som betyr det samme\n1 feil funnet.\n"
    )
    assert "Traceback" not in bad.stderr


def test_a_build_with_a_bad_glossary_fails_and_leaves_the_site(
    project_copy: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_DIAGRAMS, "client")  # no flowcharts drawn: faster, same index
    config, site = str(project_copy / "mkdocs.yml"), project_copy / "site"
    build = ["build", "--config", config, "--model", "romskog", "--site-dir", str(site)]
    (project_copy / "data" / "sokeord.yaml").unlink()
    assert cli.main(build) == 0  # no glossary: forms and compounds only
    fields = json.loads((site / "search" / "search_index.json").read_text("utf-8"))["config"]
    assert {TITLE_FIELD, TEXT_FIELD} <= fields["fields"].keys()
    (project_copy / "data" / "sokeord.yaml").write_text("- [BTI]\n", encoding="utf-8")
    capsys.readouterr()
    assert cli.main(build) == 1
    err = capsys.readouterr().err
    assert "data/sokeord.yaml:1:3: et sett trenger minst to ord som betyr det samme" in err
    assert "Traceback" not in err
    assert (site / "search" / "search_index.json").is_file()  # the old site stands


# -- the index ------------------------------------------------------------------------------


def sample() -> dict[str, Any]:
    return index(
        ("", "Ved bekymring for eit barn", "<p>Ring politiet ved vald.</p>"),
        ("verktoy/samtykkjeskjema/", "Felles samtykkjeskjema", "<p>Ikkje lagra.</p>"),
        ("verktoy/bekymringsmelding/", "Førebu bekymringsmelding", "<p>Meld frå.</p>"),
        ("stigen/#steg-1", "Foreldre/føresette", "<p>Samtykkje &amp; melding.</p>"),
        ("utskrift/", "Heile rettleiaren", "<p>Alt på éi side.</p>"),
        ("utskrift/#steg-1", "Foreldre/føresette", "<p>Samtykkje &amp; melding.</p>"),
    )


def test_enrich_adds_two_fields_and_leaves_the_rest() -> None:
    original = sample()
    kept = copy.deepcopy(original)
    fed = enrich(original, demote=("utskrift/",))
    assert original == kept  # not changed in place
    assert fed["config"]["fields"] == {
        **CONFIG["fields"],
        TITLE_FIELD: {"boost": 500.0},
        TEXT_FIELD: {"boost": 1.0},
    }
    for before, after in zip(kept["docs"], fed["docs"], strict=True):
        assert {k: v for k, v in after.items() if k in before} == before
        assert set(after) - set(before) <= {TITLE_FIELD, TEXT_FIELD, "boost"}
    boosts = {doc["location"]: doc.get("boost") for doc in fed["docs"]}
    assert boosts == {**dict.fromkeys(boosts), "utskrift/": 0.25, "utskrift/#steg-1": 0.25}
    assert enrich(fed) == fed  # already fed


def test_enrich_adds_what_an_employee_types() -> None:
    docs = {doc["location"]: doc for doc in enrich(sample())["docs"]}
    assert "vold" in docs[""][TEXT_FIELD].split()
    tool = docs["verktoy/samtykkjeskjema/"]
    assert {"samtykkeskjema", "samtykke", "skjema"} <= set(tool[TITLE_FIELD].split())
    assert "samtykeskjema" in tool[TEXT_FIELD].split()  # a slip of the page's title
    assert "melding" in docs["verktoy/bekymringsmelding/"][TITLE_FIELD].split()
    step = docs["stigen/#steg-1"]
    assert {"føresette", "foresatte"} <= set(step[TITLE_FIELD].split())  # «foreldre/føresette»
    assert "samtykke" in step[TEXT_FIELD].split()
    assert "samtykkeskjema" not in extra(step)  # slips and title forms stay with the title


def test_enrich_adds_no_stop_words_nor_what_is_indexed_already() -> None:
    for doc in enrich(sample())["docs"]:
        assert not extra(doc) & STOP_WORDS, doc["location"]  # «ikke» for «ikkje»: dropped
        for field, source in ((TITLE_FIELD, "title"), (TEXT_FIELD, "text")):
            plain = html.unescape(re.sub(r"<[^>]*>", " ", doc[source])).lower()
            indexed = re.split(r"[\s\-]+", plain)  # as Material splits it
            for term in doc.get(field, "").split():
                assert not any(token.startswith(term) for token in indexed), (term, doc)


def test_enrich_is_deterministic() -> None:
    """The same index for the same input, whatever Python's hash seed (sets are sorted)."""
    data = sample()
    glossary = load_glossary(GLOSSARY)
    first = json.dumps(enrich(data, glossary, ("utskrift/",)), ensure_ascii=False)
    script = (
        "import json, sys; from pathlib import Path\n"
        "from handlingsveileder.search_terms import enrich, load_glossary\n"
        f"glossary = load_glossary(Path({str(GLOSSARY)!r}))\n"
        "data = json.loads(sys.stdin.read())\n"
        "print(json.dumps(enrich(data, glossary, ('utskrift/',)), ensure_ascii=False))\n"
    )
    for seed in ("1", "2"):
        run = subprocess.run(
            [sys.executable, "-c", script],
            input=json.dumps(data),
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        assert run.stdout.strip() == first
