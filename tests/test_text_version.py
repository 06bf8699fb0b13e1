"""Each level's diagram and its text version say the same thing: the same steps, the same
ways on (with the same fork questions, outcome labels and targets), and the same marks for
the editor's readings (a dashed arrow is «redaksjonens tolkning» in the text).

Both are read back from the generated Markdown, the way a reader meets them, not from the
model, so a change to either renderer that drops or adds a way on fails here.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import pytest
from conftest import DATA

from handlingsveileder.i18n import labels
from handlingsveileder.links import directory_url
from handlingsveileder.mermaid import ENTITIES
from handlingsveileder.pages import render_pages
from handlingsveileder.sitemap import INDEX, VEIVISER, WHOLE
from handlingsveileder.validate import load_models

MODELS = load_models(DATA)

Way = tuple[str, str | None, str, bool]
"""(step id, outcome label or None, target id / 'end' / 'open', drawn as the editor's)."""


def level_pages() -> list[tuple[str, str, str]]:
    """Every level page with a chart (the front page's overview, and the veiviser and the
    whole-guide page, which repeat the level pages' charts, are left out)."""
    found = []
    for model in MODELS.values():
        for page in render_pages(model, directory_url):
            if "```mermaid" in page.markdown and page.src_uri not in (INDEX, VEIVISER, WHOLE):
                found.append((model.id, page.src_uri, page.markdown))
    return found


PAGES = level_pages()


def norm(text: str) -> str:
    """Text without Markdown emphasis and escapes, and with single spaces."""
    return " ".join(re.sub(r"[\\*_`]", "", html.unescape(text)).split())


def target_id(href: str) -> str:
    """'#steg-2a' → 'steg-2a'; '../niva-2/' or 'niva-2.md' → 'niva-2'."""
    if "#" in href:
        return href.rsplit("#", 1)[1]
    last = href.rstrip("/").rsplit("/", 1)[-1]
    return last.removesuffix(".md")


@dataclass
class Node:
    shape: str
    label: str
    href: str | None = None


NODE = re.compile(r"^\s+(n\d+)([\[({>]+\\?/?)\"(.*)\"([\])}/\\]+)$")
EDGE = re.compile(r"^\s+(n\d+) (-->|-\.->)(?:\|\"(.*)\"\|)? (n\d+)$")
CLICK = re.compile(r'^\s+click (n\d+) href "([^"]*)"')
DECODE = {code: char for char, code in ENTITIES.items()}


def decode(label: str) -> str:
    return re.sub(r"#\w+;", lambda m: DECODE.get(m.group(0), m.group(0)), label)


def diagram_ways(chart: str, end_word: str) -> tuple[set[Way], dict[str, str], set[str]]:
    """The ways on drawn in a chart, the step labels, and the fork questions."""
    nodes: dict[str, Node] = {}
    edges: list[tuple[str, str, bool]] = []
    for line in chart.splitlines():
        if match := NODE.match(line):
            nodes[match[1]] = Node(match[2], decode(match[3]))
        elif match := EDGE.match(line):
            edges.append((match[1], match[4], match[2] == "-.->"))
        elif match := CLICK.match(line):
            nodes[match[1]].href = match[2]
    out = {source: [(t, d) for s, t, d in edges if s == source] for source in nodes}

    def meaning(node: Node) -> str:
        if node.shape == "((" and node.label == end_word:
            return "end"
        if node.shape == ">":
            return "open"
        assert node.href is not None, node
        return target_id(node.href)

    ways: set[Way] = set()
    steps: dict[str, str] = {}
    questions: set[str] = set()
    for key, node in nodes.items():
        if node.shape != "[" or node.href is None or not node.href.startswith("#"):
            continue  # only this level's own steps are sources
        step = target_id(node.href)
        steps[step] = node.label
        todo = out[key]
        for first, dashed in todo:
            hop = nodes[first]
            branches = [(first, dashed)]
            if hop.shape == "{":
                questions.add(norm(hop.label))
                branches = out[first]
            for branch, branch_dashed in branches:
                middle = nodes[branch]
                if middle.shape == "([":  # an outcome: its label, then its targets
                    for target, target_dashed in out[branch]:
                        ways.add((step, norm(middle.label), meaning(nodes[target]), target_dashed))
                else:
                    ways.add((step, None, meaning(middle), branch_dashed))
    return ways, steps, questions


LINK = re.compile(r"\[((?:[^\[\]]|\[[^\]]*\])*)\]\(([^)]*)\)")


def text_ways(lines: list[str], words: dict[str, str]) -> tuple[set[Way], dict[str, str], set[str]]:
    """The ways on written in the text version, the step titles, and the fork questions."""
    ways: set[Way] = set()
    steps: dict[str, str] = {}
    questions: set[str] = set()
    guess = f" ({words['inferred_short']})"
    step = ""
    for line in lines:
        if line.startswith("1. "):
            (title, href), *_ = LINK.findall(line)
            step = target_id(href)
            steps[step] = title
            continue
        if not line.startswith("    - "):
            continue
        item = line[len("    - ") :]
        dashed = item.endswith(guess)
        item = item.removesuffix(guess)
        if item.startswith(f"{words['question']}: "):
            questions.add(norm(item.split(": ", 1)[1]))
        elif item.startswith(f"{words['next']}: "):
            for _title, href in LINK.findall(item):
                ways.add((step, None, target_id(href), dashed))
        elif item == words["may_end"]:
            ways.add((step, None, "end", dashed))
        elif item == words["open_end"]:
            ways.add((step, None, "open", True))
        else:
            what, targets = item.split(f" {words['leads_to']} ", 1)
            found = [target_id(href) for _title, href in LINK.findall(targets)]
            if re.search(rf"\b{words['end_inline']}\b", LINK.sub("", targets)):
                found.append("end")
            assert found, line
            for target in found:
                ways.add((step, norm(what), target, dashed))
    return ways, steps, questions


def split_page(markdown: str, words: dict[str, str]) -> tuple[str, list[str]]:
    chart = markdown.split("```mermaid\n", 1)[1].split("```", 1)[0]
    after = markdown.split(f'??? info "{words["text_version"]}"', 1)[1]
    lines = []
    for line in after.splitlines()[2:]:
        if line and not line.startswith("    "):
            break
        lines.append(line[4:])
    return chart, lines


@pytest.mark.parametrize(
    ("model_id", "src", "markdown"), PAGES, ids=[f"{p[0]}/{p[1]}" for p in PAGES]
)
def test_diagram_and_text_version_are_equivalent(model_id: str, src: str, markdown: str) -> None:
    words = labels(MODELS[model_id].language)
    chart, lines = split_page(markdown, words)
    drawn, drawn_steps, drawn_questions = diagram_ways(chart, words["end"])
    written, written_steps, written_questions = text_ways(lines, words)
    assert drawn == written
    assert drawn_questions == written_questions
    assert drawn_steps.keys() == written_steps.keys()
    for step, label in drawn_steps.items():  # a long title is shortened in the diagram
        assert norm(written_steps[step]).startswith(norm(label).removesuffix("…")), step


def test_every_kind_of_way_on_is_covered() -> None:
    """The comparison above meets forks, outcomes, readings, ends, exits and open ends."""
    seen: set[Way] = set()
    for model_id, _src, markdown in PAGES:
        words = labels(MODELS[model_id].language)
        seen |= diagram_ways(split_page(markdown, words)[0], words["end"])[0]
    exits = {e for model in MODELS.values() for e in model.exits}
    assert any(target == "end" for _s, _l, target, _d in seen)
    assert any(target == "open" for _s, _l, target, _d in seen)
    assert any(target in exits for _s, _l, target, _d in seen)
    assert any(label is not None and dashed for _s, label, _t, dashed in seen)
    assert any(label is None and dashed for _s, label, _t, dashed in seen)
