"""The small page that links every model's site when all are built together."""

from __future__ import annotations

from .markup import html_text
from .model import Model
from .settings import Accessibility
from .site_footer import footer_html


def collection_index(models: dict[str, Model], accessibility: Accessibility | None = None) -> str:
    """An accessible HTML page with one link per model site (each in its own folder), and
    the footer's links to the accessibility statement like every other page."""
    footer = footer_html(accessibility, "nb")
    items = []
    for model_id, model in models.items():
        place = f" – {html_text(model.kommune)}" if model.kommune else ""
        language = "nynorsk" if model.language == "nn" else "bokmål"
        items.append(
            f'      <li><a href="{html_text(model_id)}/" lang="{model.language}">'
            f"{html_text(model.title)}</a>{place} <span>({language})</span></li>"
        )
    return "\n".join(
        [
            "<!doctype html>",
            '<html lang="nb">',
            "  <head>",
            '    <meta charset="utf-8">',
            '    <meta name="viewport" content="width=device-width, initial-scale=1">',
            "    <title>Handlingsveiledere</title>",
            "    <style>",
            "      body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto;",
            "             padding: 0 1rem; line-height: 1.5; color: #1a1a1a; }",
            "      a { color: #1a3d8f; } span { color: #444; }",
            # WCAG 1.4.10: at 320 px the heading and long names wrap instead of
            # widening the page.
            "      h1 { font-size: clamp(1.5rem, 8vw, 2rem); line-height: 1.2; }",
            "      h1, li { overflow-wrap: anywhere; hyphens: auto; }",
            "    </style>",
            "  </head>",
            "  <body>",
            "    <main>",
            "      <h1>Handlingsveiledere</h1>",
            f"      <p>{len(models)} veiledere, hver på sitt eget nettsted.</p>",
            "      <ul>",
            *items,
            "      </ul>",
            "    </main>",
            *([f"    <footer>{footer}</footer>"] if footer else []),
            "  </body>",
            "</html>",
            "",
        ]
    )
