"""Review: reviewer pools and their certification, assignments, scores and decisions.

Reviewers belong to pools of a reviewing organization, one pool per
micro-credential or per stack. A reviewer scores a pool's calibration set
against master scores before they may take work, and again when their
certification expires. Submissions wait in a queue per micro-credential;
a certified reviewer takes the next one. Review is blind: reviewers see a
submission's code, never the educator. New micro-credential versions are
scored twice; disagreements go to a lead reviewer, whose decision stands.

.. pii:: scores and feedback are about an educator's practice; notes are
   written while watching classroom video.
"""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import ClassVar

from django.db import models
from django.utils import timezone

from evident.accounts.models import Organization, User
from evident.catalog.models import MicroCredential, Requirement, RubricLevel, Stack
from evident.earning.models import EvidenceFile, Submission


class ReviewerPool(models.Model):
    """The reviewers of one reviewing organization for one micro-credential or one stack."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="reviewer_pools")
    name = models.CharField(max_length=160)
    micro_credential = models.ForeignKey(
        MicroCredential, null=True, blank=True, on_delete=models.PROTECT, related_name="reviewer_pools"
    )
    stack = models.ForeignKey(Stack, null=True, blank=True, on_delete=models.PROTECT, related_name="reviewer_pools")
    # Certification rules (defaults from the brief; a lead reviewer may tighten them).
    min_exact_agreement = models.DecimalField(max_digits=4, decimal_places=3, default=Decimal("0.800"))
    max_level_distance = models.PositiveSmallIntegerField(
        default=1, help_text="No calibration score may be further than this from the master score."
    )
    require_outcomes_match = models.BooleanField(default=True)
    certification_days = models.PositiveIntegerField(default=365)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar = ["name"]
        constraints: ClassVar = [
            models.CheckConstraint(
                condition=(
                    models.Q(micro_credential__isnull=False, stack__isnull=True)
                    | models.Q(micro_credential__isnull=True, stack__isnull=False)
                ),
                name="review_pool_is_for_micro_credential_or_stack",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class PoolMember(models.Model):
    pool = models.ForeignKey(ReviewerPool, on_delete=models.CASCADE, related_name="members")
    reviewer = models.ForeignKey(User, on_delete=models.CASCADE, related_name="pool_memberships")
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["pool", "reviewer"], name="review_pool_member_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.reviewer} in {self.pool}"


class CalibrationSet(models.Model):
    """Submissions with master scores that a reviewer must match to be certified."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    pool = models.ForeignKey(ReviewerPool, on_delete=models.CASCADE, related_name="calibration_sets")
    title = models.CharField(max_length=160)
    is_active = models.BooleanField(default=False, help_text="The set reviewers take now.")
    created_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.title


class CalibrationItem(models.Model):
    """One submission in a calibration set (a real one, shown by its code only, or an exemplar)."""

    set = models.ForeignKey(CalibrationSet, on_delete=models.CASCADE, related_name="items")
    submission = models.ForeignKey(Submission, on_delete=models.PROTECT, related_name="calibration_items")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering: ClassVar = ["order", "id"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["set", "submission"], name="review_calibration_item_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.set} #{self.order}"


class MasterScore(models.Model):
    item = models.ForeignKey(CalibrationItem, on_delete=models.CASCADE, related_name="master_scores")
    requirement = models.ForeignKey(Requirement, on_delete=models.PROTECT, related_name="+")
    level = models.ForeignKey(RubricLevel, on_delete=models.PROTECT, related_name="+")
    rationale = models.TextField(blank=True, help_text="Why this level: shown to reviewers after they score.")

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["item", "requirement"], name="review_master_score_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.item}: {self.level}"


class CalibrationAttempt(models.Model):
    """A reviewer scoring a calibration set, blind to the master scores until they finish."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    set = models.ForeignKey(CalibrationSet, on_delete=models.PROTECT, related_name="attempts")
    reviewer = models.ForeignKey(User, on_delete=models.CASCADE, related_name="calibration_attempts")
    started_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)
    exact_agreement = models.FloatField(null=True, blank=True)
    max_distance = models.PositiveSmallIntegerField(null=True, blank=True)
    outcomes_match = models.BooleanField(null=True, blank=True)
    passed = models.BooleanField(null=True, blank=True)

    class Meta:
        ordering: ClassVar = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.reviewer} on {self.set}"


class CalibrationScore(models.Model):
    attempt = models.ForeignKey(CalibrationAttempt, on_delete=models.CASCADE, related_name="scores")
    item = models.ForeignKey(CalibrationItem, on_delete=models.CASCADE, related_name="+")
    requirement = models.ForeignKey(Requirement, on_delete=models.PROTECT, related_name="+")
    level = models.ForeignKey(RubricLevel, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["attempt", "item", "requirement"], name="review_calibration_score_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.attempt}: {self.level}"


class Certification(models.Model):
    """A reviewer may take work from a pool until this expires or is revoked."""

    reviewer = models.ForeignKey(User, on_delete=models.CASCADE, related_name="certifications")
    pool = models.ForeignKey(ReviewerPool, on_delete=models.CASCADE, related_name="certifications")
    attempt = models.ForeignKey(CalibrationAttempt, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    certified_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering: ClassVar = ["-certified_at"]
        indexes: ClassVar = [models.Index(fields=["reviewer", "pool", "expires_at"])]

    def __str__(self) -> str:
        return f"{self.reviewer} certified for {self.pool}"


class QueueEntry(models.Model):
    """A submission waiting for review: what it needs next, and whether it is scored twice."""

    submission = models.OneToOneField(Submission, on_delete=models.CASCADE, related_name="queue_entry")
    micro_credential = models.ForeignKey(MicroCredential, on_delete=models.PROTECT, related_name="+")
    entered_at = models.DateTimeField(default=timezone.now)
    # The role the submission waits for ("" while an assignment holds it or once decided).
    needs = models.CharField(max_length=15, blank=True, default="first")
    double_scored = models.BooleanField(default=False)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes: ClassVar = [
            models.Index(
                fields=["micro_credential", "needs", "entered_at"],
                condition=models.Q(closed_at__isnull=True),
                name="review_queue_open",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.submission.code} waiting for {self.needs or 'nothing'}"


class Assignment(models.Model):
    """A reviewer's turn at a submission, in one role."""

    class Role(models.TextChoices):
        FIRST = "first", "First scoring"
        SECOND = "second", "Second scoring"
        ADJUDICATION = "adjudication", "Adjudication"
        BACK_READ = "back_read", "Back-reading"

    class Status(models.TextChoices):
        ACTIVE = "active", "In progress"
        COMPLETED = "completed", "Completed"
        RETURNED = "returned", "Returned to the queue"

    # An active or completed assignment holds its role: no one else may take it.
    HOLDS_ROLE: ClassVar[list[str]] = [Status.ACTIVE, Status.COMPLETED]

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    submission = models.ForeignKey(Submission, on_delete=models.PROTECT, related_name="assignments")
    pool = models.ForeignKey(ReviewerPool, on_delete=models.PROTECT, related_name="assignments")
    reviewer = models.ForeignKey(User, on_delete=models.PROTECT, related_name="assignments")
    role = models.CharField(max_length=15, choices=Role.choices, default=Role.FIRST)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.ACTIVE)
    assigned_at = models.DateTimeField(default=timezone.now)
    due_at = models.DateTimeField()
    reminded_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    returned_at = models.DateTimeField(null=True, blank=True)
    outcome_passed = models.BooleanField(null=True, blank=True)

    class Meta:
        ordering: ClassVar = ["due_at"]
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["submission", "role"],
                condition=models.Q(status__in=["active", "completed"]),
                name="review_one_holder_per_role",
            ),
        ]
        indexes: ClassVar = [models.Index(fields=["reviewer", "status"]), models.Index(fields=["status", "due_at"])]

    def __str__(self) -> str:
        return f"{self.get_role_display()} of {self.submission.code} by {self.reviewer}"


class Score(models.Model):
    """A reviewer's level and feedback for one requirement; saved as they go."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="scores")
    requirement = models.ForeignKey(Requirement, on_delete=models.PROTECT, related_name="+")
    level = models.ForeignKey(RubricLevel, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    feedback = models.TextField(blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["assignment", "requirement"], name="review_score_per_requirement"),
        ]

    def __str__(self) -> str:
        return f"{self.assignment}: {self.level}"


class VideoNote(models.Model):
    """A reviewer's note pinned to a moment of a video in the evidence."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="video_notes")
    evidence_file = models.ForeignKey(EvidenceFile, on_delete=models.CASCADE, related_name="+")
    seconds = models.FloatField()
    text = models.CharField(max_length=1000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar = ["seconds"]

    def __str__(self) -> str:
        return f"{self.seconds:.0f}s: {self.text[:40]}"


class Decision(models.Model):
    """The final decision on a submission: who decided, how, and why."""

    class Outcome(models.TextChoices):
        EARNED = "earned", "Earned"
        NEEDS_REVISION = "needs_revision", "Needs revision"

    class Basis(models.TextChoices):
        SINGLE = "single", "One reviewer"
        AGREED = "agreed", "Two reviewers agreed"
        ADJUDICATED = "adjudicated", "A lead reviewer adjudicated"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    submission = models.OneToOneField(Submission, on_delete=models.PROTECT, related_name="decision")
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    basis = models.CharField(max_length=12, choices=Basis.choices)
    decided_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    assignment = models.ForeignKey(Assignment, null=True, on_delete=models.SET_NULL, related_name="+")
    reason = models.TextField(blank=True)
    decided_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar = ["-decided_at"]

    def __str__(self) -> str:
        return f"{self.submission.code}: {self.get_outcome_display()}"
