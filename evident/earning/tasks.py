"""Background work for earning. Tasks take ids, call one function, and are safe to run twice."""

from __future__ import annotations

from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from evident.accounts import audit
from evident.accounts.emails import send_templated_email
from evident.earning import processing, retention, uploads
from evident.earning.models import Enrollment, Submission

# Between attempts at preparing a video, so a passing fault (storage, memory) can clear.
RETRY_DELAY = timedelta(minutes=2)


@task()
def process_evidence_file_task(file_uuid: str) -> str:
    """Make the web copies of one evidence file; enqueue the next attempt when this one failed.

    The database backend has no retries of its own; the attempts are counted
    on the row (``EARNING_PROCESSING_ATTEMPTS``).
    """
    with audit.origin(audit.Origin(kind="task")):
        outcome = processing.evidence_file_process(file_uuid)
    if outcome is processing.Outcome.RETRY:
        transaction.on_commit(lambda: _enqueue_retry(file_uuid))
    return outcome.value


def _enqueue_retry(file_uuid: str) -> None:
    retry = process_evidence_file_task
    if retry.get_backend().supports_defer:
        retry = retry.using(run_after=timezone.now() + RETRY_DELAY)
    retry.enqueue(file_uuid)


@task()
def purge_expired_evidence_task() -> int:
    """Periodic (daily): delete evidence media past their organization's retention period.

    First, open enrolments left without activity are warned about or
    withdrawn (``retention.withdraw_inactive_enrollments``), so one run
    withdraws and purges; each warned educator gets an email.
    """
    with audit.origin(audit.Origin(kind="task")):
        inactive = retention.withdraw_inactive_enrollments()
        purged = retention.purge_expired_media()
    for enrollment_uuid in inactive.warned:
        transaction.on_commit(partial(warn_inactive_enrollment_task.enqueue, enrollment_uuid))
    return purged


@task()
def expire_uploads_task() -> int:
    """Periodic (hourly): delete abandoned resumable uploads and their chunks."""
    with audit.origin(audit.Origin(kind="task")):
        return uploads.expire_uploads()


@task()
def notify_decision_task(submission_uuid: str) -> None:
    """Tell the educator a decision was made; the email carries a link, never evidence or feedback text."""
    submission = (
        Submission.objects.select_related("enrollment__educator", "enrollment__version")
        .filter(uuid=submission_uuid, decided_at__isnull=False)
        .first()
    )
    if submission is None:
        return
    enrollment = submission.enrollment
    feedback = list(submission.feedback.all())
    send_templated_email(
        "submission_decided",
        enrollment.educator.email,
        {
            "name": enrollment.educator.display_name,
            "title": enrollment.version.title,
            "earned": submission.status == Submission.Status.PASSED,
            "met": sum(f.passed for f in feedback),
            "total": len(feedback),
            "link": settings.BASE_URL + enrollment.get_absolute_url(),
        },
    )


@task()
def warn_inactive_enrollment_task(enrollment_uuid: str) -> None:
    """Tell the educator when their inactive work's files will be deleted; a link, never evidence.

    Nothing is sent when the warning is no longer pending (the educator was
    active since, or the enrolment moved on).
    """
    enrollment = (
        Enrollment.objects.select_related("educator", "version")
        .filter(uuid=enrollment_uuid, status__in=retention.INACTIVE)
        .first()
    )
    if enrollment is None:
        return
    deadline = retention.inactivity_deadline(enrollment)
    if deadline is None:
        return
    send_templated_email(
        "enrollment_inactive",
        enrollment.educator.email,
        {
            "name": enrollment.educator.display_name,
            "title": enrollment.version.title,
            "deadline": deadline,
            "link": settings.BASE_URL + enrollment.get_absolute_url(),
        },
    )
