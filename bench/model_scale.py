"""How check, page generation and build grow with the size of the model.

Generated models (`tests/synthetic.py`: levels of 25 steps, a decision every fifth step,
deadlines, roles, tools with templates) of 50, 200, 1000 and 2000 steps are written to a
temporary folder, one file per model. For each size, in the same run and interleaved
(every round visits every size, every other round in the opposite order):

* check: `handlingsveileder check FILE`, in-process (`cli.main`, which runs `load_models`);
* page generation: `render_pages(model, directory_url)` alone;
* build: `handlingsveileder build --data FILE --model ID`, in-process, with
  `HV_DIAGRAMS=client` so that drawing charts in Chromium does not dominate;
* with `--svg`, also the default build that draws every chart as SVG: once with an empty
  chart cache ("cold") and once more right after it ("warm"). These run in a temporary
  copy of mkdocs.yml, hooks/, data/ and docs/, so the project's own cache under
  `.cache/handlingsveileder/svg` is left alone.

The site of each build is measured too: all files, the HTML pages only, and the largest
HTML page. Besides the absolute numbers, every time and the HTML bytes are shown per step,
relative to the smallest model: linear growth shows as about 1, quadratic as growing with
the size. The front page's overview chart is reported as degraded when the generated
Markdown of the front page has no `subgraph` (one node per level instead of every step).
Every build must exit with status 0 without a traceback; otherwise the script says so and
exits with status 1.
"""

from __future__ import annotations

import argparse
import functools
import gc
import itertools
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

# The project folder, so that bench.common imports as it does for mypy.
sys.path.append(str(Path(__file__).resolve().parent.parent))

from bench.common import CONFIG, ROOT, diagrams_setting, timed_cli
from handlingsveileder.links import directory_url
from handlingsveileder.pages import render_pages
from handlingsveileder.validate import load_models

sys.path.insert(0, str(ROOT / "tests"))

from synthetic import synthetic_model

SIZES = (50, 200, 1000, 2000)
PROJECT_FILES = ("mkdocs.yml", "hooks", "data", "docs")
FRONT_PAGE = "index.md"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=(
            "Mål hvordan kontroll, sidegenerering og bygging vokser med modellens størrelse, "
            "med genererte modeller, og vis tid og byte per steg relativt til den minste."
        )
    )
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=list(SIZES),
        metavar="N",
        help=f"antall steg i modellene (standard: {' '.join(map(str, SIZES))})",
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=3,
        metavar="N",
        help="antall målte runder; tabellen viser medianen (standard: 3)",
    )
    parser.add_argument(
        "--per-level",
        type=int,
        default=25,
        metavar="N",
        help="steg per nivå i de genererte modellene (standard: 25)",
    )
    parser.add_argument(
        "--svg",
        action="store_true",
        help="mål også bygging med flytskjema tegnet som SVG (kald og varm hurtigbuffer)",
    )
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs må være minst 1")
    if args.per_level < 1:
        parser.error("--per-level må være minst 1")
    if any(size < 1 for size in args.sizes):
        parser.error("--sizes må være positive tall")
    args.sizes = sorted(set(args.sizes))
    return args


@dataclass
class SiteSize:
    all_bytes: int
    html_bytes: int
    html_pages: int
    largest_bytes: int
    largest_page: str


@dataclass
class Subject:
    """One generated model and everything measured for it."""

    steps: int
    file: Path
    model_id: str
    pages: int = 0
    overview_groups: int = 0
    """`subgraph` lines in the front page's Markdown; 0: one node per level."""
    times: dict[str, list[float]] = field(default_factory=dict)
    site: SiteSize | None = None
    svg_site: SiteSize | None = None
    svg_inline: bool | None = None
    problems: list[str] = field(default_factory=list)

    def median(self, key: str) -> float | None:
        values = self.times.get(key)
        return statistics.median(values) if values else None


def run_cli(args: list[str], subject: Subject, label: str, diagrams: str | None) -> float:
    """Seconds for `handlingsveileder ARGS` in-process; problems are noted on `subject`."""
    with diagrams_setting(diagrams):
        return timed_cli(args, subject.problems, label)


def site_size(site: Path) -> SiteSize:
    files = [path for path in site.rglob("*") if path.is_file()]
    html = [path for path in files if path.suffix == ".html"]
    largest = max(html, key=lambda path: path.stat().st_size)
    return SiteSize(
        all_bytes=sum(path.stat().st_size for path in files),
        html_bytes=sum(path.stat().st_size for path in html),
        html_pages=len(html),
        largest_bytes=largest.stat().st_size,
        largest_page=page_url(largest.relative_to(site).as_posix()),
    )


def page_url(path: str) -> str:
    """'niva-2/index.html' -> '/niva-2/', 'index.html' -> '/'."""
    return "/" + path.removesuffix("index.html")


def copy_project(target: Path) -> Path:
    """A copy of the project's config, hooks, data and docs in `target`."""
    target.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.is_file():
            shutil.copy2(source, target / name)
    return target


def make_subjects(folder: Path, sizes: Sequence[int], per_level: int) -> list[Subject]:
    subjects = []
    for steps in sizes:
        model_id = f"gen{steps}"
        file = folder / f"{model_id}.yaml"
        text = yaml.safe_dump(
            {model_id: synthetic_model(steps, per_level)}, allow_unicode=True, sort_keys=False
        )
        file.write_text(text, encoding="utf-8")
        subject = Subject(steps, file, model_id)
        model = load_models(file, str(file))[model_id]
        pages = render_pages(model, directory_url)
        subject.pages = len(pages)
        front = next(page for page in pages if page.src_uri == FRONT_PAGE)
        subject.overview_groups = sum(
            1 for line in front.markdown.splitlines() if line.lstrip().startswith("subgraph ")
        )
        subjects.append(subject)
    return subjects


def one_round(subject: Subject, work: Path, project: Path | None, measure_site: bool) -> None:
    """Every timing for one model, once."""

    def timed(key: str, action: Callable[[], float]) -> None:
        subject.times.setdefault(key, []).append(action())

    file = str(subject.file)
    check = ["check", file, "--config", str(CONFIG)]
    timed("check", functools.partial(run_cli, check, subject, "check", None))
    model = load_models(subject.file, file)[subject.model_id]

    def render() -> float:
        gc.collect()
        start = time.perf_counter()
        render_pages(model, directory_url)
        return time.perf_counter() - start

    timed("render", render)

    site = work / f"site-{subject.model_id}"
    build = ["build", "--data", file, "--model", subject.model_id, "--site-dir", str(site)]
    client = [*build, "--config", str(CONFIG)]
    timed("build", functools.partial(run_cli, client, subject, "bygg", "client"))
    if measure_site and (site / "index.html").is_file():
        subject.site = site_size(site)
    shutil.rmtree(site, ignore_errors=True)

    if project is None:
        return
    svg = [*build, "--config", str(project / "mkdocs.yml")]
    shutil.rmtree(project / ".cache", ignore_errors=True)  # the first svg build draws all
    for key, label in (("svg_cold", "svg-bygg, kald"), ("svg_warm", "svg-bygg, varm")):
        timed(key, functools.partial(run_cli, svg, subject, label, None))
        if key == "svg_cold" and (site / "index.html").is_file():
            front = (site / "index.html").read_text(encoding="utf-8")
            subject.svg_inline = "hv-diagram hv-svg" in front
            if measure_site:
                subject.svg_site = site_size(site)
        shutil.rmtree(site, ignore_errors=True)


def kib(n: int | None) -> str:
    return f"{'–':>9}" if n is None else f"{n / 1024:9.1f}"


def seconds(value: float | None) -> str:
    return f"{'–':>8}" if value is None else f"{value:8.3f}"


def relative(value: float | None, steps: int, base_value: float | None, base_steps: int) -> str:
    """`value` per step divided by `base_value` per step."""
    if value is None or base_value is None or base_value == 0:
        return f"{'–':>8}"
    return f"{(value / steps) / (base_value / base_steps):8.2f}"


def time_columns(svg: bool) -> list[tuple[str, str]]:
    columns = [("check", "check"), ("render", "sider"), ("build", "bygg")]
    if svg:
        columns += [("svg_cold", "svg kald"), ("svg_warm", "svg varm")]
    return columns


SIZE_COLUMNS = (("html_bytes", "HTML"), ("all_bytes", "alt"), ("largest_bytes", "største"))


def measures(subject: Subject, svg: bool) -> list[float | None]:
    """The medians of the time columns, then the site's sizes, in the order of the tables."""
    times = [subject.median(key) for key, _ in time_columns(svg)]
    site = subject.site
    sizes = [float(getattr(site, key)) if site else None for key, _ in SIZE_COLUMNS]
    return times + sizes


def print_tables(subjects: list[Subject], svg: bool) -> None:
    columns = time_columns(svg)
    header = (
        f"{'steg':>5} {'sider':>5} "
        + " ".join(f"{label + ' s':>8}" for _, label in columns)
        + f" {'HTML KiB':>9} {'alt KiB':>9} {'største HTML':>24} {'oversikt':>11}"
    )
    print("Median per modell (bygg = HV_DIAGRAMS=client; sider = render_pages alene):")
    print(header)
    print("-" * len(header))
    for s in subjects:
        site = s.site
        largest = f"{kib(site.largest_bytes).strip()} KiB {site.largest_page}" if site else "–"
        overview = f"{s.overview_groups} grupper" if s.overview_groups else "per nivå"
        print(
            f"{s.steps:>5} {s.pages:>5} "
            + " ".join(seconds(s.median(key)) for key, _ in columns)
            + f" {kib(site.html_bytes if site else None)} {kib(site.all_bytes if site else None)}"
            + f" {largest:>24} {overview:>11}"
        )
    print()

    labels = [label for _, label in columns] + [label for _, label in SIZE_COLUMNS]
    header = f"{'steg':>5} " + " ".join(f"{label:>8}" for label in labels)
    base = subjects[0]
    base_values = measures(base, svg)
    print(f"Per steg, relativt til modellen med {base.steps} steg (faste kostnader trekker ned):")
    print(header)
    print("-" * len(header))
    for s in subjects:
        values = measures(s, svg)
        cells = [
            relative(value, s.steps, base_value, base.steps)
            for value, base_value in zip(values, base_values, strict=True)
        ]
        print(f"{s.steps:>5} " + " ".join(cells))
    print()

    if len(subjects) >= 3:
        first = (subjects[0], subjects[1])
        print(
            "Tilvekst per steg fra forrige modell, relativt til tilveksten fra "
            f"{first[0].steps} til {first[1].steps} steg (≈1: lineær, voksende: mer enn lineær):"
        )
        print(header)
        print("-" * len(header))
        first_growth = growth(first[0], first[1], svg)
        for previous, current in itertools.pairwise(subjects[1:]):
            cells = [
                f"{'–':>8}" if now is None or then is None or then <= 0 else f"{now / then:8.2f}"
                for now, then in zip(growth(previous, current, svg), first_growth, strict=True)
            ]
            print(f"{current.steps:>5} " + " ".join(cells))
        print()

    if svg:
        print("SVG-bygg (kald hurtigbuffer): størrelse og om flytskjemaene ble tegnet ved bygging:")
        for s in subjects:
            site = s.svg_site
            drawn = {True: "SVG i sidene", False: "falt tilbake til nettleseren", None: "–"}
            print(
                f"{s.steps:>5} steg: HTML {kib(site.html_bytes if site else None).strip()} KiB, "
                f"alt {kib(site.all_bytes if site else None).strip()} KiB, største "
                f"{kib(site.largest_bytes if site else None).strip()} KiB "
                f"({site.largest_page if site else '–'}); {drawn[s.svg_inline]}"
            )
        print()


def growth(smaller: Subject, larger: Subject, svg: bool) -> list[float | None]:
    """What each measure grew by per added step, from `smaller` to `larger`."""
    added = larger.steps - smaller.steps
    return [
        None if a is None or b is None else (b - a) / added
        for a, b in zip(measures(smaller, svg), measures(larger, svg), strict=True)
    ]


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="hv-bench-") as temp:
        work = Path(temp)
        subjects = make_subjects(work, args.sizes, args.per_level)
        project = copy_project(work / "project") if args.svg else None
        print(
            f"Modeller: {', '.join(f'{s.steps} steg ({s.pages} sider)' for s in subjects)}; "
            f"{args.per_level} steg per nivå. {args.runs} runder …",
            file=sys.stderr,
            flush=True,
        )
        for round_no in range(args.runs):
            order = subjects if round_no % 2 == 0 else list(reversed(subjects))
            for subject in order:
                one_round(subject, work, project, measure_site=round_no == 0)
            print(f"  runde {round_no + 1} av {args.runs} ferdig", file=sys.stderr, flush=True)

    print(
        f"Genererte modeller (tests/synthetic.py, {args.per_level} steg per nivå), "
        f"{args.runs} runder, i prosessen. Tider i sekunder, median."
    )
    print()
    print_tables(subjects, args.svg)

    degraded = [s for s in subjects if not s.overview_groups]
    if degraded:
        print(
            "Oversiktskartet på forsiden viser ett punkt per nivå (for stort for alle steg) "
            f"for: {', '.join(f'{s.steps} steg' for s in degraded)}."
        )
    else:
        print("Oversiktskartet på forsiden viser alle steg for alle modellene.")
    problems = [f"{s.steps} steg: {line}" for s in subjects for line in s.problems]
    if args.svg:
        problems += [
            f"{s.steps} steg: svg-bygget tegnet ikke flytskjemaene (falt tilbake)"
            for s in subjects
            if s.svg_inline is False
        ]
    if problems:
        print("FEIL:")
        for line in problems:
            print(f"  {line}")
        return 1
    print("Alle kjøringer avsluttet med status 0 og uten traceback.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
