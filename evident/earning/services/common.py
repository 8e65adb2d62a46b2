"""What the earning services share: limits, the timeline, new drafts, a draft's evidence."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from evident.accounts.models import User
from evident.catalog.models import Requirement
from evident.earning.models import (
    Enrollment,
    EnrollmentEvent,
    Evidence,
    Submission,
)

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
