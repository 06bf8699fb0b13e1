"""MkDocs hooks: a thin adapter around the `handlingsveileder` package.

All work happens in `handlingsveileder.mkdocs_adapter`; this module keeps no state,
because `mkdocs serve` keeps hook modules alive between rebuilds.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from handlingsveileder import mkdocs_adapter


def on_startup(command: str, dirty: bool) -> None:
    mkdocs_adapter.startup(command)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    return mkdocs_adapter.configure(config)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    return mkdocs_adapter.add_pages(files, config)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    return mkdocs_adapter.cache_templates(env, config)


def on_page_context(context: Any, page: Any, config: MkDocsConfig, nav: Any) -> Any:
    mkdocs_adapter.describe(page, config)
    return context


def on_post_page(output: str, page: Any, config: MkDocsConfig) -> str:
    return mkdocs_adapter.finish_page(output, config)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return mkdocs_adapter.finish_page(output, config)


def on_post_build(config: MkDocsConfig) -> None:
    mkdocs_adapter.feed_search(config)


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    return mkdocs_adapter.watch_data(server, config)
