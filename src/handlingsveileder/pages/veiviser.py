"""The veiviser: the guide one screen at a time, generated from the same graph as the diagrams.

Every screen of `wizard.screens` is a section of this page and every choice a link to the
screen it leads to, so the page works as plain linked text without a script. The script
(`theme/assets/hv/veiviser.js`) shows one screen at a time, keeps the walk in the URL
fragment (`#vei=step:1,step:0,step`), draws «Dine valg» and marks the current place in the
level's flowchart and its text version. Nothing is stored.
"""

from __future__ import annotations

from collections.abc import Mapping

from .. import mermaid
from ..emergency import has_acute_section
from ..links import relative_url
from ..markup import html_text, indent, plain, safe_inline, safe_markdown
from ..model import END, Step
from ..sitemap import INDEX, PageEntry
from ..wizard import Choice, Screen, first_screen, screens
from .blocks import flow_text, flowchart_block
from .context import PageContext
from .level import exit_body, step_body

SCREEN_PREFIX = "vv-"
"""A screen's element id: `vv-<screen id>` (the page's links without the script)."""


def veiviser_page(ctx: PageContext, entry: PageEntry) -> list[str]:
    words, page = ctx.words, entry.src
    all_screens = screens(ctx.model)
    out = ["---", "hide:", "  - toc", "search:", "  exclude: true", "---", ""]
    out += [f"# {html_text(words['veiviser_title'])}", "", words["veiviser_intro"], ""]
    texts = {
        "data-hv-tekst-tilbake": words["vv_back_to"],
        "data-hv-tekst-endre": words["vv_change_in"],
        "data-hv-tekst-endre-kort": words["vv_change"],
    }
    attrs = " ".join(f'{name}="{html_text(value)}"' for name, value in texts.items())
    out += [
        f'<div class="hv-vv" data-hv-veiviser="{html_text(first_screen(ctx.model))}" '
        f"{attrs} markdown>",
        "",
        '<div class="hv-vv-styring" data-hv-styring hidden>'
        f'<button type="button" class="md-button" data-hv-tilbake>{words["vv_back"]}</button> '
        f'<button type="button" class="md-button" data-hv-omstart>{words["vv_restart"]}</button>'
        f"{acute_link(ctx, page)}</div>",
        "",
    ]
    for _, step in ctx.model.all_steps():
        for number in range(len(step.outcomes)):
            out += chosen_box(ctx, step, number)
    for screen in all_screens.values():
        out += screen_section(ctx, screen, all_screens, page)
    out += [
        '<section class="hv-vv-dine" data-hv-dine hidden aria-labelledby="vv-dine-tittel">'
        f'<h2 id="vv-dine-tittel">{html_text(words["vv_choices"])}</h2>'
        f"<p data-hv-ingen>{html_text(words['vv_no_choices'])}</p>"
        "<ol data-hv-liste></ol></section>",
        "",
        "</div>",
        "",
    ]
    return out + charts(ctx, page)


def acute_link(ctx: PageContext, page: str) -> str:
    """«Akutt» beside the controls: the front page's emergency section, one tap away on every
    screen (on a phone the emergency line at the bottom is there as well)."""
    if not has_acute_section(ctx.model, ctx.national_numbers):
        return ""
    href = relative_url(ctx.links.url_of(INDEX), ctx.links.url_of(page)) + "#akutt"
    return (
        f' <a class="md-button hv-vv-akutt" href="{html_text(href)}">'
        f"{html_text(ctx.words['emergency'])}</a>"
    )


def step_name(ctx: PageContext, step: Step) -> str:
    """«Steg 4» (or «Steget «Tittel»» when the source gives no number), for controls."""
    if step.number:
        return ctx.words["vv_step"].format(number=step.number)
    return ctx.words["vv_step_titled"].format(title=step.title)


def screen_name(ctx: PageContext, screen: Screen) -> str:
    """How controls name a screen («Steg 4», a level's or an exit's name)."""
    if screen.kind == "step":
        return step_name(ctx, ctx.steps[screen.id][1])
    if screen.kind == "fork":
        return step_name(ctx, ctx.steps[screen.id.split("~")[0]][1])
    if screen.kind == "start":
        return ctx.words["vv_start_title"]
    if screen.kind == "end":
        return ctx.words["vv_end_title"]
    return ctx.target_title(screen.id)


def screen_title(ctx: PageContext, screen: Screen) -> str:
    if screen.kind == "step":
        step = ctx.steps[screen.id][1]
        return f"{step_name(ctx, step)}: {step.title}" if step.number else step.title
    if screen.kind == "fork":
        return ctx.words["vv_fork_title"]
    return screen_name(ctx, screen)


# Text inside the sections' HTML elements is read as Markdown (md_in_html), so it goes
# through safe_inline; attribute values and the buttons' raw HTML through html_text.
def screen_section(
    ctx: PageContext, screen: Screen, all_screens: Mapping[str, Screen], page: str
) -> list[str]:
    sid = SCREEN_PREFIX + screen.id
    level = f' data-hv-niva="{html_text(screen.level)}"' if screen.level else ""
    name = html_text(screen_name(ctx, screen))
    out = [
        f'<section class="hv-vv-skjerm" id="{html_text(sid)}" '
        f'data-hv-skjerm="{html_text(screen.id)}" data-hv-navn="{name}"{level} '
        f'aria-labelledby="{html_text(sid)}-tittel" markdown>',
        "",
    ]
    if screen.level and screen.kind != "level":
        out += [f'<p class="hv-vv-niva">{safe_inline(ctx.levels[screen.level].name)}</p>', ""]
    out += [
        f'<h2 id="{html_text(sid)}-tittel" tabindex="-1">'
        f"{safe_inline(screen_title(ctx, screen))}</h2>",
        "",
    ]
    out += screen_body(ctx, screen, page)
    out += choice_block(ctx, screen, all_screens)
    return [*out, "</section>", ""]


def screen_body(ctx: PageContext, screen: Screen, page: str) -> list[str]:
    words, model = ctx.words, ctx.model
    if screen.kind == "step":
        step = ctx.steps[screen.id][1]
        out = step_body(ctx, step, page)
        if not screen.choices:
            if step.open is not None:
                note = f"**{words['open_end']}.** {safe_inline(step.open)}"
                return [*out, note, "", *advice(ctx, "open")]
            return [*out, words["may_end"], "", *advice(ctx, "end")]
        if step.outcomes:
            question = safe_inline(step.question) if step.question else words["vv_choose"]
            out += [f'<p class="hv-vv-sporsmal" markdown>**{question}**</p>', ""]
            if step.outcomes_intro:
                out += [safe_markdown(step.outcomes_intro), ""]
        elif len(screen.choices) > 1:
            out += [words["vv_together"], ""]
        return out
    if screen.kind == "level":
        level = ctx.levels[screen.id]
        out = [f"**{safe_inline(level.subtitle)}**", ""] if level.subtitle else []
        if level.purpose:
            out += [safe_markdown(level.purpose), ""]
        href = ctx.links.to_page(ctx.sitemap.level_page(level.id), page)
        out += [f"[{words['vv_read_level']}]({href})", ""]
        if len(screen.choices) > 1:
            out += [words["vv_together"], ""]
        return out if screen.choices else out + advice(ctx, "open")
    if screen.kind == "exit":
        way_out = model.exits[screen.id]
        out = [f"**{ctx.exit_kind(screen.id)}**", ""] if way_out.label else []
        return out + exit_body(ctx, screen.id, page) + advice(ctx, way_out.kind)
    if screen.kind == "end":
        return [words["may_end"], "", *advice(ctx, "end")]
    return [words["vv_together"], ""]


def advice(ctx: PageContext, kind: str) -> list[str]:
    """«Hva nå?»: the tool's general advice where the guide's own steps stop, marked as the
    publishing tool's words."""
    words = ctx.words
    body = f"{words[f'vv_advice_{kind}']}\n\n*{words['vv_advice']}.*"
    return [f'!!! tip "{words["vv_what_now"]}"', "", indent(body), ""]


def choice_block(ctx: PageContext, screen: Screen, all_screens: Mapping[str, Screen]) -> list[str]:
    """The screen's choices as buttons: links to the screens they lead to."""
    if not screen.choices:
        return []
    here = html_text(screen_name(ctx, screen))
    buttons = []
    for number, choice in enumerate(screen.choices):
        answer = choice.outcome is not None
        prefix = ctx.words["vv_answer" if answer else "vv_onward"].format(step=here)
        label, detail = choice_label(ctx, screen, all_screens[choice.target], choice)
        extra = f'<span class="hv-vv-frist">{html_text(detail)}</span>' if detail else ""
        css = "md-button hv-vv-knapp" + (" hv-vv-svar" if answer else "")
        buttons.append(
            f'<li><a class="{css}" href="#{html_text(SCREEN_PREFIX + choice.target)}" '
            f'data-hv-nr="{number}" data-hv-til="{html_text(choice.target)}">'
            f'<span class="hv-sr">{prefix} </span>{html_text(label)}{extra}</a></li>'
        )
    return [f'<ul class="hv-vv-valg">{"".join(buttons)}</ul>', ""]


def choice_label(
    ctx: PageContext, screen: Screen, target: Screen, choice: Choice
) -> tuple[str, str]:
    """A button's text and its small print (an outcome's deadline)."""
    if choice.outcome is not None:
        outcome = ctx.steps[screen.id][1].outcomes[choice.outcome]
        deadline = outcome.deadline
        detail = f"{ctx.words['deadline']}: {deadline}" if deadline else ""
        return plain(outcome.label), detail
    if choice.target == END:
        return ctx.words["vv_end_case"], ""
    return plain(screen_title(ctx, target)), ""


def chosen_box(ctx: PageContext, step: Step, number: int) -> list[str]:
    """What was chosen, shown above the next screen: the outcome, what to do, its deadline."""
    words, outcome = ctx.words, step.outcomes[number]
    body = [f"**{words['vv_you_chose']}:** {safe_inline(outcome.label)}", ""]
    if outcome.deadline:
        body += [f"**{words['deadline']}:** {safe_inline(outcome.deadline)}", ""]
    if outcome.text:
        body += [safe_markdown(outcome.text), ""]
    key = html_text(f"{step.id}:{number}")
    return [
        f'<div class="hv-vv-utfall" data-hv-utfall="{key}" hidden markdown>',
        "",
        *body,
        "</div>",
        "",
    ]


def charts(ctx: PageContext, page: str) -> list[str]:
    """Each level's flowchart and text version; the script shows the current level's and
    marks the current step in both."""
    words = ctx.words
    drawn = [level for level in ctx.model.levels if level.steps]
    if not drawn:
        return []
    out = [f"## {words['vv_where']} {{#vv-kart}}", ""]
    for level in drawn:
        chart = mermaid.level_flowchart(ctx.model, level, ctx.links.diagram(page), words)
        # A heading and what follows it, not a <div markdown>: the drawn chart's placeholder
        # must reach the finished page as written. The script groups them per level.
        out += [f'### {safe_inline(level.name)} {{#vv-kart-{level.id} data-hv-niva="{level.id}"}}']
        out += ["", *flowchart_block(ctx, chart, flow_text(ctx, level, page))]
    return out
