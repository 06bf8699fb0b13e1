"""The presentation as one HTML document: every slide, its chart and notes, the controls,
with `deck.css` and `deck.js` inlined, so the same text runs on the site and from a file.

A Content-Security-Policy in the document allows no request at all (no fonts, no images
but `data:`, no connections) and only the deck's own script (by its hash).
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Mapping
from pathlib import Path

from ..branding import Brand, darkened_for_white, hex_of, rgb
from ..i18n import labels
from ..markup import html_text, inline_html, plain
from .charts import slide_svg
from .slides import Deck, Slide

ASSETS = Path(__file__).resolve().parent
"""`deck.css` and `deck.js` (read for each document; they are small)."""
SCRIPT_WORDS = {
    "slide": "deck_slide",
    "of": "deck_of",
    "goto": "deck_goto",
    "blank": "deck_blank",
    "no_notes": "deck_no_notes",
    "next_up": "deck_next",
    "last": "deck_last",
}
"""The words deck.js writes (its key → the site's word)."""


def deck_document(
    deck: Deck,
    svgs: Mapping[str, str] | None,
    leave: str | None = None,
    brand: Brand | None = None,
) -> str:
    """The whole presentation. `svgs`: each charted level's drawn SVG (None: no chart could
    be drawn, each slide lists the level's steps instead); `leave`: where Esc and «Avslutt»
    lead (the guide's front page on the site; none in a file of its own)."""
    model = deck.model
    words = labels(model.language)
    script = (ASSETS / "deck.js").read_text(encoding="utf-8")
    style = (ASSETS / "deck.css").read_text(encoding="utf-8") + brand_rule(brand)
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    policy = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    )
    name = model.title if not model.kommune else f"{model.title} ({model.kommune})"
    title = f"{words['deck_title']}: {name}"
    count = len(deck.slides)
    sections = slides_html(deck, svgs)
    script_words = json.dumps(
        {key: words[word] for key, word in SCRIPT_WORDS.items()}, ensure_ascii=False
    )
    leave_attr = f' data-hv-leave="{html_text(leave)}"' if leave else ""
    return f"""<!doctype html>
<html lang="{model.language}" class="hv-deck-doc">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<title>{html_text(title)}</title>
<style>{style}</style>
</head>
<body>
<div class="hv-deck" id="hv-deck"{leave_attr} data-hv-words="{html_text(script_words)}">
<main class="hv-slides" id="hv-slides">
<h1 class="hv-visually-hidden">{html_text(title)}</h1>
{sections}
</main>
{controls_html(words, count, leave)}
{help_html(words)}
<div class="hv-deck-notes-panel" id="hv-notes-panel" role="region" \
aria-label="{html_text(words["deck_notes"])}" hidden></div>
<div class="hv-deck-blank" hidden></div>
<p class="hv-deck-goto" hidden></p>
<p class="hv-visually-hidden" id="hv-deck-status" aria-live="polite"></p>
</div>
<script>{script}</script>
</body>
</html>
"""


def slides_html(deck: Deck, svgs: Mapping[str, str] | None) -> str:
    """Every slide as a `<section>`, in order (the golden files hold this part)."""
    words = labels(deck.model.language)
    return "\n".join(
        section_html(deck, slide, number, len(deck.slides), svgs, words)
        for number, slide in enumerate(deck.slides, start=1)
    )


def section_html(
    deck: Deck,
    slide: Slide,
    number: int,
    count: int,
    svgs: Mapping[str, str] | None,
    words: dict[str, str],
) -> str:
    heading = f"hv-s{number}-h"
    main = " hv-slide-title--main" if slide.kind == "title" else ""
    kicker = f'<p class="hv-slide-kicker">{html_text(slide.kicker)}</p>' if slide.kicker else ""
    text = f'<div class="hv-slide-text">{slide.body}</div>'
    if slide.chart is not None:
        figure = chart_html(deck, slide, number, svgs, words)
        text = f'<div class="hv-slide-body">{figure}{text}</div>'
    target = f' data-hv-target="{slide.highlight}"' if slide.highlight else ""
    notes = f'<div class="hv-notes">{slide.notes}</div>' if slide.notes else ""
    return (
        f'<section class="hv-slide hv-slide--{slide.kind}" id="{slide.anchor}" '
        f'data-hv-kind="{slide.kind}" data-hv-title="{html_text(plain(slide.title))}"{target} '
        f'aria-labelledby="{heading} hv-s{number}-n">\n<div class="hv-slide-inner">{kicker}'
        f'<h2 class="hv-slide-title{main}" id="{heading}">{inline_html(slide.title)}</h2>'
        f'{text}<p class="hv-slide-number" id="hv-s{number}-n" aria-hidden="true">'
        f"{number} / {count}</p>"
        f"</div>{notes}\n</section>"
    )


def chart_html(
    deck: Deck,
    slide: Slide,
    number: int,
    svgs: Mapping[str, str] | None,
    words: dict[str, str],
) -> str:
    """The level's chart with the slide's node highlighted; the level's steps as a list
    with the slide's step marked, where no chart could be drawn."""
    level_id = str(slide.chart)
    chart = deck.charts[level_id]
    if svgs is not None and level_id in svgs:
        first = slide.kind == "level"
        svg = slide_svg(
            svgs[level_id],
            chart,
            deck.anchors(level_id),
            copy="" if first else f"s{number}",
            highlight=slide.highlight,
        )
        return f'<figure class="hv-slide-chart">{svg}</figure>'
    level = deck.model.level_index[level_id]
    entries = []
    for step in level.steps:
        here = step.id == slide.highlight
        marks = ' class="hv-her" aria-current="step"' if here else ""
        entries.append(f'<li{marks}><a href="#{step.id}">{inline_html(step.heading)}</a></li>')
    label = html_text(words["flow_title"].format(name=level.name))
    return (
        f'<figure class="hv-slide-chart"><ol class="hv-slide-map" aria-label="{label}">'
        f"{''.join(entries)}</ol></figure>"
    )


def controls_html(words: dict[str, str], count: int, leave: str | None) -> str:
    def button(action: str, word: str, state: str = "") -> str:
        return (
            f'<button type="button" data-hv-do="{action}"{state}>{html_text(words[word])}</button>'
        )

    pressed = ' aria-pressed="false"'
    leave_link = (
        f'<a class="hv-deck-leave" href="{html_text(leave)}">{html_text(words["deck_leave"])}</a>'
        if leave
        else ""
    )
    return (
        f'<nav class="hv-deck-controls" aria-label="{html_text(words["deck_nav"])}">'
        + button("prev", "deck_prev")
        + f'<span class="hv-deck-count" aria-hidden="true">1 / {count}</span>'
        + button("next", "deck_next")
        + button("overview", "deck_overview", pressed)
        + button("notes", "deck_notes", pressed)
        + button("fullscreen", "deck_fullscreen", pressed)
        + button("help", "deck_keys", ' aria-expanded="false" aria-controls="hv-deck-help"')
        + leave_link
        + "</nav>"
    )


def help_html(words: dict[str, str]) -> str:
    """The keys a presenter uses (a clicker sends → ← and Page Down/Up)."""
    keys = [
        (["→", words["deck_space"], "Page Down"], "deck_key_next"),
        (["←", "Page Up"], "deck_key_prev"),
        (["Home", "End"], "deck_key_ends"),
        ([words["deck_number"], "Enter"], "deck_key_number"),
        (["B", "."], "deck_key_blank"),
        (["F"], "deck_key_full"),
        (["O"], "deck_key_overview"),
        (["S"], "deck_key_notes"),
        (["?"], "deck_key_help"),
        (["Esc"], "deck_key_esc"),
    ]
    rows = "".join(
        "<div><dt>"
        + " ".join(f"<kbd>{html_text(key)}</kbd>" for key in names)
        + f"</dt><dd>{html_text(words[word])}</dd></div>"
        for names, word in keys
    )
    return (
        '<div class="hv-deck-help" id="hv-deck-help" role="dialog" aria-modal="false" '
        f'aria-labelledby="hv-help-h" hidden><h2 id="hv-help-h">{html_text(words["deck_keys"])}'
        f"</h2><dl>{rows}</dl><p>{html_text(words['deck_offline'])}</p>"
        f'<button type="button" data-hv-do="help">{html_text(words["deck_close"])}</button></div>'
    )


def brand_rule(brand: Brand | None) -> str:
    """The kommune's colour as the deck's accent, dark enough for white text (4.5:1)."""
    if brand is None:
        return ""
    accent = hex_of(darkened_for_white(rgb(brand.primary)))
    return f"\n:root{{--hv-accent:{accent};}}\n"
