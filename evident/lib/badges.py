"""A clean SVG badge drawn from a title and a colour, for micro-credentials
and stacks without an uploaded image."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
_SMALL_WORDS = {"a", "an", "and", "for", "in", "of", "on", "the", "through", "to", "with"}


def initials(title: str) -> str:
    """Up to two letters from the title's significant words: "Teaching Phonics" → "TP"."""
    words = [w for w in re.findall(r"[A-Za-z0-9]+", title) if w.lower() not in _SMALL_WORDS]
    return "".join(w[0] for w in words[:2]).upper() or "?"


def _lines(title: str, width: int = 18, most: int = 3) -> list[str]:
    lines: list[str] = []
    for word in title.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if len(lines) > most:
        lines = lines[:most]
        lines[-1] = lines[-1][: width - 1].rstrip() + "…"
    return lines


def badge_svg(title: str, color: str) -> str:
    """A 400×400 SVG: a coloured medallion with initials and the title beneath."""
    fill = color if _HEX.match(color) else "#0d5c63"
    text_lines = _lines(title)
    first_y = 292 - 12 * (len(text_lines) - 1)
    tspans = "".join(
        f'<tspan x="200" y="{first_y + 26 * i}">{escape(line)}</tspan>' for i, line in enumerate(text_lines)
    )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" width="400" height="400" role="img" '
        f'aria-label="{escape(title, {chr(34): "&quot;"})}">'
        f"<title>{escape(title)}</title>"
        f'<circle cx="200" cy="200" r="192" fill="{fill}"/>'
        '<circle cx="200" cy="200" r="172" fill="none" stroke="#ffffff" stroke-opacity=".55" stroke-width="4"/>'
        '<text x="200" y="190" text-anchor="middle" font-family="DejaVu Sans, Verdana, sans-serif" '
        f'font-size="96" font-weight="700" fill="#ffffff">{escape(initials(title))}</text>'
        '<text text-anchor="middle" font-family="DejaVu Sans, Verdana, sans-serif" font-size="22" '
        f'font-weight="600" fill="#ffffff">{tspans}</text>'
        "</svg>"
    )
