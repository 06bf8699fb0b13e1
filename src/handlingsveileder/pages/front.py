"""The front page: where to start by situation (acute, worried, a level, a decision), then
the introduction, principles, sections and the overview chart."""

from __future__ import annotations

import re

from .. import graph, mermaid
from ..banner import tel_href
from ..emergency import emergency_view, has_acute_section
from ..links import OnePageLinks, relative_url
from ..markup import html_text, indent, md_link, plain, quoted, safe_inline, safe_markdown
from ..sitemap import VEIVISER, WHOLE, PageEntry
from .blocks import flow_text, flowchart_block, legal_list, text_version_block
from .context import PageContext

FIRST_SENTENCE = re.compile(r"^(.+?[.!?])(?:\s|$)")


def front_page(ctx: PageContext, entry: PageEntry) -> list[str]:
    model, words, page = ctx.model, ctx.words, entry.src
    out = [f"# {safe_inline(model.title)}", ""]
    if model.draft:
        out += [f'!!! warning "{words["draft"]}"', "", indent(safe_markdown(model.draft)), ""]
    if model.kommune:
        out += [f"*{safe_inline(model.kommune)}*", ""]
    if model.tagline:
        out += [safe_markdown(model.tagline), ""]
    out += situations(ctx, page)
    if model.intro:
        out += [safe_markdown(model.intro), ""]
    if model.target_group:
        out += [f"## {words['target_group']}", "", safe_markdown(model.target_group), ""]
    if model.goals:
        out += [f"## {words['goals']}", ""]
        out += [f"- {safe_inline(goal)}" for goal in model.goals] + [""]
    if model.principles or model.principles_intro:
        out += [f"## {words['principles']}", ""]
        if model.principles_intro:
            out += [safe_markdown(model.principles_intro), ""]
        for principle in model.principles:
            out.append(f"- **{safe_inline(principle.title)}:** {safe_inline(principle.text)}")
        out.append("")
        if model.principles_outro:
            out += [safe_markdown(model.principles_outro), ""]
    for section in model.sections:
        out += [f"## {safe_inline(section.title)}", "", safe_markdown(section.text), ""]
        out += legal_list(ctx, section.legal)
    out += overview(ctx, page)
    out += whole_guide_links(ctx, page)
    if model.source:
        source = safe_inline(model.source.title)
        if model.source.url:
            source = md_link(source, model.source.url)
        if model.source.date:
            source += f", {safe_inline(model.source.date)}"
        out += [f"{words['source']}: {source}", ""]
    return out


def whole_guide_links(ctx: PageContext, page: str) -> list[str]:
    """Where to find the whole guide on one page, as PDF and as a presentation when the
    build makes them (nothing on the whole-guide page itself)."""
    if isinstance(ctx.links, OnePageLinks):
        return []
    line = md_link(ctx.words["whole_link"], ctx.links.to_page(WHOLE, page))
    if ctx.pdf_file:
        href = relative_url(ctx.pdf_file, ctx.links.url_of(page))
        line += f' · <a href="{html_text(href)}" download>{html_text(ctx.words["pdf_link"])}</a>'
    out = [line, ""]
    if ctx.presentation:
        href = relative_url(ctx.presentation, ctx.links.url_of(page))
        link = f'<a href="{html_text(href)}">{html_text(ctx.words["deck_link"])}</a>'
        out += [
            f'<p class="hv-presentasjon">{link}: {html_text(ctx.words["deck_link_text"])}</p>',
            "",
        ]
    return out


def overview(ctx: PageContext, page: str) -> list[str]:
    """The overview chart with its text version."""
    model, words = ctx.model, ctx.words
    out = [f"## {words['overview']}", ""]
    if model.levels_intro:
        out += [safe_markdown(model.levels_intro), ""]
    overview = mermaid.overview_flowchart(model, ctx.links.diagram(page), words)
    text_version = []
    for level in model.levels:
        text_version += [f"**{ctx.md_link(level.id, page)}**", ""]
        text_version += [*flow_text(ctx, level, page), ""]
    if overview.detail != "steps":
        out += [f'!!! note "{words["overview_reduced_title"]}"', ""]
        out += [indent(words[f"overview_reduced_{overview.detail}"]), ""]
    if overview.chart is None:
        return out + text_version_block(ctx, text_version)
    return out + flowchart_block(ctx, overview.chart, text_version)


def situations(ctx: PageContext, page: str) -> list[str]:
    """Where a worried employee starts: an emergency, a worry, a level, a decision."""
    return [
        *acute(ctx),
        *start_here(ctx, page),
        *level_entries(ctx, page),
        *decisions(ctx, page),
    ]


def acute(ctx: PageContext) -> list[str]:
    """«Akutt»: who to call (the source's contacts, or the national numbers marked as the
    tool's) and the standing rules."""
    model, words = ctx.model, ctx.words
    if not has_acute_section(model, ctx.national_numbers):
        return []
    view = emergency_view(model, ctx.national_numbers)
    out = [f"## {words['sit_acute']} {{#akutt}}", ""]
    if view:
        body = [safe_markdown(view.text), ""]
        for contact in view.contacts:
            line = f"- **{safe_inline(contact.name)}**"
            if contact.phone:
                line += f": {md_link(safe_inline(contact.phone), tel_href(contact.phone))}"
            if contact.hours:
                line += f" ({safe_inline(contact.hours)})"
            body.append(line)
        if view.added_by_tool:
            body += ["", f"*{words['national_note']}*"]
        title = words["national_title"] if view.added_by_tool else words["emergency"]
        out += [f'!!! danger "{title}"', "", indent("\n".join(body)), ""]
    for warning in model.warnings:
        title = warning.title or words["warnings"]
        out += [f'!!! warning "{quoted(title)}"', "", indent(safe_markdown(warning.text)), ""]
    return out


def start_here(ctx: PageContext, page: str) -> list[str]:
    """«Jeg er bekymret – start her»: the guide's first steps, one tap away, and the
    veiviser."""
    words = ctx.words
    starts = [t for t in graph.model_start(ctx.model) if t in ctx.steps or t in ctx.levels]
    if not starts:
        return []
    out = [f"## {words['sit_start']} {{#start-her}}", ""]
    out += [f"{words['sit_start_text']}:", ""]
    out += [f"- {start_link(ctx, target, page)}" for target in starts] + [""]
    if not isinstance(ctx.links, OnePageLinks):
        href = ctx.links.to_page(VEIVISER, page)
        out += [f"[{words['sit_start_wizard']}]({href}){{ .md-button .md-button--primary }}", ""]
    return out


def start_link(ctx: PageContext, target: str, page: str) -> str:
    """A start step: on the site its screen in the veiviser (what to do, the deadline, who,
    the tools and the choices), on the whole-guide page its section."""
    if isinstance(ctx.links, OnePageLinks):
        return ctx.md_link(target, page)
    href = ctx.links.to_page(VEIVISER, page) + f"#vv-{target}"
    return f"[{safe_inline(ctx.target_title(target))}]({href})"


def level_entries(ctx: PageContext, page: str) -> list[str]:
    """One entry per level, with its purpose in one line."""
    if not ctx.model.levels:
        return []
    out = [f"## {ctx.words['sit_levels']} {{#nivaene}}", ""]
    for level in ctx.model.levels:
        line = f"- **{ctx.md_link(level.id, page)}**"
        summary = one_line(level.subtitle or level.purpose)
        out.append(f"{line} – {safe_inline(summary)}" if summary else line)
    return [*out, ""]


def one_line(text: str | None) -> str:
    """The first sentence of a text, without Markdown."""
    if not text:
        return ""
    flat = plain(text)
    found = FIRST_SENTENCE.match(flat)
    return found[1] if found else flat


def decisions(ctx: PageContext, page: str) -> list[str]:
    """«Jeg står ved en beslutning»: every step where the employee chooses the way on."""
    found = [(level, step) for level, step in ctx.model.all_steps() if step.outcomes]
    if not found:
        return []
    words = ctx.words
    out = [f"## {words['sit_decision']} {{#beslutning}}", "", words["sit_decision_text"], ""]
    for level, step in found:
        line = f"- {ctx.md_link(step.id, page)} ({safe_inline(level.name)})"
        if step.question:
            line += f": {safe_inline(step.question)}"
        out.append(line)
    return [*out, ""]
