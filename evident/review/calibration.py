"""Calibration and certification: pools, calibration sets with master scores,
reviewers' attempts at them, and the certifications they earn.

A lead reviewer of the reviewing organization builds a pool's calibration
sets from real submissions, chosen by their code (reviewers only ever see the
code), and gives every requirement of each a master level with a rationale.
A member of the pool scores the active set blind to the master scores;
finishing compares their levels with the master's and, when they meet the
pool's rules, certifies them for the pool's ``certification_days``. The
queue checks :func:`evident.review.permissions.active_certification`, so
expiry is only ``expires_at`` and needs no periodic task.

Having seen the master scores, a reviewer could pass the same set again by
memory: each reviewer takes each set once, and a lead reviewer activates a
new set for another attempt (or for recertification).

Pools, their members and revoking a certification are in
:mod:`evident.review.pools`. The reads behind the calibration pages are in
:mod:`evident.review.selectors_calibration`; the guards that fetch a set, an
item or a member for a view are in :mod:`evident.review.permissions`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max, Prefetch
from django.http import Http404
from django.utils import timezone

from evident.accounts.audit import audit_record
from evident.accounts.models import User
from evident.catalog.models import Requirement, RubricLevel
from evident.earning.models import EvidenceFile, Submission
from evident.review.calibration_rules import (
    attempt_pairs,
    calibration_figures,
    certification_passes,
    items_left_for,
)
from evident.review.models import (
    CalibrationAttempt,
    CalibrationItem,
    CalibrationScore,
    CalibrationSet,
    Certification,
    MasterScore,
    PoolMember,
    ReviewerPool,
)
from evident.review.permissions import calibration_items_for, pools_for, require_lead
from evident.review.pools import pool_rules
from evident.review.selectors import pool_micro_credential_ids

# Work that has been sent for review (and possibly decided) may serve as calibration material.
CALIBRATION_STATUSES = (
    Submission.Status.SUBMITTED,
    Submission.Status.UNDER_REVIEW,
    Submission.Status.NEEDS_REVISION,
    Submission.Status.PASSED,
)
MAX_RATIONALE_CHARACTERS = 5000


def _active(actor: User) -> bool:
    return bool(actor.is_authenticated and actor.is_active)


def _requirement_label(requirement: Requirement) -> str:
    return f"Requirement {requirement.order + 1} ({requirement.title or requirement.get_evidence_kind_display()})"


# Calibration sets -----------------------------------------------------------------------------------------------


@transaction.atomic
def calibration_set_create(*, actor: User, pool: ReviewerPool, title: str) -> CalibrationSet:
    """An empty, inactive calibration set for the pool. Lead reviewers only (PermissionDenied)."""
    require_lead(actor, pool.organization)
    calibration_set = CalibrationSet(pool=pool, title=" ".join(title.split()), created_by=actor)
    calibration_set.full_clean()
    calibration_set.save()
    audit_record(
        actor=actor,
        organization=pool.organization,
        action="review.calibration_set_created",
        target=calibration_set,
        data={"pool": str(pool.uuid), "title": calibration_set.title},
    )
    return calibration_set


def calibration_candidate(pool: ReviewerPool, code: str) -> Submission:
    """The submission with this code, if it may become an item of the pool's calibration sets.

    It must have been sent for review (or decided), be work on one of the
    pool's micro-credentials, and still have its media. Raises
    ValidationError otherwise: ``unknown_submission`` (saying nothing about
    work outside the pool) or ``purged``.
    """
    submission = (
        Submission.objects.select_related("enrollment__version")
        .filter(
            code=code,
            status__in=CALIBRATION_STATUSES,
            enrollment__micro_credential_id__in=pool_micro_credential_ids(pool),
        )
        .first()
    )
    if submission is None:
        raise ValidationError(
            f"No submitted work for this pool has the code {code}.", code="unknown_submission", params={"code": code}
        )
    if EvidenceFile.objects.filter(evidence__submission=submission, purged_at__isnull=False).exists():
        raise ValidationError(
            "This submission's media were deleted after the retention period; choose another.", code="purged"
        )
    return submission


def _check_editable(calibration_set: CalibrationSet) -> None:
    if calibration_set.attempts.exists():
        raise ValidationError(
            "Reviewers have taken this set, so it can no longer change. Make a new set instead.", code="set_taken"
        )


def _master_scores(
    submission: Submission,
    master_levels: Mapping[Any, int],
    rationales: Mapping[Any, str],
) -> list[tuple[Requirement, RubricLevel, str]]:
    """Check a master level (one of the requirement's own) for every requirement of the submission's version."""
    requirements = list(
        submission.enrollment.version.requirements.prefetch_related(
            Prefetch("levels", queryset=RubricLevel.objects.order_by("order"))
        ).order_by("order")
    )
    chosen = {str(key): value for key, value in master_levels.items()}
    notes = {str(key): value for key, value in rationales.items()}
    if set(chosen) - {str(r.uuid) for r in requirements}:
        raise ValidationError("A master level names a requirement this work does not have.", code="unknown_requirement")
    problems: list[str] = []
    scores: list[tuple[Requirement, RubricLevel, str]] = []
    for requirement in requirements:
        level_id = chosen.get(str(requirement.uuid))
        level = next((lv for lv in requirement.levels.all() if lv.pk == level_id), None)
        rationale = notes.get(str(requirement.uuid), "").strip()
        if level is None:
            problems.append(f"{_requirement_label(requirement)}: choose the master level.")
        elif len(rationale) > MAX_RATIONALE_CHARACTERS:
            problems.append(
                f"{_requirement_label(requirement)}: keep the rationale under {MAX_RATIONALE_CHARACTERS:,} characters."
            )
        else:
            scores.append((requirement, level, rationale))
    if problems:
        raise ValidationError([ValidationError(problem, code="missing_master") for problem in problems])
    return scores


@transaction.atomic
def calibration_item_add(
    *,
    actor: User,
    set: CalibrationSet,  # noqa: A002  # the brief's name, matching CalibrationItem.set
    submission_code: str,
    master_levels: Mapping[Any, int],
    rationales: Mapping[Any, str],
) -> CalibrationItem:
    """Add a submission, chosen by its code, with a master level for every requirement.

    ``master_levels`` maps each requirement's UUID to the id of one of its
    rubric levels; ``rationales`` maps requirement UUIDs to why that level
    (reviewers read it after they finish). Raises PermissionDenied unless the
    actor leads the pool's organization; ValidationError when the code names
    no work the pool may use (see :func:`calibration_candidate`), the work is
    already in the set (``already_in_set``), a master level is missing or
    foreign (``missing_master``), or reviewers have taken the set (``set_taken``).
    """
    calibration_set = CalibrationSet.objects.select_for_update().select_related("pool__organization").get(pk=set.pk)
    pool = calibration_set.pool
    require_lead(actor, pool.organization)
    _check_editable(calibration_set)
    submission = calibration_candidate(pool, submission_code)
    if calibration_set.items.filter(submission=submission).exists():
        raise ValidationError(f"{submission.code} is already in this set.", code="already_in_set")
    scores = _master_scores(submission, master_levels, rationales)
    last = calibration_set.items.aggregate(last=Max("order"))["last"]
    item = CalibrationItem.objects.create(
        set=calibration_set, submission=submission, order=0 if last is None else last + 1
    )
    MasterScore.objects.bulk_create(
        MasterScore(item=item, requirement=requirement, level=level, rationale=rationale)
        for requirement, level, rationale in scores
    )
    audit_record(
        actor=actor,
        organization=pool.organization,
        action="review.calibration_item_added",
        target=calibration_set,
        data={"submission": submission.code, "master_levels": {str(r.uuid): lv.score for r, lv, _ in scores}},
    )
    return item


@transaction.atomic
def calibration_item_update(
    *, actor: User, item: CalibrationItem, master_levels: Mapping[Any, int], rationales: Mapping[Any, str]
) -> CalibrationItem:
    """Replace an item's master levels and rationales (same arguments and errors as :func:`calibration_item_add`)."""
    calibration_set = (
        CalibrationSet.objects.select_for_update().select_related("pool__organization").get(pk=item.set_id)
    )
    require_lead(actor, calibration_set.pool.organization)
    _check_editable(calibration_set)
    scores = _master_scores(item.submission, master_levels, rationales)
    item.master_scores.all().delete()
    MasterScore.objects.bulk_create(
        MasterScore(item=item, requirement=requirement, level=level, rationale=rationale)
        for requirement, level, rationale in scores
    )
    audit_record(
        actor=actor,
        organization=calibration_set.pool.organization,
        action="review.calibration_item_changed",
        target=calibration_set,
        data={"submission": item.submission.code, "master_levels": {str(r.uuid): lv.score for r, lv, _ in scores}},
    )
    return item


@transaction.atomic
def calibration_item_remove(*, actor: User, item: CalibrationItem) -> None:
    """Take an item out of its set, with its master scores.

    Raises PermissionDenied unless the actor leads the pool's organization;
    ValidationError when reviewers have taken the set (``set_taken``) or it
    is active and this is its last item (``last_item``).
    """
    calibration_set = (
        CalibrationSet.objects.select_for_update().select_related("pool__organization").get(pk=item.set_id)
    )
    require_lead(actor, calibration_set.pool.organization)
    _check_editable(calibration_set)
    if calibration_set.is_active and calibration_set.items.count() == 1:
        raise ValidationError("Reviewers take the active set: it needs at least one item.", code="last_item")
    code = item.submission.code
    item.delete()
    audit_record(
        actor=actor,
        organization=calibration_set.pool.organization,
        action="review.calibration_item_removed",
        target=calibration_set,
        data={"submission": code},
    )


@transaction.atomic
def calibration_set_activate(*, actor: User, set: CalibrationSet) -> CalibrationSet:  # noqa: A002  # as above
    """Make this the set the pool's reviewers take; the pool's other sets stop being active.

    Unfinished attempts at the set it replaces can no longer be finished.
    Raises PermissionDenied unless the actor leads the pool's organization;
    ValidationError when the set has no items (``empty_set``).
    """
    calibration_set = CalibrationSet.objects.select_for_update().select_related("pool__organization").get(pk=set.pk)
    pool = calibration_set.pool
    require_lead(actor, pool.organization)
    if not calibration_set.items.exists():
        raise ValidationError("Add at least one submission before reviewers take this set.", code="empty_set")
    CalibrationSet.objects.filter(pool=pool, is_active=True).exclude(pk=calibration_set.pk).update(is_active=False)
    calibration_set.is_active = True
    calibration_set.save(update_fields=["is_active"])
    audit_record(
        actor=actor, organization=pool.organization, action="review.calibration_set_activated", target=calibration_set
    )
    return calibration_set


# Attempts -------------------------------------------------------------------------------------------------------


@transaction.atomic
def calibration_start(*, actor: User, pool: ReviewerPool) -> CalibrationAttempt:
    """Start the pool's active set, or return the actor's unfinished attempt at it.

    Raises PermissionDenied unless the actor is a member of the pool and a
    reviewer of its organization; ValidationError when no set is active
    (``no_active_set``) or the actor has already finished this set
    (``already_taken``: they have seen its master scores), or when leaving
    out the set's items that conflict for the actor (their own organization
    tree, an educator they coach) leaves too few to certify on
    (``too_few_items``; see :class:`~evident.review.calibration_rules.ItemsLeft`).
    """
    if not _active(actor) or not pools_for(actor).filter(pk=pool.pk).exists():
        raise PermissionDenied("Only the pool's reviewers take its calibration.")
    # Locking the membership row keeps two clicks on "Start" from making two attempts.
    PoolMember.objects.select_for_update().get(pool=pool, reviewer=actor)
    active = pool.calibration_sets.filter(is_active=True).first()
    if active is None or not active.items.exists():
        raise ValidationError(
            "There is no calibration set to take yet. A lead reviewer activates one.", code="no_active_set"
        )
    existing = CalibrationAttempt.objects.filter(set=active, reviewer=actor).order_by("-started_at").first()
    if existing is None or existing.completed_at is None:
        _check_enough_items(actor, active)
    if existing is not None and existing.completed_at is None:
        return existing
    if existing is not None:
        raise ValidationError(
            "You have taken this calibration set. A lead reviewer activates a new one for your next attempt.",
            code="already_taken",
        )
    attempt = CalibrationAttempt.objects.create(set=active, reviewer=actor)
    audit_record(
        actor=actor,
        organization=pool.organization,
        action="review.calibration_started",
        target=attempt,
        data={"set": str(active.uuid)},
    )
    return attempt


def _check_enough_items(actor: User, calibration_set: CalibrationSet) -> list[int]:
    """The ids of the set's items the actor is shown; ValidationError ``too_few_items`` when they are too few."""
    left = items_left_for(actor, calibration_set)
    if not left.enough:
        raise ValidationError(left.message, code="too_few_items")
    return list(left.item_ids)


def _check_open(actor: User, attempt: CalibrationAttempt) -> None:
    if attempt.reviewer_id != actor.pk:
        raise Http404("No such calibration.")
    if attempt.completed_at is not None:
        raise ValidationError("This calibration is finished and can no longer change.", code="finished")
    # Removed from the pool mid-attempt: finishing would certify someone who is no longer in it.
    if not pools_for(actor).filter(calibration_sets=attempt.set_id).exists():
        raise ValidationError(
            "You are no longer in this pool, so you cannot go on with its calibration.", code="not_member"
        )
    if not CalibrationSet.objects.filter(pk=attempt.set_id, is_active=True).exists():
        raise ValidationError(
            "A lead reviewer has replaced this calibration set. Start the current one from the calibration page.",
            code="set_replaced",
        )


@transaction.atomic
def calibration_score_save(
    *,
    actor: User,
    attempt: CalibrationAttempt,
    item: CalibrationItem,
    requirement: Requirement,
    level: RubricLevel,
) -> CalibrationScore:
    """Save (or change) the actor's level for one requirement of one item; the attempt page autosaves through this.

    Http404 when the attempt is not the actor's, the item is not one shown
    to the actor, or the item, requirement and level do not belong together; ValidationError when the attempt is
    finished (``finished``), its set replaced (``set_replaced``) or the
    actor no longer in the pool (``not_member``).
    """
    # Not audited: a blind, unfinished practice score is no one else's business
    # and changes with every click; the finished attempt keeps every score.
    _check_open(actor, attempt)
    if item.set_id != attempt.set_id or not calibration_items_for(actor, attempt.set_id).filter(pk=item.pk).exists():
        raise Http404("No such item.")
    if requirement.version_id != item.submission.enrollment.version_id:
        raise Http404("No such requirement.")
    if level.requirement_id != requirement.pk:
        raise Http404("No such level.")
    score, _ = CalibrationScore.objects.update_or_create(
        attempt=attempt, item=item, requirement=requirement, defaults={"level": level}
    )
    return score


@transaction.atomic
def calibration_finish(*, actor: User, attempt: CalibrationAttempt) -> CalibrationAttempt:
    """Compare the attempt with the master scores, record the figures and, on a pass, certify the reviewer.

    Passed when exact agreement reaches the pool's ``min_exact_agreement``,
    no level is further than ``max_level_distance`` from the master's, and
    (if the pool requires it) every item's pass/fail outcome matches the
    master's. A pass creates a Certification expiring after
    ``certification_days``. The set's items that conflict for the actor are
    not part of it (ValidationError ``too_few_items`` when too few remain).
    Http404 when the attempt is not the actor's;
    ValidationError when it is finished, its set replaced or the actor no
    longer in the pool, or while a requirement is unscored (``unscored``).
    """
    attempt = (
        CalibrationAttempt.objects.select_for_update().select_related("set__pool__organization").get(pk=attempt.pk)
    )
    _check_open(actor, attempt)
    # Only the items shown to the reviewer count, checked again: a conflict may have arisen since they started.
    pairs = attempt_pairs(attempt, _check_enough_items(actor, attempt.set))
    unscored = [p for p in pairs if p.given is None]
    if unscored or not pairs:
        raise ValidationError(
            f"Give every requirement of every submission a level first: {len(unscored)} still to score.",
            code="unscored",
            params={"count": len(unscored)},
        )
    figures = calibration_figures(pairs)
    pool = attempt.set.pool
    now = timezone.now()
    attempt.completed_at = now
    attempt.exact_agreement = figures.exact_agreement
    attempt.max_distance = figures.max_distance
    attempt.outcomes_match = figures.outcomes_match
    attempt.passed = certification_passes(figures, pool)
    attempt.save(update_fields=["completed_at", "exact_agreement", "max_distance", "outcomes_match", "passed"])
    audit_record(
        actor=actor,
        organization=pool.organization,
        action="review.calibration_finished",
        target=attempt,
        data={
            "set": str(attempt.set.uuid),
            "exact_agreement": round(figures.exact_agreement, 4),
            "max_distance": figures.max_distance,
            "outcomes_match": figures.outcomes_match,
            "passed": attempt.passed,
            "rules": pool_rules(pool),
        },
    )
    if attempt.passed:
        certification = Certification.objects.create(
            reviewer=actor,
            pool=pool,
            attempt=attempt,
            certified_at=now,
            expires_at=now + timedelta(days=pool.certification_days),
        )
        audit_record(
            actor=actor,
            organization=pool.organization,
            action="review.reviewer_certified",
            target=pool,
            data={"reviewer": str(actor.uuid), "expires_at": certification.expires_at.isoformat()},
        )
    return attempt
