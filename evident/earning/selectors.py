"""Reads for the earning pages and the API: an educator's enrolments, the work
page of one, what a coach sees. Callers have already been through the
``access_*`` guards in :mod:`evident.earning.permissions`."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import Prefetch, QuerySet

from evident.accounts.models import Organization, User
from evident.catalog.models import Requirement, RubricLevel
from evident.earning.models import (
    CoachShare,
    DraftComment,
    Enrollment,
    EnrollmentEvent,
    Evidence,
    EvidenceAccess,
    EvidenceFile,
    RequirementFeedback,
    RetentionPolicy,
    Submission,
)
from evident.lib.text import word_count

Status = Enrollment.Status

# What an educator should do next, by the state of their enrolment.
NEXT_STEP = {
    Status.WORKING: "Add your evidence for each requirement, then submit it for review.",
    Status.SUBMITTED: "Your evidence is waiting for a reviewer. You can still withdraw it to make changes.",
    Status.UNDER_REVIEW: "A trained reviewer is scoring your evidence. You will hear from us when they finish.",
    Status.NEEDS_REVISION: "Read the feedback, revise the requirements that are not yet met, and submit again.",
    Status.EARNED: "Congratulations: this micro-credential is yours.",
    Status.WITHDRAWN: "You left this micro-credential. You can start it again from the catalog.",
}

GROUP_ORDER = [
    Status.NEEDS_REVISION,
    Status.WORKING,
    Status.SUBMITTED,
    Status.UNDER_REVIEW,
    Status.EARNED,
    Status.WITHDRAWN,
]


@dataclass
class EnrollmentGroup:
    status: str
    label: str
    enrollments: list[Enrollment]


def enrollment_list(educator: User) -> QuerySet[Enrollment]:
    return (
        Enrollment.objects.filter(educator=educator)
        .select_related("version", "micro_credential__organization", "organization")
        .order_by("-updated_at")
    )


def enrollment_groups(educator: User) -> list[EnrollmentGroup]:
    """The educator's enrolments grouped by state, the ones needing action first."""
    by_status: dict[str, list[Enrollment]] = defaultdict(list)
    for enrollment in enrollment_list(educator):
        by_status[enrollment.status].append(enrollment)
    return [
        EnrollmentGroup(status=s, label=Status(s).label, enrollments=by_status[s]) for s in GROUP_ORDER if by_status[s]
    ]


def enrollment_for_version(educator: User, micro_credential_id: int) -> Enrollment | None:
    """The educator's open or earned enrolment in a micro-credential, if any."""
    return (
        Enrollment.objects.filter(educator=educator, micro_credential_id=micro_credential_id)
        .exclude(status=Status.WITHDRAWN)
        .first()
    )


@dataclass
class RequirementWork:
    """One requirement on the work page: what is asked, what is given, what was said."""

    requirement: Requirement
    evidence: Evidence
    files: list[EvidenceFile]
    levels: list[RubricLevel]
    feedback: RequirementFeedback | None = None
    comments: list[DraftComment] = field(default_factory=list)

    @property
    def words(self) -> int:
        return word_count(self.evidence.text)

    @property
    def accepts_files(self) -> bool:
        return self.requirement.evidence_kind in {"video", "document", "image"}

    @property
    def accept_attribute(self) -> str:
        return ",".join(f".{t}" for t in self.requirement.file_types)

    @property
    def is_complete(self) -> bool:
        if self.evidence.carried_over:
            return True
        if self.accepts_files:
            return bool(self.files)
        if self.requirement.evidence_kind == "link":
            return bool(self.evidence.link)
        words, low, high = self.words, self.requirement.min_words, self.requirement.max_words
        return bool(words) and not (low and words < low) and not (high and words > high)


@dataclass
class Workspace:
    enrollment: Enrollment
    submission: Submission
    requirements: list[RequirementWork]
    previous: Submission | None
    events: list[EnrollmentEvent]
    shares: list[CoachShare]

    @property
    def complete_count(self) -> int:
        return sum(1 for r in self.requirements if r.is_complete)

    @property
    def next_step(self) -> str:
        return NEXT_STEP[Status(self.enrollment.status)]


def current_submission(enrollment: Enrollment) -> Submission:
    """The draft if there is one, else the latest submission."""
    submissions = list(enrollment.submissions.order_by("-number"))
    for submission in submissions:
        if submission.is_draft:
            return submission
    return submissions[0]


def workspace(enrollment: Enrollment, submission: Submission | None = None) -> Workspace:
    """Everything the work page shows, in a fixed number of queries."""
    submission = submission or current_submission(enrollment)
    previous = (
        enrollment.submissions.filter(number__lt=submission.number, decided_at__isnull=False)
        .order_by("-number")
        .first()
    )
    feedback: dict[int, RequirementFeedback] = {}
    if previous is not None:
        feedback = {f.requirement_id: f for f in previous.feedback.all()}
    if submission.decided_at is not None:
        feedback = {f.requirement_id: f for f in submission.feedback.all()}
    comments: dict[int | None, list[DraftComment]] = defaultdict(list)
    for comment in submission.comments.select_related("author"):
        comments[comment.requirement_id].append(comment)
    evidence_list = (
        submission.evidence.select_related("requirement")
        .prefetch_related(
            Prefetch("files", queryset=EvidenceFile.objects.order_by("order", "created_at")),
            Prefetch("requirement__levels", queryset=RubricLevel.objects.order_by("order")),
        )
        .order_by("requirement__order")
    )
    requirements = [
        RequirementWork(
            requirement=e.requirement,
            evidence=e,
            files=list(e.files.all()),
            levels=list(e.requirement.levels.all()),
            feedback=feedback.get(e.requirement_id),
            comments=comments.get(e.requirement_id, []),
        )
        for e in evidence_list
    ]
    return Workspace(
        enrollment=enrollment,
        submission=submission,
        requirements=requirements,
        previous=previous,
        events=list(enrollment.events.select_related("submission")),
        shares=list(enrollment.coach_shares.filter(revoked_at__isnull=True).select_related("coach")),
    )


def requirement_work(submission: Submission, requirement_uuid: Any) -> RequirementWork | None:
    for item in workspace(submission.enrollment, submission).requirements:
        if str(item.requirement.uuid) == str(requirement_uuid):
            return item
    return None


def general_comments(submission: Submission) -> list[DraftComment]:
    return list(submission.comments.filter(requirement__isnull=True).select_related("author"))


def shared_enrollment_list(coach: User) -> QuerySet[Enrollment]:
    """Enrolments whose educators share their drafts with this coach."""
    return (
        Enrollment.objects.filter(coach_shares__coach=coach, coach_shares__revoked_at__isnull=True)
        .select_related("educator", "version", "micro_credential__organization")
        .distinct()
        .order_by("-updated_at")
    )


def retention_days(organization: Organization | None) -> int:
    """The organization's evidence retention period in days, or the platform default."""
    if organization is not None:
        policy = RetentionPolicy.objects.filter(organization=organization).first()
        if policy is not None:
            return policy.evidence_retention_days
    return int(settings.EARNING_DEFAULT_RETENTION_DAYS)


def evidence_views_by_others(enrollment: Enrollment, limit: int = 20) -> list[EvidenceAccess]:
    """The latest views of this enrolment's evidence by anyone but the educator, newest first."""
    return list(
        EvidenceAccess.objects.filter(evidence_file__evidence__submission__enrollment=enrollment)
        .exclude(viewer=enrollment.educator)
        .select_related("viewer", "evidence_file")
        .order_by("-occurred_at")[:limit]
    )
