"""What a file turned out to be (:class:`MediaInfo`), its web copies, and the refusal when we cannot take it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

CONTENT_TYPES = {
    "mp4": "video/mp4",
    "m4v": "video/mp4",  # an MP4 with Apple's brand: browsers play it as MP4
    "mov": "video/quicktime",
    "webm": "video/webm",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "jpg": "image/jpeg",
    "png": "image/png",
}
KINDS = {"mp4": "video", "m4v": "video", "mov": "video", "webm": "video", "pdf": "document", "docx": "document"}
KINDS |= {"jpg": "image", "png": "image"}
DESCRIPTIONS = {
    "mp4": "an MP4 video",
    "m4v": "an M4V video",
    "mov": "a QuickTime (MOV) video",
    "webm": "a WebM video",
    "pdf": "a PDF document",
    "docx": "a Word document",
    "jpg": "a JPEG image",
    "png": "a PNG image",
}


@dataclass(frozen=True)
class MediaInfo:
    """What a file turned out to be. Sizes are as displayed (rotation applied)."""

    kind: str
    content_type: str
    extension: str
    duration_seconds: float | None = None
    width: int | None = None
    height: int | None = None
    video_codec: str | None = None
    audio_codec: str | None = None
    # The original will not play everywhere: not H.264 (8-bit 4:2:0) with
    # AAC or no sound in an MP4 container.
    needs_transcode: bool = False


@dataclass(frozen=True)
class WebCopies:
    video: Path | None
    poster: Path


class MediaRefused(Exception):
    """A file we cannot take; ``message`` says why in plain words and what to do."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
