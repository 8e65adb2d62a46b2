"""Preparing an evidence file for the browser: the web video and the poster.

Runs in a task worker. The original is only read, never altered: it is what
the educator submitted and what its checksum vouches for. The work is
claimed with a conditional update, so a duplicate task (enqueued twice, or
re-queued by the reaper) does nothing while another holds the claim.
"""

from __future__ import annotations

import enum
import logging
import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.db.models import Case, F, Value, When

from evident.earning.media import inspect_file, make_web_copies
from evident.earning.models import EvidenceFile

logger = logging.getLogger(__name__)

Processing = EvidenceFile.Processing
# Shown to staff beside the educator's message; keep the row small.
ERROR_MAX_LENGTH = 500


class Outcome(enum.StrEnum):
    READY = "ready"
    RETRY = "retry"  # failed this time; the caller enqueues another attempt
    FAILED = "failed"  # failed for the last time; the original stays downloadable
    SKIPPED = "skipped"  # not ours to do: missing, purged, already claimed, ready or out of attempts


def evidence_file_process(file_uuid: str) -> Outcome:
    """Make and store the web copies of one evidence file, recording the outcome on its row.

    Claims the row (``pending`` or ``failed`` to ``processing``, while
    attempts remain); returns SKIPPED when the claim fails. The original is
    copied from ``default_storage`` to a temporary folder (storage may be
    remote), the copies are saved under ``evidence/<enrolment>/<file>/`` and
    the row becomes ``ready``. On any error the attempt is counted and the
    error kept: RETRY while attempts remain (the row is ``pending`` again),
    else FAILED. Errors are recorded, not raised. Reprocessing a row that
    ran out of attempts needs its ``processing_attempts`` reset first.
    """
    claimed = EvidenceFile.objects.filter(
        uuid=file_uuid,
        processing__in=[Processing.PENDING, Processing.FAILED],
        processing_attempts__lt=settings.EARNING_PROCESSING_ATTEMPTS,
        purged_at__isnull=True,
    ).update(processing=Processing.PROCESSING)
    if claimed != 1:
        return Outcome.SKIPPED
    file = EvidenceFile.objects.select_related("evidence__submission__enrollment").get(uuid=file_uuid)
    saved: list[str] = []
    try:
        web_video, poster = _make_and_store(file, saved)
    except Exception as exc:
        logger.warning("Processing evidence file %s failed", file_uuid, exc_info=True)
        for name in saved:
            default_storage.delete(name)
        return _record_failure(file_uuid, f"{type(exc).__name__}: {exc}")
    done = EvidenceFile.objects.filter(uuid=file_uuid, processing=Processing.PROCESSING).update(
        processing=Processing.READY, web_video=web_video, poster=poster, processing_error=""
    )
    if done != 1:
        # Removed from the draft (or released by the reaper) meanwhile: ours are orphans.
        for name in saved:
            default_storage.delete(name)
        return Outcome.SKIPPED
    _share_with_copies(file, processing=Processing.READY, web_video=web_video, poster=poster, processing_error="")
    return Outcome.READY


def _share_with_copies(file: EvidenceFile, **state: str) -> None:
    """Rows carried into a later submission share the original, so they share its outcome."""
    EvidenceFile.objects.filter(original=file.original.name).exclude(pk=file.pk).exclude(
        processing=Processing.READY
    ).update(**state)


def _make_and_store(file: EvidenceFile, saved: list[str]) -> tuple[str, str]:
    """The stored names of the web video ("" when the original plays as it is) and the poster."""
    if file.kind == EvidenceFile.Kind.DOCUMENT:
        return "", ""
    folder = f"evidence/{file.evidence.submission.enrollment.uuid}/{file.uuid}"
    with tempfile.TemporaryDirectory(prefix="evident-processing-") as temp:
        workdir = Path(temp)
        original = workdir / f"original{Path(file.original.name).suffix.lower()}"
        # Through the storage API, never .path: in production this is S3.
        with default_storage.open(file.original.name, "rb") as source, original.open("wb") as target:
            shutil.copyfileobj(source, target, 1024 * 1024)
        info = inspect_file(original, filename=file.original_name)
        copies = make_web_copies(original, workdir / "web", info)
        web_video = ""
        if copies.video is not None:
            with copies.video.open("rb") as handle:
                web_video = default_storage.save(f"{folder}/web.mp4", File(handle))
            saved.append(web_video)
        with copies.poster.open("rb") as handle:
            poster = default_storage.save(f"{folder}/poster.jpg", File(handle))
        saved.append(poster)
    return web_video, poster


def _record_failure(file_uuid: str, error: str) -> Outcome:
    limit = settings.EARNING_PROCESSING_ATTEMPTS
    EvidenceFile.objects.filter(uuid=file_uuid, processing=Processing.PROCESSING).update(
        processing_attempts=F("processing_attempts") + 1,
        processing=Case(
            When(processing_attempts__lt=limit - 1, then=Value(Processing.PENDING)),
            default=Value(Processing.FAILED),
        ),
        processing_error=error[:ERROR_MAX_LENGTH],
    )
    file = EvidenceFile.objects.filter(uuid=file_uuid).first()
    if file is not None and file.processing == Processing.FAILED:
        _share_with_copies(file, processing=Processing.FAILED, processing_error=file.processing_error)
    return Outcome.RETRY if file is not None and file.processing == Processing.PENDING else Outcome.FAILED


def evidence_file_release(file_uuid: str) -> None:
    """Give back the claim of a worker that died while processing ``file_uuid``.

    Called by the task reaper when it re-queues the task. The lost attempt
    counts, so a file that kills its worker every time ends ``failed``.
    """
    _record_failure(file_uuid, "The worker stopped while preparing this file.")
