"""Every change in earning: enrolling, drafting evidence, uploads, sharing with
a coach, submitting and withdrawing, and what a review decision does to an
enrolment. Each checks permission, writes in one transaction, adds to the
educator's timeline and appends an audit event.
"""

from __future__ import annotations

import hashlib
import json
import uuid as uuid_module
from dataclasses import dataclass
from datetime import timedelta
from functools import partial
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.http import Http404
from django.utils import timezone

from evident.accounts.audit import audit_record
from evident.accounts.models import Organization, User
from evident.accounts.permissions import Need, require
from evident.catalog.models import MicroCredentialVersion, Requirement
from evident.credentials import tasks as credential_tasks
from evident.earning import tasks
from evident.earning.media import MediaRefused, check_for_requirement, inspect_file
from evident.earning.models import (
    CoachShare,
    DraftComment,
    Enrollment,
    EnrollmentEvent,
    Evidence,
    EvidenceFile,
    RequirementFeedback,
    RetentionPolicy,
    Submission,
    Upload,
)
from evident.earning.permissions import access_draft, coach_candidates, educator_organizations, shared_with
from evident.lib.text import word_count

FILE_KINDS = frozenset(
    {Requirement.EvidenceKind.VIDEO, Requirement.EvidenceKind.DOCUMENT, Requirement.EvidenceKind.IMAGE}
)
MAX_TEXT_CHARACTERS = 50_000
MAX_FILES_PER_REQUIREMENT = 10
# Unfinished resumable uploads one person may have at once: each holds chunks in storage.
MAX_OPEN_UPLOADS = 20
CONSENT_STATEMENT = (
    "I have permission, under my school's policy, from the families of every student who can be seen or "
    "heard in this evidence, and I have removed students' names from documents and images."
)

Status = Enrollment.Status
SubmissionStatus = Submission.Status


def _event(
    enrollment: Enrollment,
    kind: str,
    *,
    actor: User | None,
    submission: Submission | None = None,
    note: str = "",
) -> None:
    EnrollmentEvent.objects.create(enrollment=enrollment, submission=submission, kind=kind, actor=actor, note=note)


def _touch(enrollment: Enrollment, status: str | None = None) -> None:
    if status is not None:
        enrollment.status = status
    enrollment.updated_at = timezone.now()
    enrollment.save(update_fields=["status", "updated_at"])


def _new_draft(enrollment: Enrollment, number: int) -> Submission:
    submission = Submission.objects.create(enrollment=enrollment, number=number)
    Evidence.objects.bulk_create(
        Evidence(submission=submission, requirement=requirement)
        for requirement in enrollment.version.requirements.all()
    )
    return submission


# Enrolment ------------------------------------------------------------------------------------------------------


@transaction.atomic
def enrollment_start(
    *, actor: User, version: MicroCredentialVersion, organization: Organization | None = None
) -> Enrollment:
    """Start a published micro-credential on its live version, with a first draft.

    ``organization`` is where the educator enrols from (one where they are an
    educator); by default their only or first such organization, or none.
    Raises ValidationError when the version is not live, or when the educator
    already has an open enrolment or has earned it.
    """
    if not actor.is_authenticated or not actor.is_active:
        raise PermissionDenied("Sign in to start a micro-credential.")
    if not version.is_live:
        raise ValidationError("This micro-credential is not open for enrolment.", code="not_live")
    micro_credential = version.micro_credential
    existing = Enrollment.objects.filter(educator=actor, micro_credential=micro_credential).exclude(
        status=Status.WITHDRAWN
    )
    if existing.filter(status=Status.EARNED).exists():
        raise ValidationError("You have already earned this micro-credential.", code="already_earned")
    if existing.exists():
        raise ValidationError("You are already working on this micro-credential.", code="already_enrolled")
    allowed = educator_organizations(actor)
    if organization is None:
        organization = allowed.order_by("name").first()
    elif not allowed.filter(pk=organization.pk).exists():
        raise Http404("No such organization.")
    enrollment = Enrollment(
        educator=actor, organization=organization, micro_credential=micro_credential, version=version
    )
    enrollment.full_clean(exclude=["educator", "micro_credential", "version", "organization"])
    try:
        with transaction.atomic():
            enrollment.save()
    except IntegrityError:
        # Two tabs clicked "Start" at once: the constraint kept one enrolment.
        raise ValidationError("You are already working on this micro-credential.", code="already_enrolled") from None
    submission = _new_draft(enrollment, 1)
    _event(enrollment, EnrollmentEvent.Kind.STARTED, actor=actor, submission=submission, note=version.title)
    audit_record(
        actor=actor,
        organization=organization,
        action="enrollment.started",
        target=enrollment,
        data={"version": str(version.uuid)},
    )
    return enrollment


@transaction.atomic
def enrollment_withdraw(*, actor: User, enrollment: Enrollment) -> Enrollment:
    """Leave a micro-credential. Not once review has started or it was earned."""
    enrollment = Enrollment.objects.select_for_update().get(pk=enrollment.pk)
    if enrollment.educator_id != actor.pk:
        raise Http404("No such enrolment.")
    if enrollment.status in {Status.UNDER_REVIEW, Status.EARNED, Status.WITHDRAWN}:
        raise ValidationError(
            f"You cannot leave a micro-credential that is {enrollment.get_status_display().lower()}.",
            code="cannot_withdraw",
        )
    enrollment.submissions.filter(status__in=[SubmissionStatus.DRAFT, SubmissionStatus.SUBMITTED]).update(
        status=SubmissionStatus.WITHDRAWN, updated_at=timezone.now()
    )
    enrollment.withdrawn_at = timezone.now()
    enrollment.status = Status.WITHDRAWN
    enrollment.updated_at = enrollment.withdrawn_at
    enrollment.save(update_fields=["status", "withdrawn_at", "updated_at"])
    CoachShare.objects.filter(enrollment=enrollment, revoked_at__isnull=True).update(revoked_at=timezone.now())
    _event(enrollment, EnrollmentEvent.Kind.WITHDRAWN, actor=actor)
    audit_record(actor=actor, organization=enrollment.organization, action="enrollment.withdrawn", target=enrollment)
    return enrollment


# Drafting -------------------------------------------------------------------------------------------------------


def _draft_evidence(submission: Submission, requirement_uuid: Any) -> Evidence:
    try:
        evidence = Evidence.objects.select_related("requirement").get(
            submission=submission, requirement__uuid=requirement_uuid
        )
    except (Evidence.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such requirement.") from None
    if evidence.carried_over:
        raise ValidationError(
            "This requirement passed in your last submission and is carried over as it was.", code="carried_over"
        )
    return evidence


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


# Uploads (tus) --------------------------------------------------------------------------------------------------


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


# Coaching -------------------------------------------------------------------------------------------------------


@transaction.atomic
def coach_share(*, actor: User, enrollment: Enrollment, coach: User) -> CoachShare:
    """Let a coach of the educator's organization read and comment on the draft."""
    if enrollment.educator_id != actor.pk:
        raise Http404("No such enrolment.")
    if not coach_candidates(enrollment).filter(pk=coach.pk).exists():
        raise ValidationError("Choose one of the coaches of your organization.", code="not_a_coach")
    share = CoachShare.objects.filter(enrollment=enrollment, coach=coach, revoked_at__isnull=True).first()
    if share is not None:
        return share
    share = CoachShare.objects.create(enrollment=enrollment, coach=coach)
    _event(enrollment, EnrollmentEvent.Kind.SHARED, actor=actor, note=coach.display_name)
    audit_record(
        actor=actor,
        organization=enrollment.organization,
        action="enrollment.shared_with_coach",
        target=enrollment,
        data={"coach": str(coach.uuid)},
    )
    return share


@transaction.atomic
def coach_unshare(*, actor: User, enrollment: Enrollment, coach: User) -> None:
    if enrollment.educator_id != actor.pk:
        raise Http404("No such enrolment.")
    changed = CoachShare.objects.filter(enrollment=enrollment, coach=coach, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    if changed:
        _event(enrollment, EnrollmentEvent.Kind.UNSHARED, actor=actor, note=coach.display_name)
        audit_record(
            actor=actor,
            organization=enrollment.organization,
            action="enrollment.unshared_with_coach",
            target=enrollment,
            data={"coach": str(coach.uuid)},
        )


@transaction.atomic
def draft_comment_add(
    *, actor: User, submission: Submission, body: str, requirement: Requirement | None = None
) -> DraftComment:
    """A coach comments on a draft shared with them."""
    enrollment = submission.enrollment
    if not shared_with(actor, enrollment):
        raise Http404("No such submission.")
    body = body.strip()
    if not body:
        raise ValidationError("Write a comment first.", code="empty")
    if len(body) > 5000:
        raise ValidationError("Keep comments under 5,000 characters.", code="too_long")
    if requirement is not None and requirement.version_id != enrollment.version_id:
        raise Http404("No such requirement.")
    comment = DraftComment.objects.create(submission=submission, requirement=requirement, author=actor, body=body)
    audit_record(actor=actor, organization=enrollment.organization, action="draft.commented", target=submission)
    return comment


# Submitting -----------------------------------------------------------------------------------------------------


def attempts_before_coaching() -> int:
    return int(settings.EARNING_ATTEMPTS_BEFORE_COACHING)


def needs_coaching(submission: Submission) -> bool:
    """After the configured number of attempts, a coaching conversation comes before the next one."""
    return submission.number > attempts_before_coaching()


def submission_problems(submission: Submission) -> list[str]:
    """What stops this draft from being submitted, in plain words, one line per problem."""
    problems: list[str] = []
    evidence_list = list(
        submission.evidence.select_related("requirement").prefetch_related("files").order_by("requirement__order")
    )
    for evidence in evidence_list:
        requirement = evidence.requirement
        label = f"Requirement {requirement.order + 1} ({requirement.title or requirement.get_evidence_kind_display()})"
        if evidence.carried_over:
            continue
        if requirement.evidence_kind in FILE_KINDS:
            if not evidence.files.all():
                problems.append(f"{label}: add a file.")
        elif requirement.evidence_kind == Requirement.EvidenceKind.LINK:
            if not evidence.link:
                problems.append(f"{label}: add a link.")
        else:
            words = word_count(evidence.text)
            if not words:
                problems.append(f"{label}: write your response.")
            elif requirement.min_words and words < requirement.min_words:
                problems.append(f"{label}: {words} words written; at least {requirement.min_words} are asked for.")
            elif requirement.max_words and words > requirement.max_words:
                problems.append(f"{label}: {words} words written; at most {requirement.max_words} are allowed.")
    return problems


def _snapshot(submission: Submission) -> dict[str, Any]:
    evidence_list = submission.evidence.select_related("requirement").prefetch_related("files")
    return {
        "submission": submission.code,
        "number": submission.number,
        "version": str(submission.enrollment.version.uuid),
        "evidence": [
            {
                "requirement": str(e.requirement.uuid),
                "title": e.requirement.title,
                "kind": e.requirement.evidence_kind,
                "carried_over": e.carried_over,
                "text": e.text,
                "link": e.link,
                "files": [
                    {
                        "uuid": str(f.uuid),
                        "name": f.original_name,
                        "sha256": f.sha256,
                        "size": f.size,
                        "content_type": f.content_type,
                        "duration_seconds": f.duration_seconds,
                    }
                    for f in e.files.all()
                ],
            }
            for e in sorted(evidence_list, key=lambda e: e.requirement.order)
        ],
    }


@dataclass(frozen=True)
class SubmitChoices:
    consent: bool
    coaching_note: str = ""


@transaction.atomic
def submission_submit(*, actor: User, submission: Submission, choices: SubmitChoices) -> Submission:
    """Freeze the draft into an immutable snapshot and send it for review.

    Raises ValidationError listing what is missing, when consent is not
    attested, or when a coaching conversation is due and not recorded.
    """
    submission = access_draft(actor, submission.uuid)
    submission = Submission.objects.select_for_update().select_related("enrollment__version").get(pk=submission.pk)
    problems = submission_problems(submission)
    if not choices.consent:
        problems.append("Confirm that you have consent for every student in your evidence.")
    if needs_coaching(submission) and not choices.coaching_note.strip():
        problems.append(
            f"This is attempt {submission.number}: before it, talk your evidence through with a coach and "
            "note when and with whom."
        )
    if problems:
        raise ValidationError(problems, code="incomplete")
    now = timezone.now()
    snapshot = _snapshot(submission)
    submission.snapshot = snapshot
    submission.snapshot_sha256 = hashlib.sha256(
        json.dumps(snapshot, sort_keys=True, separators=(",", ":")).encode()
    ).hexdigest()
    submission.consent_attested_at = now
    submission.consent_statement = CONSENT_STATEMENT
    if choices.coaching_note.strip():
        submission.coaching_confirmed_at = now
        submission.coaching_note = choices.coaching_note.strip()[:2000]
    submission.status = SubmissionStatus.SUBMITTED
    submission.submitted_at = now
    submission.updated_at = now
    submission.save()
    _touch(submission.enrollment, Status.SUBMITTED)
    _event(submission.enrollment, EnrollmentEvent.Kind.SUBMITTED, actor=actor, submission=submission)
    audit_record(
        actor=actor,
        organization=submission.enrollment.organization,
        action="submission.submitted",
        target=submission,
        data={"number": submission.number, "snapshot_sha256": submission.snapshot_sha256},
    )
    return submission


@transaction.atomic
def submission_withdraw(*, actor: User, submission: Submission) -> Submission:
    """Take a submission back before review starts; it becomes a draft again with everything in it."""
    submission = Submission.objects.select_for_update().select_related("enrollment").get(pk=submission.pk)
    if submission.enrollment.educator_id != actor.pk:
        raise Http404("No such submission.")
    if submission.status != SubmissionStatus.SUBMITTED:
        raise ValidationError("Review has started: this submission can no longer be withdrawn.", code="review_started")
    submission.status = SubmissionStatus.DRAFT
    submission.snapshot = None
    submission.snapshot_sha256 = ""
    submission.submitted_at = None
    submission.consent_attested_at = None
    submission.updated_at = timezone.now()
    submission.save()
    _touch(submission.enrollment, Status.WORKING)
    _event(submission.enrollment, EnrollmentEvent.Kind.WITHDRAWN_SUBMISSION, actor=actor, submission=submission)
    audit_record(
        actor=actor, organization=submission.enrollment.organization, action="submission.withdrawn", target=submission
    )
    return submission


# What review does to an enrolment ------------------------------------------------------------------------------
# The review app calls these when a reviewer takes a submission and when its
# decision is final.


@transaction.atomic
def submission_start_review(*, submission: Submission, actor: User | None = None) -> Submission:
    """Mark a submitted submission as under review: from now on it cannot be withdrawn."""
    changed = Submission.objects.filter(pk=submission.pk, status=SubmissionStatus.SUBMITTED).update(
        status=SubmissionStatus.UNDER_REVIEW, review_started_at=timezone.now(), updated_at=timezone.now()
    )
    submission.refresh_from_db()
    if changed:
        _touch(submission.enrollment, Status.UNDER_REVIEW)
        _event(submission.enrollment, EnrollmentEvent.Kind.REVIEW_STARTED, actor=None, submission=submission)
    return submission


@dataclass(frozen=True)
class RequirementOutcome:
    requirement: Requirement
    passed: bool
    level_name: str = ""
    feedback: str = ""


@transaction.atomic
def submission_decide(
    *, submission: Submission, outcomes: list[RequirementOutcome], actor: User | None = None
) -> Submission | None:
    """Record the final decision on a submission under review.

    Every requirement passed: the enrolment is earned. Otherwise it needs
    revision and the next draft opens at once, with the passed requirements
    carried over (locked) and the rest pre-filled with what was sent, the
    feedback beside each. Returns that next draft, or None when earned.
    """
    submission = Submission.objects.select_for_update().select_related("enrollment__version").get(pk=submission.pk)
    if submission.status not in {SubmissionStatus.SUBMITTED, SubmissionStatus.UNDER_REVIEW}:
        raise ValidationError("This submission has already been decided.", code="already_decided")
    requirement_ids = set(submission.evidence.values_list("requirement_id", flat=True))
    if {o.requirement.pk for o in outcomes} != requirement_ids:
        raise ValidationError("A decision needs an outcome for every requirement.", code="incomplete_decision")
    RequirementFeedback.objects.bulk_create(
        RequirementFeedback(
            submission=submission,
            requirement=o.requirement,
            passed=o.passed,
            level_name=o.level_name,
            feedback=o.feedback,
        )
        for o in outcomes
    )
    now = timezone.now()
    enrollment = submission.enrollment
    earned = all(o.passed for o in outcomes)
    submission.status = SubmissionStatus.PASSED if earned else SubmissionStatus.NEEDS_REVISION
    submission.decided_at = now
    submission.updated_at = now
    submission.save(update_fields=["status", "decided_at", "updated_at"])
    transaction.on_commit(lambda: tasks.notify_decision_task.enqueue(str(submission.uuid)))
    if earned:
        enrollment.earned_at = now
        _touch(enrollment, Status.EARNED)
        enrollment.save(update_fields=["earned_at"])
        transaction.on_commit(lambda: credential_tasks.issue_award_task.enqueue(str(enrollment.uuid)))
        _event(enrollment, EnrollmentEvent.Kind.EARNED, actor=None, submission=submission)
        audit_record(actor=actor, organization=enrollment.organization, action="enrollment.earned", target=enrollment)
        return None
    _touch(enrollment, Status.NEEDS_REVISION)
    _event(enrollment, EnrollmentEvent.Kind.NEEDS_REVISION, actor=None, submission=submission)
    passed = {o.requirement.pk for o in outcomes if o.passed}
    draft = Submission.objects.create(enrollment=enrollment, number=submission.number + 1)
    for evidence in submission.evidence.prefetch_related("files"):
        carried = Evidence.objects.create(
            submission=draft,
            requirement_id=evidence.requirement_id,
            text=evidence.text,
            link=evidence.link,
            carried_over=evidence.requirement_id in passed,
        )
        for file in evidence.files.all():
            # The same stored originals: they are never altered, so sharing them is safe.
            file.pk, file.id, file.uuid, file.evidence = None, None, uuid_module.uuid4(), carried
            file._state.adding = True
            file.save()
    _event(enrollment, EnrollmentEvent.Kind.RESUBMISSION_OPENED, actor=None, submission=draft)
    audit_record(
        actor=actor,
        organization=enrollment.organization,
        action="submission.needs_revision",
        target=submission,
        data={"passed": len(passed), "requirements": len(outcomes)},
    )
    return draft


# Organization settings ------------------------------------------------------------------------------------------


@transaction.atomic
def retention_policy_set(*, actor: User, organization: Organization, days: int) -> RetentionPolicy:
    """Set how long evidence media are kept after the final decision. Organization admins only."""
    require(actor, organization, Need.MANAGE_ORGANIZATION)
    policy = RetentionPolicy.objects.filter(organization=organization).first() or RetentionPolicy(
        organization=organization, evidence_retention_days=days
    )
    policy.evidence_retention_days = days
    policy.updated_by = actor
    policy.updated_at = timezone.now()
    policy.full_clean(exclude=["organization"])
    policy.save()
    audit_record(actor=actor, organization=organization, action="retention.updated", target=policy, data={"days": days})
    return policy
