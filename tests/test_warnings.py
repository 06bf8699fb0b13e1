"""Findings that do not stop the build: `check` and the build name them with file and line,
exit 0, and a strict build still succeeds (a warning must never fail `--strict`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from handlingsveileder import cli
from handlingsveileder.errors import Problem
from handlingsveileder.validate import load_models

MKDOCS = Path(sys.executable).with_name("mkdocs")

SWALLOWED = """\
demo:
  title: Demo
  language: nb
  tools:
    skjema: {name: Skjema, template: referatmal}
  levels:
    - id: niva-1
      name: Nivå 1
      steps:
        - id: a
          title: A
          text: |
            Snakk med foreldrene.
              tools: [skjema]
          end: true
"""

UNUSED_EXIT = """\
demo:
  title: Demo
  language: nb
  exits:
    melding: {kind: report}
  levels:
    - id: niva-1
      name: Nivå 1
      steps:
        - id: a
          title: A
          end: true
"""

PLAIN_TEXT = """\
demo:
  title: Demo
  language: nb
  levels:
    - id: niva-1
      name: Nivå 1
      steps:
        - id: a
          title: A
          text: |
            Merk: dette er vanlig tekst.
            Husk: Foreldre har rett til å vite!
            Kilde: veilederen, side 2.
          end: true
"""


def warnings_of(text: str, tmp_path: Path) -> list[Problem]:
    path = tmp_path / "models.yaml"
    path.write_text(text, encoding="utf-8")
    found: list[Problem] = []
    load_models(path, "models.yaml", None, found)
    return found


def test_a_key_swallowed_by_a_block_text_is_named_at_its_line(tmp_path: Path) -> None:
    (warning,) = warnings_of(SWALLOWED, tmp_path)
    assert (warning.file, warning.line, warning.col) == ("models.yaml", 14, 15)
    assert "ser ut som et felt ('tools: [skjema]')" in warning.message
    assert warning.path[-1] == "text"


def test_an_exit_nothing_leads_to_is_named(tmp_path: Path) -> None:
    (warning,) = warnings_of(UNUSED_EXIT, tmp_path)
    assert warning.line == 5 and "utgangen 'melding' brukes ikke" in warning.message


def test_ordinary_text_with_colons_gives_no_warning(tmp_path: Path) -> None:
    assert warnings_of(PLAIN_TEXT, tmp_path) == []


def test_the_five_models_have_no_warnings() -> None:
    found: list[Problem] = []
    load_models(Path(__file__).parents[1] / "data" / "models.yaml", None, None, found)
    assert found == []


@pytest.mark.parametrize("text", [SWALLOWED, UNUSED_EXIT], ids=["swallowed", "unused-exit"])
def test_check_and_strict_builds_warn_and_succeed(
    text: str, tmp_path: Path, project_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = project_copy / "data" / "models.yaml"
    data.write_text(text, encoding="utf-8")
    assert cli.main(["check", str(data)]) == 0
    check = capsys.readouterr()
    # (The other warning, of mkdocs.yml's missing accessibility statement: test_footer.py.)
    warned = [line for line in check.err.splitlines() if line.startswith(f"Advarsel: {data}:")]
    assert len(warned) == 1
    assert "1 advarsler" in check.out
    config = str(project_copy / "mkdocs.yml")
    site = tmp_path / "site"
    assert cli.main(["build", "--config", config, "--model", "demo", "--site-dir", str(site)]) == 0
    assert warned[0].split(": ", 2)[2] in capsys.readouterr().err
    assert (site / "index.html").is_file()
    strict = subprocess.run(
        [str(MKDOCS), "build", "--strict", "-f", config, "-d", str(tmp_path / "strict")],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "HV_MODEL": "demo"},
        check=False,
    )
    assert strict.returncode == 0, strict.stderr
    assert "Advarsel:" in strict.stderr
