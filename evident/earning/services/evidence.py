"""A draft's evidence: written responses and links, files, and resumable uploads."""

from __future__ import annotations

import hashlib
import uuid as uuid_module
from datetime import timedelta
from functools import partial
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Max
from django.http import Http404
from django.utils import timezone

from evident.accounts.audit import audit_record, current_origin
from evident.accounts.models import User
from evident.earning import tasks
from evident.earning.media import MediaRefused, check_for_requirement, inspect_file
from evident.earning.models import (
    Evidence,
    EvidenceAccess,
    EvidenceFile,
    Submission,
    Upload,
)
from evident.earning.permissions import access_draft
from evident.earning.services.common import (
    FILE_KINDS,
    MAX_FILES_PER_REQUIREMENT,
    MAX_OPEN_UPLOADS,
    MAX_TEXT_CHARACTERS,
    _draft_evidence,
)


@transaction.atomic
def evidence_save(
    *, actor: User, submission: Submission, requirement_uuid: Any, text: str | None = None, link: str | None = None
) -> Evidence:
    """Save a draft's written response or link for one requirement (autosave calls this).

    Word limits are checked at submission, not while typing: a draft may be
    over or under. Raises ValidationError for a malformed link.
    """
    submission = access_draft(actor, submission.uuid)
    evidence = _draft_evidence(submission, requirement_uuid)
    fields = ["updated_at"]
    if text is not None:
        if len(text) > MAX_TEXT_CHARACTERS:
            raise ValidationError(f"Keep the response under {MAX_TEXT_CHARACTERS:,} characters.", code="too_long")
        evidence.text = text
        fields.append("text")
    if link is not None:
        link = link.strip()
        if link:
            try:
                URLValidator(schemes=["http", "https"])(link)
            except ValidationError:
                raise ValidationError("Enter a full web address starting with https://", code="invalid_link") from None
        evidence.link = link
        fields.append("link")
    evidence.updated_at = timezone.now()
    evidence.save(update_fields=fields)
    submission.updated_at = evidence.updated_at
    submission.save(update_fields=["updated_at"])
    return evidence


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


@transaction.atomic
def evidence_file_add(
    *, actor: User, submission: Submission, requirement_uuid: Any, path: Path, filename: str
) -> EvidenceFile:
    """Check a received file against its requirement and keep it as evidence.

    ``path`` is a local file the caller owns. Its type is decided from its
    content; a video is probed for its length. Raises ValidationError with a
    message that says what to do when the file is refused. Videos are then
    prepared for playback (web copy, poster) by a background task.
    """
    submission = access_draft(actor, submission.uuid)
    evidence = _draft_evidence(submission, requirement_uuid)
    requirement = evidence.requirement
    if requirement.evidence_kind not in FILE_KINDS:
        raise ValidationError("This requirement asks for a written response or a link, not a file.", code="not_files")
    if evidence.files.count() >= MAX_FILES_PER_REQUIREMENT:
        raise ValidationError(
            f"A requirement takes at most {MAX_FILES_PER_REQUIREMENT} files. Remove one first.", code="too_many"
        )
    size = path.stat().st_size
    try:
        info = inspect_file(path, filename=filename)
        check_for_requirement(info, size=size, filename=filename, requirement=requirement)
    except MediaRefused as refused:
        raise ValidationError(refused.message, code=refused.code) from None
    file_uuid = uuid_module.uuid4()
    name = f"evidence/{submission.enrollment.uuid}/{file_uuid}/original.{info.extension}"
    with path.open("rb") as handle:
        stored = default_storage.save(name, File(handle))
    needs_processing = info.kind == EvidenceFile.Kind.VIDEO
    order = (evidence.files.aggregate(m=Max("order"))["m"] or 0) + 1
    file = EvidenceFile.objects.create(
        uuid=file_uuid,
        evidence=evidence,
        owner=actor,
        order=order,
        original=stored,
        original_name=Path(filename).name[:255] or f"file.{info.extension}",
        size=size,
        sha256=_sha256(path),
        content_type=info.content_type,
        kind=info.kind,
        duration_seconds=info.duration_seconds,
        width=info.width,
        height=info.height,
        processing=EvidenceFile.Processing.PENDING if needs_processing else EvidenceFile.Processing.READY,
    )
    if needs_processing:
        transaction.on_commit(lambda: tasks.process_evidence_file_task.enqueue(str(file.uuid)))
    submission.updated_at = timezone.now()
    submission.save(update_fields=["updated_at"])
    audit_record(
        actor=actor,
        organization=submission.enrollment.organization,
        action="evidence.file_added",
        target=file,
        data={"requirement": str(requirement.uuid), "kind": info.kind, "size": size, "sha256": file.sha256},
    )
    return file


@transaction.atomic
def evidence_file_remove(*, actor: User, file: EvidenceFile) -> None:
    """Remove a file from a draft. The bytes stay while an earlier, frozen submission refers to them."""
    submission = access_draft(actor, file.evidence.submission.uuid)
    evidence = _draft_evidence(submission, file.evidence.requirement.uuid)
    names = [n for n in (file.original.name, file.web_video.name, file.poster.name) if n]
    file.delete()
    still_used: set[str] = set()
    for row in EvidenceFile.objects.filter(evidence__submission__enrollment=submission.enrollment).values_list(
        "original", "web_video", "poster"
    ):
        still_used.update(row)
    for name in sorted(set(names) - still_used):
        transaction.on_commit(partial(default_storage.delete, name))
    audit_record(
        actor=actor,
        organization=submission.enrollment.organization,
        action="evidence.file_removed",
        target=evidence,
        data={"name": file.original_name},
    )


@transaction.atomic
def upload_create(
    *,
    actor: User,
    submission_uuid: str,
    requirement_uuid: str,
    filename: str,
    length: int,
    metadata: dict[str, str],
) -> Upload:
    """Open a resumable upload for one requirement of the actor's draft.

    Raises Http404 when the draft or requirement is not the actor's, and
    ValidationError (codes ``too_large``, ``not_draft``, ``not_files``,
    ``carried_over``, ``file_type``) with a message for the educator.
    """
    submission = access_draft(actor, submission_uuid)
    evidence = _draft_evidence(submission, requirement_uuid)
    requirement = evidence.requirement
    if requirement.evidence_kind not in FILE_KINDS:
        raise ValidationError("This requirement asks for a written response or a link, not a file.", code="not_files")
    limit = settings.EARNING_MAX_UPLOAD_BYTES
    if requirement.max_file_mb:
        limit = min(limit, requirement.max_file_mb * 1024 * 1024)
    if length > limit:
        raise ValidationError(
            f"“{filename}” is {length / 1024 / 1024:,.0f} MB; this requirement takes files up to "
            f"{limit / 1024 / 1024:,.0f} MB. Trim or compress it and try again.",
            code="too_large",
        )
    extension = Path(filename).suffix.lower().lstrip(".")
    accepted = [t.lower() for t in requirement.file_types]
    if accepted and extension and extension not in accepted and not (extension == "jpeg" and "jpg" in accepted):
        raise ValidationError(
            f"“{filename}” is not a file type this requirement takes ({', '.join(accepted)}).", code="file_type"
        )
    open_uploads = Upload.objects.filter(owner=actor, completed_at__isnull=True, expires_at__gt=timezone.now())
    if open_uploads.count() >= MAX_OPEN_UPLOADS:
        raise ValidationError(
            f"You have {MAX_OPEN_UPLOADS} uploads in progress. Let them finish (or remove them) before starting another.",
            code="too_many_uploads",
        )
    upload = Upload.objects.create(
        owner=actor,
        submission=submission,
        requirement=requirement,
        filename=Path(filename).name[:255] or "upload",
        length=length,
        metadata=metadata,
        expires_at=timezone.now() + timedelta(hours=settings.EARNING_UPLOAD_EXPIRY_HOURS),
    )
    return upload


def upload_finish(*, upload: Upload, path: Path) -> EvidenceFile | None:
    """Turn a completed upload into evidence. On refusal, keep the reason on the upload and return None."""
    try:
        file = evidence_file_add(
            actor=upload.owner,
            submission=upload.submission,
            requirement_uuid=upload.requirement.uuid,
            path=path,
            filename=upload.filename,
        )
    except (ValidationError, Http404) as exc:
        message = " ".join(exc.messages) if isinstance(exc, ValidationError) else "This draft is no longer open."
        Upload.objects.filter(pk=upload.pk).update(completed_at=timezone.now(), error=message)
        upload.completed_at, upload.error = timezone.now(), message
        return None
    Upload.objects.filter(pk=upload.pk).update(completed_at=timezone.now(), evidence_file=file, error="")
    upload.completed_at, upload.evidence_file = timezone.now(), file
    return file


def evidence_view_record(*, viewer: User, file: EvidenceFile, capacity: str, variant: str) -> EvidenceAccess:
    """Record one view of an evidence file (append-only), with where it came from.

    The caller has checked access; every permitted view is recorded.
    """
    where = current_origin()
    return EvidenceAccess.objects.create(
        evidence_file=file,
        viewer=viewer,
        capacity=capacity,
        variant=variant,
        ip_address=where.ip_address,
        user_agent=where.user_agent[:300],
    )
