"""Where each step leads: the flow that the validator checks and the diagrams draw."""

from __future__ import annotations

from dataclasses import dataclass

from .model import END, Level, Model, Outcome, Step


@dataclass(frozen=True)
class Successors:
    """What follows one step."""

    plain: tuple[str, ...]
    """Targets reached without a decision (step, level or exit ids, or END)."""
    outcomes: tuple[tuple[Outcome, tuple[str, ...]], ...]
    """Each outcome with its targets."""
    ends: bool
    """The case may end after this step."""

    def targets(self) -> tuple[str, ...]:
        found = list(self.plain)
        for _, goto in self.outcomes:
            found.extend(goto)
        return tuple(dict.fromkeys(found))


def successors(level: Level, step: Step) -> Successors:
    if step.next is not None:
        plain = step.next
    elif step.outcomes or step.end or step.open is not None:
        plain = ()
    else:
        after = level.step_after.get(step.id)
        plain = (after,) if after is not None else ()
    return Successors(
        plain=plain,
        outcomes=tuple((o, o.goto) for o in step.outcomes),
        ends=step.end or END in plain,
    )


def level_entries(level: Level) -> tuple[str, ...]:
    """Where work on a level begins: its `start` steps, its first step, or the level itself."""
    if level.start:
        return level.start
    if level.steps:
        return (level.steps[0].id,)
    return (level.id,)


def model_start(model: Model) -> tuple[str, ...]:
    if model.start:
        return model.start
    return level_entries(model.levels[0]) if model.levels else ()


def resolve(model: Model, target: str) -> tuple[str, ...]:
    """The step (or stepless level) ids a target id stands for."""
    levels = model.level_index
    if target in levels:
        return level_entries(levels[target])
    return (target,)


def edges(model: Model) -> dict[str, tuple[str, ...]]:
    """Each step and stepless level with the step/level ids it leads to (END and exit ids
    included)."""
    out: dict[str, tuple[str, ...]] = {}
    for level in model.levels:
        if not level.steps:
            out[level.id] = tuple(n for t in level.next for n in resolve(model, t))
        for step in level.steps:
            targets = successors(level, step).targets()
            out[step.id] = tuple(n for t in targets for n in resolve(model, t))
    return out


def can_finish(model: Model) -> set[str]:
    """Ids from which some path leads to an end or an exit, or to a node that leads nowhere (a
    stepless level, an open end, or a step that the checks report on its own)."""
    links = edges(model)
    steps = model.step_index
    finished = {
        node
        for node, targets in links.items()
        if END in targets
        or not targets
        or any(target in model.exits for target in targets)
        or (node in steps and successors(*steps[node]).ends)
    }
    incoming: dict[str, list[str]] = {}
    for node, targets in links.items():
        for target in targets:
            incoming.setdefault(target, []).append(node)
    todo = list(finished)
    while todo:
        for source in incoming.get(todo.pop(), []):
            if source not in finished:
                finished.add(source)
                todo.append(source)
    return finished


def reachable(model: Model) -> set[str]:
    """Ids of the steps and stepless levels reachable from the start."""
    steps = model.step_index
    levels = model.level_index
    seen: set[str] = set()
    todo = [node for target in model_start(model) for node in resolve(model, target)]
    while todo:
        node = todo.pop()
        if node in seen or node == END:
            continue
        seen.add(node)
        if node in steps:
            level, step = steps[node]
            targets = successors(level, step).targets()
        elif node in levels:
            targets = levels[node].next
        else:
            continue
        todo.extend(n for t in targets for n in resolve(model, t))
    return seen


def level_exits(model: Model, level: Level) -> tuple[str, ...]:
    """The exits (`Model.exits` ids) a level's steps or `next` lead to, in order of use."""
    found = [t for t in level.next if t in model.exits]
    for step in level.steps:
        found += [t for t in successors(level, step).targets() if t in model.exits]
    return tuple(dict.fromkeys(found))
