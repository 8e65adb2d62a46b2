"""Deleting evidence media once an organization's retention period is over.

Evidence shows classrooms, and so minors: the bytes (original, web video,
poster) go after the period; everything else stays: the rows with their
names, sizes and checksums, submissions and their snapshots, scores,
feedback and decisions, and the timeline.

An enrolment left open (working, or needing a revision that never came) is
not a way to keep media for ever: after the retention period without
activity it is withdrawn by the system, once its educator has been warned,
and then purged like any other withdrawn enrolment.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Case, DateTimeField, Exists, F, Max, OuterRef, Q, Subquery, When
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from evident.accounts.audit import audit_record
from evident.earning.models import (
    CoachShare,
    Enrollment,
    EnrollmentEvent,
    Evidence,
    EvidenceFile,
    RetentionPolicy,
    Submission,
)

logger = logging.getLogger(__name__)

FINAL = [Enrollment.Status.EARNED, Enrollment.Status.WITHDRAWN]
# Open enrolments where the educator is the one expected to act. Submitted and
# under-review ones wait for the platform, and are never withdrawn for it.
INACTIVE = [Enrollment.Status.WORKING, Enrollment.Status.NEEDS_REVISION]


@dataclass(frozen=True)
class _Due:
    enrollment: Enrollment
    reference: datetime
    days: int


def purge_expired_media(*, now: datetime | None = None) -> int:
    """Delete the stored media of enrolments past their retention period; returns how many files were purged.

    An enrolment is due when it reached a final state, earned or withdrawn,
    more than its organization's ``RetentionPolicy.evidence_retention_days``
    ago (``EARNING_DEFAULT_RETENTION_DAYS`` without a policy or without an
    organization). The reference date is ``earned_at`` for an earned
    enrolment and ``withdrawn_at`` for a withdrawn one; where that is
    missing, the latest ``Submission.decided_at``; failing that,
    ``updated_at``. An enrolment the system withdrew for inactivity
    (:func:`withdraw_inactive_enrollments`) is measured from the educator's
    last activity instead, so it is due at once. Enrolments still open
    (working, submitted, under review, needs revision) are never purged:
    their evidence may be carried into the next submission.

    For each due enrolment the bytes of every ``EvidenceFile`` not yet purged
    (original, web video, poster) are deleted, each stored name once, and a
    name still used by a row that is not being purged (another enrolment's
    copy) is kept. The bytes go before the rows are marked, so an
    interrupted run is finished by the next one. The rows get ``purged_at``;
    the enrolment gets a ``MEDIA_PURGED`` timeline event and an
    ``evidence.media_purged`` audit event. Idempotent. An error (storage down)
    skips that enrolment, logged, until the next run.
    """
    now = now or timezone.now()
    purged = 0
    for due in _due_enrollments(now):
        try:
            purged += _purge(due, now)
        except Exception:
            # Storage errors differ by backend (OSError, botocore's ClientError):
            # one enrolment must not stop the others; the next run retries it.
            logger.exception("Purging the evidence media of enrolment %s failed", due.enrollment.uuid)
    return purged


def _due_enrollments(now: datetime) -> list[_Due]:
    default_days, policies = _periods()
    shortest = min([default_days, *policies.values()])
    latest_decision = Subquery(
        Submission.objects.filter(enrollment=OuterRef("pk"))
        .values("enrollment")
        .annotate(latest=Max("decided_at"))
        .values("latest")
    )
    candidates = (
        Enrollment.objects.filter(status__in=FINAL)
        .filter(_has_media())
        .annotate(last_activity=_last_activity())
        .annotate(
            reference=Coalesce(
                Case(
                    When(status=Enrollment.Status.EARNED, then=F("earned_at")),
                    # Withdrawn for inactivity: the warning is newer than any
                    # activity only then (an educator who leaves is active).
                    When(
                        status=Enrollment.Status.WITHDRAWN,
                        inactivity_warned_at__gt=F("last_activity"),
                        then=F("last_activity"),
                    ),
                    When(status=Enrollment.Status.WITHDRAWN, then=F("withdrawn_at")),
                ),
                latest_decision,
                F("updated_at"),
            )
        )
        # The shortest period any organization uses: the exact one is checked below.
        .filter(reference__lt=now - timedelta(days=shortest))
        .select_related("organization")
        .order_by("pk")
    )
    due = []
    for enrollment in candidates:
        days = _period_of(enrollment, default_days, policies)
        reference: datetime = enrollment.reference
        if reference < now - timedelta(days=days):
            due.append(_Due(enrollment=enrollment, reference=reference, days=days))
    return due


def _periods() -> tuple[int, dict[int, int]]:
    """The platform's default retention period and every organization's own, in days."""
    default_days = int(settings.EARNING_DEFAULT_RETENTION_DAYS)
    return default_days, dict(RetentionPolicy.objects.values_list("organization_id", "evidence_retention_days"))


def _period_of(enrollment: Enrollment, default_days: int, policies: dict[int, int]) -> int:
    if enrollment.organization_id is None:
        return default_days
    return policies.get(enrollment.organization_id, default_days)


def _has_media() -> Exists:
    return Exists(EvidenceFile.objects.filter(evidence__submission__enrollment=OuterRef("pk"), purged_at=None))


def _last_activity() -> Greatest:
    """Per enrolment row, the newest change by or for its educator.

    The enrolment's own ``updated_at`` (start, status changes), and its
    submissions' changes, submission and decision dates, evidence edits and
    file uploads. Saving evidence touches the evidence and its submission,
    not the enrolment, hence the subqueries. Each falls back on the
    enrolment's ``updated_at``: SQLite's GREATEST is NULL if any argument is.
    """
    submissions = (
        Submission.objects.filter(enrollment=OuterRef("pk"))
        .values("enrollment")
        .annotate(
            newest=Greatest(
                Max("updated_at"),
                Coalesce(Max("submitted_at"), Max("updated_at")),
                Coalesce(Max("decided_at"), Max("updated_at")),
            )
        )
        .values("newest")
    )
    evidence = (
        Evidence.objects.filter(submission__enrollment=OuterRef("pk"))
        .values("submission__enrollment")
        .annotate(newest=Max("updated_at"))
        .values("newest")
    )
    files = (
        EvidenceFile.objects.filter(evidence__submission__enrollment=OuterRef("pk"))
        .values("evidence__submission__enrollment")
        .annotate(newest=Max("created_at"))
        .values("newest")
    )
    own = F("updated_at")
    return Greatest(
        own,
        *(Coalesce(Subquery(query), own) for query in (submissions, evidence, files)),
        output_field=DateTimeField(),
    )


def _purge(due: _Due, now: datetime) -> int:
    enrollment = due.enrollment
    files = list(
        EvidenceFile.objects.filter(evidence__submission__enrollment=enrollment, purged_at=None).values_list(
            "pk", "original", "web_video", "poster"
        )
    )
    ids = [pk for pk, *_ in files]
    names = {name for _, *stored in files for name in stored if name}
    shared = Q(original__in=names) | Q(web_video__in=names) | Q(poster__in=names)
    still_used: set[str] = set()
    for row in (
        EvidenceFile.objects.filter(shared, purged_at=None)
        .exclude(pk__in=ids)
        .values_list("original", "web_video", "poster")
    ):
        still_used.update(row)
    # Bytes first: deleting a name that is already gone is a no-op, so a run
    # interrupted here is completed by the next.
    for name in sorted(names - still_used):
        default_storage.delete(name)
    with transaction.atomic():
        count = EvidenceFile.objects.filter(pk__in=ids, purged_at=None).update(purged_at=now)
        if not count:
            return 0
        note = f"{count} file{'s' if count != 1 else ''}, {due.days} days after {due.reference:%Y-%m-%d}"
        EnrollmentEvent.objects.create(
            enrollment=enrollment, kind=EnrollmentEvent.Kind.MEDIA_PURGED, note=note, occurred_at=now
        )
        audit_record(
            actor=None,
            organization=enrollment.organization,
            action="evidence.media_purged",
            target=enrollment,
            data={
                "files": count,
                "retention_days": due.days,
                "reference": due.reference.isoformat(),
                "kept_shared": len(names & still_used),
            },
        )
    return count


@dataclass(frozen=True)
class Inactivity:
    """What one run of :func:`withdraw_inactive_enrollments` did."""

    warned: list[str]  # uuids of the enrolments whose educator is to be told
    withdrawn: int


def warning_lead(days: int) -> timedelta:
    """How long before the deadline the educator is warned: the setting, at most half the period.

    A 30-day policy with a 30-day warning would warn on the first day
    without activity; half the period keeps the warning about inactivity.
    """
    return timedelta(days=min(int(settings.EARNING_INACTIVE_WARNING_DAYS), days // 2))


def _deadline(warned_at: datetime | None, last_activity: datetime, days: int) -> datetime | None:
    # Activity after the warning voids it: the clock starts again.
    if warned_at is None or warned_at <= last_activity:
        return None
    # Never before the full warning lead, nor before the period is over (an
    # organization may have lengthened it since the warning).
    return max(warned_at + warning_lead(days), last_activity + timedelta(days=days))


def inactivity_deadline(enrollment: Enrollment) -> datetime | None:
    """When this open enrolment is withdrawn and its media deleted, if its educator was warned.

    None when no warning is pending: never warned, active since the warning,
    or not an enrolment the educator is expected to act on. The work page
    shows it; without a warning it costs no query.
    """
    if enrollment.inactivity_warned_at is None or enrollment.status not in INACTIVE:
        return None
    default_days, policies = _periods()
    return _deadline(
        enrollment.inactivity_warned_at, _last_activity_of(enrollment), _period_of(enrollment, default_days, policies)
    )


def _last_activity_of(enrollment: Enrollment) -> datetime:
    found: datetime = (
        Enrollment.objects.filter(pk=enrollment.pk).annotate(last=_last_activity()).values_list("last", flat=True).get()
    )
    return found


def withdraw_inactive_enrollments(*, now: datetime | None = None) -> Inactivity:
    """Warn the educators of open enrolments nearing their inactivity limit; withdraw those past it.

    Only enrolments in ``working`` or ``needs_revision`` with media not yet
    purged are considered: a submission waiting for review waits on the
    platform, not the educator. Inactivity runs from the newest activity
    (:func:`_last_activity`). Once it reaches the organization's retention
    period minus :func:`warning_lead`, ``inactivity_warned_at`` is set (an
    ``enrollment.inactivity_warned`` audit event) and the enrolment's uuid
    returned for the caller to email. Once the deadline is reached
    (:func:`_deadline`: the period is over and the warning is a full lead
    old) with no activity since the warning, the enrolment is withdrawn by
    the system: status ``withdrawn``, ``withdrawn_at``, its draft withdrawn,
    coach sharing ended, a timeline event and an ``enrollment.withdrawn``
    audit event giving the reason. :func:`purge_expired_media` then deletes
    its media on the same run. Idempotent: a pending warning is not sent
    again, and each change is a conditional update under a row lock.
    """
    now = now or timezone.now()
    default_days, policies = _periods()
    shortest = min([default_days, *policies.values()])
    # The period minus its lead grows with the period: the shortest period
    # gives the earliest moment anyone is warned. The exact one is checked below.
    earliest = timedelta(days=shortest) - warning_lead(shortest)
    candidates = (
        Enrollment.objects.filter(status__in=INACTIVE)
        .filter(_has_media())
        .annotate(last_activity=_last_activity())
        .filter(last_activity__lte=now - earliest)
        .select_related("organization")
        .order_by("pk")
    )
    warned: list[str] = []
    withdrawn = 0
    for enrollment in candidates:
        days = _period_of(enrollment, default_days, policies)
        last_activity: datetime = enrollment.last_activity
        deadline = _deadline(enrollment.inactivity_warned_at, last_activity, days)
        if deadline is None:
            if last_activity <= now - (timedelta(days=days) - warning_lead(days)) and _warn(
                enrollment, last_activity, days, now
            ):
                warned.append(str(enrollment.uuid))
        elif deadline <= now:
            withdrawn += _withdraw(enrollment, days, now)
    return Inactivity(warned=warned, withdrawn=withdrawn)


@transaction.atomic
def _warn(enrollment: Enrollment, last_activity: datetime, days: int, now: datetime) -> bool:
    # A warning voided by activity may be replaced; a pending one may not.
    claimed = (
        Enrollment.objects.filter(pk=enrollment.pk, status__in=INACTIVE)
        .filter(Q(inactivity_warned_at=None) | Q(inactivity_warned_at__lte=last_activity))
        .update(inactivity_warned_at=now)
    )
    if not claimed:
        return False
    # What _deadline gives for a warning sent now.
    deadline = max(now + warning_lead(days), last_activity + timedelta(days=days))
    audit_record(
        actor=None,
        organization=enrollment.organization,
        action="enrollment.inactivity_warned",
        target=enrollment,
        data={"last_activity": last_activity.isoformat(), "retention_days": days, "deadline": deadline.isoformat()},
    )
    return True


@transaction.atomic
def _withdraw(enrollment: Enrollment, days: int, now: datetime) -> int:
    locked = Enrollment.objects.select_for_update().filter(pk=enrollment.pk, status__in=INACTIVE).first()
    if locked is None:
        return 0
    # Checked again under the lock: the educator may have saved since the list was read.
    last_activity = _last_activity_of(locked)
    deadline = _deadline(locked.inactivity_warned_at, last_activity, days)
    if deadline is None or deadline > now:
        return 0
    inactive_days = (now - last_activity).days
    locked.submissions.filter(status=Submission.Status.DRAFT).update(status=Submission.Status.WITHDRAWN)
    CoachShare.objects.filter(enrollment=locked, revoked_at__isnull=True).update(revoked_at=now)
    locked.status = Enrollment.Status.WITHDRAWN
    locked.withdrawn_at = now
    # updated_at (and the draft's) is left alone: it is the educator's last
    # activity, from which the purge measures the period, and what tells this
    # withdrawal from one the educator chose.
    locked.save(update_fields=["status", "withdrawn_at"])
    reason = f"inactive for {inactive_days} days"
    EnrollmentEvent.objects.create(
        enrollment=locked, kind=EnrollmentEvent.Kind.WITHDRAWN, note=f"By Evident: {reason}", occurred_at=now
    )
    audit_record(
        actor=None,
        organization=locked.organization,
        action="enrollment.withdrawn",
        target=locked,
        data={
            "reason": reason,
            "inactive_days": inactive_days,
            "retention_days": days,
            "last_activity": last_activity.isoformat(),
            "warned_at": locked.inactivity_warned_at.isoformat() if locked.inactivity_warned_at else None,
        },
    )
    return 1
