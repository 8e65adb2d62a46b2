from __future__ import annotations

from django.test import override_settings

from evident.review import statistics
from evident.review.models import Assignment
from evident.review.tests.test_scoring import PASS, ScoringCase

Role = Assignment.Role


class AgreementFiguresTests(ScoringCase):
    def test_a_pair_of_identical_lists_agrees_fully_and_a_drifting_one_is_flagged(self):
        same = statistics.agreement_of([1, 2, 3, 4] * 3, [1, 2, 3, 4] * 3)
        assert (same.exact, same.adjacent, same.kappa, same.alpha) == (1.0, 1.0, 1.0, 1.0)
        assert not same.flagged
        drift = statistics.agreement_of([1, 4, 1, 4, 2, 3] * 2, [4, 1, 4, 1, 3, 2] * 2)
        assert drift.pairs == 12
        assert drift.kappa is not None and drift.kappa < 0
        assert drift.flagged
        few = statistics.agreement_of([1, 4], [4, 1])
        assert not few.flagged  # too few pairs to say

    @override_settings(REVIEW_BACK_READ_SHARE_PERCENT=0)
    def test_reviewer_figures_come_from_double_scored_work(self):
        submission = self.submitted_by(self.educator)
        first = self.assign(submission, self.reviewer_a)
        self.score(first, PASS)
        self.complete(first)
        second = self.assign(submission, self.reviewer_b, Role.SECOND)
        self.score(second, {"video": 3, "document": 4, "written": 4})
        self.complete(second)
        figures = statistics.reviewer_figures(self.reviewer_a)
        assert figures.completed == 1
        assert figures.pass_rate == 1.0
        assert figures.agreement.pairs == 3
        assert figures.agreement.exact == 2 / 3
        assert figures.agreement.adjacent == 1.0
        mc = statistics.micro_credential_figures(self.version.micro_credential_id)
        assert (mc.decisions, mc.earned_rate, mc.adjudicated) == (1, 1.0, 0)
        assert mc.median_days_to_decision is not None
