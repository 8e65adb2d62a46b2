"""Refusal wording shared by the checks: the file's name as shown, and "not what its name promised"."""

from __future__ import annotations

from pathlib import Path

from evident.earning.media.types import MediaRefused

_CLAIMED = dict.fromkeys(("mp4", "mov", "webm", "m4v", "mkv", "avi", "3gp", "wmv"), "video")
_CLAIMED |= dict.fromkeys(("pdf", "docx", "doc"), "document")
_CLAIMED |= dict.fromkeys(("jpg", "jpeg", "png", "heic", "gif"), "image")
_NOUNS = {"video": "a video", "document": "a document", "image": "an image"}
_ADVICE = {
    "video": "Export the recording again from your camera or phone app and upload that file.",
    "document": "Save it again as a PDF or Word (.docx) document and upload that file.",
    "image": "Save it again as a JPEG or PNG image and upload that file.",
}


def quoted(filename: str) -> str:
    name = Path(filename).name or "This file"
    if len(name) > 80:
        name = name[:77] + "…"
    return f"“{name}”"


def not_what_it_claims(filename: str, looks_like: str, code: str) -> MediaRefused:
    """A refusal worded after what the name promised (the name decides nothing else)."""
    claimed = _CLAIMED.get(Path(filename).suffix.lower().lstrip("."))
    if claimed is not None:
        return MediaRefused(
            f"{quoted(filename)} is not {_NOUNS[claimed]}: it looks like {looks_like}. {_ADVICE[claimed]}", code
        )
    return MediaRefused(
        f"{quoted(filename)} looks like {looks_like}, which we can't take as evidence. "
        "Upload a video (MP4, MOV, WebM), a PDF or Word document, or a JPEG or PNG image.",
        code,
    )
