"""The veiviser's screens: the model's graph as one screen per place and the choices on it.

A screen stands for a step, a level, an exit, the end, the start (when several steps start
together) or a fork (an outcome that leads to several places at once). Each screen has its
choices in a fixed order; a walk is a list of (screen, choice number) ending in a screen.
The page (`pages/veiviser.py`), its script and the tests all read this one structure, so
the veiviser is generated from the same graph as the diagrams.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from . import graph
from .model import END, Model

START = "~start"
"""The screen that lists the steps a guide starts with, when it starts with several."""
FORK = "~"
"""A fork's screen is `<step id>~<outcome number>`; ids never contain `~`."""

ScreenKind = Literal["start", "step", "level", "exit", "end", "fork"]


@dataclass(frozen=True)
class Choice:
    """One way on from a screen."""

    target: str
    """The screen it leads to."""
    outcome: int | None = None
    """The outcome's number in its step (from 0), when the choice is an answer."""


@dataclass(frozen=True)
class Screen:
    id: str
    kind: ScreenKind
    choices: tuple[Choice, ...]
    level: str | None = None
    """The level whose flowchart shows where the screen is."""


def fork_id(step_id: str, outcome: int) -> str:
    return f"{step_id}{FORK}{outcome}"


def screens(model: Model) -> dict[str, Screen]:
    """Every screen of the model's veiviser, by id (start first, then in the guide's order)."""
    found: dict[str, Screen] = {}
    starts = graph.model_start(model)
    if len(starts) > 1:
        found[START] = Screen(START, "start", tuple(Choice(t) for t in starts))
    for level in model.levels:
        entries = graph.level_entries(level) if level.steps else level.next
        found[level.id] = Screen(
            level.id, "level", tuple(Choice(t) for t in entries if t != level.id), level.id
        )
        for step in level.steps:
            follows = graph.successors(level, step)
            choices = [Choice(t) for t in follows.plain]
            for number, (_, goto) in enumerate(follows.outcomes):
                if len(goto) == 1:
                    choices.append(Choice(goto[0], number))
                    continue
                fork = fork_id(step.id, number)
                found[fork] = Screen(fork, "fork", tuple(Choice(t) for t in goto), level.id)
                choices.append(Choice(fork, number))
            if step.end and END not in follows.targets() and choices:
                choices.append(Choice(END))
            found[step.id] = Screen(step.id, "step", tuple(choices), level.id)
    for exit_id in model.exits:
        found[exit_id] = Screen(exit_id, "exit", ())
    found[END] = Screen(END, "end", ())
    return found


def first_screen(model: Model) -> str:
    starts = graph.model_start(model)
    return START if len(starts) > 1 else starts[0] if starts else END


Walk = tuple[tuple[tuple[str, int], ...], str]
"""The choices made (screen, choice number) and the screen reached."""


def walks(model: Model, limit: int = 100_000) -> Iterator[Walk]:
    """Every walk from the first screen that ends where the veiviser ends (a screen without
    choices) or would visit a screen twice; stops after `limit` walks."""
    all_screens = screens(model)
    count = 0
    stack: list[tuple[tuple[tuple[str, int], ...], str]] = [((), first_screen(model))]
    while stack and count < limit:
        made, here = stack.pop()
        seen = {screen for screen, _ in made}
        onward = [
            (number, choice)
            for number, choice in enumerate(all_screens[here].choices)
            if choice.target not in seen and choice.target != here
        ]
        if not onward:
            count += 1
            yield made, here
            continue
        for number, choice in reversed(onward):
            stack.append(((*made, (here, number)), choice.target))
