"""What an evidence file is, decided from its content, and its web copies.

The name and the browser's MIME type are never trusted: a file is sniffed
(``filetype`` plus our own checks), then opened by the library that would
play or show it. PyAV probes videos (length, size, codecs) and makes the web
copy and poster; Pillow checks images. Refusals carry a message for the
educator that says what to do next.

Everything here works on local paths and knows nothing of the database:
services call :func:`inspect_file` and :func:`check_for_requirement` on a
finished upload, the processing task calls :func:`make_web_copies`.

``types`` holds what a file turned out to be and the refusal, ``sniff`` the
content-based detection, ``video`` the PyAV probe and the web copies,
``requirements`` the checks against a requirement, and ``messages`` the
refusal wording they share.
"""

from __future__ import annotations

from evident.earning.media.requirements import (
    DEFAULT_FILE_TYPES,
    DURATION_GRACE_SECONDS,
    accepted_file_types,
    check_for_requirement,
)
from evident.earning.media.sniff import IMAGE_MAX_PIXELS, inspect_file
from evident.earning.media.types import CONTENT_TYPES, DESCRIPTIONS, KINDS, MediaInfo, MediaRefused, WebCopies
from evident.earning.media.video import POSTER_QUALITY, WEB_MAX_FPS, WEB_MAX_SIDE, make_web_copies

__all__ = [
    "CONTENT_TYPES",
    "DEFAULT_FILE_TYPES",
    "DESCRIPTIONS",
    "DURATION_GRACE_SECONDS",
    "IMAGE_MAX_PIXELS",
    "KINDS",
    "POSTER_QUALITY",
    "WEB_MAX_FPS",
    "WEB_MAX_SIDE",
    "MediaInfo",
    "MediaRefused",
    "WebCopies",
    "accepted_file_types",
    "check_for_requirement",
    "inspect_file",
    "make_web_copies",
]
