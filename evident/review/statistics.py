"""Agreement, pass rates and turnaround, per reviewer and per micro-credential.

The figures come from scorings of the same requirement of the same
submission by two people: a first and a second scoring, a scoring and the
adjudication that settled it, a single scoring and its back-reading. They
feed the reviewer's and the lead reviewer's dashboards; a reviewer whose
weighted kappa or alpha with others falls below ``REVIEW_DRIFT_THRESHOLD``
(over at least ``MIN_PAIRS`` pairs) is flagged for recalibration.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings

from evident.accounts.models import User
from evident.review.agreement import adjacent_agreement, cohen_kappa, exact_agreement, krippendorff_alpha
from evident.review.models import Assignment, Decision, Score

Role = Assignment.Role
# Fewer pairs than this say nothing reliable about a reviewer.
MIN_PAIRS = 10


def threshold() -> float:
    return float(Decimal(settings.REVIEW_DRIFT_THRESHOLD))


@dataclass(frozen=True)
class Agreement:
    pairs: int
    exact: float | None
    adjacent: float | None
    kappa: float | None
    alpha: float | None

    @property
    def flagged(self) -> bool:
        """Below the drift threshold on weighted kappa or alpha, with enough pairs to tell."""
        if self.pairs < MIN_PAIRS:
            return False
        limit = threshold()
        return any(value is not None and value < limit for value in (self.kappa, self.alpha))


def agreement_of(mine: list[int], theirs: list[int]) -> Agreement:
    """The agreement figures of two aligned lists of level scores."""
    if not mine:
        return Agreement(pairs=0, exact=None, adjacent=None, kappa=None, alpha=None)
    labels = sorted(set(mine) | set(theirs))
    kappa = cohen_kappa(mine, theirs, weights="quadratic", labels=labels) if len(labels) > 1 else 1.0
    alpha = krippendorff_alpha([list(map(float, mine)), list(map(float, theirs))], level="ordinal")
    return Agreement(
        pairs=len(mine),
        exact=exact_agreement(mine, theirs),
        adjacent=adjacent_agreement(mine, theirs),
        kappa=kappa,
        alpha=alpha,
    )


def _levels_by_assignment(assignment_ids: set[int]) -> dict[int, dict[int, int]]:
    """assignment id → requirement id → level score."""
    found: dict[int, dict[int, int]] = defaultdict(dict)
    for assignment_id, requirement_id, score in Score.objects.filter(
        assignment_id__in=assignment_ids, level__isnull=False
    ).values_list("assignment_id", "requirement_id", "level__score"):
        found[assignment_id][requirement_id] = score
    return found


# Which completed scorings of a submission are compared with which.
COMPARED = [
    (Role.FIRST, Role.SECOND),
    (Role.FIRST, Role.ADJUDICATION),
    (Role.SECOND, Role.ADJUDICATION),
    (Role.FIRST, Role.BACK_READ),
]


def _completed(**filters: object) -> list[Assignment]:
    return list(Assignment.objects.filter(status=Assignment.Status.COMPLETED, **filters))


def reviewer_agreement(reviewer: User) -> Agreement:
    """The reviewer's scores against every other scoring of the same requirements."""
    own = _completed(reviewer=reviewer)
    others = _completed(submission_id__in={a.submission_id for a in own})
    levels = _levels_by_assignment({a.pk for a in others})
    by_submission: dict[int, dict[str, Assignment]] = defaultdict(dict)
    for assignment in others:
        by_submission[assignment.submission_id][assignment.role] = assignment
    mine: list[int] = []
    theirs: list[int] = []
    for roles in by_submission.values():
        for a_role, b_role in COMPARED:
            a, b = roles.get(a_role), roles.get(b_role)
            if (
                a is None
                or b is None
                or reviewer.pk not in (a.reviewer_id, b.reviewer_id)
                or a.reviewer_id == b.reviewer_id
            ):
                continue
            me, other = (a, b) if a.reviewer_id == reviewer.pk else (b, a)
            for requirement_id, score in levels[me.pk].items():
                if requirement_id in levels[other.pk]:
                    mine.append(score)
                    theirs.append(levels[other.pk][requirement_id])
    return agreement_of(mine, theirs)


@dataclass(frozen=True)
class ReviewerFigures:
    reviewer: User
    completed: int
    pass_rate: float | None
    median_turnaround_hours: float | None
    agreement: Agreement


def reviewer_figures(reviewer: User) -> ReviewerFigures:
    scorings = [a for a in _completed(reviewer=reviewer) if a.role in (Role.FIRST, Role.SECOND)]
    hours = [(a.completed_at - a.assigned_at).total_seconds() / 3600 for a in scorings if a.completed_at]
    passed = [a.outcome_passed for a in scorings if a.outcome_passed is not None]
    return ReviewerFigures(
        reviewer=reviewer,
        completed=len(scorings),
        pass_rate=(sum(passed) / len(passed)) if passed else None,
        median_turnaround_hours=statistics.median(hours) if hours else None,
        agreement=reviewer_agreement(reviewer),
    )


@dataclass(frozen=True)
class MicroCredentialFigures:
    decisions: int
    earned_rate: float | None
    adjudicated: int
    median_days_to_decision: float | None
    alpha: float | None


def micro_credential_figures(micro_credential_id: int) -> MicroCredentialFigures:
    """Decisions, pass rate, adjudications, time from submission to decision, and
    Krippendorff's alpha over every double-scored requirement (rows: the scorings' roles)."""
    decisions = list(
        Decision.objects.filter(submission__enrollment__micro_credential_id=micro_credential_id).select_related(
            "submission"
        )
    )
    days = [
        (d.decided_at - d.submission.submitted_at).total_seconds() / 86400
        for d in decisions
        if d.submission.submitted_at is not None
    ]
    double = _completed(
        submission__enrollment__micro_credential_id=micro_credential_id, role__in=[Role.FIRST, Role.SECOND]
    )
    levels = _levels_by_assignment({a.pk for a in double})
    by_submission: dict[int, dict[str, int]] = defaultdict(dict)
    for assignment in double:
        by_submission[assignment.submission_id][assignment.role] = assignment.pk
    first_row: list[float | None] = []
    second_row: list[float | None] = []
    for roles in by_submission.values():
        if Role.SECOND not in roles:
            continue
        a, b = levels[roles[Role.FIRST]], levels[roles[Role.SECOND]]
        for requirement_id in a.keys() | b.keys():
            first_row.append(a.get(requirement_id))
            second_row.append(b.get(requirement_id))
    alpha = None
    if first_row:
        try:
            alpha = krippendorff_alpha([first_row, second_row], level="ordinal")
        except ValueError:
            alpha = None
    return MicroCredentialFigures(
        decisions=len(decisions),
        earned_rate=(sum(d.outcome == Decision.Outcome.EARNED for d in decisions) / len(decisions))
        if decisions
        else None,
        adjudicated=sum(d.basis == Decision.Basis.ADJUDICATED for d in decisions),
        median_days_to_decision=statistics.median(days) if days else None,
        alpha=alpha,
    )
