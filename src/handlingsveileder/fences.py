"""The Mermaid fence: Material's native integration, kept out of the search index."""

from __future__ import annotations

from typing import Any

from pymdownx.superfences import fence_code_format


def mermaid_fence(
    source: str, language: str, css_class: str, options: Any, md: Any, **kwargs: Any
) -> str:
    """`fence_code_format` wrapped in a block that Material's search skips.

    Without the wrapper, the diagram's source text (node ids, `click` lines) would be
    indexed and found by search.
    """
    block = fence_code_format(source, language, css_class, options, md, **kwargs)
    return f'<div class="hv-diagram" data-search-exclude>{block}</div>'
