from __future__ import annotations

from datetime import timedelta
from unittest import mock

from django.conf import settings
from django.core import mail
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.mail import EmailMultiAlternatives
from django.test import TestCase, override_settings
from django.utils import timezone

from evident.accounts.models import AuditEvent, User
from evident.accounts.tests.factories import OrganizationFactory
from evident.earning import services
from evident.earning.models import (
    CoachShare,
    Enrollment,
    EnrollmentEvent,
    Evidence,
    EvidenceFile,
    RequirementFeedback,
    RetentionPolicy,
    Submission,
)
from evident.earning.retention import inactivity_deadline, purge_expired_media, withdraw_inactive_enrollments
from evident.earning.tasks import purge_expired_evidence_task, warn_inactive_enrollment_task
from evident.earning.tests.base import EarningTestCase
from evident.earning.tests.factories import (
    EnrollmentFactory,
    EvidenceFactory,
    EvidenceFileFactory,
    SubmissionFactory,
)

Status = Enrollment.Status
DAY = timedelta(days=1)


class RetentionTests(TestCase):
    def setUp(self) -> None:
        self.now = timezone.now()

    def stored(self, name: str) -> str:
        return default_storage.save(name, ContentFile(b"classroom footage"))

    def evidence_file(self, submission: Submission, **fields: object) -> EvidenceFile:
        evidence = EvidenceFactory(submission=submission)
        folder = f"evidence/{submission.enrollment.uuid}/{evidence.uuid}"
        values: dict[str, object] = {
            "original": self.stored(f"{folder}/original.mp4"),
            "web_video": self.stored(f"{folder}/web.mp4"),
            "poster": self.stored(f"{folder}/poster.jpg"),
        }
        values.update(fields)
        return EvidenceFileFactory(evidence=evidence, **values)

    def finished(self, *, status: str = Status.EARNED, ago: timedelta = 800 * DAY, **fields: object) -> Enrollment:
        """An enrolment that reached ``status`` ``ago``, with a decided (passed) submission and one file."""
        at = self.now - ago
        stamp = {"earned_at": at} if status == Status.EARNED else {"withdrawn_at": at}
        enrollment = EnrollmentFactory(status=status, **stamp, **fields)
        submission = SubmissionFactory(
            enrollment=enrollment,
            status=Submission.Status.PASSED,
            submitted_at=at - 10 * DAY,
            decided_at=at,
            snapshot={"evidence": ["frozen"]},
            snapshot_sha256="a" * 64,
        )
        self.evidence_file(submission)
        return enrollment

    def files_of(self, enrollment: Enrollment) -> list[EvidenceFile]:
        return list(EvidenceFile.objects.filter(evidence__submission__enrollment=enrollment))

    def test_it_deletes_media_past_the_period_and_keeps_the_record(self):
        enrollment = EnrollmentFactory(status=Status.EARNED, earned_at=self.now - 731 * DAY)
        first = SubmissionFactory(
            enrollment=enrollment, status=Submission.Status.NEEDS_REVISION, decided_at=self.now - 800 * DAY
        )
        original = self.evidence_file(first)
        RequirementFeedback.objects.create(
            submission=first, requirement=original.evidence.requirement, passed=True, feedback="Clear routines."
        )
        second = SubmissionFactory(
            enrollment=enrollment,
            status=Submission.Status.PASSED,
            decided_at=self.now - 731 * DAY,
            snapshot={"evidence": ["frozen"]},
        )
        # Carried over: the second submission's row names the same stored bytes.
        carried = EvidenceFileFactory(
            evidence=EvidenceFactory(submission=second, requirement=original.evidence.requirement, carried_over=True),
            original=original.original.name,
            web_video=original.web_video.name,
            poster=original.poster.name,
        )
        names = [original.original.name, original.web_video.name, original.poster.name]

        assert purge_expired_media(now=self.now) == 2

        assert not any(default_storage.exists(name) for name in names)
        for file in (original, carried):
            file.refresh_from_db()
            assert file.purged_at == self.now
            assert file.sha256 == "0" * 64  # the record of what was sent stays
        second.refresh_from_db()
        assert second.snapshot == {"evidence": ["frozen"]}
        assert second.decided_at == self.now - 731 * DAY
        assert RequirementFeedback.objects.get(submission=first).feedback == "Clear routines."
        event = EnrollmentEvent.objects.get(enrollment=enrollment, kind=EnrollmentEvent.Kind.MEDIA_PURGED)
        assert event.actor is None
        audit = AuditEvent.objects.get(action="evidence.media_purged")
        assert (audit.actor, audit.organization, audit.target_id) == (
            None,
            enrollment.organization,
            str(enrollment.uuid),
        )
        assert audit.data["files"] == 2

    def test_it_is_idempotent(self):
        self.finished()
        assert purge_expired_media(now=self.now) == 1
        assert purge_expired_media(now=self.now + DAY) == 0
        assert EnrollmentEvent.objects.filter(kind=EnrollmentEvent.Kind.MEDIA_PURGED).count() == 1
        assert AuditEvent.objects.filter(action="evidence.media_purged").count() == 1

    def test_it_leaves_enrolments_still_being_worked_on_alone(self):
        for status in (Status.WORKING, Status.SUBMITTED, Status.UNDER_REVIEW, Status.NEEDS_REVISION):
            enrollment = EnrollmentFactory(status=status, started_at=self.now - 2000 * DAY)
            submission = SubmissionFactory(
                enrollment=enrollment, status=Submission.Status.NEEDS_REVISION, decided_at=self.now - 1500 * DAY
            )
            self.evidence_file(submission)
        Enrollment.objects.update(updated_at=self.now - 1500 * DAY)
        assert purge_expired_media(now=self.now) == 0
        assert not EvidenceFile.objects.filter(purged_at__isnull=False).exists()

    def test_it_waits_for_the_organizations_period_or_the_platform_default(self):
        strict = OrganizationFactory()
        RetentionPolicy.objects.create(organization=strict, evidence_retention_days=365)
        strict_recent = self.finished(organization=strict, ago=300 * DAY)
        strict_old = self.finished(organization=strict, ago=366 * DAY)
        default_recent = self.finished(ago=700 * DAY)  # under the default 730 days
        no_organization = self.finished(organization=None, status=Status.WITHDRAWN, ago=731 * DAY)

        assert purge_expired_media(now=self.now) == 2

        purged = {e.pk for e in (strict_old, no_organization)}
        for enrollment in (strict_recent, strict_old, default_recent, no_organization):
            with self.subTest(enrollment=enrollment.pk):
                (file,) = self.files_of(enrollment)
                assert (file.purged_at is not None) is (enrollment.pk in purged)
                assert default_storage.exists(file.original.name) is (enrollment.pk not in purged)

    def test_it_uses_the_latest_decision_when_the_final_date_is_missing(self):
        enrollment = self.finished(ago=800 * DAY)
        enrollment.earned_at = None
        enrollment.save(update_fields=["earned_at"])
        Submission.objects.filter(enrollment=enrollment).update(decided_at=self.now - 100 * DAY)
        assert purge_expired_media(now=self.now) == 0
        Submission.objects.filter(enrollment=enrollment).update(decided_at=self.now - 731 * DAY)
        assert purge_expired_media(now=self.now) == 1

    def test_it_keeps_bytes_another_enrolment_still_uses(self):
        withdrawn = self.finished(status=Status.WITHDRAWN)
        (old,) = self.files_of(withdrawn)
        working = EnrollmentFactory(educator=withdrawn.educator, version=withdrawn.version)
        EvidenceFileFactory(
            evidence=EvidenceFactory(submission=SubmissionFactory(enrollment=working)), original=old.original.name
        )

        assert purge_expired_media(now=self.now) == 1

        old.refresh_from_db()
        assert old.purged_at is not None
        assert default_storage.exists(old.original.name)  # still in the working enrolment's draft
        assert not default_storage.exists(old.web_video.name)
        assert AuditEvent.objects.get(action="evidence.media_purged").data["kept_shared"] == 1

    def test_a_storage_error_skips_one_enrolment_until_the_next_run(self):
        broken, fine = self.finished(), self.finished()
        real_delete = default_storage.delete

        def delete(name: str) -> None:
            if str(broken.uuid) in name:
                raise RuntimeError("storage unreachable")
            real_delete(name)

        with mock.patch("evident.earning.retention.default_storage") as storage:
            storage.delete.side_effect = delete
            assert purge_expired_media(now=self.now) == 1
        assert [f.purged_at for f in self.files_of(fine)] == [self.now]
        assert [f.purged_at for f in self.files_of(broken)] == [None]
        assert purge_expired_media(now=self.now) == 1
        assert all(f.purged_at for f in self.files_of(broken))

    def test_the_task_records_where_the_purge_came_from(self):
        self.finished()
        purge_expired_evidence_task.enqueue()
        assert AuditEvent.objects.get(action="evidence.media_purged").origin == "task"


class InactivityTests(EarningTestCase):
    """Open enrolments nobody touches are warned about, then withdrawn and purged (default period: 730 days)."""

    def setUp(self) -> None:
        super().setUp()
        self.now = timezone.now()

    def abandoned(self, *, days: int = 720, status: str = Status.WORKING, user: User | None = None) -> Enrollment:
        """An enrolment with a file and a written response, last touched ``days`` ago."""
        enrollment = self.enrol(user)
        self.add_pdf(enrollment)
        services.evidence_save(
            actor=enrollment.educator,
            submission=self.draft(enrollment),
            requirement_uuid=self.requirement("written").uuid,
            text="Our morning meeting routine, step by step.",
        )
        self.age(enrollment, days, status=status)
        return enrollment

    def age(self, enrollment: Enrollment, days: int, *, status: str | None = None) -> None:
        at = self.now - days * DAY
        Enrollment.objects.filter(pk=enrollment.pk).update(
            updated_at=at, started_at=at, **({"status": status} if status else {})
        )
        Submission.objects.filter(enrollment=enrollment).update(updated_at=at, created_at=at)
        Submission.objects.filter(enrollment=enrollment, submitted_at__isnull=False).update(submitted_at=at)
        Evidence.objects.filter(submission__enrollment=enrollment).update(updated_at=at)
        EvidenceFile.objects.filter(evidence__submission__enrollment=enrollment).update(created_at=at)
        enrollment.refresh_from_db()

    def test_it_warns_once_and_not_twice(self):
        enrollment = self.abandoned(days=720)
        self.abandoned(days=690, user=self.other_educator)  # under 730 - 30 days: not yet

        outcome = withdraw_inactive_enrollments(now=self.now)

        assert outcome.warned == [str(enrollment.uuid)]
        assert outcome.withdrawn == 0
        enrollment.refresh_from_db()
        assert enrollment.inactivity_warned_at == self.now
        assert enrollment.status == Status.WORKING
        assert inactivity_deadline(enrollment) == self.now + 30 * DAY
        audit = AuditEvent.objects.get(action="enrollment.inactivity_warned")
        assert (audit.actor, audit.organization, audit.target_id) == (None, self.school, str(enrollment.uuid))
        assert audit.data["retention_days"] == 730

        again = withdraw_inactive_enrollments(now=self.now + DAY)
        assert again.warned == []
        assert AuditEvent.objects.filter(action="enrollment.inactivity_warned").count() == 1

    def test_activity_after_the_warning_resets_the_clock(self):
        enrollment = self.abandoned(days=720)
        withdraw_inactive_enrollments(now=self.now)
        enrollment.refresh_from_db()
        assert inactivity_deadline(enrollment) is not None

        services.evidence_save(
            actor=self.educator,
            submission=self.draft(enrollment),
            requirement_uuid=self.requirement("written").uuid,
            text="Our morning meeting routine, step by step, with the visual schedule.",
        )

        assert inactivity_deadline(enrollment) is None
        outcome = withdraw_inactive_enrollments(now=self.now + 31 * DAY)
        assert (outcome.warned, outcome.withdrawn) == ([], 0)
        enrollment.refresh_from_db()
        assert enrollment.status == Status.WORKING
        assert all(not f.is_purged for f in EvidenceFile.objects.filter(evidence__submission__enrollment=enrollment))
        # A new stretch of inactivity is warned about again.
        later = timezone.now() + 701 * DAY
        assert withdraw_inactive_enrollments(now=later).warned == [str(enrollment.uuid)]

    def test_an_upload_counts_as_activity(self):
        enrollment = self.abandoned(days=720)
        withdraw_inactive_enrollments(now=self.now)
        enrollment.refresh_from_db()
        self.add_pdf(enrollment, "second-plan.pdf")
        assert inactivity_deadline(enrollment) is None

    def test_it_withdraws_and_purges_at_the_deadline(self):
        enrollment = self.abandoned(days=720)
        (file,) = EvidenceFile.objects.filter(evidence__submission__enrollment=enrollment)
        CoachShare.objects.create(enrollment=enrollment, coach=self.coach)
        withdraw_inactive_enrollments(now=self.now)

        assert withdraw_inactive_enrollments(now=self.now + 29 * DAY).withdrawn == 0
        deadline = self.now + 30 * DAY
        assert withdraw_inactive_enrollments(now=deadline).withdrawn == 1
        assert purge_expired_media(now=deadline) == 1

        enrollment.refresh_from_db()
        assert enrollment.status == Status.WITHDRAWN
        assert enrollment.withdrawn_at == deadline
        assert enrollment.updated_at == self.now - 720 * DAY  # the educator's last activity stays
        assert not enrollment.submissions.filter(status=Submission.Status.DRAFT).exists()
        assert not CoachShare.objects.filter(enrollment=enrollment, revoked_at=None).exists()
        file.refresh_from_db()
        assert file.purged_at == deadline
        assert not default_storage.exists(file.original.name)
        # Written responses are not media: they stay.
        assert Evidence.objects.filter(submission__enrollment=enrollment).exclude(text="").exists()
        event = EnrollmentEvent.objects.get(enrollment=enrollment, kind=EnrollmentEvent.Kind.WITHDRAWN)
        assert event.actor is None
        assert event.note == "By Evident: inactive for 750 days"
        assert EnrollmentEvent.objects.filter(enrollment=enrollment, kind=EnrollmentEvent.Kind.MEDIA_PURGED).exists()
        audit = AuditEvent.objects.get(action="enrollment.withdrawn")
        assert (audit.actor, audit.organization, audit.target_id) == (None, self.school, str(enrollment.uuid))
        assert audit.data["reason"] == "inactive for 750 days"
        assert AuditEvent.objects.get(action="evidence.media_purged").data["retention_days"] == 730

        # Idempotent.
        assert withdraw_inactive_enrollments(now=deadline + DAY).withdrawn == 0
        assert purge_expired_media(now=deadline + DAY) == 0

    def test_it_never_withdraws_without_a_warning_a_full_lead_old(self):
        # Already far past the period the day the rule starts: warned first, withdrawn 30 days later.
        enrollment = self.abandoned(days=2000)
        assert withdraw_inactive_enrollments(now=self.now).withdrawn == 0
        enrollment.refresh_from_db()
        assert enrollment.status == Status.WORKING
        assert inactivity_deadline(enrollment) == self.now + 30 * DAY
        assert withdraw_inactive_enrollments(now=self.now + 30 * DAY).withdrawn == 1

    def test_needs_revision_is_withdrawn_too(self):
        enrollment = self.abandoned(days=720, status=Status.NEEDS_REVISION)
        withdraw_inactive_enrollments(now=self.now)
        assert withdraw_inactive_enrollments(now=self.now + 30 * DAY).withdrawn == 1
        enrollment.refresh_from_db()
        assert enrollment.status == Status.WITHDRAWN

    def test_submissions_waiting_for_the_platform_are_never_touched(self):
        submitted = self.enrol()
        self.submit(submitted)
        self.age(submitted, 2000)
        under_review = self.enrol(self.other_educator)
        self.submit(under_review)
        self.age(under_review, 2000, status=Status.UNDER_REVIEW)
        # Even with a warning on the row (say it went under review after one).
        Enrollment.objects.filter(pk__in=[submitted.pk, under_review.pk]).update(
            inactivity_warned_at=self.now - 100 * DAY
        )

        for now in (self.now, self.now + 31 * DAY):
            outcome = withdraw_inactive_enrollments(now=now)
            assert (outcome.warned, outcome.withdrawn) == ([], 0)
            assert purge_expired_media(now=now) == 0
        assert set(Enrollment.objects.values_list("status", flat=True)) == {Status.SUBMITTED, Status.UNDER_REVIEW}

    def test_an_educator_who_leaves_after_a_warning_keeps_the_full_period(self):
        enrollment = self.abandoned(days=720)
        withdraw_inactive_enrollments(now=self.now)
        services.enrollment_withdraw(actor=self.educator, enrollment=enrollment)
        assert purge_expired_media(now=self.now + 31 * DAY) == 0
        assert purge_expired_media(now=timezone.now() + 731 * DAY) == 1

    def test_a_short_period_is_warned_at_half_way(self):
        RetentionPolicy.objects.create(organization=self.school, evidence_retention_days=30)
        enrollment = self.abandoned(days=14)
        assert withdraw_inactive_enrollments(now=self.now).warned == []
        self.age(enrollment, 15)
        assert withdraw_inactive_enrollments(now=self.now).warned == [str(enrollment.uuid)]
        enrollment.refresh_from_db()
        assert inactivity_deadline(enrollment) == self.now + 15 * DAY

    @override_settings(EARNING_INACTIVE_WARNING_DAYS=7)
    def test_the_warning_lead_is_a_setting(self):
        enrollment = self.abandoned(days=722)
        assert withdraw_inactive_enrollments(now=self.now).warned == []
        self.age(enrollment, 723)
        assert withdraw_inactive_enrollments(now=self.now).warned == [str(enrollment.uuid)]

    def test_the_daily_job_emails_a_link_and_no_evidence(self):
        enrollment = self.abandoned(days=720)
        mail.outbox.clear()

        with self.captureOnCommitCallbacks(execute=True):
            purge_expired_evidence_task.enqueue()

        (message,) = mail.outbox
        assert message.to == [self.educator.email]
        assert "\n" not in message.subject
        enrollment.refresh_from_db()
        assert enrollment.inactivity_warned_at is not None
        date = f"{timezone.localtime(enrollment.inactivity_warned_at + 30 * DAY):%B} "
        assert isinstance(message, EmailMultiAlternatives)
        html = str(message.alternatives[0][0])
        for body in (message.body, html):
            assert settings.BASE_URL + enrollment.get_absolute_url() in body
            assert date in body
            assert "lesson-plan" not in body
            assert "morning meeting" not in body
        assert enrollment.version.title in message.subject
        assert AuditEvent.objects.get(action="enrollment.inactivity_warned").origin == "task"

        # The next day: no second email.
        with self.captureOnCommitCallbacks(execute=True):
            purge_expired_evidence_task.enqueue()
        assert len(mail.outbox) == 1

    def test_the_daily_job_withdraws_and_purges_in_one_run(self):
        enrollment = self.abandoned(days=760)
        Enrollment.objects.filter(pk=enrollment.pk).update(inactivity_warned_at=self.now - 31 * DAY)

        with self.captureOnCommitCallbacks(execute=True):
            assert purge_expired_evidence_task.enqueue().return_value == 1

        enrollment.refresh_from_db()
        assert enrollment.status == Status.WITHDRAWN
        assert all(f.is_purged for f in EvidenceFile.objects.filter(evidence__submission__enrollment=enrollment))
        assert AuditEvent.objects.get(action="enrollment.withdrawn").origin == "task"

    def test_no_email_once_the_educator_was_active_again(self):
        enrollment = self.abandoned(days=720)
        outcome = withdraw_inactive_enrollments(now=self.now)
        services.evidence_save(
            actor=self.educator,
            submission=self.draft(enrollment),
            requirement_uuid=self.requirement("written").uuid,
            text="Back at it.",
        )
        mail.outbox.clear()
        warn_inactive_enrollment_task.enqueue(outcome.warned[0])
        assert mail.outbox == []

    def test_the_work_page_shows_the_notice_while_the_warning_is_pending(self):
        enrollment = self.abandoned(days=720)
        client = self.client_for(self.educator)
        assert "inactivity-notice" not in client.get(enrollment.get_absolute_url()).content.decode()

        withdraw_inactive_enrollments(now=self.now)
        page = client.get(enrollment.get_absolute_url()).content.decode()
        deadline = timezone.localtime(self.now + 30 * DAY)
        assert "Your unfinished work will be deleted on " + f"{deadline:%B} {deadline.day}, {deadline.year}" in page
        assert "save or submit to keep it" in page

        services.evidence_save(
            actor=self.educator,
            submission=self.draft(enrollment),
            requirement_uuid=self.requirement("written").uuid,
            text="Back at it.",
        )
        assert "inactivity-notice" not in client.get(enrollment.get_absolute_url()).content.decode()
