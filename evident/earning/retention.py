"""Deleting evidence media once an organization's retention period is over.

Evidence shows classrooms, and so minors: the bytes (original, web video,
poster) go after the period; everything else stays: the rows with their
names, sizes and checksums, submissions and their snapshots, scores,
feedback and decisions, and the timeline.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Case, Exists, F, Max, OuterRef, Q, Subquery, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from evident.accounts.audit import audit_record
from evident.earning.models import Enrollment, EnrollmentEvent, EvidenceFile, RetentionPolicy, Submission

logger = logging.getLogger(__name__)

FINAL = [Enrollment.Status.EARNED, Enrollment.Status.WITHDRAWN]


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
    ``updated_at``. Enrolments still open (working, submitted, under review,
    needs revision) are never purged: their evidence may be carried into the
    next submission.

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
    default_days = int(settings.EARNING_DEFAULT_RETENTION_DAYS)
    policies = dict(RetentionPolicy.objects.values_list("organization_id", "evidence_retention_days"))
    shortest = min([default_days, *policies.values()])
    latest_decision = Subquery(
        Submission.objects.filter(enrollment=OuterRef("pk"))
        .values("enrollment")
        .annotate(latest=Max("decided_at"))
        .values("latest")
    )
    candidates = (
        Enrollment.objects.filter(status__in=FINAL)
        .filter(Exists(EvidenceFile.objects.filter(evidence__submission__enrollment=OuterRef("pk"), purged_at=None)))
        .annotate(
            reference=Coalesce(
                Case(
                    When(status=Enrollment.Status.EARNED, then=F("earned_at")),
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
        days = policies.get(enrollment.organization_id, default_days) if enrollment.organization_id else default_days
        reference: datetime = enrollment.reference
        if reference < now - timedelta(days=days):
            due.append(_Due(enrollment=enrollment, reference=reference, days=days))
    return due


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
