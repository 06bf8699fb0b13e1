"""Data → Markdown pages. Pure and deterministic: the same model gives the same text.

`url_of` maps a page's source path ('niva-0.md') to its URL on the site ('niva-0/'):
MkDocs supplies it from `File.url`, the exporter from the directory-URL convention. It is
needed only for links inside diagrams, which MkDocs does not rewrite.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from . import graph, mermaid
from .i18n import labels
from .model import END, Level, Model, Outcome, Step, Tool
from .text import indent, plain, safe_inline, safe_markdown
from .urlpaths import relative_src, relative_url

UrlOf = Callable[[str], str]
INDEX = "index.md"
TOOLS_DIR = "verktoy"
TOOLS_INDEX = f"{TOOLS_DIR}/index.md"


@dataclass(frozen=True)
class Page:
    src_uri: str
    title: str
    markdown: str


def level_src(level: Level) -> str:
    return f"{level.id}.md"


def tool_src(tool_id: str) -> str:
    return f"{TOOLS_DIR}/{tool_id}.md"


def nav(model: Model) -> list[dict[str, object]]:
    """The site's navigation: front page, one entry per level, then the tools."""
    words = labels(model.language)
    entries: list[dict[str, object]] = [{words["front"]: INDEX}]
    entries.extend({level.name: level_src(level)} for level in model.levels)
    if model.tools:
        tools: list[object] = [{words["tool_index"]: TOOLS_INDEX}]
        tools.extend({tool.name: tool_src(tid)} for tid, tool in model.tools.items())
        entries.append({words["tools"]: tools})
    return entries


def render_pages(model: Model, url_of: UrlOf) -> list[Page]:
    """Every page of the site for `model`, in navigation order."""
    renderer = PageRenderer(model, url_of)
    pages = [renderer.front_page()]
    pages.extend(renderer.level_page(level) for level in model.levels)
    if model.tools:
        pages.append(renderer.tools_index())
        pages.extend(renderer.tool_page(tid, tool) for tid, tool in model.tools.items())
    return pages


def tel_href(number: str) -> str:
    return "tel:" + re.sub(r"[^0-9+]", "", number)


def announce_html(model: Model) -> str:
    """The emergency bar shown above every page: who to call and the standing warnings."""
    words = labels(model.language)
    parts = []
    if model.emergency:
        contacts = []
        for contact in model.emergency.contacts:
            item = f"<strong>{html.escape(contact.name)}</strong>"
            if contact.phone:
                item += (
                    f' <a href="{html.escape(tel_href(contact.phone))}" class="hv-tel">'
                    f"{html.escape(contact.phone)}</a>"
                )
            if contact.hours:
                item += f" ({html.escape(contact.hours)})"
            contacts.append(f"<li>{item}</li>")
        parts.append(
            f'<p class="hv-akutt__tekst"><strong>{html.escape(words["emergency"])}:</strong> '
            f"{html.escape(plain(model.emergency.text))}</p>"
            f'<ul class="hv-akutt__kontakter">{"".join(contacts)}</ul>'
        )
    for warning in model.warnings:
        title = f"<strong>{html.escape(warning.title or words['warnings'])}:</strong> "
        parts.append(f'<p class="hv-akutt__regel">{title}{html.escape(plain(warning.text))}</p>')
    if not parts:
        return ""
    region = f'<div class="hv-akutt" role="region" aria-label="{words["emergency"]}">'
    return region + "".join(parts) + "</div>"


class PageRenderer:
    def __init__(self, model: Model, url_of: UrlOf) -> None:
        self.model = model
        self.url_of = url_of
        self.words = labels(model.language)
        self.steps = model.step_index()
        self.levels = model.level_index()

    # -- links ----------------------------------------------------------------------

    def target_src(self, target: str) -> tuple[str, str]:
        """Source page and anchor of a step or level id."""
        if target in self.levels:
            return level_src(self.levels[target]), ""
        level, _ = self.steps[target]
        return level_src(level), target

    def md_link(self, target: str, page: str) -> str:
        """A Markdown link to a step or level, from source page `page`."""
        src, anchor = self.target_src(target)
        path = "" if src == page else relative_src(src, page)
        href = f"{path}#{anchor}" if anchor else (path or "#")
        return f"[{safe_inline(self.target_title(target))}]({href})"

    def target_title(self, target: str) -> str:
        if target == END:
            return self.words["end"]
        if target in self.levels:
            return self.levels[target].name
        return mermaid.step_label(self.steps[target][1])

    def href(self, page: str) -> mermaid.Href:
        """Diagram hrefs for the page `page`: computed from the pages' real URLs."""
        page_url = self.url_of(page)

        def href(target: str) -> str:
            src, anchor = self.target_src(target)
            if src == page:
                return f"#{anchor}" if anchor else "#"
            url = relative_url(self.url_of(src), page_url)
            return f"{url}#{anchor}" if anchor else url

        return href

    def target_text(self, target: str, page: str) -> str:
        if target == END:
            return self.words["end_inline"]
        return self.md_link(target, page)

    # -- pieces ---------------------------------------------------------------------

    def emergency_box(self) -> list[str]:
        model = self.model
        out: list[str] = []
        if model.emergency:
            body = [safe_markdown(model.emergency.text), ""]
            for contact in model.emergency.contacts:
                line = f"- **{safe_inline(contact.name)}**"
                if contact.phone:
                    line += f": [{safe_inline(contact.phone)}]({tel_href(contact.phone)})"
                if contact.hours:
                    line += f" ({safe_inline(contact.hours)})"
                body.append(line)
            out += [f'!!! danger "{self.words["emergency"]}"', "", indent("\n".join(body)), ""]
        for warning in model.warnings:
            title = warning.title or self.words["warnings"]
            out += [
                f'!!! warning "{quoted(title)}"',
                "",
                indent(safe_markdown(warning.text)),
                "",
            ]
        return out

    def flowchart_block(self, chart: str, text_version: list[str]) -> list[str]:
        return [
            "```mermaid",
            chart.rstrip("\n"),
            "```",
            "",
            f'??? info "{self.words["text_version"]}"',
            "",
            indent("\n".join(text_version)),
            "",
        ]

    def flow_text(self, level: Level, page: str) -> list[str]:
        """The text version of a level's flowchart: every step, where it leads and why."""
        out = []
        entries = graph.level_entries(level)
        if level.steps:
            label = self.words["starts_together"] if len(entries) > 1 else self.words["starts_with"]
            out.append(f"{label}: " + ", ".join(self.md_link(e, page) for e in entries) + ".")
            out.append("")
        for step in level.steps:
            follows = graph.successors(level, step)
            out.append(f"1. {self.md_link(step.id, page)}")
            if follows.plain:
                targets = ", ".join(self.target_text(t, page) for t in follows.plain)
                out.append(f"    - {self.words['next']}: {targets}")
            for outcome, goto in follows.outcomes:
                targets = ", ".join(self.target_text(t, page) for t in goto)
                out.append(
                    f"    - {safe_inline(outcome.short or outcome.label)} "
                    f"{self.words['leads_to']} {targets}"
                )
            if step.end and END not in follows.targets():
                out.append(f"    - {self.words['may_end']}")
        for target in level.next:
            out.append(f"- {self.words['next']}: {self.target_text(target, page)}")
        return out

    # -- pages ----------------------------------------------------------------------

    def front_page(self) -> Page:
        model, words = self.model, self.words
        out = [f"# {safe_inline(model.title)}", ""]
        if model.kommune:
            out += [f"*{safe_inline(model.kommune)}*", ""]
        if model.tagline:
            out += [safe_markdown(model.tagline), ""]
        out += self.emergency_box()
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
                item = f"- **{safe_inline(principle.title)}:** {safe_inline(principle.text)}"
                out.append(item)
            out.append("")
            if model.principles_outro:
                out += [safe_markdown(model.principles_outro), ""]
        for section in model.sections:
            out += [f"## {safe_inline(section.title)}", "", safe_markdown(section.text), ""]
            out += self.legal_list(section.legal)
        out += [f"## {words['overview']}", ""]
        if model.levels_intro:
            out += [safe_markdown(model.levels_intro), ""]
        for level in model.levels:
            line = f"- {self.md_link(level.id, INDEX)}"
            if level.subtitle:
                line += f" – {safe_inline(level.subtitle)}"
            out.append(line)
        out.append("")
        chart = mermaid.overview_flowchart(model, self.href(INDEX), words)
        text_version = []
        for level in model.levels:
            text_version += [f"**{self.md_link(level.id, INDEX)}**", ""]
            text_version += [*self.flow_text(level, INDEX), ""]
        out += self.flowchart_block(chart, text_version)
        if model.source:
            source = safe_inline(model.source.title)
            if model.source.url:
                source = f"[{source}]({model.source.url})"
            if model.source.date:
                source += f", {safe_inline(model.source.date)}"
            out += [f"{words['source']}: {source}", ""]
        return Page(INDEX, model.title, finish(out))

    def level_page(self, level: Level) -> Page:
        page = level_src(level)
        out = [f"# {safe_inline(level.name)}", ""]
        if level.subtitle:
            out += [f"**{safe_inline(level.subtitle)}**", ""]
        if level.purpose:
            out += [safe_markdown(level.purpose), ""]
        if level.steps:
            out += [f"## {self.words['flowchart']}", ""]
            chart = mermaid.level_flowchart(self.model, level, self.href(page), self.words)
            out += self.flowchart_block(chart, self.flow_text(level, page))
        elif level.next:
            out += [*self.flow_text(level, page), ""]
        for step in level.steps:
            out += self.step_section(level, step, page)
        return Page(page, level.name, finish(out))

    def step_section(self, level: Level, step: Step, page: str) -> list[str]:
        words, model = self.words, self.model
        out = [f"## {safe_inline(mermaid.step_label(step))} {{#{step.id}}}", ""]
        facts = []
        if step.deadline:
            facts += [words["deadline"], f":   {safe_inline(step.deadline)}", ""]
        if step.responsible:
            roles = ", ".join(safe_inline(model.roles[rid].name) for rid in step.responsible)
            facts += [words["responsible"], f":   {roles}", ""]
        if step.documentation:
            facts += [words["documentation"]]
            facts += [f":   {safe_inline(item)}" for item in step.documentation] + [""]
        if facts:
            out += ['<div class="hv-fakta" markdown>', "", *facts, "</div>", ""]
        if step.note:  # before the text it is about
            out += [f'!!! note "{words["note"]}"', "", indent(safe_markdown(step.note)), ""]
        if step.text:
            out += [safe_markdown(step.text), ""]
        if step.checklist:
            out += [f"- {safe_inline(item)}" for item in step.checklist] + [""]
        if step.questions:
            out += [f"**{words['questions']}**", ""]
            out += [f"- {safe_inline(item)}" for item in step.questions] + [""]
        if step.tools:
            out += [f"**{words['tools']}**", ""]
            out += [self.tool_item(tid, page) for tid in step.tools] + [""]
        if step.resources:
            out += [f"**{words['resources']}**", ""]
            for rid in step.resources:
                resource = model.resources[rid]
                name = safe_inline(resource.name)
                item = f"- [{name}]({resource.url})" if resource.url else f"- {name}"
                if resource.description:
                    item += f"  \n  {safe_inline(resource.description)}"
                out.append(item)
            out.append("")
        out += self.legal_list(step.legal)
        if step.after:
            out += [safe_markdown(step.after), ""]
        if step.outcomes_intro:
            out += [safe_markdown(step.outcomes_intro), ""]
        if step.outcomes:
            if not step.outcomes_intro:
                out += [f"**{words['outcomes']}**", ""]
            for number, outcome in enumerate(step.outcomes, start=1):
                out += self.outcome_item(number, outcome, page)
            out.append("")
        follows = graph.successors(level, step)
        if follows.plain:
            targets = ", ".join(self.target_text(t, page) for t in follows.plain)
            out += [f'<p class="hv-videre" markdown>**{words["next"]}:** {targets}</p>', ""]
        elif step.end:
            out += [f'<p class="hv-videre" markdown>{words["may_end"]}</p>', ""]
        return out

    def outcome_item(self, number: int, outcome: Outcome, page: str) -> list[str]:
        out = [f"{number}. **{safe_inline(outcome.label)}**"]
        if outcome.text:
            out += ["", indent(safe_markdown(outcome.text))]
        targets = ", ".join(self.target_text(t, page) for t in outcome.goto)
        out += ["", indent(f"→ {self.words['go_to']}: {targets}"), ""]
        return out

    def tool_item(self, tool_id: str, page: str) -> str:
        tool = self.model.tools[tool_id]
        return f"- [{safe_inline(tool.name)}]({relative_src(tool_src(tool_id), page)})"

    def legal_list(self, ids: Iterable[str]) -> list[str]:
        ids = list(ids)
        if not ids:
            return []
        out = [f"**{self.words['legal']}**", ""]
        for lid in ids:
            ref = self.model.legal[lid]
            name = safe_inline(ref.name)
            item = f"- [{name}]({ref.url})" if ref.url else f"- {name}"
            if ref.text:
                item += f": {safe_inline(ref.text)}"
            out.append(item)
        return [*out, ""]

    def tool_users(self, tool_id: str) -> list[tuple[Level, Step]]:
        return [(lv, st) for lv, st in self.model.all_steps() if tool_id in st.tools]

    def tools_index(self) -> Page:
        words = self.words
        out = [f"# {words['tool_index']}", "", words["tool_intro"], ""]
        for tool_id, tool in self.model.tools.items():
            link = relative_src(tool_src(tool_id), TOOLS_INDEX)
            out += [f"## [{safe_inline(tool.name)}]({link})", ""]
            users = self.tool_users(tool_id)
            if users:
                out += [f"{words['used_in']}:", ""]
                out += [f"- {self.step_ref(lv, st, TOOLS_INDEX)}" for lv, st in users] + [""]
            else:
                out += [words["not_used"], ""]
        return Page(TOOLS_INDEX, words["tool_index"], finish(out))

    def step_ref(self, level: Level, step: Step, page: str) -> str:
        link = relative_src(level_src(level), page)
        return (
            f"[{safe_inline(mermaid.step_label(step))}]({link}#{step.id}) "
            f"({safe_inline(level.name)})"
        )

    def tool_page(self, tool_id: str, tool: Tool) -> Page:
        words = self.words
        page = tool_src(tool_id)
        out = [f"# {safe_inline(tool.name)}", ""]
        if tool.description:
            out += [safe_markdown(tool.description), ""]
        if tool.formats:
            out += [f"{words['formats']}: {', '.join(safe_inline(f) for f in tool.formats)}", ""]
        if tool.url:
            out += [f"[{words['tool_link']}]({tool.url}){{ .md-button }}", ""]
        else:
            place = self.model.place
            message = words["template_missing"].format(place_cap=place[:1].upper() + place[1:])
            out += [f'!!! info "{quoted(tool.name)}"', "", indent(message), ""]
        users = self.tool_users(tool_id)
        out += [f"## {words['used_in']}", ""]
        if users:
            out += [f"- {self.step_ref(lv, st, page)}" for lv, st in users] + [""]
        else:
            out += [words["not_used"], ""]
        return Page(page, tool.name, finish(out))


def quoted(text: str) -> str:
    """Text for an admonition title in double quotes."""
    return safe_inline(text).replace('"', "&quot;")


def finish(lines: list[str]) -> str:
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip() + "\n"
