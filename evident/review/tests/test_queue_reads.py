"""Pages that show the queue read it without writing; the minute job and claims bring it up to date."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from evident import periodic
from evident.earning import services as earning
from evident.review import queue, selectors, tasks
from evident.review.models import Assignment, QueueEntry
from evident.review.tests.base import ReviewTestCase

Role = Assignment.Role
WRITES = ("INSERT", "UPDATE", "DELETE")


class QueueReadTests(ReviewTestCase):
    def writes_during_get(self, url: str) -> list[str]:
        client = self.client_for(self.lead)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        self.assertEqual(response.status_code, 200)
        # Sessions and the audit of page views are not the queue: look at review tables only.
        return [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(WRITES) and '"review_' in q["sql"]]

    def test_the_review_home_counts_new_work_without_writing(self):
        self.submitted_by(self.educator)
        self.submitted_by(self.other_educator)
        self.assertEqual(self.writes_during_get(reverse("review:home")), [])
        self.assertFalse(QueueEntry.objects.exists())
        response = self.client_for(self.lead).get(reverse("review:home"))
        self.assertContains(response, "First scoring: <strong>2</strong> waiting", html=False)

    def test_the_lead_dashboard_counts_new_work_without_writing(self):
        self.submitted_by(self.educator)
        self.assertEqual(self.writes_during_get(reverse("review:lead-dashboard")), [])
        self.assertFalse(QueueEntry.objects.exists())

    def test_counts_before_and_after_a_sync_are_the_same(self):
        waiting = self.submitted_by(self.educator)
        self.submitted_by(self.other_educator)
        before = selectors.queue_counts(self.pool)
        self.assertEqual(before[Role.FIRST], 2)
        queue.queue_sync()
        self.assertEqual(selectors.queue_counts(self.pool), before)
        # Withdrawn and sent again: its entry is closed until the next sync, and it is counted once all along.
        earning.submission_withdraw(actor=self.educator, submission=waiting)
        self.assertEqual(selectors.queue_counts(self.pool)[Role.FIRST], 1)
        queue.queue_sync()
        earning.submission_submit(actor=self.educator, submission=waiting, choices=earning.SubmitChoices(consent=True))
        self.assertEqual(selectors.queue_counts(self.pool)[Role.FIRST], 2)
        queue.queue_sync()
        self.assertEqual(selectors.queue_counts(self.pool)[Role.FIRST], 2)

    def test_the_minute_job_syncs_the_queue(self):
        self.submitted_by(self.educator)
        job = next(job for job in periodic.JOBS if job.name == "sync_review_queue")
        self.assertEqual(job.task, tasks.sync_review_queue_task)
        self.assertEqual(job.interval.total_seconds(), 60)
        self.assertEqual(tasks.sync_review_queue_task.call(), 1)
        entry = QueueEntry.objects.get()
        self.assertEqual(entry.needs, Role.FIRST)
        self.assertEqual(tasks.sync_review_queue_task.call(), 0)

    def test_a_claim_syncs_its_pool(self):
        submission = self.submitted_by(self.educator)
        assignment = queue.assignment_claim(actor=self.reviewer_a, pool=self.pool)
        assert assignment is not None
        self.assertEqual(assignment.submission, submission)
