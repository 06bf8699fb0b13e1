"""The only module that knows MkDocs: config in, generated pages out.

Nothing is kept between builds except on the per-build `config` object, because
`mkdocs serve` keeps hook modules alive across rebuilds.

Two ways in: `mkdocs build`/`mkdocs serve` run the hook, which reads the settings
itself (`settings.resolve`); `handlingsveileder build` has already read the settings and
checked the models, and hands both over as one `BuildRequest` (see `build_site`).
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from .banner import announce_html
from .branding import brand_css
from .errors import ModelError, Problem
from .i18n import labels
from .inherit import LOCALISE_KIND
from .links import UrlOf, relative_url
from .markup import html_text, theme_text
from .markup_repair import repair_page
from .model import Model
from .pages import Page as GeneratedPage
from .pages import render_pages
from .pdf_print import pdf_name
from .presentation import DECK_SRC, presentation_html, site_links
from .search_terms import Glossary, enrich, glossary_beside, glossary_path
from .settings import Settings, SettingsError, from_config_file, resolve, site_warnings
from .site_defaults import (
    EXTRA_CSS,
    EXTRA_JAVASCRIPT,
    THEME_DIR,
    markdown_extensions,
    merged_list,
)
from .site_footer import footer_html
from .sitemap import WHOLE, SiteMap
from .svg_render import RendererUnavailable, SvgRenderer, embed_svgs, insert_svgs
from .validate import load_models, select_model

COMMAND_VARIABLE = "HV_MKDOCS_COMMAND"
"""Set by `startup` to MkDocs' command; `mkdocs serve` shows data errors as a page."""
ERROR_PAGE = "index.md"
log = logging.getLogger("mkdocs.plugins.handlingsveileder")
TEMPLATE_CACHE = Path(".cache/handlingsveileder/jinja")
"""The theme's templates compiled by Jinja, by name and source hash (safe to delete)."""
STATE_KEY = "hv"
"""Where this build's model is kept on the config (also read by theme/main.html)."""
SVG_KEY = "hv_svgs"
"""Where this build's drawn flowcharts wait for their pages (see `finish_page`)."""
REQUEST_KEY = "hv_request"
"""Where `build_site` puts its `BuildRequest` for `configure`."""
DESCRIPTIONS_KEY = "hv_descriptions"
"""Where this build's pages' meta descriptions wait for their pages (see `describe`)."""


@dataclass(frozen=True)
class BuildRequest:
    """What the command line decided before MkDocs runs: the settings and the checked models."""

    settings: Settings
    models: Mapping[str, Model]
    glossary: Glossary
    """The search words beside the models file, read once for every model built."""
    pdf: bool = False
    collection: bool = False
    """The guide is one of several on one site (`--all`, `models`): its pages link the
    page that chooses between them, one folder up."""
    """The whole guide is also printed as `<model id>.pdf` (the pages link it)."""

    @classmethod
    def read(cls, config_file: Path, model_id: str | None = None) -> BuildRequest:
        """Read the settings of `config_file` and check its models and search words (raises
        ModelError)."""
        settings = from_config_file(config_file, model=model_id)
        models = load_models(settings.data, settings.data_shown, settings.docs_dir)
        return cls(settings, models, glossary_beside(settings.data, settings.data_shown))


@dataclass(frozen=True)
class BuildState:
    model: Model
    settings: Settings
    announce: str
    pdf_file: str | None = None
    glossary: Glossary | None = None
    """The search words beside the models file (read with the models, checked up front)."""
    footer: str = ""
    """The footer's links to the accessibility statement (see `site_footer`)."""
    brand_css: str = ""
    collection: bool = False
    """The footer links the chooser of a site with several guides (see `BuildRequest`)."""
    """The kommune's colours as Material's CSS variables (see `branding`)."""

    @property
    def words(self) -> dict[str, str]:
        """The site's words in the model's language (theme/404.html reads them)."""
        return labels(self.model.language)


@dataclass(frozen=True)
class ErrorState:
    """`mkdocs serve` while the data is broken: one page that lists the problems."""

    report: str
    announce: str


def startup(command: str) -> None:
    """on_startup: remember MkDocs' command for this process (not in module state, because
    `mkdocs serve` keeps hook modules alive and reloads its config at every rebuild)."""
    os.environ[COMMAND_VARIABLE] = command


def configure(config: MkDocsConfig) -> MkDocsConfig:
    """on_config: validate the data, then set the site's name, language and navigation."""
    with_site_defaults(config)
    request = config.extra.get(REQUEST_KEY)
    warnings: list[Problem] = []
    try:
        if isinstance(request, BuildRequest):
            settings, models, glossary = request.settings, request.models, request.glossary
        else:
            settings = own_settings(config)
            # `mkdocs serve` shows a model whose base still waits for local values, with a
            # banner that lists them; `mkdocs build` refuses it, as `check` does.
            serving = os.environ.get(COMMAND_VARIABLE) == "serve"
            models = load_models(
                settings.data, settings.data_shown, settings.docs_dir, warnings, serving
            )
            for warning in warnings:  # info, not warning: `--strict` must not fail on them
                log.info("Advarsel: %s", warning)
            for site_warning in site_warnings(settings):
                log.info("Advarsel: %s", site_warning)
            glossary = glossary_beside(settings.data, settings.data_shown)
        model = select_model(dict(models), settings.chosen_model(), settings.model_origin)
    except (ModelError, SettingsError) as error:
        report = error.report() if isinstance(error, ModelError) else str(error)
        if os.environ.get(COMMAND_VARIABLE) != "serve" or isinstance(request, BuildRequest):
            raise PluginError(report) from None
        return show_errors(config, report)
    name = model.title if not model.kommune else f"{model.title} – {model.kommune}"
    # Themes print the site name and navigation titles as HTML, in text and attributes.
    config.site_name = theme_text(name)
    config.theme["language"] = model.language  # Material has both `nb` and `nn`
    # The headings' permalinks are titled in the site's language (Python-Markdown's toc says
    # «Permanent link»).
    toc = config.mdx_configs.setdefault("toc", {})
    if toc.get("permalink"):
        toc["permalink_title"] = labels(model.language)["permalink"]
    config.nav = escape_titles(SiteMap(model).nav())
    pdf_file = pdf_name(model.id) if isinstance(request, BuildRequest) and request.pdf else None
    unlocalised = [
        w.path[-1] for w in warnings if w.kind == LOCALISE_KIND and w.path[:1] == (model.id,)
    ]
    announce = announce_html(model, settings.national_numbers, unlocalised)
    footer = footer_html(settings.accessibility, model.language, model)
    config.extra[STATE_KEY] = BuildState(
        model,
        settings,
        announce,
        pdf_file,
        glossary,
        footer,
        brand_css(settings.brand),
        isinstance(request, BuildRequest) and request.collection,
    )
    return config


def with_site_defaults(config: MkDocsConfig) -> None:
    """The tool's theme folder, stylesheets, scripts and Markdown extensions (`site_defaults`),
    added to what mkdocs.yml sets; a kommune's own `custom_dir` still comes first."""
    dirs: list[str] = config.theme.dirs
    if str(THEME_DIR) not in dirs:
        dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
    config.extra_css = merged_list(config.extra_css, EXTRA_CSS)
    config.extra_javascript = merged_list(config.extra_javascript, EXTRA_JAVASCRIPT)
    for name, options in markdown_extensions().items():
        if name not in config.markdown_extensions:
            config.markdown_extensions.append(name)
        config.mdx_configs[name] = {**options, **config.mdx_configs.get(name, {})}


def show_errors(config: MkDocsConfig, report: str) -> MkDocsConfig:
    """Serve one page with the problems; livereload shows the site again once they are fixed."""
    log.error("Feil i modellfilen; nettleseren viser feilene til de er rettet:\n%s", report)
    lines = "".join(f"<li><code>{html_text(line)}</code></li>" for line in report.splitlines())
    announce = (
        '<div class="hv-akutt" role="alert"><p><strong>Feil i modellfilen.</strong> '
        "Siden lastes på nytt når filen er rettet og lagret.</p>"
        f'<ul class="hv-feil">{lines}</ul></div>'
    )
    config.site_name = theme_text("Feil i modellfilen")
    config.nav = [{theme_text("Feil i modellfilen"): ERROR_PAGE}]
    config.extra[STATE_KEY] = ErrorState(report, announce)
    return config


def own_settings(config: MkDocsConfig) -> Settings:
    """The settings of a build that MkDocs started: mkdocs.yml and HV_MODEL."""
    base = Path(config.config_file_path or "mkdocs.yml").resolve().parent
    return replace(resolve(config.extra, base, os.environ), docs_dir=Path(config.docs_dir))


def escape_titles(entries: list[Any]) -> list[Any]:
    """Navigation entries with their titles HTML-escaped (paths unchanged)."""
    escaped: list[Any] = []
    for entry in entries:
        for title, target in entry.items():
            value = escape_titles(target) if isinstance(target, list) else target
            escaped.append({theme_text(title): value})
    return escaped


def state(config: MkDocsConfig) -> BuildState | ErrorState:
    found = config.extra.get(STATE_KEY)
    if not isinstance(found, BuildState | ErrorState):
        raise PluginError("handlingsveileder: on_config har ikke kjørt")
    return found


def add_pages(files: Files, config: MkDocsConfig) -> Files:
    """on_files: add every generated page, in memory; nothing is written to docs/."""
    built = state(config)
    if isinstance(built, ErrorState):
        text = "# Feil i modellfilen\n\nSe listen over. Siden lastes på nytt når filen er rettet.\n"
        kept = Files([f for f in files if not f.is_documentation_page()])
        kept.append(File.generated(config, ERROR_PAGE, content=text))
        return kept

    def url_of(src_uri: str) -> str:
        return File.generated(config, src_uri, content="").url

    deck_url = url_of(DECK_SRC)
    pages = render_pages(
        built.model, url_of, built.pdf_file, built.settings.national_numbers, deck_url
    )
    config.extra[DESCRIPTIONS_KEY] = {page.src_uri: page.description for page in pages}
    if built.settings.diagrams == "svg":
        pages = with_svg_diagrams(pages, built.settings, config)
    files.append(File.generated(config, DECK_SRC, content=presentation(built, url_of, config)))
    for page in pages:
        existing = files.get_file_from_path(page.src_uri)
        if existing is not None and existing.generated_by is None:
            raise PluginError(
                f"docs/{page.src_uri} finnes, men siden lages fra {built.settings.data.name}: "
                "fjern eller gi nytt navn til filen i docs/"
            )
        files.append(File.generated(config, page.src_uri, content=page.markdown))
    return files


def with_svg_diagrams(
    pages: list[GeneratedPage], settings: Settings, config: MkDocsConfig
) -> list[GeneratedPage]:
    """The pages with every flowchart drawn now, as SVG (kept on the config for
    `finish_page`); unchanged (drawn in the reader's browser) when the renderer cannot
    run here."""
    renderer = SvgRenderer.for_project(settings.config_dir)
    try:
        embedded = embed_svgs(pages, renderer)
    except RendererUnavailable as problem:  # info, not warning: `--strict` must not fail
        log.info("Advarsel: flytskjemaene tegnes i nettleseren i stedet (%s)", problem)
        return pages
    config.extra[SVG_KEY] = embedded.svgs
    return embedded.pages


def presentation(built: BuildState, url_of: UrlOf, config: MkDocsConfig) -> str:
    """The guide's presentation (`presentation.DECK_SRC`): one HTML file of its own, not a
    Markdown page (no theme around it, not in the search index or the navigation). Its
    charts are the level pages' own, just drawn; without them (drawn in the browser) each
    slide lists its level's steps instead."""
    drawn = SVG_KEY in config.extra
    renderer = SvgRenderer.for_project(built.settings.config_dir)
    return presentation_html(
        built.model,
        url_of,
        site_links(url_of),
        renderer if drawn else None,
        site_url=config.site_url or None,
        leave=relative_url(url_of("index.md"), url_of(DECK_SRC)),
        brand=built.settings.brand,
        national_numbers=built.settings.national_numbers,
    )


def describe(page: Any, config: MkDocsConfig) -> None:
    """on_page_context: the page's meta description (Material prints `page.meta.description`
    into an attribute as it is, so it is escaped here)."""
    descriptions = config.extra.get(DESCRIPTIONS_KEY)
    if isinstance(descriptions, dict) and page.file.src_uri in descriptions:
        page.meta["description"] = theme_text(descriptions[page.file.src_uri])


def finish_page(output: str, config: MkDocsConfig) -> str:
    """on_post_page and on_post_template: the drawn flowcharts into the finished page, and
    the theme's markup repaired (`markup_repair`)."""
    svgs = config.extra.get(SVG_KEY)
    if isinstance(svgs, dict) and svgs:
        output = insert_svgs(output, svgs)
    built = config.extra.get(STATE_KEY)
    language = built.model.language if isinstance(built, BuildState) else "nb"
    return repair_page(output, labels(language)["search_dialog"])


def cache_templates(env: Environment, config: MkDocsConfig) -> Environment:
    """on_env: keep the theme's compiled templates on disk, so a build (and every reload of
    `mkdocs serve`) does not compile Material's templates again. Jinja checks each entry
    against the template's source and writes entries whole (temporary file, then rename)."""
    folder = Path(config.config_file_path or "mkdocs.yml").resolve().parent / TEMPLATE_CACHE
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:  # a read-only checkout builds as before, only slower
        return env
    env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    return env


def watch_data(server: Any, config: MkDocsConfig) -> Any:
    """on_serve: rebuild when the data file or the search words change."""
    try:
        settings = own_settings(config)
        server.watch(str(settings.data))
        if glossary_path(settings.data).exists():
            server.watch(str(glossary_path(settings.data)))
    except SettingsError as error:
        raise PluginError(str(error)) from None
    return server


def feed_search(config: MkDocsConfig) -> None:
    """on_post_build (after the search plugin has written its index): give every search
    document the words a reader may search it by, bokmål and nynorsk, the parts of compound
    words and the synonyms of the glossary beside the models file (`search_terms`)."""
    built = state(config)
    index_file = Path(config.site_dir) / "search" / "search_index.json"
    if isinstance(built, ErrorState) or built.glossary is None or not index_file.is_file():
        return
    glossary = built.glossary
    whole_guide = File.generated(config, WHOLE, content="").url
    index = json.loads(index_file.read_text(encoding="utf-8"))
    fed = enrich(index, glossary, demote=(whole_guide,))
    index_file.write_text(json.dumps(fed, separators=(",", ":")), encoding="utf-8")


class BuildFailed(Exception):
    """MkDocs refused to build (the reason has been logged)."""


def build_site(
    config_file: Path,
    request: BuildRequest,
    site_dir: Path,
    *,
    site_url: str | None = None,
    strict: bool = True,
) -> None:
    """Build the request's model into `site_dir` (use `atomic.replace_dir` around it)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler()
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    logger.addHandler(handler)
    # Our own notices ("Advarsel: …") are logged at INFO so that `--strict` never fails on
    # them; the command line shows them all the same.
    notices = logging.StreamHandler()
    notices.setLevel(logging.INFO)
    notices.addFilter(lambda record: record.levelno < logging.WARNING)
    notices.setFormatter(logging.Formatter("%(message)s"))
    log.addHandler(notices)
    level = log.level
    log.setLevel(logging.INFO)
    try:
        overrides: dict[str, Any] = {"site_dir": str(site_dir), "strict": strict}
        if site_url is not None:
            overrides["site_url"] = site_url
        config = load_config(str(config_file), **overrides)
        config.extra[REQUEST_KEY] = request
        try:
            build(config)
        except Abort as abort:
            raise BuildFailed(str(abort)) from None
    finally:
        logger.removeHandler(handler)
        log.removeHandler(notices)
        log.setLevel(level)
