"""The base models that ship with the tool (`src/handlingsveileder/bases/`): each checks
without errors, the bokmål and nynorsk bases have the same structure, and every value a base
marks as the kommune's own (`localise`) exists in the base and can be written by a kommune."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT

from handlingsveileder.errors import ModelError, Problem
from handlingsveileder.inherit import at_path
from handlingsveileder.load import compose_file
from handlingsveileder.model import Model
from handlingsveileder.validate import load_models

BASES = ROOT / "src" / "handlingsveileder" / "bases"
NB, NN = "bti-grunnmodell", "bti-grunnmodell-nn"
LANGUAGE = {NB: "nb", NN: "nn"}

# What every kommune must fill in itself, whatever else a base marks.
REQUIRED_LOCAL = {"kommune", "emergency.contacts"}


def base_file(model_id: str) -> Path:
    return BASES / f"{model_id}.yaml"


def load_base(model_id: str) -> Model:
    warnings: list[Problem] = []
    models = load_models(base_file(model_id), warnings=warnings)
    assert list(models) == [model_id]
    return models[model_id]


def raw(model_id: str) -> dict[str, Any]:
    data = yaml.safe_load(base_file(model_id).read_text(encoding="utf-8"))
    model: dict[str, Any] = data[model_id]
    return model


def test_each_base_file_holds_one_model_named_as_the_file() -> None:
    """`inherit.shipped_bases` finds a base by its file's name."""
    for path in BASES.glob("*.yaml"):
        assert list(yaml.safe_load(path.read_text(encoding="utf-8"))) == [path.stem]


@pytest.mark.parametrize("model_id", [NB, NN])
def test_base_checks_without_errors(model_id: str) -> None:
    model = load_base(model_id)
    assert model.language == LANGUAGE[model_id]
    assert model.draft is None
    assert model.source is not None and "publiseringsverktøyet" in model.source.title
    assert len(model.levels) == 4
    assert [level.number for level in model.levels] == ["0", "1", "2", "3"]


@pytest.mark.parametrize("model_id", [NB, NN])
def test_every_step_has_an_action_and_a_way_on(model_id: str) -> None:
    model = load_base(model_id)
    for level, step in model.all_steps():
        assert step.text or step.checklist or step.questions or step.outcomes, step.id
        last = step is level.steps[-1]
        assert step.open is None, step.id
        if last:
            assert step.next or step.outcomes or step.end, step.id


def structure(model: Model) -> dict[str, Any]:
    return {
        "levels": [level.id for level in model.levels],
        "steps": {level.id: [step.id for step in level.steps] for level in model.levels},
        "flow": {
            step.id: (
                step.next,
                step.end,
                [outcome.goto for outcome in step.outcomes],
                step.responsible,
                step.tools,
                step.resources,
                step.legal,
                step.number,
            )
            for _level, step in model.all_steps()
        },
        "roles": sorted(model.roles),
        "tools": {key: (tool.template, tool.omit) for key, tool in model.tools.items()},
        "resources": sorted(model.resources),
        "legal": {key: (ref.law, ref.section) for key, ref in model.legal.items()},
        "exits": {key: (way.kind, way.tools) for key, way in model.exits.items()},
        "sections": [section.legal for section in model.sections],
        "localise": sorted(model.localise),
    }


def test_bokmal_and_nynorsk_have_the_same_structure() -> None:
    assert structure(load_base(NB)) == structure(load_base(NN))


@pytest.mark.parametrize("model_id", [NB, NN])
def test_localise_paths_exist_in_the_base(model_id: str) -> None:
    base = raw(model_id)
    assert set(base["localise"]) >= REQUIRED_LOCAL
    node = compose_file(base_file(model_id)).value[0][1]
    for key_path, explanation in base["localise"].items():
        assert explanation.strip(), key_path
        found = at_path(node, key_path)
        assert found is not None and found.value not in ("", []), key_path


@pytest.mark.parametrize("model_id", [NB, NN])
def test_emergency_contacts_invent_no_numbers(model_id: str) -> None:
    model = load_base(model_id)
    assert model.emergency is not None
    assert model.emergency.contacts
    assert all(contact.phone is None for contact in model.emergency.contacts)


@pytest.mark.parametrize("model_id", [NB, NN])
def test_a_kommune_that_fills_in_every_local_value_checks(model_id: str, tmp_path: Path) -> None:
    # The kommune writes every key the base has (so every local value among them).
    kommune = {"extends": model_id, **{k: v for k, v in raw(model_id).items() if k != "localise"}}
    path = tmp_path / "models.yaml"
    path.write_text(yaml.safe_dump({"eksempel": kommune}, allow_unicode=True), encoding="utf-8")
    warnings: list[Problem] = []
    models = load_models(path, warnings=warnings)
    assert models["eksempel"].language == LANGUAGE[model_id]
    assert not [w for w in warnings if "fylles ut lokalt" in w.message]


@pytest.mark.parametrize("model_id", [NB, NN])
def test_a_kommune_that_leaves_a_local_value_open_fails(model_id: str, tmp_path: Path) -> None:
    path = tmp_path / "models.yaml"
    path.write_text(f"eksempel:\n  extends: {model_id}\n", encoding="utf-8")
    with pytest.raises(ModelError) as raised:
        load_models(path)
    text = str(raised.value)
    for key_path in raw(model_id)["localise"]:
        assert key_path in text
