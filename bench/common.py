"""What the bench scripts share: paths, the browser, a local web server and HV_DIAGRAMS.

The scripts run as `python bench/<name>.py`; each appends the project folder to sys.path
and imports this module as `bench.common`, the name mypy knows it by (mypy_path does not
include bench/). Scripts that set environment variables before importing the project
(NO_MKDOCS_2_WARNING, HV_DIAGRAMS) import it after doing so.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from handlingsveileder import chromium, local_server
from handlingsveileder.settings import ENV_DIAGRAMS

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs.yml"
MODEL = "modum"
CHROMIUM = chromium.CHROMIUM
CHROMIUM_ARGS = chromium.ARGS
LOCAL_HOST = local_server.LOCAL_HOST
QuietHandler = local_server.QuietHandler
reserve_port = local_server.reserve_port
serve = local_server.serve
QUIET_SECONDS = 1.0
"""The network must have been quiet this long before a load counts as finished."""


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


def timed_cli(args: list[str], problems: list[str], label: str) -> float:
    """Seconds for `handlingsveileder ARGS` run in this process, its output swallowed; a
    failure (non-zero status, exception, traceback) is noted in `problems` with its last
    line."""
    import gc
    import io
    import time
    import traceback
    from contextlib import redirect_stderr, redirect_stdout

    from handlingsveileder import cli

    output = io.StringIO()
    gc.collect()
    status: int | None = None
    failure = ""
    start = time.perf_counter()
    with redirect_stdout(output), redirect_stderr(output):
        try:
            status = cli.main(args)
        except SystemExit as leaving:
            status = leaving.code if isinstance(leaving.code, int) else 1
        except Exception:
            failure = traceback.format_exc()
    seconds = time.perf_counter() - start
    text = output.getvalue() + failure
    if status != 0 or "Traceback" in text:
        last = next((line for line in reversed(text.splitlines()) if line.strip()), "")
        problems.append(f"{label}: status {status}; {last}")
    return seconds
