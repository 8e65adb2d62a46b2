"""Calibration items that conflict for a reviewer (their own organization tree, an educator they coach) are never shown."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import reverse

from evident.accounts.models import Membership, User
from evident.accounts.tests.factories import member
from evident.earning.models import CoachShare, Submission
from evident.review import calibration, calibration_rules, selectors_calibration
from evident.review.models import CalibrationAttempt, CalibrationItem, PoolMember
from evident.review.permissions import calibration_items_for, reviewer_sees_submission
from evident.review.tests.test_calibration import APPROACHING, MEETS, CalibrationTestCase


class ItemsLeftRuleTests(CalibrationTestCase):
    def test_half_the_set_is_enough(self):
        outcomes = {1: True, 2: True, 3: True, 4: True}
        self.assertTrue(calibration_rules.items_left(outcomes, set(), require_outcomes_match=True).enough)
        self.assertTrue(calibration_rules.items_left(outcomes, {1, 2}, require_outcomes_match=True).enough)
        left = calibration_rules.items_left(outcomes, {1, 2, 3}, require_outcomes_match=True)
        self.assertFalse(left.enough)
        self.assertEqual((left.total, left.kept, left.conflicting, left.item_ids), (4, 1, 3, (4,)))
        self.assertIn("3 of this set's 4 submissions come from", left.message)
        self.assertIn("too few to certify you on", left.message)
        one = calibration_rules.items_left({1: True}, {1}, require_outcomes_match=True)
        self.assertTrue(one.message.startswith("This set's one submission comes from"))
        self.assertFalse(calibration_rules.items_left({1: True}, {1}, require_outcomes_match=False).enough)

    def test_an_outcome_the_set_shows_must_remain_when_outcomes_must_match(self):
        outcomes = {1: False, 2: True, 3: True}
        left = calibration_rules.items_left(outcomes, {1}, require_outcomes_match=True)
        self.assertTrue(left.outcome_lost)
        self.assertFalse(left.enough)
        self.assertIn("1 of this set's 3 submissions comes from", left.message)
        self.assertIn("both a passing and a not-passing example", left.message)
        self.assertTrue(calibration_rules.items_left(outcomes, {1}, require_outcomes_match=False).enough)
        self.assertTrue(calibration_rules.items_left(outcomes, {2}, require_outcomes_match=True).enough)


class CalibrationConflictTests(CalibrationTestCase):
    def share_with(self, reviewer: User, *submissions: Submission) -> None:
        for submission in submissions:
            CoachShare.objects.create(enrollment_id=submission.enrollment_id, coach=reviewer)

    def score_shown(self, attempt: CalibrationAttempt, scores: list[int]) -> None:
        for item in calibration_items_for(attempt.reviewer, attempt.set_id):
            for requirement, score in zip(self.requirements, scores, strict=True):
                calibration.calibration_score_save(
                    actor=attempt.reviewer,
                    attempt=attempt,
                    item=item,
                    requirement=requirement,
                    level=self.level(requirement, score),
                )

    def test_an_item_from_an_educator_they_coach_is_left_out(self):
        calibration_set = self.build_set([[MEETS] * 3] * 5)
        coached = self.works[1]
        self.share_with(self.uncertified, coached)
        attempt = calibration.calibration_start(actor=self.uncertified, pool=self.pool)
        progress = selectors_calibration.attempt_progress(attempt)
        self.assertEqual(len(progress), 4)
        self.assertNotIn(coached, [p.item.submission for p in progress])
        hidden = CalibrationItem.objects.get(set=calibration_set, submission=coached)
        with self.assertRaises(Http404):
            calibration.calibration_score_save(
                actor=self.uncertified,
                attempt=attempt,
                item=hidden,
                requirement=self.requirements[0],
                level=self.level(self.requirements[0], MEETS),
            )
        self.assertFalse(reviewer_sees_submission(self.uncertified, coached))
        self.assertTrue(reviewer_sees_submission(self.uncertified, self.works[0]))
        # Finishing compares the four shown, all requirements scored: 12 of 12.
        self.score_shown(attempt, [MEETS] * 3)
        attempt = calibration.calibration_finish(actor=self.uncertified, attempt=attempt)
        self.assertEqual(attempt.exact_agreement, 1.0)
        self.assertTrue(attempt.passed)
        results = selectors_calibration.attempt_results(attempt)
        self.assertEqual([r.item.submission for r in results], [w for w in self.works if w != coached])

    def test_the_attempt_pages_never_show_a_conflicting_item(self):
        self.build_set([[MEETS] * 3] * 3)
        coached = self.works[0]
        self.share_with(self.uncertified, coached)
        client = self.client_for(self.uncertified)
        listing = client.get(reverse("review:calibration-list"))
        self.assertContains(listing, "Start the calibration")
        self.assertContains(listing, "2 submissions")
        self.assertContains(listing, "1 more in the set comes from your own organization")
        client.post(reverse("review:calibration-start", kwargs={"uuid": self.pool.uuid}))
        attempt = CalibrationAttempt.objects.get(reviewer=self.uncertified)
        pages = [
            client.get(reverse("review:calibration-attempt-item", kwargs={"uuid": attempt.uuid, "position": n}))
            for n in (1, 2)
        ]
        for page in pages:
            self.assertEqual(page.status_code, 200)
            self.assertNotContains(page, coached.code)
        self.assertContains(pages[0], self.works[1].code)
        self.assertContains(pages[1], self.works[2].code)
        past_the_end = reverse("review:calibration-attempt-item", kwargs={"uuid": attempt.uuid, "position": 3})
        self.assertEqual(client.get(past_the_end).status_code, 404)

    def test_a_reviewer_from_the_organization_tree_is_told_plainly(self):
        # Every item comes from Maple Street; a reviewer who also belongs to its district conflicts with all.
        self.build_set([[MEETS] * 3] * 3)
        Membership.objects.create(user=self.uncertified, organization=self.district, role="coach")
        with self.assertRaises(ValidationError) as caught:
            calibration.calibration_start(actor=self.uncertified, pool=self.pool)
        self.assertEqual(caught.exception.code, "too_few_items")
        self.assertFalse(CalibrationAttempt.objects.exists())
        listing = self.client_for(self.uncertified).get(reverse("review:calibration-list"))
        self.assertContains(listing, "Every submission in this set comes from your own organization")
        self.assertContains(listing, "Ask a lead reviewer for another set.")
        self.assertNotContains(listing, "Start the calibration")
        response = self.client_for(self.uncertified).post(
            reverse("review:calibration-start", kwargs={"uuid": self.pool.uuid}), follow=True
        )
        self.assertContains(response, "That leaves nothing to certify you on.")

    def test_losing_the_only_not_passing_example_is_too_few(self):
        self.build_set([[MEETS, MEETS, APPROACHING], [MEETS] * 3, [MEETS] * 3])
        self.share_with(self.uncertified, self.works[0])
        with self.assertRaises(ValidationError) as caught:
            calibration.calibration_start(actor=self.uncertified, pool=self.pool)
        self.assertIn("both a passing and a not-passing example", caught.exception.messages[0])
        self.pool.require_outcomes_match = False
        self.pool.save(update_fields=["require_outcomes_match"])
        attempt = calibration.calibration_start(actor=self.uncertified, pool=self.pool)
        self.assertEqual(len(selectors_calibration.attempt_progress(attempt)), 2)

    def test_a_conflict_that_arises_during_the_attempt_stops_it(self):
        self.build_set([[MEETS] * 3] * 3)
        attempt = calibration.calibration_start(actor=self.uncertified, pool=self.pool)
        self.score_shown(attempt, [MEETS] * 3)
        self.share_with(self.uncertified, self.works[0], self.works[1])
        with self.assertRaises(ValidationError) as caught:
            calibration.calibration_finish(actor=self.uncertified, attempt=attempt)
        self.assertEqual(caught.exception.code, "too_few_items")
        attempt.refresh_from_db()
        self.assertIsNone(attempt.completed_at)
        client = self.client_for(self.uncertified)
        response = client.get(reverse("review:calibration-attempt", kwargs={"uuid": attempt.uuid}), follow=True)
        self.assertRedirects(response, reverse("review:calibration-list"))
        self.assertContains(response, "too few to certify you on")
        self.assertNotContains(response, "Continue the calibration")

    def test_others_in_the_pool_take_the_whole_set(self):
        self.build_set([[MEETS] * 3] * 3)
        self.share_with(self.uncertified, self.works[0])
        outsider = self.new_reviewer()
        attempt = calibration.calibration_start(actor=outsider, pool=self.pool)
        self.assertEqual(len(selectors_calibration.attempt_progress(attempt)), 3)

    def new_reviewer(self) -> User:
        reviewer = member(self.reviewing, "reviewer", email="rae@tf.example", full_name="Rae Reviewer")
        PoolMember.objects.create(pool=self.pool, reviewer=reviewer)
        return reviewer
