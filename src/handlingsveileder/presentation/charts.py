"""The level charts of a presentation: the level page's own flowchart, drawn once, with
its links turned into slide anchors and, on each slide, the slide's node highlighted.

Every slide of a level shows a copy of the same SVG (same size, same place): only the
class `hv-her` on one node differs, so nothing moves between slides. Each copy gets its own
ids (a document may not repeat one), so its styles, markers and titles stay its own.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from ..svg_render import mark_targets, target_id, valid_html

HIGHLIGHT = "hv-her"
"""The class on the node a slide is about (deck.css draws it)."""
SVG_ID = re.compile(r'<svg\b[^>]*?\sid="([\w-]+)"')
LINK = re.compile(r'(<a\b[^>]*?\s(?:xlink:)?href=")([^"]*)(")')
EDGE_ID = re.compile(r'(\sid=")(L_[\w-]+")')
"""Mermaid's edge ids (`L_n1_n2_0`) carry no chart prefix; the deck gives them one."""


@dataclass(frozen=True)
class LevelChart:
    """One level's chart for the slides."""

    level_id: str
    source: str
    """The Mermaid text (the same as on the level's page, so the drawing is shared)."""
    nodes: Mapping[str, str]
    """Each step, level and exit id in the chart → its Mermaid node id (`n3`)."""


def slide_svg(
    svg: str,
    chart: LevelChart,
    anchors: Mapping[str, str],
    copy: str = "",
    highlight: str | None = None,
) -> str:
    """The drawn chart for one slide: nodes marked with what they stand for
    (`data-hv-node`), every link an anchor in the deck (`anchors`: target id → slide id),
    ids suffixed with `copy` (when it is not the level's first copy), and the node of
    `highlight` (a step or exit id) carrying `HIGHLIGHT`."""
    svg = valid_html(mark_targets(svg, chart.source))
    svg = LINK.sub(lambda m: m[1] + "#" + anchors.get(target_id(m[2]), target_id(m[2])) + m[3], svg)
    found = SVG_ID.search(svg)
    if found:
        svg = EDGE_ID.sub(lambda m: f"{m[1]}{found[1]}-{m[2]}", svg)
        if copy:
            svg = svg.replace(found[1], f"{found[1]}-{copy}")
    node = chart.nodes.get(highlight) if highlight else None
    if node is not None:
        pattern = re.compile(rf'<g class="(node[^"]*)"( id="[^"]*-flowchart-{node}-\d+")')
        svg = pattern.sub(rf'<g class="\1 {HIGHLIGHT}"\2', svg, count=1)
    return svg
