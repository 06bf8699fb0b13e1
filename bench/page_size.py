"""What a visitor downloads: a level page with a diagram beside a page without one.

The Modum site is built once into a temporary folder, served with http.server on
127.0.0.1 and opened in Debian's Chromium through Playwright, each page in a fresh
browser context (empty cache, as on a first visit). Every response is recorded; the
table splits the bytes into HTML, CSS, JS, the vendored Mermaid files, the search index
and the rest, and the ratios compare the two pages measured in the same run.

http.server sends files uncompressed, so the byte counts are what the files weigh; the
gzip column estimates what a compressing web server would send. The script exits with
status 1 if the browser asked any host other than 127.0.0.1 for anything.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
# This script measures what the client-side fallback costs (Mermaid's share of a page);
# bench/diagram_speed.py compares it with the build-time SVG that is the default.
os.environ.setdefault("HV_DIAGRAMS", "client")

# The project folder, so that bench.common imports as it does for mypy.
sys.path.append(str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import Browser, Request, Response, sync_playwright

from bench import common
from handlingsveileder import mkdocs_adapter

MERMAID_PREFIX = "assets/vendor/mermaid/"
SEARCH_INDEX = "search/search_index.json"
CATEGORIES = ["HTML", "CSS", "JS", "Mermaid (vendor)", "Søkeindeks", "Annet"]


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=(
            "Mål hvor mange byte nettleseren henter for en nivåside med flytskjema og for "
            "en side uten, side om side, og vis andelen som er Mermaid."
        )
    )
    common.add_model_argument(parser)
    parser.add_argument(
        "--diagram-side",
        default="niva-1/",
        metavar="STI",
        help="siden med flytskjema (standard: niva-1/)",
    )
    parser.add_argument(
        "--vanlig-side",
        default="verktoy/",
        metavar="STI",
        help="siden uten flytskjema (standard: verktoy/)",
    )
    common.add_chromium_argument(parser)
    parser.add_argument(
        "--detaljer", action="store_true", help="vis hvert eneste svar med størrelse"
    )
    return parser.parse_args(argv)


@dataclass(frozen=True)
class Fetched:
    """One response as the browser received it."""

    url: str
    status: int
    body_bytes: int
    """len(response.body())."""
    content_length: int | None
    """The Content-Length header, if sent."""
    sizes_body: int
    """request.sizes()['responseBodySize']: the encoded body as it came over the wire."""
    header_bytes: int
    gzip_bytes: int
    category: str


@dataclass
class Visit:
    """Everything one page load fetched."""

    path: str
    fetched: list[Fetched] = field(default_factory=list)
    requested: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    diagrams: int = 0

    def total(self, category: str | None = None) -> int:
        return sum(f.body_bytes for f in self.fetched if category in (None, f.category))

    def count(self, category: str | None = None) -> int:
        return sum(1 for f in self.fetched if category in (None, f.category))

    def total_gzip(self, category: str | None = None) -> int:
        return sum(f.gzip_bytes for f in self.fetched if category in (None, f.category))


def category_of(url: str, base: str, content_type: str, resource_type: str) -> str:
    path = url[len(base) :] if url.startswith(base) else urlsplit(url).path
    path = path.split("?", 1)[0].split("#", 1)[0]
    if path.startswith(MERMAID_PREFIX):
        return "Mermaid (vendor)"
    if path == SEARCH_INDEX:
        return "Søkeindeks"
    if resource_type == "document" or content_type.startswith("text/html"):
        return "HTML"
    if path.endswith(".css") or content_type.startswith("text/css"):
        return "CSS"
    if path.endswith((".js", ".mjs")) or "javascript" in content_type:
        return "JS"
    return "Annet"


def record(response: Response, base: str) -> Fetched:
    request: Request = response.request
    try:
        body = response.body()
    except Exception:  # redirects and aborted loads have no body
        body = b""
    header = response.headers.get("content-length")
    sizes = request.sizes()
    return Fetched(
        url=response.url,
        status=response.status,
        body_bytes=len(body),
        content_length=int(header) if header is not None else None,
        sizes_body=int(sizes["responseBodySize"]),
        header_bytes=int(sizes["responseHeadersSize"]),
        gzip_bytes=len(gzip.compress(body, compresslevel=6)) if body else 0,
        category=category_of(
            response.url, base, response.headers.get("content-type", ""), request.resource_type
        ),
    )


def visit(browser: Browser, base: str, path: str, *, expect_diagram: bool) -> Visit:
    """Open `path` in a fresh context and wait until diagrams are drawn and the network rests."""
    result = Visit(path)
    responses: list[Response] = []
    in_flight: set[Request] = set()
    last_activity = [time.monotonic()]

    def started(request: Request) -> None:
        result.requested.append(request.url)
        in_flight.add(request)
        last_activity[0] = time.monotonic()

    def ended(request: Request) -> None:
        in_flight.discard(request)
        last_activity[0] = time.monotonic()

    def answered(response: Response) -> None:
        responses.append(response)

    def failed(request: Request) -> None:
        result.failed.append(f"{request.url}: {request.failure}")
        ended(request)

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        context.on("request", started)
        context.on("requestfinished", ended)
        context.on("requestfailed", failed)
        context.on("response", answered)
        page = context.new_page()
        page.on("pageerror", lambda error: result.errors.append(str(error)))
        page.on(
            "console",
            lambda message: (
                result.errors.append(f"console: {message.text}")
                if message.type == "error"
                else None
            ),
        )
        response = page.goto(base + path, wait_until="load")
        if response is None or not response.ok:
            raise SystemExit(f"{base + path}: fikk ikke lastet siden")
        if expect_diagram:
            # Material replaces each `pre.mermaid` with a `div.mermaid` once the SVG is drawn.
            page.wait_for_selector("div.mermaid", state="attached", timeout=30_000)
        page.wait_for_load_state("networkidle")
        deadline = time.monotonic() + 30
        while in_flight or time.monotonic() - last_activity[0] < common.QUIET_SECONDS:
            if time.monotonic() > deadline:
                raise SystemExit(f"{path}: nettverket ble aldri stille")
            page.wait_for_timeout(100)
        result.diagrams = int(page.locator("div.mermaid").count())
        pending = int(page.locator("pre.mermaid").count())
        if expect_diagram and pending:
            result.errors.append(f"{pending} flytskjema ble ikke tegnet")
        result.fetched = [record(r, base) for r in responses]
    finally:
        context.close()
    return result


def build_and_serve(model_id: str, folder: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    """Build the site for the address it will be served on, then serve it on 127.0.0.1."""
    sock, base = common.reserve_port()
    site = folder / "site"
    try:
        mkdocs_adapter.build_site(
            common.CONFIG,
            mkdocs_adapter.BuildRequest.read(common.CONFIG, model_id),
            site,
            site_url=base,
        )
    except mkdocs_adapter.BuildFailed as failed:
        sock.close()
        raise SystemExit(f"Bygget feilet: {failed}") from None
    return base, common.serve(site, sock)


def kib(n: int) -> str:
    return f"{n / 1024:8.1f}"


def print_table(diagram: Visit, plain: Visit) -> None:
    columns = f"{'antall':>6} {'KiB':>8} {'gzip KiB':>8}"
    rule = "-" * (18 + 2 * (3 + len(columns)))
    print(f"{'':<18} | {diagram.path:^{len(columns)}} | {plain.path:^{len(columns)}}")
    print(f"{'kategori':<18} | {columns} | {columns}")
    print(rule)
    for name in [*CATEGORIES, None]:
        if name is None:
            print(rule)
        cells = [
            f"{v.count(name):>6} {kib(v.total(name))} {kib(v.total_gzip(name))}"
            for v in (diagram, plain)
        ]
        print(f"{name or 'Sum':<18} | {cells[0]} | {cells[1]}")
    print()
    for v in (diagram, plain):
        headers = sum(f.header_bytes for f in v.fetched)
        print(
            f"{v.path}: {v.total()} byte innhold + {headers} byte HTTP-hoder, "
            f"{v.count()} svar, {v.diagrams} flytskjema tegnet"
        )


def print_details(visit_: Visit) -> None:
    print(f"Alle svar for {visit_.path}:")
    for f in visit_.fetched:
        print(f"  {f.status} {f.body_bytes:>9} {f.category:<17} {f.url}")
    print()


def size_mismatches(visits: Sequence[Visit]) -> list[str]:
    """Responses where body(), Content-Length and request.sizes() disagree."""
    found = []
    for v in visits:
        for f in v.fetched:
            if f.status != 200:
                continue
            if f.content_length not in (None, f.body_bytes) or f.sizes_body != f.body_bytes:
                found.append(
                    f"{v.path}: {f.url[f.url.index('/', len('http://')) :]}: "
                    f"body()={f.body_bytes}, Content-Length={f.content_length}, "
                    f"sizes()={f.sizes_body}"
                )
    return found


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if not Path(args.chromium).exists():
        print(f"{args.chromium} mangler (installer Debians chromium: make chromium)")
        return 2
    with tempfile.TemporaryDirectory(prefix="hv-bench-") as temp:
        base, server = build_and_serve(args.model, Path(temp))
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=args.chromium, args=common.CHROMIUM_ARGS
                )
                try:
                    diagram = visit(browser, base, args.diagram_side, expect_diagram=True)
                    plain = visit(browser, base, args.vanlig_side, expect_diagram=False)
                finally:
                    browser.close()
        finally:
            server.shutdown()
            server.server_close()

    print(f"Modell: {args.model}, servert fra {base} og åpnet i {args.chromium}.")
    print("Hver side i en ny nettleserkontekst (tom hurtigbuffer). KiB = innhold uten hoder.")
    print()
    if args.detaljer:
        print_details(diagram)
        print_details(plain)
    print_table(diagram, plain)
    print()

    mermaid = "Mermaid (vendor)"
    print(
        f"Forhold {diagram.path} / {plain.path}: {diagram.total() / plain.total():.2f}x "
        f"(gzip: {diagram.total_gzip() / plain.total_gzip():.2f}x)"
    )
    print(
        f"Mermaid-andel av {diagram.path}: {diagram.total(mermaid) / diagram.total():.1%} "
        f"(gzip: {diagram.total_gzip(mermaid) / diagram.total_gzip():.1%}), "
        f"{diagram.count(mermaid)} filer"
    )
    print(
        f"Mermaid-andel av {plain.path}: {plain.total(mermaid) / plain.total():.1%}, "
        f"{plain.count(mermaid)} filer"
    )
    print(
        f"{diagram.path} uten Mermaid / {plain.path}: "
        f"{(diagram.total() - diagram.total(mermaid)) / plain.total():.2f}x"
    )
    print()

    status = 0
    if plain.count(mermaid):
        print(f"MERK: {plain.path} har ikke flytskjema, men lastet Mermaid likevel.")
    if not diagram.count(mermaid) or not diagram.diagrams:
        print(f"MERK: {diagram.path} tegnet ikke flytskjemaet med Mermaid fra nettstedet.")
    mismatches = size_mismatches([diagram, plain])
    if mismatches:
        print(
            "MERK: body(), Content-Length og request.sizes() er ikke like for disse svarene "
            "(tabellen bruker body()):"
        )
        for line in mismatches:
            print(f"  {line}")
    else:
        print("Kontroll: body(), Content-Length og request.sizes() er like for alle svar.")
    for v in (diagram, plain):
        for line in v.failed:
            print(f"MERK: {v.path}: forespørsel feilet: {line}")
        for line in v.errors:
            print(f"MERK: {v.path}: feil i nettleseren: {line}")
    if common.report_foreign([url for v in (diagram, plain) for url in v.requested]):
        status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
