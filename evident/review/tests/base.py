"""Shared set-up for review tests: a reviewing organization with a pool for the
phonics micro-credential, certified reviewers, a lead reviewer, and helpers
that put submitted work from several educators into the queue."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from evident.accounts.models import Organization, User
from evident.accounts.tests.factories import OrganizationFactory, member
from evident.earning.models import Enrollment, Submission
from evident.earning.tests.base import EarningTestCase
from evident.review.models import Certification, PoolMember, ReviewerPool


class ReviewTestCase(EarningTestCase):
    reviewing: Organization
    pool: ReviewerPool
    lead: User
    reviewer_a: User
    reviewer_b: User
    uncertified: User

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.reviewing = OrganizationFactory(
            slug="teaching-forward", name="Teaching Forward", kind=Organization.Kind.NONPROFIT
        )
        cls.pool = ReviewerPool.objects.create(
            organization=cls.reviewing, name="Teaching Phonics reviewers", micro_credential=cls.version.micro_credential
        )
        cls.lead = member(cls.reviewing, "lead_reviewer", "reviewer", email="lee@tf.example", full_name="Lee Lead")
        cls.reviewer_a = member(cls.reviewing, "reviewer", email="ana@tf.example", full_name="Ana Reviewer")
        cls.reviewer_b = member(cls.reviewing, "reviewer", email="ben@tf.example", full_name="Ben Reviewer")
        cls.uncertified = member(cls.reviewing, "reviewer", email="una@tf.example", full_name="Una Uncertified")
        for reviewer in (cls.lead, cls.reviewer_a, cls.reviewer_b, cls.uncertified):
            PoolMember.objects.create(pool=cls.pool, reviewer=reviewer)
        for reviewer in (cls.lead, cls.reviewer_a, cls.reviewer_b):
            cls.certify(reviewer)

    @classmethod
    def certify(cls, reviewer: User, pool: ReviewerPool | None = None) -> Certification:
        return Certification.objects.create(
            reviewer=reviewer, pool=pool or cls.pool, expires_at=timezone.now() + timedelta(days=365)
        )

    def submitted_by(self, educator: User) -> Submission:
        """A complete submission from ``educator`` (an educator of the school), sent for review."""
        enrollment = self.enrol(educator)
        return self.submit(enrollment)

    def new_educator(self, n: int) -> User:
        return member(self.school, "educator", email=f"teacher{n}@maple.example", full_name=f"Teacher {n}")

    def enrollment_of(self, submission: Submission) -> Enrollment:
        return Enrollment.objects.get(pk=submission.enrollment_id)
