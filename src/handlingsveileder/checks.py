"""Checks that need the whole model: choices, ids, references, flow and links.

Every check reports to a `Reporter`; which fields hold references, URLs or fixed choices
is read from the model's types (`fields.py`), not listed here.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from pathlib import Path

from . import graph, mermaid
from .errors import closest
from .fields import fields_of, walk_refs, walk_text
from .i18n import LANGUAGES, labels
from .kinds import FLOW
from .law_checks import check_legal
from .link_safety import (
    markdown_link_findings,
    markdown_link_targets,
    site_path,
    url_field_problem,
)
from .model import END, Model
from .reporter import Reporter
from .review import check_reviews
from .sitemap import SiteMap
from .template_library import load_template, template_ids, template_parts


def check_model(model: Model, reporter: Reporter, docs_dir: Path | None = None) -> None:
    # A value that could not be read was left out of the model; the flow checks would
    # then report its consequences (a step "leading nowhere" without its `end`) as well.
    readable = not reporter.concerns(model.id)
    before = len(reporter.problems)
    check_choices(model, reporter)
    if not model.levels and readable:
        reporter.report(model, None, "modellen har ingen nivåer (levels)")
    check_unique_ids(model, reporter)
    check_references(model, reporter)
    if readable and len(reporter.problems) == before:
        # With a wrong id, every step behind it would also be reported as unreachable; with a
        # wrong choice (language, kind of exit) the diagrams cannot be drawn.
        check_flow(model, reporter)
        check_diagrams(model, reporter)
    check_links(model, reporter)
    check_tools(model, reporter)
    check_legal(model, reporter)
    check_swallowed_keys(model, reporter)
    check_reviews(model, reporter)
    if docs_dir is not None and model.language in LANGUAGES:  # the site map needs its words
        check_files(model, reporter, docs_dir)


def check_choices(model: Model, reporter: Reporter) -> None:
    for owner, spec, index, value in walk_text(model):
        choices = spec.choices
        if choices is not None and value not in choices.values:
            reporter.report(
                owner,
                spec.name,
                choices.message.format(value=value),
                index=index,
                suggestion=closest(value, choices.values) or choices.values[0],
            )


def check_unique_ids(model: Model, reporter: Reporter) -> None:
    """Steps, levels and exits share one namespace: `next` and `goto` may name any of them."""
    seen: dict[str, str] = {}
    for exit_id in model.exits:
        seen[exit_id] = "utgang"
    for level in model.levels:
        things: list[tuple[object, str, str]] = [(level, level.id, "nivå")]
        things.extend((step, step.id, "steg") for step in level.steps)
        for thing, ident, kind in things:
            if ident == END:
                reporter.report(thing, "id", f"'{END}' er reservert og kan ikke brukes som id")
            elif ident in seen:
                reporter.report(thing, "id", f"id-en '{ident}' er brukt før (av et {seen[ident]})")
            else:
                seen[ident] = kind


def catalogues(model: Model) -> dict[str, Collection[str]]:
    """The ids each kind of reference may name."""
    flow = {level.id for level in model.levels} | set(model.step_index) | set(model.exits)
    flow |= {END}
    return {
        FLOW: flow,
        "roles": model.roles,
        "tools": model.tools,
        "resources": model.resources,
        "legal": model.legal,
    }


def check_references(model: Model, reporter: Reporter) -> None:
    known = catalogues(model)
    for owner, spec, refs in walk_refs(model):
        ref = spec.ref
        assert ref is not None
        for index, target in enumerate(refs):
            if target not in known[ref.catalogue]:
                candidates = set(known[ref.catalogue]) - {END}
                reporter.report(
                    owner,
                    spec.name,
                    f"ukjent {ref.noun} '{target}'",
                    index=index,
                    suggestion=closest(target, candidates),
                )
    check_starts(model, reporter)
    for _level, step in model.all_steps():
        for outcome in step.outcomes:
            if not outcome.goto:
                reporter.report(outcome, "goto", "utfallet fører ingen steder")


def check_starts(model: Model, reporter: Reporter) -> None:
    """A level starts with its own steps."""
    levels = model.level_index
    steps = set(model.step_index)
    for level in model.levels:
        own = {step.id for step in level.steps}
        for index, ref in enumerate(level.start):
            if ref in levels:
                reporter.report(
                    level, "start", f"'{ref}' er et nivå: start må være steg i nivået", index=index
                )
            elif ref in steps and ref not in own:
                reporter.report(
                    level, "start", f"steget '{ref}' hører ikke til dette nivået", index=index
                )


def check_flow(model: Model, reporter: Reporter) -> None:
    if not model.levels:
        return
    reached = graph.reachable(model)
    finishing = graph.can_finish(model)
    for level in model.levels:
        # A level with neither steps nor `next` only describes (e.g. how wide the cooperation
        # is); it stands outside the flow, so it need not be reached.
        if not level.steps and level.next and level.id not in reached:
            reporter.report(level, None, f"nivået '{level.id}' kan ikke nås fra starten")
        for step in level.steps:
            follows = graph.successors(level, step)
            if step.id not in reached:
                reporter.report(
                    step,
                    None,
                    f"steget '{step.id}' kan ikke nås fra starten: ingen next, goto eller start "
                    "peker hit",
                )
            if step.open is not None:
                given = [n for n in ("next", "outcomes", "end") if getattr(step, n)]
                if given:
                    reporter.report(
                        step,
                        "open",
                        f"steget '{step.id}' har både open og {', '.join(given)}: open betyr "
                        "at kilden ikke sier hva som skjer videre",
                    )
            elif not follows.targets() and not follows.ends:
                reporter.report(
                    step,
                    None,
                    f"steget '{step.id}' fører ingen steder: legg til next, outcomes eller "
                    "end: true (eller open: «begrunnelse» når kilden ikke sier hva som skjer "
                    "videre)",
                )
            elif step.id in reached and step.id not in finishing:
                reporter.report(
                    step,
                    None,
                    f"steget '{step.id}' går i ring: ingen vei herfra fører til en slutt "
                    "(legg til end: true eller et utfall med goto: end)",
                )

    used = {target for targets in graph.edges(model).values() for target in targets}
    for exit_id, way_out in model.exits.items():
        if exit_id not in used:
            reporter.report(
                way_out,
                None,
                f"utgangen '{exit_id}' brukes ikke: ingen next eller goto peker hit",
                warning=True,
            )


def check_tools(model: Model, reporter: Reporter) -> None:
    """Every tool gives the employee something: a template, a file or link, a system or a
    description; `omit` names parts of its template."""
    for tool_id, tool in model.tools.items():
        if not (tool.template or tool.url or tool.system or tool.description):
            like = closest(tool_id, template_ids())
            reporter.report(
                tool,
                None,
                f"verktøyet '{tool_id}' har ikke template, url, system eller description: "
                "velg en av malene (se REDIGERING.md), lenk til kommunens fil, eller skriv "
                "hvilket system det finnes i" + (f" (f.eks. template: {like})" if like else ""),
            )
        if tool.omit and tool.template not in template_ids():
            if tool.template is None:
                reporter.report(tool, "omit", "omit brukes bare sammen med template")
            continue
        if tool.omit and model.language in LANGUAGES:
            parts = template_parts(load_template(str(tool.template), model.language))
            for index, part in enumerate(tool.omit):
                if part not in parts:
                    reporter.report(
                        tool,
                        "omit",
                        f"malen '{tool.template}' har ingen del eller felt '{part}'",
                        index=index,
                        suggestion=closest(part, parts),
                    )


KEY_LINE = re.compile(r"^[ \t]*(?:- )?([a-z_]+):(?:[ \t].*)?$", re.MULTILINE)
"""A line of a block text that reads like a YAML key (`tools: [...]`)."""


def check_swallowed_keys(model: Model, reporter: Reporter) -> None:
    """Warn when a block text holds a line like one of its owner's keys: an over-indented
    `tools: [...]` under `text: |` becomes part of the text, and the step loses its tools."""
    for owner, spec, index, value in walk_text(model):
        if "\n" not in value.strip():
            continue
        keys = {f.name for f in fields_of(type(owner))}
        for found in KEY_LINE.finditer(value):
            if found.group(1) in keys:
                line = found.group(0).strip()
                reporter.report(
                    owner,
                    spec.name,
                    f"teksten har en linje som ser ut som et felt ('{line}'): står den for langt "
                    "inn, blir den en del av teksten; flytt den ut på linje med "
                    f"'{spec.name}:' hvis den skal være et felt",
                    index=index,
                    needle=line,
                    warning=True,
                )


def check_links(model: Model, reporter: Reporter) -> None:
    for owner, spec, index, value in walk_text(model):
        if spec.url:
            problem = url_field_problem(value)
            if problem:
                reporter.report(owner, spec.name, problem, index=index)
        elif "[" in value:
            # Every text is rendered as Markdown (titles too). Links and images need '[';
            # raw HTML and autolinks cannot make one, because `safe_markdown` escapes '<'.
            for target, problem in markdown_link_findings(value):
                reporter.report(owner, spec.name, problem, index=index, needle=target)


def check_files(model: Model, reporter: Reporter, docs_dir: Path) -> None:
    """A link to a file on the site (a URL field, or a Markdown link from the site's root)
    must name a file in docs/ or a generated page."""
    generated = {page.src for page in SiteMap(model).pages}
    for owner, spec, index, value in walk_text(model):
        if spec.url:
            targets = [value]
        elif "/" in value and "](" in value:
            targets = [t for t in markdown_link_targets(value) if t.startswith("/")]
        else:
            continue
        for target in targets:
            path = site_path(target)
            if path is None or path in generated or (docs_dir / path).is_file():
                continue
            reporter.report(
                owner,
                spec.name,
                f"filen '{path}' finnes ikke i {docs_dir.name}/: legg filen der, eller rett lenken",
                index=index,
                needle=None if spec.url else target,
            )


def check_diagrams(model: Model, reporter: Reporter) -> None:
    """A level whose flowchart would exceed Mermaid's limits cannot be drawn."""
    # Only the size matters here, so a model whose language is wrong is measured in bokmål.
    words = labels(model.language if model.language in LANGUAGES else LANGUAGES[0])
    for level in model.levels:
        if not level.steps:
            continue
        try:
            mermaid.level_flowchart(model, level, lambda _target: "#", words)
        except mermaid.DiagramTooLarge as too_large:
            reporter.report(level, "steps", f"{too_large}: del nivået i flere nivåer", index=None)
    overview = mermaid.overview_flowchart(model, lambda _target: "#", words)
    if overview.detail != "steps":
        shown = "ett felt per nivå" if overview.detail == "levels" else "bare tekstversjonen"
        reporter.report(
            model,
            "levels",
            f"oversikten på forsiden viser {shown}: med alle stegene {overview.too_large}",
            warning=True,
        )
