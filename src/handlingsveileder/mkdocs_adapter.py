"""The only module that knows MkDocs: config in, generated pages out.

Nothing is kept between builds except on the per-build `config` object, because
`mkdocs serve` keeps hook modules alive across rebuilds.
"""

from __future__ import annotations

import html
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from .errors import ModelError
from .model import Model
from .render import announce_html, nav, render_pages
from .validate import DEFAULT_DATA, load_models, select_model

SETTINGS_KEY = "handlingsveileder"
"""`extra.handlingsveileder` in mkdocs.yml: `data` (the YAML file) and `model` (its id)."""
STATE_KEY = "hv"
"""Where this build's model is kept on the config (also read by theme/main.html)."""
ENV_MODEL = "HV_MODEL"


@dataclass(frozen=True)
class BuildState:
    model: Model
    data_file: Path
    announce: str


def settings(config: MkDocsConfig) -> dict[str, Any]:
    value = config.extra.get(SETTINGS_KEY) or {}
    if not isinstance(value, dict):
        raise PluginError(f"extra.{SETTINGS_KEY} i mkdocs.yml må være en oppslagstabell")
    return value


def data_path(config: MkDocsConfig) -> Path:
    base = Path(config.config_file_path or ".").resolve().parent
    return base / str(settings(config).get("data", DEFAULT_DATA))


def chosen_model_id(config: MkDocsConfig) -> str:
    """The model to build: `extra.handlingsveileder.force` (set by the CLI), then the
    environment variable HV_MODEL, then `extra.handlingsveileder.model`."""
    chosen = (
        settings(config).get("force") or os.environ.get(ENV_MODEL) or settings(config).get("model")
    )
    if not chosen:
        raise PluginError(
            f"ingen modell valgt: sett extra.{SETTINGS_KEY}.model i mkdocs.yml eller {ENV_MODEL}"
        )
    return str(chosen)


def configure(config: MkDocsConfig) -> MkDocsConfig:
    """on_config: validate the data, then set the site's name, language and navigation."""
    path = data_path(config)
    base = Path(config.config_file_path or ".").resolve().parent
    shown = os.path.relpath(path, base) if path.is_relative_to(base) else str(path)
    preloaded = settings(config).get("preloaded")
    try:
        models = preloaded if isinstance(preloaded, dict) else load_models(path, shown)
        model = select_model(models, chosen_model_id(config), shown)
    except ModelError as error:
        raise PluginError(error.report()) from None
    name = model.title if not model.kommune else f"{model.title} – {model.kommune}"
    # Themes print the site name and navigation titles as HTML, unescaped.
    config.site_name = html.escape(name, quote=False)
    config.theme["language"] = model.language  # Material has both `nb` and `nn`
    config.nav = escape_titles(nav(model))
    config.extra[STATE_KEY] = BuildState(model, path, announce_html(model))
    return config


def escape_titles(entries: list[Any]) -> list[Any]:
    """Navigation entries with their titles HTML-escaped (paths unchanged)."""
    escaped: list[Any] = []
    for entry in entries:
        for title, target in entry.items():
            value = escape_titles(target) if isinstance(target, list) else target
            escaped.append({html.escape(title, quote=False): value})
    return escaped


def state(config: MkDocsConfig) -> BuildState:
    found = config.extra.get(STATE_KEY)
    if not isinstance(found, BuildState):
        raise PluginError("handlingsveileder: on_config har ikke kjørt")
    return found


def add_pages(files: Files, config: MkDocsConfig) -> Files:
    """on_files: add every generated page, in memory; nothing is written to docs/."""
    model = state(config).model

    def url_of(src_uri: str) -> str:
        return File.generated(config, src_uri, content="").url

    for page in render_pages(model, url_of):
        existing = files.get_file_from_path(page.src_uri)
        if existing is not None and existing.generated_by is None:
            raise PluginError(
                f"docs/{page.src_uri} finnes, men siden lages fra {state(config).data_file.name}: "
                "fjern eller gi nytt navn til filen i docs/"
            )
        files.append(File.generated(config, page.src_uri, content=page.markdown))
    return files


def watch_data(server: Any, config: MkDocsConfig) -> Any:
    """on_serve: rebuild when the data file changes."""
    server.watch(str(data_path(config)))
    return server


class BuildFailed(Exception):
    """MkDocs refused to build (the reason has been logged)."""


def build_site(
    config_file: Path,
    model_id: str,
    site_dir: Path,
    *,
    site_url: str | None = None,
    data: Path | None = None,
    models: dict[str, Model] | None = None,
    strict: bool = True,
) -> None:
    """Build one model's site into `site_dir` (use `atomic.replace_dir` around it).

    `data` replaces `extra.handlingsveileder.data` of the config file; `models`, already
    read and checked from that file, spares reading it again for every site.
    """
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler()
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    logger.addHandler(handler)
    try:
        overrides: dict[str, Any] = {"site_dir": str(site_dir), "strict": strict}
        if site_url is not None:
            overrides["site_url"] = site_url
        config = load_config(str(config_file), **overrides)
        chosen: dict[str, Any] = {"force": model_id}
        if data is not None:
            chosen["data"] = str(data.resolve())
        if models is not None:
            chosen["preloaded"] = models
        config.extra[SETTINGS_KEY] = {**settings(config), **chosen}
        try:
            build(config)
        except Abort as abort:
            raise BuildFailed(str(abort)) from None
    finally:
        logger.removeHandler(handler)
