"""The tool pages: one index of every tool, and one page per tool."""

from __future__ import annotations

from ..markup import indent, md_link, quoted, safe_inline, safe_markdown
from ..model import Level, Step
from ..sitemap import PageEntry
from .context import PageContext


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
        if tool_users(ctx, tool_id):
            out += [f"{words['used_in']}:", ""]
        out += used_in(ctx, tool_id, entry.src)
    return out


def tool_page(ctx: PageContext, entry: PageEntry) -> list[str]:
    words = ctx.words
    tool_id = str(entry.subject)
    tool = ctx.model.tools[tool_id]
    out = [f"# {safe_inline(tool.name)}", ""]
    if tool.description:
        out += [safe_markdown(tool.description), ""]
    if tool.formats:
        out += [f"{words['formats']}: {', '.join(safe_inline(f) for f in tool.formats)}", ""]
    if tool.url:
        out += [f"{md_link(words['tool_link'], tool.url)}{{ .md-button }}", ""]
    else:
        place = ctx.model.place
        place_cap = safe_inline(place[:1].upper() + place[1:])
        message = words["template_missing"].format(place_cap=place_cap)
        out += [f'!!! info "{quoted(tool.name)}"', "", indent(message), ""]
    out += [f"## {words['used_in']}", ""]
    return out + used_in(ctx, tool_id, entry.src)
