"""Every periodic job, in one list, and the scheduler's two duties.

``manage.py run_periodic`` (run exactly one) calls :func:`enqueue_due_jobs`
and :func:`requeue_stale_tasks` every minute. Jobs are ordinary tasks: the
scheduler only enqueues them, the task workers run them.

When a job last ran is read from django-tasks-db's own task rows (the
newest ``enqueued_at`` for the task), so it survives restarts and needs no
table of ours; with another backend it is kept in the cache.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks.base import Task
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from evident.earning.processing import evidence_file_release
from evident.earning.tasks import expire_uploads_task, process_evidence_file_task, purge_expired_evidence_task
from evident.programs.analytics.tasks import refresh_dashboards_task
from evident.review.tasks import remind_overdue_assignments_task, sync_review_queue_task


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    interval: timedelta
    task: Task[[], Any]


JOBS: list[PeriodicJob] = [
    PeriodicJob("purge_expired_evidence", timedelta(days=1), purge_expired_evidence_task),
    PeriodicJob("expire_uploads", timedelta(hours=1), expire_uploads_task),
    PeriodicJob("remind_overdue_assignments", timedelta(hours=1), remind_overdue_assignments_task),
    PeriodicJob("refresh_dashboards", timedelta(minutes=5), refresh_dashboards_task),
    PeriodicJob("sync_review_queue", timedelta(minutes=1), sync_review_queue_task),
]

# A task RUNNING this long is taken to have lost its worker (killed, out of
# memory, machine gone): django-tasks-db would leave it RUNNING for ever.
# Longer than any task runs: transcoding is about 3 times faster than real
# time on two cores, and videos are limited to minutes.
TASK_LEASE = timedelta(hours=1)
# A task that lost its worker this many times probably kills it: stop.
MAX_CLAIMS = 3

# Tasks that claim a row of ours: when the reaper re-queues one, the claim is
# given back with the task's own arguments, so the next run can take it.
RELEASE_ON_REQUEUE: dict[str, Callable[..., None]] = {
    process_evidence_file_task.module_path: evidence_file_release,
}


def _cache_key(job: PeriodicJob) -> str:
    return f"evident:periodic:last:{job.name}"


def _last_enqueued(job: PeriodicJob) -> datetime | None:
    if isinstance(job.task.get_backend(), DatabaseBackend):
        found: datetime | None = DBTaskResult.objects.filter(
            task_path=job.task.module_path, backend_name=job.task.backend
        ).aggregate(last=Max("enqueued_at"))["last"]
        return found
    remembered = cache.get(_cache_key(job))
    return remembered if isinstance(remembered, datetime) else None


def enqueue_due_jobs(*, now: datetime | None = None, jobs: list[PeriodicJob] | None = None) -> list[str]:
    """Enqueue every job whose interval has passed since it was last enqueued; returns their names.

    Correct for one scheduler process. A job never enqueued is due at once,
    so a fresh install purges and expires on its first minute.
    """
    now = now or timezone.now()
    enqueued = []
    for job in JOBS if jobs is None else jobs:
        last = _last_enqueued(job)
        if last is not None and now - last < job.interval:
            continue
        job.task.enqueue()
        if not isinstance(job.task.get_backend(), DatabaseBackend):
            cache.set(_cache_key(job), now, timeout=None)
        enqueued.append(job.name)
    return enqueued


def requeue_stale_tasks(*, lease: timedelta = TASK_LEASE, now: datetime | None = None) -> int:
    """Put tasks left RUNNING longer than ``lease`` back in the queue; returns how many were handled.

    A task that has already lost its worker ``MAX_CLAIMS`` times is marked
    FAILED instead. Either way, a claim the task held on one of our rows is
    released (:data:`RELEASE_ON_REQUEUE`). Each row changes by a conditional
    update, so a worker that finishes at the same moment wins.
    """
    now = now or timezone.now()
    handled = 0
    stale = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, started_at__lt=now - lease)
    for row in list(stale.only("pk", "started_at", "worker_ids", "task_path", "args_kwargs")):
        if len(row.worker_ids) >= MAX_CLAIMS:
            changes: dict[str, Any] = {
                "status": TaskResultStatus.FAILED,
                "finished_at": now,
                "exception_class_path": "evident.periodic.LeaseExpired",
                "traceback": f"The worker running this task stopped {len(row.worker_ids)} times; not retried.",
            }
        else:
            changes = {"status": TaskResultStatus.READY}
        with transaction.atomic():
            updated = DBTaskResult.objects.filter(
                pk=row.pk, status=TaskResultStatus.RUNNING, started_at=row.started_at
            ).update(**changes)
            if not updated:
                continue
            release = RELEASE_ON_REQUEUE.get(row.task_path)
            if release is not None:
                release(*row.args_kwargs.get("args", []), **row.args_kwargs.get("kwargs", {}))
        handled += 1
    return handled
