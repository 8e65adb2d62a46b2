"""Removing a reviewer from a pool: their certification ends, their work in progress goes back, and they calibrate again."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from evident.accounts.models import AuditEvent
from evident.review import calibration, pools, queue
from evident.review.models import Assignment, Certification, PoolMember, QueueEntry
from evident.review.permissions import active_certification
from evident.review.tests.test_calibration import MEETS, CalibrationTestCase

Role = Assignment.Role


class PoolMemberRemoveTests(CalibrationTestCase):
    def claimed(self) -> Assignment:
        assignment = queue.assignment_claim(actor=self.reviewer_a, pool=self.pool)
        assert assignment is not None
        return assignment

    def test_it_ends_the_certification_with_an_audit_record(self):
        certification = Certification.objects.get(reviewer=self.reviewer_a, pool=self.pool)
        pools.pool_member_remove(actor=self.lead, pool=self.pool, reviewer=self.reviewer_a)
        certification.refresh_from_db()
        self.assertIsNotNone(certification.revoked_at)
        self.assertEqual(certification.revoked_reason, pools.REMOVED_FROM_POOL)
        self.assertIsNone(active_certification(self.reviewer_a, self.pool))
        event = AuditEvent.objects.get(action="review.certification_revoked")
        self.assertEqual(event.actor, self.lead)
        self.assertEqual(event.data["reviewer"], str(self.reviewer_a.uuid))
        self.assertEqual(event.data["reason"], pools.REMOVED_FROM_POOL)
        # Other reviewers keep theirs.
        self.assertIsNotNone(active_certification(self.reviewer_b, self.pool))

    def test_they_can_no_longer_claim_at_once(self):
        self.submitted_by(self.educator)
        pools.pool_member_remove(actor=self.lead, pool=self.pool, reviewer=self.reviewer_a)
        with self.assertRaises(PermissionDenied):
            queue.assignment_claim(actor=self.reviewer_a, pool=self.pool)

    def test_their_review_in_progress_goes_back_to_the_queue(self):
        assignment = self.claimed()
        submission = assignment.submission
        self.assertEqual(QueueEntry.objects.get(submission=submission).needs, "")
        pools.pool_member_remove(actor=self.lead, pool=self.pool, reviewer=self.reviewer_a)
        assignment.refresh_from_db()
        self.assertEqual(assignment.status, Assignment.Status.RETURNED)
        self.assertIsNotNone(assignment.returned_at)
        self.assertEqual(QueueEntry.objects.get(submission=submission).needs, Role.FIRST)
        returned = AuditEvent.objects.get(action="assignment.returned")
        self.assertEqual((returned.actor, returned.data["reason"]), (self.lead, pools.REMOVED_FROM_POOL))
        removed = AuditEvent.objects.get(action="review.pool_member_removed")
        self.assertEqual(removed.data["returned"], [submission.code])
        # Someone else in the pool takes it next.
        again = queue.assignment_claim(actor=self.reviewer_b, pool=self.pool)
        assert again is not None
        self.assertEqual(again.submission, submission)

    def test_finished_reviews_stay_finished(self):
        self.submitted_by(self.educator)
        assignment = self.claimed()
        Assignment.objects.filter(pk=assignment.pk).update(status=Assignment.Status.COMPLETED)
        pools.pool_member_remove(actor=self.lead, pool=self.pool, reviewer=self.reviewer_a)
        assignment.refresh_from_db()
        self.assertEqual(assignment.status, Assignment.Status.COMPLETED)
        self.assertFalse(AuditEvent.objects.filter(action="assignment.returned").exists())

    def test_added_again_they_calibrate_again(self):
        self.submitted_by(self.educator)
        pools.pool_member_remove(actor=self.lead, pool=self.pool, reviewer=self.reviewer_a)
        pools.pool_member_add(actor=self.lead, pool=self.pool, reviewer=self.reviewer_a)
        with self.assertRaisesMessage(PermissionDenied, "Pass this pool's calibration"):
            queue.assignment_claim(actor=self.reviewer_a, pool=self.pool)
        self.build_set([[MEETS] * 3])
        self.take(self.reviewer_a, [[MEETS] * 3])
        self.assertIsNotNone(active_certification(self.reviewer_a, self.pool))
        self.assertIsNotNone(queue.assignment_claim(actor=self.reviewer_a, pool=self.pool))

    def test_an_attempt_started_before_the_removal_cannot_be_finished(self):
        self.build_set([[MEETS] * 3])
        attempt = self.score(self.uncertified, [[MEETS] * 3])
        pools.pool_member_remove(actor=self.lead, pool=self.pool, reviewer=self.uncertified)
        with self.assertRaises(ValidationError) as caught:
            calibration.calibration_finish(actor=self.uncertified, attempt=attempt)
        self.assertEqual(caught.exception.code, "not_member")
        self.assertFalse(Certification.objects.filter(reviewer=self.uncertified).exists())

    def test_only_a_lead_removes_and_only_members(self):
        with self.assertRaises(PermissionDenied):
            pools.pool_member_remove(actor=self.reviewer_b, pool=self.pool, reviewer=self.reviewer_a)
        self.assertIsNotNone(active_certification(self.reviewer_a, self.pool))
        pools.pool_member_remove(actor=self.lead, pool=self.pool, reviewer=self.reviewer_a)
        with self.assertRaises(ValidationError) as caught:
            pools.pool_member_remove(actor=self.lead, pool=self.pool, reviewer=self.reviewer_a)
        self.assertEqual(caught.exception.code, "not_member")

    def test_the_pool_page_removes_and_the_reviewer_home_offers_no_work(self):
        self.submitted_by(self.educator)
        self.claimed()
        url = reverse("review:pool-member-remove", kwargs={"uuid": self.pool.uuid, "reviewer": self.reviewer_a.uuid})
        response = self.client_for(self.lead).post(url)
        self.assertRedirects(response, reverse("review:pool-detail", kwargs={"uuid": self.pool.uuid}))
        self.assertFalse(PoolMember.objects.filter(pool=self.pool, reviewer=self.reviewer_a).exists())
        home = self.client_for(self.reviewer_a).get(reverse("review:home"))
        self.assertNotContains(home, self.pool.name)
        claim = self.client_for(self.reviewer_a).post(reverse("review:claim", kwargs={"uuid": self.pool.uuid}))
        self.assertRedirects(claim, reverse("review:home"), fetch_redirect_response=False)
        self.assertFalse(Assignment.objects.filter(reviewer=self.reviewer_a, status=Assignment.Status.ACTIVE).exists())


class CertificationRevokeTests(CalibrationTestCase):
    def test_a_revoked_certification_gives_back_the_reviews_in_progress(self):
        assignment = queue.assignment_claim(actor=self.reviewer_a, pool=self.pool)
        assert assignment is not None
        certification = Certification.objects.get(reviewer=self.reviewer_a, pool=self.pool)
        pools.certification_revoke(actor=self.lead, certification=certification, reason="Drifted on video.")
        assignment.refresh_from_db()
        self.assertEqual(assignment.status, Assignment.Status.RETURNED)
        self.assertEqual(QueueEntry.objects.get(submission=assignment.submission).needs, Role.FIRST)
        returned = AuditEvent.objects.get(action="assignment.returned")
        self.assertEqual((returned.actor, returned.data["reason"]), (self.lead, pools.CERTIFICATION_REVOKED))
        # Still in the pool, but no longer certified: no claims until they calibrate again.
        self.assertTrue(PoolMember.objects.filter(pool=self.pool, reviewer=self.reviewer_a).exists())
        with self.assertRaises(PermissionDenied):
            queue.assignment_claim(actor=self.reviewer_a, pool=self.pool)
