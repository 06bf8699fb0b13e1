"""The front page: title, emergency box, introduction, principles, levels and overview."""

from __future__ import annotations

from .. import mermaid
from ..links import OnePageLinks, relative_url
from ..markup import html_text, indent, md_link, safe_inline, safe_markdown
from ..sitemap import WHOLE, PageEntry
from .blocks import emergency_box, flow_text, flowchart_block, legal_list, text_version_block
from .context import PageContext


def front_page(ctx: PageContext, entry: PageEntry) -> list[str]:
    model, words, page = ctx.model, ctx.words, entry.src
    out = [f"# {safe_inline(model.title)}", ""]
    if model.draft:
        out += [f'!!! warning "{words["draft"]}"', "", indent(safe_markdown(model.draft)), ""]
    if model.kommune:
        out += [f"*{safe_inline(model.kommune)}*", ""]
    if model.tagline:
        out += [safe_markdown(model.tagline), ""]
    out += emergency_box(ctx)
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
    """Where to find the whole guide on one page, and as PDF when the build makes one
    (nothing on the whole-guide page itself)."""
    if isinstance(ctx.links, OnePageLinks):
        return []
    line = md_link(ctx.words["whole_link"], ctx.links.to_page(WHOLE, page))
    if ctx.pdf_file:
        href = relative_url(ctx.pdf_file, ctx.links.url_of(page))
        line += f' · <a href="{html_text(href)}" download>{html_text(ctx.words["pdf_link"])}</a>'
    return [line, ""]


def overview(ctx: PageContext, page: str) -> list[str]:
    """The list of levels, then the overview chart with its text version."""
    model, words = ctx.model, ctx.words
    out = [f"## {words['overview']}", ""]
    if model.levels_intro:
        out += [safe_markdown(model.levels_intro), ""]
    for level in model.levels:
        line = f"- {ctx.md_link(level.id, page)}"
        if level.subtitle:
            line += f" – {safe_inline(level.subtitle)}"
        out.append(line)
    out.append("")
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
