"""The whole guide as a PDF: the built site's whole-guide page, printed by Chromium.

The site is served from its folder on 127.0.0.1 for the moment it takes to print, and the
browser may fetch nothing from any other host. The flowcharts print as vector graphics (SVG
in the page, or drawn by the vendored Mermaid where the build fell back); the print
stylesheet (theme/assets/hv/hv.css) starts each page of the site on a new sheet and never
splits a flowchart. A footer names the guide, the date of printing and the page number.
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .chromium import run_in_chromium
from .local_server import LOCAL_HOST, reserve_port, serve
from .markup import html_text

DRAWN = "() => document.querySelectorAll('.hv-diagram pre.mermaid').length === 0"
"""Every flowchart is drawn (build-time SVG has nothing left to draw)."""


def pdf_name(model_id: str) -> str:
    """The whole guide as PDF, in the root of the model's site."""
    return f"{model_id}.pdf"


def print_pdf(site_dir: Path, page: str, target: Path, footer: str) -> None:
    """Print `page` (a path in the built site) to `target`, written whole or not at all.
    Raises ChromiumUnavailable when the browser cannot run or print."""
    sock, origin = reserve_port()
    server = serve(site_dir, sock)
    partial = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        run_in_chromium(lambda browser: print_in(browser, origin + page, partial, footer))
        partial.replace(target)
    finally:
        server.shutdown()
        server.server_close()
        partial.unlink(missing_ok=True)


def print_in(browser: Any, url: str, target: Path, footer: str) -> None:
    context = browser.new_context()
    context.route("**/*", lambda route: only_local(route))
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.wait_for_function(DRAWN, timeout=60_000)
    page.emulate_media(media="print")
    page.pdf(
        path=str(target),
        format="A4",
        print_background=True,
        margin={"top": "15mm", "bottom": "18mm", "left": "14mm", "right": "14mm"},
        display_header_footer=True,
        header_template="<span></span>",
        footer_template=footer,
        outline=True,
        tagged=True,
    )
    context.close()


def only_local(route: Any) -> None:
    if urlsplit(route.request.url).hostname == LOCAL_HOST:
        route.continue_()
    else:
        route.abort()


def footer_html(title: str, words: dict[str, str]) -> str:
    """Chromium's footer template: the guide's title, the date of printing, page n of m."""
    page_of = html_text(words["page_of"]).format(
        page='<span class="pageNumber"></span>', pages='<span class="totalPages"></span>'
    )
    return (
        '<div style="font-size:8px;width:100%;margin:0 14mm;display:flex;'
        'justify-content:space-between;font-family:sans-serif;color:#333">'
        f"<span>{html_text(title)}</span>"
        f"<span>{html_text(words['printed'])} {printing_date()} · {page_of}</span></div>"
    )


def printing_date() -> str:
    """Today as dd.mm.yyyy, or the date of SOURCE_DATE_EPOCH for a reproducible print."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        day = datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC).date()
    else:
        day = datetime.date.today()
    return day.strftime("%d.%m.%Y")
