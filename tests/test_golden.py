"""Golden files: the generated Markdown and Mermaid of every model, byte for byte.

After an intended change of the output, regenerate them with
`UPDATE_GOLDEN=1 pytest tests/test_golden.py` and review the diff.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA, MODELS, ROOT

from handlingsveileder.links import Links, directory_url
from handlingsveileder.pages import render_pages
from handlingsveileder.presentation.document import slides_html
from handlingsveileder.presentation.slides import build_deck
from handlingsveileder.sitemap import SiteMap
from handlingsveileder.validate import load_models

GOLDEN = Path(__file__).parent / "golden"
FENCE = re.compile(r"```mermaid\n(.*?)```", re.DOTALL)


def generated(model_id: str) -> dict[str, str]:
    """Every golden file's path and expected text: pages as .md, diagrams as .mmd, the
    presentation's slides as HTML (the level's steps in place of each chart's SVG)."""
    model = load_models(DATA)[model_id]
    files: dict[str, str] = {}
    for page in render_pages(model, directory_url):
        files[f"pages/{page.src_uri}"] = page.markdown
        for number, chart in enumerate(FENCE.findall(page.markdown), start=1):
            stem = page.src_uri.removesuffix(".md")
            files[f"mermaid/{stem}-{number}.mmd"] = chart
    links = Links(SiteMap(model), directory_url)
    deck = build_deck(model, lambda level: links.diagram(f"{level}.md"), lambda src: None)
    files["presentasjon/lysbilder.html"] = slides_html(deck, None) + "\n"
    return files


@pytest.mark.parametrize("model_id", MODELS)
def test_golden_files_match(model_id: str) -> None:
    files = generated(model_id)
    folder = GOLDEN / model_id
    if os.environ.get("UPDATE_GOLDEN"):
        for old in [*folder.rglob("*.m*"), *folder.rglob("*.html")]:
            old.unlink()
        for name, text in files.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(text, encoding="utf-8")
    on_disk = {
        path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
    assert sorted(on_disk) == sorted(files), "golden files added or missing"
    for name, text in files.items():
        assert text == on_disk[name], f"{model_id}/{name} differs from its golden file"


DIGEST = """
import hashlib, sys
sys.path.insert(0, sys.argv[1])
from test_golden import MODELS, generated
digest = hashlib.sha256()
for model_id in MODELS:
    for name, text in sorted(generated(model_id).items()):
        digest.update(name.encode() + b"\\0" + text.encode() + b"\\0")
print(digest.hexdigest())
"""


def test_rendering_is_deterministic_across_processes() -> None:
    """Two interpreters with different hash seeds give byte-identical output."""
    digests = set()
    for seed in ("1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-c", DIGEST, str(Path(__file__).parent)],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            check=True,
        )
        digests.add(result.stdout.strip())
    assert len(digests) == 1


@pytest.mark.parametrize("model_id", MODELS)
def test_golden_files_exist(model_id: str) -> None:
    assert (GOLDEN / model_id / "pages" / "index.md").is_file()
    assert any((GOLDEN / model_id / "mermaid").glob("*.mmd"))
