"""Checks that need the whole model: ids, references, flow and links."""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Iterator
from typing import Any

from . import graph
from .errors import closest
from .model import END, Model
from .schema import Builder
from .urls import markdown_link_findings, url_problem

LANGUAGES = ("nb", "nn")
URL_FIELDS = {"url"}


def check_model(model: Model, builder: Builder) -> None:
    # A value that could not be read was left out of the model; the flow checks would
    # then report its consequences (a step "leading nowhere" without its `end`) as well.
    readable = not any(p.path[:1] == (model.id,) for p in builder.problems)
    if model.language not in LANGUAGES:
        builder.report(
            model,
            "language",
            f"ukjent språk '{model.language}': bruk nb (bokmål) eller nn (nynorsk)",
            suggestion=closest(model.language, LANGUAGES) or "nb",
        )
    if not model.levels and readable:
        builder.report(model, None, "modellen har ingen nivåer (levels)")
    before = len(builder.problems)
    check_unique_ids(model, builder)
    check_references(model, builder)
    if readable and len(builder.problems) == before:
        # With a wrong id, every step behind it would also be reported as unreachable.
        check_flow(model, builder)
    check_links(model, builder)


def check_unique_ids(model: Model, builder: Builder) -> None:
    seen: dict[str, str] = {}
    for level in model.levels:
        things: list[tuple[object, str]] = [(level, "nivå")]
        things.extend((step, "steg") for step in level.steps)
        for thing, kind in things:
            ident: str = thing.id  # type: ignore[attr-defined]
            if ident == END:
                builder.report(thing, "id", f"'{END}' er reservert og kan ikke brukes som id")
            elif ident in seen:
                builder.report(thing, "id", f"id-en '{ident}' er brukt før (av et {seen[ident]})")
            else:
                seen[ident] = kind


def check_references(model: Model, builder: Builder) -> None:
    catalogues: dict[str, tuple[str, typing.Collection[str]]] = {
        "responsible": ("rolle", model.roles),
        "tools": ("verktøy", model.tools),
        "resources": ("ressurs", model.resources),
        "legal": ("lovhenvisning", model.legal),
    }
    flow_ids = {level.id for level in model.levels} | set(model.step_index())
    levels = model.level_index()

    def check(owner: object, name: str, refs: tuple[str, ...]) -> None:
        kind, known = catalogues.get(name, ("steg", flow_ids))
        for index, ref in enumerate(refs):
            if ref not in known and not (ref == END and kind == "steg"):
                builder.report(
                    owner,
                    name,
                    f"ukjent {kind} '{ref}'",
                    index=index,
                    suggestion=closest(ref, known),
                )
            elif name == "start" and ref in levels and owner is not model:
                builder.report(
                    owner, name, f"'{ref}' er et nivå: start må være steg i nivået", index=index
                )

    check(model, "start", model.start)
    for section in model.sections:
        check(section, "legal", section.legal)
    for level in model.levels:
        check(level, "start", level.start)
        check(level, "next", level.next)
        own = {step.id for step in level.steps}
        for index, ref in enumerate(level.start):
            if ref in flow_ids and ref not in own:
                builder.report(
                    level, "start", f"steget '{ref}' hører ikke til dette nivået", index=index
                )
        for step in level.steps:
            for name in ("responsible", "tools", "resources", "legal"):
                check(step, name, getattr(step, name))
            if step.next is not None:
                check(step, "next", step.next)
            for outcome in step.outcomes:
                check(outcome, "goto", outcome.goto)
                if not outcome.goto:
                    builder.report(outcome, "goto", "utfallet fører ingen steder")


def check_flow(model: Model, builder: Builder) -> None:
    if not model.levels:
        return
    reached = graph.reachable(model)
    for level in model.levels:
        if not level.steps and level.id not in reached:
            builder.report(level, None, f"nivået '{level.id}' kan ikke nås fra starten")
        for step in level.steps:
            follows = graph.successors(level, step)
            if step.id not in reached:
                builder.report(
                    step,
                    None,
                    f"steget '{step.id}' kan ikke nås fra starten: ingen next, goto eller start "
                    "peker hit",
                )
            if not follows.targets() and not follows.ends:
                builder.report(
                    step,
                    None,
                    f"steget '{step.id}' fører ingen steder: legg til next, outcomes eller "
                    "end: true",
                )


def check_links(model: Model, builder: Builder) -> None:
    for owner, name, index, value, _hint in walk_text(model):
        if name in URL_FIELDS:
            problem = url_problem(value)
            if problem:
                builder.report(owner, name, problem, index=index)
        elif "[" in value:
            # Every text is rendered as Markdown (titles too). Links and images need '[';
            # raw HTML and autolinks cannot make one, because `safe_markdown` escapes '<'.
            for target, problem in markdown_link_findings(value):
                builder.report(owner, name, problem, index=index, needle=target)


def walk_text(obj: object) -> Iterator[tuple[object, str, int | None, str, Any]]:
    """Every text value in a model, with its owner, field name, list index and type."""
    if not dataclasses.is_dataclass(obj):
        return
    hints = typing.get_type_hints(type(obj))
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        hint = hints[f.name]
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        base = inner[0] if typing.get_origin(hint) is not None and inner else hint
        if typing.get_origin(base) is tuple:
            base = typing.get_args(base)[0]
        if isinstance(value, str):
            yield obj, f.name, None, value, base
        elif isinstance(value, tuple):
            for index, item in enumerate(value):
                if isinstance(item, str):
                    yield obj, f.name, index, item, base
                else:
                    yield from walk_text(item)
        elif isinstance(value, dict):
            for item in value.values():
                yield from walk_text(item)
        else:
            yield from walk_text(value)
