"""The kommune's brand colours (`extra.handlingsveileder.brand` in mkdocs.yml, as hex) turned
into Material's CSS variables, with the contrast the site's text needs checked (WCAG 1.4.3).

Material's own `theme.palette` knows only its named colours; a hex value there is silently
ignored. Here the colours are written as variables after Material's palette, for the light
and the dark scheme: the header and links take the primary colour (white text on it), and
the dark scheme's links a lightened mix that reads on its dark background.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

HEX = re.compile(r"^#([0-9a-fA-F]{6})$")
WHITE = (255, 255, 255)
BLACK = (0, 0, 0)
SLATE = (30, 33, 41)
"""Material's dark background (hsl(232, 15%, 14%))."""
TEXT_CONTRAST = 4.5

RGB = tuple[int, int, int]


@dataclass(frozen=True)
class Brand:
    primary: str
    """The header, buttons and links (#rrggbb); text on it is white."""
    accent: str | None = None
    """Hovered links and focus (#rrggbb); the primary colour when not given."""


def rgb(hex_colour: str) -> RGB:
    value = hex_colour.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


def hex_of(colour: RGB) -> str:
    return "#" + "".join(f"{channel:02x}" for channel in colour)


def luminance(colour: RGB) -> float:
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: RGB, b: RGB) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def mix(colour: RGB, other: RGB, share: float) -> RGB:
    """`colour` with `share` (0–1) of `other` mixed in."""
    r, g, b = (round(c + (o - c) * share) for c, o in zip(colour, other, strict=True))
    return (r, g, b)


def readable_on(colour: RGB, background: RGB) -> RGB:
    """`colour` lightened (toward white) until it reads on `background` at 4.5:1."""
    for step in range(21):
        candidate = mix(colour, WHITE, step / 20)
        if contrast(candidate, background) >= TEXT_CONTRAST:
            return candidate
    return WHITE


def brand_warnings(brand: Brand | None) -> list[str]:
    """What the build warns about: a brand colour white text (or, the same ratio, links on
    the white page) cannot be read on."""
    if brand is None:
        return []
    found = []
    for key, value in (("primary", brand.primary), ("accent", brand.accent)):
        if value is None:
            continue
        ratio = contrast(rgb(value), WHITE)
        if ratio < TEXT_CONTRAST:
            found.append(
                f"extra.handlingsveileder.brand.{key} i mkdocs.yml: hvit tekst på {value} (og "
                f"{value} som lenkefarge på hvit bakgrunn) har bare {ratio:.2f}:1 kontrast; "
                f"WCAG krever 4,5:1: velg en mørkere farge, f.eks. "
                f"{hex_of(darkened_for_white(rgb(value)))}"
            )
    return found


def darkened_for_white(colour: RGB) -> RGB:
    """`colour` darkened (toward black) until white text reads on it at 4.5:1."""
    for step in range(21):
        candidate = mix(colour, BLACK, step / 20)
        if contrast(candidate, WHITE) >= TEXT_CONTRAST:
            return candidate
    return BLACK


def brand_css(brand: Brand | None) -> str:
    """Material's colour variables for the brand, for both schemes (empty without a brand).
    `body[data-md-color-primary]` outranks Material's `[data-md-color-primary=…]`."""
    if brand is None:
        return ""
    primary = rgb(brand.primary)
    accent = rgb(brand.accent) if brand.accent else primary
    light = (
        f"--md-primary-fg-color:{hex_of(primary)};"
        f"--md-primary-fg-color--light:{hex_of(mix(primary, WHITE, 0.2))};"
        f"--md-primary-fg-color--dark:{hex_of(mix(primary, BLACK, 0.2))};"
        "--md-primary-bg-color:#fff;--md-primary-bg-color--light:#ffffffb3;"
        f"--md-accent-fg-color:{hex_of(accent)};"
        f"--md-accent-fg-color--transparent:{hex_of(accent)}1a;"
        f"--md-typeset-a-color:{hex_of(primary)};"
    )
    dark = f"--md-typeset-a-color:{hex_of(readable_on(primary, SLATE))};"
    return (
        f"body[data-md-color-primary]{{{light}}}"
        f'body[data-md-color-scheme="slate"][data-md-color-primary]{{{dark}}}'
    )
