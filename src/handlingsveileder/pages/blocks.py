"""Pieces of Markdown that several page kinds share."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import unquote

from .. import graph
from ..laws import LAWS, LOVDATA_NAME, citation, lovdata_url
from ..markup import html_text, indent, md_link, safe_inline
from ..model import END, LegalRef, Level
from .context import PageContext


def flowchart_block(ctx: PageContext, chart: str, text_version: list[str]) -> list[str]:
    """A diagram with its text version right under it, and above it the hint that
    `diagram.js` shows while the diagram is wider than its box (it then scrolls sideways
    rather than shrink its labels below 12 px; see `svg_render.with_label_floor`).

    The hint stands before the diagram, so that the text version stays the diagram's next
    sibling; it is hidden without JavaScript and left out of the search index."""
    hint = html_text(ctx.words["diagram_scroll_hint"])
    return [
        f'<p class="hv-diagram-hint" data-search-exclude hidden>{hint}</p>',
        "",
        "```mermaid",
        chart.rstrip("\n"),
        "```",
        "",
        *text_version_block(ctx, text_version),
    ]


def text_version_block(ctx: PageContext, text_version: list[str]) -> list[str]:
    """A diagram's text version, folded (open by a click, found by search)."""
    return [f'??? info "{ctx.words["text_version"]}"', "", indent("\n".join(text_version)), ""]


def flow_text(ctx: PageContext, level: Level, page: str) -> list[str]:
    """The text version of a level's flowchart: every step, where it leads and why."""
    words = ctx.words
    out = []
    entries = graph.level_entries(level)
    if level.steps:
        label = words["starts_together"] if len(entries) > 1 else words["starts_with"]
        out.append(f"{label}: " + ", ".join(ctx.md_link(e, page) for e in entries) + ".")
        out.append("")
    for step in level.steps:
        follows = graph.successors(level, step)
        guess = guessed(ctx, step.inferred)
        out.append(f"1. {ctx.md_link(step.id, page)}")
        if step.question:
            out.append(f"    - {words['question']}: {safe_inline(step.question)}")
        if follows.plain:
            targets = ", ".join(ctx.target_text(t, page) for t in follows.plain)
            out.append(f"    - {words['next']}: {targets}{guess}")
        for outcome, goto in follows.outcomes:
            targets = ", ".join(ctx.target_text(t, page) for t in goto)
            targets += guessed(ctx, outcome.inferred)
            if outcome.deadline:
                targets += f" ({words['deadline'].lower()}: {safe_inline(outcome.deadline)})"
            what = safe_inline(outcome.short or outcome.label)
            out.append(f"    - {what} {words['leads_to']} {targets}")
        if step.end and END not in follows.targets():
            out.append(f"    - {words['may_end']}{guess}")
        if step.open is not None:
            out.append(f"    - {words['open_end']} ({words['inferred_short']})")
    for target in level.next:
        out.append(f"- {words['next']}: {ctx.target_text(target, page)}")
    if level.next:
        out[-1] += guessed(ctx, level.inferred)
    return out


def guessed(ctx: PageContext, inferred: str | None) -> str:
    """The mark after a way on that the editor inferred: « (redaksjonens tolkning)»."""
    return f" ({ctx.words['inferred_short']})" if inferred else ""


def inferred_box(ctx: PageContext, level: Level, page: str) -> list[str]:
    """Every way on in the level that the source does not state, with the editor's reason."""
    items = []
    if level.inferred:
        items.append(f"- **{safe_inline(level.name)}**: {safe_inline(level.inferred)}")
    for step in level.steps:
        if step.inferred:
            items.append(f"- {ctx.md_link(step.id, page)}: {safe_inline(step.inferred)}")
        if step.open is not None:
            items.append(f"- {ctx.md_link(step.id, page)}: {safe_inline(step.open)}")
        for outcome in step.outcomes:
            if outcome.inferred:
                what = safe_inline(outcome.short or outcome.label)
                reason = safe_inline(outcome.inferred)
                items.append(f"- {ctx.md_link(step.id, page)} – {what}: {reason}")
    for exit_id in graph.level_exits(ctx.model, level):
        why = ctx.model.exits[exit_id].inferred
        if why:
            items.append(f"- {ctx.md_link(exit_id, page)}: {safe_inline(why)}")
    if not items:
        return []
    body = "\n".join([ctx.words["inferred_intro"], "", *items])
    return [f'!!! note "{ctx.words["inferred"]}"', "", indent(body), ""]


def link_list(heading: str, entries: list[tuple[str, str | None, str]]) -> list[str]:
    """A bold heading and a list of names, each a link where it has a URL, then its note."""
    if not entries:
        return []
    out = [f"**{heading}**", ""]
    for name, url, note in entries:
        item = f"- {md_link(safe_inline(name), url)}" if url else f"- {safe_inline(name)}"
        out.append(item + note)
    return [*out, ""]


def legal_list(ctx: PageContext, ids: Iterable[str]) -> list[str]:
    """The legal references under «Lovgrunnlag», each as the source writes it (or, without a
    name, cited from the registry of laws) and with its `text` after it."""
    entries = [legal_entry(ctx, ctx.model.legal[lid]) for lid in ids]
    return link_list(ctx.words["legal"], entries)


def legal_entry(ctx: PageContext, ref: LegalRef) -> tuple[str, str | None, str]:
    """A reference for `link_list`: its name, its link and what follows it.

    With `law`, the name links to the section on Lovdata. Where the source gives a `url` of
    its own, the name keeps the source's link and «(Lovdata)» follows it:
    «[Fvl. § 13b](kildens lenke) ([Lovdata](…))».
    """
    law = LAWS.get(ref.law) if ref.law else None
    name = ref.name or (citation(law, ref.section, ctx.model.language) if law else "")
    note = f": {safe_inline(ref.text)}" if ref.text else ""
    if law is None:
        return name, ref.url, note
    lovdata = lovdata_url(law, ref.section)
    if ref.url is None or same_url(ref.url, lovdata):
        return name, lovdata, note
    return name, ref.url, f" ({md_link(LOVDATA_NAME, lovdata)}){note}"


def same_url(a: str, b: str) -> bool:
    """Whether two URLs name the same page (`§` written out or percent-encoded, a final /)."""
    return unquote(a.strip()).rstrip("/") == unquote(b.strip()).rstrip("/")


def finish(lines: list[str]) -> str:
    """The page's Markdown: lines joined, runs of blank lines folded, one final newline."""
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip() + "\n"
