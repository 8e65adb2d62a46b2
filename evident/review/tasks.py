"""Background work for review. Tasks take ids, load rows, call one function, and are safe to run twice."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django_tasks import task

from evident.accounts import audit
from evident.accounts.emails import send_templated_email
from evident.review import queue
from evident.review.models import Assignment


@task()
def remind_overdue_assignments_task() -> list[int]:
    """Periodic (hourly): remind reviewers of overdue assignments; give back those left too long."""
    with audit.origin(audit.Origin(kind="task")):
        reminded, returned = queue.remind_or_return_overdue()
    return [reminded, returned]


@task()
def sync_review_queue_task() -> int:
    """Periodic (every minute): put newly submitted work in the queue; returns how many entries were added or reopened.

    A claim syncs its pool too; this keeps the queue's own rows (their order
    and what a lead reviewer sees) up to date without any GET page writing.
    """
    with audit.origin(audit.Origin(kind="task")):
        return queue.queue_sync()


@task()
def send_assignment_reminder_task(assignment_uuid: str) -> None:
    """Email an overdue assignment's reviewer; a no-op once it is finished or given back.

    The email carries a link to the assignment and its dates, nothing about
    the submission: not the educator, not the evidence.
    """
    assignment = (
        Assignment.objects.select_related("reviewer")
        .filter(uuid=assignment_uuid, status=Assignment.Status.ACTIVE, reminded_at__isnull=False)
        .first()
    )
    if assignment is None or assignment.reminded_at is None:
        return
    link = settings.BASE_URL + reverse("review:assignment-detail", kwargs={"uuid": assignment.uuid})
    send_templated_email(
        "assignment_overdue",
        assignment.reviewer.email,
        {
            "link": link,
            "due_at": assignment.due_at,
            "returns_at": assignment.reminded_at + timedelta(days=settings.REVIEW_RETURN_AFTER_OVERDUE_DAYS),
        },
    )
