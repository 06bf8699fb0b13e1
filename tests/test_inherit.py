"""A model that `extends` a base: merging, `remove`, must-localise values, `diff`."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import ROOT

from handlingsveileder import base_diff
from handlingsveileder.banner import announce_html
from handlingsveileder.errors import ModelError, Problem
from handlingsveileder.inherit import LOCALISE_KIND, resolve
from handlingsveileder.load import compose_file
from handlingsveileder.validate import load_models

CLI = str(ROOT / ".venv" / "bin" / "handlingsveileder")

BASE = """\
base:
  title: Grunn
  language: nb
  kommune: Kommunen
  localise:
    kommune: Kommunens navn
    roles.leder.name: Hvem som leder arbeidet
  roles:
    leder: {name: Leder}
    ansatt: {name: Ansatt}
  levels:
    - id: niva-1
      name: Nivå 1
      steps:
        - {id: a, title: A, responsible: [leder]}
        - {id: b, title: B, next: niva-2}
    - id: niva-2
      name: Nivå 2
      steps:
        - {id: c, title: C, end: true}
"""

OVERLAY = """\
lokal:
  extends: base
  kommune: Lillevik
  remove: [niva-2, ansatt]
  roles:
    leder: {name: Enhetsleder}
  levels:
    - id: niva-1
      steps:
        - {id: a, deadline: "innen 2 uker"}
        - {id: b, next: d}
        - {id: d, title: Ny, end: true}
"""


def write(folder: Path, text: str, name: str = "models.yaml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_an_overlay_replaces_keys_merges_lists_by_id_and_removes(tmp_path: Path) -> None:
    models = load_models(write(tmp_path, BASE + OVERLAY))
    own = models["lokal"]
    assert own.title == "Grunn" and own.kommune == "Lillevik"
    assert [level.id for level in own.levels] == ["niva-1"]
    steps = own.levels[0].steps
    assert [s.id for s in steps] == ["a", "b", "d"]
    assert steps[0].title == "A" and steps[0].deadline == "innen 2 uker"
    assert steps[0].responsible == ("leder",), "what the overlay does not write stays"
    assert steps[1].next == ("d",)
    assert list(own.roles) == ["leder"] and own.roles["leder"].name == "Enhetsleder"
    assert own.remove == (), "`remove` is used up by the merge"
    base = models["base"]
    assert [level.id for level in base.levels] == ["niva-1", "niva-2"], "the base is unchanged"


def test_a_missing_local_value_fails_at_the_overlays_extends_line(tmp_path: Path) -> None:
    overlay = OVERLAY.replace("    leder: {name: Enhetsleder}\n", "    leder: {}\n")
    with pytest.raises(ModelError) as raised:
        load_models(write(tmp_path, BASE + overlay), "data/models.yaml")
    [problem] = raised.value.problems
    assert (problem.file, problem.line, problem.col) == ("data/models.yaml", 22, 3)
    assert problem.path == ("lokal", "roles.leder.name")
    assert "'roles.leder.name' må fylles ut lokalt (Hvem som leder arbeidet)" in problem.message
    assert "data/models.yaml:7" in problem.message, "and where the base asks for it"


def test_serve_shows_the_open_values_in_a_banner_instead(tmp_path: Path) -> None:
    overlay = "lokal:\n  extends: base\n"
    warnings: list[Problem] = []
    models = load_models(write(tmp_path, BASE + overlay), warnings=warnings, open_allowed=True)
    open_paths = [w.path[-1] for w in warnings if w.kind == LOCALISE_KIND and w.path[0] == "lokal"]
    assert open_paths == ["kommune", "roles.leder.name"]
    html = announce_html(models["lokal"], True, open_paths)
    assert "Må fylles ut lokalt" in html and "<code>roles.leder.name</code>" in html


def test_a_problem_in_a_base_of_another_file_points_into_that_file(tmp_path: Path) -> None:
    base = BASE.replace("responsible: [leder]", "responsible: [sjef]")
    write(tmp_path, base, "grunn.yaml")
    overlay = OVERLAY.replace("extends: base", "extends: grunn.yaml#base")
    with pytest.raises(ModelError) as raised:
        load_models(write(tmp_path, overlay), "models.yaml")
    places = {(Path(p.file).name, p.line) for p in raised.value.problems if "sjef" in p.message}
    assert places == {("grunn.yaml", 15)}


@pytest.mark.parametrize(
    ("overlay", "message", "line"),
    [
        ("lokal:\n  extends: bsae\n", "finner ikke modellen 'bsae' å bygge på", 22),
        (
            "lokal:\n  extends: base\n  remove: [niva-9]\n",
            "'niva-9' finnes ikke i grunnmodellen",
            23,
        ),
        ("lokal:\n  extends: andre.yaml#base\n", "finner ikke filen 'andre.yaml'", 22),
        ("lokal:\n  title: T\n  language: nb\n  remove: [a]\n", "virker bare med `extends`", 24),
    ],
)
def test_mistakes_in_inheritance_name_file_and_line(
    tmp_path: Path, overlay: str, message: str, line: int
) -> None:
    with pytest.raises(ModelError) as raised:
        load_models(write(tmp_path, BASE + overlay), "models.yaml")
    found = [p for p in raised.value.problems if message in p.message]
    assert found, raised.value.report()
    assert found[0].line == line


def test_an_unknown_base_suggests_the_close_one(tmp_path: Path) -> None:
    with pytest.raises(ModelError) as raised:
        load_models(write(tmp_path, BASE + "lokal:\n  extends: bsae\n"))
    assert raised.value.problems[0].suggestion == "base"


def test_models_that_extend_each_other_are_refused(tmp_path: Path) -> None:
    text = "a:\n  extends: b\nb:\n  extends: a\n"
    with pytest.raises(ModelError) as raised:
        load_models(write(tmp_path, text))
    assert "i ring" in raised.value.report()


def test_diff_lists_the_overrides_and_marks_stale_ones(tmp_path: Path) -> None:
    path = write(tmp_path, BASE + OVERLAY)
    chain = resolve(compose_file(path), str(path), path).chains["lokal"]
    found = {(o.change, o.key_path) for o in base_diff.overrides(chain)}
    assert found == {
        ("endret", "kommune"),
        ("fjernet", "niva-2"),
        ("fjernet", "ansatt"),
        ("endret", "roles.leder.name"),
        ("endret", "levels.niva-1.steps.b.next"),
        ("ny", "levels.niva-1.steps.a.deadline"),
        ("ny", "levels.niva-1.steps.d"),
    }

    def diff(*more: str) -> str:
        args = [CLI, "diff", "lokal", "--data", str(path), *more]
        done = subprocess.run(args, capture_output=True, text=True, check=True)
        return done.stdout

    assert "endret            roles.leder.name  (" in diff("--godta")
    assert "FORELDET" not in diff()
    path.write_text(path.read_text().replace("leder: {name: Leder}", "leder: {name: Sjef}"))
    stale = [line for line in diff().splitlines() if "FORELDET" in line]
    assert len(stale) == 1 and "roles.leder.name" in stale[0]


def test_a_local_mark_through_a_key_the_base_lacks_is_refused_also_in_a_lone_base(
    tmp_path: Path,
) -> None:
    base = BASE.replace("    roles.leder.name:", "    roles.ledr.name:")
    with pytest.raises(ModelError) as raised:
        load_models(write(tmp_path, base), "models.yaml")
    [problem] = raised.value.problems
    assert (problem.line, problem.message) == (
        7,
        "'roles.ledr.name' finnes ikke i grunnmodellen 'base'",
    )
