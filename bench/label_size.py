"""How large the flowcharts' labels are on screen: the smallest label on every page.

Every model is built (`handlingsveileder build --all`) into a temporary folder, or an
already built folder is given with `--site-dir`, and served with http.server on 127.0.0.1.
Each page of each model's site is opened in Debian's Chromium through Playwright, in one
browser context per viewport width (390 px: a phone; 1366 px: a laptop), and every label
of every diagram is measured where it is drawn: the computed font size of the element that
holds the text, times the scale at which it reaches the screen (the determinant of its
`getScreenCTM()`: the SVG's viewBox scaled to its rendered size). Charts drawn in the
browser (`HV_DIAGRAMS=client`) are measured in the shadow root Material draws them into,
forced open by an init script.

The table shows, per page and width, the smallest label in CSS pixels, the diagrams on the
page, and whether one of them is wider than its column (and so scrolls sideways). The
script exits with status 1 if a label is smaller than `--min` (12 px) at the narrowest
width, or if the browser asked any host other than 127.0.0.1 for anything.
"""

from __future__ import annotations

import argparse
import io
import math
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import Any

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

# The project folder, so that bench.common imports as it does for mypy.
sys.path.append(str(Path(__file__).resolve().parent.parent))

from bench import common

sys.path.insert(0, str(common.ROOT / "tests"))

from conftest import FIND_SVGS, MODELS, OPEN_SHADOW_ROOTS

from handlingsveileder import cli

WIDTHS = (390, 1366)
HEIGHTS = {390: 844, 1366: 900}
MIN_LABEL_PX = 12.0
"""The smallest label a reader may be shown on screen, in CSS pixels."""

LABEL_SIZES = f"""() => {FIND_SVGS}.map((svg, index) => {{
  if (svg === null) return null;
  const diagram = document.querySelectorAll('.hv-diagram')[index];
  let smallest = Infinity, label = '', labels = 0;
  const walker = document.createTreeWalker(svg, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {{
    const element = node.parentElement;
    if (!node.data.trim() || element.closest('title, desc, style')) continue;
    if (element.getClientRects().length === 0) continue;
    const drawn = element.closest('foreignObject, text');
    if (drawn === null) continue;
    const m = drawn.getScreenCTM();
    const scale = Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
    const size = parseFloat(getComputedStyle(element).fontSize) * scale;
    labels += 1;
    if (size < smallest) {{ smallest = size; label = node.data.trim(); }}
  }}
  return {{
    smallest, label, labels,
    overflows: diagram.scrollWidth > diagram.clientWidth + 1,
  }};
}})"""
"""Per diagram on the page: the smallest label's rendered size (CSS px) and its text, the
number of labels, and whether the diagram is wider than its box (scrolls sideways)."""


@dataclass(frozen=True)
class Measured:
    """The diagrams of one page at one width."""

    page: str
    width: int
    diagrams: list[dict[str, Any]]

    @property
    def smallest(self) -> float:
        return min((d["smallest"] for d in self.diagrams), default=math.inf)

    @property
    def smallest_label(self) -> str:
        found = min(self.diagrams, key=lambda d: float(d["smallest"]), default=None)
        return str(found["label"]) if found else ""

    @property
    def overflows(self) -> bool:
        return any(d["overflows"] for d in self.diagrams)


def measure_page(page: Any, url: str, width: int) -> Measured:
    """Open `url` in `page` and measure every diagram's labels once all are drawn."""
    response = page.goto(url)
    if response is None or not response.ok:
        raise SystemExit(f"{url}: fikk ikke lastet siden")
    return measure_shown(page, url, width)


def measure_shown(page: Any, url: str, width: int) -> Measured:
    """Measure the page `page` shows now (after two frames: size changes have been seen)."""
    page.wait_for_function(f"() => {FIND_SVGS}.every(svg => svg !== null)", timeout=30_000)
    page.evaluate(
        "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
    )
    return Measured(url, width, page.evaluate(LABEL_SIZES))


def new_context(browser: Any, width: int, requested: list[str]) -> Any:
    """A browser context at `width` (phone height for narrow widths), shadow roots open."""
    context = browser.new_context(viewport={"width": width, "height": HEIGHTS.get(width, 900)})
    context.add_init_script(OPEN_SHADOW_ROOTS)
    context.on("request", lambda request: requested.append(request.url))
    return context


def pages_of(root: Path, model: str) -> list[str]:
    """Site-relative URLs of every HTML page of a model's site (as `Served.pages`)."""
    found = []
    for html in sorted((root / model).rglob("index.html")):
        relative = html.parent.relative_to(root).as_posix()
        if "/assets" in relative or relative.endswith("/search"):
            continue
        found.append(relative + "/")
    return found


def build_all(site: Path, base: str) -> None:
    output = io.StringIO()
    with redirect_stdout(output), redirect_stderr(output):
        status = cli.main(
            ["build", "--all", "--config", str(common.CONFIG),
             "--site-dir", str(site), "--site-url", base]
        )  # fmt: skip
    if status != 0:
        sys.stderr.write(output.getvalue())
        raise SystemExit(f"Bygget feilet med status {status}")


@contextmanager
def served_sites(site_dir: Path | None) -> Iterator[tuple[Path, str]]:
    """The built sites (`site_dir`, or built now into a temporary folder) on 127.0.0.1."""
    with tempfile.TemporaryDirectory(prefix="hv-bench-") as temp:
        sock, base = common.reserve_port()
        root = site_dir
        if root is None:
            root = Path(temp) / "site"
            try:
                build_all(root, base)
            except BaseException:
                sock.close()
                raise
        server = common.serve(root, sock)
        try:
            yield root, base
        finally:
            server.shutdown()
            server.server_close()


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=(
            "Mål den minste etiketten i flytskjemaene på hver side av hver modell, slik "
            "nettleseren viser den (CSS-piksler), på mobil- og PC-bredde."
        )
    )
    parser.add_argument(
        "--site-dir",
        type=Path,
        metavar="MAPPE",
        help="et ferdig bygg av alle modellene (build --all) i stedet for et nytt bygg",
    )
    parser.add_argument(
        "--model", action="append", metavar="ID", help="bare denne modellen (kan gjentas)"
    )
    parser.add_argument(
        "--width",
        action="append",
        type=int,
        metavar="PX",
        help=f"vindusbredde i CSS-piksler (kan gjentas; standard: {', '.join(map(str, WIDTHS))})",
    )
    parser.add_argument(
        "--min",
        type=float,
        default=MIN_LABEL_PX,
        metavar="PX",
        help=f"minste tillatte etikett på den smaleste bredden (standard: {MIN_LABEL_PX:g})",
    )
    common.add_chromium_argument(parser)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if not Path(args.chromium).exists():
        print(f"{args.chromium} mangler (installer Debians chromium: make chromium)")
        return 2
    widths = sorted(args.width or WIDTHS)
    models = args.model or MODELS
    requested: list[str] = []
    results: dict[tuple[str, int], Measured] = {}
    from playwright.sync_api import sync_playwright

    with served_sites(args.site_dir) as (root, base), sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=args.chromium, args=common.CHROMIUM_ARGS
        )
        try:
            for width in widths:
                context = new_context(browser, width, requested)
                page = context.new_page()
                for model in models:
                    for path in pages_of(root, model):
                        results[(path, width)] = measure_page(page, base + path, width)
                context.close()
        finally:
            browser.close()

    paths = list(dict.fromkeys(path for path, _ in results))
    charted = [path for path in paths if results[(path, widths[0])].diagrams]
    column = max((len(path) for path in charted), default=4) + 2
    header = f"{'side':<{column}}" + "".join(f"{f'{w} px':>8} {'':<7}" for w in widths)
    header += "skjema"
    print("Minste etikett i flytskjemaene (CSS-piksler); «rulles» = bredere enn spalten.")
    print(header)
    print("-" * len(header))
    too_small: list[str] = []
    for path in charted:
        row = f"{path:<{column}}"
        for width in widths:
            measured = results[(path, width)]
            row += f"{measured.smallest:>8.1f} {'rulles' if measured.overflows else '':<7}"
            if width == widths[0] and measured.smallest < args.min:
                label = measured.smallest_label
                too_small.append(f"{path}: {measured.smallest:.1f} px («{label}»)")
        print(row + f"{len(results[(path, widths[0])].diagrams):>6}")
    print("-" * len(header))
    print(f"{len(paths) - len(charted)} sider uten flytskjema er ikke tatt med i tabellen.")
    for width in widths:
        sizes = [results[(path, width)].smallest for path in charted]
        if sizes:
            print(f"{width} px: minste etikett {min(sizes):.1f} px ({len(sizes)} sider)")
    failed = common.report_foreign(requested, distinct=True)
    if too_small:
        print(f"FEIL: etiketter under {args.min:g} px ved {widths[0]} px bredde:")
        for line in too_small:
            print(f"  {line}")
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
