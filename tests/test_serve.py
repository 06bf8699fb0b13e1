"""`mkdocs serve` while the editor works: broken data shows the problems in the browser,
and the site comes back when the file is fixed."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import Browser

MKDOCS = Path(sys.executable).with_name("mkdocs")
TITLE = "Bedre Tverrfaglig Innsats"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(url: str, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return str(response.read().decode("utf-8"))
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"{url} did not answer")


def start(project: Path, port: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [str(MKDOCS), "serve", "-f", str(project / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "HOME": str(project)},
    )


@pytest.fixture
def served(project_copy: Path) -> Iterator[tuple[Path, str, subprocess.Popen[str]]]:
    port = free_port()
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("http://127.0.0.1:8000/", f"http://127.0.0.1:{port}/"))
    process = start(project_copy, port)
    yield project_copy, f"http://127.0.0.1:{port}/", process
    process.terminate()
    process.wait(timeout=20)


def break_data(project: Path) -> str:
    data = project / "data" / "models.yaml"
    good = data.read_text(encoding="utf-8")
    data.write_text(good.replace("goto: [niva-3]", "goto: [niva-33]", 1), encoding="utf-8")
    return good


def test_broken_data_shows_the_errors_and_the_site_comes_back(
    served: tuple[Path, str, subprocess.Popen[str]], browser: Browser
) -> None:
    project, url, process = served
    assert TITLE in wait_for(url)
    page = browser.new_page()
    page.goto(url)
    good = break_data(project)
    page.wait_for_selector("text=Feil i modellfilen", timeout=60_000)
    problems = page.locator(".hv-feil").inner_text()
    assert "data/models.yaml:" in problems
    assert "ukjent steg 'niva-33' (mente du 'niva-3'?)" in problems
    (project / "data" / "models.yaml").write_text(good, encoding="utf-8")
    page.wait_for_function(f"() => document.title.includes({TITLE!r})", timeout=60_000)
    assert page.locator(".hv-feil").count() == 0
    process.terminate()
    log = process.communicate(timeout=20)[0]
    assert "Traceback" not in log
    assert "ukjent steg 'niva-33'" in log
    assert browser.foreign_requests() == []


def test_serve_starts_with_broken_data(project_copy: Path) -> None:
    break_data(project_copy)
    port = free_port()
    process = start(project_copy, port)
    try:
        body = wait_for(f"http://127.0.0.1:{port}/")
        assert "Feil i modellfilen" in body
        assert "ukjent steg &#x27;niva-33&#x27;" in body or "ukjent steg 'niva-33'" in body
    finally:
        process.terminate()
        log = process.communicate(timeout=20)[0]
    assert "Traceback" not in log
