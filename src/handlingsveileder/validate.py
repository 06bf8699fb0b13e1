"""The one entry point that turns a model file into checked models."""

from __future__ import annotations

from pathlib import Path

import yaml

from .checks import check_model
from .construct import Constructor
from .errors import Problem, closest
from .inherit import LOCALISE_KIND, open_message, resolve
from .load import compose_file, compose_text
from .model import Model
from .reporter import Reporter
from .settings import SettingsError


def load_models(
    path: Path,
    display_name: str | None = None,
    docs_dir: Path | None = None,
    warnings: list[Problem] | None = None,
    open_allowed: bool = False,
) -> dict[str, Model]:
    """Read, build and check every model in `path`; raise one ModelError listing all problems.

    With `docs_dir`, links to files on the site are checked against the files there; with
    `warnings`, findings that do not stop the build are appended to it. With
    `open_allowed` (`mkdocs serve`), a value a base marks as local that the model has not
    written yet is a warning (the site shows it in a banner), not an error.
    """
    name = display_name or str(path)
    root = compose_file(path, name)
    return check_nodes(root, name, docs_dir, warnings, path, open_allowed)


def load_models_text(
    text: str, name: str = "models.yaml", warnings: list[Problem] | None = None
) -> dict[str, Model]:
    return check_nodes(compose_text(text, name), name, warnings=warnings)


def check_nodes(
    root: yaml.Node,
    name: str,
    docs_dir: Path | None = None,
    warnings: list[Problem] | None = None,
    file: Path | None = None,
    open_allowed: bool = False,
) -> dict[str, Model]:
    """Build the models of a node tree (each merged with the base it `extends`) and run
    every check on them."""
    reporter = Reporter(name)
    resolved = resolve(root, name, file)
    for value in resolved.open_values:
        # A base built on its own is a preview; a kommune's model must fill in its values.
        chain = resolved.chains[value.model_id]
        lenient = open_allowed or len(chain) == 1
        mark = value.at
        problem = Problem(
            mark.name or name,
            mark.line + 1,
            mark.column + 1,
            (value.model_id, value.key_path),
            open_message(value),
            kind=LOCALISE_KIND,
        )
        (reporter.warnings if lenient else reporter.problems).append(problem)
    models = Constructor(reporter).build_models(resolved.root)
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
