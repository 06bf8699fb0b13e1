"""Publish a kommune's handlingsveileder as a static site, generated from one YAML model.

The public API: read and check a model file, render its pages, and the types they use.
MkDocs is reached only through `mkdocs_adapter` (used by `hooks/` and the CLI).
"""

from __future__ import annotations

from .errors import ModelError, Problem
from .links import directory_url
from .model import Level, Model, Step
from .pages import Page, render_pages
from .settings import Settings, SettingsError
from .sitemap import PageEntry, SiteMap
from .validate import load_models, load_models_text, select_model

__all__ = [
    "Level",
    "Model",
    "ModelError",
    "Page",
    "PageEntry",
    "Problem",
    "Settings",
    "SettingsError",
    "SiteMap",
    "Step",
    "directory_url",
    "load_models",
    "load_models_text",
    "render_pages",
    "select_model",
]
