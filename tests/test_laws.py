"""Law references as data: the registry of laws, its checks, and the links to Lovdata.

A legal reference is `{law: bvl, section: "13-2"}`; the site shows the source's wording (or
the citation made from the registry) and links it to the section on Lovdata. An unknown law
or a malformed section stops the build at its line; a repealed law only warns.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import CONFIG, DATA, MODELS, ROOT

from handlingsveileder import cli
from handlingsveileder import template_library as lib
from handlingsveileder.errors import Problem
from handlingsveileder.laws import LAWS, citation, lovdata_url, repealed_message, section_problem
from handlingsveileder.links import directory_url
from handlingsveileder.markup import md_link, safe_inline
from handlingsveileder.pages import render_pages
from handlingsveileder.pages.blocks import legal_list
from handlingsveileder.pages.context import PageContext
from handlingsveileder.pages.forms import marking
from handlingsveileder.template_library import load_template, template_ids
from handlingsveileder.validate import load_models, load_models_text

FIXTURES = ROOT / "tests" / "fixtures"
BAD = FIXTURES / "bad"
WARNINGS = FIXTURES / "warnings"
LOVDATA = re.compile(r"\]\((https://lovdata\.no/lov/[^)]*)\)")


# -- the registry ------------------------------------------------------------------------------


def test_the_lovdata_url_of_bvl_13_2() -> None:
    assert lovdata_url(LAWS["bvl"], "13-2") == "https://lovdata.no/lov/2021-06-18-97/%C2%A713-2"


@pytest.mark.parametrize(
    ("law", "section", "url"),
    [
        ("fvl", "13 b", "https://lovdata.no/lov/1967-02-10/%C2%A713b"),
        ("fvl", "13b", "https://lovdata.no/lov/1967-02-10/%C2%A713b"),
        ("oppl-1998", "9 A-4", "https://lovdata.no/lov/1998-07-17-61/%C2%A79a-4"),
        ("hpl", None, "https://lovdata.no/lov/1999-07-02-64"),
    ],
)
def test_one_pattern_makes_every_lovdata_url(law: str, section: str | None, url: str) -> None:
    assert lovdata_url(LAWS[law], section) == url


@pytest.mark.parametrize("law", list(LAWS))
def test_every_law_has_its_names_and_dates(law: str) -> None:
    entry = LAWS[law]
    assert entry.id == law
    assert set(entry.names) == {"nb", "nn"}
    assert all(name.strip() for name in entry.names.values())
    assert entry.names["nb"].endswith(("loven", "loven (1992)", "loven (1998)"))
    assert entry.names["nn"].endswith(("lova", "lova (1992)", "lova (1998)"))
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}(-\d+)?", entry.lovdata_id)
    if entry.repealed is not None:
        assert entry.in_force < entry.repealed
    if entry.replaced_by is not None:
        assert entry.repealed is not None and LAWS[entry.replaced_by].repealed is None


def test_citations_are_in_the_language_form() -> None:
    assert citation(LAWS["bvl"], "13-2", "nb") == "barnevernsloven § 13-2"
    assert citation(LAWS["bvl"], "13-2", "nn") == "barnevernslova § 13-2"
    assert citation(LAWS["pbrl"], None, "nn") == "pasient- og brukarrettslova"


@pytest.mark.parametrize("section", ["13", "13-2", "13 b", "13b", "6-4 a", "9 A-4", "33"])
def test_well_formed_sections(section: str) -> None:
    assert section_problem(section) is None


@pytest.mark.parametrize("section", ["§ 13-2", "13-", "første ledd", "0", "13-2 første ledd"])
def test_malformed_sections(section: str) -> None:
    assert section_problem(section) == (
        f"ugyldig paragraf '{section}': skriv nummeret uten §, f.eks. «13-2», «13 b» eller «33»"
    )


def test_a_repealed_law_is_named_with_its_successor_in_both_forms() -> None:
    old = LAWS["bvl-1992"]
    assert repealed_message(old, "nb") == (
        "barnevernloven (1992) ble opphevet 1. januar 2023 og erstattet av barnevernsloven: "
        "bruk law: bvl og finn den tilsvarende paragrafen der"
    )
    assert repealed_message(old, "nn") == (
        "barnevernlova (1992) vart oppheva 1. januar 2023 og erstatta av barnevernslova: "
        "bruk law: bvl og finn den tilsvarande paragrafen der"
    )
    assert repealed_message(LAWS["bvl"], "nb") is None


# -- the five models ---------------------------------------------------------------------------


@pytest.mark.parametrize("model_id", MODELS)
def test_every_legal_reference_links_to_lovdata(model_id: str) -> None:
    model = load_models(DATA)[model_id]
    markdown = "\n".join(page.markdown for page in render_pages(model, directory_url))
    for legal_id, ref in model.legal.items():
        assert ref.law in LAWS, f"{model_id}: {legal_id} has no law from the registry"
        assert lovdata_url(LAWS[ref.law], ref.section) in LOVDATA.findall(markdown), legal_id


def test_the_five_models_cite_at_least_one_section() -> None:
    models = load_models(DATA)
    refs = [ref for model_id in MODELS for ref in models[model_id].legal.values()]
    assert refs and all(ref.law and ref.section for ref in refs)
    samarbeid = models["samarbeidsmodellen"].legal["fvl-13b"]
    assert (samarbeid.name, samarbeid.law, samarbeid.section) == ("Fvl. § 13b", "fvl", "13b")


# -- how a reference is shown ------------------------------------------------------------------


SHOWN = """\
demo:
  title: Demo
  language: {language}
  legal:
    kilde:
      name: "Fvl. § 13b"
      law: fvl
      section: "13b"
      url: "https://example.no/fvl.pdf"
    registeret:
      law: bvl
      section: "13-2"
      text: "Meldeplikt til barnevernet."
    lovdata:
      name: "Hpl. § 33"
      law: hpl
      section: "33"
      url: "https://lovdata.no/lov/1999-07-02-64/§33"
    hele:
      law: pbrl
    bare-navn:
      name: "Opplæringslova § 9A"
  levels:
    - id: niva-1
      name: Nivå 1
      steps:
        - id: a
          title: A
          legal: [kilde, registeret, lovdata, hele, bare-navn]
          end: true
"""


def legal_list_of(text: str) -> list[str]:
    """The «Lovgrunnlag» list of every reference of the model `demo` in `text`."""
    model = load_models_text(text, "shown.yaml")["demo"]
    return legal_list(PageContext.for_model(model, directory_url), model.legal)


def shown(language: str) -> list[str]:
    return legal_list_of(SHOWN.format(language=language))


def test_a_reference_shows_the_source_s_wording_and_links_to_lovdata() -> None:
    fvl = "https://lovdata.no/lov/1967-02-10/%C2%A713b"
    bvl = "https://lovdata.no/lov/2021-06-18-97/%C2%A713-2"
    hpl = "https://lovdata.no/lov/1999-07-02-64/%C2%A733"
    assert shown("nb") == [
        "**Lovgrunnlag**",
        "",
        # The source's own link stays on its words; Lovdata's follows.
        f"- [Fvl. § 13b](https://example.no/fvl.pdf) ([Lovdata]({fvl}))",
        f"- [barnevernsloven § 13-2]({bvl}): Meldeplikt til barnevernet.",
        # The source's link is Lovdata's own: one link.
        f"- [Hpl. § 33]({hpl})",
        "- [pasient- og brukerrettighetsloven](https://lovdata.no/lov/1999-07-02-63)",
        "- Opplæringslova § 9A",
        "",
    ]


def test_a_nynorsk_model_cites_the_registry_in_nynorsk() -> None:
    lines = shown("nn")
    assert lines[0] == "**Lovgrunnlag**"
    assert "- [barnevernslova § 13-2](" in lines[3]
    assert lines[5] == "- [pasient- og brukarrettslova](https://lovdata.no/lov/1999-07-02-63)"


def test_the_links_are_made_safe_like_every_other_link() -> None:
    name = "Hpl. <b>§</b> 33 [a] *b*"
    lines = legal_list_of(SHOWN.format(language="nb").replace('"Hpl. § 33"', f'"{name}"'))
    assert lines[4] == "- " + md_link(safe_inline(name), lovdata_url(LAWS["hpl"], "33"))
    assert "<b>" not in lines[4]


# -- tool templates ----------------------------------------------------------------------------


@pytest.mark.parametrize("model_id", ["modum", "bekymring-nynorsk"])
def test_templates_link_every_reference_to_lovdata_in_the_model_s_language(model_id: str) -> None:
    model = load_models(DATA)[model_id]
    ctx = PageContext.for_model(model, directory_url)
    cited = 0
    for template_id in template_ids():
        template = load_template(template_id, model.language)
        box = "\n".join(marking(ctx, template))
        for ref in template.legal:
            law = LAWS[ref.law]
            name = citation(law, ref.section, model.language)
            assert law.names[model.language] in name
            assert md_link(name, lovdata_url(law, ref.section)) in box, (template_id, box)
            cited += 1
    assert cited >= 3


def template_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, legal: Any) -> str:
    """What the library says of samtykkeskjema with `legal` in place of its own."""
    data = yaml.safe_load(load_text("samtykkeskjema"))
    data["id"] = "proeve"
    data["legal"] = legal
    (tmp_path / "proeve.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    monkeypatch.setattr(lib, "_FOLDER", tmp_path)
    lib.template_ids.cache_clear()
    lib._load_all.cache_clear()
    try:
        with pytest.raises(ValueError) as info:
            load_template("proeve", "nb")
    finally:
        monkeypatch.undo()
        lib.template_ids.cache_clear()
        lib._load_all.cache_clear()
    return str(info.value)


def load_text(template_id: str) -> str:
    return (lib._FOLDER / f"{template_id}.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("legal", "expected"),
    [
        ([{"law": "bl", "section": "1"}], "legal[0].law: ukjent verdi 'bl'"),
        (
            [{"law": "bvl-1992", "section": "4-12"}],
            "legal[0].law: barnevernloven (1992) ble opphevet 1. januar 2023",
        ),
        ([{"law": "fvl", "section": "§ 13 a"}], "legal[0].section: ugyldig paragraf '§ 13 a'"),
    ],
)
def test_a_template_cites_only_laws_in_force_by_section(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, legal: Any, expected: str
) -> None:
    message = template_error(tmp_path, monkeypatch, legal)
    assert message.startswith("proeve.yaml: ") and expected in message, message


# -- bad references: errors at their line ------------------------------------------------------

BAD_REFERENCES = ("unknown-law", "malformed-section", "neither-name-nor-law")
"""Fixtures in fixtures/bad/ (their exact lines are `test_validate.CASES`)."""


@pytest.mark.parametrize("name", BAD_REFERENCES)
def test_a_bad_reference_stops_the_build(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = BAD / f"{name}.yaml"
    site = tmp_path / "site"
    args = ["build", "--config", str(CONFIG), "--data", str(path), "--all", "--site-dir", str(site)]
    assert cli.main(args) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert [line for line in err.splitlines() if line.startswith(f"{path}:")]
    assert not (site / "demo").exists()


# -- repealed laws: warnings -------------------------------------------------------------------


def warnings_of(name: str) -> list[Problem]:
    found: list[Problem] = []
    load_models(WARNINGS / f"{name}.yaml", f"warnings/{name}.yaml", None, found)
    return found


def test_a_repealed_law_warns_at_its_line() -> None:
    first, second = warnings_of("repealed-law")
    assert (first.line, first.col, first.path) == (8, 12, ("demo", "legal", "bvl-4-12", "law"))
    assert first.message == repealed_message(LAWS["bvl-1992"], "nb")
    assert (second.line, second.col) == (11, 12)
    assert second.message.startswith("opplæringsloven (1998) ble opphevet 1. august 2024 og ")


def test_a_nynorsk_model_is_warned_in_nynorsk() -> None:
    (warning,) = warnings_of("repealed-law-nn")
    assert warning.line == 7
    assert warning.message.startswith("barnevernlova (1992) vart oppheva 1. januar 2023")


def test_a_repealed_law_warns_and_the_build_succeeds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(FIXTURES)
    assert cli.main(["check", "warnings/repealed-law.yaml"]) == 0
    check = capsys.readouterr()
    warned = [x for x in check.err.splitlines() if x.startswith("Advarsel: warnings/repealed-law")]
    assert [x.split(":", 4)[2:4] for x in warned] == [["8", "12"], ["11", "12"]]
    assert "2 advarsler" in check.out
    site = tmp_path / "site"
    path = WARNINGS / "repealed-law.yaml"
    args = ["build", "--config", str(CONFIG), "--data", str(path), "--all", "--site-dir", str(site)]
    assert cli.main(args) == 0
    assert "barnevernloven (1992) ble opphevet" in capsys.readouterr().err
    page = (site / "demo" / "niva-1" / "index.html").read_text(encoding="utf-8")
    assert '<a href="https://lovdata.no/lov/1992-07-17-100/%C2%A74-12">' in page
