"""The flow rules: where a step leads, where a level starts, what can be reached."""

from __future__ import annotations

from handlingsveileder import graph
from handlingsveileder.model import END
from handlingsveileder.validate import load_models_text

LADDER = """
demo:
  title: Demo
  language: nb
  levels:
    - id: niva-1
      name: Nivå 1
      start: [a, b]
      steps:
        - {id: a, title: A}
        - {id: a2, title: A2, end: true}
        - id: b
          title: B
          outcomes:
            - {label: Bedre, goto: end}
            - {label: Verre, goto: niva-2}
    - id: niva-2
      name: Nivå 2
      next: [niva-3]
    - id: niva-3
      name: Nivå 3
      steps:
        - {id: c, title: C, next: [a, end]}
"""


def ladder() -> dict[str, object]:
    model = load_models_text(LADDER)["demo"]
    return {"model": model, "levels": model.level_index, "steps": model.step_index}


def test_a_step_without_next_leads_to_the_following_step() -> None:
    model = load_models_text(LADDER)["demo"]
    level, step = model.step_index["a"]
    follows = graph.successors(level, step)
    assert follows.plain == ("a2",)
    assert follows.outcomes == ()
    assert not follows.ends


def test_end_true_stops_the_implicit_next_step() -> None:
    model = load_models_text(LADDER)["demo"]
    level, step = model.step_index["a2"]
    follows = graph.successors(level, step)
    assert follows.plain == () and follows.ends


def test_outcomes_lead_where_their_goto_says() -> None:
    model = load_models_text(LADDER)["demo"]
    level, step = model.step_index["b"]
    follows = graph.successors(level, step)
    assert [goto for _, goto in follows.outcomes] == [(END,), ("niva-2",)]
    assert follows.targets() == (END, "niva-2")
    assert follows.plain == ()


def test_next_with_end_marks_the_step_as_an_end() -> None:
    model = load_models_text(LADDER)["demo"]
    level, step = model.step_index["c"]
    assert graph.successors(level, step).ends


def test_level_entries_start_first_step_or_the_level_itself() -> None:
    model = load_models_text(LADDER)["demo"]
    levels = model.level_index
    assert graph.level_entries(levels["niva-1"]) == ("a", "b")
    assert graph.level_entries(levels["niva-3"]) == ("c",)
    assert graph.level_entries(levels["niva-2"]) == ("niva-2",)


def test_model_start_defaults_to_the_first_level() -> None:
    model = load_models_text(LADDER)["demo"]
    assert graph.model_start(model) == ("a", "b")


def test_resolve_turns_a_level_into_its_entries() -> None:
    model = load_models_text(LADDER)["demo"]
    assert graph.resolve(model, "niva-1") == ("a", "b")
    assert graph.resolve(model, "c") == ("c",)


def test_reachable_follows_steps_levels_and_stepless_levels() -> None:
    model = load_models_text(LADDER)["demo"]
    assert graph.reachable(model) == {"a", "a2", "b", "niva-2", "c"}


def test_can_finish_finds_the_steps_with_a_way_out() -> None:
    model = load_models_text(LADDER)["demo"]
    assert graph.can_finish(model) == {"a", "a2", "b", "niva-2", "c"}


def test_a_ring_without_exit_cannot_finish() -> None:
    from handlingsveileder.model import Step

    model = load_models_text(LADDER)["demo"]
    level = model.levels[2]
    ring = Step(id="c", title="C", next=("a",))
    looped = type(level)(id=level.id, name=level.name, steps=(ring,))
    a2 = Step(id="a2", title="A2", next=("b",))
    first = model.levels[0]
    b = Step(id="b", title="B", next=("niva-2",))
    changed = type(first)(
        id=first.id, name=first.name, start=first.start, steps=(first.steps[0], a2, b)
    )
    model = type(model)(
        id=model.id, title=model.title, language="nb", levels=(changed, model.levels[1], looped)
    )
    assert graph.can_finish(model) == set()
