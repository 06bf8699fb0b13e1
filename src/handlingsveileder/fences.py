"""The Mermaid fence: Material's native integration, kept out of the search index."""

from __future__ import annotations

import re
from typing import Any

from pymdownx.superfences import fence_code_format

from .markup import html_text

ACC_TITLE = re.compile(r"^\s*accTitle:\s*(.*?)\s*$", re.MULTILINE)
"""The chart's title as `mermaid.Flowchart` writes it (one line, no markup)."""


def region_attributes(source: str) -> str:
    """The attributes of a diagram's box: a region named by the chart's title that the
    keyboard can reach and scroll, since on a narrow screen the diagram is wider than its
    box (`diagram.js` takes the box out of the tab order again while the diagram fits)."""
    found = ACC_TITLE.search(source)
    name = f' aria-label="{html_text(found[1])}"' if found and found[1] else ""
    return f'role="region" tabindex="0"{name}'


def mermaid_fence(
    source: str, language: str, css_class: str, options: Any, md: Any, **kwargs: Any
) -> str:
    """`fence_code_format` wrapped in a block that Material's search skips.

    Without the wrapper, the diagram's source text (node ids, `click` lines) would be
    indexed and found by search. The wrapper is the same scrolling region as a chart drawn
    at build time (`svg_render.embed_svgs`).
    """
    block = fence_code_format(source, language, css_class, options, md, **kwargs)
    return f'<div class="hv-diagram" data-search-exclude {region_attributes(source)}>{block}</div>'
