"""The tool pages: one index of every tool, and one page per tool."""

from __future__ import annotations

from ..link_safety import site_path
from ..markup import indent, md_link, safe_inline, safe_markdown
from ..model import Level, Step
from ..sitemap import PageEntry
from ..template_library import load_template
from .context import PageContext
from .forms import template_block


def tool_users(ctx: PageContext, tool_id: str) -> list[tuple[Level, Step]]:
    return [(lv, st) for lv, st in ctx.model.all_steps() if tool_id in st.tools]


def used_in(ctx: PageContext, tool_id: str, page: str) -> list[str]:
    users = tool_users(ctx, tool_id)
    if not users:
        return [ctx.words["not_used"], ""]
    return [f"- {ctx.step_ref(lv, st, page)}" for lv, st in users] + [""]


def tools_index(ctx: PageContext, entry: PageEntry) -> list[str]:
    words = ctx.words
    out = [f"# {words['tool_index']}", "", words["tool_intro"], ""]
    for tool_id, tool in ctx.model.tools.items():
        link = ctx.links.to_page(ctx.sitemap.tool_page(tool_id), entry.src)
        out += [f"## [{safe_inline(tool.name)}]({link})", ""]
        kind = tool_kind(ctx, tool_id)
        if kind:
            out += [f"*{kind[:1].upper()}{kind[1:]}*", ""]
        if tool_users(ctx, tool_id):
            out += [f"{words['used_in']}:", ""]
        out += used_in(ctx, tool_id, entry.src)
    return out


def tool_page(ctx: PageContext, entry: PageEntry) -> list[str]:
    words = ctx.words
    tool_id = str(entry.subject)
    tool = ctx.model.tools[tool_id]
    out = [f"# {safe_inline(tool.name)}", ""]
    if tool.aliases:
        names = ", ".join(f"«{safe_inline(alias)}»" for alias in tool.aliases)
        out += [f"{words['also_called']}: {names}", ""]
    if tool.description:
        out += [safe_markdown(tool.description), ""]
    if tool.url:
        if tool.formats:
            out += [f"{words['formats']}: {', '.join(safe_inline(f) for f in tool.formats)}", ""]
        label = words["tool_link"] if site_path(tool.url) is not None else words["tool_site_link"]
        out += [f"{md_link(label, tool.url)}{{ .md-button }}", ""]
    if tool.system:
        out += [words["system"].format(system=f"**{safe_inline(tool.system)}**"), ""]
    if tool.inferred:
        body = indent(safe_markdown(tool.inferred))
        out += [f'!!! note "{words["inferred"]}"', "", body, ""]
    if tool.template:
        out += template_block(ctx, tool.template, tool.omit)
    out += [f"## {words['used_in']}", ""]
    return out + used_in(ctx, tool_id, entry.src)


def tool_kind(ctx: PageContext, tool_id: str) -> str | None:
    """What an employee gets behind a tool link: «skjema», «kommunens fil», «fagsystem» …"""
    tool = ctx.model.tools[tool_id]
    if tool.url:
        return ctx.words["kind_file" if site_path(tool.url) is not None else "kind_link"]
    if tool.template:
        kind = load_template(tool.template, ctx.model.language).kind
        return ctx.words[f"kind_{kind}"]
    if tool.system:
        return ctx.words["kind_system"]
    return None
