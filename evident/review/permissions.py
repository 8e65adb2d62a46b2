"""Who may review what.

A reviewer works in the pools of organizations where they hold the
reviewer role; a lead reviewer manages those pools (calibration sets,
adjudication, back-reading, dashboards). A reviewer takes work only while
certified for the pool, never from their own organization tree, never from
an educator they coach, never their own. Everything about a submission
reaches a reviewer through an assignment (or a calibration item), and shows
its code, never the educator.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from evident.accounts.models import Membership, Organization, Role, User
from evident.earning.models import CoachShare, Submission
from evident.review.models import (
    Assignment,
    CalibrationAttempt,
    CalibrationItem,
    CalibrationSet,
    Certification,
    PoolMember,
    ReviewerPool,
)

REVIEWER_ROLES = frozenset({Role.REVIEWER, Role.LEAD_REVIEWER})


def _active(actor: User) -> bool:
    return bool(actor.is_authenticated and actor.is_active)


def reviewing_organizations(actor: User) -> QuerySet[Organization]:
    """Organizations where the actor reviews (reviewer or lead reviewer)."""
    ids = Membership.objects.filter(user=actor, role__in=REVIEWER_ROLES).values("organization_id")
    return Organization.objects.filter(pk__in=ids)


def led_organizations(actor: User) -> QuerySet[Organization]:
    ids = Membership.objects.filter(user=actor, role=Role.LEAD_REVIEWER).values("organization_id")
    return Organization.objects.filter(pk__in=ids)


def is_lead(actor: User, pool: ReviewerPool) -> bool:
    return _active(actor) and led_organizations(actor).filter(pk=pool.organization_id).exists()


def pools_for(actor: User) -> QuerySet[ReviewerPool]:
    """Pools the actor belongs to as a reviewer."""
    return ReviewerPool.objects.filter(members__reviewer=actor, organization__in=reviewing_organizations(actor))


def led_pools(actor: User) -> QuerySet[ReviewerPool]:
    return ReviewerPool.objects.filter(organization__in=led_organizations(actor))


def active_certification(actor: User, pool: ReviewerPool) -> Certification | None:
    return (
        Certification.objects.filter(reviewer=actor, pool=pool, revoked_at__isnull=True, expires_at__gt=timezone.now())
        .order_by("-expires_at")
        .first()
    )


def organization_tree_ids(actor: User) -> set[int]:
    """Every organization the actor belongs to, with those above and below it.

    A reviewer never scores an educator from anywhere in this tree: a
    district's reviewer would otherwise judge its own schools' teachers.
    """
    own = list(Organization.objects.filter(memberships__user=actor).distinct())
    ids: set[int] = set()
    for organization in own:
        ids.add(organization.pk)
        ids.update(a.pk for a in organization.ancestors())
    frontier = set(ids)
    while frontier:
        children = set(Organization.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)) - ids
        ids |= children
        frontier = children
    return ids


def conflict_filter(actor: User, prefix: str = "") -> Q:
    """A filter matching submissions the actor must never review (``prefix`` leads to the submission)."""
    tree = organization_tree_ids(actor)
    coached = CoachShare.objects.filter(coach=actor).values("enrollment_id")
    return (
        Q(**{f"{prefix}enrollment__organization_id__in": tree})
        | Q(**{f"{prefix}enrollment__educator": actor})
        | Q(**{f"{prefix}enrollment_id__in": coached})
    )


def has_conflict(actor: User, submission: Submission) -> bool:
    return Submission.objects.filter(pk=submission.pk).filter(conflict_filter(actor)).exists()


def access_assignment(actor: User, assignment_uuid: Any, *, active_only: bool = False) -> Assignment:
    """The actor's own assignment. Http404 for anyone else's, and for a missing one.

    With ``active_only``, a completed or returned assignment raises
    ValidationError (code ``not_active``): it can no longer change.
    """
    if not _active(actor):
        raise Http404("No such assignment.")
    try:
        assignment = Assignment.objects.select_related(
            "submission__enrollment__version", "pool", "submission__enrollment__micro_credential"
        ).get(uuid=assignment_uuid, reviewer=actor)
    except (Assignment.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such assignment.") from None
    if active_only and assignment.status != Assignment.Status.ACTIVE:
        raise ValidationError("This review is finished and can no longer change.", code="not_active")
    return assignment


def access_pool(actor: User, pool_uuid: Any, *, lead: bool = False) -> ReviewerPool:
    """A pool the actor reviews in (or, with ``lead``, leads). Http404 for other pools.

    PermissionDenied when the actor reviews in the pool's organization but does not lead it.
    """
    if not _active(actor):
        raise Http404("No such pool.")
    try:
        pool = ReviewerPool.objects.select_related("organization", "micro_credential", "stack").get(
            uuid=pool_uuid, organization__in=reviewing_organizations(actor)
        )
    except (ReviewerPool.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such pool.") from None
    if lead and not is_lead(actor, pool):
        raise PermissionDenied("Only lead reviewers manage a pool.")
    return pool


def access_calibration_attempt(actor: User, attempt_uuid: Any) -> CalibrationAttempt:
    if not _active(actor):
        raise Http404("No such calibration.")
    try:
        return CalibrationAttempt.objects.select_related("set__pool").get(uuid=attempt_uuid, reviewer=actor)
    except (CalibrationAttempt.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such calibration.") from None


def reviewer_sees_submission(actor: User, submission: Submission) -> bool:
    """Whether the actor may see this submission's evidence as a reviewer.

    Through an active or completed assignment of theirs; through an
    unfinished calibration attempt whose set holds it; or, as a lead
    reviewer, through a calibration set of a pool they lead.
    """
    if not _active(actor):
        return False
    if Assignment.objects.filter(submission=submission, reviewer=actor, status__in=Assignment.HOLDS_ROLE).exists():
        return True
    # A calibration item shows only to a member of its pool, and never when the work conflicts for them.
    if CalibrationAttempt.objects.filter(
        reviewer=actor,
        completed_at__isnull=True,
        set__items__submission=submission,
        set__pool__members__reviewer=actor,
    ).exists() and not has_conflict(actor, submission):
        return True
    return ReviewerPool.objects.filter(
        organization__in=led_organizations(actor), calibration_sets__items__submission=submission
    ).exists()


# Calibration sets, their items and pool members -----------------------------------------------------------------


def access_calibration_set(actor: User, set_uuid: Any) -> CalibrationSet:
    """A calibration set of a pool the actor leads.

    Http404 for sets outside the actor's reviewing organizations (and missing
    ones); PermissionDenied for reviewers of the organization who do not lead it.
    """
    try:
        calibration_set = CalibrationSet.objects.select_related("pool").get(uuid=set_uuid)
    except (CalibrationSet.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such calibration set.") from None
    pool = access_pool(actor, calibration_set.pool.uuid, lead=True)
    calibration_set.pool = pool
    return calibration_set


def calibration_items_for(actor: User, set_id: int) -> QuerySet[CalibrationItem]:
    """The items of a calibration set the actor may be shown as a reviewer, in the set's order.

    Calibration items are real submissions: the same conflicts as the queue
    apply (:func:`conflict_filter`: the actor's own organization tree, their
    own work, an educator they coach), so those items are left out.
    """
    return CalibrationItem.objects.filter(set_id=set_id).exclude(conflict_filter(actor, "submission__"))


def calibration_conflicts(actor: User, set_ids: Iterable[int]) -> dict[int, set[int]]:
    """For each of these sets (by id), the ids of its items the actor must not be shown; one query after the tree."""
    conflicting: dict[int, set[int]] = defaultdict(set)
    rows = CalibrationItem.objects.filter(set_id__in=list(set_ids)).filter(conflict_filter(actor, "submission__"))
    for set_id, item_id in rows.values_list("set_id", "pk"):
        conflicting[set_id].add(item_id)
    return conflicting


def set_item(calibration_set: CalibrationSet, position: int) -> CalibrationItem:
    """The item at ``position`` (from 1) of the set. Http404 past the end."""
    items = list(calibration_set.items.select_related("submission__enrollment__version"))
    if not 1 <= position <= len(items):
        raise Http404("No such item.")
    return items[position - 1]


def pool_member_get(pool: ReviewerPool, reviewer_uuid: Any) -> PoolMember:
    try:
        return PoolMember.objects.select_related("reviewer").get(pool=pool, reviewer__uuid=reviewer_uuid)
    except (PoolMember.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such member.") from None


def require_lead(actor: User, organization: Organization) -> None:
    """Raise PermissionDenied unless the actor is an active lead reviewer of ``organization``."""
    if (
        not (actor.is_authenticated and actor.is_active)
        or not led_organizations(actor).filter(pk=organization.pk).exists()
    ):
        raise PermissionDenied("Only lead reviewers of this organization manage its pools.")
