"""The closing slide's QR code: the guide's address, for the phones in the room."""

from __future__ import annotations

import segno

from ..markup import html_text


def address_qr(url: str, caption: str) -> str:
    """`url` as a QR code (inline SVG, black on white, error correction M) with `caption`
    under it. The address itself stands as text beside it, so the code is decoration for
    a screen reader (`aria-hidden`)."""
    code = segno.make_qr(url, error="m")
    svg = code.svg_inline(scale=6, border=4, dark="#000", light="#fff", omitsize=False)
    svg = svg.replace("<svg ", '<svg aria-hidden="true" ', 1)
    return (
        f'<figure class="hv-slide-qr">{svg}<figcaption>{html_text(caption)}</figcaption></figure>'
    )
