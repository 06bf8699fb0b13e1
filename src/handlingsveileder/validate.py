"""The one entry point that turns `data/models.yaml` into checked models."""

from __future__ import annotations

from pathlib import Path

from .checks import check_model
from .errors import ModelError
from .load import compose_file, compose_text
from .model import Model
from .schema import Builder

DEFAULT_DATA = Path("data/models.yaml")
"""Where the models live, relative to the project folder (mkdocs.yml may say otherwise)."""


def load_models(path: Path, display_name: str | None = None) -> dict[str, Model]:
    """Read, build and check every model in `path`; raise one ModelError listing all problems."""
    name = display_name or str(path)
    return _check(Builder(name), compose_file(path, name))


def load_models_text(text: str, name: str = "models.yaml") -> dict[str, Model]:
    return _check(Builder(name), compose_text(text, name))


def _check(builder: Builder, root: object) -> dict[str, Model]:
    models = builder.build_models(root)  # type: ignore[arg-type]
    for model in models.values():
        check_model(model, builder)
    if builder.problems:
        raise ModelError(builder.problems)
    return models


def select_model(models: dict[str, Model], model_id: str, source: str) -> Model:
    """The model called `model_id`, or an error that names the ids there are."""
    from .errors import Problem, closest

    if model_id in models:
        return models[model_id]
    known = ", ".join(sorted(models)) or "ingen"
    raise ModelError(
        [
            Problem(
                source,
                1,
                1,
                (),
                f"modellen '{model_id}' finnes ikke (modeller: {known})",
                suggestion=closest(model_id, models),
            )
        ]
    )
