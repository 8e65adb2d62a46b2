"""Reads for the reviewer's pages: the review home and the scoring sheet.

Nothing here carries the educator's name, email or organization: a
submission is its code, its micro-credential and its evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from evident.accounts.models import User
from evident.catalog.models import MicroCredential, Requirement, RubricLevel
from evident.earning.models import Evidence, EvidenceFile
from evident.review.models import Assignment, Certification, QueueEntry, ReviewerPool, Score, VideoNote
from evident.review.permissions import active_certification, is_lead, led_pools, pools_for
from evident.review.selectors import pool_micro_credential_ids, queue_counts
from evident.review.statistics import (
    MicroCredentialFigures,
    ReviewerFigures,
    micro_credential_figures,
    reviewer_figures,
)

Role = Assignment.Role


@dataclass
class PoolCard:
    pool: ReviewerPool
    certification: Certification | None
    leads: bool
    waiting: dict[str, int]

    @property
    def roles_to_offer(self) -> list[tuple[str, str, int]]:
        """(role, label, waiting) the person may take from this pool."""
        roles = [Role.FIRST, Role.SECOND] + ([Role.ADJUDICATION, Role.BACK_READ] if self.leads else [])
        return [(r, Role(r).label, self.waiting.get(r, 0)) for r in roles]


@dataclass
class ReviewHome:
    assignments: list[Assignment]
    pools: list[PoolCard]
    figures: ReviewerFigures


def review_home(actor: User) -> ReviewHome:
    active = list(
        Assignment.objects.filter(reviewer=actor, status=Assignment.Status.ACTIVE)
        .select_related("submission__enrollment__version", "pool")
        .order_by("due_at")
    )
    cards = [
        PoolCard(
            pool=pool,
            certification=active_certification(actor, pool),
            leads=is_lead(actor, pool),
            waiting=queue_counts(pool),
        )
        for pool in pools_for(actor).select_related("micro_credential", "stack").distinct()
    ]
    return ReviewHome(assignments=active, pools=cards, figures=reviewer_figures(actor))


@dataclass
class VideoOnSheet:
    file: EvidenceFile
    label: str
    notes: list[VideoNote]


@dataclass
class RequirementOnSheet:
    requirement: Requirement
    levels: list[RubricLevel]
    evidence: Evidence
    files: list[tuple[EvidenceFile, str]]
    score: Score | None
    videos: list[VideoOnSheet] = field(default_factory=list)

    @property
    def chosen_level_id(self) -> int | None:
        return self.score.level_id if self.score else None


@dataclass
class ScoringSheet:
    assignment: Assignment
    requirements: list[RequirementOnSheet]
    videos: list[VideoOnSheet]
    is_active: bool
    due_at: datetime

    @property
    def is_overdue(self) -> bool:
        return self.is_active and self.due_at < timezone.now()

    @property
    def scored_count(self) -> int:
        return sum(1 for r in self.requirements if r.score and r.score.level_id)


_LABELS = {EvidenceFile.Kind.VIDEO: "Video", EvidenceFile.Kind.DOCUMENT: "Document", EvidenceFile.Kind.IMAGE: "Image"}


def scoring_sheet(assignment: Assignment) -> ScoringSheet:
    """The evidence beside the rubric, with the reviewer's own scores and notes.

    Files are labelled by kind and number ("Video 1"), never by their
    original names, which can carry a person's name. Earlier submissions,
    their scores and the other reviewer's scores are not part of it.
    """
    submission = assignment.submission
    scores = {s.requirement_id: s for s in assignment.scores.all()}
    notes: dict[int, list[VideoNote]] = {}
    for note in assignment.video_notes.all():
        notes.setdefault(note.evidence_file_id, []).append(note)
    evidence_list: QuerySet[Evidence] = (
        submission.evidence.select_related("requirement")
        .prefetch_related(
            Prefetch("files", queryset=EvidenceFile.objects.filter(purged_at__isnull=True).order_by("order")),
            Prefetch("requirement__levels", queryset=RubricLevel.objects.order_by("order")),
        )
        .order_by("requirement__order")
    )
    counters: dict[str, int] = {}
    requirements: list[RequirementOnSheet] = []
    videos: list[VideoOnSheet] = []
    for evidence in evidence_list:
        labelled: list[tuple[EvidenceFile, str]] = []
        on_sheet = RequirementOnSheet(
            requirement=evidence.requirement,
            levels=list(evidence.requirement.levels.all()),
            evidence=evidence,
            files=labelled,
            score=scores.get(evidence.requirement_id),
        )
        for file in evidence.files.all():
            counters[file.kind] = counters.get(file.kind, 0) + 1
            label = f"{_LABELS[EvidenceFile.Kind(file.kind)]} {counters[file.kind]}"
            labelled.append((file, label))
            if file.kind == EvidenceFile.Kind.VIDEO:
                video = VideoOnSheet(file=file, label=label, notes=notes.get(file.pk, []))
                on_sheet.videos.append(video)
                videos.append(video)
        requirements.append(on_sheet)
    return ScoringSheet(
        assignment=assignment,
        requirements=requirements,
        videos=videos,
        is_active=assignment.status == Assignment.Status.ACTIVE,
        due_at=assignment.due_at,
    )


@dataclass
class MemberRow:
    reviewer: User
    certification: Certification | None
    figures: ReviewerFigures


@dataclass
class PoolDashboard:
    pool: ReviewerPool
    waiting: dict[str, int]
    back_reads: list[str]
    members: list[MemberRow]
    figures: list[tuple[str, MicroCredentialFigures]]

    @property
    def flagged(self) -> list[MemberRow]:
        return [m for m in self.members if m.figures.agreement.flagged]


def lead_dashboard(actor: User) -> list[PoolDashboard]:
    """For each pool the actor leads: its queue, its reviewers' certification and agreement, its figures."""
    boards = []
    for pool in led_pools(actor).select_related("micro_credential", "stack").order_by("name"):
        ids = pool_micro_credential_ids(pool)
        members = [
            MemberRow(
                reviewer=m.reviewer,
                certification=active_certification(m.reviewer, pool),
                figures=reviewer_figures(m.reviewer),
            )
            for m in pool.members.select_related("reviewer").order_by("reviewer__full_name")
        ]
        back_reads = list(
            QueueEntry.objects.filter(
                micro_credential_id__in=ids, needs=Assignment.Role.BACK_READ, closed_at__isnull=True
            )
            .order_by("entered_at")
            .values_list("submission__code", flat=True)
        )
        titles = dict(MicroCredential.objects.filter(pk__in=ids).values_list("pk", "live_version__title"))
        boards.append(
            PoolDashboard(
                pool=pool,
                waiting=queue_counts(pool),
                back_reads=back_reads,
                members=members,
                figures=[(titles.get(i) or "", micro_credential_figures(i)) for i in ids],
            )
        )
    return boards
