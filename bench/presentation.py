"""The presentation (trainer mode): how much the deck weighs, how long the export takes,
and how fast it opens and changes slides, beside the guide's own site.

For every model in data/models.yaml (or the one `--modell` names), in the same run:

* size: the deck as `handlingsveileder presentasjon` writes it: bytes, gzip bytes (level
  6), slides, and the share that is the level charts. Every slide of a level carries its
  own copy of the level's chart (one node highlighted), so the deck is also weighed as it
  would be with one chart per level (the deck without every copy but the first of each
  level; the gzip figure compresses that text) and against the level pages of the built
  site (`<level id>/index.html` of the model, from `handlingsveileder build --all`);
* export time: `handlingsveileder presentasjon`, in-process, first with an empty chart
  cache (a fresh temporary copy of mkdocs.yml, hooks/, data/ and docs/ for every model
  and round, so its `.cache/` is empty and every chart is drawn in Chromium) and right
  after in the same folder with the cache filled. The rounds visit every model, every
  other round in the opposite order; an uncounted export of every model comes first (it
  also writes the decks that are measured);
* browser: the exported file opened from file:// in Debian's Chromium through Playwright,
  in a fresh context with the network off (offline, and every request that is not file:
  aborted): the time until `window.hvDeck` answers `count()` (measured in the page), and
  the time of one slide change (`hvDeck.go(n)` for every slide, inside the page). Beside
  it, in a fresh context each time, the model's front page on the built site, served
  with http.server on 127.0.0.1.

Every ratio compares things measured side by side in the same run. The script exits with
status 1 if the browser asked any host other than 127.0.0.1 for anything, or if an export,
the build or a measurement failed.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import statistics
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

# The project folder, so that bench.common imports as it does for mypy.
sys.path.append(str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import Browser, Route, ViewportSize, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from bench import common
from handlingsveileder.svg_render import CACHE_DIR

DATA = common.ROOT / "data" / "models.yaml"
PROJECT_FILES = ("mkdocs.yml", "hooks", "data", "docs")
"""What a fresh project folder gets (docs/ because MkDocs wants the folder to exist)."""
VIEWPORT: ViewportSize = {"width": 1280, "height": 720}
"""A projector: the deck and the front page are opened at the same size."""
SLIDE = re.compile(r'<section class="hv-slide ')
CHART = re.compile(r'<figure class="hv-slide-chart">(<svg\b.*?</svg>)</figure>', re.DOTALL)
SVG_ID = re.compile(r'<svg\b[^>]*?\sid="([\w-]+)"')
COPY_SUFFIX = re.compile(r"-s\d+$")
"""`charts.slide_svg` gives every copy but a level's first the suffix `-s<slide>`."""
TIMEOUT_MS = 60_000

READY_AT = """
(() => {
  const ready = () => %s;
  const poll = () => {
    let done = false;
    try { done = Boolean(ready()); } catch (error) { done = false; }
    if (done) { window.__hvReadyAt = performance.now(); return; }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})();
"""
"""Init script: the first animation frame in which the page is ready (its condition true),
as milliseconds since navigation start, on window."""
DECK_READY = "window.hvDeck !== undefined && window.hvDeck.count() > 0"
FRONT_READY = (
    "document.readyState === 'complete' && "
    "[...document.querySelectorAll('.hv-diagram')].every(d => d.querySelector('svg') !== null)"
)
LOAD_END = "() => performance.getEntriesByType('navigation')[0].loadEventEnd"
SLIDE_CHANGES = """async () => {
  const deck = window.hvDeck;
  const count = deck.count();
  const frames = () => new Promise(done =>
    requestAnimationFrame(() => requestAnimationFrame(done)));
  await frames();
  const order = [];
  for (let n = 2; n <= count; n += 1) order.push(n);
  order.push(1);
  const sync = [], drawn = [], wrong = [];
  for (const n of order) {
    const start = performance.now();
    deck.go(n);
    document.documentElement.getBoundingClientRect();  // style and layout, now
    const laidOut = performance.now();
    await frames();
    const shown = performance.now();
    sync.push(laidOut - start);
    drawn.push(shown - start);
    if (deck.current() !== n) wrong.push(n);
  }
  return { count, sync, drawn, wrong };
}"""
"""Every slide once (2 … count, then back to 1): the time of `go(n)` with style and layout
forced at once, and until two animation frames later (the new slide drawn)."""


def level_ids() -> dict[str, list[str]]:
    """Each model in data/models.yaml (in its order) with its levels' ids: a level's page is
    `<level id>/index.html` (not always `niva-*`: Romskog's only level is `stigen`)."""
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    return {
        str(model): [str(level["id"]) for level in fields.get("levels", [])]
        for model, fields in data.items()
    }


def parse_args(argv: Sequence[str] | None, models: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=(
            "Mål presentasjonen (lysbildene) for hver modell: størrelse, eksporttid med tom "
            "og fylt hurtigbuffer, og åpning og bytte av lysbilde i Chromium, side om side "
            "med nettstedet."
        )
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=3,
        metavar="N",
        help="antall målte runder; tabellene viser medianen (standard: 3)",
    )
    parser.add_argument(
        "--modell",
        choices=models,
        metavar="ID",
        help=f"bare denne modellen (standard: alle: {', '.join(models)})",
    )
    common.add_chromium_argument(parser)
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs må være minst 1")
    return args


@dataclass
class Size:
    """The exported deck of one model, and its site's level pages."""

    deck_bytes: int
    deck_gzip: int
    slides: int
    copies: int
    """Charts in the deck (one per slide that shows one)."""
    levels: int
    """Distinct charts (one per charted level)."""
    svg_bytes: int
    one_per_level: int
    """The deck's bytes less every chart copy but the first of each level."""
    one_per_level_gzip: int
    level_pages: int = 0
    level_pages_bytes: int = 0
    level_pages_gzip: int = 0


@dataclass
class Export:
    cold: list[float] = field(default_factory=list)
    warm: list[float] = field(default_factory=list)
    drawn: list[int] = field(default_factory=list)
    """Charts in the cache after each cold export (all drawn by it)."""
    added_warm: list[int] = field(default_factory=list)
    """Charts the warm export added to the cache (should be none)."""


@dataclass
class Opened:
    deck_ready: list[float] = field(default_factory=list)
    deck_load: list[float] = field(default_factory=list)
    front_ready: list[float] = field(default_factory=list)
    front_load: list[float] = field(default_factory=list)
    change_sync: list[float] = field(default_factory=list)
    """Every slide change of every run: go(n) with style and layout."""
    change_drawn: list[float] = field(default_factory=list)
    """Every slide change of every run: until two animation frames later."""
    count: int = 0


@dataclass
class Subject:
    model: str
    deck: Path
    levels: list[str] = field(default_factory=list)
    size: Size | None = None
    export: Export = field(default_factory=Export)
    opened: Opened = field(default_factory=Opened)
    problems: list[str] = field(default_factory=list)


def median(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def copy_project(target: Path) -> Path:
    """A fresh project folder: the config, hooks, data and docs, no `.cache/`."""
    target.mkdir(parents=True)
    for name in PROJECT_FILES:
        source = common.ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.is_file():
            shutil.copy2(source, target / name)
    return target


def run_cli(args: list[str], problems: list[str], label: str) -> float:
    """Seconds for `handlingsveileder ARGS` in-process; failures are noted in `problems`."""
    return common.timed_cli(args, problems, label)


def export_args(project: Path, model: str, out: Path) -> list[str]:
    config = str(project / "mkdocs.yml")
    return ["presentasjon", "--model", model, "--config", config, "--out", str(out)]


def cached_charts(project: Path) -> int:
    folder = project / CACHE_DIR
    return sum(1 for _ in folder.glob("*.svg")) if folder.is_dir() else 0


def time_exports(subjects: list[Subject], work: Path, runs: int) -> None:
    """Cold then warm export of every model, `runs` rounds, each cold in a fresh folder."""
    for round_no in range(runs):
        order = subjects if round_no % 2 == 0 else list(reversed(subjects))
        for subject in order:
            project = copy_project(work / f"runde-{round_no + 1}-{subject.model}")
            out = project / "presentasjon.html"
            args = export_args(project, subject.model, out)
            result = subject.export
            result.cold.append(run_cli(args, subject.problems, f"eksport kald {round_no + 1}"))
            result.drawn.append(cached_charts(project))
            result.warm.append(run_cli(args, subject.problems, f"eksport varm {round_no + 1}"))
            result.added_warm.append(cached_charts(project) - result.drawn[-1])
            shutil.rmtree(project, ignore_errors=True)
        print(f"  eksport: runde {round_no + 1} av {runs} ferdig", file=sys.stderr, flush=True)


def deck_size(deck: Path) -> Size:
    data = deck.read_bytes()
    text = data.decode("utf-8")
    charts = list(CHART.finditer(text))
    first_of_level: set[str] = set()
    removed: list[tuple[int, int]] = []
    svg_bytes = 0
    for chart in charts:
        svg = chart[1]
        svg_bytes += len(svg.encode("utf-8"))
        found = SVG_ID.search(svg)
        level = COPY_SUFFIX.sub("", found[1]) if found else svg
        if level in first_of_level:
            removed.append(chart.span(1))
        else:
            first_of_level.add(level)
    kept: list[str] = []
    position = 0
    for start, end in removed:
        kept.append(text[position:start])
        position = end
    kept.append(text[position:])
    one = "".join(kept).encode("utf-8")
    return Size(
        deck_bytes=len(data),
        deck_gzip=gzipped(data),
        slides=len(SLIDE.findall(text)),
        copies=len(charts),
        levels=len(first_of_level),
        svg_bytes=svg_bytes,
        one_per_level=len(one),
        one_per_level_gzip=gzipped(one),
    )


def add_level_pages(size: Size, site: Path, levels: list[str]) -> None:
    """The level pages of a model's site (`site`: the model's folder of `build --all`)."""
    for level in levels:
        html = site / level / "index.html"
        if html.is_file():
            data = html.read_bytes()
            size.level_pages += 1
            size.level_pages_bytes += len(data)
            size.level_pages_gzip += gzipped(data)


def build_all(project: Path, site: Path, base: str) -> None:
    problems: list[str] = []
    run_cli(
        ["build", "--all", "--config", str(project / "mkdocs.yml"),
         "--site-dir", str(site), "--site-url", base],
        problems,
        "build --all",
    )  # fmt: skip
    if problems:
        raise SystemExit(f"Bygget feilet: {problems[0]}")


def ready_time(page: Any) -> tuple[float, float]:
    """(ready, load event end) in ms since navigation start, once both have happened."""
    page.wait_for_function("() => window.__hvReadyAt !== undefined", timeout=TIMEOUT_MS, polling=50)
    page.wait_for_load_state("load", timeout=TIMEOUT_MS)
    page.wait_for_function(f"() => ({LOAD_END})() > 0", timeout=TIMEOUT_MS, polling=50)
    return float(page.evaluate("() => window.__hvReadyAt")), float(page.evaluate(LOAD_END))


def only_files(route: Route) -> None:
    if route.request.url.startswith("file:"):
        route.continue_()
    else:
        route.abort()


def open_deck(browser: Browser, subject: Subject, requested: list[str]) -> None:
    errors: list[str] = []
    context = browser.new_context(viewport=VIEWPORT, offline=True)
    try:
        context.route("**/*", only_files)
        context.add_init_script(READY_AT % DECK_READY)
        context.on("request", lambda request: requested.append(request.url))
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on(
            "console",
            lambda message: errors.append(message.text) if message.type == "error" else None,
        )
        page.goto(subject.deck.as_uri(), wait_until="commit", timeout=TIMEOUT_MS)
        ready, load = ready_time(page)
        changes = page.evaluate(SLIDE_CHANGES)
        if errors:
            raise RuntimeError("feil i nettleseren: " + "; ".join(errors))
        if changes["wrong"]:
            raise RuntimeError(f"go(n) viste ikke lysbilde {changes['wrong'][:5]}")
        opened = subject.opened
        opened.deck_ready.append(ready)
        opened.deck_load.append(load)
        opened.change_sync.extend(float(value) for value in changes["sync"])
        opened.change_drawn.extend(float(value) for value in changes["drawn"])
        opened.count = int(changes["count"])
    finally:
        context.close()


def open_front(browser: Browser, url: str, subject: Subject, requested: list[str]) -> None:
    errors: list[str] = []
    context = browser.new_context(viewport=VIEWPORT)
    try:
        context.add_init_script(READY_AT % FRONT_READY)
        context.on("request", lambda request: requested.append(request.url))
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(url, wait_until="commit", timeout=TIMEOUT_MS)
        ready, load = ready_time(page)
        # Not timed: let the search index arrive, so closing does not cut a response off.
        page.wait_for_load_state("networkidle", timeout=TIMEOUT_MS)
        if errors:
            raise RuntimeError("feil i nettleseren: " + "; ".join(errors))
        subject.opened.front_ready.append(ready)
        subject.opened.front_load.append(load)
    finally:
        context.close()


def measure_browser(
    chromium: str, subjects: list[Subject], base: str, runs: int, requested: list[str]
) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=common.CHROMIUM_ARGS)
        try:
            # Uncounted: the browser's first context and page cost more than the rest.
            scratch = Subject(subjects[0].model, subjects[0].deck)
            try:
                open_deck(browser, scratch, requested)
                open_front(browser, f"{base}{scratch.model}/", scratch, requested)
            except (PlaywrightError, RuntimeError):
                pass  # the counted rounds report it
            for round_no in range(runs):
                order = subjects if round_no % 2 == 0 else list(reversed(subjects))
                for subject in order:
                    labels = ["presentasjon", "forside"]
                    for label in labels if round_no % 2 == 0 else labels[::-1]:
                        try:
                            if label == "forside":
                                open_front(browser, f"{base}{subject.model}/", subject, requested)
                            else:
                                open_deck(browser, subject, requested)
                        except (PlaywrightError, RuntimeError) as failed:
                            first = (str(failed).strip().splitlines() or [""])[0]
                            subject.problems.append(
                                f"{label}, runde {round_no + 1}: {type(failed).__name__}: {first}"
                            )
                print(
                    f"  nettleser: runde {round_no + 1} av {runs} ferdig",
                    file=sys.stderr,
                    flush=True,
                )
        finally:
            browser.close()


def kib(n: float | None, width: int = 8) -> str:
    return f"{'–':>{width}}" if n is None else f"{n / 1024:{width}.1f}"


def ms(value: float | None, width: int = 8, digits: int = 1) -> str:
    return f"{'–':>{width}}" if value is None else f"{value:{width}.{digits}f}"


def ratio(a: float | None, b: float | None, width: int = 8) -> str:
    if a is None or b is None or b == 0:
        return f"{'–':>{width}}"
    return f"{f'{a / b:.2f}x':>{width}}"


def print_sizes(subjects: list[Subject]) -> None:
    print(
        "1. Størrelse: presentasjonsfilen (eksportert), den samme med ett flytskjema per nivå "
        "i stedet for én kopi per lysbilde, og nettstedets nivåsider."
    )
    header = (
        f"{'modell':<19} {'bilder':>6} {'kopier':>6} {'nivåer':>6} {'KiB':>8} {'gzip':>7} "
        f"{'SVG':>6} | {'ett/nivå':>8} {'gzip':>7} | {'kopier/ett':>10} {'gzip':>6} | "
        f"{'nivåsider':>9} {'gzip':>7} {'sider':>5} | {'pres./nivåsider':>15} {'gzip':>6}"
    )
    print(header)
    print("-" * len(header))
    for s in subjects:
        z = s.size
        if z is None:
            print(f"{s.model:<19} {'–':>6}")
            continue
        share = f"{z.svg_bytes / z.deck_bytes:.0%}" if z.deck_bytes else "–"
        pages = z.level_pages_bytes or None
        pages_gzip = z.level_pages_gzip or None
        print(
            f"{s.model:<19} {z.slides:>6} {z.copies:>6} {z.levels:>6} {kib(z.deck_bytes)} "
            f"{kib(z.deck_gzip, 7)} {share:>6} | {kib(z.one_per_level)} "
            f"{kib(z.one_per_level_gzip, 7)} | {ratio(z.deck_bytes, z.one_per_level, 10)} "
            f"{ratio(z.deck_gzip, z.one_per_level_gzip, 6)} | {kib(pages, 9)} "
            f"{kib(pages_gzip, 7)} {z.level_pages:>5} | {ratio(z.deck_bytes, pages, 15)} "
            f"{ratio(z.deck_gzip, pages_gzip, 6)}"
        )
    print("-" * len(header))
    print(
        "KiB og gzip (nivå 6) i KiB; bilder = lysbilder; kopier = flytskjema i filen (ett per "
        "lysbilde med skjema); nivåer = ulike skjema; SVG = skjemaenes andel av filens byte."
    )
    print(
        "ett/nivå = filen uten alle kopier utenom den første per nivå (gzip: den teksten "
        "komprimert); nivåsider = summen av modellens nivåsider (<nivå-id>/index.html) i bygget, "
        "sider = antall nivåsider."
    )
    print()


def print_exports(subjects: list[Subject], runs: int) -> None:
    print(
        f"2. Eksporttid (handlingsveileder presentasjon, i prosessen), median av {runs}: tom "
        "hurtigbuffer (ny prosjektmappe) mot fylt (samme mappe, rett etter)."
    )
    header = (
        f"{'modell':<19} {'kald s':>8} {'varm s':>8} {'kald/varm':>10} "
        f"{'tegnet':>7} {'nye varm':>9}"
    )
    print(header)
    print("-" * len(header))
    for s in subjects:
        e = s.export
        cold, warm = median(e.cold), median(e.warm)
        drawn = median([float(n) for n in e.drawn])
        added = max(e.added_warm, default=0)
        print(
            f"{s.model:<19} {ms(cold, 8, 3)} {ms(warm, 8, 3)} {ratio(cold, warm, 10)} "
            f"{ms(drawn, 7, 0)} {added:>9}"
        )
    print("-" * len(header))
    every_cold = [value for s in subjects for value in s.export.cold]
    every_warm = [value for s in subjects for value in s.export.warm]
    print(
        f"Alle modellene: kald {ms(sum(every_cold) / runs, 0, 2)} s, varm "
        f"{ms(sum(every_warm) / runs, 0, 2)} s per runde "
        f"({ratio(sum(every_cold), sum(every_warm), 0)})."
    )
    print(
        "tegnet = flytskjema i hurtigbufferen etter den kalde eksporten (alle tegnet i "
        "Chromium av den); nye varm = skjema den varme eksporten la til (bør være 0)."
    )
    print()


def print_browser(subjects: list[Subject], runs: int) -> None:
    print(
        f"3. Nettleser ({VIEWPORT['width']}x{VIEWPORT['height']}, ny kontekst hver gang), "
        f"median av {runs}: presentasjonsfilen fra file:// uten nett mot modellens forside "
        "fra 127.0.0.1."
    )
    header = (
        f"{'modell':<19} {'pres. klar':>10} {'forside klar':>12} {'pres./forside':>13} | "
        f"{'pres. load':>10} {'forside load':>12} {'forhold':>8} | "
        f"{'bytte ms':>8} {'bytte+bilde':>11} {'bilder':>6}"
    )
    print(header)
    print("-" * len(header))
    for s in subjects:
        o = s.opened
        deck_ready, front_ready = median(o.deck_ready), median(o.front_ready)
        deck_load, front_load = median(o.deck_load), median(o.front_load)
        print(
            f"{s.model:<19} {ms(deck_ready, 10)} {ms(front_ready, 12)} "
            f"{ratio(deck_ready, front_ready, 13)} | {ms(deck_load, 10)} {ms(front_load, 12)} "
            f"{ratio(deck_load, front_load)} | {ms(median(o.change_sync), 8, 2)} "
            f"{ms(median(o.change_drawn), 11)} {o.count:>6}"
        )
    print("-" * len(header))
    print(
        "klar = ms fra navigasjonen starter til det første bildet der hvDeck.count() svarer "
        "(presentasjonen) eller der siden er lastet og hvert flytskjema har sin SVG (forsiden);"
    )
    print(
        "load = loadEventEnd. bytte ms = hvDeck.go(n) med stil og layout tvunget fram med en "
        "gang; bytte+bilde = til to animasjonsbilder senere (det nye lysbildet er tegnet; "
        "følger bildetakten)."
    )
    print("Begge er medianen av alle lysbildebyttene i alle rundene (hvert lysbilde én gang).")
    print()


def main(argv: Sequence[str] | None = None) -> int:
    levels = level_ids()
    models = list(levels)
    args = parse_args(argv, models)
    if not Path(args.chromium).exists():
        print(f"{args.chromium} mangler (installer Debians chromium: make chromium)")
        return 2
    chosen = [args.modell] if args.modell else models
    requested: list[str] = []
    status = 0
    with tempfile.TemporaryDirectory(prefix="hv-bench-") as temp:
        work = Path(temp)
        decks = work / "presentasjoner"
        decks.mkdir()
        subjects = [Subject(model, decks / f"{model}.html", levels[model]) for model in chosen]
        print(
            f"Modeller: {', '.join(chosen)}. Første eksport (telles ikke) …",
            file=sys.stderr,
            flush=True,
        )
        prep = copy_project(work / "prosjekt")
        for subject in subjects:
            args_ = export_args(prep, subject.model, subject.deck)
            run_cli(args_, subject.problems, "første eksport")
            if subject.deck.is_file():
                subject.size = deck_size(subject.deck)
        time_exports(subjects, work, args.runs)

        print("Bygger nettstedene (build --all) …", file=sys.stderr, flush=True)
        sock, base = common.reserve_port()
        site = work / "site"
        try:
            build_all(prep, site, base)
        except BaseException:
            sock.close()
            raise
        for subject in subjects:
            if subject.size is not None:
                add_level_pages(subject.size, site / subject.model, subject.levels)
        server = common.serve(site, sock)
        try:
            measure_browser(args.chromium, subjects, base, args.runs, requested)
        finally:
            server.shutdown()
            server.server_close()

    print(
        f"Presentasjonen (trenermodus) for {len(subjects)} modeller, {args.runs} runder, "
        f"åpnet i {args.chromium}."
    )
    print()
    print_sizes(subjects)
    print_exports(subjects, args.runs)
    print_browser(subjects, args.runs)

    for subject in subjects:
        for line in subject.problems:
            print(f"FEIL: {subject.model}: {line}")
            status = 1
        size = subject.size
        if size is None:
            print(f"FEIL: {subject.model}: fikk ingen presentasjonsfil å måle")
            status = 1
        else:
            if not size.level_pages:
                print(f"FEIL: {subject.model}: fant ingen nivåsider i bygget")
                status = 1
            if subject.opened.count and subject.opened.count != size.slides:
                print(
                    f"FEIL: {subject.model}: hvDeck.count() = {subject.opened.count}, men "
                    f"filen har {size.slides} lysbilder"
                )
                status = 1
        if not subject.opened.deck_ready or not subject.opened.front_ready:
            print(f"FEIL: {subject.model}: ingen vellykket åpning å sammenligne")
            status = 1
        if any(subject.export.added_warm):
            print(f"MERK: {subject.model}: den varme eksporten tegnet flytskjema på nytt")
    files = [url for url in requested if url.startswith("file:")]
    print(f"Presentasjonene ba om {len(files)} file:-adresser (selve filene).")
    if common.report_foreign(
        [url for url in requested if not url.startswith("file:")], distinct=True
    ):
        status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
