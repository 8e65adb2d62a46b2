"""Enrolments, submissions and the evidence in them.

An educator enrols in one published version of a micro-credential and works
on a draft submission: evidence per requirement (files, a written response,
a link). Submitting freezes the draft into an immutable snapshot; a decision
of "needs revision" opens the next submission with the passed requirements
carried over. Evidence files are stored through Django's storage API and are
never served from a public URL (see ``views/files.py``).

.. pii:: everything here is educator data; evidence files show classrooms,
   and so minors.
"""

from __future__ import annotations

import secrets
import uuid
from typing import ClassVar

from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone

from evident.accounts.models import Organization, User
from evident.catalog.models import MicroCredential, MicroCredentialVersion, Requirement

# Submission codes are what blind reviewers see instead of a name: no
# look-alike characters, so they can be read aloud or typed.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def new_submission_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
    return f"{raw[:4]}-{raw[4:]}"


class Enrollment(models.Model):
    """An educator working toward one micro-credential, on the version they started."""

    class Status(models.TextChoices):
        WORKING = "working", "Working on it"
        SUBMITTED = "submitted", "Submitted"
        UNDER_REVIEW = "under_review", "Under review"
        NEEDS_REVISION = "needs_revision", "Needs revision"
        EARNED = "earned", "Earned"
        WITHDRAWN = "withdrawn", "Withdrawn"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    educator = models.ForeignKey(User, on_delete=models.PROTECT, related_name="enrollments")
    # The organization the educator enrolled through: its retention period
    # applies to the evidence and its programs may set a deadline. Null for an
    # educator who belongs to no organization yet (the platform default applies).
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.PROTECT, related_name="enrollments"
    )
    micro_credential = models.ForeignKey(MicroCredential, on_delete=models.PROTECT, related_name="enrollments")
    version = models.ForeignKey(MicroCredentialVersion, on_delete=models.PROTECT, related_name="enrollments")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.WORKING)
    deadline = models.DateField(null=True, blank=True, help_text="Set by a program, if any.")
    started_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    earned_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    # When the educator was told that this open, inactive enrolment would be
    # withdrawn and its media deleted (``retention.py``). Activity after it
    # makes the warning void; it is never cleared.
    inactivity_warned_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering: ClassVar = ["-updated_at"]
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["educator", "micro_credential"],
                condition=~models.Q(status="withdrawn"),
                name="earning_one_open_enrollment",
            ),
        ]
        indexes: ClassVar = [models.Index(fields=["educator", "status"])]

    def __str__(self) -> str:
        return f"{self.educator} · {self.version}"

    def get_absolute_url(self) -> str:
        return reverse("earning:enrollment-detail", kwargs={"uuid": self.uuid})

    @property
    def is_open(self) -> bool:
        return self.status not in {self.Status.EARNED, self.Status.WITHDRAWN}


class Submission(models.Model):
    """One attempt: a draft until submitted, then a frozen snapshot."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted"
        UNDER_REVIEW = "under_review", "Under review"
        NEEDS_REVISION = "needs_revision", "Needs revision"
        PASSED = "passed", "Passed"
        WITHDRAWN = "withdrawn", "Withdrawn"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="submissions")
    number = models.PositiveSmallIntegerField(validators=[MinValueValidator(1)])
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    code = models.CharField(max_length=9, unique=True, default=new_submission_code)
    consent_attested_at = models.DateTimeField(null=True, blank=True)
    consent_statement = models.TextField(blank=True)
    coaching_confirmed_at = models.DateTimeField(null=True, blank=True)
    coaching_note = models.TextField(blank=True)
    # Frozen at submission: every piece of evidence with its checksum, so what
    # reviewers score is exactly what was sent.
    snapshot = models.JSONField(null=True, blank=True)
    snapshot_sha256 = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)
    review_started_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering: ClassVar = ["number"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["enrollment", "number"], name="earning_submission_number_unique"),
            models.UniqueConstraint(
                fields=["enrollment"], condition=models.Q(status="draft"), name="earning_one_draft_per_enrollment"
            ),
        ]
        indexes: ClassVar = [models.Index(fields=["status", "submitted_at"])]

    def __str__(self) -> str:
        return f"Submission {self.code} (#{self.number})"

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT


class Evidence(models.Model):
    """What the educator gives for one requirement in one submission."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="evidence")
    requirement = models.ForeignKey(Requirement, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(blank=True)
    link = models.URLField(max_length=500, blank=True)
    # A requirement that passed in an earlier submission comes across locked.
    carried_over = models.BooleanField(default=False)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["submission", "requirement"], name="earning_evidence_per_requirement"),
        ]

    def __str__(self) -> str:
        return f"Evidence for {self.requirement} in {self.submission}"


class EvidenceFile(models.Model):
    """An uploaded file: the checksummed original, never altered, and its web copies.

    A carried-over submission's rows point at the same stored names; the
    retention task deletes the bytes and keeps the row.
    """

    class Kind(models.TextChoices):
        VIDEO = "video", "Video"
        DOCUMENT = "document", "Document"
        IMAGE = "image", "Image"

    class Processing(models.TextChoices):
        PENDING = "pending", "Waiting to be processed"
        PROCESSING = "processing", "Processing"
        READY = "ready", "Ready"
        FAILED = "failed", "Processing failed"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    evidence = models.ForeignKey(Evidence, on_delete=models.CASCADE, related_name="files")
    owner = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    order = models.PositiveSmallIntegerField(default=0)
    original = models.FileField(max_length=300)
    original_name = models.CharField(max_length=255)
    size = models.BigIntegerField()
    sha256 = models.CharField(max_length=64)
    content_type = models.CharField(max_length=100)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    duration_seconds = models.FloatField(null=True, blank=True)
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    web_video = models.FileField(max_length=300, blank=True)
    poster = models.FileField(max_length=300, blank=True)
    processing = models.CharField(max_length=12, choices=Processing.choices, default=Processing.READY)
    processing_attempts = models.PositiveSmallIntegerField(default=0)
    processing_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    purged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering: ClassVar = ["order", "created_at"]

    def __str__(self) -> str:
        return self.original_name

    @property
    def is_purged(self) -> bool:
        return self.purged_at is not None


class Upload(models.Model):
    """A resumable (tus 1.0.0) upload in progress, for one requirement of a draft.

    The bytes arrive as chunks kept through the storage API (so any app
    process on any machine can take the next one); the last chunk assembles
    them into an :class:`EvidenceFile`.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(User, on_delete=models.CASCADE, related_name="uploads")
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="uploads")
    requirement = models.ForeignKey(Requirement, on_delete=models.CASCADE, related_name="+")
    filename = models.CharField(max_length=255)
    length = models.BigIntegerField()
    offset = models.BigIntegerField(default=0)
    metadata = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    completed_at = models.DateTimeField(null=True, blank=True)
    evidence_file = models.ForeignKey(EvidenceFile, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # Why the finished file was refused (wrong type, too long…), for the educator.
    error = models.TextField(blank=True)

    class Meta:
        indexes: ClassVar = [
            models.Index(
                fields=["expires_at"], condition=models.Q(completed_at__isnull=True), name="earning_upload_open"
            )
        ]

    def __str__(self) -> str:
        return f"Upload {self.uuid} ({self.offset}/{self.length})"


class UploadChunk(models.Model):
    upload = models.ForeignKey(Upload, on_delete=models.CASCADE, related_name="chunks")
    offset = models.BigIntegerField()
    size = models.BigIntegerField()
    name = models.CharField(max_length=300)

    class Meta:
        ordering: ClassVar = ["offset"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["upload", "offset"], name="earning_upload_chunk_offset_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.upload_id}@{self.offset}"


class CoachShare(models.Model):
    """The educator lets a coach read (and comment on) their draft."""

    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="coach_shares")
    coach = models.ForeignKey(User, on_delete=models.CASCADE, related_name="coach_shares")
    shared_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["enrollment", "coach"],
                condition=models.Q(revoked_at__isnull=True),
                name="earning_one_active_share_per_coach",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.enrollment} shared with {self.coach}"


class DraftComment(models.Model):
    """A coach's comment on a shared draft, optionally on one requirement."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="comments")
    requirement = models.ForeignKey(Requirement, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar = ["created_at"]

    def __str__(self) -> str:
        return f"Comment by {self.author} on {self.submission}"


class RequirementFeedback(models.Model):
    """The decision on one requirement of a submission, as the educator reads it."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="feedback")
    requirement = models.ForeignKey(Requirement, on_delete=models.PROTECT, related_name="+")
    passed = models.BooleanField()
    level_name = models.CharField(max_length=60, blank=True)
    feedback = models.TextField(blank=True)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["submission", "requirement"], name="earning_feedback_per_requirement"),
        ]

    def __str__(self) -> str:
        return f"{self.requirement}: {'passed' if self.passed else 'not yet'}"


class EnrollmentEvent(models.Model):
    """The educator's timeline: every state change of an enrolment and its submissions."""

    class Kind(models.TextChoices):
        STARTED = "started", "Started"
        SHARED = "shared", "Shared with a coach"
        UNSHARED = "unshared", "Stopped sharing with a coach"
        SUBMITTED = "submitted", "Submitted for review"
        WITHDRAWN_SUBMISSION = "submission_withdrawn", "Submission withdrawn"
        REVIEW_STARTED = "review_started", "Review started"
        NEEDS_REVISION = "needs_revision", "Returned for revision"
        RESUBMISSION_OPENED = "resubmission_opened", "Next submission opened"
        EARNED = "earned", "Earned"
        WITHDRAWN = "withdrawn", "Left the micro-credential"
        MEDIA_PURGED = "media_purged", "Evidence media deleted after the retention period"

    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="events")
    submission = models.ForeignKey(Submission, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=24, choices=Kind.choices)
    actor = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    note = models.CharField(max_length=300, blank=True)
    occurred_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar = ["occurred_at", "id"]

    def __str__(self) -> str:
        return f"{self.enrollment}: {self.get_kind_display()}"


class EvidenceAccess(models.Model):
    """One view of an evidence file: who, in which capacity, when, from where. Append-only."""

    evidence_file = models.ForeignKey(EvidenceFile, on_delete=models.CASCADE, related_name="accesses")
    viewer = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    capacity = models.CharField(max_length=20)
    variant = models.CharField(max_length=12, default="original")
    occurred_at = models.DateTimeField(default=timezone.now)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering: ClassVar = ["-occurred_at"]

    def __str__(self) -> str:
        return f"{self.viewer} viewed {self.evidence_file} ({self.capacity})"


class RetentionPolicy(models.Model):
    """How long an organization keeps evidence media after the final decision."""

    organization = models.OneToOneField(Organization, on_delete=models.CASCADE, related_name="retention_policy")
    evidence_retention_days = models.PositiveIntegerField(validators=[MinValueValidator(30)])
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    def __str__(self) -> str:
        return f"{self.organization}: {self.evidence_retention_days} days"
