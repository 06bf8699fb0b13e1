"""Mermaid flowchart text for a model's levels, generated, never written by hand.

Node ids are generated (`n1`, `n2` …), never taken from text; every label is quoted and
has the characters that Mermaid treats as syntax encoded as Mermaid entities, so no text
from the data can break a diagram or inject a directive.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import graph
from .links import Href
from .markup import plain
from .model import END, Level, Model

MAX_TEXT_SIZE = 50_000
"""Mermaid's default `maxTextSize`: longer diagrams are refused by the browser."""
MAX_EDGES = 500
"""Mermaid's default `maxEdges`."""
LABEL_LIMIT = 90
"""Longer labels are shortened with '…' (the full text stands on the page)."""

ENTITIES = {
    "#": "#35;",
    '"': "#quot;",
    "<": "#lt;",
    ">": "#gt;",
    "&": "#amp;",
    "|": "#124;",
    "`": "#96;",
    "$": "#36;",
}


class DiagramTooLarge(Exception):
    """The diagram would exceed Mermaid's limits and would not render."""


def shorten(text: str, limit: int = LABEL_LIMIT) -> str:
    """One line of plain text, cut with '…' when longer than `limit`."""
    text = plain(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def label(text: str, limit: int = LABEL_LIMIT) -> str:
    """A quoted Mermaid label: one line, shortened, syntax characters encoded."""
    return '"' + "".join(ENTITIES.get(ch, ch) for ch in shorten(text, limit)) + '"'


@dataclass
class Flowchart:
    """Accumulates nodes, edges and links, with generated ids."""

    title: str
    description: str
    lines: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    ids: dict[str, str] = field(default_factory=dict)
    classes: dict[str, list[str]] = field(default_factory=dict)
    edges: int = 0

    def node(
        self,
        key: str,
        text: str,
        shape: str = "box",
        href: str | None = None,
        css: str | None = None,
    ) -> str:
        if key in self.ids:
            return self.ids[key]
        node_id = f"n{len(self.ids) + 1}"
        self.ids[key] = node_id
        opening, closing = SHAPES[shape]
        self.lines.append(f"    {node_id}{opening}{label(text)}{closing}")
        if href is not None:
            self.links.append(f'    click {node_id} href "{encode_href(href)}" {label(text)}')
        if css is not None:
            self.classes.setdefault(css, []).append(node_id)
        return node_id

    def edge(self, source: str, target: str, text: str | None = None, dashed: bool = False) -> None:
        """An arrow; dashed where the editor inferred it (the source does not state it)."""
        self.edges += 1
        arrow = "-.->" if dashed else "-->"
        arrow = f"{arrow}|{label(text, 40)}|" if text else arrow
        self.lines.append(f"    {source} {arrow} {target}")

    def render(self) -> str:
        head = [
            "flowchart TD",
            f"    accTitle: {plain_line(self.title)}",
            f"    accDescr: {plain_line(self.description)}",
        ]
        styles = [f"    classDef {name} {CLASSES[name]}" for name in self.classes]
        styles += [f"    class {','.join(ids)} {name}" for name, ids in self.classes.items()]
        text = "\n".join(head + self.lines + self.links + styles) + "\n"
        if len(text) > MAX_TEXT_SIZE or self.edges > MAX_EDGES:
            raise DiagramTooLarge(
                f"flytskjemaet blir for stort ({len(text)} tegn, {self.edges} piler; "
                f"grensen er {MAX_TEXT_SIZE} tegn og {MAX_EDGES} piler)"
            )
        return text


SHAPES = {
    "box": ("[", "]"),
    "round": ("(", ")"),
    "stadium": ("([", "])"),
    "circle": ("((", "))"),
    "subroutine": ("[[", "]]"),
    "rhombus": ("{", "}"),
    "hexagon": ("{{", "}}"),
    "trapezoid": ("[/", "\\]"),
    "trapezoid_alt": ("[\\", "/]"),
    "parallelogram": ("[/", "/]"),
    "asymmetric": (">", "]"),
}

EXIT_SHAPES = {
    "report": "hexagon",
    "coordinator": "trapezoid",
    "lower-level": "trapezoid_alt",
    "handover": "parallelogram",
    "continue": "round",
}
"""Each kind of exit has its own shape; the text version names the kind in words."""

CLASSES = {
    "hvExit": "stroke-width:3px",
    "hvReport": "stroke:#b3261e,stroke-width:3px",
    "hvOpen": "stroke-dasharray:5 5",
}
"""Node styles (our own CSS, no model text): exits drawn heavier, reports in red, open ends
with a dashed border."""


def exit_node(
    chart: Flowchart, model: Model, exit_id: str, words: dict[str, str], href: str
) -> str:
    """The node of an exit: its own shape, the source's words or the kind's name."""
    way_out = model.exits[exit_id]
    text = way_out.label or words[f"exit_{way_out.kind}"]
    css = "hvReport" if way_out.kind == "report" else "hvExit"
    return chart.node(exit_id, text, EXIT_SHAPES[way_out.kind], href, css)


def open_node(chart: Flowchart, step_id: str, words: dict[str, str], href: str) -> str:
    """The node after a step whose source does not say what happens next."""
    return chart.node(f"__open__{step_id}", words["open_end"], "asymmetric", href, "hvOpen")


def plain_line(text: str) -> str:
    """Text for accTitle/accDescr: one line, no characters Mermaid could read as syntax."""
    cleaned = plain(text)
    for ch in '#;{}`$"<>&|':
        cleaned = cleaned.replace(ch, " ")
    return " ".join(cleaned.split())


def encode_href(href: str) -> str:
    return href.replace('"', "%22").replace("\n", "")


def level_flowchart(
    model: Model, level: Level, href: Href, words: dict[str, str], limit: int = LABEL_LIMIT
) -> str:
    """The flowchart of one level: its steps, outcomes, and where they lead."""
    return level_chart(model, level, href, words).render()


def level_chart(model: Model, level: Level, href: Href, words: dict[str, str]) -> Flowchart:
    """`level_flowchart` before it becomes text: `ids` names the node of each step, level
    and exit (the presentation highlights a step's node by it)."""
    chart = Flowchart(
        title=words["flow_title"].format(name=level.name),
        description=describe_level(level, words),
    )
    levels = model.level_index
    steps = model.step_index
    own = {step.id for step in level.steps}
    # An exit's section stands on the level's own page: an anchor there, or on this page
    # when the chart is drawn on it (or on the whole-guide page).
    level_page = href(level.id)
    exit_page = "" if level_page.startswith("#") else level_page

    def target_node(target: str) -> str:
        if target == END:
            return chart.node(END, words["end"], "circle")
        if target in model.exits:
            return exit_node(chart, model, target, words, f"{exit_page}#{target}")
        if target in own:
            return chart.node(target, steps[target][1].heading, "box", href(target))
        if target in levels:
            return chart.node(target, levels[target].name, "subroutine", href(target))
        other_level, other = steps[target]
        return chart.node(
            target, f"{other_level.name}: {other.heading}", "subroutine", href(target)
        )

    start = chart.node("__start__", words["start"], "circle")
    for step in level.steps:
        target_node(step.id)
    for entry in graph.level_entries(level):
        chart.edge(start, target_node(entry))
    for step in level.steps:
        source = target_node(step.id)
        follows = graph.successors(level, step)
        guessed = step.inferred is not None
        ending = step.end and END not in follows.targets()
        if step.question and (step.outcomes or len(follows.plain) + ending > 1):
            fork = chart.node(f"__question__{step.id}", step.question, "rhombus", href(step.id))
            chart.edge(source, fork)
            source = fork
        for target in follows.plain:
            chart.edge(source, target_node(target), dashed=guessed)
        for index, (outcome, goto) in enumerate(follows.outcomes):
            key = f"__outcome__{step.id}__{index}"
            node = chart.node(key, outcome.short or outcome.label, "stadium", href(step.id))
            chart.edge(source, node)
            for target in goto:
                chart.edge(node, target_node(target), dashed=outcome.inferred is not None)
        if ending:
            chart.edge(source, target_node(END), dashed=guessed)
        if step.open is not None:
            chart.edge(source, open_node(chart, step.id, words, href(step.id)), dashed=True)
    return chart


@dataclass(frozen=True)
class Overview:
    """The front page's chart, as detailed as Mermaid's limits allow."""

    chart: str | None
    """Mermaid text; None when even one node per level is too large to draw."""
    detail: str
    """`steps` (every step), `levels` (one node per level) or `none`."""
    too_large: str = ""
    """Why the chart shows less than every step (the size it would have had)."""


def overview_flowchart(model: Model, href: Href, words: dict[str, str]) -> Overview:
    """All levels as groups with every step; one node per level when that is too large for
    Mermaid; no chart when even that is (the text version and the level list remain)."""
    try:
        return Overview(steps_overview(model, href, words), "steps")
    except DiagramTooLarge as too_large:
        reason = str(too_large)
    try:
        return Overview(levels_overview(model, href, words), "levels", reason)
    except DiagramTooLarge:
        return Overview(None, "none", reason)


def levels_overview(model: Model, href: Href, words: dict[str, str]) -> str:
    """One node per level, linked to its page, with the moves between levels."""
    chart = Flowchart(
        title=words["overview_title"],
        description=", ".join(plain(level.name) for level in model.levels),
    )
    level_of = {step.id: level.id for level, step in model.all_steps()}
    level_of.update({level.id: level.id for level in model.levels})
    for level in model.levels:
        chart.node(level.id, level.name, "subroutine", href(level.id))
    start = chart.node("__start__", words["start"], "circle")
    for target in graph.model_start(model):
        if target != END:
            chart.edge(start, chart.ids[level_of[target]])
    seen: set[tuple[str, str]] = set()
    for source, targets in graph.edges(model).items():
        for target in targets:
            key = (level_of[source], level_of.get(target, target))
            if key[0] == key[1] or key in seen:
                continue
            seen.add(key)
            if target == END:
                node = chart.node(END, words["end"], "circle")
            elif target in model.exits:
                node = exit_node(chart, model, target, words, href(target))
            else:
                node = chart.ids[key[1]]
            chart.edge(chart.ids[key[0]], node)
    return chart.render()


def steps_overview(model: Model, href: Href, words: dict[str, str]) -> str:
    """All levels as groups, every step a link to its section."""
    chart = Flowchart(
        title=words["overview_title"],
        description=", ".join(plain(level.name) for level in model.levels),
    )
    for level_number, level in enumerate(model.levels, start=1):
        if not level.steps:  # a level without steps is one node, not a group
            chart.node(level.id, level.name, "subroutine", href(level.id))
            continue
        chart.lines.append(f"    subgraph g{level_number}[{label(level.name)}]")
        for step in level.steps:
            chart.node(step.id, step.heading, "box", href(step.id))
        chart.lines.append("    end")

    def nodes_for(target: str) -> tuple[str, ...]:
        if target == END:
            return (chart.node(END, words["end"], "circle"),)
        if target in model.exits:
            return (exit_node(chart, model, target, words, href(target)),)
        return tuple(chart.ids[entry] for entry in graph.resolve(model, target))

    start = chart.node("__start__", words["start"], "circle")
    for target in graph.model_start(model):
        for node in nodes_for(target):
            chart.edge(start, node)
    for level in model.levels:
        for target in level.next:
            for node in nodes_for(target):
                chart.edge(chart.ids[level.id], node, dashed=level.inferred is not None)
        for step in level.steps:
            follows = graph.successors(level, step)
            source = chart.ids[step.id]
            guessed = step.inferred is not None
            for target in follows.plain:
                for node in nodes_for(target):
                    chart.edge(source, node, dashed=guessed)
            for outcome, goto in follows.outcomes:
                text, dashed = outcome.short or outcome.label, outcome.inferred is not None
                for target in goto:
                    for node in nodes_for(target):
                        chart.edge(source, node, text, dashed=dashed)
            if step.end and END not in follows.targets():
                chart.edge(source, nodes_for(END)[0], dashed=guessed)
            if step.open is not None:
                chart.edge(source, open_node(chart, step.id, words, href(step.id)), dashed=True)
    return chart.render()


def describe_level(level: Level, words: dict[str, str]) -> str:
    names = [shorten(step.heading) for step in level.steps]
    return f"{level.name}: " + ", ".join(names) if names else level.name
