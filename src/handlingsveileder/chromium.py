"""Debian's Chromium, headless, through Playwright: the build's one browser (flowcharts to
SVG, the whole guide to PDF). Never a browser that Playwright downloads.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

CHROMIUM = os.environ.get("HV_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
"""No sandbox (containers, root), no GPU, and none of the browser's own calls home."""
T = TypeVar("T")


class ChromiumUnavailable(Exception):
    """No Playwright, no Chromium, or the browser failed; the message says which (Norwegian)."""


def run_in_chromium(work: Callable[[Any], T]) -> T:
    """`work(browser)` in a headless Chromium, in a thread of its own (the caller's thread
    may already run an event loop, e.g. another Playwright session)."""
    with ThreadPoolExecutor(max_workers=1) as worker:
        return worker.submit(run_here, work).result()


def run_here(work: Callable[[Any], T]) -> T:
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError as missing:
        raise ChromiumUnavailable(f"Playwright mangler ({missing})") from None
    if not Path(CHROMIUM).exists():
        raise ChromiumUnavailable(f"finner ikke {CHROMIUM}")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            try:
                return work(browser)
            finally:
                browser.close()
    except Error as failed:
        raise ChromiumUnavailable(f"Chromium feilet: {failed}") from None
