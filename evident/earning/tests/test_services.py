from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.test import override_settings

from evident.accounts.models import AuditEvent
from evident.accounts.tests.factories import member
from evident.earning import services
from evident.earning.models import Enrollment, EnrollmentEvent, Evidence, EvidenceFile, Submission
from evident.earning.processing import evidence_file_process
from evident.earning.tests import samples
from evident.earning.tests.base import WORDS_350, EarningTestCase


class EnrollmentTests(EarningTestCase):
    def test_it_starts_on_the_live_version_with_an_empty_draft(self):
        enrollment = self.enrol()
        self.assertEqual(enrollment.version, self.version)
        self.assertEqual(enrollment.organization, self.school)
        draft = self.draft(enrollment)
        self.assertEqual(draft.number, 1)
        self.assertEqual(draft.evidence.count(), self.version.requirements.count())
        self.assertTrue(AuditEvent.objects.filter(action="enrollment.started").exists())
        self.assertEqual([e.kind for e in enrollment.events.all()], [EnrollmentEvent.Kind.STARTED])

    def test_it_allows_one_open_enrollment_per_micro_credential(self):
        self.enrol()
        with self.assertRaises(ValidationError) as caught:
            self.enrol()
        self.assertEqual(caught.exception.code, "already_enrolled")

    def test_it_allows_a_new_start_after_leaving(self):
        enrollment = self.enrol()
        services.enrollment_withdraw(actor=self.educator, enrollment=enrollment)
        again = self.enrol()
        self.assertNotEqual(again.pk, enrollment.pk)

    def test_it_refuses_a_version_that_is_not_live(self):
        self.version.is_live = False
        self.version.save(update_fields=["is_live"])
        with self.assertRaises(ValidationError):
            self.enrol()

    def test_it_refuses_an_organization_where_the_person_is_not_an_educator(self):
        with self.assertRaises(Http404):
            services.enrollment_start(actor=self.educator, version=self.version, organization=self.other_district)

    def test_enrolments_stay_on_their_version(self):
        enrollment = self.enrol()
        self.assertEqual(Enrollment.objects.get(pk=enrollment.pk).version_id, self.version.pk)


class DraftTests(EarningTestCase):
    def test_it_saves_a_written_response_and_a_link_is_validated(self):
        enrollment = self.enrol()
        draft = self.draft(enrollment)
        services.evidence_save(
            actor=self.educator, submission=draft, requirement_uuid=self.requirement("written").uuid, text="Hello"
        )
        self.assertEqual(Evidence.objects.get(submission=draft, requirement=self.requirement("written")).text, "Hello")
        with self.assertRaises(ValidationError):
            services.evidence_save(
                actor=self.educator, submission=draft, requirement_uuid=self.requirement("written").uuid, link="ftp:/x"
            )

    def test_another_educator_cannot_change_the_draft(self):
        draft = self.draft(self.enrol())
        with self.assertRaises(Http404):
            services.evidence_save(
                actor=self.other_educator, submission=draft, requirement_uuid=self.requirement("written").uuid, text="x"
            )

    def test_it_keeps_a_pdf_with_its_checksum(self):
        enrollment = self.enrol()
        file = self.add_pdf(enrollment)
        self.assertEqual(file.kind, "document")
        self.assertEqual(file.content_type, "application/pdf")
        self.assertEqual(len(file.sha256), 64)
        self.assertTrue(file.original.storage.exists(file.original.name))

    def test_it_refuses_an_executable_renamed_mp4(self):
        enrollment = self.enrol()
        path = samples.make_executable(self.workdir / "lesson.mp4")
        with self.assertRaises(ValidationError) as caught:
            services.evidence_file_add(
                actor=self.educator,
                submission=self.draft(enrollment),
                requirement_uuid=self.requirement("video").uuid,
                path=path,
                filename="lesson.mp4",
            )
        self.assertIn("lesson.mp4", " ".join(caught.exception.messages))
        self.assertFalse(self.draft(enrollment).evidence.filter(files__isnull=False).exists())

    def test_it_refuses_a_file_for_a_written_requirement(self):
        enrollment = self.enrol()
        with self.assertRaises(ValidationError):
            services.evidence_file_add(
                actor=self.educator,
                submission=self.draft(enrollment),
                requirement_uuid=self.requirement("written").uuid,
                path=self.add_pdf_path(),
                filename="x.pdf",
            )

    def add_pdf_path(self):
        return samples.make_pdf(self.workdir / "x.pdf")

    def test_a_video_is_queued_for_processing(self):
        enrollment = self.enrol()
        file = self.add_video(enrollment)
        file.refresh_from_db()
        # Tests run tasks immediately: the web copy and poster exist already.
        self.assertEqual(file.processing, "ready")
        self.assertTrue(file.poster.name)
        self.assertGreater(file.duration_seconds or 0, 0.5)


class SubmitTests(EarningTestCase):
    def test_it_lists_what_is_missing(self):
        draft = self.draft(self.enrol())
        problems = services.submission_problems(draft)
        self.assertEqual(len(problems), 3)
        self.assertIn("add a file", problems[0])

    def test_it_checks_word_limits_at_submission(self):
        enrollment = self.enrol()
        draft = self.draft(enrollment)
        services.evidence_save(
            actor=self.educator, submission=draft, requirement_uuid=self.requirement("written").uuid, text="Too short."
        )
        problems = services.submission_problems(draft)
        self.assertTrue(any("2 words written; at least 300" in p for p in problems), problems)

    def test_it_needs_consent(self):
        enrollment = self.enrol()
        draft = self.complete_draft(enrollment)
        with self.assertRaises(ValidationError) as caught:
            services.submission_submit(
                actor=self.educator, submission=draft, choices=services.SubmitChoices(consent=False)
            )
        self.assertIn("consent", " ".join(caught.exception.messages))
        self.assertEqual(Submission.objects.get(pk=draft.pk).status, "draft")

    def test_it_freezes_a_snapshot(self):
        enrollment = self.enrol()
        submission = self.submit(enrollment)
        self.assertEqual(submission.status, "submitted")
        assert submission.snapshot is not None
        self.assertEqual(len(submission.snapshot["evidence"]), 3)
        self.assertEqual(len(submission.snapshot_sha256), 64)
        self.assertIsNotNone(submission.consent_attested_at)
        enrollment.refresh_from_db()
        self.assertEqual(enrollment.status, "submitted")
        with self.assertRaises(ValidationError):
            services.evidence_save(
                actor=self.educator, submission=submission, requirement_uuid=self.requirement("written").uuid, text="x"
            )

    def test_it_can_be_withdrawn_until_review_starts(self):
        enrollment = self.enrol()
        submission = self.submit(enrollment)
        services.submission_withdraw(actor=self.educator, submission=submission)
        submission.refresh_from_db()
        self.assertTrue(submission.is_draft)
        self.assertEqual(submission.evidence.get(requirement=self.requirement("written")).text, WORDS_350)
        submission = services.submission_submit(
            actor=self.educator, submission=submission, choices=services.SubmitChoices(consent=True)
        )
        services.submission_start_review(submission=submission)
        with self.assertRaises(ValidationError):
            services.submission_withdraw(actor=self.educator, submission=submission)


class DecisionTests(EarningTestCase):
    def outcomes(self, submission, *, failing: str | None = None):
        return [
            services.RequirementOutcome(
                requirement=e.requirement,
                passed=e.requirement.evidence_kind != failing,
                level_name="Meets" if e.requirement.evidence_kind != failing else "Approaching",
                feedback="" if e.requirement.evidence_kind != failing else "Say which students and what next.",
            )
            for e in submission.evidence.select_related("requirement")
        ]

    def test_earned_when_every_requirement_passes(self):
        enrollment = self.enrol()
        submission = self.submit(enrollment)
        services.submission_start_review(submission=submission)
        self.assertIsNone(services.submission_decide(submission=submission, outcomes=self.outcomes(submission)))
        enrollment.refresh_from_db()
        self.assertEqual(enrollment.status, "earned")
        self.assertIsNotNone(enrollment.earned_at)

    def test_needs_revision_carries_over_what_passed(self):
        enrollment = self.enrol()
        submission = self.submit(enrollment)
        services.submission_start_review(submission=submission)
        draft = services.submission_decide(submission=submission, outcomes=self.outcomes(submission, failing="written"))
        assert draft is not None
        self.assertEqual(draft.number, 2)
        carried = {e.requirement.evidence_kind: e for e in draft.evidence.select_related("requirement")}
        self.assertTrue(carried["video"].carried_over)
        self.assertTrue(carried["document"].carried_over)
        self.assertFalse(carried["written"].carried_over)
        self.assertEqual(carried["written"].text, WORDS_350)
        self.assertEqual(carried["video"].files.count(), 1)
        enrollment.refresh_from_db()
        self.assertEqual(enrollment.status, "needs_revision")
        with self.assertRaises(ValidationError):
            services.evidence_save(
                actor=self.educator, submission=draft, requirement_uuid=self.requirement("video").uuid, text="x"
            )
        services.submission_submit(actor=self.educator, submission=draft, choices=services.SubmitChoices(consent=True))

    @override_settings(EARNING_ATTEMPTS_BEFORE_COACHING=1)
    def test_a_coaching_conversation_comes_before_a_further_attempt(self):
        enrollment = self.enrol()
        submission = self.submit(enrollment)
        draft = services.submission_decide(submission=submission, outcomes=self.outcomes(submission, failing="written"))
        assert draft is not None
        with self.assertRaises(ValidationError) as caught:
            services.submission_submit(
                actor=self.educator, submission=draft, choices=services.SubmitChoices(consent=True)
            )
        self.assertIn("coach", " ".join(caught.exception.messages))
        done = services.submission_submit(
            actor=self.educator,
            submission=draft,
            choices=services.SubmitChoices(consent=True, coaching_note="Talked it through with Cole on Monday."),
        )
        self.assertIsNotNone(done.coaching_confirmed_at)


class CoachTests(EarningTestCase):
    def test_it_shares_with_a_coach_of_the_district_above_the_school(self):
        enrollment = self.enrol()
        services.coach_share(actor=self.educator, enrollment=enrollment, coach=self.coach)
        comment = services.draft_comment_add(actor=self.coach, submission=self.draft(enrollment), body="Nice start.")
        self.assertEqual(comment.author, self.coach)

    def test_it_refuses_a_coach_of_another_district(self):
        enrollment = self.enrol()
        with self.assertRaises(ValidationError):
            services.coach_share(actor=self.educator, enrollment=enrollment, coach=self.other_coach)

    def test_an_unshared_coach_cannot_comment(self):
        enrollment = self.enrol()
        with self.assertRaises(Http404):
            services.draft_comment_add(actor=self.coach, submission=self.draft(enrollment), body="Hi")
        services.coach_share(actor=self.educator, enrollment=enrollment, coach=self.coach)
        services.coach_unshare(actor=self.educator, enrollment=enrollment, coach=self.coach)
        with self.assertRaises(Http404):
            services.draft_comment_add(actor=self.coach, submission=self.draft(enrollment), body="Hi")


class RetentionPolicyTests(EarningTestCase):
    def test_only_an_organization_admin_sets_it(self):
        admin = member(self.district, "org_admin")
        policy = services.retention_policy_set(actor=admin, organization=self.district, days=90)
        self.assertEqual(policy.evidence_retention_days, 90)
        with self.assertRaises(PermissionDenied):
            services.retention_policy_set(actor=self.coach, organization=self.district, days=90)
        with self.assertRaises(ValidationError):
            services.retention_policy_set(actor=admin, organization=self.district, days=5)


class UploadLimitTests(EarningTestCase):
    def test_it_caps_the_uploads_one_person_has_in_progress(self):
        draft = self.draft(self.enrol())
        video = str(self.requirement("video").uuid)

        def start():
            return services.upload_create(
                actor=self.educator,
                submission_uuid=str(draft.uuid),
                requirement_uuid=video,
                filename="lesson.mp4",
                length=1000,
                metadata={},
            )

        for _ in range(services.MAX_OPEN_UPLOADS):
            start()
        with self.assertRaises(ValidationError) as caught:
            start()
        self.assertEqual(caught.exception.code, "too_many_uploads")

    def test_it_refuses_a_file_larger_than_the_requirement_allows(self):
        draft = self.draft(self.enrol())
        with self.assertRaises(ValidationError) as caught:
            services.upload_create(
                actor=self.educator,
                submission_uuid=str(draft.uuid),
                requirement_uuid=str(self.requirement("document").uuid),
                filename="scan.pdf",
                length=51 * 1024 * 1024,
                metadata={},
            )
        self.assertEqual(caught.exception.code, "too_large")
        self.assertIn("50 MB", caught.exception.messages[0])


class CarriedOverVideoTests(EarningTestCase):
    def test_a_video_carried_over_before_it_was_ready_gets_its_web_copies(self):
        enrollment = self.enrol()
        self.add_pdf(enrollment)
        video_path = samples.make_video(self.workdir / "lesson.mp4", seconds=1.0, size=(160, 120))
        # No on-commit here: the video is still waiting for its task when the decision comes.
        video = services.evidence_file_add(
            actor=self.educator,
            submission=self.draft(enrollment),
            requirement_uuid=self.requirement("video").uuid,
            path=video_path,
            filename="lesson.mp4",
        )
        services.evidence_save(
            actor=self.educator,
            submission=self.draft(enrollment),
            requirement_uuid=self.requirement("written").uuid,
            text=WORDS_350,
        )
        submission = services.submission_submit(
            actor=self.educator, submission=self.draft(enrollment), choices=services.SubmitChoices(consent=True)
        )
        outcomes = [
            services.RequirementOutcome(requirement=e.requirement, passed=e.requirement.evidence_kind == "video")
            for e in submission.evidence.select_related("requirement")
        ]
        draft = services.submission_decide(submission=submission, outcomes=outcomes)
        assert draft is not None
        copy = EvidenceFile.objects.get(evidence__submission=draft, kind="video")
        assert copy.processing == "pending"
        evidence_file_process(str(video.uuid))
        copy.refresh_from_db()
        assert copy.processing == "ready"
        assert copy.poster.name == EvidenceFile.objects.get(pk=video.pk).poster.name


class DecisionEmailTests(EarningTestCase):
    def test_the_educator_hears_of_the_decision_without_any_evidence_in_the_email(self):
        from django.core import mail

        enrollment = self.enrol()
        submission = self.submit(enrollment)
        outcomes = [
            services.RequirementOutcome(
                requirement=e.requirement,
                passed=e.requirement.evidence_kind != "written",
                feedback="Name the students.",
            )
            for e in submission.evidence.select_related("requirement")
        ]
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            services.submission_decide(submission=submission, outcomes=outcomes)
        assert len(mail.outbox) == 1
        message = mail.outbox[0]
        assert message.to == [self.educator.email]
        assert "Feedback on “Teaching Phonics”" in message.subject
        assert "2 of 3 requirements are met" in message.body
        assert enrollment.get_absolute_url() in message.body
        assert "Name the students" not in message.body
