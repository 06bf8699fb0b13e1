"""The kommune kit: several guides as one site, a kommune's own project from a base."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from conftest import ROOT, published_project

CLI = str(ROOT / ".venv" / "bin" / "handlingsveileder")


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HV_DIAGRAMS": "client"}
    env.pop("HV_MODEL", None)
    return subprocess.run([CLI, *args], capture_output=True, text=True, env=env, cwd=cwd)


def with_guides(config: Path, line: str) -> None:
    text = config.read_text(encoding="utf-8")
    marker = "    national_numbers: true\n"
    config.write_text(text.replace(marker, marker + line, 1), encoding="utf-8")


def test_several_guides_are_one_site_with_a_chooser(tmp_path: Path) -> None:
    project = published_project(tmp_path / "project")
    with_guides(project / "mkdocs.yml", "    models: [romskog, bekymring-nynorsk]\n")
    site = tmp_path / "site"
    done = run("build", "--config", str(project / "mkdocs.yml"), "--site-dir", str(site))
    assert done.returncode == 0, done.stderr
    assert "Bygget romskog, bekymring-nynorsk" in done.stdout
    assert '<html lang="nb"' in (site / "romskog" / "index.html").read_text(encoding="utf-8")
    nynorsk = (site / "bekymring-nynorsk" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nn"' in nynorsk, "each guide keeps its own language form"
    chooser = (site / "index.html").read_text(encoding="utf-8")
    assert set(re.findall(r'href="([^"]+)"', chooser)) >= {"romskog/", "bekymring-nynorsk/"}
    assert not (site / "modum").exists(), "only the guides mkdocs.yml lists"
    back = '<p class="hv-samling"><a href="{}">Alle kommunens veiledere</a></p>'
    assert back.format("./../") in (site / "romskog" / "index.html").read_text(encoding="utf-8")
    roles = (site / "romskog" / "verktoy" / "index.html").read_text(encoding="utf-8")
    assert back.format("../../") in roles, "every page links the chooser"
    assert "Alle rettleiarane til kommunen" in nynorsk

    one = run(
        "build",
        "--config",
        str(project / "mkdocs.yml"),
        "--site-dir",
        str(site),
        "--model",
        "romskog",
    )
    assert one.returncode == 0, one.stderr
    assert (site / "index.html").is_file() and not (site / "romskog").exists()
    assert "hv-samling" not in (site / "index.html").read_text(encoding="utf-8")


def test_an_unknown_guide_in_the_list_is_named(tmp_path: Path) -> None:
    project = published_project(tmp_path / "project")
    with_guides(project / "mkdocs.yml", "    models: [romskog, romskgo]\n")
    done = run("build", "--config", str(project / "mkdocs.yml"), "--site-dir", str(tmp_path / "s"))
    assert done.returncode == 1
    assert "modellen 'romskgo' finnes ikke" in done.stderr and "mente du 'romskog'" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "s").exists()


LOCAL_VALUES = """\
  kommune: Lillevik
  contact: "Oppvekstkontoret i Lillevik, tlf. 33 00 00 00"
  emergency:
    contacts:
      - {name: "Barnevernsvakta i Lillevik", phone: "800 12 345", hours: "hele døgnet"}
      - {name: "Politiet", phone: "112"}
  levels:
    - id: niva-0
      steps:
        - {id: n0-drofte, after: "Drøft saken anonymt med PPT i Lillevik, tlf. 33 00 00 01."}
    - id: niva-1
      steps:
        - {id: n1-evaluer, deadline: "senest innen 6 uker i Lillevik"}
    - id: niva-2
      steps:
        - {id: n2-mote, after: "Ressursteamet i Lillevik møtes første tirsdag i måneden."}
        - {id: n2-evaluer, deadline: "innen 8 uker"}
    - id: niva-3
      steps:
        - {id: n3-evaluer, deadline: "innen 3 måneder"}
  roles:
    koordinerende-enhet: {description: "Koordinerende enhet i Lillevik, tlf. 33 00 00 02."}
  tools:
    stafettlogg: {system: "Visma Flyt Samspill"}
    bekymringsmelding: {url: "https://bekymringsmelding.fiks.ks.no/offentlig"}
"""


def test_a_kommune_starts_from_a_shipped_base_and_fills_in_its_own(tmp_path: Path) -> None:
    folder = tmp_path / "lillevik"
    made = run("ny", "lillevik", "--fra", "bti-grunnmodell", "--mappe", str(folder))
    assert made.returncode == 0, made.stderr
    data = folder / "data" / "models.yaml"
    assert data.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=")

    unfinished = run("check", cwd=folder)
    assert unfinished.returncode == 1
    extends_line = data.read_text(encoding="utf-8").splitlines().index("  extends: bti-grunnmodell")
    assert re.search(
        rf"^data/models\.yaml:{extends_line + 1}:3: lillevik › kommune: 'kommune' må fylles ut "
        r"lokalt \(",
        unfinished.stderr,
        re.MULTILINE,
    ), unfinished.stderr
    assert "emergency.contacts" in unfinished.stderr and "Traceback" not in unfinished.stderr

    with data.open("a", encoding="utf-8") as handle:
        handle.write(LOCAL_VALUES)
    checked = run("check", cwd=folder)
    assert checked.returncode == 0, checked.stderr
    built = run("build", cwd=folder)
    assert built.returncode == 0, built.stderr
    front = (folder / "site" / "index.html").read_text(encoding="utf-8")
    assert "Lillevik" in front and 'href="tel:80012345"' in front
    level = (folder / "site" / "niva-1" / "index.html").read_text(encoding="utf-8")
    assert "senest innen 6 uker i Lillevik" in level
    assert "Oppvekstkontoret i Lillevik" in front, "the contact stands in the footer"

    diff = run("diff", "lillevik", cwd=folder)
    assert diff.returncode == 0, diff.stderr
    assert re.search(r"endret +emergency\.contacts", diff.stdout)
    assert re.search(r"endret +levels\.niva-1\.steps\.n1-evaluer\.deadline", diff.stdout)


def test_a_model_chosen_on_the_command_line_or_in_hv_model_is_built_alone() -> None:
    from handlingsveileder.settings import resolve

    extra = {"handlingsveileder": {"model": "modum", "models": ["romskog", "modum"]}}
    assert resolve(extra, ROOT, {}).guides == ("romskog", "modum")
    assert resolve(extra, ROOT, {"HV_MODEL": "romskog"}).guides == ()
    assert resolve(extra, ROOT, {}, model="romskog").guides == ()
