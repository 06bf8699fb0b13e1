"""The one entry point that turns a model file into checked models."""

from __future__ import annotations

from pathlib import Path

import yaml

from .checks import check_model
from .construct import Constructor
from .errors import Problem, closest
from .load import compose_file, compose_text
from .model import Model
from .reporter import Reporter
from .settings import SettingsError


def load_models(
    path: Path,
    display_name: str | None = None,
    docs_dir: Path | None = None,
    warnings: list[Problem] | None = None,
) -> dict[str, Model]:
    """Read, build and check every model in `path`; raise one ModelError listing all problems.

    With `docs_dir`, links to files on the site are checked against the files there; with
    `warnings`, findings that do not stop the build are appended to it.
    """
    name = display_name or str(path)
    return check_nodes(compose_file(path, name), name, docs_dir, warnings)


def load_models_text(
    text: str, name: str = "models.yaml", warnings: list[Problem] | None = None
) -> dict[str, Model]:
    return check_nodes(compose_text(text, name), name, warnings=warnings)


def check_nodes(
    root: yaml.Node,
    name: str,
    docs_dir: Path | None = None,
    warnings: list[Problem] | None = None,
) -> dict[str, Model]:
    """Build the models of a node tree and run every check on them."""
    reporter = Reporter(name)
    models = Constructor(reporter).build_models(root)
    for model in models.values():
        check_model(model, reporter, docs_dir)
    if warnings is not None:
        warnings.extend(sorted(reporter.warnings, key=Problem.sort_key))
    reporter.raise_if_any()
    return models


def select_model(models: dict[str, Model], model_id: str, origin: str) -> Model:
    """The model called `model_id`, or an error that names where it was chosen and the ids."""
    if model_id in models:
        return models[model_id]
    known = ", ".join(sorted(models)) or "ingen"
    message = f"{origin}: modellen '{model_id}' finnes ikke i modellfilen (modeller: {known})"
    suggestion = closest(model_id, models)
    raise SettingsError(message + (f" (mente du '{suggestion}'?)" if suggestion else ""))
