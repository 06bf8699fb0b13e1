"""The whole guide on one page, for print and the PDF: a table of contents, then every page
of the site (front page, levels with their charts, roles, tools with blank forms) with its
headings one step down and its links turned into anchors on this page.

Nothing is written twice: each page comes from its own renderer, with `OnePageLinks` in
place of the site's links and the form ids prefixed per tool, so the ids stay unique.
"""

from __future__ import annotations

import re
from dataclasses import replace
from importlib.metadata import PackageNotFoundError, version

from ..links import OnePageLinks, relative_url
from ..markup import html_text, safe_inline
from ..sitemap import PageEntry
from .context import PageContext

HEADING = re.compile(r"^(\s*)(#{1,5}) ")
FOLDED = re.compile(r"^(\s*)\?\?\? ")
EXPLICIT_ID = re.compile(r"\{#([A-Za-z0-9_-]+)")
FENCE = re.compile(r"^\s*```")


def whole_guide_page(ctx: PageContext, entry: PageEntry) -> list[str]:
    from . import RENDERERS  # the renderers of the other page kinds

    words, model = ctx.words, ctx.model
    one_page = replace(ctx, links=OnePageLinks(ctx.sitemap, ctx.links.url_of))
    parts = [page for page in ctx.sitemap.pages if page.kind not in ("whole", "veiviser")]
    out = [f"# {safe_inline(model.title)} – {words['whole_title'].lower()}", ""]
    out += [words["whole_intro"], ""]
    if ctx.pdf_file:
        href = relative_url(ctx.pdf_file, ctx.links.url_of(entry.src))
        out += [
            f'<p class="hv-pdf"><a class="md-button" href="{html_text(href)}" download>'
            f"{html_text(words['pdf_link'])}</a></p>",
            "",
        ]
    out += [f'<p class="hv-versjon">{html_text(version_line(ctx))}</p>', ""]
    out += [f"## {words['contents']} {{#hv-innhold}}", ""]
    for page in parts:
        indent = "    " if page.kind == "tool" else ""  # under the tool index
        link = f"[{safe_inline(page.title)}](#{ctx.sitemap.page_anchor(page.src)})"
        out.append(f"{indent}- {link}")
        if page.kind == "level":
            level = ctx.levels[str(page.subject)]
            out += [f"    - [{safe_inline(step.heading)}](#{step.id})" for step in level.steps]
    out.append("")
    seen: set[str] = set()
    for page in parts:
        prefix = f"{page.subject}-" if page.kind == "tool" else ""
        lines = RENDERERS[page.kind](replace(one_page, id_prefix=prefix), page)
        out += one_step_down(lines, ctx.sitemap.page_anchor(page.src), seen)
    return out


def one_step_down(lines: list[str], anchor: str, seen: set[str]) -> list[str]:
    """A page's lines for the whole-guide page: its title a level-2 heading that starts a
    new printed page, other headings one level down, folded blocks open (paper cannot
    unfold them), and an id met before on the page numbered so that ids stay unique."""
    out: list[str] = []
    in_fence = False
    for number, line in enumerate(lines):
        if FENCE.match(line):
            in_fence = not in_fence
        if in_fence or FENCE.match(line):
            out.append(line)
            continue
        if number == 0 and line.startswith("# "):
            out.append(f"## {line[2:]} {{#{anchor} .hv-side}}")
            seen.add(anchor)
            continue
        line = HEADING.sub(r"\1\2# ", line)
        line = FOLDED.sub(r"\1???+ ", line)
        out.append(EXPLICIT_ID.sub(lambda m: "{#" + unique(m[1], seen), line))
    return out


def unique(ident: str, seen: set[str]) -> str:
    found, number = ident, 1
    while found in seen:
        number += 1
        found = f"{ident}-{number}"
    seen.add(found)
    return found


def version_line(ctx: PageContext) -> str:
    """Which version of the tool made the page, and the date of the source (if known)."""
    try:
        made_with = version("handlingsveileder")
    except PackageNotFoundError:  # run from a checkout that is not installed
        made_with = "?"
    line = ctx.words["made_with"].format(version=made_with)
    source = ctx.model.source
    if source and source.date:
        line += " " + ctx.words["source_dated"].format(date=source.date)
    return line
