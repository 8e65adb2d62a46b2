"""Whether an inspected file fits a requirement: its kind, file type, size and length."""

from __future__ import annotations

import math

from django.conf import settings

from evident.catalog.models import Requirement
from evident.earning.media.messages import quoted
from evident.earning.media.types import DESCRIPTIONS, MediaInfo, MediaRefused

DEFAULT_FILE_TYPES: dict[str, list[str]] = {
    Requirement.EvidenceKind.VIDEO: ["mp4", "mov", "webm", "m4v"],
    Requirement.EvidenceKind.DOCUMENT: ["pdf", "docx"],
    Requirement.EvidenceKind.IMAGE: ["jpg", "png"],
}
# Containers round; a "10:00" recording is often 10:00.4.
DURATION_GRACE_SECONDS = 1.0


def accepted_file_types(requirement: Requirement) -> list[str]:
    """The canonical extensions the requirement takes: its own list, else its kind's defaults."""
    listed = []
    for item in requirement.file_types:
        extension = str(item).strip().lower().lstrip(".")
        extension = "jpg" if extension == "jpeg" else extension
        if extension and extension not in listed:
            listed.append(extension)
    return listed or list(DEFAULT_FILE_TYPES.get(requirement.evidence_kind, []))


def check_for_requirement(info: MediaInfo, *, size: int, filename: str, requirement: Requirement) -> None:
    """Raise MediaRefused unless the inspected file fits ``requirement``.

    A video requirement takes only videos. The detected extension must be in
    :func:`accepted_file_types`; ``size`` (bytes) within the requirement's
    ``max_file_mb`` and ``EARNING_MAX_UPLOAD_BYTES``; a video's length within
    ``max_video_minutes`` (with a second's grace for container rounding).
    """
    name = quoted(filename)
    if requirement.evidence_kind not in DEFAULT_FILE_TYPES:
        raise MediaRefused(
            f"This requirement asks for {requirement.get_evidence_kind_display().lower()}, not a file.", "not_files"
        )
    accepted = accepted_file_types(requirement)
    listed = ", ".join(t.upper() for t in accepted)
    if requirement.evidence_kind == Requirement.EvidenceKind.VIDEO and info.kind != "video":
        raise MediaRefused(
            f"{name} is {DESCRIPTIONS[info.extension]}, but this requirement asks for a video. "
            f"Upload the recording itself ({listed}).",
            "wrong_kind",
        )
    if info.extension not in accepted:
        raise MediaRefused(
            f"{name} is {DESCRIPTIONS[info.extension]}; this requirement takes {listed} files. "
            "Save or export it as one of those and upload it again.",
            "file_type",
        )
    limit = int(settings.EARNING_MAX_UPLOAD_BYTES)
    if requirement.max_file_mb:
        limit = min(limit, requirement.max_file_mb * 1024 * 1024)
    if size > limit:
        advice = (
            "Trim the recording, or export it at a lower resolution (720p is plenty), and upload it again."
            if info.kind == "video"
            else "Save a smaller copy (for example with compressed pictures) and upload it again."
        )
        raise MediaRefused(
            f"{name} is {_megabytes(size)}; this requirement takes files up to {_megabytes(limit)}. {advice}",
            "too_large",
        )
    if info.kind == "video" and requirement.max_video_minutes and info.duration_seconds is not None:
        allowed = requirement.max_video_minutes * 60
        if info.duration_seconds > allowed + DURATION_GRACE_SECONDS:
            unit = "minute" if requirement.max_video_minutes == 1 else "minutes"
            raise MediaRefused(
                f"{name} is {_minutes(info.duration_seconds)} long; this requirement takes videos up to "
                f"{requirement.max_video_minutes} {unit}. Trim it to the part that shows what the requirement "
                "asks for (most phones and computers can trim a video without extra software) and upload it again.",
                "too_long",
            )


def _megabytes(size: int) -> str:
    value = size / 1024 / 1024
    if value >= 1024:
        return f"{value / 1024:,.1f} GB".replace(".0 GB", " GB")
    return f"{value:,.0f} MB" if value >= 10 else f"{value:,.1f} MB"


def _minutes(seconds: float) -> str:
    whole = math.ceil(seconds)
    minutes, rest = divmod(whole, 60)
    if not minutes:
        return f"{rest} s"
    return f"{minutes} min {rest} s" if rest else f"{minutes} min"
