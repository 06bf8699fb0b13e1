"""What every handlingsveileder site needs from MkDocs, whoever's mkdocs.yml it is.

The theme's templates and assets, the stylesheets and scripts, and the Markdown extensions
the generated pages are written for belong to the tool, not to a kommune's configuration:
they ship with the package and the adapter adds them when MkDocs reads the configuration.
A kommune's mkdocs.yml (see `scaffold`) holds only its own choices (name, address, colours,
features, the model), and a new version of the tool brings its new assets along.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

THEME_DIR = Path(__file__).parent / "theme"
"""Template overrides and assets, before Material's own in the theme's search path."""
VENDORED_MERMAID = THEME_DIR / "assets" / "vendor" / "mermaid"

HOOK_PATH = "hooks/veileder_hooks.py"
"""Where a site keeps its hook file: not `hooks/handlingsveileder.py`, since MkDocs puts the
hook's folder first on `sys.path`, where a file of the package's name would hide the package."""
HOOK_FILE = """\
\"\"\"MkDocs hooks: the handlingsveileder package's (see handlingsveileder.mkdocs_hooks).\"\"\"

from handlingsveileder.mkdocs_hooks import *  # noqa: F403
"""
"""The hook file of a site (`hooks/veileder_hooks.py`), written by `scaffold`."""

EXTRA_CSS = (
    "assets/hv/hv.css",
    "assets/hv/diagram.css",
    "assets/hv/veiviser.css",
    "assets/hv/keyboard.css",
    "assets/hv/print.css",
)
EXTRA_JAVASCRIPT = (
    "assets/hv/mermaid-loader.js",
    "assets/hv/skjema.js",
    "assets/hv/diagram.js",
    "assets/hv/veiviser.js",
    "assets/hv/keyboard.js",
)


def markdown_extensions() -> dict[str, dict[str, Any]]:
    """The Markdown extensions the generated pages use, each with its settings."""
    from pymdownx.slugs import slugify

    from .fences import mermaid_fence

    return {
        "admonition": {},
        "attr_list": {},
        "def_list": {},
        "md_in_html": {},
        "tables": {},
        # Headings get permalinks; ids are lower-case slugs that keep æ, ø and å.
        "toc": {"permalink": True, "slugify": slugify(case="lower")},
        "pymdownx.details": {},
        # ```mermaid fences stay Mermaid's text, escaped (drawn at build time or in the
        # browser).
        "pymdownx.superfences": {
            "custom_fences": [{"name": "mermaid", "class": "mermaid", "format": mermaid_fence}]
        },
    }


def merged_list(own: list[Any], tools: tuple[str, ...]) -> list[Any]:
    """The tool's entries first, in their order, then the configuration's own (each once)."""
    own_paths = [str(item) for item in own]
    return [*(path for path in tools if path not in own_paths), *own]
