"""Earning: enrolments, submissions, evidence and submitting, for the educator.

Files arrive through the tus endpoint at /api/v1/uploads/ (see the README);
these endpoints list them, remove them, and read the rest of the draft.
"""

# No "from __future__ import annotations" here: django-ninja reads the endpoint
# signatures at import time, and the pagination wrapper would resolve string
# annotations in its own module, not this one.

from datetime import date, datetime
from uuid import UUID

from django.http import HttpRequest
from ninja import Router, Schema, Status
from ninja.pagination import PageNumberPagination, paginate

from evident.api.errors import ERRORS, WRITE_ERRORS
from evident.api.routers.me import actor
from evident.catalog.selectors import micro_credential_public
from evident.earning import services
from evident.earning.links import evidence_link
from evident.earning.models import Enrollment, EvidenceFile, Submission
from evident.earning.permissions import (
    access_draft,
    access_educator_organization,
    access_enrollment,
    access_own_evidence_file,
    access_submission,
)
from evident.earning.selectors import enrollment_list, workspace

router = Router(tags=["earning"])


class EnrollmentIn(Schema):
    micro_credential: UUID
    organization: UUID | None = None


class EnrollmentOut(Schema):
    uuid: UUID
    micro_credential: UUID
    version: UUID
    title: str
    status: str
    organization: UUID | None
    deadline: date | None
    started_at: datetime
    earned_at: datetime | None
    current_submission: UUID | None


class EvidenceFileOut(Schema):
    uuid: UUID
    name: str
    size: int
    sha256: str
    content_type: str
    kind: str
    duration_seconds: float | None
    processing: str
    url: str | None


class EvidenceOut(Schema):
    requirement: UUID
    title: str
    evidence_kind: str
    carried_over: bool
    text: str
    link: str
    files: list[EvidenceFileOut]
    feedback: str | None
    passed: bool | None


class SubmissionOut(Schema):
    uuid: UUID
    enrollment: UUID
    number: int
    code: str
    status: str
    submitted_at: datetime | None
    snapshot_sha256: str
    problems: list[str]
    evidence: list[EvidenceOut]


class EvidenceIn(Schema):
    text: str | None = None
    link: str | None = None


class SubmitIn(Schema):
    consent: bool
    coaching_note: str = ""


class TimelineEventOut(Schema):
    kind: str
    label: str
    note: str
    occurred_at: datetime


def enrollment_out(enrollment: Enrollment) -> EnrollmentOut:
    latest = enrollment.submissions.order_by("-number").first()
    return EnrollmentOut(
        uuid=enrollment.uuid,
        micro_credential=enrollment.micro_credential.uuid,
        version=enrollment.version.uuid,
        title=enrollment.version.title,
        status=enrollment.status,
        organization=enrollment.organization.uuid if enrollment.organization else None,
        deadline=enrollment.deadline,
        started_at=enrollment.started_at,
        earned_at=enrollment.earned_at,
        current_submission=latest.uuid if latest else None,
    )


def file_out(file: EvidenceFile, request: HttpRequest) -> EvidenceFileOut:
    return EvidenceFileOut(
        uuid=file.uuid,
        name=file.original_name,
        size=file.size,
        sha256=file.sha256,
        content_type=file.content_type,
        kind=file.kind,
        duration_seconds=file.duration_seconds,
        processing=file.processing,
        url=None if file.is_purged else request.build_absolute_uri(evidence_link(file, actor(request))),
    )


def submission_out(submission: Submission, request: HttpRequest) -> SubmissionOut:
    work = workspace(submission.enrollment, submission)
    return SubmissionOut(
        uuid=submission.uuid,
        enrollment=submission.enrollment.uuid,
        number=submission.number,
        code=submission.code,
        status=submission.status,
        submitted_at=submission.submitted_at,
        snapshot_sha256=submission.snapshot_sha256,
        problems=services.submission_problems(submission) if submission.is_draft else [],
        evidence=[
            EvidenceOut(
                requirement=item.requirement.uuid,
                title=item.requirement.title,
                evidence_kind=item.requirement.evidence_kind,
                carried_over=item.evidence.carried_over,
                text=item.evidence.text,
                link=item.evidence.link,
                files=[file_out(f, request) for f in item.files],
                feedback=item.feedback.feedback if item.feedback else None,
                passed=item.feedback.passed if item.feedback else None,
            )
            for item in work.requirements
        ],
    )


@router.get("/enrollments", response={200: list[EnrollmentOut], **ERRORS}, summary="Your enrolments")
@paginate(PageNumberPagination, page_size=50)
def enrollment_list_endpoint(request: HttpRequest) -> list[EnrollmentOut]:
    return [enrollment_out(e) for e in enrollment_list(actor(request))]


@router.post(
    "/enrollments", response={201: EnrollmentOut, **WRITE_ERRORS}, summary="Start a published micro-credential"
)
def enrollment_create(request: HttpRequest, payload: EnrollmentIn) -> Status[EnrollmentOut]:
    user = actor(request)
    version = micro_credential_public(payload.micro_credential)
    organization = None
    if payload.organization is not None:
        organization = access_educator_organization(user, payload.organization)
    enrollment = services.enrollment_start(actor=user, version=version, organization=organization)
    return Status(201, enrollment_out(enrollment))


@router.get("/enrollments/{uuid}", response={200: EnrollmentOut, **ERRORS}, summary="One of your enrolments")
def enrollment_get(request: HttpRequest, uuid: UUID) -> EnrollmentOut:
    return enrollment_out(access_enrollment(actor(request), uuid))


@router.get(
    "/enrollments/{uuid}/timeline",
    response={200: list[TimelineEventOut], **ERRORS},
    summary="Every state change of an enrolment",
)
def enrollment_timeline(request: HttpRequest, uuid: UUID) -> list[TimelineEventOut]:
    enrollment = access_enrollment(actor(request), uuid)
    return [
        TimelineEventOut(kind=e.kind, label=e.get_kind_display(), note=e.note, occurred_at=e.occurred_at)
        for e in enrollment.events.all()
    ]


@router.post(
    "/enrollments/{uuid}/withdraw", response={200: EnrollmentOut, **WRITE_ERRORS}, summary="Leave a micro-credential"
)
def enrollment_withdraw(request: HttpRequest, uuid: UUID) -> EnrollmentOut:
    user = actor(request)
    enrollment = services.enrollment_withdraw(actor=user, enrollment=access_enrollment(user, uuid))
    return enrollment_out(enrollment)


@router.get(
    "/submissions/{uuid}",
    response={200: SubmissionOut, **ERRORS},
    summary="A submission with its evidence (and, for a draft, what is missing)",
)
def submission_get(request: HttpRequest, uuid: UUID) -> SubmissionOut:
    return submission_out(access_submission(actor(request), uuid), request)


@router.put(
    "/submissions/{uuid}/evidence/{requirement_uuid}",
    response={200: SubmissionOut, **WRITE_ERRORS},
    summary="Save the written response or link of one requirement of a draft",
)
def evidence_put(request: HttpRequest, uuid: UUID, requirement_uuid: UUID, payload: EvidenceIn) -> SubmissionOut:
    user = actor(request)
    submission = access_draft(user, uuid)
    services.evidence_save(
        actor=user, submission=submission, requirement_uuid=requirement_uuid, text=payload.text, link=payload.link
    )
    return submission_out(submission, request)


@router.delete("/evidence-files/{uuid}", response={204: None, **WRITE_ERRORS}, summary="Remove a file from a draft")
def evidence_file_delete(request: HttpRequest, uuid: UUID) -> Status[None]:
    user = actor(request)
    services.evidence_file_remove(actor=user, file=access_own_evidence_file(user, uuid))
    return Status(204, None)


@router.post(
    "/submissions/{uuid}/submit",
    response={200: SubmissionOut, **WRITE_ERRORS},
    summary="Freeze the draft and send it for review",
)
def submission_submit(request: HttpRequest, uuid: UUID, payload: SubmitIn) -> SubmissionOut:
    user = actor(request)
    submission = services.submission_submit(
        actor=user,
        submission=access_draft(user, uuid),
        choices=services.SubmitChoices(consent=payload.consent, coaching_note=payload.coaching_note),
    )
    return submission_out(submission, request)


@router.post(
    "/submissions/{uuid}/withdraw",
    response={200: SubmissionOut, **WRITE_ERRORS},
    summary="Take a submission back before review starts",
)
def submission_withdraw(request: HttpRequest, uuid: UUID) -> SubmissionOut:
    user = actor(request)
    submission = services.submission_withdraw(actor=user, submission=access_submission(user, uuid))
    return submission_out(submission, request)
