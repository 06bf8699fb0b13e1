"""Time to a drawn flowchart, and bytes fetched: charts drawn at build time against in the browser.

The Modum site is built twice into a temporary folder: once with `HV_DIAGRAMS=client`
(the page carries `<pre class="mermaid">` and the vendored Mermaid draws it in the
reader's browser) and once with the default (the chart arrives as inline SVG). Each is
served with http.server on 127.0.0.1, on a port chosen before the build so that
`site_url` matches. Two pages with charts, the front page and a level page, are opened in
Debian's Chromium through Playwright, each load in a fresh browser context (empty cache),
under two profiles: unthrottled, and "slow 4G + 4x CPU" set through the Chrome DevTools
Protocol (Lighthouse's values: 150 ms latency, 1638.4 kbit/s down, 750 kbit/s up, CPU
slowed down four times). The loads are interleaved, and every other round runs in the
opposite order.

Measured per load:

* time to diagram: `performance.now()` (milliseconds since navigation start) in the first
  animation frame in which every `.hv-diagram` on the page has an SVG with at least one
  `g.node` (inline, or in the shadow root Material draws into, forced open by an init
  script);
* bytes: the bodies of every response the load received until the network was quiet,
  raw (http.server does not compress) and gzip-estimated (each body at level 6).

The table shows medians; the ratios compare svg with client in the same run, beside the
issue's targets (information, not assertions). The script exits with status 1 if the
browser asked any host other than 127.0.0.1 for anything, or if a page of the svg build
requested a Mermaid module.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import io
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

# The project folder, so that bench.common imports as it does for mypy.
sys.path.append(str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import Browser, Request, Response, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from bench import common
from handlingsveileder import cli

MERMAID_PREFIX = "/assets/vendor/mermaid/"
PAGES = ("", "niva-1/")
PATHS = ("client", "svg")
SVG_TIME_TARGET = 0.25
"""The issue's target: svg time to diagram at most this share of client, slow profile."""
SVG_BYTES_TARGET = 0.5
"""The issue's target: svg bytes at most this share of client."""


@dataclass(frozen=True)
class Profile:
    key: str
    label: str
    network: dict[str, Any] | None
    """Network.emulateNetworkConditions parameters, or None for no throttling."""
    cpu_rate: float


PROFILES = (
    Profile("fast", "uten struping", None, 1),
    Profile(
        "slow",
        "treg 4G + 4x CPU",
        {
            "offline": False,
            "latency": 150,
            # Lighthouse's "slow 4G": kbit/s * 1024 / 8 = bytes/s, as CDP wants them.
            "downloadThroughput": 1638.4 * 1024 / 8,
            "uploadThroughput": 750 * 1024 / 8,
        },
        4,
    ),
)

RECORD_DRAWN = """
(() => {
  const original = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    return original.call(this, Object.assign({}, init, { mode: "open" }));
  };
  const drawn = (diagram) => {
    let svg = diagram.querySelector(":scope > svg");
    const host = diagram.querySelector("div.mermaid");
    if (svg === null && host !== null && host.shadowRoot !== null) {
      svg = host.shadowRoot.querySelector("svg");
    }
    return svg !== null && svg.querySelector("g.node") !== null;
  };
  const poll = () => {
    const diagrams = document.querySelectorAll(".hv-diagram");
    if (diagrams.length > 0 && [...diagrams].every(drawn)) {
      window.__hvDrawnAt = performance.now();
      window.__hvDiagrams = diagrams.length;
      return;
    }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})();
"""
"""Init script: closed shadow roots become open (so Material's drawing can be inspected),
and the first animation frame in which every chart is drawn is stored on window."""


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=(
            "Mål tiden til flytskjemaet er tegnet og hvor mange byte som hentes, med "
            "flytskjema tegnet ved bygging (svg) og i nettleseren (client), side om side."
        )
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=5,
        metavar="N",
        help="antall lastinger per side, profil og variant (standard: 5)",
    )
    common.add_model_argument(parser)
    parser.add_argument(
        "--timeout",
        type=float,
        default=90,
        metavar="S",
        help="lengste ventetid per lasting, i sekunder (standard: 90)",
    )
    common.add_chromium_argument(parser)
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs må være minst 1")
    if args.timeout <= 0:
        parser.error("--timeout må være positiv")
    return args


@dataclass
class Load:
    """One page load: when the charts were drawn and what was fetched."""

    drawn_ms: float
    raw_bytes: int
    gzip_bytes: int
    responses: int
    mermaid_files: int
    diagrams: int


@dataclass
class Cell:
    """Every load of one page, profile and path."""

    loads: list[Load] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def median(self, attribute: str) -> float | None:
        values = [float(getattr(load, attribute)) for load in self.loads]
        return statistics.median(values) if values else None


@dataclass
class Network:
    """Every request URL of the whole run, to check the hosts and the Mermaid files."""

    requested: dict[str, list[str]] = field(default_factory=lambda: {p: [] for p in PATHS})

    def mermaid(self, path: str) -> list[str]:
        return [url for url in self.requested[path] if is_mermaid(url)]


def is_mermaid(url: str) -> bool:
    return urlsplit(url).path.startswith(MERMAID_PREFIX)


def body_of(response: Response) -> bytes:
    try:
        return response.body()
    except PlaywrightError:  # redirects and aborted loads have no body
        return b""


def load_once(
    browser: Browser, url: str, profile: Profile, timeout_s: float, requested: list[str]
) -> Load:
    """Open `url` in a fresh context under `profile`; wait for the charts and a quiet network."""
    responses: list[Response] = []
    in_flight: set[Request] = set()
    last_activity = [time.monotonic()]
    errors: list[str] = []

    def started(request: Request) -> None:
        requested.append(request.url)
        in_flight.add(request)
        last_activity[0] = time.monotonic()

    def ended(request: Request) -> None:
        in_flight.discard(request)
        last_activity[0] = time.monotonic()

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        context.add_init_script(RECORD_DRAWN)
        context.on("request", started)
        context.on("requestfinished", ended)
        context.on("requestfailed", ended)
        context.on("response", lambda response: responses.append(response))
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        if profile.network is not None or profile.cpu_rate != 1:
            cdp = context.new_cdp_session(page)
            if profile.network is not None:
                cdp.send("Network.enable")
                cdp.send("Network.emulateNetworkConditions", profile.network)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": profile.cpu_rate})
        deadline = time.monotonic() + timeout_s
        page.goto(url, wait_until="commit", timeout=left_ms(deadline))
        page.wait_for_function(
            "() => window.__hvDrawnAt !== undefined", timeout=left_ms(deadline), polling=100
        )
        page.wait_for_load_state("load", timeout=left_ms(deadline))
        while in_flight or time.monotonic() - last_activity[0] < common.QUIET_SECONDS:
            if time.monotonic() > deadline:
                raise TimeoutError("nettverket ble aldri stille")
            page.wait_for_timeout(100)
        drawn_ms = float(page.evaluate("() => window.__hvDrawnAt"))
        diagrams = int(page.evaluate("() => window.__hvDiagrams"))
        if errors:
            raise RuntimeError("feil i nettleseren: " + "; ".join(errors))
        bodies = [body_of(response) for response in responses]
        return Load(
            drawn_ms=drawn_ms,
            raw_bytes=sum(len(body) for body in bodies),
            gzip_bytes=sum(len(gzip.compress(body, compresslevel=6)) for body in bodies if body),
            responses=len(responses),
            mermaid_files=sum(1 for response in responses if is_mermaid(response.url)),
            diagrams=diagrams,
        )
    finally:
        context.close()


def left_ms(deadline: float) -> float:
    """Milliseconds until `deadline` (time.monotonic), at least one."""
    return max(1.0, (deadline - time.monotonic()) * 1000)


def build(model_id: str, site: Path, base: str, path: str) -> None:
    """`handlingsveileder build` of `model_id` for `base`, charts drawn as `path` says."""
    output = io.StringIO()
    with (
        common.diagrams_setting("client" if path == "client" else None),
        redirect_stdout(output),
        redirect_stderr(output),
    ):
        status = cli.main(
            ["build", "--model", model_id, "--config", str(common.CONFIG),
             "--site-dir", str(site), "--site-url", base]
        )  # fmt: skip
    if status != 0:
        sys.stderr.write(output.getvalue())
        raise SystemExit(f"Bygget ({path}) feilet med status {status}")
    front = (site / "index.html").read_text(encoding="utf-8")
    inline = "hv-diagram hv-svg" in front
    if (path == "svg") != inline:
        sys.stderr.write(output.getvalue())
        found = "SVG i siden" if inline else "Mermaid-tekst i siden"
        raise SystemExit(f"Bygget ({path}) ga {found}; sammenligningen gir ingen mening")


def page_name(page: str) -> str:
    return "/" + page


def measure(
    browser: Browser, bases: dict[str, str], runs: int, timeout_s: float, network: Network
) -> dict[tuple[str, str, str], Cell]:
    """All loads, interleaved: every round visits every page, profile and path."""
    combos = [(page, profile, path) for page in PAGES for profile in PROFILES for path in PATHS]
    cells = {(page, profile.key, path): Cell() for page, profile, path in combos}
    for round_no in range(runs):
        order = combos if round_no % 2 == 0 else list(reversed(combos))
        for page, profile, path in order:
            cell = cells[(page, profile.key, path)]
            try:
                cell.loads.append(
                    load_once(
                        browser, bases[path] + page, profile, timeout_s, network.requested[path]
                    )
                )
            except (PlaywrightError, TimeoutError, RuntimeError) as failed:
                first_line = str(failed).strip().splitlines()[0] if str(failed).strip() else ""
                cell.failures.append(f"runde {round_no + 1}: {type(failed).__name__}: {first_line}")
        print(f"  runde {round_no + 1} av {runs} ferdig", file=sys.stderr, flush=True)
    return cells


def number(value: float | None, scale: float = 1, digits: int = 0, width: int = 9) -> str:
    if value is None:
        return f"{'–':>{width}}"
    return f"{value / scale:{width}.{digits}f}"


def ratio(a: float | None, b: float | None) -> str:
    if a is None or b is None or b == 0:
        return f"{'–':>6}"
    return f"{a / b:5.2f}x"


def print_table(cells: dict[tuple[str, str, str], Cell], runs: int) -> None:
    header = (
        f"{'side':<9} {'profil':<17} {'variant':<7} {'tid ms':>9} {'KiB':>9} "
        f"{'gzip KiB':>9} {'svar':>5} {'Mermaid':>7} {'skjema':>6} {'ok':>5}"
    )
    print(header)
    print("-" * len(header))
    for page in PAGES:
        for profile in PROFILES:
            for path in PATHS:
                cell = cells[(page, profile.key, path)]
                print(
                    f"{page_name(page):<9} {profile.label:<17} {path:<7} "
                    f"{number(cell.median('drawn_ms'))} "
                    f"{number(cell.median('raw_bytes'), 1024, 1)} "
                    f"{number(cell.median('gzip_bytes'), 1024, 1)} "
                    f"{number(cell.median('responses'), width=5)} "
                    f"{number(cell.median('mermaid_files'), width=7)} "
                    f"{number(cell.median('diagrams'), width=6)} "
                    f"{f'{len(cell.loads)}/{runs}':>5}"
                )
        print("-" * len(header))


def print_ratios(cells: dict[tuple[str, str, str], Cell]) -> None:
    print("Forholdstall svg / client (median), med målene fra saken ved siden av (til info):")
    header = (
        f"{'side':<9} {'tid uten struping':>17} {'tid treg 4G + 4x CPU':>21} {'(mål)':>8} "
        f"{'byte':>7} {'gzip-byte':>9} {'(mål)':>8}"
    )
    print(header)
    for page in PAGES:
        times = {
            profile.key: ratio(
                cells[(page, profile.key, "svg")].median("drawn_ms"),
                cells[(page, profile.key, "client")].median("drawn_ms"),
            )
            for profile in PROFILES
        }
        # The bytes do not depend on the profile: count the unthrottled loads.
        svg, client = cells[(page, "fast", "svg")], cells[(page, "fast", "client")]
        raw = ratio(svg.median("raw_bytes"), client.median("raw_bytes"))
        packed = ratio(svg.median("gzip_bytes"), client.median("gzip_bytes"))
        print(
            f"{page_name(page):<9} {times['fast']:>17} {times['slow']:>21} "
            f"{'≤ ' + str(SVG_TIME_TARGET):>8} {raw:>7} {packed:>9} "
            f"{'≤ ' + str(SVG_BYTES_TARGET):>8}"
        )


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if not Path(args.chromium).exists():
        print(f"{args.chromium} mangler (installer Debians chromium: make chromium)")
        return 2
    network = Network()
    with tempfile.TemporaryDirectory(prefix="hv-bench-") as temp:
        servers: list[http.server.ThreadingHTTPServer] = []
        bases: dict[str, str] = {}
        try:
            for path in PATHS:
                sock, base = common.reserve_port()
                try:
                    build(args.model, Path(temp) / path, base, path)
                except BaseException:
                    sock.close()
                    raise
                servers.append(common.serve(Path(temp) / path, sock))
                bases[path] = base
            print(
                f"Bygget {args.model} to ganger; client: {bases['client']}, svg: {bases['svg']}. "
                f"Måler {args.runs} runder …",
                file=sys.stderr,
                flush=True,
            )
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=args.chromium, args=common.CHROMIUM_ARGS
                )
                try:
                    cells = measure(browser, bases, args.runs, args.timeout, network)
                finally:
                    browser.close()
        finally:
            for server in servers:
                server.shutdown()
                server.server_close()

    print(
        f"Modell: {args.model}, åpnet i {args.chromium}, {args.runs} lastinger per rad, hver i "
        "en ny nettleserkontekst (tom hurtigbuffer)."
    )
    print(
        "tid ms = fra navigasjonen starter til hvert flytskjema har en tegnet SVG; KiB = alt "
        "innhold lastingen hentet (gzip: anslag per svar); Mermaid = filer fra "
        "assets/vendor/mermaid/; skjema = flytskjema på siden. Medianer."
    )
    slow = next(profile for profile in PROFILES if profile.key == "slow")
    assert slow.network is not None
    print(
        f"Treg profil: {slow.network['latency']} ms forsinkelse, "
        f"{slow.network['downloadThroughput']:.0f} B/s ned, "
        f"{slow.network['uploadThroughput']:.0f} B/s opp, CPU {slow.cpu_rate:g}x langsommere."
    )
    print()
    print_table(cells, args.runs)
    print()
    print_ratios(cells)
    print()

    status = 0
    labels = {profile.key: profile.label for profile in PROFILES}
    for (page, profile_key, path), cell in cells.items():
        where = f"{page_name(page)}, {labels[profile_key]}, {path}"
        for line in cell.failures:
            print(f"MERK: {where}: lasting feilet: {line}")
        if not cell.loads:
            print(f"FEIL: {where}: ingen vellykkede lastinger å sammenligne")
            status = 1
    mermaid = network.mermaid("svg")
    if mermaid:
        print(f"FEIL: svg-varianten hentet {len(mermaid)} Mermaid-filer, f.eks. {mermaid[0]}")
        status = 1
    else:
        print("svg-varianten hentet ingen Mermaid-filer (assets/vendor/mermaid/).")
    print(f"client-varianten hentet {len(network.mermaid('client'))} Mermaid-filer i alt.")
    everything = [url for urls in network.requested.values() for url in urls]
    if common.report_foreign(everything, distinct=True):
        status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
