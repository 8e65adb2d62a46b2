"""Scoring, double scoring, adjudication and decisions, and what the reviewer never sees."""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

from django.core.exceptions import ValidationError
from django.http import Http404
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from evident.earning import services as earning
from evident.earning.links import evidence_link
from evident.earning.models import RequirementFeedback, Submission
from evident.review import queue, scoring
from evident.review.models import Assignment, Decision, QueueEntry
from evident.review.tests.base import ReviewTestCase

Role = Assignment.Role


class ScoringCase(ReviewTestCase):
    def assign(self, submission: Submission, reviewer, role: str = Role.FIRST) -> Assignment:
        """What a claim does, without the queue's choice of submission."""
        entry, _ = QueueEntry.objects.get_or_create(
            submission=submission, defaults={"micro_credential": self.version.micro_credential}
        )
        QueueEntry.objects.filter(pk=entry.pk).update(needs="")
        if role == Role.FIRST:
            earning.submission_start_review(submission=submission)
        return Assignment.objects.create(
            submission=submission,
            pool=self.pool,
            reviewer=reviewer,
            role=role,
            due_at=timezone.now() + timedelta(days=7),
        )

    def score(
        self, assignment: Assignment, levels: dict[str, int], feedback: str = "Say which students, and what next."
    ):
        """Score each requirement (by evidence kind) at the level with that score."""
        for requirement in self.version.requirements.all():
            level = requirement.levels.get(score=levels[requirement.evidence_kind])
            scoring.score_save(
                actor=assignment.reviewer,
                assignment=assignment,
                requirement_uuid=requirement.uuid,
                level_id=level.pk,
                feedback=feedback if level.score < requirement.passing_score else "",
            )

    def complete(self, assignment: Assignment) -> Decision | None:
        return scoring.assignment_complete(actor=assignment.reviewer, assignment=assignment)


PASS = {"video": 4, "document": 4, "written": 4}
FAIL_WRITTEN = {"video": 4, "document": 4, "written": 2}


@override_settings(
    REVIEW_DOUBLE_SCORE_FIRST_DECISIONS=0, REVIEW_DOUBLE_SCORE_SHARE_PERCENT=0, REVIEW_BACK_READ_SHARE_PERCENT=0
)
class SingleScoringTests(ScoringCase):
    def test_a_clear_pass_is_decided_by_one_reviewer_and_the_educator_earns_it(self):
        submission = self.submitted_by(self.educator)
        assignment = self.assign(submission, self.reviewer_a)
        self.score(assignment, PASS)
        decision = self.complete(assignment)
        assert decision is not None
        assert (decision.outcome, decision.basis) == ("earned", "single")
        assert self.enrollment_of(submission).status == "earned"
        assert QueueEntry.objects.get(submission=submission).closed_at is not None

    def test_feedback_is_required_below_the_passing_level(self):
        submission = self.submitted_by(self.educator)
        assignment = self.assign(submission, self.reviewer_a)
        self.score(assignment, FAIL_WRITTEN, feedback="")
        with self.assertRaises(ValidationError) as caught:
            self.complete(assignment)
        assert "write feedback" in " ".join(caught.exception.messages)

    def test_every_requirement_needs_a_level(self):
        submission = self.submitted_by(self.educator)
        assignment = self.assign(submission, self.reviewer_a)
        with self.assertRaises(ValidationError) as caught:
            self.complete(assignment)
        assert len(caught.exception.messages) == 3

    def test_needs_revision_returns_the_feedback_per_requirement(self):
        submission = self.submitted_by(self.educator)
        assignment = self.assign(submission, self.reviewer_a)
        self.score(assignment, {"video": 3, "document": 4, "written": 1}, feedback="Use the timing record.")
        # Within one level of the pass line (video at 3) would ask for a second scoring; not here.
        with mock.patch.object(scoring, "_near_pass_line", return_value=False):
            decision = self.complete(assignment)
        assert decision is not None and decision.outcome == "needs_revision"
        written = RequirementFeedback.objects.get(submission=submission, requirement__evidence_kind="written")
        assert (written.passed, written.feedback) == (False, "Use the timing record.")
        assert self.enrollment_of(submission).status == "needs_revision"

    def test_scores_change_only_while_the_assignment_is_active_and_only_for_its_reviewer(self):
        submission = self.submitted_by(self.educator)
        assignment = self.assign(submission, self.reviewer_a)
        requirement = self.version.requirements.first()
        assert requirement is not None
        with self.assertRaises(Http404):
            scoring.score_save(
                actor=self.reviewer_b, assignment=assignment, requirement_uuid=requirement.uuid, level_id=1
            )
        other = self.version.requirements.exclude(pk=requirement.pk).first()
        assert other is not None
        with self.assertRaises(Http404):
            scoring.score_save(
                actor=self.reviewer_a,
                assignment=assignment,
                requirement_uuid=requirement.uuid,
                level_id=other.levels.get(score=1).pk,
            )
        self.score(assignment, PASS)
        self.complete(assignment)
        with self.assertRaises(ValidationError):
            scoring.score_save(
                actor=self.reviewer_a, assignment=assignment, requirement_uuid=requirement.uuid, feedback="x"
            )


@override_settings(REVIEW_BACK_READ_SHARE_PERCENT=0)
class DoubleScoringTests(ScoringCase):
    def test_a_new_version_is_scored_twice_and_agreement_decides(self):
        submission = self.submitted_by(self.educator)
        first = self.assign(submission, self.reviewer_a)
        self.score(first, PASS)
        assert self.complete(first) is None
        entry = QueueEntry.objects.get(submission=submission)
        assert (entry.needs, entry.double_scored) == ("second", True)
        second = self.assign(submission, self.reviewer_b, Role.SECOND)
        self.score(second, {"video": 3, "document": 4, "written": 4})
        decision = self.complete(second)
        assert decision is not None
        assert (decision.outcome, decision.basis) == ("earned", "agreed")

    def test_a_disagreement_on_the_outcome_goes_to_a_lead_whose_decision_stands(self):
        submission = self.submitted_by(self.educator)
        first = self.assign(submission, self.reviewer_a)
        self.score(first, PASS)
        self.complete(first)
        second = self.assign(submission, self.reviewer_b, Role.SECOND)
        self.score(second, FAIL_WRITTEN)
        assert self.complete(second) is None
        assert QueueEntry.objects.get(submission=submission).needs == "adjudication"
        adjudication = self.assign(submission, self.lead, Role.ADJUDICATION)
        self.score(adjudication, FAIL_WRITTEN, feedback="Tie each claim to what a student did.")
        decision = self.complete(adjudication)
        assert decision is not None
        assert (decision.outcome, decision.basis, decision.decided_by) == ("needs_revision", "adjudicated", self.lead)
        assert self.enrollment_of(submission).status == "needs_revision"

    def test_two_levels_apart_on_a_requirement_is_a_disagreement_even_when_both_pass(self):
        submission = self.submitted_by(self.educator)
        first = self.assign(submission, self.reviewer_a)
        self.score(first, {"video": 4, "document": 4, "written": 4})
        self.complete(first)
        second = self.assign(submission, self.reviewer_b, Role.SECOND)
        self.score(second, {"video": 4, "document": 4, "written": 3})
        assert self.complete(second) is not None  # one level apart: agreed
        other = self.submitted_by(self.other_educator)
        first = self.assign(other, self.reviewer_a)
        self.score(first, {"video": 4, "document": 4, "written": 4})
        self.complete(first)
        second = self.assign(other, self.reviewer_b, Role.SECOND)
        self.score(second, {"video": 4, "document": 4, "written": 2}, feedback="More detail.")
        assert self.complete(second) is None
        assert QueueEntry.objects.get(submission=other).needs == "adjudication"

    @override_settings(REVIEW_DOUBLE_SCORE_FIRST_DECISIONS=0, REVIEW_DOUBLE_SCORE_SHARE_PERCENT=0)
    def test_after_calibration_only_work_near_the_pass_line_or_drawn_at_random_is_scored_twice(self):
        near = self.submitted_by(self.educator)
        assignment = self.assign(near, self.reviewer_a)
        self.score(assignment, {"video": 3, "document": 4, "written": 4})
        assert self.complete(assignment) is None
        with override_settings(REVIEW_DOUBLE_SCORE_SHARE_PERCENT=100):
            drawn = self.submitted_by(self.other_educator)
            assignment = self.assign(drawn, self.reviewer_a)
            self.score(assignment, PASS)
            assert self.complete(assignment) is None


class BlindReviewTests(ScoringCase):
    def test_the_scoring_page_never_shows_who_sent_it(self):
        submission = self.submitted_by(self.educator)
        assignment = self.assign(submission, self.reviewer_a)
        page = self.client_for(self.reviewer_a).get(
            reverse("review:assignment-detail", kwargs={"uuid": assignment.uuid})
        )
        self.assertContains(page, submission.code)
        html = page.content.decode()
        for secret in ("Elena", "elena@maple.example", "Maple Street", "Riverbend", "lesson.mp4", "lesson-plan.pdf"):
            assert secret not in html, secret
        self.assertContains(page, "Video 1")

    def test_only_the_assigned_reviewer_opens_the_page_and_the_evidence(self):
        submission = self.submitted_by(self.educator)
        assignment = self.assign(submission, self.reviewer_a)
        url = reverse("review:assignment-detail", kwargs={"uuid": assignment.uuid})
        for user in (self.reviewer_b, self.lead, self.educator, self.outsider):
            assert self.client_for(user).get(url).status_code == 404
        file = submission.evidence.get(requirement__evidence_kind="document").files.get()
        assert self.client_for(self.reviewer_a).get(evidence_link(file, self.reviewer_a)).status_code == 200
        assert self.client_for(self.reviewer_b).get(evidence_link(file, self.reviewer_b)).status_code == 404

    def test_a_note_is_pinned_to_a_moment_of_the_video(self):
        submission = self.submitted_by(self.educator)
        assignment = self.assign(submission, self.reviewer_a)
        video = submission.evidence.get(requirement__evidence_kind="video").files.get()
        response = self.client_for(self.reviewer_a).post(
            reverse("review:note-add", kwargs={"uuid": assignment.uuid}),
            {"file": str(video.uuid), "seconds": "0.5", "text": "Every student blends here."},
            headers={"HX-Request": "true"},
        )
        self.assertContains(response, "Every student blends here.")
        self.assertContains(response, "0:00")
        with self.assertRaises(ValidationError):
            scoring.video_note_add(
                actor=self.reviewer_a, assignment=assignment, file_uuid=video.uuid, seconds=500, text="x"
            )

    def test_autosave_and_csrf(self):
        submission = self.submitted_by(self.educator)
        assignment = self.assign(submission, self.reviewer_a)
        requirement = self.version.requirements.get(evidence_kind="video")
        url = reverse("review:score-save", kwargs={"uuid": assignment.uuid, "requirement": requirement.uuid})
        level = requirement.levels.get(score=3)
        response = self.client_for(self.reviewer_a).post(
            url, {"level": level.pk, "feedback": ""}, headers={"HX-Request": "true"}
        )
        self.assertContains(response, "Saved at")
        assert assignment.scores.get().level == level
        assert self.client_for(self.reviewer_a, enforce_csrf=True).post(url, {"level": level.pk}).status_code == 403
        assert self.client_for(self.reviewer_b).post(url, {"level": level.pk}).status_code == 404


@override_settings(
    REVIEW_DOUBLE_SCORE_FIRST_DECISIONS=0, REVIEW_DOUBLE_SCORE_SHARE_PERCENT=0, REVIEW_BACK_READ_SHARE_PERCENT=100
)
class BackReadTests(ScoringCase):
    def test_a_drawn_decision_is_back_read_by_a_lead_and_the_decision_stands(self):
        submission = self.submitted_by(self.educator)
        first = self.assign(submission, self.reviewer_a)
        self.score(first, PASS)
        decision = self.complete(first)
        assert decision is not None and decision.basis == "single"
        assert QueueEntry.objects.get(submission=submission).needs == "back_read"
        back_read = queue.assignment_claim(actor=self.lead, pool=self.pool, role=Role.BACK_READ)
        assert back_read is not None and back_read.submission == submission
        self.score(back_read, {"video": 3, "document": 4, "written": 4})
        assert self.complete(back_read) is None
        assert Decision.objects.get(submission=submission).outcome == "earned"
        assert self.enrollment_of(submission).status == "earned"


class BlindDownloadTests(ScoringCase):
    def test_a_reviewer_downloads_a_file_under_a_neutral_name(self):
        submission = self.submitted_by(self.educator)
        self.assign(submission, self.reviewer_a)
        file = submission.evidence.get(requirement__evidence_kind="document").files.get()
        response = self.client_for(self.reviewer_a).get(evidence_link(file, self.reviewer_a))
        assert "lesson-plan" not in response["Content-Disposition"]
        assert response["Content-Disposition"].endswith('.pdf"')
        mine = self.client_for(self.educator).get(evidence_link(file, self.educator))
        assert "lesson-plan.pdf" in mine["Content-Disposition"]
