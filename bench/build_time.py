"""Build time of the Modum site, side by side with a plain Material site of the same size.

Everything is measured in one run, interleaved (A, B, A, B, ...), and only ratios are
meant to be compared between machines. Five builds are timed in every round:

* project, in-process: `handlingsveileder.mkdocs_adapter.build_site` (hook and all);
* baseline, in-process: `mkdocs.commands.build.build` of a generated Material project;
* baseline with the project's theme/, in-process (see below);
* project, subprocess: `python -m handlingsveileder.cli build --model modum`;
* baseline, subprocess: `python -m mkdocs build`.

The baseline project has the same theme settings, plugins and Markdown extensions, the
same navigation and the same Markdown text (written to docs/ as ordinary files), but no
hook, no custom_dir (so no vendored Mermaid to copy) and no extra CSS/JS. A third
in-process contender is the baseline plus the project's theme/ (custom_dir, extra CSS/JS):
it splits the difference into "the hook" and "the theme's files". Validation
(`load_models`) and page rendering (`render_pages`) are timed alone in the same rounds.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

# The project folder, so that bench.common imports as it does for mypy.
sys.path.append(str(Path(__file__).resolve().parent.parent))

from bench.common import CONFIG, ROOT, add_model_argument
from handlingsveileder import mkdocs_adapter
from handlingsveileder.links import directory_url
from handlingsveileder.pages import render_pages
from handlingsveileder.site_defaults import (
    EXTRA_CSS,
    EXTRA_JAVASCRIPT,
    THEME_DIR,
    markdown_extensions,
)
from handlingsveileder.sitemap import SiteMap
from handlingsveileder.validate import load_models, select_model

DATA = ROOT / "data" / "models.yaml"


@dataclass
class Series:
    """The timings of one contender, in seconds."""

    label: str
    run: Callable[[Path], object]
    builds_site: bool = True
    times: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    """CPU seconds (user + system) of this process and of the commands it ran."""

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def best(self) -> float:
        return min(self.times)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=(
            "Mål byggetiden for Modum-nettstedet side om side med et vanlig "
            "Material-nettsted av samme størrelse uten hook, og skriv ut forholdstall."
        )
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=5,
        metavar="N",
        help="antall målte runder per variant (standard: 5)",
    )
    parser.add_argument(
        "--warmup",
        type=int,
        default=1,
        metavar="N",
        help="antall oppvarmingsrunder som ikke telles (standard: 1)",
    )
    add_model_argument(parser)
    parser.add_argument(
        "--no-subprocess",
        action="store_true",
        help="hopp over byggene i egen prosess (kommandolinjen)",
    )
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs må være minst 1")
    if args.warmup < 0:
        parser.error("--warmup kan ikke være negativ")
    return args


class PythonTag:
    """A `!!python/...` value in the baseline's mkdocs.yml (MkDocs reads those tags)."""

    def __init__(self, tag: str, value: dict[str, Any] | None = None) -> None:
        self.tag = "tag:yaml.org,2002:python/" + tag
        self.value = value


class ConfigDumper(yaml.SafeDumper):
    """safe_dump plus the Python tags MkDocs configurations use."""


def _represent_tag(dumper: yaml.SafeDumper, data: PythonTag) -> yaml.Node:
    if data.value is None:
        return dumper.represent_scalar(data.tag, "")
    return dumper.represent_mapping(data.tag, data.value)


ConfigDumper.add_representer(PythonTag, _represent_tag)


class ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml and replaces its Python tags with None."""


ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *_: None)


def baseline_config(
    site_name: str, navigation: list[dict[str, object]], *, with_theme: bool = False
) -> dict[str, Any]:
    """mkdocs.yml of the baseline: the project's config minus everything project-specific.

    `with_theme` keeps the project's theme/ (as an absolute custom_dir) and its extra CSS/JS.
    """
    project = yaml.load(CONFIG.read_text(encoding="utf-8"), Loader=ConfigLoader)
    theme = dict(project["theme"])
    extra_files: dict[str, Any] = {}
    if with_theme:  # what the adapter adds to every site (site_defaults), here without the hook
        theme["custom_dir"] = str(THEME_DIR)
        extra_files = {"extra_css": list(EXTRA_CSS), "extra_javascript": list(EXTRA_JAVASCRIPT)}
    extensions: list[Any] = [
        name for name in markdown_extensions() if name not in ("pymdownx.superfences", "toc")
    ]
    # The same extensions; Mermaid configured the way Material's documentation does it.
    slugify = PythonTag("object/apply:pymdownx.slugs.slugify", {"kwds": {"case": "lower"}})
    fence = PythonTag("name:pymdownx.superfences.fence_code_format")
    extensions.append({"toc": {"permalink": True, "slugify": slugify}})
    extensions.append(
        {
            "pymdownx.superfences": {
                "custom_fences": [{"name": "mermaid", "class": "mermaid", "format": fence}]
            }
        }
    )
    return {
        "site_name": site_name,
        "site_url": project["site_url"],
        "docs_dir": "docs",
        "use_directory_urls": True,
        "theme": theme,
        "plugins": project["plugins"],
        "extra": {"generator": False},
        **extra_files,
        "markdown_extensions": extensions,
        "validation": project["validation"],
        "nav": navigation,
    }


@dataclass(frozen=True)
class Baseline:
    config_file: Path
    themed_config_file: Path
    pages: int
    characters: int


def make_baseline(folder: Path, model_id: str) -> Baseline:
    """Write a plain Material project with the model's pages as ordinary Markdown files."""
    model = select_model(load_models(DATA, str(DATA)), model_id, model_id)
    pages = render_pages(model, directory_url)
    docs = folder / "docs"
    for page in pages:
        target = docs / page.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
    site_name = model.title if not model.kommune else f"{model.title} – {model.kommune}"
    files = []
    for name, with_theme in (("mkdocs.yml", False), ("mkdocs-tema.yml", True)):
        config = baseline_config(site_name, SiteMap(model).nav(), with_theme=with_theme)
        text = yaml.dump(config, Dumper=ConfigDumper, allow_unicode=True, sort_keys=False)
        (folder / name).write_text(text, encoding="utf-8")
        files.append(folder / name)
    return Baseline(files[0], files[1], len(pages), sum(len(page.markdown) for page in pages))


def mkdocs_build_in_process(config_file: Path, site_dir: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    build(load_config(str(config_file), site_dir=str(site_dir), strict=True))


def run_quietly(command: list[str], cwd: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"feilet: {' '.join(command)}")


def children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def timed(series: Series, site_dir: Path) -> tuple[float, float]:
    """Wall and CPU seconds for one run of `series`; a build must leave a site in `site_dir`."""
    gc.collect()
    start, cpu, children = time.perf_counter(), time.process_time(), children_cpu()
    series.run(site_dir)
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu + children_cpu() - children
    if series.builds_site:
        if not (site_dir / "index.html").is_file():
            raise SystemExit(f"{series.label}: fant ingen index.html i {site_dir}")
        shutil.rmtree(site_dir)
    return seconds, cpu_seconds


def contenders(model_id: str, baseline: Baseline, *, subprocesses: bool) -> dict[str, Series]:
    """Every timed variant, keyed by a short name, in the order they run in a round."""
    models = load_models(DATA, str(DATA))
    python = sys.executable

    def cli_build(out: Path) -> None:
        run_quietly(
            [python, "-m", "handlingsveileder.cli", "build", "--model", model_id,
             "--config", str(CONFIG), "--site-dir", str(out)],
            ROOT,
        )  # fmt: skip

    def mkdocs_cli_build(out: Path) -> None:
        run_quietly(
            [python, "-m", "mkdocs", "build", "--strict", "--quiet",
             "--config-file", str(baseline.config_file), "--site-dir", str(out)],
            baseline.config_file.parent,
        )  # fmt: skip

    series = {
        "project": Series(
            "prosjekt, i prosess (build_site)",
            lambda out: mkdocs_adapter.build_site(
                CONFIG, mkdocs_adapter.BuildRequest.read(CONFIG, model_id), out
            ),
        ),
        "baseline": Series(
            "grunnlinje, i prosess (mkdocs build)",
            lambda out: mkdocs_build_in_process(baseline.config_file, out),
        ),
        "themed": Series(
            "grunnlinje + prosjektets theme/, i prosess",
            lambda out: mkdocs_build_in_process(baseline.themed_config_file, out),
        ),
    }
    if subprocesses:
        series["project_cli"] = Series("prosjekt, kommandolinje", cli_build)
        series["baseline_cli"] = Series(
            "grunnlinje, kommandolinje (mkdocs build)", mkdocs_cli_build
        )
    series["validate"] = Series(
        "validering alene (load_models)",
        lambda _: load_models(DATA, str(DATA)),
        builds_site=False,
    )
    series["render"] = Series(
        "sidegenerering alene (render_pages)",
        lambda _: render_pages(models[model_id], directory_url),
        builds_site=False,
    )
    return series


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    model_id: str = args.model
    # The project build logs warnings through its own handler; keep INFO lines out.
    logging.getLogger("mkdocs").setLevel(logging.WARNING)

    with tempfile.TemporaryDirectory(prefix="hv-bench-") as temp:
        work = Path(temp)
        baseline = make_baseline(work / "baseline", model_id)
        project_pages = render_pages(
            select_model(load_models(DATA, str(DATA)), model_id, model_id), directory_url
        )
        series = contenders(model_id, baseline, subprocesses=not args.no_subprocess)
        print(
            f"Modell: {model_id}. Prosjektet: {len(project_pages)} sider, "
            f"{sum(len(p.markdown) for p in project_pages)} tegn Markdown (laget av hooken). "
            f"Grunnlinjen: {baseline.pages} sider, {baseline.characters} tegn Markdown i docs/."
        )
        print(
            f"Runder: {args.warmup} oppvarming + {args.runs} målt; variantene flettes "
            "(A, B, C, ...), og annenhver runde i omvendt rekkefølge."
        )
        print()

        runs = 0
        for round_no in range(args.warmup + args.runs):
            order = list(series.values())
            if round_no % 2:
                order.reverse()  # so that no variant always runs right after the same one
            for one in order:
                runs += 1
                seconds, cpu = timed(one, work / "out" / str(runs))
                if round_no >= args.warmup:
                    one.times.append(seconds)
                    one.cpu.append(cpu)

    report(series)
    return 0


def ratio(a: Series, b: Series) -> str:
    return (
        f"{a.median / b.median:5.2f}x (min: {a.best / b.best:5.2f}x; "
        f"CPU: {a.cpu_median / b.cpu_median:5.2f}x)"
    )


def report(series: dict[str, Series]) -> None:
    width = max(len(s.label) for s in series.values())
    print(f"{'variant':<{width}}  {'median s':>9}  {'min s':>9}  {'CPU s':>9}")
    for one in series.values():
        print(f"{one.label:<{width}}  {one.median:9.3f}  {one.best:9.3f}  {one.cpu_median:9.3f}")
    print()
    project, baseline, themed = series["project"], series["baseline"], series["themed"]
    validate, render = series["validate"], series["render"]
    print("Forholdstall (median):")
    print(f"  prosjekt / grunnlinje, i prosess:              {ratio(project, baseline)}")
    if "project_cli" in series:
        cli, baseline_cli = series["project_cli"], series["baseline_cli"]
        print(f"  prosjekt / grunnlinje, kommandolinje:          {ratio(cli, baseline_cli)}")
    print(f"  prosjekt / grunnlinje + theme/ (hooken alene): {ratio(project, themed)}")
    print(f"  grunnlinje + theme/ / grunnlinje (theme/):     {ratio(themed, baseline)}")
    print()
    print("Andel av bygget (median):")
    print(
        f"  validering / prosjekt, i prosess:              {validate.median / project.median:6.1%}"
    )
    print(f"  sidegenerering / prosjekt, i prosess:          {render.median / project.median:6.1%}")
    if "project_cli" in series:
        cli = series["project_cli"]
        print(
            f"  validering / prosjekt, kommandolinje:          {validate.median / cli.median:6.1%}"
        )


if __name__ == "__main__":
    sys.exit(main())
