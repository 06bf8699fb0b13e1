"""Model text as Markdown that is safe to embed in a generated page."""

from __future__ import annotations

import re

CODE = re.compile(r"(`+)(?:.+?)\1", re.DOTALL)
FENCE = re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.DOTALL | re.MULTILINE)


def safe_markdown(text: str) -> str:
    """Markdown in which raw HTML shows as text and attribute lists are inert.

    `<` becomes `&lt;` and `{` becomes `\\{` everywhere except inside code, so neither a
    `<script>` tag nor an `{ onclick=... }` attribute list from the data can reach the page.
    """
    out = []
    position = 0
    for match in _code_spans(text):
        out.append(_neutralise(text[position : match[0]]))
        out.append(text[match[0] : match[1]])
        position = match[1]
    out.append(_neutralise(text[position:]))
    return "".join(out).strip()


def safe_inline(text: str) -> str:
    """One line of safe Markdown (headings, list items, link texts)."""
    return " ".join(safe_markdown(text).split())


def _neutralise(text: str) -> str:
    return text.replace("<", "&lt;").replace("{", "\\{").replace("}", "\\}")


def _code_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = [m.span() for m in FENCE.finditer(text)]
    for m in CODE.finditer(text):
        if not any(start <= m.start() < end for start, end in spans):
            spans.append(m.span())
    return sorted(spans)


def plain(text: str) -> str:
    """Text without Markdown emphasis markers, for diagram labels and titles."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    for marker in ("**", "__", "*", "`"):
        quoted = re.escape(marker)
        text = re.sub(rf"{quoted}(\S(?:.*?\S)?){quoted}", r"\1", text)
    return " ".join(text.split())


def indent(text: str, prefix: str = "    ") -> str:
    return "\n".join(prefix + line if line.strip() else "" for line in text.splitlines())


def quoted(text: str) -> str:
    """Text for an admonition title in double quotes."""
    return safe_inline(text).replace('"', "&quot;")
