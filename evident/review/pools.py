"""Reviewer pools: creating them, their certification rules, their members, and ending a certification.

Leaving a pool, or losing its certification, gives the reviewer's reviews in
progress back to the queue (:func:`evident.review.queue.pool_member_assignments_return`).
Calibrating and earning a certification are in :mod:`evident.review.calibration`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from evident.accounts.audit import audit_record
from evident.accounts.models import Membership, Organization, User
from evident.catalog.models import MicroCredential, Stack
from evident.review import queue
from evident.review.models import Certification, PoolMember, ReviewerPool
from evident.review.permissions import REVIEWER_ROLES, require_lead

# Pools ----------------------------------------------------------------------------------------------------------


@transaction.atomic
def pool_create(
    *,
    actor: User,
    organization: Organization,
    name: str,
    micro_credential: MicroCredential | None = None,
    stack: Stack | None = None,
) -> ReviewerPool:
    """A new pool of ``organization``'s reviewers for one micro-credential or one stack.

    Raises PermissionDenied unless the actor is a lead reviewer of the
    organization; ValidationError unless exactly one of ``micro_credential``
    and ``stack`` is given (code ``pool_target``), or when the organization
    already has a pool for it (``duplicate_pool``). The certification rules
    start at the model's defaults.
    """
    require_lead(actor, organization)
    if (micro_credential is None) == (stack is None):
        raise ValidationError("A pool is for one micro-credential or one stack.", code="pool_target")
    existing = ReviewerPool.objects.filter(organization=organization)
    if existing.filter(micro_credential=micro_credential, stack=stack).exists():
        raise ValidationError("Your organization already has a pool for this.", code="duplicate_pool")
    pool = ReviewerPool(organization=organization, name=name.strip(), micro_credential=micro_credential, stack=stack)
    pool.full_clean()
    pool.save()
    audit_record(
        actor=actor,
        organization=organization,
        action="review.pool_created",
        target=pool,
        data={"name": pool.name, "for": str((micro_credential or stack).uuid)},  # type: ignore[union-attr]  # one is set, checked above
    )
    return pool


@transaction.atomic
def pool_rules_update(
    *,
    actor: User,
    pool: ReviewerPool,
    min_exact_agreement: Decimal,
    max_level_distance: int,
    require_outcomes_match: bool,
    certification_days: int,
) -> ReviewerPool:
    """Change the pool's certification rules. Lead reviewers only (PermissionDenied).

    Certifications already given keep their dates; the rules apply to attempts finished from now on.
    """
    require_lead(actor, pool.organization)
    before = pool_rules(pool)
    pool.min_exact_agreement = min_exact_agreement
    pool.max_level_distance = max_level_distance
    pool.require_outcomes_match = require_outcomes_match
    pool.certification_days = certification_days
    pool.full_clean()
    pool.save(update_fields=list(before))
    audit_record(
        actor=actor,
        organization=pool.organization,
        action="review.pool_rules_changed",
        target=pool,
        data={"before": before, "after": pool_rules(pool)},
    )
    return pool


def pool_rules(pool: ReviewerPool) -> dict[str, Any]:
    return {
        "min_exact_agreement": str(pool.min_exact_agreement),
        "max_level_distance": pool.max_level_distance,
        "require_outcomes_match": pool.require_outcomes_match,
        "certification_days": pool.certification_days,
    }


@transaction.atomic
def pool_member_add(*, actor: User, pool: ReviewerPool, reviewer: User) -> PoolMember:
    """Add a reviewer to the pool. They still calibrate before they may take work.

    Raises PermissionDenied unless the actor leads the pool's organization;
    ValidationError when ``reviewer`` holds neither the reviewer nor the
    lead reviewer role there (code ``not_reviewer``) or is already a member
    (``already_member``).
    """
    require_lead(actor, pool.organization)
    holds_role = Membership.objects.filter(
        user=reviewer, organization=pool.organization, role__in=REVIEWER_ROLES
    ).exists()
    if not reviewer.is_active or not holds_role:
        raise ValidationError(
            "Only reviewers and lead reviewers of your organization can join its pools.", code="not_reviewer"
        )
    if PoolMember.objects.filter(pool=pool, reviewer=reviewer).exists():
        raise ValidationError(f"{reviewer.display_name} is already in this pool.", code="already_member")
    member = PoolMember.objects.create(pool=pool, reviewer=reviewer)
    audit_record(
        actor=actor,
        organization=pool.organization,
        action="review.pool_member_added",
        target=pool,
        data={"reviewer": str(reviewer.uuid)},
    )
    return member


REMOVED_FROM_POOL = "Removed from the pool."


@transaction.atomic
def pool_member_remove(*, actor: User, pool: ReviewerPool, reviewer: User) -> None:
    """Take a reviewer out of the pool: from now on they take none of its work.

    Their certification for the pool ends (revoked, with the reason
    :data:`REMOVED_FROM_POOL`, audited), and every review of theirs in
    progress in the pool goes back to the queue for the same role. Added
    again, they calibrate again. Attempts and earlier certifications stay,
    as history. Raises PermissionDenied unless the actor leads the pool's
    organization; ValidationError (``not_member``) when the reviewer is not in the pool.
    """
    require_lead(actor, pool.organization)
    # The reviewer's claims take this lock before checking membership (queue.assignment_claim):
    # a claim at the same moment either commits first, and its assignment is given back below,
    # or runs after this removal and is refused.
    list(User.objects.select_for_update().filter(pk=reviewer.pk).values_list("pk", flat=True))
    deleted, _ = PoolMember.objects.filter(pool=pool, reviewer=reviewer).delete()
    if not deleted:
        raise ValidationError("This person is not in the pool.", code="not_member")
    now = timezone.now()
    ended = Certification.objects.select_for_update().filter(
        pool=pool, reviewer=reviewer, revoked_at__isnull=True, expires_at__gt=now
    )
    for certification in ended.order_by("pk"):
        certification.revoked_at = now
        certification.revoked_reason = REMOVED_FROM_POOL
        certification.save(update_fields=["revoked_at", "revoked_reason"])
        audit_record(
            actor=actor,
            organization=pool.organization,
            action="review.certification_revoked",
            target=pool,
            data={"reviewer": str(reviewer.uuid), "reason": REMOVED_FROM_POOL},
        )
    returned = queue.pool_member_assignments_return(actor=actor, pool=pool, reviewer=reviewer, reason=REMOVED_FROM_POOL)
    audit_record(
        actor=actor,
        organization=pool.organization,
        action="review.pool_member_removed",
        target=pool,
        data={"reviewer": str(reviewer.uuid), "returned": [a.submission.code for a in returned]},
    )


CERTIFICATION_REVOKED = "The reviewer's certification for the pool was revoked."


@transaction.atomic
def certification_revoke(*, actor: User, certification: Certification, reason: str) -> Certification:
    """End a certification before it expires; the reviewer calibrates again to take work.

    Their reviews in progress in the pool go back to the queue for the same
    role: what an uncertified reviewer scored would not count. Raises
    PermissionDenied unless the actor leads the pool's organization;
    ValidationError without a reason (``reason_required``) or when it is
    already revoked (``already_revoked``).
    """
    certification = (
        Certification.objects.select_for_update()
        .select_related("pool__organization", "reviewer")
        .get(pk=certification.pk)
    )
    require_lead(actor, certification.pool.organization)
    # As when removing a member: a claim at the same moment commits first (and is given back) or waits.
    list(User.objects.select_for_update().filter(pk=certification.reviewer_id).values_list("pk", flat=True))
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError("Say why the certification ends.", code="reason_required")
    if certification.revoked_at is not None:
        raise ValidationError("This certification was already revoked.", code="already_revoked")
    certification.revoked_at = timezone.now()
    certification.revoked_reason = reason[:300]
    certification.save(update_fields=["revoked_at", "revoked_reason"])
    audit_record(
        actor=actor,
        organization=certification.pool.organization,
        action="review.certification_revoked",
        target=certification.pool,
        data={"reviewer": str(certification.reviewer.uuid), "reason": certification.revoked_reason},
    )
    queue.pool_member_assignments_return(
        actor=actor, pool=certification.pool, reviewer=certification.reviewer, reason=CERTIFICATION_REVOKED
    )
    return certification
