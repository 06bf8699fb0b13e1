"""MkDocs' events, forwarded to `mkdocs_adapter`: the hook a site's mkdocs.yml names.

A site's `hooks/veileder_hooks.py` only imports these functions (`site_defaults.HOOK_FILE`),
so a kommune's own project and this repository run the same hook. Nothing here keeps state,
because `mkdocs serve` keeps hook modules alive between rebuilds; the MkDocs types are
`Any` here, since only `mkdocs_adapter` imports MkDocs.
"""

from __future__ import annotations

from typing import Any

from . import mkdocs_adapter

__all__ = [
    "on_config",
    "on_env",
    "on_files",
    "on_page_context",
    "on_post_build",
    "on_post_page",
    "on_post_template",
    "on_serve",
    "on_startup",
]


def on_startup(command: str, dirty: bool) -> None:
    mkdocs_adapter.startup(command)


def on_config(config: Any) -> Any:
    return mkdocs_adapter.configure(config)


def on_files(files: Any, config: Any) -> Any:
    return mkdocs_adapter.add_pages(files, config)


def on_env(env: Any, config: Any, files: Any) -> Any:
    return mkdocs_adapter.cache_templates(env, config)


def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    mkdocs_adapter.describe(page, config)
    return context


def on_post_page(output: str, page: Any, config: Any) -> str:
    return mkdocs_adapter.finish_page(output, config)


def on_post_template(output: str, template_name: str, config: Any) -> str:
    return mkdocs_adapter.finish_page(output, config)


def on_post_build(config: Any) -> None:
    mkdocs_adapter.feed_search(config)


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    return mkdocs_adapter.watch_data(server, config)
