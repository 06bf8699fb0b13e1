"""A level page: purpose, flowchart with text version, and one section per step."""

from __future__ import annotations

from .. import graph, mermaid
from ..markup import indent, safe_inline, safe_markdown
from ..model import Level, Outcome, Step
from ..sitemap import PageEntry
from .blocks import flow_text, flowchart_block, guessed, inferred_box, legal_list, link_list
from .context import PageContext
from .tools import tool_kind


def level_page(ctx: PageContext, entry: PageEntry) -> list[str]:
    level = ctx.levels[str(entry.subject)]
    page = entry.src
    out = [f"# {safe_inline(level.name)}", ""]
    if level.subtitle:
        out += [f"**{safe_inline(level.subtitle)}**", ""]
    if level.purpose:
        out += [safe_markdown(level.purpose), ""]
    if level.steps:
        out += [f"## {ctx.words['flowchart']}", ""]
        chart = mermaid.level_flowchart(ctx.model, level, ctx.links.diagram(page), ctx.words)
        out += flowchart_block(ctx, chart, flow_text(ctx, level, page))
    elif level.next:
        out += [*flow_text(ctx, level, page), ""]
    out += inferred_box(ctx, level, page)
    for step in level.steps:
        out += step_section(ctx, level, step, page)
    for exit_id in graph.level_exits(ctx.model, level):
        out += exit_section(ctx, level, exit_id, page)
    return out


def exit_section(ctx: PageContext, level: Level, exit_id: str, page: str) -> list[str]:
    """Where work goes on outside the guide: what to do, the tools it needs, and the steps
    of this level that lead there."""
    way_out = ctx.model.exits[exit_id]
    out = [f"## {safe_inline(ctx.exit_title(exit_id))} {{#{exit_id} .hv-utgang}}", ""]
    if way_out.label:
        out += [f'<p class="hv-utgang-slag" markdown>**{ctx.exit_kind(exit_id)}**</p>', ""]
    sources = [
        ctx.md_link(step.id, page)
        for step in level.steps
        if exit_id in graph.successors(level, step).targets()
    ]
    if sources:
        out += labelled("hv-videre", ctx.words["comes_from"], ", ".join(sources))
    return out + exit_body(ctx, exit_id, page)


def exit_body(ctx: PageContext, exit_id: str, page: str) -> list[str]:
    """What the employee does at an exit, and the tools and resources it needs."""
    way_out = ctx.model.exits[exit_id]
    out = [safe_markdown(way_out.text), ""] if way_out.text else []
    out += tool_list(ctx, way_out.tools, page)
    return out + resource_list(ctx, way_out.resources)


def step_section(ctx: PageContext, level: Level, step: Step, page: str) -> list[str]:
    words = ctx.words
    out = [f"## {safe_inline(step.heading)} {{#{step.id}}}", ""]
    out += step_body(ctx, step, page)
    out += outcome_list(ctx, step, page)
    follows = graph.successors(level, step)
    if follows.plain:
        targets = ", ".join(ctx.target_text(t, page) for t in follows.plain)
        targets += guessed(ctx, step.inferred)
        out += labelled("hv-videre", words["next"], targets)
    elif step.end:
        ending = words["may_end"] + guessed(ctx, step.inferred)
        out += [f'<p class="hv-videre" markdown>{ending}</p>', ""]
    elif step.open is not None:
        ending = f"{words['open_end']}. {safe_inline(step.open)}"
        out += [f'<p class="hv-videre hv-apen" markdown>**{ending}**</p>', ""]
    return out


def step_body(ctx: PageContext, step: Step, page: str) -> list[str]:
    """What the employee does in a step: facts, note, text, lists, tools, resources, law."""
    words = ctx.words
    out = facts(ctx, step, page)
    if step.note:  # before the text it is about
        out += [f'!!! note "{words["note"]}"', "", indent(safe_markdown(step.note)), ""]
    if step.text:
        out += [safe_markdown(step.text), ""]
    if step.checklist:
        out += [f"- {safe_inline(item)}" for item in step.checklist] + [""]
    if step.questions:
        out += [f"**{words['questions']}**", ""]
        out += [f"- {safe_inline(item)}" for item in step.questions] + [""]
    out += tool_list(ctx, step.tools, page)
    out += resource_list(ctx, step.resources)
    out += legal_list(ctx, step.legal)
    if step.after:
        out += [safe_markdown(step.after), ""]
    return out


def facts(ctx: PageContext, step: Step, page: str) -> list[str]:
    """Deadline, responsible roles and what to document, as a definition list."""
    words = ctx.words
    found = []
    if step.deadline:
        found += [words["deadline"], f":   {safe_inline(step.deadline)}", ""]
    if step.responsible or step.who:
        names = [
            f"[{safe_inline(ctx.model.roles[rid].name)}]"
            f"({ctx.links.to_page(ctx.sitemap.role_page(rid), page)})"
            for rid in step.responsible
        ]
        names += [safe_inline(step.who)] if step.who else []
        found += [words["responsible"], f":   {', '.join(names)}", ""]
    if step.documentation:
        found += [words["documentation"]]
        found += [f":   {safe_inline(item)}" for item in step.documentation] + [""]
    if not found:
        return []
    return ['<div class="hv-fakta" markdown>', "", *found, "</div>", ""]


def tool_list(ctx: PageContext, ids: tuple[str, ...], page: str) -> list[str]:
    """A bold «Verktøy» and the tools, each with what the employee gets."""
    if not ids:
        return []
    return [f"**{ctx.words['tools']}**", "", *(tool_item(ctx, tid, page) for tid in ids), ""]


def tool_item(ctx: PageContext, tool_id: str, page: str) -> str:
    """A tool in a step's list, with what the employee gets behind the link («skjema» …)."""
    tool = ctx.model.tools[tool_id]
    href = ctx.links.to_page(ctx.sitemap.tool_page(tool_id), page)
    kind = tool_kind(ctx, tool_id)
    return f"- [{safe_inline(tool.name)}]({href})" + (f" ({kind})" if kind else "")


def resource_list(ctx: PageContext, ids: tuple[str, ...]) -> list[str]:
    found = [ctx.model.resources[rid] for rid in ids]
    entries = [
        (r.name, r.url, f"  \n  {safe_inline(r.description)}" if r.description else "")
        for r in found
    ]
    return link_list(ctx.words["resources"], entries)


def labelled(css: str, label: str, markdown: str) -> list[str]:
    """A paragraph «**Label:** text» with a class (the text is already safe Markdown)."""
    return [f'<p class="{css}" markdown>**{label}:** {markdown}</p>', ""]


def outcome_list(ctx: PageContext, step: Step, page: str) -> list[str]:
    out = []
    if step.question:
        out += labelled("hv-veivalg", ctx.words["question"], safe_inline(step.question))
    if step.outcomes_intro:
        out += [safe_markdown(step.outcomes_intro), ""]
    if step.outcomes:
        if not step.outcomes_intro:
            out += [f"**{ctx.words['outcomes']}**", ""]
        for number, outcome in enumerate(step.outcomes, start=1):
            out += outcome_item(ctx, number, outcome, page)
        out.append("")
    return out


def outcome_item(ctx: PageContext, number: int, outcome: Outcome, page: str) -> list[str]:
    out = [f"{number}. **{safe_inline(outcome.label)}**"]
    if outcome.deadline:
        out += ["", indent(f"**{ctx.words['deadline']}:** {safe_inline(outcome.deadline)}")]
    if outcome.text:
        out += ["", indent(safe_markdown(outcome.text))]
    targets = ", ".join(ctx.target_text(t, page) for t in outcome.goto)
    targets += guessed(ctx, outcome.inferred)
    out += ["", indent(f"→ {ctx.words['go_to']}: {targets}"), ""]
    return out
