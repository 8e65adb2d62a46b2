"""Reads for the calibration pages: pools with their members' certification,
calibration sets and their items, a reviewer's attempts and results.

Callers have been through :func:`evident.review.permissions.access_pool`,
:func:`~evident.review.permissions.access_calibration_attempt` or
:func:`~evident.review.permissions.access_calibration_set`. Nothing here hands
a template the educator, their enrolment's organization or a file's original
name: reviewers see the submission's code. The writes are in
:mod:`evident.review.calibration`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from django.db.models import Count, Prefetch, QuerySet
from django.utils import timezone

from evident.accounts.models import User
from evident.catalog.models import Requirement, RubricLevel
from evident.earning.models import Evidence, EvidenceFile, Submission
from evident.review.calibration_rules import ItemsLeft, items_left_by_set
from evident.review.models import (
    CalibrationAttempt,
    CalibrationItem,
    CalibrationSet,
    Certification,
    MasterScore,
    PoolMember,
    ReviewerPool,
)
from evident.review.permissions import REVIEWER_ROLES, calibration_items_for, led_organizations, pools_for


def pool_target(pool: ReviewerPool) -> str:
    """What the pool reviews, as its title reads in the catalog."""
    if pool.micro_credential is not None:
        version = pool.micro_credential.live_version
        return version.title if version is not None else pool.micro_credential.slug
    return f"Stack: {pool.stack.title}" if pool.stack is not None else ""


CertificationState = Literal["certified", "expired", "revoked", "none"]


@dataclass
class MemberStatus:
    reviewer: User
    certification: Certification | None
    latest_attempt: CalibrationAttempt | None = None

    @property
    def state(self) -> CertificationState:
        if self.certification is None:
            return "none"
        if self.certification.revoked_at is not None:
            return "revoked"
        if self.certification.expires_at <= timezone.now():
            return "expired"
        return "certified"


def _member_status(reviewer: User, certifications: list[Certification]) -> MemberStatus:
    """The status from the reviewer's latest certification: the active one if any."""
    mine = [c for c in certifications if c.reviewer_id == reviewer.pk]
    now = timezone.now()
    active = [c for c in mine if c.revoked_at is None and c.expires_at > now]
    chosen = (
        max(active, key=lambda c: c.expires_at) if active else max(mine, key=lambda c: c.certified_at, default=None)
    )
    return MemberStatus(reviewer=reviewer, certification=chosen)


@dataclass
class SetSummary:
    calibration_set: CalibrationSet
    items: int
    attempts: int


@dataclass
class PoolSummary:
    pool: ReviewerPool
    target: str
    members: list[MemberStatus]
    sets: list[SetSummary] = field(default_factory=list)

    @property
    def active_set(self) -> CalibrationSet | None:
        return next((s.calibration_set for s in self.sets if s.calibration_set.is_active), None)

    @property
    def certified_count(self) -> int:
        return sum(1 for m in self.members if m.state == "certified")


def _pool_queryset(pools: QuerySet[ReviewerPool]) -> QuerySet[ReviewerPool]:
    return (
        pools.select_related("organization", "micro_credential__live_version", "stack")
        .prefetch_related(
            Prefetch("members", queryset=PoolMember.objects.select_related("reviewer").order_by("reviewer__full_name")),
            "certifications",
            Prefetch(
                "calibration_sets",
                queryset=CalibrationSet.objects.annotate(
                    item_count=Count("items", distinct=True), attempt_count=Count("attempts", distinct=True)
                ).order_by("-created_at"),
            ),
        )
        .order_by("organization__name", "name")
    )


def _summary(pool: ReviewerPool) -> PoolSummary:
    certifications = list(pool.certifications.all())
    return PoolSummary(
        pool=pool,
        target=pool_target(pool),
        members=[_member_status(m.reviewer, certifications) for m in pool.members.all()],
        sets=[
            SetSummary(calibration_set=s, items=s.item_count, attempts=s.attempt_count)  # type: ignore[attr-defined]  # annotated above
            for s in pool.calibration_sets.all()
        ],
    )


def led_pool_list(actor: User) -> list[PoolSummary]:
    """Every pool the actor leads, with each member's certification status; a fixed number of queries."""
    return [
        _summary(pool)
        for pool in _pool_queryset(ReviewerPool.objects.filter(organization__in=led_organizations(actor)))
    ]


def pool_summary(pool: ReviewerPool) -> PoolSummary:
    """One pool's members (with their latest finished attempt) and calibration sets."""
    summary = _summary(_pool_queryset(ReviewerPool.objects.filter(pk=pool.pk)).get())
    latest: dict[int, CalibrationAttempt] = {}
    for attempt in CalibrationAttempt.objects.filter(set__pool=pool, completed_at__isnull=False).order_by(
        "completed_at"
    ):
        latest[attempt.reviewer_id] = attempt
    for member in summary.members:
        member.latest_attempt = latest.get(member.reviewer.pk)
    return summary


def pool_member_candidates(pool: ReviewerPool) -> QuerySet[User]:
    """Reviewers and lead reviewers of the pool's organization who are not in it yet."""
    return (
        User.objects.filter(
            is_active=True, memberships__organization=pool.organization, memberships__role__in=REVIEWER_ROLES
        )
        .exclude(pool_memberships__pool=pool)
        .distinct()
        .order_by("full_name", "email")
    )


@dataclass
class RequirementView:
    """One requirement of a calibration item: the evidence, the rubric and the levels chosen so far."""

    requirement: Requirement
    levels: list[RubricLevel]
    evidence: Evidence | None
    files: list[EvidenceFile]
    chosen: RubricLevel | None = None
    master: MasterScore | None = None

    @property
    def differs(self) -> bool:
        return self.master is not None and self.chosen is not None and self.master.level_id != self.chosen.pk

    @property
    def distance(self) -> int:
        if self.master is None or self.chosen is None:
            return 0
        return abs(self.master.level.score - self.chosen.score)


def submission_requirements(
    submission: Submission, chosen: Mapping[int, RubricLevel] | None = None
) -> list[RequirementView]:
    """The requirements of the submission's version with their evidence and rubric levels, in order.

    ``chosen`` maps requirement ids to the levels picked so far.
    """
    evidence = {
        e.requirement_id: e
        for e in Evidence.objects.filter(submission=submission).prefetch_related(
            Prefetch("files", queryset=EvidenceFile.objects.order_by("order", "created_at"))
        )
    }
    requirements = submission.enrollment.version.requirements.prefetch_related(
        Prefetch("levels", queryset=RubricLevel.objects.order_by("order"))
    ).order_by("order")
    views = []
    for requirement in requirements:
        given = evidence.get(requirement.pk)
        views.append(
            RequirementView(
                requirement=requirement,
                levels=list(requirement.levels.all()),
                evidence=given,
                files=list(given.files.all()) if given is not None else [],
                chosen=(chosen or {}).get(requirement.pk),
            )
        )
    return views


def item_with_masters(item: CalibrationItem) -> list[RequirementView]:
    """For the set editor: the item's requirements with evidence, rubric and master scores."""
    masters = {m.requirement_id: m for m in item.master_scores.select_related("level")}
    views = submission_requirements(item.submission)
    for view in views:
        view.master = masters.get(view.requirement.pk)
        view.chosen = view.master.level if view.master is not None else None
    return views


@dataclass
class ItemSummary:
    position: int
    item: CalibrationItem
    masters: list[MasterScore]


def set_items(calibration_set: CalibrationSet) -> list[ItemSummary]:
    """The set's items in order with their master scores; a fixed number of queries."""
    items = calibration_set.items.select_related("submission__enrollment__version").prefetch_related(
        Prefetch(
            "master_scores",
            queryset=MasterScore.objects.select_related("level", "requirement").order_by("requirement__order"),
        )
    )
    return [
        ItemSummary(position=i, item=item, masters=list(item.master_scores.all()))
        for i, item in enumerate(items, start=1)
    ]


@dataclass
class ItemProgress:
    position: int
    item: CalibrationItem
    scored: int
    total: int

    @property
    def done(self) -> bool:
        return self.scored >= self.total


def attempt_progress(attempt: CalibrationAttempt) -> list[ItemProgress]:
    """Each item of the attempt's set shown to its reviewer, with how many of its requirements they have scored.

    Items that conflict for the reviewer (:func:`~evident.review.permissions.calibration_items_for`) are left out.
    """
    items = list(
        calibration_items_for(attempt.reviewer, attempt.set_id)
        .select_related("submission")
        .annotate(requirement_count=Count("submission__enrollment__version__requirements", distinct=True))
    )
    scored = dict(attempt.scores.values("item_id").annotate(n=Count("id")).values_list("item_id", "n"))
    return [
        ItemProgress(
            position=i,
            item=item,
            scored=scored.get(item.pk, 0),
            total=item.requirement_count,
        )
        for i, item in enumerate(items, start=1)
    ]


def attempt_chosen(attempt: CalibrationAttempt, item: CalibrationItem) -> dict[int, RubricLevel]:
    return {s.requirement_id: s.level for s in attempt.scores.filter(item=item).select_related("level")}


@dataclass
class ItemResult:
    position: int
    item: CalibrationItem
    rows: list[RequirementView]

    @property
    def master_passes(self) -> bool:
        return all(r.master is not None and r.master.level.score >= r.requirement.passing_score for r in self.rows)

    @property
    def given_passes(self) -> bool:
        return all(r.chosen is not None and r.chosen.score >= r.requirement.passing_score for r in self.rows)

    @property
    def differences(self) -> int:
        return sum(1 for r in self.rows if r.differs)


def attempt_results(attempt: CalibrationAttempt) -> list[ItemResult]:
    """For a finished attempt: per item and requirement, the reviewer's level, the master's and its rationale.

    Only the items shown to the reviewer (none that conflict for them).
    """
    items = list(
        calibration_items_for(attempt.reviewer, attempt.set_id).select_related("submission__enrollment__version")
    )
    given: dict[tuple[int, int], RubricLevel] = {
        (s.item_id, s.requirement_id): s.level for s in attempt.scores.select_related("level")
    }
    masters: dict[tuple[int, int], MasterScore] = {
        (m.item_id, m.requirement_id): m
        for m in MasterScore.objects.filter(item__set_id=attempt.set_id).select_related("level")
    }
    requirements: dict[int, list[Requirement]] = defaultdict(list)
    version_ids = {item.submission.enrollment.version_id for item in items}
    for requirement in Requirement.objects.filter(version_id__in=version_ids).order_by("order"):
        requirements[requirement.version_id].append(requirement)
    return [
        ItemResult(
            position=i,
            item=item,
            rows=[
                RequirementView(
                    requirement=requirement,
                    levels=[],
                    evidence=None,
                    files=[],
                    chosen=given.get((item.pk, requirement.pk)),
                    master=masters.get((item.pk, requirement.pk)),
                )
                for requirement in requirements[item.submission.enrollment.version_id]
            ],
        )
        for i, item in enumerate(items, start=1)
    ]


@dataclass
class PoolCalibration:
    """One of the reviewer's pools on their calibration page."""

    pool: ReviewerPool
    target: str
    status: MemberStatus
    active_set: CalibrationSet | None
    current: CalibrationAttempt | None
    past: list[CalibrationAttempt]
    # The active set without the items that conflict for the reviewer (None without an active set).
    items_left: ItemsLeft | None = None

    @property
    def taken_active_set(self) -> bool:
        return self.active_set is not None and any(a.set_id == self.active_set.pk for a in self.past)


def calibration_overview(actor: User) -> list[PoolCalibration]:
    """The actor's pools: certification status, the set to take, their unfinished and past attempts."""
    pools = list(
        pools_for(actor)
        .select_related("organization", "micro_credential__live_version", "stack")
        .prefetch_related(
            Prefetch("certifications", queryset=Certification.objects.filter(reviewer=actor)),
            Prefetch(
                "calibration_sets",
                queryset=CalibrationSet.objects.filter(is_active=True).annotate(item_count=Count("items")),
                to_attr="active_sets",
            ),
        )
        .order_by("organization__name", "name")
    )
    attempts: dict[int, list[CalibrationAttempt]] = defaultdict(list)
    for attempt in CalibrationAttempt.objects.filter(reviewer=actor, set__pool__in=pools).select_related("set"):
        attempts[attempt.set.pool_id].append(attempt)
    actives = {pool.pk: next((s for s in pool.active_sets if s.item_count), None) for pool in pools}
    left = items_left_by_set(actor, [s for s in actives.values() if s is not None])
    overview = []
    for pool in pools:
        active = actives[pool.pk]
        mine = attempts[pool.pk]
        overview.append(
            PoolCalibration(
                pool=pool,
                target=pool_target(pool),
                status=_member_status(actor, list(pool.certifications.all())),
                active_set=active,
                current=next(
                    (a for a in mine if a.completed_at is None and active is not None and a.set_id == active.pk), None
                ),
                past=[a for a in mine if a.completed_at is not None],
                items_left=left.get(active.pk) if active is not None else None,
            )
        )
    return overview
