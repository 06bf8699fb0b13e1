"""Each page's meta description (what a search engine or a shared link shows): from the
model where it has words for the page (the level's purpose, the first step, a role's or a
tool's description), else the site's own words naming the guide. Plain text; the adapter
escapes it for the attribute."""

from __future__ import annotations

import re

from ..markup import plain
from ..sitemap import PageEntry
from .context import PageContext

LIMIT = 200
"""Characters at most: search engines show about 150–160."""


def page_description(ctx: PageContext, entry: PageEntry) -> str:
    model, words = ctx.model, ctx.words
    guide = model.title if not model.kommune else f"{model.title} – {model.kommune}"
    own: str | None = None
    if entry.kind == "front":
        own = model.tagline or model.intro
        fallback = words["desc_front"]
    elif entry.kind == "level":
        level = ctx.levels[str(entry.subject)]
        first = level.steps[0] if level.steps else None
        own = level.purpose or level.subtitle or (first.text if first else None)
        fallback = words["desc_level"].format(name=level.name)
    elif entry.kind == "role":
        own = model.roles[str(entry.subject)].description
        fallback = words["desc_role"].format(name=entry.title)
    elif entry.kind == "tool":
        own = model.tools[str(entry.subject)].description
        fallback = words["desc_tool"].format(name=entry.title)
    else:
        fallback = words[f"desc_{entry.kind}"]
    text = shortened(plain(own)) if own else fallback
    return f"{text} ({guide})" if len(text) + len(guide) + 3 <= LIMIT else text


def shortened(text: str) -> str:
    """The first sentences of `text` within `LIMIT` characters, else its words up to it."""
    if len(text) <= LIMIT:
        return text
    kept = ""
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        if len(kept) + len(sentence) + 1 > LIMIT:
            break
        kept = f"{kept} {sentence}".strip()
    if kept:
        return kept
    cut = text[: LIMIT - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:–- ") + "…"
