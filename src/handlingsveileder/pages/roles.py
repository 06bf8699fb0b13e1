"""A role page: what the guide itself says about the role, and every step it answers for."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..markup import plain, safe_inline, safe_markdown
from ..model import Level, Role, Step
from ..sitemap import PageEntry
from .context import PageContext

SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ«])")
LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+")


def role_page(ctx: PageContext, entry: PageEntry) -> list[str]:
    role = ctx.model.roles[str(entry.subject)]
    words, page = ctx.words, entry.src
    out = [f"# {safe_inline(role.name)}", ""]
    if role.description:
        out += [safe_markdown(role.description), ""]
    out += [f"## {words['role_steps']}", ""]
    steps = [(lv, st) for lv, st in ctx.model.all_steps() if str(entry.subject) in st.responsible]
    if steps:
        out += [f"- {ctx.step_ref(lv, st, page)}" for lv, st in steps] + [""]
    else:
        out += [words["role_no_steps"], ""]
    quotes = list(sentences_about(ctx, role))
    if quotes:
        out += [f"## {words['role_words']}", ""]
        for level, step, sentence in quotes:
            out.append(f"- «{safe_inline(sentence)}» ({ctx.step_ref(level, step, page)})")
        out.append("")
    return out


def sentences_about(ctx: PageContext, role: Role) -> Iterator[tuple[Level, Step, str]]:
    """The guide's own sentences that name the role, each with the step it stands in."""
    name = role.name.casefold()
    for level, step in ctx.model.all_steps():
        texts = [step.text, step.after, *step.checklist, *(o.text for o in step.outcomes)]
        seen: set[str] = set()
        lines = [LIST_MARK.sub("", line) for text in texts for line in (text or "").splitlines()]
        for line in lines:
            for sentence in SENTENCE.split(plain(line)):
                if name in sentence.casefold() and sentence not in seen:
                    seen.add(sentence)
                    yield level, step, sentence
