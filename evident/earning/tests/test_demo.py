from __future__ import annotations

from typing import Any

from django.test import TestCase

from evident.accounts.demo import DEMO_DOMAIN, load_demo
from evident.accounts.models import Organization, User
from evident.catalog.demo import load_catalog_demo
from evident.earning.demo import load_earning_demo
from evident.earning.models import Enrollment
from evident.review import queue
from evident.review.demo import load_review_demo
from evident.review.models import ReviewerPool


class EarningDemoTests(TestCase):
    educator: User
    arguments: dict[str, Any]
    created: dict[str, int]

    @classmethod
    def setUpTestData(cls):
        load_demo()
        load_catalog_demo(
            author=User.objects.get(email=f"author@{DEMO_DOMAIN}"),
            quality_reviewer=User.objects.get(email=f"quality-reviewer@{DEMO_DOMAIN}"),
        )
        cls.educator = User.objects.get(email=f"educator@{DEMO_DOMAIN}")
        cls.arguments = {
            "educator": cls.educator,
            "coach": User.objects.get(email=f"coach@{DEMO_DOMAIN}"),
            "school": Organization.objects.get(slug="maple-street-elementary"),
        }
        cls.created = load_earning_demo(**cls.arguments)

    def test_the_demo_educator_has_work_in_three_states(self):
        assert self.created == {"enrolments": 3}
        states = dict(Enrollment.objects.filter(educator=self.educator).values_list("version__title", "status"))
        assert states == {
            "Teaching Phonics": "working",
            "Teaching Phonological Awareness": "submitted",
            "Maximizing Learning Through Classroom Routines": "needs_revision",
        }
        revision = Enrollment.objects.get(educator=self.educator, status="needs_revision")
        draft = revision.submissions.get(status="draft")
        assert draft.number == 2
        assert draft.evidence.filter(carried_over=True).count() == 2

    def test_loading_again_changes_nothing(self):
        assert load_earning_demo(**self.arguments) == {"enrolments": 0}
        assert Enrollment.objects.count() == 3

    def test_the_demo_reviewers_find_the_submitted_work_in_their_queue(self):
        reviewers = [User.objects.get(email=f"{name}@{DEMO_DOMAIN}") for name in ("reviewer", "lead-reviewer")]
        teaching_forward = Organization.objects.get(slug="teaching-forward")
        assert load_review_demo(reviewers=reviewers, organization=teaching_forward) == {"reviewer pools": 1}
        assert load_review_demo(reviewers=reviewers, organization=teaching_forward) == {"reviewer pools": 0}
        pool = ReviewerPool.objects.get()
        assignment = queue.assignment_claim(actor=reviewers[0], pool=pool)
        assert assignment is not None
        assert assignment.submission.enrollment.version.title == "Teaching Phonological Awareness"
