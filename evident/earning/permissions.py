"""Who may see or change what in earning.

Evidence shows classrooms, and so minors: it is private by default. An
enrolment and everything in it belongs to its educator. A coach sees a draft
only while the educator shares it with them. Reviewers will see the
submissions assigned to them (the review app adds that capacity). Everyone
else, other educators, the educator's own organization admins included,
gets 404: an outsider cannot even learn that an enrolment exists.
"""

from __future__ import annotations

import enum
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.http import Http404

from evident.accounts.models import Membership, Organization, Role, User
from evident.earning.models import CoachShare, Enrollment, EvidenceFile, Submission, Upload
from evident.review.permissions import reviewer_sees_submission


class Capacity(enum.StrEnum):
    """Why someone may see an enrolment's evidence; recorded with every view."""

    EDUCATOR = "educator"
    COACH = "coach"
    REVIEWER = "reviewer"


def _active(actor: User) -> bool:
    return bool(actor.is_authenticated and actor.is_active)


def shared_with(actor: User, enrollment: Enrollment) -> bool:
    return CoachShare.objects.filter(enrollment=enrollment, coach=actor, revoked_at__isnull=True).exists()


def reviewer_may_see(actor: User, submission: Submission) -> bool:
    """Whether the actor reviews this submission (the review app's rule: an assignment or calibration)."""
    return reviewer_sees_submission(actor, submission)


def access_enrollment(actor: User, enrollment_uuid: Any) -> Enrollment:
    """The actor's own enrolment, for working on it. Http404 for anyone else's."""
    if not _active(actor):
        raise Http404("No such enrolment.")
    try:
        return Enrollment.objects.select_related("version", "micro_credential__organization", "organization").get(
            uuid=enrollment_uuid, educator=actor
        )
    except (Enrollment.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such enrolment.") from None


def access_shared_enrollment(actor: User, enrollment_uuid: Any) -> Enrollment:
    """An enrolment the educator shares with the actor as a coach. Http404 otherwise."""
    if not _active(actor):
        raise Http404("No such enrolment.")
    try:
        return Enrollment.objects.select_related("version", "micro_credential__organization", "educator").get(
            uuid=enrollment_uuid, coach_shares__coach=actor, coach_shares__revoked_at__isnull=True
        )
    except (Enrollment.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such enrolment.") from None


def access_draft(actor: User, submission_uuid: Any) -> Submission:
    """The actor's own draft submission, to change it.

    Http404 for a submission that is not theirs; ValidationError (code
    ``not_draft``) for their own submission once it has been submitted.
    """
    if not _active(actor):
        raise Http404("No such submission.")
    try:
        submission = Submission.objects.select_related("enrollment__version").get(
            uuid=submission_uuid, enrollment__educator=actor
        )
    except (Submission.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such submission.") from None
    if not submission.is_draft:
        raise ValidationError("This submission has been sent for review and can no longer change.", code="not_draft")
    return submission


def access_evidence_file(actor: User, file_uuid: Any) -> tuple[EvidenceFile, Capacity]:
    """An evidence file the actor may see, and in which capacity.

    The educator who owns it; a coach while the enrolment is shared with
    them; a reviewer assigned to the submission. Http404 for everyone else
    and for files whose media were deleted after the retention period.
    """
    if not _active(actor):
        raise Http404("No such file.")
    try:
        file = EvidenceFile.objects.select_related("evidence__submission__enrollment").get(
            uuid=file_uuid, purged_at__isnull=True
        )
    except (EvidenceFile.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such file.") from None
    submission = file.evidence.submission
    enrollment = submission.enrollment
    if enrollment.educator_id == actor.pk:
        return file, Capacity.EDUCATOR
    if shared_with(actor, enrollment):
        return file, Capacity.COACH
    if reviewer_may_see(actor, submission):
        return file, Capacity.REVIEWER
    raise Http404("No such file.")


def coach_candidates(enrollment: Enrollment) -> QuerySet[User]:
    """Coaches the educator may share with: coaches of the enrolment's organization or those above it."""
    organization = enrollment.organization
    if organization is None:
        return User.objects.none()
    tree: list[Organization] = [organization, *organization.ancestors()]
    return (
        User.objects.filter(
            Q(memberships__organization__in=tree, memberships__role=Role.COACH),
            is_active=True,
            kind=User.Kind.PERSON,
        )
        .exclude(pk=enrollment.educator_id)
        .distinct()
        .order_by("full_name", "email")
    )


def educator_organizations(actor: User) -> QuerySet[Organization]:
    """Organizations where the actor is an educator: where their enrolments may belong."""
    ids = Membership.objects.filter(user=actor, role=Role.EDUCATOR).values("organization_id")
    return Organization.objects.filter(pk__in=ids)


def access_submission(actor: User, submission_uuid: Any) -> Submission:
    """One of the actor's own submissions, in any state. Http404 for anyone else's."""
    if not _active(actor):
        raise Http404("No such submission.")
    try:
        return Submission.objects.select_related("enrollment__version").get(
            uuid=submission_uuid, enrollment__educator=actor
        )
    except (Submission.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such submission.") from None


def access_own_evidence_file(actor: User, file_uuid: Any) -> EvidenceFile:
    """A file in one of the actor's own submissions, to remove it. Http404 otherwise."""
    if not _active(actor):
        raise Http404("No such file.")
    try:
        return EvidenceFile.objects.select_related("evidence__submission__enrollment", "evidence__requirement").get(
            uuid=file_uuid, evidence__submission__enrollment__educator=actor
        )
    except (EvidenceFile.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such file.") from None


def access_educator_organization(actor: User, organization_uuid: Any) -> Organization:
    """An organization where the actor is an educator, to enrol through. Http404 otherwise."""
    try:
        return educator_organizations(actor).get(uuid=organization_uuid)
    except (Organization.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such organization.") from None


def access_upload(actor: User, upload_uuid: Any) -> Upload | None:
    """The actor's own resumable upload, or None: another person's upload is treated as
    missing, so the tus endpoint answers 404 (not 403) and reveals nothing."""
    if upload_uuid is None or not _active(actor):
        return None
    return (
        Upload.objects.select_related("submission", "requirement", "owner", "evidence_file")
        .filter(uuid=upload_uuid, owner=actor)
        .first()
    )
