"""What every page renderer needs: the model, its words, the site map and the links."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..i18n import labels
from ..links import Links, UrlOf
from ..markup import safe_inline
from ..model import END, Level, Model, Step
from ..sitemap import SiteMap


@dataclass(frozen=True)
class PageContext:
    model: Model
    sitemap: SiteMap
    links: Links
    words: dict[str, str] = field(init=False)
    steps: dict[str, tuple[Level, Step]] = field(init=False)
    levels: dict[str, Level] = field(init=False)

    def __post_init__(self) -> None:
        # Indexes built once per site, not once per page.
        object.__setattr__(self, "words", labels(self.model.language))
        object.__setattr__(self, "steps", self.model.step_index())
        object.__setattr__(self, "levels", self.model.level_index())

    @classmethod
    def for_model(cls, model: Model, url_of: UrlOf) -> PageContext:
        sitemap = SiteMap(model)
        return cls(model, sitemap, Links(sitemap, url_of))

    def target_title(self, target: str) -> str:
        if target == END:
            return self.words["end"]
        if target in self.levels:
            return self.levels[target].name
        return self.steps[target][1].heading

    def md_link(self, target: str, page: str) -> str:
        """A Markdown link to a step or level, from source page `page`."""
        href = self.links.to_target(target, page)
        return f"[{safe_inline(self.target_title(target))}]({href})"

    def target_text(self, target: str, page: str) -> str:
        """A step or level as a link, or the end as a word."""
        if target == END:
            return self.words["end_inline"]
        return self.md_link(target, page)

    def step_ref(self, level: Level, step: Step, page: str) -> str:
        """A link to a step, followed by its level's name."""
        link = self.links.to_page(self.sitemap.level_page(level.id), page, step.id)
        return f"[{safe_inline(step.heading)}]({link}) ({safe_inline(level.name)})"
