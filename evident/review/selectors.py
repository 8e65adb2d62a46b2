"""Reads for review pages: the queue, a reviewer's work."""

from __future__ import annotations

from django.db.models import Case, Count, IntegerField, Q, QuerySet, Value, When

from evident.accounts.models import User
from evident.catalog.models import StackItem
from evident.earning.models import Submission
from evident.review.models import Assignment, Decision, QueueEntry, ReviewerPool

# Queue ----------------------------------------------------------------------------------------------------------

# The roles taken from the queue (back-reading: a decided submission drawn for a lead to read again).
QUEUED_ROLES: tuple[str, ...] = (
    Assignment.Role.FIRST,
    Assignment.Role.SECOND,
    Assignment.Role.ADJUDICATION,
    Assignment.Role.BACK_READ,
)
# A submission back with its educator (a draft again, or withdrawn) has left the queue, even
# while its entry is open: the next queue_sync closes it, and nothing may count or offer it before.
LEFT_QUEUE: tuple[str, ...] = (Submission.Status.DRAFT, Submission.Status.WITHDRAWN)


def pool_micro_credential_ids(pool: ReviewerPool) -> list[int]:
    """The micro-credentials whose submissions the pool reviews: its own, or every one in its stack."""
    if pool.micro_credential_id is not None:
        return [pool.micro_credential_id]
    return list(StackItem.objects.filter(stack__reviewer_pools=pool).values_list("micro_credential_id", flat=True))


def queue_counts(pool: ReviewerPool) -> dict[str, int]:
    """How many submissions wait for each queued role in the pool's micro-credentials.

    Every role in :data:`QUEUED_ROLES` is a key (0 when none wait). Counts the
    whole pool, not what one reviewer may take (conflicts are per reviewer).
    Reads only: GET pages call it, so it never runs ``queue.queue_sync``.
    Submissions sent since the last sync (the minute job, or any claim) are
    counted as waiting for a first scoring, which is what the next sync makes
    them: those with no entry yet, and those sent again after a withdrawal
    whose entry is still closed.
    """
    ids = pool_micro_credential_ids(pool)
    counts = dict.fromkeys(QUEUED_ROLES, 0)
    rows = (
        QueueEntry.objects.filter(micro_credential_id__in=ids, closed_at__isnull=True, needs__in=QUEUED_ROLES)
        .exclude(submission__status__in=LEFT_QUEUE)
        .values("needs")
        .annotate(waiting=Count("pk"))
        .order_by()
    )
    for row in rows:
        counts[row["needs"]] = row["waiting"]
    counts[Assignment.Role.FIRST] += unsynced_submissions(ids).count()
    return counts


def unsynced_submissions(micro_credential_ids: list[int]) -> QuerySet[Submission]:
    """Submitted work of these micro-credentials that ``queue.queue_sync`` has not put in the queue yet."""
    return Submission.objects.filter(
        Q(queue_entry__isnull=True) | Q(queue_entry__closed_at__isnull=False),
        status=Submission.Status.SUBMITTED,
        enrollment__micro_credential_id__in=micro_credential_ids,
    )


def reviewer_assignments(actor: User) -> QuerySet[Assignment]:
    """Every assignment of the actor: those in progress first, then by due date.

    Only the actor's own; shows submissions by code (select_related covers the
    submission and pool, never the enrolment's educator).
    """
    active_first = Case(
        When(status=Assignment.Status.ACTIVE, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    return (
        Assignment.objects.filter(reviewer=actor)
        .select_related("submission", "pool")
        .order_by(active_first, "due_at", "pk")
    )


# Decisions ------------------------------------------------------------------------------------------------------


def pool_decision_list(pool: ReviewerPool) -> QuerySet[Decision]:
    """The decisions on a pool's micro-credentials, newest first (codes only: no educator)."""
    return (
        Decision.objects.filter(submission__enrollment__micro_credential_id__in=pool_micro_credential_ids(pool))
        .select_related("submission__enrollment__version")
        .order_by("-decided_at")
    )
