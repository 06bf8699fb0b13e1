"""A model as slides: what each slide of the presentation says, in the model's own words.

The order: the title, the contents, the principles, the emergency rules, then per level
its purpose with its chart, one slide per step (the step highlighted in the chart) and one
per exit; a closing slide with where to find the guide. A slide says a step in short (the
first paragraph, the first items of a list); the notes (`trainer_notes` and the step's
whole text) hold the rest. Model text becomes HTML only through `markup`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal

from .. import graph, mermaid
from ..emergency import emergency_view
from ..i18n import labels
from ..links import Href
from ..markup import fragment_html, html_text, inline_html, plain
from ..model import END, Level, Model, Step
from ..review import page_reviewed, reviewed_text
from ..site_footer import about_html
from ..sitemap import SiteMap
from .charts import LevelChart
from .qr import address_qr

SlideKind = Literal[
    "title", "agenda", "principles", "emergency", "level", "step", "exit", "closing"
]
SiteLink = Callable[[str], str | None]
"""The href of a page of the guide's site from its source path ('verktoy/x.md'), or None
where the presentation cannot link the site (a file with no address to link to)."""

SHORT_TEXT = 320
"""The longest text a slide shows of a step's paragraph (characters); the rest is in the
notes and in the guide."""
SHORT_ITEMS = 5
"""The most items of a list a slide shows."""
PRINCIPLES_PER_SLIDE = 4
CONTACTS_PER_SLIDE = 6

TITLE, AGENDA, PRINCIPLES, EMERGENCY, CLOSING = (
    "s--tittel",
    "s--innhold",
    "s--prinsipper",
    "s--akutt",
    "s--slutt",
)
"""Anchors of the slides that are no level, step or exit (ids cannot hold `--`)."""


@dataclass(frozen=True)
class Slide:
    kind: SlideKind
    anchor: str
    """The slide's id in the deck (a step's, a level's id; `<level>--<exit>` for an exit)."""
    title: str
    """The heading (model text: Markdown emphasis allowed)."""
    body: str
    """HTML after the heading."""
    kicker: str = ""
    """A short line above the heading (the level, «Steg 2 av 5»)."""
    notes: str = ""
    """HTML for the notes view."""
    chart: str | None = None
    """The level whose chart the slide shows."""
    highlight: str | None = None
    """The step or exit id whose node the chart highlights."""


@dataclass(frozen=True)
class Deck:
    model: Model
    slides: tuple[Slide, ...]
    charts: dict[str, LevelChart]
    """Each level with steps → its chart."""

    def anchors(self, level_id: str) -> dict[str, str]:
        """Where a node of `level_id`'s chart leads: a step's or level's slide has its id,
        an exit has one slide per level that leads to it (`<level>--<exit>`)."""
        prefix = f"{level_id}--"
        return {
            slide.anchor.removeprefix(prefix): slide.anchor
            for slide in self.slides
            if slide.kind == "exit" and slide.anchor.startswith(prefix)
        }


def build_deck(
    model: Model,
    href: Callable[[str], Href],
    site_link: SiteLink,
    site_url: str | None = None,
    national_numbers: bool = True,
) -> Deck:
    """The slides of `model`. `href(level_id)`: the diagram links of the level's page (the
    charts are the level pages' own, so each is drawn once for both); `site_link`: links
    to the guide's pages; `site_url`: the guide's address, for the closing slide."""
    words = labels(model.language)
    charts = {
        level.id: chart_of(model, level, href(level.id), words)
        for level in model.levels
        if level.steps
    }
    sitemap = SiteMap(model)
    writer = SlideWriter(model, words, sitemap, site_link, national_numbers)
    slides = [
        writer.title(),
        writer.agenda(),
        *writer.principles(),
        *writer.emergency(),
    ]
    for level in model.levels:
        slides += writer.level(level, level.id in charts)
    slides.append(writer.closing(site_url))
    return Deck(model, tuple(slides), charts)


def chart_of(model: Model, level: Level, href: Href, words: dict[str, str]) -> LevelChart:
    chart = mermaid.level_chart(model, level, href, words)
    return LevelChart(level.id, chart.render(), dict(chart.ids))


@dataclass(frozen=True)
class SlideWriter:
    model: Model
    words: dict[str, str]
    sitemap: SiteMap
    site_link: SiteLink
    national_numbers: bool

    def title(self) -> Slide:
        model, words = self.model, self.words
        body = ""
        if model.draft:
            body += f'<p class="hv-slide-draft"><strong>{html_text(words["draft"])}:</strong> '
            body += f"{fragment_html(model.draft)}</p>"
        if model.kommune:
            body += f'<p class="hv-slide-sub">{html_text(model.kommune)}</p>'
        if model.tagline:
            body += f'<p class="hv-slide-lead">{fragment_html(model.tagline)}</p>'
        if model.goals:
            body += f"<h3>{html_text(words['goals'])}</h3>"
            body += items_html(model.goals, self.words, "hv-slide-goals")
        notes = notes_html(
            words,
            model.trainer_notes,
            [model.intro, model.target_group, model.levels_intro],
        )
        return Slide("title", TITLE, model.title, body, notes=notes)

    def agenda(self) -> Slide:
        entries = []
        for level in self.model.levels:
            sub = f" <span>{html_text(level.subtitle)}</span>" if level.subtitle else ""
            entries.append(f'<li><a href="#{level.id}">{html_text(level.name)}</a>{sub}</li>')
        body = f'<ol class="hv-slide-agenda">{"".join(entries)}</ol>'
        notes = notes_html(self.words, None, [self.model.levels_intro])
        return Slide("agenda", AGENDA, self.words["overview"], body, notes=notes)

    def principles(self) -> Iterator[Slide]:
        model, words = self.model, self.words
        chunks = [
            model.principles[i : i + PRINCIPLES_PER_SLIDE]
            for i in range(0, len(model.principles), PRINCIPLES_PER_SLIDE)
        ]
        for number, chunk in enumerate(chunks, start=1):
            entries = "".join(
                f"<li><strong>{html_text(p.title)}</strong> {short_html(p.text, 160)}</li>"
                for p in chunk
            )
            body = f'<ul class="hv-slide-principles">{entries}</ul>'
            full = [f"**{p.title}**: {p.text}" for p in chunk]
            notes = notes_html(words, None, [model.principles_intro, *full, model.principles_outro])
            anchor = PRINCIPLES if number == 1 else f"{PRINCIPLES}-{number}"
            yield Slide("principles", anchor, words["principles"], body, notes=notes)

    def emergency(self) -> Iterator[Slide]:
        model, words = self.model, self.words
        view = emergency_view(model, self.national_numbers)
        if view is None and not model.warnings:
            return
        body = ""
        notes: list[str | None] = []
        title = words["emergency"]
        if view is not None:
            if view.added_by_tool:
                title = words["national_title"]
            body += f'<div class="hv-slide-lead">{fragment_html(view.text)}</div>'
            contacts = []
            for contact in view.contacts[:CONTACTS_PER_SLIDE]:
                phone = ""
                if contact.phone:
                    dial = "".join(ch for ch in contact.phone if ch.isdigit() or ch == "+")
                    phone = (
                        f' <a class="hv-contact-phone" href="tel:{dial}">'
                        f"{html_text(contact.phone)}</a>"
                    )
                hours = (
                    contact.hours
                    and f' <span class="hv-contact-hours">({html_text(contact.hours)})</span>'
                )
                contacts.append(
                    f'<li><span class="hv-contact-name">{html_text(contact.name)}</span>'
                    f"{phone}{hours if contact.hours else ''}</li>"
                )
            body += f'<ul class="hv-slide-contacts">{"".join(contacts)}</ul>'
            if view.added_by_tool:
                body += f'<p class="hv-slide-tool">{html_text(words["national_note"])}</p>'
            more = view.contacts[CONTACTS_PER_SLIDE:]
            notes += [f"{c.name} {c.phone or ''} {c.hours or ''}" for c in more]
        if model.warnings:
            rules = "".join(
                "<li>"
                + (f"<strong>{html_text(w.title)}</strong> " if w.title else "")
                + short_html(w.text, 200)
                + "</li>"
                for w in model.warnings
            )
            body += f"<h3>{html_text(words['warnings'])}</h3>"
            body += f'<ul class="hv-slide-rules">{rules}</ul>'
            notes += [w.text for w in model.warnings]
        yield Slide("emergency", EMERGENCY, title, body, notes=notes_html(words, None, notes))

    def level(self, level: Level, charted: bool) -> list[Slide]:
        words = self.words
        body = ""
        if level.subtitle:
            body += f'<p class="hv-slide-lead">{html_text(level.subtitle)}</p>'
        if level.purpose:
            body += short_html(level.purpose, SHORT_TEXT, block=True)
        if level.steps:
            entries = "".join(
                f'<li><a href="#{step.id}">{inline_html(step.heading)}</a></li>'
                for step in level.steps
            )
            body += f"<h3>{html_text(words['deck_steps'])}</h3>"
            body += f'<ol class="hv-slide-steps">{entries}</ol>'
        elif level.next:
            body += self.next_html(level.next, level.inferred, level)
        notes = notes_html(words, level.trainer_notes, [level.purpose])
        chart = level.id if charted else None
        slides = [Slide("level", level.id, level.name, body, notes=notes, chart=chart)]
        for number, step in enumerate(level.steps, start=1):
            kicker = f"{level.name} · " + words["deck_step_of"].format(
                number=number, count=len(level.steps)
            )
            slides.append(self.step(level, step, kicker, chart))
        for exit_id in graph.level_exits(self.model, level):
            slides.append(self.exit(level, exit_id, chart))
        return slides

    def step(self, level: Level, step: Step, kicker: str, chart: str | None) -> Slide:
        words = self.words
        body = facts_html(self.model, step, words)
        if step.text:
            body += short_html(step.text, SHORT_TEXT, block=True)
        if step.checklist:
            body += items_html(step.checklist, words)
        if step.tools:
            body += f"<h3>{html_text(words['tools'])}</h3>" + self.tools_html(step.tools)
        follows = graph.successors(level, step)
        if step.question or step.outcomes:
            body += self.outcomes_html(step, follows, level)
        if follows.plain:
            body += self.next_html(follows.plain, step.inferred, level)
        elif step.end and not follows.outcomes:
            body += f'<p class="hv-slide-next">{html_text(words["may_end"])}</p>'
        elif step.open is not None:
            body += f'<p class="hv-slide-next">{html_text(words["open_end"])}.</p>'
        whole = [
            step.note,
            step.text,
            *step.checklist,
            *[f"{words['questions']}: {q}" for q in step.questions],
            *[f"{words['documentation']}: {d}" for d in step.documentation],
            *[f"{o.label}: {o.text}" for o in step.outcomes if o.text],
            step.after,
        ]
        notes = notes_html(words, step.trainer_notes, whole)
        return Slide("step", step.id, step.heading, body, kicker, notes, chart, highlight=step.id)

    def exit(self, level: Level, exit_id: str, chart: str | None) -> Slide:
        words = self.words
        way_out = self.model.exits[exit_id]
        title = way_out.label or words[f"exit_{way_out.kind}"]
        kicker = level.name + (f" · {words[f'exit_{way_out.kind}']}" if way_out.label else "")
        body = ""
        if way_out.text:
            body += short_html(way_out.text, SHORT_TEXT, block=True)
        if way_out.tools:
            body += f"<h3>{html_text(words['tools'])}</h3>" + self.tools_html(way_out.tools)
        sources = [
            f'<a href="#{step.id}">{inline_html(step.heading)}</a>'
            for step in level.steps
            if exit_id in graph.successors(level, step).targets()
        ]
        if sources:
            body += (
                f'<p class="hv-slide-next"><strong>{html_text(words["deck_leads_here"])}:'
                f"</strong> {', '.join(sources)}</p>"
            )
        notes = notes_html(words, None, [way_out.text])
        anchor = f"{level.id}--{exit_id}"
        return Slide("exit", anchor, title, body, kicker, notes, chart, highlight=exit_id)

    def closing(self, site_url: str | None) -> Slide:
        model, words = self.model, self.words
        body = f'<p class="hv-slide-lead">{html_text(words["deck_find_text"])}</p>'
        front = self.site_link("index.md")
        address = site_url or front
        if address:
            shown = site_url or model.title
            body += (
                f'<p class="hv-slide-address"><a href="{html_text(address)}">'
                f"{html_text(shown)}</a></p>"
            )
        else:
            body += f'<p class="hv-slide-address">{html_text(model.title)}</p>'
        if site_url and site_url.startswith(("https://", "http://")):
            body += address_qr(site_url, words["deck_scan"])
        body += about_html(model)
        reviewed = reviewed_text(page_reviewed(model), model.language)
        body += f'<p class="hv-slide-reviewed">{html_text(reviewed)}</p>'
        if model.source:
            source = model.source.title + (f" ({model.source.date})" if model.source.date else "")
            body += f'<p class="hv-slide-source">{html_text(source)}</p>'
        return Slide("closing", CLOSING, words["deck_find"], body)

    def tools_html(self, tool_ids: tuple[str, ...]) -> str:
        entries = []
        for tool_id in tool_ids:
            name = html_text(self.model.tools[tool_id].name)
            href = self.site_link(self.sitemap.tool_page(tool_id))
            entries.append(
                f'<li><a href="{html_text(href)}">{name}</a></li>' if href else f"<li>{name}</li>"
            )
        return f'<ul class="hv-slide-tools">{"".join(entries)}</ul>'

    def target_html(self, target: str, level: Level) -> str:
        """A step, level or exit as a link to its slide (an exit: its slide in `level`, the
        level the link stands in); the end as a word."""
        if target == END:
            return html_text(self.words["end_inline"])
        if target in self.model.exits:
            way_out = self.model.exits[target]
            name = way_out.label or self.words[f"exit_{way_out.kind}"]
            return f'<a href="#{level.id}--{target}">{html_text(name)}</a>'
        if target in self.model.level_index:
            return f'<a href="#{target}">{html_text(self.model.level_index[target].name)}</a>'
        return f'<a href="#{target}">{inline_html(self.model.step_index[target][1].heading)}</a>'

    def next_html(self, targets: tuple[str, ...], inferred: str | None, level: Level) -> str:
        shown = ", ".join(self.target_html(t, level) for t in targets)
        guessed = f" ({html_text(self.words['inferred_short'])})" if inferred else ""
        label = html_text(self.words["next"])
        return f'<p class="hv-slide-next"><strong>{label}:</strong> {shown}{guessed}</p>'

    def outcomes_html(self, step: Step, follows: graph.Successors, level: Level) -> str:
        words = self.words
        heading = words["question"] + (f": {plain(step.question)}" if step.question else "")
        out = f"<h3>{html_text(heading)}</h3>"
        entries = []
        for outcome, goto in follows.outcomes:
            targets = ", ".join(self.target_html(t, level) for t in goto)
            deadline = (
                f' <span class="hv-slide-deadline">({html_text(words["deadline"])}: '
                f"{html_text(outcome.deadline)})</span>"
                if outcome.deadline
                else ""
            )
            entries.append(
                f"<li><strong>{inline_html(outcome.short or outcome.label)}</strong>"
                f"{deadline} → {targets}</li>"
            )
        return out + (f'<ol class="hv-slide-outcomes">{"".join(entries)}</ol>' if entries else "")


def facts_html(model: Model, step: Step, words: dict[str, str]) -> str:
    """Deadline and responsible, as a definition list."""
    rows = []
    if step.deadline:
        rows.append((words["deadline"], html_text(step.deadline)))
    names = [html_text(model.roles[rid].name) for rid in step.responsible]
    names += [html_text(step.who)] if step.who else []
    if names:
        rows.append((words["responsible"], ", ".join(names)))
    if not rows:
        return ""
    inner = "".join(f"<div><dt>{html_text(dt)}</dt><dd>{dd}</dd></div>" for dt, dd in rows)
    return f'<dl class="hv-slide-facts">{inner}</dl>'


def short_html(text: str, limit: int, block: bool = False) -> str:
    """A slide's short form of model text: its first paragraph (of a list, the first
    `SHORT_ITEMS` lines) as HTML when it is short enough, else cut at a word as plain text
    with «…». The whole text stands in the notes and in the guide."""
    first = text.strip().split("\n\n", 1)[0]
    if is_list(first):
        first = "\n".join(first.splitlines()[:SHORT_ITEMS])
    if len(first) <= limit:
        shown = fragment_html(first)
    else:
        shown = html_text(plain(first)[:limit].rsplit(" ", 1)[0].rstrip(",.;:")) + "…"
    if block and not shown.startswith(("<p>", "<ul>", "<ol>", "<blockquote>")):
        return f"<p>{shown}</p>"
    return shown


def is_list(block: str) -> bool:
    first = block.lstrip()
    return first.startswith(("- ", "* ", "+ ")) or first[:3].rstrip(".").isdigit()


def items_html(items: tuple[str, ...], words: dict[str, str], css: str = "") -> str:
    """A list of model texts, at most `SHORT_ITEMS` of them (the rest in the notes)."""
    shown = "".join(f"<li>{fragment_html(item)}</li>" for item in items[:SHORT_ITEMS])
    rest = len(items) - SHORT_ITEMS
    if rest > 0:
        more = html_text(words["deck_more_items"].format(count=rest))
        shown += f'<li class="hv-slide-more">{more}</li>'
    return f'<ul class="{css}">{shown}</ul>' if css else f"<ul>{shown}</ul>"


def notes_html(words: dict[str, str], trainer: str | None, texts: list[str | None]) -> str:
    """The notes view of a slide: the editor's notes for the presenter, then the guide's own
    words in full (what the slide shortens)."""
    out = ""
    if trainer:
        out += f"<h3>{html_text(words['deck_trainer_notes'])}</h3>"
        out += f'<div class="hv-notes-trainer">{fragment_html(trainer)}</div>'
    given = [text for text in texts if text]
    if given:
        out += f"<h3>{html_text(words['deck_from_guide'])}</h3>"
        out += "".join(f"<div>{fragment_html(text)}</div>" for text in given)
    return out
