"""A built site served from its folder on 127.0.0.1, for the moment something needs it:
the PDF printer, the browser tests and the bench scripts. Quiet, in a daemon thread."""

from __future__ import annotations

import functools
import http.server
import socket
import threading
from pathlib import Path
from typing import Any

LOCAL_HOST = "127.0.0.1"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def reserve_port() -> tuple[socket.socket, str]:
    """A socket bound to a free port on 127.0.0.1, and the site's address on it.

    Bound before a build, so that `site_url` can name the port the site is served on."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind((LOCAL_HOST, 0))
    return sock, f"http://{LOCAL_HOST}:{sock.getsockname()[1]}/"


def serve(root: Path, sock: socket.socket) -> http.server.ThreadingHTTPServer:
    """Serve the folder `root` on `sock` (from reserve_port) in a daemon thread; stop it
    with `shutdown()` and `server_close()`."""
    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer((LOCAL_HOST, 0), handler, bind_and_activate=False)
    server.socket.close()
    server.socket = sock
    server.server_address = sock.getsockname()
    server.server_activate()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
