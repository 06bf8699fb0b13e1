"""`handlingsveileder ny`: a kommune's project folder, from a model or a shipped base.

Two builds in all: the project scaffolded from Modum is built by the very command lines of
its GitHub Pages workflow and its GitLab CI job, into the folders those upload.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import CONFIG, DATA, ROOT

from handlingsveileder import inherit, scaffold
from handlingsveileder.errors import Problem
from handlingsveileder.inherit import LOCALISE_KIND
from handlingsveileder.json_schema import schema_json
from handlingsveileder.scaffold import SCHEMA_LINE, TOOL_SOURCE, ScaffoldError
from handlingsveileder.settings import read_config
from handlingsveileder.site_defaults import HOOK_FILE, HOOK_PATH
from handlingsveileder.validate import load_models

BIN = ROOT / ".venv" / "bin"
SHIPPED_BASE = Path(inherit.__file__).parent / "bases" / "bti-grunnmodell.yaml"
FILES = {
    "mkdocs.yml",
    HOOK_PATH,
    "data/models.yaml",
    "data/handlingsveileder.schema.json",
    "data/sokeord.yaml",
    "docs/maler/.gitkeep",
    "README.md",
    "requirements.txt",
    ".gitignore",
    ".github/workflows/pages.yml",
    ".gitlab-ci.yml",
}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project for `lillevik`, started as a copy of Modum."""
    target = tmp_path_factory.mktemp("ny") / "lillevik"
    written = scaffold.scaffold(target, "lillevik", "modum", DATA)
    assert {str(path.relative_to(target)) for path in written} == FILES
    return target


def test_the_project_has_its_files(project: Path) -> None:
    on_disk = {str(p.relative_to(project)) for p in project.rglob("*") if p.is_file()}
    assert on_disk == FILES
    assert (project / HOOK_PATH).read_text(encoding="utf-8") == HOOK_FILE
    assert (project / "data/handlingsveileder.schema.json").read_text(
        encoding="utf-8"
    ) == schema_json()
    assert (project / "data/sokeord.yaml").read_bytes() == (
        DATA.parent / "sokeord.yaml"
    ).read_bytes()
    assert TOOL_SOURCE in (project / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert not list(project.parent.glob(".lillevik.*")), "no staging folder is left behind"


def test_the_model_is_modums_text_under_the_new_id(project: Path) -> None:
    text = (project / "data/models.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == SCHEMA_LINE
    original = DATA.read_text(encoding="utf-8")
    assert yaml.safe_load(text) == {"lillevik": yaml.safe_load(original)["modum"]}
    # Verbatim, comments and quotes included: Modum's lines after its key, up to the next model.
    body = original.split("\nmodum:\n", 1)[1].split("\nromskog:\n", 1)[0].rstrip()
    assert f"\nlillevik:\n{body}\n" in text
    assert "romskog" not in text, "nothing of the next model (nor its heading) comes along"


def test_mkdocs_yml_names_the_model_and_keeps_the_repositorys_choices(project: Path) -> None:
    config = read_config(project / "mkdocs.yml")
    ours = read_config(CONFIG)
    assert config["extra"]["handlingsveileder"] == {
        "data": "data/models.yaml",
        "model": "lillevik",
        "national_numbers": True,
    }
    assert config["extra"]["generator"] is False
    assert config["hooks"] == [HOOK_PATH]
    assert config["plugins"] == [{"search": {"lang": "no"}}], "`no` quoted, not false"
    assert config["site_name"] == "Bedre Tverrfaglig Innsats (BTI-modellen) – Modum kommune"
    assert config["site_url"] == "http://127.0.0.1:8000/"
    assert config["validation"] == ours["validation"]
    assert config["validation"]["links"]["absolute_links"] == "relative_to_docs"
    theme = config["theme"]
    assert theme["font"] is False and theme["language"] == "nb"
    assert theme["features"] == ours["theme"]["features"]
    assert theme["palette"] == ours["theme"]["palette"]
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    for commented in ("# accessibility:", "#   statement:", "# brand:", '#   primary: "#'):
        assert commented in text, f"mkdocs.yml shows how to set {commented}"
    assert "@@" not in text


def test_the_readme_explains_the_project(project: Path) -> None:
    readme = (project / "README.md").read_text(encoding="utf-8")
    assert "@@" not in readme
    for needed in (
        "pip install -r requirements.txt",
        "handlingsveileder check",
        "mkdocs serve",
        "handlingsveileder build",
        "theme:\n  logo:",
        "brand:",
        "accessibility:",
        "GitHub Pages",
        "GitLab Pages",
        "`modum`",
    ):
        assert needed in readme, needed


def run_ci_line(line: str, project: Path, env: dict[str, str]) -> None:
    """Run one line of a CI job as its shell would, with the venv's handlingsveileder."""
    assert line.startswith("handlingsveileder "), line
    shlex.split(line)  # one plain command line, no continuation
    environment = {
        **os.environ,
        **env,
        "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
        "NO_MKDOCS_2_WARNING": "1",
        "HV_DIAGRAMS": "client",  # faster; the SVG drawing is tested elsewhere
    }
    done = subprocess.run(
        ["sh", "-c", line], cwd=project, env=environment, capture_output=True, text=True
    )
    assert done.returncode == 0, f"{line}\n{done.stdout}\n{done.stderr}"


def tool_lines(script: str) -> list[str]:
    return [line.strip() for line in script.splitlines() if line.strip().startswith("handlingsv")]


def test_the_github_workflow_builds_the_site_it_uploads(project: Path) -> None:
    workflow = yaml.safe_load((project / ".github/workflows/pages.yml").read_text("utf-8"))
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    steps: list[dict[str, Any]] = workflow["jobs"]["build"]["steps"]
    uses = [str(step.get("uses", "")).split("@")[0] for step in steps]
    pages = next(i for i, step in enumerate(steps) if step.get("id") == "pages")
    assert uses[pages] == "actions/configure-pages"
    upload = steps[uses.index("actions/upload-pages-artifact")]
    built = [i for i, step in enumerate(steps) if "handlingsveileder build" in step.get("run", "")]
    assert built and pages < built[0] < uses.index("actions/upload-pages-artifact")
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]

    url = "http://127.0.0.1:8000/lillevik"  # what configure-pages gives: no slash at the end
    for step in steps:
        env = {
            name: str(value).replace("${{ steps.pages.outputs.base_url }}", url)
            for name, value in step.get("env", {}).items()
        }
        assert not any("${{" in value for value in env.values()), env
        for line in tool_lines(step.get("run", "")):
            assert "${{" not in line, "expressions go through env, not into the shell"
            run_ci_line(line, project, env)
    index = project / upload["with"]["path"] / "index.html"
    page = index.read_text(encoding="utf-8")
    assert "Bedre Tverrfaglig Innsats (BTI-modellen)" in page
    assert f'href="{url}/"' in page, "the canonical address is the Pages address"


def test_the_gitlab_job_builds_the_site_it_publishes(project: Path) -> None:
    ci = yaml.safe_load((project / ".gitlab-ci.yml").read_text("utf-8"))
    job = ci["pages"]
    assert job["artifacts"]["paths"] == ["public"], "GitLab Pages publishes public/"
    lines = [line for entry in job["script"] for line in tool_lines(entry)]
    assert any(line.startswith("handlingsveileder build") for line in lines)
    url = "http://127.0.0.1:8000/gitlab"
    for line in lines:
        run_ci_line(line, project, {"CI_PAGES_URL": url})
    page = (project / "public" / "index.html").read_text(encoding="utf-8")
    assert "Bedre Tverrfaglig Innsats (BTI-modellen)" in page
    assert f'href="{url}/"' in page


# --- refusals ----------------------------------------------------------------------


def leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def test_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    target = tmp_path / "lillevik"
    target.mkdir()
    (target / "notat.txt").write_text("mitt", encoding="utf-8")
    with pytest.raises(ScaffoldError, match="mappen finnes og er ikke tom"):
        scaffold.scaffold(target, "lillevik", "modum", DATA)
    assert leftovers(target) == ["notat.txt"]
    assert leftovers(tmp_path) == ["lillevik"]


def test_an_empty_folder_is_filled(tmp_path: Path) -> None:
    target = tmp_path / "lillevik"
    target.mkdir()
    scaffold.scaffold(target, "lillevik", "romskog", DATA)
    assert (target / "mkdocs.yml").is_file()
    assert leftovers(tmp_path) == ["lillevik"]


@pytest.mark.parametrize("bad", ["Lillevik", "lille vik", "-lillevik", "a" * 65])
def test_refuses_an_id_that_is_not_valid(tmp_path: Path, bad: str) -> None:
    with pytest.raises(ScaffoldError, match=r"ugyldig id|for lang"):
        scaffold.scaffold(tmp_path / "ny", bad, "modum", DATA)
    assert leftovers(tmp_path) == []


def test_an_unknown_model_lists_what_there_is_and_suggests_the_closest(tmp_path: Path) -> None:
    with pytest.raises(ScaffoldError) as raised:
        scaffold.scaffold(tmp_path / "ny", "lillevik", "modm", DATA)
    message = str(raised.value)
    assert "Fant ikke 'modm'" in message and "Mente du 'modum'?" in message
    assert "romskog, bekymring-nynorsk" in message, message
    assert leftovers(tmp_path) == []


def test_an_unknown_base_suggests_the_closest(tmp_path: Path, bases_dir: Path) -> None:
    with pytest.raises(ScaffoldError) as raised:
        scaffold.scaffold(tmp_path / "ny", "lillevik", "test-grunmodell", tmp_path / "ingen.yaml")
    message = str(raised.value)
    assert "grunnmodellene: test-grunnmodell" in message
    assert "Mente du 'test-grunnmodell'?" in message
    assert leftovers(tmp_path) == []


def test_a_failure_while_writing_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(shutil, "copyfile", full)  # the last file written
    with pytest.raises(ScaffoldError, match=r"Kunne ikke skrive .*No space left on device"):
        scaffold.scaffold(tmp_path / "ny", "lillevik", "modum", DATA)
    assert leftovers(tmp_path) == []


# --- copying from a models file ----------------------------------------------------

MODELS = """\
# Filens overskrift.

# Grunnen, felles for kommunene.
grunn:
  title: Grunn
  language: nb
  levels:
    - id: niva-1
      name: Nivå 1
      steps:
        - {id: a, title: A, end: true}
  # slutt på grunnen (innrykket: hører til modellen)

# Overskriften til neste modell.
lokal:
  extends: grunn
  kommune: "Lillevik"   # med kommentar
"""


def test_a_model_that_extends_one_in_its_file_brings_it_along(tmp_path: Path) -> None:
    source = tmp_path / "models.yaml"
    source.write_text(MODELS, encoding="utf-8")
    target = tmp_path / "ny"
    scaffold.scaffold(target, "storvik", "lokal", source)
    text = (target / "data/models.yaml").read_text(encoding="utf-8")
    assert "# Overskriften til neste modell.\nstorvik:\n  extends: grunn\n" in text
    assert '  kommune: "Lillevik"   # med kommentar\n' in text
    assert "# Grunnen, felles for kommunene.\ngrunn:\n" in text
    assert "  # slutt på grunnen (innrykket: hører til modellen)\n" in text
    assert "Filens overskrift" not in text
    models = load_models(target / "data/models.yaml")
    assert models["storvik"].kommune == "Lillevik"
    assert [level.id for level in models["storvik"].levels] == ["niva-1"]
    readme = (target / "README.md").read_text(encoding="utf-8")
    assert "handlingsveileder diff storvik" in readme


def test_a_model_that_extends_one_in_another_file_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "models.yaml"
    source.write_text(MODELS.replace("extends: grunn", "extends: felles.yaml#grunn"), "utf-8")
    with pytest.raises(ScaffoldError, match=r"bygger på 'felles.yaml#grunn' i en annen fil"):
        scaffold.scaffold(tmp_path / "ny", "storvik", "lokal", source)
    assert leftovers(tmp_path) == ["models.yaml"]


@pytest.mark.parametrize("new_id", ["no", "true", "123", "null"])
def test_an_id_yaml_would_read_as_something_else_is_quoted(tmp_path: Path, new_id: str) -> None:
    source = tmp_path / "models.yaml"
    source.write_text(MODELS, encoding="utf-8")
    scaffold.scaffold(tmp_path / "ny", new_id, "grunn", source)
    assert list(yaml.safe_load((tmp_path / "ny/data/models.yaml").read_text("utf-8"))) == [new_id]
    config = read_config(tmp_path / "ny/mkdocs.yml")
    assert config["extra"]["handlingsveileder"]["model"] == new_id


def test_a_hostile_title_stays_text_in_mkdocs_yml(tmp_path: Path) -> None:
    title = "Veileder: \"#1\" – 'ny' {x} [y] & *z ${{ a }} @@id@@ \\ slutt"
    source = tmp_path / "models.yaml"
    source.write_text(
        MODELS.replace("  title: Grunn\n", f"  title: {json.dumps(title)}\n"), encoding="utf-8"
    )
    scaffold.scaffold(tmp_path / "ny", "lillevik", "grunn", source)
    assert read_config(tmp_path / "ny/mkdocs.yml")["site_name"] == title
    assert f"# {title}" in (tmp_path / "ny/README.md").read_text(encoding="utf-8")


# --- an overlay on a shipped base --------------------------------------------------

BASE = """\
test-grunnmodell:
  title: Testgrunnmodell
  language: nb
  kommune: Kommunen
  localise:
    kommune: Kommunens navn
    emergency.contacts: Kommunens barnevernvakt og legevakt,
      med telefonnummer
    roles.leder.name: Hvem som leder arbeidet
    levels.niva-1.steps.a.title: Hva det første steget heter hos dere
    levels.niva-1.steps.a.text: Hva den ansatte gjør
  emergency:
    text: Ring
    contacts:
      - {name: Barnevernvakten, phone: "02800"}
      - {name: Legevakten, phone: "116117"}
  roles:
    leder: {name: Leder}
  levels:
    - id: niva-1
      name: Nivå 1
      steps:
        - id: a
          title: "no"
          text: |
            Første linje.
            Andre linje.
          end: true
"""


@pytest.fixture
def bases_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shipped bases replaced by one test base, `test-grunnmodell`."""
    folder = tmp_path_factory.mktemp("bases")
    (folder / "test-grunnmodell.yaml").write_text(BASE, encoding="utf-8")
    monkeypatch.setattr(inherit, "BASES_DIR", folder)
    return folder


LOCALISED = [
    "kommune",
    "emergency.contacts",
    "roles.leder.name",
    "levels.niva-1.steps.a.title",
    "levels.niva-1.steps.a.text",
]


def hints(text: str, paths: list[str]) -> dict[str, list[str]]:
    """Each commented hint of an overlay, by its key path: its YAML lines, uncommented."""
    found: dict[str, list[str]] = {}
    current: list[str] = []
    for line in text.splitlines():
        heading = re.match(r"  # ([a-z0-9.-]+):", line)
        if heading and heading.group(1) in paths:
            assert heading.group(1) not in found, f"two hints for {heading.group(1)}"
            current = found.setdefault(heading.group(1), [])
        elif line.startswith("  #   "):
            current.append("  " + line.removeprefix("  #   "))
    return found


def open_paths(models_file: Path, model_id: str) -> list[str]:
    warnings: list[Problem] = []
    load_models(models_file, warnings=warnings, open_allowed=True)
    return sorted(w.path[-1] for w in warnings if w.kind == LOCALISE_KIND and w.path[0] == model_id)


def test_an_overlay_on_a_base_hints_at_every_local_value(tmp_path: Path, bases_dir: Path) -> None:
    assert scaffold.bases() == {"test-grunnmodell": bases_dir / "test-grunnmodell.yaml"}
    target = tmp_path / "lillevik"
    scaffold.scaffold(target, "lillevik", "test-grunnmodell", tmp_path / "ingen.yaml")
    models_file = target / "data/models.yaml"
    text = models_file.read_text(encoding="utf-8")
    assert text.splitlines()[0] == SCHEMA_LINE
    assert yaml.safe_load(text) == {"lillevik": {"extends": "test-grunnmodell"}}
    found = hints(text, LOCALISED)
    assert list(found) == LOCALISED, "one hint per path, in the base's order"
    assert (
        "  # emergency.contacts: Kommunens barnevernvakt og legevakt, med telefonnummer\n" in text
    )
    assert found["levels.niva-1.steps.a.title"] == [
        "  levels:",
        "    - id: niva-1",
        "      steps:",
        "        - id: a",
        '          title: "no"',
    ], "the path through ids written as YAML, with the base's value (still text)"
    assert "Andre linje." in "\n".join(found["levels.niva-1.steps.a.text"])
    assert open_paths(models_file, "lillevik") == sorted(LOCALISED)
    # Each hint, uncommented on its own, writes exactly its value.
    for key_path, lines in found.items():
        models_file.write_text(text + "\n".join(lines) + "\n", encoding="utf-8")
        assert open_paths(models_file, "lillevik") == sorted(set(LOCALISED) - {key_path})
    readme = (target / "README.md").read_text(encoding="utf-8")
    assert "handlingsveileder diff lillevik" in readme
    assert "Testgrunnmodell" in readme
    assert read_config(target / "mkdocs.yml")["extra"]["handlingsveileder"]["model"] == "lillevik"


@pytest.mark.skipif(
    not SHIPPED_BASE.is_file(),
    reason=f"{SHIPPED_BASE.relative_to(ROOT)} is not written yet",
)
def test_an_overlay_on_the_shipped_bti_base(tmp_path: Path) -> None:
    base = yaml.safe_load(SHIPPED_BASE.read_text(encoding="utf-8"))["bti-grunnmodell"]
    target = tmp_path / "lillevik"
    scaffold.scaffold(target, "lillevik", "bti-grunnmodell", tmp_path / "ingen.yaml")
    text = (target / "data/models.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(text) == {"lillevik": {"extends": "bti-grunnmodell"}}
    assert "\n  extends: bti-grunnmodell\n" in text
    found = hints(text, list(base["localise"]))
    assert list(found) == list(base["localise"])
    for key_path in base["localise"]:
        assert len(re.findall(rf"^  # {re.escape(key_path)}:", text, re.M)) == 1, key_path
