"""The validator: every mistake an editor can make is reported as one exact, helpful line.

Each file in fixtures/bad/ is a minimal model with one kind of mistake. CASES holds the
exact lines `handlingsveileder check` prints for it, before the "N feil funnet." summary.
Rows marked xfail hold the correct output the validator does not give yet; the reason says
what it prints instead.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import cast

import markdown
import pytest
from _pytest.mark import ParameterSet

from handlingsveileder import cli
from handlingsveileder.errors import ModelError, Problem, closest, format_path
from handlingsveileder.link_safety import markdown_link_problems, url_problem
from handlingsveileder.markup import safe_markdown
from handlingsveileder.settings import SettingsError
from handlingsveileder.validate import load_models, load_models_text, select_model

FIXTURES = Path(__file__).resolve().parent / "fixtures"
BAD = FIXTURES / "bad"
GOOD = FIXTURES / "good" / "minimal.yaml"

NOT_ALLOWED = "er ikke tillatt: bruk https:, http:, mailto:, tel: eller en sti på nettstedet"
JS_NOT_ALLOWED = f"lenken 'javascript:alert(1)' {NOT_ALLOWED}"
BAD_ID = "bruk bare små bokstaver a–z, tall og bindestrek"
UNREACHABLE = "kan ikke nås fra starten: ingen next, goto eller start peker hit"
STEP0 = "demo › levels[0] › steps[0]"
STEP1 = "demo › levels[0] › steps[1]"
LEGAL = "demo › legal"
SECTION_HELP = "skriv nummeret uten §, f.eks. «13-2», «13 b» eller «33»"
LAW_CHOICES = "bruk en av bvl, bvl-1992, fvl, hpl, bhl, oppl, oppl-1998, hol, pbrl"


def case(name: str, *lines: str, xfail: str | None = None) -> ParameterSet:
    """A bad fixture and the lines it must print; `xfail` says how the validator errs today."""
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(name, list(lines), id=name, marks=marks)


CASES = [
    # -- reading the file ------------------------------------------------------------------
    case("empty", "bad/empty.yaml:1:1: filen er tom: den skal inneholde minst én modell"),
    case(
        "not-a-mapping",
        "bad/not-a-mapping.yaml:1:1: filen skal være en oppslagstabell: modell-id → modell",
    ),
    case(
        "yaml-syntax",
        "bad/yaml-syntax.yaml:6:19: YAML-syntaksfeil: et kolon fulgt av mellomrom midt i en "
        "verdi er ikke tillatt: sett hele verdien i anførselstegn",
    ),
    case(
        "yaml-unclosed-quote",
        "bad/yaml-unclosed-quote.yaml:2:10: YAML-syntaksfeil: et anførselstegn som åpnes her, "
        'lukkes aldri – sett et " på slutten av teksten',
    ),
    case(
        "duplicate-yaml-key",
        "bad/duplicate-yaml-key.yaml:4:3: demo › title: nøkkelen 'title' står to ganger "
        "(første gang på linje 2)",
    ),
    # -- types and keys ----------------------------------------------------------------------
    case(
        "list-for-text",
        "bad/list-for-text.yaml:2:10: demo › title: forventet tekst, fant en liste",
    ),
    case(
        "text-for-mapping",
        "bad/text-for-mapping.yaml:4:14: demo › emergency: forventet en oppslagstabell "
        "(nøkkel: verdi)",
    ),
    case(
        "missing-key",
        f"bad/missing-key.yaml:8:11: {STEP0}: mangler påkrevd nøkkel 'title'",
    ),
    case(
        "unknown-key",
        f"bad/unknown-key.yaml:10:11: {STEP0}.titel: ukjent nøkkel 'titel' (mente du 'title'?)",
    ),
    case(
        "end-yes",
        f"bad/end-yes.yaml:10:16: {STEP0}.end: forventet true eller false, fant 'yes' "
        "(mente du 'true'?)",
    ),
    case(
        "language-no",
        "bad/language-no.yaml:3:13: demo › language: ukjent språk 'no': bruk nb (bokmål) eller "
        "nn (nynorsk) (mente du 'nb'?)",
    ),
    # -- ids ---------------------------------------------------------------------------------
    case(
        "invalid-id",
        f"bad/invalid-id.yaml:5:11: demo › levels[0].id: ugyldig id 'Nivå 1': {BAD_ID} "
        "(mente du 'niva-1'?)",
    ),
    case(
        "reserved-id",
        f"bad/reserved-id.yaml:8:15: {STEP0}.id: 'end' er reservert og kan ikke brukes som id",
    ),
    case(
        "duplicate-id",
        f"bad/duplicate-id.yaml:10:15: {STEP1}.id: id-en 'start' er brukt før (av et steg)",
    ),
    # -- references --------------------------------------------------------------------------
    case(
        "unknown-goto",
        f"bad/unknown-goto.yaml:14:22: {STEP0} › outcomes[1].goto: ukjent steg 'avslut' "
        "(mente du 'avslutt'?)",
    ),
    case(
        "unknown-role",
        f"bad/unknown-role.yaml:13:25: {STEP0}.responsible: ukjent rolle 'stafetholder' "
        "(mente du 'stafettholder'?)",
    ),
    case(
        "unknown-tool",
        f"bad/unknown-tool.yaml:14:18: {STEP0}.tools: ukjent verktøy 'referatmall' "
        "(mente du 'referatmal'?)",
    ),
    case(
        "unknown-resource",
        f"bad/unknown-resource.yaml:14:31: {STEP0} › resources[1]: ukjent ressurs 'snakkemedbarn'",
    ),
    case(
        "unknown-legal",
        f"bad/unknown-legal.yaml:13:19: {STEP0}.legal: ukjent lovhenvisning 'fvl-13' "
        "(mente du 'fvl-13b'?)",
    ),
    # -- flow --------------------------------------------------------------------------------
    case(
        "start-other-level",
        "bad/start-other-level.yaml:13:15: demo › levels[1].start: steget 'undring' hører "
        "ikke til dette nivået",
        # Its consequence (level 2 never reaches its own step) waits until this is fixed.
    ),
    case(
        "unreachable-step",
        f"bad/unreachable-step.yaml:11:11: {STEP1}: steget 'glemt' {UNREACHABLE}",
    ),
    case(
        "leads-nowhere",
        f"bad/leads-nowhere.yaml:10:11: {STEP1}: steget 'blindvei' fører ingen steder: legg til "
        "next, outcomes eller end: true (eller open: «begrunnelse» når kilden ikke sier hva som "
        "skjer videre)",
    ),
    # -- links -------------------------------------------------------------------------------
    case(
        "javascript-tool-url",
        f"bad/javascript-tool-url.yaml:7:12: demo › tools › referatmal › url: {JS_NOT_ALLOWED}",
    ),
    case(
        "scheme-relative-url",
        "bad/scheme-relative-url.yaml:7:12: demo › resources › bufdir › url: lenken "
        "'//bufdir.no' mangler https: foran",
    ),
    case(
        "javascript-markdown-link",
        # The place is the link itself, on line 11 inside the block text that starts on line 10.
        f"bad/javascript-markdown-link.yaml:11:36: {STEP0}.text: {JS_NOT_ALLOWED}",
    ),
    case(
        "external-image",
        f"bad/external-image.yaml:10:38: {STEP0}.text: bildet 'https://example.com/flyt.png' "
        "ligger på et annet nettsted: legg bildet i docs/ og lenk til det med en sti",
    ),
    case(
        "javascript-link-in-title",
        f"bad/javascript-link-in-title.yaml:9:27: {STEP0}.title: {JS_NOT_ALLOWED}",
    ),
    # -- several problems ----------------------------------------------------------------------
    case(
        "three-problems",
        f"bad/three-problems.yaml:7:12: demo › tools › referatmal › url: {JS_NOT_ALLOWED}",
        f"bad/three-problems.yaml:14:11: {STEP0}.titel: ukjent nøkkel 'titel' (mente du 'title'?)",
        f"bad/three-problems.yaml:16:23: {STEP0}.resources: ukjent ressurs 'bufdir'",
    ),
    case(
        "schema-hides-references",
        "bad/schema-hides-references.yaml:4:12: demo › kommune: forventet tekst, fant en liste",
        f"bad/schema-hides-references.yaml:14:25: {STEP0}.responsible: ukjent rolle "
        "'stafetholder' (mente du 'stafettholder'?)",
    ),
    # -- what the build could not use -------------------------------------------------------
    case(
        "cycle-without-exit",
        f"bad/cycle-without-exit.yaml:9:11: {STEP0}: steget 'a' går i ring: ingen vei herfra "
        "fører til en slutt (legg til end: true eller et utfall med goto: end)",
        f"bad/cycle-without-exit.yaml:11:11: {STEP1}: steget 'b' går i ring: ingen vei herfra "
        "fører til en slutt (legg til end: true eller et utfall med goto: end)",
    ),
    case(
        "empty-title",
        "bad/empty-title.yaml:3:10: demo › title: verdien er tom: skriv inn en tekst",
        "bad/empty-title.yaml:7:13: demo › levels[0].name: verdien er tom: skriv inn en tekst",
    ),
    case(
        "long-id",
        f"bad/long-id.yaml:9:15: {STEP0}.id: id-en er for lang (80 tegn): bruk høyst 64 tegn",
    ),
    # -- law references (laws.py) ----------------------------------------------------------
    case(
        "unknown-law",
        f"bad/unknown-law.yaml:8:12: {LEGAL} › bl-30 › law: ukjent lov 'bl': {LAW_CHOICES} "
        "(mente du 'bvl'?)",
        f"bad/unknown-law.yaml:11:12: {LEGAL} › bvl-13-2 › law: ukjent lov 'bvll': "
        f"{LAW_CHOICES} (mente du 'bvl'?)",
    ),
    case(
        "malformed-section",
        f"bad/malformed-section.yaml:8:16: {LEGAL} › bvl-13-2 › section: ugyldig paragraf "
        f"'§ 13-2': {SECTION_HELP}",
        f"bad/malformed-section.yaml:12:16: {LEGAL} › fvl-taushet › section: ugyldig paragraf "
        f"'taushetsplikt': {SECTION_HELP}",
    ),
    case(
        "neither-name-nor-law",
        f"bad/neither-name-nor-law.yaml:7:7: {LEGAL} › lenke: lovhenvisningen 'lenke' har "
        "verken name eller law: skriv `name` slik kilden skriver henvisningen, eller `law` og "
        '`section` (f.eks. law: bvl, section: "13-2")',
        f"bad/neither-name-nor-law.yaml:10:16: {LEGAL} › paragraf › section: section brukes "
        "bare sammen med law: skriv hvilken lov paragrafen står i, f.eks. law: fvl",
    ),
]


EXPECTED = {str(param.values[0]): cast(list[str], param.values[1]) for param in CASES}
"""The expected lines of each bad fixture, by name."""


def report_lines(name: str) -> list[str]:
    """What `check` prints for bad/<name>.yaml, as lines."""
    with pytest.raises(ModelError) as caught:
        load_models(BAD / f"{name}.yaml", f"bad/{name}.yaml")
    return caught.value.report().splitlines()


@pytest.mark.parametrize(("name", "expected"), CASES)
def test_bad_fixture_prints_exact_lines(name: str, expected: list[str]) -> None:
    assert report_lines(name) == [*expected, f"{len(expected)} feil funnet."]


def test_every_bad_fixture_has_a_case() -> None:
    assert set(EXPECTED) == {path.stem for path in BAD.glob("*.yaml")}


def test_all_problems_are_collected_in_one_run() -> None:
    """A link, a key and a reference problem in different places: all three in one report."""
    lines = report_lines("three-problems")
    assert len(lines) == 4
    assert len({line.split(": ", 2)[1] for line in lines[:3]}) == 3
    assert lines[-1] == "3 feil funnet."


# -- the good model ----------------------------------------------------------------------------


def test_minimal_model_loads_and_keeps_values_as_written() -> None:
    models = load_models(GOOD, "good/minimal.yaml")
    assert list(models) == ["demo"]
    model = models["demo"]
    assert model.emergency is not None
    assert model.emergency.contacts[0].phone == "02800"
    first, last = model.levels[0].steps
    assert first.title == "no"
    assert last.end is True


def test_unquoted_values_are_not_turned_into_booleans_or_numbers() -> None:
    text = GOOD.read_text(encoding="utf-8")
    text = text.replace('phone: "02800"', "phone: 02800").replace('title: "no"', "title: no")
    assert "phone: 02800" in text
    assert "title: no" in text
    model = load_models_text(text, "minimal.yaml")["demo"]
    assert model.emergency is not None
    assert model.emergency.contacts[0].phone == "02800"
    assert model.levels[0].steps[0].title == "no"


def test_select_model_returns_the_model() -> None:
    models = load_models(GOOD)
    assert select_model(models, "demo", "--model demo") is models["demo"]


@pytest.mark.parametrize(
    ("model_id", "origin", "expected"),
    [
        (
            "dmo",
            "HV_MODEL=dmo",
            "HV_MODEL=dmo: modellen 'dmo' finnes ikke i modellfilen (modeller: demo) "
            "(mente du 'demo'?)",
        ),
        (
            "modum",
            "--model modum",
            "--model modum: modellen 'modum' finnes ikke i modellfilen (modeller: demo)",
        ),
    ],
)
def test_select_model_names_where_it_was_chosen(model_id: str, origin: str, expected: str) -> None:
    models = load_models(GOOD)
    with pytest.raises(SettingsError) as caught:
        select_model(models, model_id, origin)
    assert str(caught.value) == expected


def test_unknown_hv_model_names_the_variable(capsys: pytest.CaptureFixture[str]) -> None:
    import os

    os.environ["HV_MODEL"] = "nope"
    try:
        assert cli.main(["build", "--config", str(FIXTURES.parent.parent / "mkdocs.yml")]) == 1
    finally:
        del os.environ["HV_MODEL"]
    err = capsys.readouterr().err
    assert err.startswith("HV_MODEL=nope: modellen 'nope' finnes ikke i modellfilen")
    assert "Traceback" not in err


# -- the check command -------------------------------------------------------------------------


def run_check(path: str, cwd: Path = FIXTURES) -> subprocess.CompletedProcess[str]:
    """`handlingsveileder check PATH` in a fresh interpreter, as an editor runs it."""
    return subprocess.run(
        [sys.executable, "-m", "handlingsveileder.cli", "check", path],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize(("name", "expected"), CASES)
def test_check_exits_1_and_prints_the_exact_lines(
    name: str,
    expected: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(FIXTURES)
    code = cli.main(["check", f"bad/{name}.yaml"])
    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert err == "\n".join([*expected, f"{len(expected)} feil funnet."]) + "\n"


def test_check_exits_0_with_a_one_line_summary(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(FIXTURES)
    assert cli.main(["check", "good/minimal.yaml"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert len(out.splitlines()) == 1
    assert out.startswith("good/minimal.yaml: ")
    assert out.endswith("ingen feil (demo).\n")


def test_check_summary_uses_singular_for_one_model(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(FIXTURES)
    assert cli.main(["check", "good/minimal.yaml"]) == 0
    assert capsys.readouterr().out == "good/minimal.yaml: 1 modell, 2 steg, ingen feil (demo).\n"


def test_check_command_three_problems() -> None:
    result = run_check("bad/three-problems.yaml")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [*EXPECTED["three-problems"], "3 feil funnet."]


@pytest.mark.parametrize(
    ("path", "first_line"),
    [
        ("good/minimal.yaml", None),
        ("bad/empty.yaml", "bad/empty.yaml:1:1: filen er tom"),
        ("bad/yaml-syntax.yaml", "bad/yaml-syntax.yaml:6:19: YAML-syntaksfeil"),
        ("bad/not-a-mapping.yaml", "bad/not-a-mapping.yaml:1:1: filen skal være"),
        ("bad/finnes-ikke.yaml", "bad/finnes-ikke.yaml:1:1: filen finnes ikke"),
    ],
)
def test_check_command_exit_code_and_no_traceback(path: str, first_line: str | None) -> None:
    result = run_check(path)
    assert "Traceback" not in result.stderr
    if first_line is None:
        assert (result.returncode, result.stderr) == (0, "")
    else:
        assert result.returncode == 1
        assert result.stderr.startswith(first_line)
        assert result.stderr.endswith("1 feil funnet.\n")


def test_check_command_reports_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    (tmp_path / "latin1.yaml").write_bytes('demo:\n  title: "Nivå"\n'.encode("latin-1"))
    result = run_check("latin1.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    # The place of the first byte that is not UTF-8 (the latin-1 «å»).
    assert result.stderr.startswith("latin1.yaml:2:14: filen er ikke lagret som UTF-8")


def test_check_command_reports_a_folder_without_traceback() -> None:
    result = run_check("bad")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("bad:1:1: dette er en mappe, ikke en fil")


# -- helpers -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        ((), ""),
        (("modum",), "modum"),
        (("modum", "title"), "modum › title"),
        (("modum", "tools", "referatmal", "url"), "modum › tools › referatmal › url"),
        (("modum", "levels[1]", "id"), "modum › levels[1].id"),
        (("modum", "levels[1]", "start[0]"), "modum › levels[1] › start[0]"),
        (
            ("modum", "levels[1]", "steps[2]", "outcomes[0]", "goto"),
            "modum › levels[1] › steps[2] › outcomes[0].goto",
        ),
    ],
)
def test_format_path(parts: tuple[str, ...], expected: str) -> None:
    assert format_path(parts) == expected


@pytest.mark.parametrize(
    ("word", "candidates", "expected"),
    [
        ("titel", ["title", "text", "tools"], "title"),
        ("avslut", ["avslutt", "start", "avslutt"], "avslutt"),
        ("stafetholder", {"stafettholder": 1}, "stafettholder"),
        ("no", ("nb", "nn"), None),
        ("zzz", ["title"], None),
        ("title", [], None),
    ],
)
def test_closest(word: str, candidates: list[str] | dict[str, int], expected: str | None) -> None:
    assert closest(word, candidates) == expected


@pytest.mark.parametrize(
    "url",
    [
        "https://bufdir.no",
        "HTTPS://bufdir.no/Barn/",
        "http://example.com/mal.pdf",
        "mailto:postmottak@modum.kommune.no",
        "tel:02800",
        "tel:+47 409 21 233",
        "/verktoy/referatmal/",
        "verktoy/referatmal.odt",
        "../niva-1/#start",
        "#start",
    ],
)
def test_url_problem_allows(url: str) -> None:
    assert url_problem(url) is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("javascript:alert(1)", JS_NOT_ALLOWED),
        (" JavaScript:alert(1)", f"lenken ' JavaScript:alert(1)' {NOT_ALLOWED}"),
        ("data:text/html,<b>", f"lenken 'data:text/html,<b>' {NOT_ALLOWED}"),
        ("vbscript:msgbox", f"lenken 'vbscript:msgbox' {NOT_ALLOWED}"),
        ("file:///etc/passwd", f"lenken 'file:///etc/passwd' {NOT_ALLOWED}"),
        ("ftp://example.com", f"lenken 'ftp://example.com' {NOT_ALLOWED}"),
        ("//bufdir.no", "lenken '//bufdir.no' mangler https: foran"),
        ("\\\\server\\mal.pdf", "lenken '\\\\server\\mal.pdf' inneholder \\ (bruk /)"),
        ("https://bufdir.no/a b", "lenken 'https://bufdir.no/a b' inneholder mellomrom"),
        ("", "lenken er tom"),
        ("   ", "lenken er tom"),
        # Browsers read '/\\host' as '//host'.
        ("/\\evil.example/x", "lenken '/\\evil.example/x' inneholder \\ (bruk /)"),
    ],
)
def test_url_problem_refuses(url: str, expected: str) -> None:
    assert url_problem(url) == expected


def markdown_case(name: str, text: str, *problems: str, xfail: str | None = None) -> ParameterSet:
    """A Markdown text and the link problems it must give."""
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(text, list(problems), id=name, marks=marks)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        markdown_case("safe-links", "Se [Bufdir](https://bufdir.no) og ![figur](bilder/flyt.png)."),
        markdown_case(
            "mailto-tel", "Ring [02800](tel:02800) eller skriv til <mailto:post@modum.no>."
        ),
        markdown_case("javascript", "[x](javascript:alert(1))", JS_NOT_ALLOWED),
        markdown_case("javascript-title", '[x](javascript:alert(1) "tittel")', JS_NOT_ALLOWED),
        markdown_case(
            "external-image",
            "![x](https://example.com/x.png)",
            "bildet 'https://example.com/x.png' ligger på et annet nettsted: legg bildet i docs/ "
            "og lenk til det med en sti",
        ),
        # Inert: safe_markdown shows '<' as text, so the href is a harmless relative path.
        markdown_case("angle-brackets-inert", "[x](<javascript:alert(1)>)"),
        markdown_case(
            "entity-colon",
            "[x](javascript&#58;alert(1))",
            JS_NOT_ALLOWED,  # the browser decodes the entity in href, and so does the check
        ),
        markdown_case(
            "nested-brackets",
            "[a [b] c](javascript:alert(1))",
            JS_NOT_ALLOWED,
        ),
        markdown_case(
            "single-quoted-title",
            "[x](javascript:alert(1) 'tittel')",
            JS_NOT_ALLOWED,
        ),
        markdown_case(
            "reference-definition",
            "[x][r]\n\n[r]: javascript:alert(1)",
            JS_NOT_ALLOWED,
        ),
    ],
)
def test_markdown_link_problems(text: str, expected: list[str]) -> None:
    assert markdown_link_problems(text) == expected


# -- safe Markdown ----------------------------------------------------------------------------


def render(text: str) -> str:
    html: str = markdown.markdown(safe_markdown(text), extensions=["attr_list", "md_in_html"])
    return html


def test_safe_markdown_shows_script_tags_as_text() -> None:
    text = "Før <script>alert(1)</script> etter"
    assert safe_markdown(text) == "Før &lt;script>alert(1)&lt;/script> etter"
    assert "<script" not in render(text)


@pytest.mark.parametrize(
    "text",
    ['Tekst\n{: onclick="alert(1)" }', '# Tittel {: onclick="alert(1)" }'],
)
def test_safe_markdown_makes_attribute_lists_inert(text: str) -> None:
    assert "{" not in safe_markdown(text).replace("\\{", "")
    html = render(text)
    assert not re.search(r"<[^>]*onclick", html)
    assert '{: onclick="alert(1)" }' in html


@pytest.mark.parametrize(
    "text",
    [
        "Skriv `<b>{x}</b>` i malen",
        "``a ` <b>{x}</b>``",
        "```\n<script>{a}</script>\n```",
    ],
)
def test_safe_markdown_leaves_code_alone(text: str) -> None:
    assert safe_markdown(text) == text


def test_the_editor_reference_example_passes_check() -> None:
    """The example in REDIGERING.md is a model that `check` accepts."""
    from handlingsveileder.editor_reference import example_yaml

    models = load_models_text(example_yaml(), "eksempel.yaml")
    assert list(models) == ["eksempel"]
    assert f"```yaml\n{example_yaml()}```" in (FIXTURES.parent.parent / "REDIGERING.md").read_text(
        encoding="utf-8"
    )


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("javascript&#58;alert(1)", "lenken 'javascript&#58;alert(1)' " + NOT_ALLOWED),
        ("&#x6A;avascript:x", "lenken '&#x6A;avascript:x' " + NOT_ALLOWED),
        (
            "https://bufdir.no/){onclick=x}",
            "lenken 'https://bufdir.no/){onclick=x}' inneholder tegnet {, "
            "som ikke kan stå i en lenke",
        ),
        (
            "www.snakkemedbarn.no",
            "lenken 'www.snakkemedbarn.no' mangler https:// foran "
            "(mente du 'https://www.snakkemedbarn.no'?)",
        ),
        (
            "bufdir.no/barnevern",
            "lenken 'bufdir.no/barnevern' mangler https:// foran "
            "(mente du 'https://bufdir.no/barnevern'?)",
        ),
    ],
)
def test_url_fields_are_judged_as_the_browser_reads_them(url: str, expected: str) -> None:
    from handlingsveileder.link_safety import url_field_problem

    assert url_field_problem(url) == expected


@pytest.mark.parametrize("url", ["/maler/referatmal.pdf", "referat.pdf", "https://x.no/a?b=1&c=2"])
def test_url_fields_accept_site_paths_and_queries(url: str) -> None:
    from handlingsveileder.link_safety import url_field_problem

    assert url_field_problem(url) is None


def big_level(steps: int, levels: int = 1) -> str:
    """A model with `levels` levels of `steps` steps each, the last one ending the case."""
    out = ["demo:", "  title: Demo", "  language: nb", "  levels:"]
    for number in range(levels):
        out += [f"    - id: niva-{number}", f"      name: Nivå {number}", "      steps:"]
        out += [f"        - {{id: s{number}-{i}, title: Steg {i}}}" for i in range(steps)]
        last = f"niva-{number + 1}" if number + 1 < levels else "end"
        out[-1] = out[-1][:-1] + f", next: [{last}]}}"
    return "\n".join(out) + "\n"


def test_a_level_too_large_to_draw_is_refused_by_check() -> None:
    with pytest.raises(ModelError) as caught:
        load_models_text(big_level(600), "stor.yaml")
    (problem,) = caught.value.problems
    assert (problem.line, problem.col) == (8, 9)
    assert "flytskjemaet blir for stort" in problem.message
    assert problem.message.endswith("del nivået i flere nivåer")


def test_a_large_model_in_many_levels_passes_and_its_overview_shrinks() -> None:
    from handlingsveileder import mermaid
    from handlingsveileder.i18n import labels

    warnings: list[Problem] = []
    model = load_models_text(big_level(100, levels=20), "stor.yaml", warnings)["demo"]
    overview = mermaid.overview_flowchart(model, lambda target: "#", labels("nb"))
    assert overview.detail == "levels" and overview.chart is not None
    chart = overview.chart
    assert chart.count("subgraph") == 0
    assert chart.count('[["Nivå') == 20
    assert "n1 --> n2" in chart
    (warning,) = warnings
    assert (warning.file, warning.line) == ("stor.yaml", 5)  # the list of levels
    assert warning.message.startswith("oversikten på forsiden viser ett felt per nivå: ")
    assert "flytskjemaet blir for stort" in warning.message


def test_an_overview_too_large_even_by_level_leaves_the_text_version() -> None:
    from handlingsveileder import mermaid
    from handlingsveileder.i18n import labels
    from handlingsveileder.pages import render_pages

    warnings: list[Problem] = []
    model = load_models_text(big_level(2, levels=520), "stor.yaml", warnings)["demo"]
    overview = mermaid.overview_flowchart(model, lambda target: "#", labels("nb"))
    assert (overview.chart, overview.detail) == (None, "none")
    assert "bare tekstversjonen" in warnings[0].message
    front = render_pages(model, lambda uri: "/" + uri)[0]
    assert front.src_uri == "index.md"
    assert "```mermaid" not in front.markdown
    assert "Oversikten er forenklet" in front.markdown
    assert "Tekstversjon av flytskjemaet" in front.markdown and "s519-1" in front.markdown


def test_a_descriptive_level_need_not_be_reached_but_a_flow_level_must() -> None:
    base = (
        "demo:\n  title: D\n  language: nb\n  levels:\n"
        "    - id: a\n      name: A\n      steps:\n        - {id: s, title: S, end: true}\n"
        "    - id: b\n      name: B\n      purpose: Beskriver bare.\n"
    )
    assert list(load_models_text(base)) == ["demo"]
    with pytest.raises(ModelError) as caught:
        load_models_text(base + "      next: [end]\n")
    assert "nivået 'b' kan ikke nås fra starten" in caught.value.report()
