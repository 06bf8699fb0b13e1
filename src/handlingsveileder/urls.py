"""Which link targets are safe to publish."""

from __future__ import annotations

import re

SAFE_SCHEMES = ("https", "http", "mailto", "tel")
SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
MARKDOWN_LINK = re.compile(
    r"(!?)\[[^\]]*\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))*)>?(?:\s+\"[^\"]*\")?\s*\)"
)
AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>")


def url_problem(url: str) -> str | None:
    """Why `url` may not be published, or None when it is fine.

    Allowed: https:, http:, mailto:, tel: and site-relative paths (no scheme, no '//').
    """
    stripped = url.strip()
    if not stripped:
        return "lenken er tom"
    if any(ch.isspace() for ch in stripped) and not stripped.startswith(("tel:", "mailto:")):
        return f"lenken '{url}' inneholder mellomrom"
    if stripped.startswith("//") or stripped.startswith("\\"):
        return f"lenken '{url}' mangler https: foran"
    match = SCHEME.match(stripped)
    if match and match.group(1).lower() not in SAFE_SCHEMES:
        return (
            f"lenken '{url}' er ikke tillatt: bruk https:, http:, mailto:, tel: "
            "eller en sti på nettstedet"
        )
    return None


def is_external(url: str) -> bool:
    return bool(SCHEME.match(url.strip())) or url.strip().startswith("//")


def markdown_link_problems(text: str) -> list[str]:
    """Problems with the links and images written in a Markdown text."""
    problems = []
    for image, target in MARKDOWN_LINK.findall(text):
        problem = url_problem(target)
        if problem:
            problems.append(problem)
        elif image and is_external(target):
            problems.append(
                f"bildet '{target}' ligger på et annet nettsted: legg bildet i docs/ "
                "og lenk til det med en sti"
            )
    for target in AUTOLINK.findall(text):
        problem = url_problem(target)
        if problem:
            problems.append(problem)
    return problems
