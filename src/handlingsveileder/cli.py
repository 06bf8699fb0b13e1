"""The `handlingsveileder` command: check, build, pdf, export, presentasjon, schema, ny, diff."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .atomic import OutputError
from .chromium import ChromiumUnavailable
from .errors import ModelError, Problem
from .model import Model
from .pdf_print import pdf_name
from .search_terms import glossary_beside, glossary_path, load_glossary
from .settings import DEFAULT_CONFIG, DEFAULT_DATA, ENV_MODEL, Settings, SettingsError
from .validate import load_models, select_model


def main(argv: Sequence[str] | None = None) -> int:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    args = parser().parse_args(argv)
    try:
        return int(args.run(args))
    except ModelError as error:
        print(error.report(), file=sys.stderr)
        return 1
    except (SettingsError, OutputError) as error:
        print(error, file=sys.stderr)
        return 1


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(
        prog="handlingsveileder",
        description="Lag nettsted for en handlingsveileder fra data/models.yaml.",
    )
    commands = root.add_subparsers(dest="command", required=True, metavar="KOMMANDO")

    check = commands.add_parser("check", help="kontroller modellfilen og vis alle feil")
    check.add_argument("file", nargs="?", type=Path, default=DEFAULT_DATA, metavar="FIL")
    check.add_argument(
        "--config",
        type=Path,
        default=DEFAULT_CONFIG,
        metavar="FIL",
        help="mkdocs.yml, for å sjekke at filer modellen lenker til finnes i docs/",
    )
    check.set_defaults(run=run_check)

    build = commands.add_parser("build", help="bygg nettstedet (alt eller ingenting)")
    add_build_arguments(build)
    build.set_defaults(run=run_build, pdf=False)

    pdf = commands.add_parser(
        "pdf", help="bygg nettstedet og hele veilederen som PDF (site/<id>.pdf), lenket fra sidene"
    )
    add_build_arguments(pdf)
    pdf.set_defaults(run=run_build, pdf=True)

    export = commands.add_parser(
        "export", help="skriv de genererte Markdown-sidene til en mappe (for andre verktøy)"
    )
    export.add_argument("--model", metavar="ID", required=True)
    export.add_argument("--out", type=Path, default=Path("export"), metavar="MAPPE")
    export.add_argument("--data", type=Path, default=DEFAULT_DATA, metavar="FIL")
    export.set_defaults(run=run_export)

    deck = commands.add_parser(
        "presentasjon",
        help="skriv presentasjonen av en veileder som én HTML-fil (virker uten nett)",
    )
    deck.add_argument(
        "--model",
        metavar="ID",
        help=f"veilederen (ellers {ENV_MODEL} eller extra.handlingsveileder.model i mkdocs.yml)",
    )
    deck.add_argument(
        "--out", type=Path, metavar="FIL", help="filen som skrives (ellers <id>-presentasjon.html)"
    )
    deck.add_argument("--config", type=Path, default=DEFAULT_CONFIG, metavar="FIL")
    deck.add_argument(
        "--data", type=Path, metavar="FIL", help="modellfilen (ellers den i mkdocs.yml)"
    )
    deck.add_argument(
        "--site-url",
        metavar="URL",
        help="adressen veilederen er publisert på: lysbildene lenker dit (ellers site_url i "
        "mkdocs.yml)",
    )
    deck.set_defaults(run=run_presentation)

    schema = commands.add_parser("schema", help="vis alle feltene i modellfilen")
    schema.add_argument(
        "--json",
        action="store_true",
        help="skriv et JSON Schema (for fullføring og hjelp i VS Code og andre redigeringsprogram)",
    )
    schema.set_defaults(run=run_schema)

    new = commands.add_parser(
        "ny", help="lag en ny mappe for kommunens egen veileder, fra en grunnmodell eller veileder"
    )
    new.add_argument("id", help="id-en til kommunens veileder, f.eks. lillevik")
    new.add_argument(
        "--fra",
        required=True,
        metavar="MODELL",
        help="grunnmodellen (f.eks. bti-grunnmodell) eller veilederen (f.eks. modum) det "
        "startes fra",
    )
    new.add_argument("--mappe", type=Path, metavar="MAPPE", help="hvor (ellers ./<id>)")
    new.add_argument(
        "--data",
        type=Path,
        default=DEFAULT_DATA,
        metavar="FIL",
        help="modellfilen veilederen i --fra hentes fra",
    )
    new.set_defaults(run=run_new)

    diff = commands.add_parser(
        "diff", help="vis hva en veileder endrer i grunnmodellen den bygger på (`extends`)"
    )
    diff.add_argument("id", help="veilederens id")
    diff.add_argument("--data", type=Path, default=DEFAULT_DATA, metavar="FIL")
    diff.add_argument(
        "--godta",
        action="store_true",
        help="husk grunnmodellens verdier bak endringene, så senere endringer i den vises",
    )
    diff.set_defaults(run=run_diff)
    return root


def add_build_arguments(command: argparse.ArgumentParser) -> None:
    which = command.add_mutually_exclusive_group()
    which.add_argument(
        "--model",
        metavar="ID",
        help=f"modellen som bygges (ellers {ENV_MODEL} "
        "eller extra.handlingsveileder.model i mkdocs.yml)",
    )
    which.add_argument("--all", action="store_true", help="bygg alle modellene, hver i sin mappe")
    command.add_argument(
        "--site-dir",
        type=Path,
        metavar="MAPPE",
        help="hvor nettstedet skrives (ellers site/ ved siden av konfigurasjonsfilen)",
    )
    command.add_argument("--config", type=Path, default=DEFAULT_CONFIG, metavar="FIL")
    command.add_argument("--site-url", metavar="URL", help="adressen nettstedet publiseres på")
    command.add_argument(
        "--data", type=Path, metavar="FIL", help="modellfilen (ellers den i mkdocs.yml)"
    )


def run_check(args: argparse.Namespace) -> int:
    path: Path = args.file
    docs_dir = None
    warnings_of_site: list[str] = []  # mkdocs.yml's, printed after the model's findings
    if args.config.is_file():
        from .settings import from_config_file, site_warnings

        settings = from_config_file(args.config)
        docs_dir = settings.docs_dir
        warnings_of_site = site_warnings(settings)
    warnings: list[Problem] = []
    models = load_models(path, str(path), docs_dir, warnings)
    print_warnings(warnings)
    for warning in warnings_of_site:
        print(f"Advarsel: {warning}", file=sys.stderr)
    steps = sum(len(model.all_steps()) for model in models.values())
    count = f"{len(models)} modell" if len(models) == 1 else f"{len(models)} modeller"
    found = f", {len(warnings)} advarsler" if warnings else ""
    print(f"{path}: {count}, {steps} steg, ingen feil{found} ({', '.join(models)}).")
    glossary = glossary_path(path)
    if glossary.exists():  # the search words beside the models file (data/sokeord.yaml)
        sets = len(load_glossary(glossary, str(glossary)).sets)
        print(f"{glossary}: {sets} sett med søkeord, ingen feil.")
    return 0


def print_warnings(warnings: list[Problem]) -> None:
    """Findings that do not stop the build, on stderr, one per line."""
    for warning in warnings:
        print(f"Advarsel: {warning}", file=sys.stderr)


def read_project(
    config_file: Path, model_id: str | None, data: Path | None
) -> tuple[Settings, dict[str, Model]]:
    """The settings of `config_file` (with the command line's model and data) and its models,
    checked; their warnings printed. Raises SettingsError, ModelError."""
    from .settings import from_config_file

    if not config_file.is_file():
        raise SettingsError(f"{config_file}: finner ikke konfigurasjonsfilen")
    settings = from_config_file(config_file, model=model_id, data=data)
    warnings: list[Problem] = []
    models = load_models(settings.data, settings.data_shown, settings.docs_dir, warnings)
    print_warnings(warnings)
    return settings, models


def run_build(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from . import mkdocs_adapter
    from .atomic import replace_dir
    from .collection import collection_index
    from .settings import read_config, site_warnings

    config_file: Path = args.config
    settings, models = read_project(config_file, args.model, args.data)
    glossary = glossary_beside(settings.data, settings.data_shown)  # once, before building
    # Several guides as one site: --all (every model in the file) or mkdocs.yml's `models`
    # (settings leave them out when --model or HV_MODEL chooses one).
    several = args.all or bool(settings.guides)
    if args.all:
        chosen = list(models)
    elif several:
        where = f"extra.handlingsveileder.models i {config_file}"
        chosen = [select_model(models, guide, where).id for guide in settings.guides]
    else:
        chosen = [select_model(models, settings.chosen_model(), settings.model_origin).id]
    for warning in site_warnings(settings):  # after the errors: a failed build names only them
        print(f"Advarsel: {warning}", file=sys.stderr)
    # Every site of --all lives in its own folder: its address (canonical links, the 404
    # page's styles) ends in /<id>/, also when the address comes from mkdocs.yml.
    base_url = args.site_url or (read_config(config_file).get("site_url") if several else None)
    site_dir: Path = args.site_dir or settings.config_dir / "site"
    try:
        with replace_dir(site_dir) as staging:
            for model_id in chosen:
                out = staging / model_id if several else staging
                url = f"{base_url.rstrip('/')}/{model_id}/" if (several and base_url) else base_url
                request = mkdocs_adapter.BuildRequest(
                    replace(settings, model_id=model_id),
                    models,
                    glossary,
                    pdf=args.pdf,
                    collection=several,
                )
                mkdocs_adapter.build_site(config_file, request, out, site_url=url)
                if args.pdf:
                    whole_guide_pdf(models[model_id], out)
            if several:
                index = collection_index({m: models[m] for m in chosen}, settings.accessibility)
                (staging / "index.html").write_text(index, encoding="utf-8")
    except mkdocs_adapter.BuildFailed as failed:
        print(
            f"Bygget feilet: {failed}. Nettstedet i {site_dir} er ikke endret.",
            file=sys.stderr,
        )
        return 1
    except ChromiumUnavailable as problem:
        print(
            f"Kunne ikke lage PDF ({problem}). Nettstedet i {site_dir} er ikke endret. "
            "PDF-en skrives ut med Debians chromium: installer den med `make chromium`.",
            file=sys.stderr,
        )
        return 1
    made = f" med PDF ({', '.join(pdf_name(m) for m in chosen)})" if args.pdf else ""
    print(f"Bygget {', '.join(chosen)} til {site_dir}/{made}")
    return 0


def whole_guide_pdf(model: Model, site: Path) -> None:
    """Print the built site's whole-guide page to `<model id>.pdf` in the site's root."""
    from .i18n import labels
    from .pdf_print import footer_html, print_pdf
    from .sitemap import WHOLE

    stem = WHOLE.removesuffix(".md")
    page = f"{stem}/" if (site / stem / "index.html").is_file() else f"{stem}.html"
    footer = footer_html(model.title, labels(model.language))
    print_pdf(site, page, site / pdf_name(model.id), footer)


def run_export(args: argparse.Namespace) -> int:
    from .atomic import replace_dir
    from .links import directory_url
    from .pages import render_pages

    data: Path = args.data
    model = select_model(load_models(data, str(data)), args.model, f"--model {args.model}")
    with replace_dir(args.out) as staging:
        for page in render_pages(model, directory_url):
            target = staging / page.src_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page.markdown, encoding="utf-8")
    print(f"Skrev {model.id} som Markdown til {args.out}/")
    return 0


def run_presentation(args: argparse.Namespace) -> int:
    """One HTML file with the guide's presentation: styles, script and charts inside it."""
    from .atomic import write_file
    from .links import directory_url
    from .presentation import address_links, presentation_html
    from .settings import read_config
    from .svg_render import RendererUnavailable, SvgRenderer

    config_file: Path = args.config
    settings, models = read_project(config_file, args.model, args.data)
    model = select_model(models, settings.chosen_model(), settings.model_origin)
    config = read_config(config_file)
    site_url = args.site_url or config.get("site_url") or None
    url_of = directory_url if config.get("use_directory_urls", True) else page_file_url
    try:
        text = presentation_html(
            model,
            url_of,
            address_links(site_url, url_of),
            SvgRenderer.for_project(settings.config_dir),
            site_url=site_url,
            brand=settings.brand,
            national_numbers=settings.national_numbers,
        )
    except RendererUnavailable as problem:
        print(
            f"Kunne ikke tegne flytskjemaene ({problem}). Presentasjonen er ikke skrevet. "
            "Flytskjemaene tegnes med Debians chromium: installer den med `make chromium`.",
            file=sys.stderr,
        )
        return 1
    out: Path = args.out or Path(f"{model.id}-presentasjon.html")
    write_file(out, text)
    slides = text.count('<section class="hv-slide ')
    size = len(text.encode("utf-8")) // 1024
    print(
        f"Skrev presentasjonen av {model.id} til {out} ({slides} lysbilder, {size} kB). "
        "Åpne filen i en nettleser: F gir fullskjerm, S viser notatene, ? viser tastene."
    )
    return 0


def page_file_url(src_uri: str) -> str:
    """A page's URL where mkdocs.yml sets `use_directory_urls: false`: 'niva-1.md' →
    'niva-1.html'."""
    return src_uri.removesuffix(".md") + ".html"


def run_schema(args: argparse.Namespace) -> int:
    if args.json:
        from .json_schema import schema_json

        print(schema_json(), end="")
        return 0
    from .editor_reference import reference_markdown

    print(reference_markdown(), end="")
    return 0


def run_new(args: argparse.Namespace) -> int:
    from .scaffold import ScaffoldError, scaffold

    target: Path = args.mappe or Path(args.id)
    try:
        written = scaffold(target, args.id, args.fra, args.data)
    except ScaffoldError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Laget {target}/ med {len(written)} filer. Neste steg står i {target}/README.md.")
    return 0


def run_diff(args: argparse.Namespace) -> int:
    from . import base_diff
    from .inherit import resolve
    from .load import compose_file

    path: Path = args.data
    resolved = resolve(compose_file(path, str(path)), str(path), path)
    chain = resolved.chains.get(args.id)
    if chain is None or len(chain) < 2:
        known = ", ".join(sorted(m for m, c in resolved.chains.items() if len(c) > 1))
        print(
            f"{path}: '{args.id}' bygger ikke på en annen modell (`extends`)"
            + (f"; det gjør {known}" if known else ""),
            file=sys.stderr,
        )
        return 1
    found = base_diff.overrides(chain)
    records = base_diff.read_record(path)
    record = records.get(args.id) if base_diff.record_path(path).is_file() else None
    print("\n".join(base_diff.report(args.id, chain, found, record)))
    if args.godta:
        written = base_diff.write_record(path, args.id, found)
        print(f"Grunnmodellens verdier bak {len(found)} endringer er husket i {written}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
