"""Every page of a model's site, and where every step and level lives.

The site map is the one list of pages: the navigation, the page renderers and the
links all read it, so a new page kind is added here once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from . import graph
from .i18n import labels
from .model import Model

PageKind = Literal["front", "veiviser", "level", "role", "tool_index", "tool", "whole"]
INDEX = "index.md"
VEIVISER = "veiviser.md"
"""The guide one step at a time (see `pages/veiviser.py`)."""
WHOLE = "utskrift.md"
"""The whole guide on one page, for print and the PDF."""
PAGE_ANCHOR = "hv-side-"
"""Where each page begins on the whole-guide page: `hv-side-niva-1`."""
ROLES_DIR = "roller"
TOOLS_DIR = "verktoy"
TOOLS_INDEX = f"{TOOLS_DIR}/index.md"


@dataclass(frozen=True)
class PageEntry:
    """One page: its kind, its source path (as MkDocs sees it) and its titles."""

    kind: PageKind
    src: str
    title: str
    """The page's own title (its heading and `<title>`)."""
    nav_title: str
    """The page's name in the navigation."""
    subject: str | None = None
    """The level or tool the page is about."""
    group: str | None = None
    """The navigation section the page stands in, if any."""


class SiteMap:
    """The pages of one model's site in navigation order, and the address of every step."""

    def __init__(self, model: Model) -> None:
        words = labels(model.language)
        self.model = model
        pages = [PageEntry("front", INDEX, model.title, words["front"])]
        pages.append(
            PageEntry("veiviser", VEIVISER, words["veiviser_title"], words["veiviser_title"])
        )
        pages += [
            PageEntry("level", self.level_page(level.id), level.name, level.name, level.id)
            for level in model.levels
        ]
        pages += [
            PageEntry("role", self.role_page(rid), role.name, role.name, rid, words["roles"])
            for rid, role in model.roles.items()
        ]
        if model.tools:
            group = words["tools"]
            pages.append(
                PageEntry(
                    "tool_index", TOOLS_INDEX, words["tool_index"], words["tool_index"], group=group
                )
            )
            pages += [
                PageEntry("tool", self.tool_page(tid), tool.name, tool.name, tid, group)
                for tid, tool in model.tools.items()
            ]
        pages.append(PageEntry("whole", WHOLE, words["whole_title"], words["whole_nav"]))
        self.pages = tuple(pages)
        self._step_level = {step.id: level.id for level, step in model.all_steps()}
        self._levels = {level.id for level in model.levels}
        self.exit_pages: dict[str, tuple[str, ...]] = {}
        """Each exit id with the level pages that show its section (every page using it)."""
        for level in model.levels:
            for exit_id in graph.level_exits(model, level):
                found = self.exit_pages.get(exit_id, ())
                self.exit_pages[exit_id] = (*found, self.level_page(level.id))

    @staticmethod
    def level_page(level_id: str) -> str:
        return f"{level_id}.md"

    @staticmethod
    def role_page(role_id: str) -> str:
        return f"{ROLES_DIR}/{role_id}.md"

    @staticmethod
    def tool_page(tool_id: str) -> str:
        return f"{TOOLS_DIR}/{tool_id}.md"

    @staticmethod
    def page_anchor(src: str) -> str:
        """The anchor where page `src` begins on the whole-guide page."""
        return PAGE_ANCHOR + src.removesuffix(".md").replace("/", "-")

    def locate(self, target: str) -> tuple[str, str]:
        """Source page and anchor of a step, level or exit id ('' for a level's top); an exit
        is found on the first level page that uses it."""
        if target in self._levels:
            return self.level_page(target), ""
        if target in self.exit_pages:
            return self.exit_pages[target][0], target
        return self.level_page(self._step_level[target]), target

    def nav(self) -> list[dict[str, object]]:
        """MkDocs' navigation, derived from the pages: sections for grouped pages."""
        entries: list[dict[str, object]] = []
        groups: dict[str, list[object]] = {}
        for page in self.pages:
            if page.group is None:
                entries.append({page.nav_title: page.src})
                continue
            if page.group not in groups:
                groups[page.group] = []
                entries.append({page.group: groups[page.group]})
            groups[page.group].append({page.nav_title: page.src})
        return entries
