"""Scoring a submission, and what a finished scoring leads to.

A reviewer picks a level and writes feedback for each requirement (feedback
is required below the passing level) and may pin notes to moments of a
video; everything saves as they go. Completing an assignment routes the
submission: a first scoring is decided at once or sent for a second one
(every submission while its version has fewer than
``REVIEW_DOUBLE_SCORE_FIRST_DECISIONS`` decisions, then a random share and
every submission within one level of the pass line); two scorings that
disagree on the outcome, or by two or more levels on a requirement, go to a
lead reviewer, whose decision stands. A random share of single-scored
decisions is back-read by a lead reviewer; that changes nothing for the
educator, it feeds the reviewer's agreement figures.
"""

from __future__ import annotations

import random
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from evident.accounts.audit import audit_record
from evident.accounts.models import User
from evident.catalog.models import Requirement, RubricLevel
from evident.earning import services as earning
from evident.earning.models import EvidenceFile, Submission
from evident.review.models import Assignment, Decision, QueueEntry, Score, VideoNote

Role = Assignment.Role
# Draws for double scoring and back-reading; tests replace it to fix the draw.
draw = random.SystemRandom()


def _requirement(assignment: Assignment, requirement_uuid: Any) -> Requirement:
    try:
        return assignment.submission.enrollment.version.requirements.get(uuid=requirement_uuid)
    except (Requirement.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such requirement.") from None


def _check_active(actor: User, assignment: Assignment) -> None:
    """Http404 unless the actor holds the assignment; ValidationError once it is finished.

    Reads the status from the database: the caller's copy may be older.
    """
    assignment.status = Assignment.objects.values_list("status", flat=True).get(pk=assignment.pk)
    if assignment.reviewer_id != actor.pk:
        raise Http404("No such assignment.")
    if assignment.status != Assignment.Status.ACTIVE:
        raise ValidationError("This review is finished and can no longer change.", code="not_active")


@transaction.atomic
def score_save(
    *,
    actor: User,
    assignment: Assignment,
    requirement_uuid: Any,
    level_id: int | None = None,
    feedback: str | None = None,
) -> Score:
    """Save one requirement's level and/or feedback (the scoring page autosaves through this).

    ``level_id`` must be one of the requirement's own rubric levels (Http404 otherwise).
    """
    _check_active(actor, assignment)
    requirement = _requirement(assignment, requirement_uuid)
    score, _ = Score.objects.get_or_create(assignment=assignment, requirement=requirement)
    fields = ["updated_at"]
    if level_id is not None:
        try:
            score.level = requirement.levels.get(pk=level_id)
        except (RubricLevel.DoesNotExist, ValueError, TypeError):
            raise Http404("No such level.") from None
        fields.append("level")
    if feedback is not None:
        if len(feedback) > 10_000:
            raise ValidationError("Keep feedback under 10,000 characters.", code="too_long")
        score.feedback = feedback.strip()
        fields.append("feedback")
    score.updated_at = timezone.now()
    score.save(update_fields=fields)
    return score


@transaction.atomic
def video_note_add(*, actor: User, assignment: Assignment, file_uuid: Any, seconds: float, text: str) -> VideoNote:
    """Pin a note to a moment of a video in the submission under review."""
    _check_active(actor, assignment)
    try:
        file = EvidenceFile.objects.get(
            uuid=file_uuid, evidence__submission=assignment.submission, kind=EvidenceFile.Kind.VIDEO
        )
    except (EvidenceFile.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such video.") from None
    text = text.strip()
    if not text:
        raise ValidationError("Write the note first.", code="empty")
    if seconds < 0 or (file.duration_seconds and seconds > file.duration_seconds + 1):
        raise ValidationError("That moment is not in the video.", code="out_of_range")
    return VideoNote.objects.create(
        assignment=assignment, evidence_file=file, seconds=round(seconds, 1), text=text[:1000]
    )


@transaction.atomic
def video_note_remove(*, actor: User, assignment: Assignment, note_uuid: Any) -> None:
    _check_active(actor, assignment)
    assignment.video_notes.filter(uuid=note_uuid).delete()


def assignment_problems(assignment: Assignment) -> list[str]:
    """What keeps this scoring from being complete, in plain words."""
    scores = {s.requirement_id: s for s in assignment.scores.select_related("level")}
    problems = []
    for requirement in assignment.submission.enrollment.version.requirements.order_by("order"):
        label = f"Requirement {requirement.order + 1} ({requirement.title})"
        score = scores.get(requirement.pk)
        if score is None or score.level is None:
            problems.append(f"{label}: choose a level.")
        elif score.level.score < requirement.passing_score and not score.feedback:
            problems.append(f"{label}: below the passing level, so write feedback the educator can act on.")
    return problems


def _outcomes(assignment: Assignment) -> dict[int, tuple[RubricLevel, str]]:
    return {
        s.requirement_id: (s.level, s.feedback)
        for s in assignment.scores.select_related("level", "requirement")
        if s.level is not None
    }


def _passes(assignment: Assignment) -> bool:
    """The micro-credential's pass rule: every requirement at or above its passing level."""
    return all(
        s.level is not None and s.level.score >= s.requirement.passing_score
        for s in assignment.scores.select_related("level", "requirement")
    )


def _near_pass_line(assignment: Assignment) -> bool:
    """Any requirement scored one level below the pass line or exactly on it."""
    return any(
        s.level is not None and s.requirement.passing_score - 1 <= s.level.score <= s.requirement.passing_score
        for s in assignment.scores.select_related("level", "requirement")
    )


def _needs_second(assignment: Assignment) -> bool:
    version = assignment.submission.enrollment.version
    decided = Decision.objects.filter(submission__enrollment__version=version).count()
    if decided < settings.REVIEW_DOUBLE_SCORE_FIRST_DECISIONS:
        return True
    if _near_pass_line(assignment):
        return True
    return draw.random() * 100 < settings.REVIEW_DOUBLE_SCORE_SHARE_PERCENT


def disagree(first: Assignment, second: Assignment) -> bool:
    """Outcomes differ, or some requirement is two or more levels apart."""
    if _passes(first) != _passes(second):
        return True
    a, b = _outcomes(first), _outcomes(second)
    return any(abs(a[r][0].score - b[r][0].score) >= 2 for r in a.keys() & b.keys())


def _holder(submission: Submission, role: str) -> Assignment | None:
    return Assignment.objects.filter(submission=submission, role=role, status=Assignment.Status.COMPLETED).first()


@transaction.atomic
def assignment_complete(*, actor: User, assignment: Assignment) -> Decision | None:
    """Finish a scoring and route the submission. Returns the decision when there is one now.

    Raises ValidationError listing what is missing.
    """
    assignment = (
        Assignment.objects.select_for_update().select_related("submission__enrollment__version").get(pk=assignment.pk)
    )
    _check_active(actor, assignment)
    problems = assignment_problems(assignment)
    if problems:
        raise ValidationError(problems, code="incomplete")
    now = timezone.now()
    assignment.status = Assignment.Status.COMPLETED
    assignment.completed_at = now
    assignment.outcome_passed = _passes(assignment)
    assignment.save(update_fields=["status", "completed_at", "outcome_passed"])
    audit_record(
        actor=actor,
        organization=assignment.pool.organization,
        action="assignment.completed",
        target=assignment,
        data={"role": assignment.role, "passed": assignment.outcome_passed},
    )
    submission = assignment.submission
    entry = QueueEntry.objects.select_for_update().get(submission=submission)
    if assignment.role == Role.BACK_READ:
        entry.needs, entry.closed_at = "", now
        entry.save(update_fields=["needs", "closed_at"])
        return None
    if assignment.role == Role.FIRST:
        if _needs_second(assignment):
            entry.needs, entry.double_scored = Role.SECOND, True
            entry.save(update_fields=["needs", "double_scored"])
            return None
        decision = _decide(submission, assignment, Decision.Basis.SINGLE, actor)
        if draw.random() * 100 < settings.REVIEW_BACK_READ_SHARE_PERCENT:
            # Back in the queue for a lead reviewer; the educator's decision stands.
            QueueEntry.objects.filter(pk=entry.pk).update(needs=Role.BACK_READ, closed_at=None)
        return decision
    if assignment.role == Role.SECOND:
        first = _holder(submission, Role.FIRST)
        if first is None:  # pragma: no cover - a second scoring is only offered after a first
            raise ValidationError("The first scoring is missing.", code="no_first")
        if disagree(first, assignment):
            entry.needs = Role.ADJUDICATION
            entry.save(update_fields=["needs"])
            return None
        return _decide(submission, first, Decision.Basis.AGREED, actor, also=assignment)
    return _decide(submission, assignment, Decision.Basis.ADJUDICATED, actor)


def _decide(
    submission: Submission,
    assignment: Assignment,
    basis: str,
    actor: User,
    *,
    also: Assignment | None = None,
) -> Decision:
    """Record the decision from ``assignment``'s scores (feedback from ``also`` is added) and tell earning."""
    scores = _outcomes(assignment)
    extra = _outcomes(also) if also is not None else {}
    outcomes = []
    for requirement in submission.enrollment.version.requirements.order_by("order"):
        level, feedback = scores[requirement.pk]
        passed = level.score >= requirement.passing_score
        if requirement.pk in extra:
            other_level, other_feedback = extra[requirement.pk]
            # Two reviewers who both pass the submission may still differ on a requirement:
            # it counts as met only when both say so.
            passed = passed and other_level.score >= requirement.passing_score
            feedback = "\n\n".join(f for f in (feedback, other_feedback) if f)
        outcomes.append(
            earning.RequirementOutcome(requirement=requirement, passed=passed, level_name=level.name, feedback=feedback)
        )
    earned = all(o.passed for o in outcomes)
    decision = Decision.objects.create(
        submission=submission,
        outcome=Decision.Outcome.EARNED if earned else Decision.Outcome.NEEDS_REVISION,
        basis=basis,
        decided_by=actor,
        assignment=assignment,
        reason=f"{Decision.Basis(basis).label}: {sum(o.passed for o in outcomes)} of {len(outcomes)} requirements met.",
    )
    QueueEntry.objects.filter(submission=submission).update(needs="", closed_at=timezone.now())
    earning.submission_decide(submission=submission, outcomes=outcomes, actor=actor)
    audit_record(
        actor=actor,
        organization=assignment.pool.organization,
        action="decision.recorded",
        target=decision,
        data={"outcome": decision.outcome, "basis": basis},
    )
    return decision
