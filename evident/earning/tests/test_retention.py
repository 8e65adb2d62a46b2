from __future__ import annotations

from datetime import timedelta
from unittest import mock

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import TestCase
from django.utils import timezone

from evident.accounts.models import AuditEvent
from evident.accounts.tests.factories import OrganizationFactory
from evident.earning.models import (
    Enrollment,
    EnrollmentEvent,
    EvidenceFile,
    RequirementFeedback,
    RetentionPolicy,
    Submission,
)
from evident.earning.retention import purge_expired_media
from evident.earning.tasks import purge_expired_evidence_task
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
