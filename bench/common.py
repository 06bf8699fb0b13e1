"""What the bench scripts share: paths, the browser, a local web server and HV_DIAGRAMS.

The scripts run as `python bench/<name>.py`; each appends the project folder to sys.path
and imports this module as `bench.common`, the name mypy knows it by (mypy_path does not
include bench/). Scripts that set environment variables before importing the project
(NO_MKDOCS_2_WARNING, HV_DIAGRAMS) import it after doing so.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import socket
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from handlingsveileder.settings import ENV_DIAGRAMS

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs.yml"
MODEL = "modum"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_HOST = "127.0.0.1"
QUIET_SECONDS = 1.0
"""The network must have been quiet this long before a load counts as finished."""


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def is_foreign(url: str) -> bool:
    """True if the browser asked another host than LOCAL_HOST (data:, blob:, about: are local)."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return False
    return parts.hostname != LOCAL_HOST


def report_foreign(requested: Iterable[str], *, distinct: bool = False) -> bool:
    """Print the URLs in `requested` that went to another host (each once and sorted if
    `distinct`, else all in order), or that there were none. True if there were any."""
    foreign = [url for url in requested if is_foreign(url)]
    if not foreign:
        print(f"Ingen forespørsler til andre verter enn {LOCAL_HOST}.")
        return False
    print(f"FEIL: {len(foreign)} forespørsler til andre verter enn {LOCAL_HOST}:")
    for url in sorted(set(foreign)) if distinct else foreign:
        print(f"  {url}")
    return True


@contextmanager
def diagrams_setting(value: str | None) -> Iterator[None]:
    """HV_DIAGRAMS set to `value` (None: unset) for the duration, then as before."""
    before = os.environ.get(ENV_DIAGRAMS)
    if value is None:
        os.environ.pop(ENV_DIAGRAMS, None)
    else:
        os.environ[ENV_DIAGRAMS] = value
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(ENV_DIAGRAMS, None)
        else:
            os.environ[ENV_DIAGRAMS] = before


def reserve_port() -> tuple[socket.socket, str]:
    """A socket bound to a free port on LOCAL_HOST, and the site's address on it.

    Bound before the build, so that `site_url` can name the port the site is served on."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind((LOCAL_HOST, 0))
    return sock, f"http://{LOCAL_HOST}:{sock.getsockname()[1]}/"


def serve(root: Path, sock: socket.socket) -> http.server.ThreadingHTTPServer:
    """Serve the folder `root` on `sock` (from reserve_port) in a daemon thread."""
    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer((LOCAL_HOST, 0), handler, bind_and_activate=False)
    server.socket.close()
    server.socket = sock
    server.server_address = sock.getsockname()
    server.server_activate()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def add_model_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--model", default=MODEL, metavar="ID", help=f"modellen som bygges (standard: {MODEL})"
    )


def add_chromium_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--chromium",
        default=CHROMIUM,
        metavar="FIL",
        help=f"nettleseren som brukes (standard: {CHROMIUM}; lastes aldri ned)",
    )
