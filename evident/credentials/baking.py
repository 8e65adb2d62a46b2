"""Badge images with the credential baked in, per the Open Badges 3.0 baking rules.

PNG: an ``iTXt`` chunk with the keyword ``openbadgecredential``, no
compression, holding the credential's JSON. SVG: an
``<openbadges:credential>`` element right after the ``<svg>`` tag, its
content the JSON in a CDATA section, the ``openbadges`` namespace declared on
the root. :func:`unbake` reads either back, for the verifier.
"""

from __future__ import annotations

import io
import json
import re
from typing import Any

from PIL import Image, ImageDraw, ImageFont, PngImagePlugin

from evident.lib.badges import initials

KEYWORD = "openbadgecredential"
NAMESPACE = "https://purl.imsglobal.org/ob/v3p0"
MAX_IMAGE_BYTES = 5 * 1024 * 1024
_SVG_OPEN = re.compile(r"<svg\b[^>]*>", re.I)
_SVG_CREDENTIAL = re.compile(r"<openbadges:credential[^>]*>\s*<!\[CDATA\[(.*?)\]\]>\s*</openbadges:credential>", re.S)


def _compact(credential: dict[str, Any]) -> str:
    return json.dumps(credential, separators=(",", ":"), ensure_ascii=False)


def draw_badge_png(title: str, colour: str, size: int = 512) -> bytes:
    """A round badge in the micro-credential's colour with its initials, as PNG."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, size - 8, size - 8), fill=colour, outline="#ffffff", width=12)
    font = ImageFont.load_default(size=size // 3)
    draw.text((size / 2, size / 2), initials(title), fill="#ffffff", font=font, anchor="mm")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def as_png(image_bytes: bytes) -> bytes:
    """Any image Pillow reads (the uploaded badge is PNG or JPEG), as PNG."""
    with Image.open(io.BytesIO(image_bytes)) as image:
        out = io.BytesIO()
        image.convert("RGBA").save(out, format="PNG")
        return out.getvalue()


def bake_png(png: bytes, credential: dict[str, Any]) -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_itxt(KEYWORD, _compact(credential), lang="", tkey="", zip=False)
    with Image.open(io.BytesIO(png)) as image:
        out = io.BytesIO()
        image.save(out, format="PNG", pnginfo=info)
        return out.getvalue()


def bake_svg(svg: str, credential: dict[str, Any]) -> str:
    opening = _SVG_OPEN.search(svg)
    if opening is None:
        raise ValueError("Not an SVG image.")
    tag = opening.group(0)
    if "xmlns:openbadges" not in tag:
        tag = tag[:-1] + f' xmlns:openbadges="{NAMESPACE}">'
    # "]]>" cannot occur in the JSON of a credential except inside a string, where it is escaped.
    payload = _compact(credential).replace("]]>", "]]\\u003e")
    element = f"<openbadges:credential><![CDATA[{payload}]]></openbadges:credential>"
    return svg[: opening.start()] + tag + element + svg[opening.end() :]


def unbake(data: bytes) -> dict[str, Any] | None:
    """The credential baked into a PNG or SVG badge, or None when there is none."""
    if len(data) > MAX_IMAGE_BYTES:
        raise ValueError("That image is too large to be a badge (5 MB at most).")
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        with Image.open(io.BytesIO(data)) as image:
            text = getattr(image, "text", {}).get(KEYWORD)
        return _parse(text)
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<?xml", b"<svg")) or b"<svg" in head:
        match = _SVG_CREDENTIAL.search(data.decode("utf-8", errors="replace"))
        return _parse(match.group(1).replace("]]\\u003e", "]]>") if match else None)
    return None


def _parse(text: str | None) -> dict[str, Any] | None:
    if not text:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None
