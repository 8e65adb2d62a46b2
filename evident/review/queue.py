"""The review queue, and taking work from it safely.

Every submitted submission has a :class:`QueueEntry` saying which role it
waits for ("first", then perhaps "second", then perhaps "adjudication"); the
entry's ``needs`` is empty while an assignment holds it. A certified reviewer
claims the oldest entry they may take. Two reviewers claiming at once never
get the same submission for the same role, by three guards:

1. On PostgreSQL the candidate entry is locked with ``SELECT … FOR UPDATE
   SKIP LOCKED``: a second claimer passes over the row the first is taking
   instead of waiting for it, and takes the next one.
2. The entry changes by a conditional update (``needs=role`` → ``""``)
   whose row count is checked. This is what keeps SQLite correct, which has
   no row locks (its ``IMMEDIATE`` transactions, see ``settings.py``, run
   one writer at a time, so the update sees every earlier claim).
3. The partial unique constraint ``review_one_holder_per_role`` refuses a
   second active or completed assignment for the same role; a claim that
   hits it rolls back to a savepoint and tries the next candidate.

An assignment given back, by its reviewer or by the overdue job, puts the
submission back in the queue for the same role at its old place.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import Http404
from django.utils import timezone

from evident.accounts.audit import audit_record
from evident.accounts.models import User
from evident.earning import services as earning
from evident.earning.models import Submission
from evident.lib.dates import add_business_days
from evident.review import tasks
from evident.review.models import Assignment, QueueEntry, ReviewerPool
from evident.review.permissions import active_certification, conflict_filter, is_lead, pools_for
from evident.review.selectors import LEFT_QUEUE, QUEUED_ROLES, pool_micro_credential_ids

Role = Assignment.Role
Status = Assignment.Status

# Reviews one reviewer may have in progress at once, across all their pools.
MAX_ACTIVE_ASSIGNMENTS = 5
# Entries locked per query. One: the query already leaves out everything this
# reviewer may not take, so the first row is almost always the one taken, and
# every extra row locked would be hidden from other reviewers until this
# claim commits (a reviewer could be told "nothing waiting" while nine wait).
CLAIM_BATCH = 1
RETURN_REASON_MAX = 300
LEAD_ROLES = frozenset({Role.ADJUDICATION, Role.BACK_READ})


def review_due(start: datetime) -> datetime:
    """When an assignment taken at ``start`` is due: ``REVIEW_DUE_BUSINESS_DAYS`` working days later.

    Weekends are those of the site's time zone (``TIME_ZONE``).
    """
    return add_business_days(timezone.localtime(start), settings.REVIEW_DUE_BUSINESS_DAYS)


def queue_sync(*, micro_credential_ids: Iterable[int] | None = None) -> int:
    """Bring the queue in line with submissions (of ``micro_credential_ids``, or all).

    Every submitted submission gets an entry waiting for a first scoring,
    entered when it was submitted; entries of submissions taken back
    (draft again, or withdrawn with their enrolment) close; a submission
    withdrawn and sent again reopens its entry, entered anew. Safe to run
    concurrently: the insert ignores the one-entry-per-submission conflict,
    and the other changes are conditional updates. Returns how many entries
    were added or reopened (concurrent callers may both count the same one).
    """
    ids = None if micro_credential_ids is None else list(micro_credential_ids)
    scope = Q() if ids is None else Q(micro_credential_id__in=ids)
    now = timezone.now()
    waiting = Submission.objects.filter(status=Submission.Status.SUBMITTED, queue_entry__isnull=True)
    if ids is not None:
        waiting = waiting.filter(enrollment__micro_credential_id__in=ids)
    # Rows are written in primary-key order: on PostgreSQL a concurrent caller writing the same
    # rows waits for this one (the insert on the unique submission) instead of deadlocking with it.
    new = [
        QueueEntry(submission_id=pk, micro_credential_id=micro_credential_id, entered_at=submitted_at or now)
        for pk, micro_credential_id, submitted_at in waiting.order_by("pk").values_list(
            "pk", "enrollment__micro_credential_id", "submitted_at"
        )
    ]
    if new:
        QueueEntry.objects.bulk_create(new, ignore_conflicts=True)
    left = QueueEntry.objects.filter(scope, closed_at__isnull=True, submission__status__in=LEFT_QUEUE)
    for pk in left.order_by("pk").values_list("pk", flat=True):
        QueueEntry.objects.filter(pk=pk, closed_at__isnull=True).update(needs="", closed_at=now)
    # Closed for a withdrawal (a decided submission is never "submitted" again): the same row is
    # submitted anew, so it waits for a first scoring again, from when it was sent this time.
    reopened = 0
    back = QueueEntry.objects.filter(scope, closed_at__isnull=False, submission__status=Submission.Status.SUBMITTED)
    for pk, submitted_at in back.order_by("pk").values_list("pk", "submission__submitted_at"):
        reopened += QueueEntry.objects.filter(pk=pk, closed_at__isnull=False).update(
            needs=Role.FIRST, closed_at=None, double_scored=False, entered_at=submitted_at or now
        )
    return len(new) + reopened


def _check_may_claim(actor: User, pool: ReviewerPool, role: str) -> None:
    if role not in QUEUED_ROLES:
        raise ValidationError(f"Reviewers do not take {role!r} work from the queue.", code="invalid_role")
    if not (actor.is_authenticated and actor.is_active) or not pools_for(actor).filter(pk=pool.pk).exists():
        raise PermissionDenied("You are not a reviewer in this pool.")
    if active_certification(actor, pool) is None:
        raise PermissionDenied("Pass this pool's calibration before you take submissions.")
    if role in LEAD_ROLES and not is_lead(actor, pool):
        raise PermissionDenied(f"Only lead reviewers take {Role(role).label.lower()}.")


class _Withdrawn(Exception):
    """The submission went back to its educator while we were taking it."""


def _take(*, actor: User, pool: ReviewerPool, entry: QueueEntry, role: str, now: datetime) -> Assignment | None:
    """Take ``entry`` for ``role``, or None (and no change) when someone else got there first."""
    try:
        # A savepoint: a candidate that fails leaves nothing behind and the claim goes on to the next.
        with transaction.atomic():
            taken = QueueEntry.objects.filter(pk=entry.pk, needs=role, closed_at__isnull=True).update(needs="")
            if not taken:
                return None
            assignment = Assignment(
                submission_id=entry.submission_id,
                pool=pool,
                reviewer=actor,
                role=role,
                status=Status.ACTIVE,
                assigned_at=now,
                due_at=review_due(now),
            )
            # The one-holder constraint is left to the database: only the insert sees a claim made
            # at the same moment, and its IntegrityError is handled below.
            assignment.full_clean(validate_constraints=False)
            assignment.save()
            if role == Role.FIRST:
                # A no-op when a returned first scoring is taken again (already under review).
                submission = earning.submission_start_review(submission=entry.submission)
                if submission.status != Submission.Status.UNDER_REVIEW:
                    raise _Withdrawn
    except IntegrityError:
        return None
    except _Withdrawn:
        return None
    return assignment


@transaction.atomic
def assignment_claim(*, actor: User, pool: ReviewerPool, role: str = Role.FIRST) -> Assignment | None:
    """Give the actor the oldest submission in the pool's queue that waits for ``role``; None when none does.

    Preconditions, each a PermissionDenied: the actor reviews in the pool
    (a member, with the reviewer role in its organization) and holds an
    active certification for it; for "adjudication" and "back_read", they
    lead reviewers in the pool's organization. ValidationError: ``role`` is not one of
    :data:`QUEUED_ROLES` (code ``invalid_role``), or the actor already has
    :data:`MAX_ACTIVE_ASSIGNMENTS` reviews in progress (``too_many_active``).

    Never offered: a submission from the actor's own organization tree,
    their own, one from an educator who shares their work with them as a
    coach, and one they have had an assignment on in any role (so a second
    scoring or adjudication is never by someone who scored it, and what
    they gave back does not come straight back). A first scoring moves the
    submission to "under review", after which its educator cannot withdraw it.
    """
    # One reviewer's claims run one after the other, so two at once (two tabs) cannot both pass the limit.
    # Locked before the checks: removing the reviewer from the pool takes the same lock
    # (pools.pool_member_remove), so a claim either ends before the removal or sees it.
    list(User.objects.select_for_update().filter(pk=actor.pk).values_list("pk", flat=True))
    _check_may_claim(actor, pool, role)
    in_progress = Assignment.objects.filter(reviewer=actor, status=Status.ACTIVE).count()
    if in_progress >= MAX_ACTIVE_ASSIGNMENTS:
        raise ValidationError(
            f"You have {in_progress} reviews in progress: finish or give one back before taking another.",
            code="too_many_active",
        )
    micro_credential_ids = pool_micro_credential_ids(pool)
    queue_sync(micro_credential_ids=micro_credential_ids)
    candidates = (
        QueueEntry.objects.filter(micro_credential_id__in=micro_credential_ids, needs=role, closed_at__isnull=True)
        .exclude(submission__status__in=LEFT_QUEUE)
        .exclude(conflict_filter(actor, "submission__"))
        .exclude(submission_id__in=Assignment.objects.filter(reviewer=actor).values("submission_id"))
        .order_by("entered_at", "pk")
    )
    now = timezone.now()
    tried: list[int] = []
    while True:
        # ``of=("self",)``: lock the entry only, not the submission and enrolment rows joined to filter it.
        batch = list(candidates.exclude(pk__in=tried).select_for_update(skip_locked=True, of=("self",))[:CLAIM_BATCH])
        if not batch:
            return None
        for entry in batch:
            tried.append(entry.pk)
            assignment = _take(actor=actor, pool=pool, entry=entry, role=role, now=now)
            if assignment is None:
                continue
            audit_record(
                actor=actor,
                organization=pool.organization,
                action="assignment.claimed",
                target=assignment,
                data={"role": role, "pool": str(pool.uuid), "due_at": assignment.due_at.isoformat()},
            )
            return assignment


def _give_back(assignment: Assignment, *, now: datetime) -> bool:
    """Return an active assignment and requeue its role; False (no change) when it was no longer active."""
    returned = Assignment.objects.filter(pk=assignment.pk, status=Status.ACTIVE).update(
        status=Status.RETURNED, returned_at=now
    )
    if not returned:
        return False
    # The entry is empty while the assignment holds it; it keeps its place (entered_at).
    QueueEntry.objects.filter(submission_id=assignment.submission_id, needs="").update(needs=assignment.role)
    assignment.status, assignment.returned_at = Status.RETURNED, now
    return True


@transaction.atomic
def assignment_return(*, assignment: Assignment, reason: str, actor: User | None = None) -> Assignment:
    """Give an assignment back: it is marked returned and the submission waits for the same role again.

    With ``actor``, the assignment's own reviewer gives it back (Http404 for
    anyone else's); without, the system does (the overdue job).
    ValidationError: ``reason`` empty or longer than 300 characters
    (``reason_required``, ``too_long``), or the assignment is no longer in
    progress, completed or returned already (``not_active``; checked by a
    conditional update, so a reviewer finishing as the overdue job runs wins cleanly).
    """
    reason = reason.strip()
    if not reason:
        raise ValidationError("Say why you are giving this review back.", code="reason_required")
    if len(reason) > RETURN_REASON_MAX:
        raise ValidationError(f"Keep the reason under {RETURN_REASON_MAX} characters.", code="too_long")
    if actor is not None and assignment.reviewer_id != actor.pk:
        raise Http404("No such assignment.")
    if not _give_back(assignment, now=timezone.now()):
        raise ValidationError("This review is finished and can no longer be given back.", code="not_active")
    audit_record(
        actor=actor,
        organization=assignment.pool.organization,
        action="assignment.returned",
        target=assignment,
        data={"role": assignment.role, "reason": reason},
    )
    return assignment


def pool_member_assignments_return(*, actor: User, pool: ReviewerPool, reviewer: User, reason: str) -> list[Assignment]:
    """Give back every review ``reviewer`` has in progress in ``pool``; each returns to the queue for its role.

    For a reviewer leaving the pool (:func:`evident.review.pools.pool_member_remove`,
    which checks that ``actor`` leads it and holds the reviewer's lock). Each
    assignment given back is audited under ``actor``; one finished meanwhile is left as it is.
    """
    now = timezone.now()
    returned = []
    active = Assignment.objects.filter(pool=pool, reviewer=reviewer, status=Status.ACTIVE).order_by("pk")
    for assignment in active.select_related("submission"):
        if not _give_back(assignment, now=now):
            continue
        audit_record(
            actor=actor,
            organization=pool.organization,
            action="assignment.returned",
            target=assignment,
            data={"role": assignment.role, "reason": reason, "reviewer": str(reviewer.uuid)},
        )
        returned.append(assignment)
    return returned


OVERDUE_RETURN_REASON = "Overdue: not finished within the days allowed after the reminder."


def remind_or_return_overdue(*, now: datetime | None = None) -> tuple[int, int]:
    """The hourly overdue job; returns (reminded, returned).

    An assignment in progress past its due date gets one reminder: an email
    to its reviewer, with a link to the assignment only. One still in
    progress more than ``REVIEW_RETURN_AFTER_OVERDUE_DAYS`` (calendar) days
    after its reminder is given back to the queue. Idempotent: every change
    is a conditional update, each in its own transaction, so a second run,
    or a run alongside a reviewer finishing, changes nothing twice.
    """
    now = now or timezone.now()
    returned = 0
    deadline = now - timedelta(days=settings.REVIEW_RETURN_AFTER_OVERDUE_DAYS)
    late = Assignment.objects.filter(status=Status.ACTIVE, due_at__lt=now, reminded_at__lt=deadline).select_related(
        "pool__organization"
    )
    for assignment in late:
        try:
            assignment_return(assignment=assignment, reason=OVERDUE_RETURN_REASON)
        except ValidationError:
            continue  # finished or given back since it was read
        returned += 1
    reminded = 0
    due = Assignment.objects.filter(status=Status.ACTIVE, due_at__lt=now, reminded_at__isnull=True)
    for pk, uuid in due.values_list("pk", "uuid"):
        with transaction.atomic():
            if not Assignment.objects.filter(pk=pk, status=Status.ACTIVE, reminded_at__isnull=True).update(
                reminded_at=now
            ):
                continue
            transaction.on_commit(partial(tasks.send_assignment_reminder_task.enqueue, str(uuid)))
        reminded += 1
    return reminded, returned
