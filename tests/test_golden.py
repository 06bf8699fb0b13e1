"""Golden files: the generated Markdown and Mermaid of Modum, byte for byte.

After an intended change of the output, regenerate them with
`UPDATE_GOLDEN=1 pytest tests/test_golden.py` and review the diff.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from conftest import DATA

from handlingsveileder.render import render_pages
from handlingsveileder.urlpaths import directory_url
from handlingsveileder.validate import load_models

GOLDEN = Path(__file__).parent / "golden" / "modum"
FENCE = re.compile(r"```mermaid\n(.*?)```", re.DOTALL)


def generated() -> dict[str, str]:
    """Every golden file's path and expected text: pages as .md, diagrams as .mmd."""
    model = load_models(DATA)["modum"]
    files: dict[str, str] = {}
    for page in render_pages(model, directory_url):
        files[f"pages/{page.src_uri}"] = page.markdown
        for number, chart in enumerate(FENCE.findall(page.markdown), start=1):
            stem = page.src_uri.removesuffix(".md")
            files[f"mermaid/{stem}-{number}.mmd"] = chart
    return files


def test_golden_files_match() -> None:
    files = generated()
    if os.environ.get("UPDATE_GOLDEN"):
        for old in GOLDEN.rglob("*.m*"):
            old.unlink()
        for name, text in files.items():
            (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / name).write_text(text, encoding="utf-8")
    on_disk = {
        path.relative_to(GOLDEN).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(GOLDEN.rglob("*"))
        if path.is_file()
    }
    assert sorted(on_disk) == sorted(files), "golden files added or missing"
    for name, text in files.items():
        assert text == on_disk[name], f"{name} differs from its golden file"


def test_rendering_is_deterministic() -> None:
    assert generated() == generated()


@pytest.mark.parametrize("name", ["pages/niva-1.md", "mermaid/niva-1-1.mmd"])
def test_golden_files_exist(name: str) -> None:
    assert (GOLDEN / name).is_file()
