"""Building with MkDocs and the CLI: strict builds, model choice, errors, all-or-nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import CONFIG, DATA, ROOT, Served

from handlingsveileder import cli
from handlingsveileder.links import directory_url
from handlingsveileder.pages import render_pages
from handlingsveileder.settings import read_extra, resolve
from handlingsveileder.validate import load_models

MKDOCS = Path(sys.executable).with_name("mkdocs")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def mkdocs_build(project: Path, site: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(MKDOCS), "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        capture_output=True,
        text=True,
        env={**ENV, **env},
        check=False,
    )


def test_modum_builds_with_strict(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    for page in ("index.html", "niva-0/index.html", "niva-3/index.html", "verktoy/index.html"):
        assert (site / page).is_file(), page
    assert "<title>Bedre Tverrfaglig Innsats (BTI-modellen) – Modum kommune</title>" in (
        site / "index.html"
    ).read_text(encoding="utf-8")


def test_hv_model_overrides_the_configured_model(tmp_path: Path) -> None:
    result = mkdocs_build(ROOT, tmp_path / "site", HV_MODEL="romskog")
    assert result.returncode == 0, result.stderr
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "Rømskogmodellen – Rømskog kommune</title>" in index
    assert (tmp_path / "site" / "stigen" / "index.html").is_file()


def test_unknown_model_is_a_clear_error(tmp_path: Path) -> None:
    result = mkdocs_build(ROOT, tmp_path / "site", HV_MODEL="modumm")
    assert result.returncode != 0
    assert "modellen 'modumm' finnes ikke" in result.stderr
    assert "(mente du 'modum'?)" in result.stderr
    assert "Traceback" not in result.stderr


def test_nothing_is_written_into_docs(tmp_path: Path) -> None:
    before = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "docs").rglob("*"))
    assert mkdocs_build(ROOT, tmp_path / "site").returncode == 0
    after = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "docs").rglob("*"))
    assert after == before


def break_data(project: Path) -> None:
    data = project / "data" / "models.yaml"
    text = data.read_text(encoding="utf-8")
    data.write_text(text.replace("goto: [niva-3]", "goto: [niva-33]", 1), encoding="utf-8")


def test_bad_data_fails_mkdocs_build_with_file_and_line(project_copy: Path) -> None:
    site = project_copy / "site"
    assert mkdocs_build(project_copy, site).returncode == 0
    marker = site / "index.html"
    built = marker.read_text(encoding="utf-8")
    break_data(project_copy)
    result = mkdocs_build(project_copy, site)
    assert result.returncode != 0
    assert "data/models.yaml:" in result.stderr
    assert "ukjent steg 'niva-33' (mente du 'niva-3'?)" in result.stderr
    assert "Traceback" not in result.stderr
    assert marker.read_text(encoding="utf-8") == built, "the old site is left as it was"


def fails_and_keeps_the_old_site(project: Path, spoil: Callable[[Path], None]) -> None:
    """Build once, spoil the project, build again: exit 1 and the first site untouched."""
    site = project / "site"
    command = ["build", "--config", str(project / "mkdocs.yml"), "--site-dir", str(site)]
    assert cli.main(command) == 0
    files = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    spoil(project)
    assert cli.main(command) == 1
    assert {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()} == files
    assert [p.name for p in project.iterdir() if p.name.startswith(".site")] == []


def test_bad_data_fails_cli_build_and_keeps_the_old_site(
    project_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fails_and_keeps_the_old_site(project_copy, break_data)
    err = capsys.readouterr().err
    assert "ukjent steg 'niva-33'" in err and "Traceback" not in err


def test_a_failed_mkdocs_step_leaves_the_old_site(
    project_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Valid data but a strict-mode warning (a broken link in docs/): nothing half-written."""

    def broken_link(project: Path) -> None:
        (project / "docs" / "ekstra.md").write_text("[brutt](finnes-ikke.md)\n", "utf-8")

    fails_and_keeps_the_old_site(project_copy, broken_link)
    assert "Nettstedet i" in capsys.readouterr().err


def test_a_docs_file_cannot_silently_replace_a_generated_page(project_copy: Path) -> None:
    (project_copy / "docs" / "niva-1.md").write_text("# Min egen\n", "utf-8")
    result = mkdocs_build(project_copy, project_copy / "site")
    assert result.returncode != 0
    assert "docs/niva-1.md finnes, men siden lages fra models.yaml" in result.stderr


def test_search_index_has_step_text_but_no_diagram_source(sites: Served) -> None:
    index = json.loads((sites.root / "modum" / "search" / "search_index.json").read_text("utf-8"))
    assert index["config"]["lang"] == ["no"]
    text = json.dumps(index, ensure_ascii=False)
    assert "Ressursteamet består av rektor/styrer" in text
    for diagram_only in ("flowchart TD", "click n", "accTitle", "-->"):
        assert diagram_only not in text, diagram_only


def test_heading_anchors_keep_norwegian_letters(sites: Served) -> None:
    level = (sites.root / "modum" / "niva-1" / "index.html").read_text(encoding="utf-8")
    assert 'id="nivå-1-fra-undring-til-tiltak"' in level
    front = (sites.root / "samarbeidsmodellen" / "index.html").read_text(encoding="utf-8")
    assert 'id="målgruppe"' in front


def test_pages_load_nothing_from_other_hosts(sites: Served) -> None:
    for html in sites.root.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        for needle in ("fonts.googleapis", "fonts.gstatic", "unpkg.com", "jsdelivr", "//cdn"):
            assert needle not in text, (html, needle)


def test_export_writes_the_generated_markdown(tmp_path: Path) -> None:
    out = tmp_path / "export"
    assert cli.main(["export", "--model", "modum", "--data", str(DATA), "--out", str(out)]) == 0
    model = load_models(DATA)["modum"]
    for page in render_pages(model, directory_url):
        assert (out / page.src_uri).read_text(encoding="utf-8") == page.markdown


def test_schema_lists_every_field(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["schema"]) == 0
    out = capsys.readouterr().out
    for needle in ("## Step", "`deadline`", "`goto` **påkrevd**", "Frist slik kilden skriver den"):
        assert needle in out


def test_config_file_names_the_default_model() -> None:
    settings = resolve(read_extra(CONFIG), ROOT, {})
    assert settings.model_id == "modum"
    assert settings.data == DATA
    assert settings.data_shown == "data/models.yaml"


def test_model_precedence_option_then_environment_then_config() -> None:
    extra = read_extra(CONFIG)
    assert resolve(extra, ROOT, {"HV_MODEL": "romskog"}).model_id == "romskog"
    assert resolve(extra, ROOT, {"HV_MODEL": "romskog"}, model="samarbeidsmodellen").model_id == (
        "samarbeidsmodellen"
    )


def test_editor_reference_is_up_to_date(capsys: pytest.CaptureFixture[str]) -> None:
    """REDIGERING.md is the output of `handlingsveileder schema`; regenerate it after a change."""
    assert cli.main(["schema"]) == 0
    assert (ROOT / "REDIGERING.md").read_text(encoding="utf-8") == capsys.readouterr().out


def test_a_draft_guide_says_so_on_every_page(sites: Served) -> None:
    pages = sites.pages("bti-fem-steg")
    assert pages
    for path in pages:
        html = (sites.root / path / "index.html").read_text(encoding="utf-8")
        assert '<p class="hv-utkast"><strong>Utkast:</strong> DENNE SIDEN ER UNDER ARBEID.' in html
    for other in ("modum", "romskog", "bekymring-nynorsk", "samarbeidsmodellen"):
        html = (sites.root / other / "index.html").read_text(encoding="utf-8")
        assert "hv-utkast" not in html, other


def use_own_template(project: Path, url: str) -> None:
    data = project / "data" / "models.yaml"
    text = data.read_text(encoding="utf-8")
    old = '    referatmal:\n      name: "Referatmal"\n'
    assert old in text
    data.write_text(text.replace(old, f'{old}      url: "{url}"\n', 1), encoding="utf-8")


def test_the_readme_pdf_recipe_works_as_written(
    project_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project_copy / "docs" / "maler").mkdir(parents=True)
    (project_copy / "docs" / "maler" / "referatmal.pdf").write_bytes(b"%PDF-1.4 mal\n")
    use_own_template(project_copy, "/maler/referatmal.pdf")
    config = str(project_copy / "mkdocs.yml")
    data = str(project_copy / "data" / "models.yaml")
    assert cli.main(["check", data, "--config", config]) == 0
    assert cli.main(["build", "--config", config]) == 0
    page = (project_copy / "site" / "verktoy" / "referatmal" / "index.html").read_text("utf-8")
    assert 'href="../../maler/referatmal.pdf"' in page
    assert (project_copy / "site" / "maler" / "referatmal.pdf").is_file()


def test_check_and_build_refuse_a_missing_file_at_its_line(
    project_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    use_own_template(project_copy, "/maler/finnes-ikke.pdf")
    config = str(project_copy / "mkdocs.yml")
    data = project_copy / "data" / "models.yaml"
    line = (
        data.read_text(encoding="utf-8").splitlines().index('      url: "/maler/finnes-ikke.pdf"')
    )
    assert cli.main(["check", str(data), "--config", config]) == 1
    err = capsys.readouterr().err
    assert f"models.yaml:{line + 1}:12: modum › tools › referatmal › url: filen " in err
    assert "'maler/finnes-ikke.pdf' finnes ikke i docs/" in err
    assert cli.main(["build", "--config", config]) == 1
    assert "'maler/finnes-ikke.pdf' finnes ikke i docs/" in capsys.readouterr().err
