"""Calibration and certification: the services, and the guards around the pages."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from evident.accounts.models import AuditEvent, Organization, User
from evident.accounts.tests.factories import OrganizationFactory, member
from evident.catalog.models import Requirement, RubricLevel
from evident.earning.models import Enrollment, Evidence, Submission
from evident.review import calibration, calibration_rules, pools, selectors_calibration
from evident.review.models import CalibrationAttempt, CalibrationItem, CalibrationSet, Certification, ReviewerPool
from evident.review.permissions import active_certification
from evident.review.tests.base import ReviewTestCase

# Rubric scores of the sample micro-credential: 1 Not yet, 2 Approaching, 3 Meets (passes), 4 Exceeds.
NOT_YET, APPROACHING, MEETS, EXCEEDS = 1, 2, 3, 4
RATIONALE = "Every student blends the pattern and errors are corrected at once: that is Meets."


class CalibrationTestCase(ReviewTestCase):
    """Cheap submitted work (text evidence only) for calibration sets, and helpers to build and take them."""

    requirements: list[Requirement]
    works: list[Submission]

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.requirements = list(cls.version.requirements.order_by("order"))
        cls.works = [cls.bare_submission(n) for n in range(1, 6)]

    @classmethod
    def bare_submission(cls, n: int) -> Submission:
        educator = member(cls.school, "educator", email=f"bare{n}@maple.example", full_name=f"Bare Teacher {n}")
        enrollment = Enrollment.objects.create(
            educator=educator,
            organization=cls.school,
            micro_credential=cls.version.micro_credential,
            version=cls.version,
            status=Enrollment.Status.SUBMITTED,
        )
        submission = Submission.objects.create(
            enrollment=enrollment, number=1, status=Submission.Status.SUBMITTED, submitted_at=timezone.now()
        )
        Evidence.objects.bulk_create(
            Evidence(submission=submission, requirement=r, text=f"Evidence {n} for {r.title}.")
            for r in cls.requirements
        )
        return submission

    def level(self, requirement: Requirement, score: int) -> RubricLevel:
        return requirement.levels.get(score=score)

    def masters(self, scores: list[int]) -> dict[str, int]:
        return {str(r.uuid): self.level(r, s).pk for r, s in zip(self.requirements, scores, strict=True)}

    def rationales(self) -> dict[str, str]:
        return {str(r.uuid): RATIONALE for r in self.requirements}

    def build_set(self, masters: list[list[int]], *, activate: bool = True, title: str = "Autumn") -> CalibrationSet:
        calibration_set = calibration.calibration_set_create(actor=self.lead, pool=self.pool, title=title)
        for work, scores in zip(self.works, masters, strict=False):
            calibration.calibration_item_add(
                actor=self.lead,
                set=calibration_set,
                submission_code=work.code,
                master_levels=self.masters(scores),
                rationales=self.rationales(),
            )
        if activate:
            calibration.calibration_set_activate(actor=self.lead, set=calibration_set)
        return calibration_set

    def score(self, reviewer: User, levels: list[list[int]]) -> CalibrationAttempt:
        attempt = calibration.calibration_start(actor=reviewer, pool=self.pool)
        for item, scores in zip(attempt.set.items.all(), levels, strict=True):
            for requirement, score in zip(self.requirements, scores, strict=True):
                calibration.calibration_score_save(
                    actor=reviewer,
                    attempt=attempt,
                    item=item,
                    requirement=requirement,
                    level=self.level(requirement, score),
                )
        return attempt

    def take(self, reviewer: User, levels: list[list[int]]) -> CalibrationAttempt:
        return calibration.calibration_finish(actor=reviewer, attempt=self.score(reviewer, levels))


class CertificationRuleTests(CalibrationTestCase):
    def test_it_passes_at_exactly_80_percent_and_certifies_for_the_pool_days(self):
        self.build_set([[MEETS] * 3] * 5)
        # 12 of 15 exactly; three a level above, which keeps every outcome.
        attempt = self.take(self.uncertified, [[EXCEEDS, MEETS, MEETS]] * 3 + [[MEETS] * 3] * 2)
        self.assertEqual(attempt.exact_agreement, 0.8)
        self.assertEqual(attempt.max_distance, 1)
        self.assertTrue(attempt.outcomes_match)
        self.assertTrue(attempt.passed)
        certification = active_certification(self.uncertified, self.pool)
        assert certification is not None
        self.assertEqual(certification.attempt, attempt)
        self.assertAlmostEqual(
            certification.expires_at - certification.certified_at, timedelta(days=365), delta=timedelta(seconds=1)
        )

    def test_it_fails_at_75_percent(self):
        self.build_set([[MEETS] * 3] * 4)
        attempt = self.take(self.uncertified, [[EXCEEDS, MEETS, MEETS]] * 3 + [[MEETS] * 3])
        self.assertEqual(attempt.exact_agreement, 0.75)
        self.assertFalse(attempt.passed)
        self.assertIsNone(active_certification(self.uncertified, self.pool))

    def test_it_fails_with_one_score_two_levels_from_the_master(self):
        # Both outcomes are "not yet" (the second requirement fails either way); 14 of 15 agree.
        self.build_set([[NOT_YET, NOT_YET, MEETS]] + [[MEETS] * 3] * 4)
        attempt = self.take(self.uncertified, [[MEETS, NOT_YET, MEETS]] + [[MEETS] * 3] * 4)
        self.assertEqual(attempt.max_distance, 2)
        self.assertTrue(attempt.outcomes_match)
        self.assertGreater(attempt.exact_agreement or 0, 0.9)
        self.assertFalse(attempt.passed)

    def test_it_fails_when_an_outcome_differs(self):
        self.build_set([[MEETS] * 3] * 5)
        attempt = self.take(self.uncertified, [[MEETS, MEETS, APPROACHING]] + [[MEETS] * 3] * 4)
        self.assertEqual(attempt.max_distance, 1)
        self.assertFalse(attempt.outcomes_match)
        self.assertFalse(attempt.passed)

    def test_the_rules_are_the_pools(self):
        pools.pool_rules_update(
            actor=self.lead,
            pool=self.pool,
            min_exact_agreement=Decimal("0.700"),
            max_level_distance=2,
            require_outcomes_match=False,
            certification_days=30,
        )
        self.build_set([[NOT_YET, NOT_YET, MEETS]] + [[MEETS] * 3] * 3)
        # 9 of 12 (75%), one score two levels away, one outcome different: all allowed now.
        attempt = self.take(
            self.uncertified,
            [[MEETS, NOT_YET, MEETS], [MEETS, MEETS, APPROACHING], [EXCEEDS, MEETS, MEETS], [MEETS] * 3],
        )
        self.assertEqual(attempt.exact_agreement, 0.75)
        self.assertFalse(attempt.outcomes_match)
        self.assertTrue(attempt.passed)
        certification = active_certification(self.uncertified, self.pool)
        assert certification is not None
        self.assertAlmostEqual(
            certification.expires_at - certification.certified_at, timedelta(days=30), delta=timedelta(seconds=1)
        )

    def test_a_threshold_of_70_percent_is_met_at_exactly_70_percent(self):
        # 0.7 has no exact float: the comparison is made on the fraction.
        pool = ReviewerPool.objects.get(pk=self.pool.pk)
        pairs = [
            calibration_rules.Pair(item_id=i, requirement_id=0, passing_score=3, master=3, given=3) for i in range(7)
        ]
        pairs += [
            calibration_rules.Pair(item_id=i, requirement_id=0, passing_score=3, master=3, given=4)
            for i in range(7, 10)
        ]
        pool.min_exact_agreement = Decimal("0.700")
        self.assertTrue(calibration_rules.certification_passes(calibration_rules.calibration_figures(pairs), pool))
        pool.min_exact_agreement = Decimal("0.710")
        self.assertFalse(calibration_rules.certification_passes(calibration_rules.calibration_figures(pairs), pool))

    def test_it_refuses_to_finish_with_unscored_requirements(self):
        self.build_set([[MEETS] * 3] * 2)
        attempt = calibration.calibration_start(actor=self.uncertified, pool=self.pool)
        item = attempt.set.items.first()
        assert item is not None
        calibration.calibration_score_save(
            actor=self.uncertified,
            attempt=attempt,
            item=item,
            requirement=self.requirements[0],
            level=self.level(self.requirements[0], MEETS),
        )
        with self.assertRaises(ValidationError) as caught:
            calibration.calibration_finish(actor=self.uncertified, attempt=attempt)
        self.assertEqual(caught.exception.code, "unscored")
        self.assertIn("5 still to score", caught.exception.messages[0])
        attempt.refresh_from_db()
        self.assertIsNone(attempt.completed_at)

    def test_a_finished_attempt_no_longer_changes(self):
        self.build_set([[MEETS] * 3])
        attempt = self.take(self.uncertified, [[MEETS] * 3])
        item = attempt.set.items.get()
        with self.assertRaises(ValidationError) as caught:
            calibration.calibration_score_save(
                actor=self.uncertified,
                attempt=attempt,
                item=item,
                requirement=self.requirements[0],
                level=self.level(self.requirements[0], NOT_YET),
            )
        self.assertEqual(caught.exception.code, "finished")
        with self.assertRaises(ValidationError):
            calibration.calibration_finish(actor=self.uncertified, attempt=attempt)

    def test_the_figures_and_certification_are_audited(self):
        self.build_set([[MEETS] * 3])
        attempt = self.take(self.uncertified, [[MEETS] * 3])
        finished = AuditEvent.objects.get(action="review.calibration_finished", target_id=str(attempt.uuid))
        self.assertEqual(finished.organization, self.reviewing)
        self.assertEqual(finished.data["exact_agreement"], 1.0)
        self.assertTrue(finished.data["passed"])
        self.assertTrue(AuditEvent.objects.filter(action="review.reviewer_certified", actor=self.uncertified).exists())
        self.assertTrue(AuditEvent.objects.filter(action="review.calibration_item_added", actor=self.lead).exists())
        self.assertTrue(AuditEvent.objects.filter(action="review.calibration_set_activated").exists())


class AttemptTests(CalibrationTestCase):
    def test_starting_again_continues_the_unfinished_attempt(self):
        self.build_set([[MEETS] * 3])
        first = calibration.calibration_start(actor=self.uncertified, pool=self.pool)
        self.assertEqual(calibration.calibration_start(actor=self.uncertified, pool=self.pool), first)
        self.assertEqual(CalibrationAttempt.objects.filter(reviewer=self.uncertified).count(), 1)

    def test_a_reviewer_takes_each_set_once(self):
        self.build_set([[MEETS] * 3])
        self.take(self.uncertified, [[NOT_YET] * 3])
        with self.assertRaises(ValidationError) as caught:
            calibration.calibration_start(actor=self.uncertified, pool=self.pool)
        self.assertEqual(caught.exception.code, "already_taken")
        # A new set opens a new attempt.
        calibration_set = calibration.calibration_set_create(actor=self.lead, pool=self.pool, title="Retake")
        calibration.calibration_item_add(
            actor=self.lead,
            set=calibration_set,
            submission_code=self.works[1].code,
            master_levels=self.masters([MEETS] * 3),
            rationales={},
        )
        calibration.calibration_set_activate(actor=self.lead, set=calibration_set)
        self.assertEqual(calibration.calibration_start(actor=self.uncertified, pool=self.pool).set, calibration_set)

    def test_there_is_nothing_to_start_without_an_active_set(self):
        self.build_set([[MEETS] * 3], activate=False)
        with self.assertRaises(ValidationError) as caught:
            calibration.calibration_start(actor=self.uncertified, pool=self.pool)
        self.assertEqual(caught.exception.code, "no_active_set")

    def test_only_pool_members_start(self):
        self.build_set([[MEETS] * 3])
        newcomer = member(self.reviewing, "reviewer", email="nia@tf.example")
        for actor in (newcomer, self.outsider, self.educator):
            with self.subTest(actor=actor.email), self.assertRaises(PermissionDenied):
                calibration.calibration_start(actor=actor, pool=self.pool)

    def test_a_replaced_set_can_no_longer_be_finished(self):
        self.build_set([[MEETS] * 3])
        attempt = self.score(self.uncertified, [[MEETS] * 3])
        self.build_set([[MEETS] * 3], title="Replacement")
        with self.assertRaises(ValidationError) as caught:
            calibration.calibration_finish(actor=self.uncertified, attempt=attempt)
        self.assertEqual(caught.exception.code, "set_replaced")
        self.assertEqual(CalibrationSet.objects.filter(pool=self.pool, is_active=True).count(), 1)

    def test_scores_are_checked_against_the_attempt(self):
        calibration_set = self.build_set([[MEETS] * 3])
        attempt = calibration.calibration_start(actor=self.uncertified, pool=self.pool)
        item = calibration_set.items.get()
        other_set = self.build_set([[MEETS] * 3], activate=False, title="Other")
        first, second = self.requirements[0], self.requirements[1]
        cases: dict[str, dict[str, Any]] = {
            "someone else's attempt": {
                "actor": self.reviewer_a,
                "item": item,
                "requirement": first,
                "level": self.level(first, MEETS),
            },
            "an item of another set": {
                "item": other_set.items.get(),
                "requirement": first,
                "level": self.level(first, MEETS),
            },
            "a level of another requirement": {"item": item, "requirement": first, "level": self.level(second, MEETS)},
        }
        for name, arguments in cases.items():
            with self.subTest(name), self.assertRaises(Http404):
                calibration.calibration_score_save(**{"actor": self.uncertified, "attempt": attempt, **arguments})


class CertificationTests(CalibrationTestCase):
    def test_an_expired_certification_is_not_active(self):
        self.build_set([[MEETS] * 3])
        self.take(self.uncertified, [[MEETS] * 3])
        certification = Certification.objects.get(reviewer=self.uncertified)
        Certification.objects.filter(pk=certification.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
        self.assertIsNone(active_certification(self.uncertified, self.pool))
        status = selectors_calibration.pool_summary(self.pool).members
        self.assertEqual(next(m for m in status if m.reviewer == self.uncertified).state, "expired")

    def test_a_lead_revokes_a_certification_with_a_reason(self):
        certification = Certification.objects.get(reviewer=self.reviewer_a)
        with self.assertRaises(ValidationError):
            pools.certification_revoke(actor=self.lead, certification=certification, reason="  ")
        with self.assertRaises(PermissionDenied):
            pools.certification_revoke(actor=self.reviewer_b, certification=certification, reason="No.")
        pools.certification_revoke(actor=self.lead, certification=certification, reason="Drifted on video.")
        self.assertIsNone(active_certification(self.reviewer_a, self.pool))
        summary = selectors_calibration.pool_summary(self.pool)
        self.assertEqual(next(m for m in summary.members if m.reviewer == self.reviewer_a).state, "revoked")
        with self.assertRaises(ValidationError) as caught:
            pools.certification_revoke(actor=self.lead, certification=certification, reason="Again.")
        self.assertEqual(caught.exception.code, "already_revoked")


class LeadOnlyTests(CalibrationTestCase):
    def test_only_lead_reviewers_of_the_organization_manage_pools_and_sets(self):
        calibration_set = self.build_set([[MEETS] * 3], activate=False)
        other_reviewing = OrganizationFactory(slug="other-reviewers", kind=Organization.Kind.NONPROFIT)
        foreign_lead = member(other_reviewing, "lead_reviewer", "reviewer")
        for actor in (self.reviewer_a, foreign_lead, self.outsider):
            with self.subTest(actor=actor.email):
                with self.assertRaises(PermissionDenied):
                    calibration.calibration_set_create(actor=actor, pool=self.pool, title="Mine")
                with self.assertRaises(PermissionDenied):
                    calibration.calibration_item_add(
                        actor=actor,
                        set=calibration_set,
                        submission_code=self.works[1].code,
                        master_levels=self.masters([MEETS] * 3),
                        rationales={},
                    )
                with self.assertRaises(PermissionDenied):
                    calibration.calibration_set_activate(actor=actor, set=calibration_set)
                with self.assertRaises(PermissionDenied):
                    pools.pool_member_add(actor=actor, pool=self.pool, reviewer=self.reviewer_a)
                with self.assertRaises(PermissionDenied):
                    pools.pool_create(
                        actor=actor, organization=self.reviewing, name="Another", stack=None, micro_credential=None
                    )
        self.assertFalse(calibration_set.is_active)

    def test_a_pool_is_for_one_micro_credential_or_stack_once_per_organization(self):
        with self.assertRaises(ValidationError) as caught:
            pools.pool_create(actor=self.lead, organization=self.reviewing, name="Nothing")
        self.assertEqual(caught.exception.code, "pool_target")
        with self.assertRaises(ValidationError) as caught:
            pools.pool_create(
                actor=self.lead,
                organization=self.reviewing,
                name="Twice",
                micro_credential=self.version.micro_credential,
            )
        self.assertEqual(caught.exception.code, "duplicate_pool")

    def test_members_hold_a_reviewer_role_in_the_organization(self):
        elsewhere = member(self.other_district, "reviewer")
        for person in (self.educator, elsewhere):
            with self.subTest(person=person.email), self.assertRaises(ValidationError) as caught:
                pools.pool_member_add(actor=self.lead, pool=self.pool, reviewer=person)
            self.assertEqual(caught.exception.code, "not_reviewer")
        with self.assertRaises(ValidationError) as caught:
            pools.pool_member_add(actor=self.lead, pool=self.pool, reviewer=self.reviewer_a)
        self.assertEqual(caught.exception.code, "already_member")
        newcomer = member(self.reviewing, "reviewer")
        pools.pool_member_add(actor=self.lead, pool=self.pool, reviewer=newcomer)
        pools.pool_member_remove(actor=self.lead, pool=self.pool, reviewer=newcomer)
        self.assertFalse(self.pool.members.filter(reviewer=newcomer).exists())


class CalibrationItemTests(CalibrationTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.set = calibration.calibration_set_create(actor=self.lead, pool=self.pool, title="Autumn")

    def add(self, code: str, masters: dict[str, int] | None = None) -> CalibrationItem:
        return calibration.calibration_item_add(
            actor=self.lead,
            set=self.set,
            submission_code=code,
            master_levels=self.masters([MEETS] * 3) if masters is None else masters,
            rationales=self.rationales(),
        )

    def test_every_requirement_needs_one_of_its_own_levels(self):
        partial = self.masters([MEETS] * 3)
        del partial[str(self.requirements[2].uuid)]
        foreign = self.masters([MEETS] * 3)
        foreign[str(self.requirements[0].uuid)] = self.level(self.requirements[1], MEETS).pk
        for masters in (partial, foreign):
            with self.assertRaises(ValidationError) as caught:
                self.add(self.works[0].code, masters)
            self.assertEqual({e.code for e in caught.exception.error_list}, {"missing_master"})
        self.assertFalse(self.set.items.exists())

    def test_the_work_must_be_submitted_work_for_the_pool(self):
        draft = self.enrol(self.new_educator(90)).submissions.get()
        for code in (draft.code, "ZZZZ-9999"):
            with self.subTest(code=code), self.assertRaises(ValidationError) as caught:
                self.add(code)
            self.assertEqual(caught.exception.code, "unknown_submission")

    def test_items_are_added_in_order_once(self):
        first = self.add(self.works[0].code)
        second = self.add(self.works[1].code)
        self.assertEqual((first.order, second.order), (0, 1))
        self.assertEqual(first.master_scores.get(requirement=self.requirements[0]).rationale, RATIONALE)
        with self.assertRaises(ValidationError) as caught:
            self.add(self.works[0].code)
        self.assertEqual(caught.exception.code, "already_in_set")

    def test_a_set_reviewers_have_taken_no_longer_changes(self):
        item = self.add(self.works[0].code)
        calibration.calibration_set_activate(actor=self.lead, set=self.set)
        calibration.calibration_start(actor=self.uncertified, pool=self.pool)
        with self.assertRaises(ValidationError) as caught:
            self.add(self.works[1].code)
        self.assertEqual(caught.exception.code, "set_taken")
        with self.assertRaises(ValidationError):
            calibration.calibration_item_update(
                actor=self.lead, item=item, master_levels=self.masters([NOT_YET] * 3), rationales={}
            )
        with self.assertRaises(ValidationError):
            calibration.calibration_item_remove(actor=self.lead, item=item)

    def test_an_empty_set_cannot_be_activated(self):
        with self.assertRaises(ValidationError) as caught:
            calibration.calibration_set_activate(actor=self.lead, set=self.set)
        self.assertEqual(caught.exception.code, "empty_set")


class CalibrationPageGuardTests(CalibrationTestCase):
    """Master scores stay hidden, and every page answers 404 to people outside the pool."""

    def setUp(self) -> None:
        super().setUp()
        self.set = self.build_set([[MEETS] * 3, [APPROACHING, MEETS, EXCEEDS]])
        self.attempt = calibration.calibration_start(actor=self.uncertified, pool=self.pool)

    def test_the_attempt_page_shows_no_master_score(self):
        client = self.client_for(self.uncertified)
        for position in (1, 2):
            response = client.get(
                reverse("review:calibration-attempt-item", kwargs={"uuid": self.attempt.uuid, "position": position})
            )
            self.assertEqual(response.status_code, 200)
            html = response.content.decode()
            self.assertNotIn(RATIONALE, html)
            self.assertNotIn("Master", html)
            self.assertNotIn(" checked", html)  # no level is marked before the reviewer picks one

    def test_the_results_wait_for_the_finish(self):
        client = self.client_for(self.uncertified)
        response = client.get(reverse("review:calibration-results", kwargs={"uuid": self.attempt.uuid}))
        self.assertRedirects(response, reverse("review:calibration-attempt", kwargs={"uuid": self.attempt.uuid}))

    def test_another_reviewers_attempt_is_not_found(self):
        client = self.client_for(self.reviewer_a)
        kw = {"uuid": self.attempt.uuid}
        for name, method in [
            ("review:calibration-attempt", "get"),
            ("review:calibration-results", "get"),
            ("review:calibration-finish", "post"),
        ]:
            with self.subTest(name):
                self.assertEqual(getattr(client, method)(reverse(name, kwargs=kw)).status_code, 404)
        save = reverse("review:calibration-score-save", kwargs={**kw, "position": 1})
        self.assertEqual(client.post(save, {}).status_code, 404)

    def test_outsiders_and_other_organizations_get_404(self):
        other_reviewing = OrganizationFactory(slug="other-reviewers", kind=Organization.Kind.NONPROFIT)
        foreign_lead = member(other_reviewing, "lead_reviewer", "reviewer")
        pages = [
            ("get", reverse("review:pool-detail", kwargs={"uuid": self.pool.uuid})),
            ("post", reverse("review:pool-member-add", kwargs={"uuid": self.pool.uuid})),
            ("post", reverse("review:calibration-set-create", kwargs={"uuid": self.pool.uuid})),
            ("get", reverse("review:calibration-set-detail", kwargs={"uuid": self.set.uuid})),
            ("get", reverse("review:calibration-item-detail", kwargs={"uuid": self.set.uuid, "position": 1})),
            ("post", reverse("review:calibration-set-activate", kwargs={"uuid": self.set.uuid})),
            ("post", reverse("review:calibration-start", kwargs={"uuid": self.pool.uuid})),
            ("get", reverse("review:calibration-attempt", kwargs={"uuid": self.attempt.uuid})),
        ]
        for person in (self.outsider, foreign_lead):
            client = self.client_for(person)
            for method, url in pages:
                with self.subTest(person=person.email, url=url):
                    self.assertEqual(getattr(client, method)(url).status_code, 404)

    def test_reviewers_who_do_not_lead_may_not_edit_sets(self):
        client = self.client_for(self.reviewer_a)
        for method, url in [
            ("get", reverse("review:pool-list")),
            ("get", reverse("review:pool-detail", kwargs={"uuid": self.pool.uuid})),
            ("get", reverse("review:calibration-set-detail", kwargs={"uuid": self.set.uuid})),
            (
                "get",
                reverse("review:calibration-item-add", kwargs={"uuid": self.set.uuid}) + f"?code={self.works[3].code}",
            ),
            ("post", reverse("review:calibration-item-detail", kwargs={"uuid": self.set.uuid, "position": 1})),
            ("post", reverse("review:calibration-set-activate", kwargs={"uuid": self.set.uuid})),
        ]:
            with self.subTest(url=url):
                self.assertEqual(getattr(client, method)(url).status_code, 403)

    def test_forms_enforce_csrf(self):
        client = self.client_for(self.uncertified, enforce_csrf=True)
        level = self.level(self.requirements[0], MEETS)
        url = reverse("review:calibration-score-save", kwargs={"uuid": self.attempt.uuid, "position": 1})
        self.assertEqual(client.post(url, {f"level-{self.requirements[0].uuid}": level.pk}).status_code, 403)
        lead = self.client_for(self.lead, enforce_csrf=True)
        url = reverse("review:calibration-set-create", kwargs={"uuid": self.pool.uuid})
        self.assertEqual(lead.post(url, {"title": "Sneaky"}).status_code, 403)
        self.assertFalse(self.attempt.scores.exists())
        self.assertFalse(CalibrationSet.objects.filter(title="Sneaky").exists())
