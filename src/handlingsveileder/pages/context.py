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
    id_prefix: str = ""
    """Put before the ids of form fields and template headings where several templates
    stand on one page (the whole-guide page)."""
    pdf_file: str | None = None
    """The site-relative URL of the whole guide as PDF, when the build makes one."""
    national_numbers: bool = True
    """Show the national emergency numbers when the source gives none (see `emergency`)."""
    presentation: str | None = None
    """The site-relative URL of the presentation (`presentation.DECK_SRC`), when the build
    makes one."""
    words: dict[str, str] = field(init=False)
    steps: dict[str, tuple[Level, Step]] = field(init=False)
    levels: dict[str, Level] = field(init=False)

    def __post_init__(self) -> None:
        # Indexes built once per site, not once per page.
        object.__setattr__(self, "words", labels(self.model.language))
        object.__setattr__(self, "steps", self.model.step_index)
        object.__setattr__(self, "levels", self.model.level_index)

    @classmethod
    def for_model(
        cls,
        model: Model,
        url_of: UrlOf,
        pdf_file: str | None = None,
        national_numbers: bool = True,
        presentation: str | None = None,
    ) -> PageContext:
        sitemap = SiteMap(model)
        links = Links(sitemap, url_of)
        return cls(
            model,
            sitemap,
            links,
            pdf_file=pdf_file,
            national_numbers=national_numbers,
            presentation=presentation,
        )

    def target_title(self, target: str) -> str:
        if target == END:
            return self.words["end"]
        if target in self.model.exits:
            return self.exit_title(target)
        if target in self.levels:
            return self.levels[target].name
        return self.steps[target][1].heading

    def exit_title(self, exit_id: str) -> str:
        """An exit's name: the source's words, or the kind's name in the site's words."""
        way_out = self.model.exits[exit_id]
        return way_out.label or self.words[f"exit_{way_out.kind}"]

    def exit_kind(self, exit_id: str) -> str:
        return self.words[f"exit_{self.model.exits[exit_id].kind}"]

    def md_link(self, target: str, page: str) -> str:
        """A Markdown link to a step, level or exit, from source page `page`."""
        if page in self.sitemap.exit_pages.get(target, ()):
            href = f"#{target}"  # the exit's section stands on this page
        else:
            href = self.links.to_target(target, page)
        return f"[{safe_inline(self.target_title(target))}]({href})"

    def target_text(self, target: str, page: str) -> str:
        """A step, level or exit as a link (an exit with its kind named), or the end as a
        word."""
        if target == END:
            return self.words["end_inline"]
        if target in self.model.exits and self.model.exits[target].label:
            return f"{self.exit_kind(target)}: {self.md_link(target, page)}"
        return self.md_link(target, page)

    def step_ref(self, level: Level, step: Step, page: str) -> str:
        """A link to a step, followed by its level's name."""
        link = self.links.to_page(self.sitemap.level_page(level.id), page, step.id)
        return f"[{safe_inline(step.heading)}]({link}) ({safe_inline(level.name)})"
