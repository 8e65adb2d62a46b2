"""The calibration pages over HTTP: pools, the set editor, an attempt and its results; tenancy and blindness."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from evident.accounts.tests.factories import member
from evident.catalog.models import Stack, StackItem
from evident.earning.links import evidence_link
from evident.earning.models import EvidenceFile, Submission
from evident.review import calibration
from evident.review.models import CalibrationAttempt, CalibrationSet, Certification, PoolMember, ReviewerPool
from evident.review.tests.test_calibration import EXCEEDS, MEETS, RATIONALE, CalibrationTestCase

# What would identify the educator whose work is a calibration item.
IDENTITY = ["Elena", "elena@maple.example", "Maple Street", "Riverbend"]


class CalibrationPagesTestCase(CalibrationTestCase):
    def setUp(self) -> None:
        super().setUp()
        # Real evidence (a processed video, a PDF, a written response) from Elena of Maple Street.
        self.real = self.submitted_by(self.educator)
        self.lead_client = self.client_for(self.lead)
        self.reviewer_client = self.client_for(self.uncertified)

    def assert_blind(self, html: str) -> None:
        for text in IDENTITY:
            self.assertNotIn(text, html)

    def master_post(self, submission: Submission, scores: list[int]) -> dict[str, object]:
        data: dict[str, object] = {"code": submission.code}
        for requirement, score in zip(self.requirements, scores, strict=True):
            data[f"level-{requirement.uuid}"] = self.level(requirement, score).pk
            data[f"rationale-{requirement.uuid}"] = f"{RATIONALE} ({requirement.title})"
        return data


class PoolPageTests(CalibrationPagesTestCase):
    def test_the_pools_page_lists_members_with_their_certification(self):
        response = self.lead_client.get(reverse("review:pool-list"))
        self.assertContains(response, "Teaching Phonics reviewers")
        self.assertContains(response, "Certified until")
        self.assertContains(response, "Not yet certified")
        self.assertContains(response, 'href="/review/pools/"')  # the navigation item

    def test_the_pools_page_takes_a_fixed_number_of_queries(self):
        def count() -> int:
            with CaptureQueriesContext(connection) as queries:
                self.assertEqual(self.lead_client.get(reverse("review:pool-list")).status_code, 200)
            return len(queries)

        before = count()
        stack_pool = ReviewerPool.objects.create(
            organization=self.reviewing, name="Second", micro_credential=self.version.micro_credential
        )
        for reviewer in (self.reviewer_a, self.reviewer_b):
            PoolMember.objects.create(pool=stack_pool, reviewer=reviewer)
            self.certify(reviewer, stack_pool)
        CalibrationSet.objects.create(pool=stack_pool, title="Another")
        self.assertEqual(count(), before)

    def test_a_lead_creates_a_pool_and_manages_its_members(self):
        other = self.version.micro_credential
        response = self.lead_client.post(reverse("review:pool-create"), {"name": "", "target": ""})
        self.assertEqual(response.status_code, 422)
        response = self.lead_client.post(
            reverse("review:pool-create"), {"name": "Phonics again", "target": f"micro_credential:{other.uuid}"}
        )
        self.assertContains(response, "already has a pool", status_code=422)

        newcomer = member(self.reviewing, "reviewer", email="nia@tf.example", full_name="Nia Newcomer")
        detail = reverse("review:pool-detail", kwargs={"uuid": self.pool.uuid})
        self.assertContains(self.lead_client.get(detail), "Nia Newcomer (nia@tf.example)")
        response = self.lead_client.post(
            reverse("review:pool-member-add", kwargs={"uuid": self.pool.uuid}), {"reviewer": str(newcomer.uuid)}
        )
        self.assertRedirects(response, detail)
        self.assertTrue(PoolMember.objects.filter(pool=self.pool, reviewer=newcomer).exists())
        response = self.lead_client.post(
            reverse("review:pool-member-add", kwargs={"uuid": self.pool.uuid}), {"reviewer": str(self.educator.uuid)}
        )
        self.assertEqual(response.status_code, 422)
        remove = reverse("review:pool-member-remove", kwargs={"uuid": self.pool.uuid, "reviewer": newcomer.uuid})
        self.assertRedirects(self.lead_client.post(remove), detail)
        self.assertFalse(PoolMember.objects.filter(pool=self.pool, reviewer=newcomer).exists())

    def test_a_lead_creates_a_pool_for_a_stack_whose_work_it_calibrates_on(self):
        stack = Stack.objects.create(
            organization=self.version.micro_credential.organization,
            slug="early-literacy",
            title="Early Literacy",
            description="Phonics and more.",
            is_published=True,
        )
        StackItem.objects.create(stack=stack, micro_credential=self.version.micro_credential, order=0)
        self.assertContains(self.lead_client.get(reverse("review:pool-list")), "Early Literacy")
        response = self.lead_client.post(
            reverse("review:pool-create"), {"name": "  Early  Literacy reviewers ", "target": f"stack:{stack.uuid}"}
        )
        pool = ReviewerPool.objects.get(stack=stack)
        self.assertRedirects(response, reverse("review:pool-detail", kwargs={"uuid": pool.uuid}))
        self.assertEqual((pool.name, pool.organization), ("Early Literacy reviewers", self.reviewing))
        self.assertEqual(calibration.calibration_candidate(pool, self.real.code), self.real)

    def test_a_lead_ends_a_certification_and_changes_the_rules(self):
        revoke = reverse(
            "review:certification-revoke", kwargs={"uuid": self.pool.uuid, "reviewer": self.reviewer_a.uuid}
        )
        self.assertEqual(self.lead_client.post(revoke, {"reason": ""}).status_code, 422)
        self.lead_client.post(revoke, {"reason": "Scores drifted on the video requirement."})
        certification = Certification.objects.get(reviewer=self.reviewer_a, pool=self.pool)
        self.assertEqual(certification.revoked_reason, "Scores drifted on the video requirement.")
        detail = self.lead_client.get(reverse("review:pool-detail", kwargs={"uuid": self.pool.uuid}))
        self.assertContains(detail, "Revoked")

        rules = reverse("review:pool-rules", kwargs={"uuid": self.pool.uuid})
        self.assertEqual(self.lead_client.post(rules, {"min_exact_agreement": "40"}).status_code, 422)
        self.lead_client.post(
            rules, {"min_exact_agreement": "90", "max_level_distance": "0", "certification_days": "180"}
        )
        self.pool.refresh_from_db()
        self.assertEqual(str(self.pool.min_exact_agreement), "0.900")
        self.assertEqual((self.pool.max_level_distance, self.pool.certification_days), (0, 180))
        self.assertFalse(self.pool.require_outcomes_match)


class SetEditorTests(CalibrationPagesTestCase):
    def test_a_lead_builds_a_set_by_code_and_activates_it(self):
        response = self.lead_client.post(
            reverse("review:calibration-set-create", kwargs={"uuid": self.pool.uuid}), {"title": "Autumn"}
        )
        calibration_set = CalibrationSet.objects.get(title="Autumn")
        self.assertRedirects(response, reverse("review:calibration-set-detail", kwargs={"uuid": calibration_set.uuid}))

        add = reverse("review:calibration-item-add", kwargs={"uuid": calibration_set.uuid})
        self.assertContains(self.lead_client.get(add, {"code": "nope"}), "eight letters", status_code=422)
        self.assertContains(self.lead_client.get(add, {"code": "ZZZZ-9999"}), "No submitted work", status_code=422)
        # Typed as people type it: lower case, no dash.
        response = self.lead_client.get(add, {"code": self.real.code.replace("-", "").lower()})
        self.assertContains(response, f"Add submission {self.real.code}")
        self.assertContains(response, "Master level for requirement 3")
        self.assert_blind(response.content.decode())

        incomplete = self.master_post(self.real, [MEETS] * 3)
        del incomplete[f"level-{self.requirements[1].uuid}"]
        self.assertContains(self.lead_client.post(add, incomplete), "Choose a level.", status_code=422)
        response = self.lead_client.post(add, self.master_post(self.real, [MEETS, MEETS, 2]))
        item_url = reverse("review:calibration-item-detail", kwargs={"uuid": calibration_set.uuid, "position": 1})
        self.assertRedirects(response, item_url)

        # The evidence now opens to the lead, beside the master levels.
        response = self.lead_client.get(item_url)
        html = response.content.decode()
        self.assertIn("<video", html)
        self.assertIn("Open document 1 (PDF)", html)
        self.assertIn(RATIONALE, html)
        self.assert_blind(html)
        video = EvidenceFile.objects.get(evidence__submission=self.real, kind="video")
        self.assertEqual(self.lead_client.get(evidence_link(video, self.lead, "web")).status_code, 200)

        changed = self.master_post(self.real, [EXCEEDS, MEETS, MEETS])
        del changed["code"]
        self.lead_client.post(item_url, changed)
        item = calibration_set.items.get()
        self.assertEqual(item.master_scores.get(requirement=self.requirements[0]).level.score, EXCEEDS)

        set_page = self.lead_client.get(reverse("review:calibration-set-detail", kwargs={"uuid": calibration_set.uuid}))
        self.assertContains(set_page, f"Submission {self.real.code}")
        self.assert_blind(set_page.content.decode())
        self.lead_client.post(reverse("review:calibration-set-activate", kwargs={"uuid": calibration_set.uuid}))
        calibration_set.refresh_from_db()
        self.assertTrue(calibration_set.is_active)


class AttemptPageTests(CalibrationPagesTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.set = CalibrationSet.objects.create(pool=self.pool, title="Autumn")
        for work, scores in ((self.real, [MEETS, MEETS, 2]), (self.works[0], [MEETS] * 3)):
            calibration.calibration_item_add(
                actor=self.lead,
                set=self.set,
                submission_code=work.code,
                master_levels=self.masters(scores),
                rationales={str(r.uuid): f"Because of {work.code} {r.title}" for r in self.requirements},
            )
        calibration.calibration_set_activate(actor=self.lead, set=self.set)

    def start(self) -> CalibrationAttempt:
        response = self.reviewer_client.post(reverse("review:calibration-start", kwargs={"uuid": self.pool.uuid}))
        attempt = CalibrationAttempt.objects.get(reviewer=self.uncertified)
        self.assertRedirects(response, reverse("review:calibration-attempt", kwargs={"uuid": attempt.uuid}))
        return attempt

    def levels(self, scores: list[int]) -> dict[str, int]:
        return {f"level-{r.uuid}": self.level(r, s).pk for r, s in zip(self.requirements, scores, strict=True)}

    def test_a_reviewer_takes_the_calibration_and_reads_where_they_differed(self):
        pages: list[str] = []
        listing = self.reviewer_client.get(reverse("review:calibration-list"))
        self.assertContains(listing, "Start the calibration")
        self.assertContains(listing, 'href="/review/calibration/"')  # the navigation item
        self.assertNotContains(listing, 'href="/review/pools/"')
        pages.append(listing.content.decode())

        attempt = self.start()
        first = self.reviewer_client.get(reverse("review:calibration-attempt", kwargs={"uuid": attempt.uuid}))
        html = first.content.decode()
        pages.append(html)
        self.assertIn(f"Submission {self.real.code}", html)
        self.assertIn("<video", html)
        self.assertIn("Students blended the short vowel pattern", html)
        self.assertNotIn("Because of", html)
        video = EvidenceFile.objects.get(evidence__submission=self.real, kind="video")
        self.assertEqual(self.reviewer_client.get(evidence_link(video, self.uncertified, "web")).status_code, 200)

        # Autosave of one radio (htmx): a status line and the progress, out of band.
        save = reverse("review:calibration-score-save", kwargs={"uuid": attempt.uuid, "position": 1})
        one = {f"level-{self.requirements[0].uuid}": self.level(self.requirements[0], MEETS).pk}
        response = self.reviewer_client.post(save, one, headers={"HX-Request": "true"})
        self.assertContains(response, "Saved at")
        self.assertContains(response, 'hx-swap-oob="true"')
        self.assertContains(response, "1 of 6 requirements scored")
        pages.append(response.content.decode())
        bad = {f"level-{self.requirements[0].uuid}": self.level(self.requirements[1], MEETS).pk}
        self.assertEqual(self.reviewer_client.post(save, bad, headers={"HX-Request": "true"}).status_code, 422)

        # The plain button saves them all and moves on.
        response = self.reviewer_client.post(save, {**self.levels([MEETS, MEETS, MEETS]), "next": ""})
        second_url = reverse("review:calibration-attempt-item", kwargs={"uuid": attempt.uuid, "position": 2})
        self.assertRedirects(response, second_url)
        second = self.reviewer_client.get(second_url)
        pages.append(second.content.decode())

        finish = reverse("review:calibration-finish", kwargs={"uuid": attempt.uuid})
        response = self.reviewer_client.post(finish, follow=True)
        self.assertContains(response, "3 still to score")

        save_second = reverse("review:calibration-score-save", kwargs={"uuid": attempt.uuid, "position": 2})
        self.reviewer_client.post(save_second, self.levels([MEETS] * 3))
        response = self.reviewer_client.post(finish, follow=True)
        results = reverse("review:calibration-results", kwargs={"uuid": attempt.uuid})
        self.assertRedirects(response, results)
        html = response.content.decode()
        pages.append(html)
        # 5 of 6 exact, one level apart, but the first submission's outcome differs: not passed.
        self.assertIn("83.3%", html)
        self.assertIn("Not passed", html)
        self.assertIn("Outcome differs", html)
        self.assertIn("calibration-row--differs", html)
        self.assertIn("1 level above", html)
        self.assertIn(f"Because of {self.real.code} Reflection", html)
        self.assertEqual(html.count("Same as the master"), 5)

        # Finished: the evidence is closed to the reviewer again.
        self.assertEqual(self.reviewer_client.get(evidence_link(video, self.uncertified, "web")).status_code, 404)
        listing = self.reviewer_client.get(reverse("review:calibration-list"))
        self.assertContains(listing, "You have taken the current set")
        pages.append(listing.content.decode())
        for page in pages:
            self.assert_blind(page)

    def test_a_pass_certifies_the_reviewer(self):
        attempt = self.start()
        for position, scores in ((1, [MEETS, MEETS, 2]), (2, [MEETS] * 3)):
            save = reverse("review:calibration-score-save", kwargs={"uuid": attempt.uuid, "position": position})
            self.reviewer_client.post(save, self.levels(scores))
        response = self.reviewer_client.post(
            reverse("review:calibration-finish", kwargs={"uuid": attempt.uuid}), follow=True
        )
        self.assertContains(response, "You are certified for Teaching Phonics reviewers until")
        self.assertContains(response, "100%")
        self.assertTrue(Certification.objects.filter(reviewer=self.uncertified, pool=self.pool).exists())

    def test_a_finished_attempt_shows_its_results(self):
        attempt = self.start()
        CalibrationAttempt.objects.filter(pk=attempt.pk).update(
            completed_at=attempt.started_at, exact_agreement=0.5, max_distance=1, outcomes_match=True, passed=False
        )
        response = self.reviewer_client.get(reverse("review:calibration-attempt", kwargs={"uuid": attempt.uuid}))
        self.assertRedirects(response, reverse("review:calibration-results", kwargs={"uuid": attempt.uuid}))

    def test_an_item_past_the_end_is_not_found(self):
        attempt = self.start()
        url = reverse("review:calibration-attempt-item", kwargs={"uuid": attempt.uuid, "position": 3})
        self.assertEqual(self.reviewer_client.get(url).status_code, 404)

    def test_the_calibration_page_takes_a_fixed_number_of_queries(self):
        def count() -> int:
            with CaptureQueriesContext(connection) as queries:
                self.assertEqual(self.reviewer_client.get(reverse("review:calibration-list")).status_code, 200)
            return len(queries)

        self.start()
        before = count()
        second = ReviewerPool.objects.create(
            organization=self.reviewing, name="Second", micro_credential=self.version.micro_credential
        )
        PoolMember.objects.create(pool=second, reviewer=self.uncertified)
        self.certify(self.uncertified, second)
        other_set = CalibrationSet.objects.create(pool=second, title="Other", is_active=True)
        other_set.items.create(submission=self.works[1])
        self.assertEqual(count(), before)

    def test_people_without_a_reviewer_role_have_no_calibration_page(self):
        response = self.client_for(self.educator).get(reverse("review:calibration-list"))
        self.assertEqual(response.status_code, 403)
        self.assertNotContains(response, 'href="/review/calibration/"', status_code=403)
