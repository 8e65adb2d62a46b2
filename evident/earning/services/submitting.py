"""Submitting and withdrawing, and what a review decision does to an enrolment."""

from __future__ import annotations

import hashlib
import json
import uuid as uuid_module
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from evident.accounts.audit import audit_record
from evident.accounts.models import User
from evident.catalog.models import Requirement
from evident.credentials import tasks as credential_tasks
from evident.earning import tasks
from evident.earning.models import (
    EnrollmentEvent,
    Evidence,
    RequirementFeedback,
    Submission,
)
from evident.earning.permissions import access_draft
from evident.earning.services.common import (
    CONSENT_STATEMENT,
    FILE_KINDS,
    Status,
    SubmissionStatus,
    _event,
    _touch,
)
from evident.lib.text import word_count


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
