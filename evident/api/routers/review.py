"""Review: pools and their queues, assignments, scores, decisions and agreement figures.

Blind like the pages: a submission is its code; nothing names the educator.
"""

# No "from __future__ import annotations" here: django-ninja reads the endpoint
# signatures at import time, and the pagination wrapper would resolve string
# annotations in its own module, not this one.

from datetime import datetime
from uuid import UUID

from django.http import HttpRequest
from ninja import Router, Schema, Status

from evident.api.errors import ERRORS, WRITE_ERRORS
from evident.api.routers.me import actor
from evident.earning.links import evidence_link
from evident.review import queue, scoring
from evident.review.models import Assignment, Decision
from evident.review.permissions import access_assignment, access_pool, active_certification, pools_for
from evident.review.selectors import pool_decision_list, queue_counts, reviewer_assignments
from evident.review.selectors_scoring import lead_dashboard, scoring_sheet
from evident.review.statistics import Agreement, ReviewerFigures, reviewer_figures

router = Router(tags=["review"])


class PoolOut(Schema):
    uuid: UUID
    name: str
    certified_until: datetime | None
    waiting: dict[str, int]


class ClaimIn(Schema):
    role: str = Assignment.Role.FIRST


class AssignmentOut(Schema):
    uuid: UUID
    submission: str
    micro_credential: str
    role: str
    status: str
    due_at: datetime
    completed_at: datetime | None


class LevelOut(Schema):
    id: int
    name: str
    score: int
    passes: bool


class FileOut(Schema):
    uuid: UUID
    label: str
    kind: str
    duration_seconds: float | None
    url: str


class RequirementOut(Schema):
    uuid: UUID
    title: str
    evidence_kind: str
    text: str
    link: str
    files: list[FileOut]
    levels: list[LevelOut]
    level: int | None
    feedback: str


class SheetOut(Schema):
    assignment: AssignmentOut
    requirements: list[RequirementOut]
    problems: list[str]


class ScoreIn(Schema):
    level: int | None = None
    feedback: str | None = None


class CompleteOut(Schema):
    assignment: AssignmentOut
    decision: str | None
    basis: str | None


class AgreementOut(Schema):
    pairs: int
    exact: float | None
    adjacent: float | None
    weighted_kappa: float | None
    alpha: float | None
    flagged: bool


class FiguresOut(Schema):
    reviewer: UUID
    name: str
    completed: int
    pass_rate: float | None
    median_turnaround_hours: float | None
    agreement: AgreementOut


def assignment_out(assignment: Assignment) -> AssignmentOut:
    return AssignmentOut(
        uuid=assignment.uuid,
        submission=assignment.submission.code,
        micro_credential=assignment.submission.enrollment.version.title,
        role=assignment.role,
        status=assignment.status,
        due_at=assignment.due_at,
        completed_at=assignment.completed_at,
    )


def agreement_out(agreement: Agreement) -> AgreementOut:
    return AgreementOut(
        pairs=agreement.pairs,
        exact=agreement.exact,
        adjacent=agreement.adjacent,
        weighted_kappa=agreement.kappa,
        alpha=agreement.alpha,
        flagged=agreement.flagged,
    )


def figures_out(figures: ReviewerFigures) -> FiguresOut:
    return FiguresOut(
        reviewer=figures.reviewer.uuid,
        name=figures.reviewer.display_name,
        completed=figures.completed,
        pass_rate=figures.pass_rate,
        median_turnaround_hours=figures.median_turnaround_hours,
        agreement=agreement_out(figures.agreement),
    )


@router.get("/review/pools", response={200: list[PoolOut], **ERRORS}, summary="Your reviewer pools and their queues")
def pool_list(request: HttpRequest) -> list[PoolOut]:
    user = actor(request)
    out = []
    for pool in pools_for(user).distinct():
        certification = active_certification(user, pool)
        out.append(
            PoolOut(
                uuid=pool.uuid,
                name=pool.name,
                certified_until=certification.expires_at if certification else None,
                waiting=queue_counts(pool),
            )
        )
    return out


@router.post(
    "/review/pools/{uuid}/claim",
    response={201: AssignmentOut, 204: None, **WRITE_ERRORS},
    summary="Take the next submission waiting for a role (204 when none waits)",
)
def pool_claim(request: HttpRequest, uuid: UUID, payload: ClaimIn) -> Status[AssignmentOut] | Status[None]:
    user = actor(request)
    assignment = queue.assignment_claim(actor=user, pool=access_pool(user, uuid), role=payload.role)
    if assignment is None:
        return Status(204, None)
    return Status(201, assignment_out(assignment))


@router.get("/review/assignments", response={200: list[AssignmentOut], **ERRORS}, summary="Your assignments")
def assignment_list(request: HttpRequest) -> list[AssignmentOut]:
    return [
        assignment_out(a)
        for a in reviewer_assignments(actor(request)).select_related("submission__enrollment__version")[:200]
    ]


def sheet_out(request: HttpRequest, assignment: Assignment) -> SheetOut:
    user = actor(request)
    sheet = scoring_sheet(assignment)
    return SheetOut(
        assignment=assignment_out(assignment),
        requirements=[
            RequirementOut(
                uuid=item.requirement.uuid,
                title=item.requirement.title,
                evidence_kind=item.requirement.evidence_kind,
                text=item.evidence.text,
                link=item.evidence.link,
                files=[
                    FileOut(
                        uuid=file.uuid,
                        label=label,
                        kind=file.kind,
                        duration_seconds=file.duration_seconds,
                        url=request.build_absolute_uri(evidence_link(file, user)),
                    )
                    for file, label in item.files
                ],
                levels=[
                    LevelOut(
                        id=level.pk,
                        name=level.name,
                        score=level.score,
                        passes=level.score >= item.requirement.passing_score,
                    )
                    for level in item.levels
                ],
                level=item.chosen_level_id,
                feedback=item.score.feedback if item.score else "",
            )
            for item in sheet.requirements
        ],
        problems=scoring.assignment_problems(assignment) if sheet.is_active else [],
    )


@router.get(
    "/review/assignments/{uuid}",
    response={200: SheetOut, **ERRORS},
    summary="An assignment's evidence, rubric and your scores (blind: no educator identity)",
)
def assignment_get(request: HttpRequest, uuid: UUID) -> SheetOut:
    return sheet_out(request, access_assignment(actor(request), uuid))


@router.put(
    "/review/assignments/{uuid}/scores/{requirement_uuid}",
    response={200: SheetOut, **WRITE_ERRORS},
    summary="Set a requirement's level and feedback",
)
def score_put(request: HttpRequest, uuid: UUID, requirement_uuid: UUID, payload: ScoreIn) -> SheetOut:
    user = actor(request)
    assignment = access_assignment(user, uuid, active_only=True)
    scoring.score_save(
        actor=user,
        assignment=assignment,
        requirement_uuid=requirement_uuid,
        level_id=payload.level,
        feedback=payload.feedback,
    )
    return sheet_out(request, assignment)


@router.post(
    "/review/assignments/{uuid}/complete",
    response={200: CompleteOut, **WRITE_ERRORS},
    summary="Submit your scores; the decision follows when there is one",
)
def assignment_complete(request: HttpRequest, uuid: UUID) -> CompleteOut:
    user = actor(request)
    assignment = access_assignment(user, uuid, active_only=True)
    decision: Decision | None = scoring.assignment_complete(actor=user, assignment=assignment)
    assignment.refresh_from_db()
    return CompleteOut(
        assignment=assignment_out(assignment),
        decision=decision.outcome if decision else None,
        basis=decision.basis if decision else None,
    )


@router.get("/review/statistics/me", response={200: FiguresOut, **ERRORS}, summary="Your work and agreement figures")
def statistics_me(request: HttpRequest) -> FiguresOut:
    return figures_out(reviewer_figures(actor(request)))


@router.get(
    "/review/statistics/pools",
    response={200: dict[str, list[FiguresOut]], **ERRORS},
    summary="For lead reviewers: every reviewer's figures, per pool you lead",
)
def statistics_pools(request: HttpRequest) -> dict[str, list[FiguresOut]]:
    return {
        str(board.pool.uuid): [figures_out(row.figures) for row in board.members]
        for board in lead_dashboard(actor(request))
    }


class DecisionOut(Schema):
    submission: str
    micro_credential: str
    outcome: str
    basis: str
    reason: str
    decided_at: datetime


@router.get(
    "/review/pools/{uuid}/decisions",
    response={200: list[DecisionOut], **ERRORS},
    summary="For lead reviewers: the latest decisions on the pool's micro-credentials",
)
def pool_decisions(request: HttpRequest, uuid: UUID) -> list[DecisionOut]:
    pool = access_pool(actor(request), uuid, lead=True)
    return [
        DecisionOut(
            submission=d.submission.code,
            micro_credential=d.submission.enrollment.version.title,
            outcome=d.outcome,
            basis=d.basis,
            reason=d.reason,
            decided_at=d.decided_at,
        )
        for d in pool_decision_list(pool)[:200]
    ]
