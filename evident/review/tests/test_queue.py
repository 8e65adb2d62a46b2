"""The queue: who may take what, in which order, giving back, and overdue work."""

from __future__ import annotations

from datetime import datetime, timedelta
from unittest import mock
from zoneinfo import ZoneInfo

from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives
from django.http import Http404
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from evident.accounts.models import AuditEvent, Membership, User
from evident.accounts.tests.factories import member
from evident.catalog.models import Stack, StackItem
from evident.earning import services as earning
from evident.earning.models import CoachShare, Submission
from evident.review import queue, selectors, tasks
from evident.review.models import Assignment, Certification, PoolMember, QueueEntry, ReviewerPool
from evident.review.tests.base import ReviewTestCase

Role = Assignment.Role
NEW_YORK = ZoneInfo("America/New_York")


class QueueCase(ReviewTestCase):
    def claim(self, actor: User, role: str = Role.FIRST, pool: ReviewerPool | None = None) -> Assignment | None:
        return queue.assignment_claim(actor=actor, pool=pool or self.pool, role=role)

    def claimed(self, actor: User, role: str = Role.FIRST) -> Assignment:
        assignment = self.claim(actor, role)
        assert assignment is not None
        return assignment

    def submitted_at(self, submission: Submission, when: datetime) -> Submission:
        Submission.objects.filter(pk=submission.pk).update(submitted_at=when)
        QueueEntry.objects.filter(submission=submission).update(entered_at=when)
        submission.refresh_from_db()
        return submission

    def finish(self, assignment: Assignment, needs: str) -> None:
        """What scoring does when a scoring is complete and the submission needs ``needs`` next."""
        Assignment.objects.filter(pk=assignment.pk).update(status=Assignment.Status.COMPLETED)
        QueueEntry.objects.filter(submission_id=assignment.submission_id).update(needs=needs)

    def certified_reviewer(self, email: str) -> User:
        reviewer = member(self.reviewing, "reviewer", email=email, full_name=email.split("@")[0].title())
        PoolMember.objects.create(pool=self.pool, reviewer=reviewer)
        self.certify(reviewer)
        return reviewer


class ClaimTests(QueueCase):
    def test_it_claims_the_oldest_first(self):
        newer = self.submitted_by(self.educator)
        older = self.submitted_by(self.other_educator)
        queue.queue_sync()
        self.submitted_at(older, timezone.now() - timedelta(days=3))
        assignment = self.claimed(self.reviewer_a)
        assert assignment.submission_id == older.pk
        assert (assignment.role, assignment.status, assignment.pool) == (Role.FIRST, "active", self.pool)
        assert self.claimed(self.reviewer_b).submission_id == newer.pk
        assert self.claim(self.lead) is None

    def test_the_first_claim_starts_the_review(self):
        submission = self.submitted_by(self.educator)
        assignment = self.claimed(self.reviewer_a)
        submission.refresh_from_db()
        assert submission.status == Submission.Status.UNDER_REVIEW
        assert self.enrollment_of(submission).status == "under_review"
        assert QueueEntry.objects.get(submission=submission).needs == ""
        with self.assertRaises(ValidationError):
            earning.submission_withdraw(actor=self.educator, submission=submission)
        event = AuditEvent.objects.get(action="assignment.claimed")
        assert (event.actor, event.organization, event.target_id) == (
            self.reviewer_a,
            self.reviewing,
            str(assignment.uuid),
        )
        assert event.data["role"] == "first"

    def test_it_is_due_in_five_business_days_skipping_the_weekend(self):
        self.submitted_by(self.educator)
        friday = datetime(2026, 3, 6, 15, 0, tzinfo=NEW_YORK)
        with mock.patch("django.utils.timezone.now", return_value=friday):
            assignment = self.claimed(self.reviewer_a)
        assert assignment.assigned_at == friday
        assert timezone.localtime(assignment.due_at, NEW_YORK) == datetime(2026, 3, 13, 15, 0, tzinfo=NEW_YORK)
        # Claimed on a Saturday: due the Friday after.
        saturday = datetime(2026, 3, 7, 10, 0, tzinfo=NEW_YORK)
        assert queue.review_due(saturday) == datetime(2026, 3, 13, 10, 0, tzinfo=NEW_YORK)

    @override_settings(REVIEW_DUE_BUSINESS_DAYS=1)
    def test_the_due_days_are_a_setting(self):
        thursday = datetime(2026, 3, 5, 9, 0, tzinfo=NEW_YORK)
        assert queue.review_due(thursday) == datetime(2026, 3, 6, 9, 0, tzinfo=NEW_YORK)

    def test_only_certified_pool_members_claim(self):
        self.submitted_by(self.educator)
        with self.assertRaises(PermissionDenied):
            self.claim(self.uncertified)
        with self.assertRaises(PermissionDenied):
            self.claim(self.reviewer)  # a reviewer elsewhere, not in this pool
        Certification.objects.filter(reviewer=self.reviewer_a).update(expires_at=timezone.now() - timedelta(days=1))
        with self.assertRaises(PermissionDenied):
            self.claim(self.reviewer_a)
        Certification.objects.filter(reviewer=self.reviewer_b).update(revoked_at=timezone.now())
        with self.assertRaises(PermissionDenied):
            self.claim(self.reviewer_b)
        assert not Assignment.objects.exists()
        assert self.claim(self.lead) is not None

    def test_a_pool_member_who_no_longer_reviews_there_cannot_claim(self):
        self.submitted_by(self.educator)
        Membership.objects.filter(user=self.reviewer_a, organization=self.reviewing).delete()
        with self.assertRaises(PermissionDenied):
            self.claim(self.reviewer_a)

    def test_it_refuses_roles_not_taken_from_the_queue(self):
        with self.assertRaises(ValidationError) as caught:
            self.claim(self.reviewer_a, role="everything")
        assert caught.exception.code == "invalid_role"

    def test_it_limits_reviews_in_progress(self):
        for n in range(queue.MAX_ACTIVE_ASSIGNMENTS + 1):
            self.submitted_by(self.new_educator(n))
        for _ in range(queue.MAX_ACTIVE_ASSIGNMENTS):
            self.claimed(self.reviewer_a)
        with self.assertRaises(ValidationError) as caught:
            self.claim(self.reviewer_a)
        assert caught.exception.code == "too_many_active"
        # Finishing one makes room.
        self.finish(Assignment.objects.filter(reviewer=self.reviewer_a).earliest("pk"), needs="")
        assert self.claim(self.reviewer_a) is not None

    def test_a_stack_pool_takes_every_micro_credential_in_its_stack(self):
        submission = self.submitted_by(self.educator)
        stack = Stack.objects.create(
            organization=self.version.micro_credential.organization, slug="literacy", title="Literacy", description="."
        )
        StackItem.objects.create(stack=stack, micro_credential=self.version.micro_credential, order=1)
        stack_pool = ReviewerPool.objects.create(organization=self.reviewing, name="Literacy reviewers", stack=stack)
        PoolMember.objects.create(pool=stack_pool, reviewer=self.reviewer_a)
        self.certify(self.reviewer_a, stack_pool)
        assignment = self.claim(self.reviewer_a, pool=stack_pool)
        assert assignment is not None
        assert (assignment.submission_id, assignment.pool) == (submission.pk, stack_pool)

    def test_a_pool_never_takes_other_micro_credentials(self):
        self.submitted_by(self.educator)
        stack = Stack.objects.create(
            organization=self.version.micro_credential.organization, slug="empty", title="Empty", description="."
        )
        other_pool = ReviewerPool.objects.create(organization=self.reviewing, name="Empty stack", stack=stack)
        PoolMember.objects.create(pool=other_pool, reviewer=self.reviewer_a)
        self.certify(self.reviewer_a, other_pool)
        queue.queue_sync()
        assert self.claim(self.reviewer_a, pool=other_pool) is None
        assert QueueEntry.objects.get().needs == Role.FIRST

    def test_a_stale_holder_makes_the_claim_move_on(self):
        # An entry that says it waits although an assignment holds the role (the last guard, the
        # unique constraint, refuses a second holder): skipped without a trace, the next one taken.
        blocked = self.submitted_by(self.educator)
        free = self.submitted_by(self.other_educator)
        queue.queue_sync()
        self.submitted_at(blocked, timezone.now() - timedelta(days=1))
        Assignment.objects.create(
            submission=blocked, pool=self.pool, reviewer=self.lead, role=Role.FIRST, due_at=timezone.now()
        )
        assignment = self.claimed(self.reviewer_a)
        assert assignment.submission_id == free.pk
        assert QueueEntry.objects.get(submission=blocked).needs == Role.FIRST
        assert Assignment.objects.filter(submission=blocked).count() == 1


class ConflictTests(QueueCase):
    def test_never_from_the_reviewers_own_organization_tree(self):
        # A reviewer who also works in the school's district (above the school).
        insider = self.certified_reviewer("ivy@tf.example")
        Membership.objects.create(user=insider, organization=self.district, role="coach")
        self.submitted_by(self.educator)
        assert self.claim(insider) is None
        outside = member(self.other_district, "educator", email="otto@lakeshore.example", full_name="Otto Outside")
        submission = self.submitted_by(outside)
        assert self.claimed(insider).submission_id == submission.pk
        assert self.claimed(self.reviewer_a).submission.enrollment.educator == self.educator

    def test_never_from_above_the_reviewers_organization(self):
        # A reviewer who coaches in the school; an educator enrolled through the district above it.
        insider = self.certified_reviewer("sam@tf.example")
        Membership.objects.create(user=insider, organization=self.school, role="coach")
        district_educator = member(self.district, "educator", email="dee@riverbend.example", full_name="Dee District")
        submission = self.submitted_by(district_educator)
        assert self.enrollment_of(submission).organization == self.district
        assert self.claim(insider) is None
        assert self.claimed(self.reviewer_a).submission_id == submission.pk

    def test_never_from_an_educator_they_coach(self):
        submission = self.submitted_by(self.educator)
        CoachShare.objects.create(enrollment=self.enrollment_of(submission), coach=self.reviewer_a)
        assert self.claim(self.reviewer_a) is None
        assert self.claimed(self.reviewer_b).submission_id == submission.pk

    def test_a_revoked_coaching_share_still_counts(self):
        submission = self.submitted_by(self.educator)
        CoachShare.objects.create(
            enrollment=self.enrollment_of(submission), coach=self.reviewer_a, revoked_at=timezone.now()
        )
        assert self.claim(self.reviewer_a) is None

    def test_never_their_own_enrolment(self):
        # Reviewers may earn micro-credentials too; they are educators nowhere, so the
        # enrolment belongs to no organization and only the educator check catches it.
        own = self.submitted_by(self.reviewer_a)
        assert self.enrollment_of(own).organization is None
        assert self.claim(self.reviewer_a) is None
        assert self.claimed(self.reviewer_b).submission_id == own.pk

    def test_an_enrolment_without_organization_is_offered_to_others(self):
        loner = member(self.other_district, "reviewer", email="lone@example.org", full_name="Lone Learner")
        submission = self.submitted_by(loner)
        assert self.enrollment_of(submission).organization is None
        assert self.claimed(self.reviewer_a).submission_id == submission.pk


class LaterRoleTests(QueueCase):
    def test_second_scoring_is_never_by_the_first_scorer(self):
        self.submitted_by(self.educator)
        first = self.claimed(self.reviewer_a)
        assert self.claim(self.reviewer_b, Role.SECOND) is None  # not waiting for a second scoring yet
        self.finish(first, needs=Role.SECOND)
        assert self.claim(self.reviewer_a, Role.SECOND) is None
        second = self.claimed(self.reviewer_b, Role.SECOND)
        assert (second.submission_id, second.role) == (first.submission_id, Role.SECOND)

    def test_adjudication_is_only_by_a_lead_who_did_not_score(self):
        self.submitted_by(self.educator)
        first = self.claimed(self.reviewer_a)
        self.finish(first, needs=Role.SECOND)
        self.finish(self.claimed(self.reviewer_b, Role.SECOND), needs=Role.ADJUDICATION)
        with self.assertRaises(PermissionDenied):
            self.claim(self.reviewer_a, Role.ADJUDICATION)
        with self.assertRaises(PermissionDenied):
            self.claim(self.uncertified, Role.ADJUDICATION)
        adjudication = self.claimed(self.lead, Role.ADJUDICATION)
        assert adjudication.submission_id == first.submission_id

    def test_a_lead_who_scored_does_not_adjudicate(self):
        self.submitted_by(self.educator)
        self.finish(self.claimed(self.lead), needs=Role.SECOND)
        self.finish(self.claimed(self.reviewer_b, Role.SECOND), needs=Role.ADJUDICATION)
        assert self.claim(self.lead, Role.ADJUDICATION) is None
        other_lead = self.certified_reviewer("lena@tf.example")
        Membership.objects.create(user=other_lead, organization=self.reviewing, role="lead_reviewer")
        assert self.claimed(other_lead, Role.ADJUDICATION).role == Role.ADJUDICATION

    def test_back_reading_is_for_leads_who_did_not_score(self):
        submission = self.submitted_by(self.educator)
        self.finish(self.claimed(self.reviewer_a), needs=Role.BACK_READ)
        Submission.objects.filter(pk=submission.pk).update(status=Submission.Status.PASSED)
        with self.assertRaises(PermissionDenied):
            self.claim(self.reviewer_b, Role.BACK_READ)
        assert self.claimed(self.lead, Role.BACK_READ).submission_id == submission.pk


class ReturnTests(QueueCase):
    def test_returning_puts_it_back_in_its_place(self):
        older = self.submitted_by(self.educator)
        self.submitted_by(self.other_educator)
        queue.queue_sync()
        self.submitted_at(older, timezone.now() - timedelta(days=2))
        entered = QueueEntry.objects.get(submission=older).entered_at
        assignment = self.claimed(self.reviewer_a)
        queue.assignment_return(assignment=assignment, reason="I know this classroom.", actor=self.reviewer_a)
        assignment.refresh_from_db()
        assert (assignment.status, assignment.returned_at is not None) == ("returned", True)
        entry = QueueEntry.objects.get(submission=older)
        assert (entry.needs, entry.entered_at, entry.closed_at) == (Role.FIRST, entered, None)
        event = AuditEvent.objects.get(action="assignment.returned")
        assert (event.actor, event.data["reason"]) == (self.reviewer_a, "I know this classroom.")
        # Still first in line, for someone else: what a reviewer gave back does not come straight back.
        assert self.claimed(self.reviewer_b).submission_id == older.pk
        assert self.claimed(self.reviewer_a).submission_id != older.pk

    def test_a_returned_second_scoring_waits_for_a_second_scoring(self):
        self.submitted_by(self.educator)
        self.finish(self.claimed(self.reviewer_a), needs=Role.SECOND)
        second = self.claimed(self.reviewer_b, Role.SECOND)
        queue.assignment_return(assignment=second, reason="No time this week.", actor=self.reviewer_b)
        assert QueueEntry.objects.get().needs == Role.SECOND
        assert self.claimed(self.lead, Role.SECOND).role == Role.SECOND

    def test_only_its_reviewer_returns_it_and_only_once(self):
        self.submitted_by(self.educator)
        assignment = self.claimed(self.reviewer_a)
        with self.assertRaises(Http404):
            queue.assignment_return(assignment=assignment, reason="Not mine.", actor=self.reviewer_b)
        with self.assertRaises(ValidationError) as caught:
            queue.assignment_return(assignment=assignment, reason="  ", actor=self.reviewer_a)
        assert caught.exception.code == "reason_required"
        queue.assignment_return(assignment=assignment, reason="Conflict.", actor=self.reviewer_a)
        with self.assertRaises(ValidationError) as caught:
            queue.assignment_return(assignment=assignment, reason="Again.", actor=self.reviewer_a)
        assert caught.exception.code == "not_active"
        assert QueueEntry.objects.get().needs == Role.FIRST

    def test_a_completed_assignment_cannot_be_returned(self):
        self.submitted_by(self.educator)
        assignment = self.claimed(self.reviewer_a)
        self.finish(assignment, needs="")
        with self.assertRaises(ValidationError):
            queue.assignment_return(assignment=assignment, reason="Too late.", actor=self.reviewer_a)
        assert QueueEntry.objects.get().needs == ""


class QueueSyncTests(QueueCase):
    def test_every_submitted_submission_enters_once(self):
        submission = self.submitted_by(self.educator)
        self.enrol(self.other_educator)  # a draft: not in the queue
        assert queue.queue_sync() == 1
        assert queue.queue_sync() == 0
        entry = QueueEntry.objects.get()
        assert (entry.submission, entry.needs, entry.micro_credential) == (
            submission,
            Role.FIRST,
            self.version.micro_credential,
        )
        assert entry.entered_at == submission.submitted_at

    def test_it_can_be_limited_to_some_micro_credentials(self):
        self.submitted_by(self.educator)
        assert queue.queue_sync(micro_credential_ids=[]) == 0
        assert queue.queue_sync(micro_credential_ids=[self.version.micro_credential_id + 1000]) == 0
        assert queue.queue_sync(micro_credential_ids=[self.version.micro_credential_id]) == 1

    def test_withdrawn_submissions_leave_the_queue(self):
        submission = self.submitted_by(self.educator)
        queue.queue_sync()
        earning.submission_withdraw(actor=self.educator, submission=submission)
        assert selectors.queue_counts(self.pool)[Role.FIRST] == 0  # even before the next sync
        assert self.claim(self.reviewer_a) is None
        entry = QueueEntry.objects.get()
        assert (entry.needs, entry.closed_at is not None) == ("", True)

    def test_a_withdrawn_enrolment_leaves_the_queue(self):
        submission = self.submitted_by(self.educator)
        queue.queue_sync()
        earning.enrollment_withdraw(actor=self.educator, enrollment=self.enrollment_of(submission))
        assert self.claim(self.reviewer_a) is None
        assert QueueEntry.objects.get().closed_at is not None

    def test_sent_again_after_withdrawing_it_waits_from_its_new_date(self):
        submission = self.submitted_by(self.educator)
        queue.queue_sync()
        earning.submission_withdraw(actor=self.educator, submission=submission)
        queue.queue_sync()
        again = earning.submission_submit(
            actor=self.educator, submission=submission, choices=earning.SubmitChoices(consent=True)
        )
        assert queue.queue_sync() == 1
        entry = QueueEntry.objects.get()
        assert (entry.needs, entry.closed_at, entry.entered_at) == (Role.FIRST, None, again.submitted_at)
        assert self.claimed(self.reviewer_a).submission_id == submission.pk


class SelectorTests(QueueCase):
    def test_queue_counts_per_role(self):
        for n in range(3):
            self.submitted_by(self.new_educator(n))
        queue.queue_sync()
        assert selectors.queue_counts(self.pool) == {"first": 3, "second": 0, "adjudication": 0, "back_read": 0}
        self.finish(self.claimed(self.reviewer_a), needs=Role.SECOND)
        self.claimed(self.reviewer_a)
        assert selectors.queue_counts(self.pool) == {"first": 1, "second": 1, "adjudication": 0, "back_read": 0}

    def test_reviewer_assignments_show_work_in_progress_first_by_due_date(self):
        for n in range(3):
            self.submitted_by(self.new_educator(n))
        done, late, soon = (self.claimed(self.reviewer_a) for _ in range(3))
        Assignment.objects.filter(pk=late.pk).update(due_at=timezone.now() - timedelta(days=1))
        Assignment.objects.filter(pk=done.pk).update(due_at=timezone.now() - timedelta(days=5))
        self.finish(done, needs="")
        assert list(selectors.reviewer_assignments(self.reviewer_a)) == [late, soon, done]
        assert not selectors.reviewer_assignments(self.reviewer_b).exists()


class OverdueTests(QueueCase):
    def overdue(self, reviewer: User, *, days: int = 1) -> Assignment:
        assignment = self.claimed(reviewer)
        Assignment.objects.filter(pk=assignment.pk).update(due_at=timezone.now() - timedelta(days=days))
        return assignment

    def run_job(self, now: datetime | None = None) -> tuple[int, int]:
        with self.captureOnCommitCallbacks(execute=True):
            return queue.remind_or_return_overdue(now=now)

    def test_overdue_work_gets_one_reminder_then_goes_back(self):
        submission = self.submitted_by(self.educator)
        self.submitted_by(self.other_educator)
        assignment = self.overdue(self.reviewer_a)
        on_time = self.claimed(self.reviewer_b)

        assert self.run_job() == (1, 0)
        assignment.refresh_from_db()
        assert assignment.reminded_at is not None and assignment.status == "active"
        assert len(mail.outbox) == 1
        assert mail.outbox[0].to == [self.reviewer_a.email]

        assert self.run_job() == (0, 0)  # idempotent: no second reminder
        assert self.run_job(timezone.now() + timedelta(days=1)) == (0, 0)  # not yet two days after it
        assert len(mail.outbox) == 1

        later = timezone.now() + timedelta(days=2, minutes=1)
        assert self.run_job(later) == (0, 1)
        assignment.refresh_from_db()
        on_time.refresh_from_db()
        assert (assignment.status, on_time.status) == ("returned", "active")
        assert QueueEntry.objects.get(submission=submission).needs == Role.FIRST
        event = AuditEvent.objects.get(action="assignment.returned")
        assert event.actor is None and event.data["reason"] == queue.OVERDUE_RETURN_REASON
        assert self.run_job(later) == (0, 0)
        assert len(mail.outbox) == 1

    def test_the_reminder_carries_a_link_and_nothing_about_the_educator(self):
        submission = self.submitted_by(self.educator)
        assignment = self.overdue(self.reviewer_a)
        self.run_job()
        message = mail.outbox[0]
        assert isinstance(message, EmailMultiAlternatives)
        html = message.alternatives[0][0]
        link = "http://testserver" + reverse("review:assignment-detail", kwargs={"uuid": assignment.uuid})
        assert link in message.body and link in str(html)
        assert "\n" not in message.subject
        enrollment = self.enrollment_of(submission)
        for secret in (
            self.educator.full_name,
            self.educator.email,
            self.school.name,
            submission.code,
            str(submission.uuid),
            str(enrollment.uuid),
        ):
            for part in (message.subject, message.body, str(html)):
                assert secret not in part

    def test_finished_work_is_neither_reminded_nor_returned(self):
        self.submitted_by(self.educator)
        assignment = self.overdue(self.reviewer_a)
        self.finish(assignment, needs="")
        assert self.run_job(timezone.now() + timedelta(days=10)) == (0, 0)
        assert not mail.outbox

    def test_work_given_more_time_after_the_reminder_stays(self):
        self.submitted_by(self.educator)
        assignment = self.overdue(self.reviewer_a)
        assert self.run_job() == (1, 0)
        Assignment.objects.filter(pk=assignment.pk).update(due_at=timezone.now() + timedelta(days=7))
        assert self.run_job(timezone.now() + timedelta(days=3)) == (0, 0)
        assignment.refresh_from_db()
        assert assignment.status == "active"

    def test_a_reminder_task_for_work_finished_since_sends_nothing(self):
        self.submitted_by(self.educator)
        assignment = self.overdue(self.reviewer_a)
        Assignment.objects.filter(pk=assignment.pk).update(reminded_at=timezone.now())
        self.finish(assignment, needs="")
        tasks.send_assignment_reminder_task.call(str(assignment.uuid))
        assert not mail.outbox

    def test_work_overdue_for_long_is_reminded_before_it_is_returned(self):
        # The job did not run for a week: the reviewer still gets the reminder and the days after it.
        self.submitted_by(self.educator)
        self.overdue(self.reviewer_a, days=7)
        assert self.run_job() == (1, 0)
        assert self.run_job(timezone.now() + timedelta(days=3)) == (0, 1)

    def test_the_periodic_task_runs_the_job(self):
        self.submitted_by(self.educator)
        self.overdue(self.reviewer_a)
        with self.captureOnCommitCallbacks(execute=True):
            result = tasks.remind_overdue_assignments_task.enqueue()
        assert result.return_value == [1, 0]
        assert len(mail.outbox) == 1
