"""Enrolling and leaving, sharing with a coach, the coach's comments, and the retention setting."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone

from evident.accounts.audit import audit_record
from evident.accounts.models import Organization, User
from evident.accounts.permissions import Need, require
from evident.catalog.models import MicroCredentialVersion, Requirement
from evident.earning.models import (
    CoachShare,
    DraftComment,
    Enrollment,
    EnrollmentEvent,
    RetentionPolicy,
    Submission,
)
from evident.earning.permissions import coach_candidates, educator_organizations, shared_with
from evident.earning.services.common import (
    Status,
    SubmissionStatus,
    _event,
    _new_draft,
)
from evident.programs.selectors import program_deadline_for


@transaction.atomic
def enrollment_start(
    *, actor: User, version: MicroCredentialVersion, organization: Organization | None = None
) -> Enrollment:
    """Start a published micro-credential on its live version, with a first draft.

    ``organization`` is where the educator enrols from (one where they are an
    educator); by default their only or first such organization, or none.
    Raises ValidationError when the version is not live, or when the educator
    already has an open enrolment or has earned it.
    """
    if not actor.is_authenticated or not actor.is_active:
        raise PermissionDenied("Sign in to start a micro-credential.")
    if not version.is_live:
        raise ValidationError("This micro-credential is not open for enrolment.", code="not_live")
    micro_credential = version.micro_credential
    existing = Enrollment.objects.filter(educator=actor, micro_credential=micro_credential).exclude(
        status=Status.WITHDRAWN
    )
    if existing.filter(status=Status.EARNED).exists():
        raise ValidationError("You have already earned this micro-credential.", code="already_earned")
    if existing.exists():
        raise ValidationError("You are already working on this micro-credential.", code="already_enrolled")
    allowed = educator_organizations(actor)
    if organization is None:
        organization = allowed.order_by("name").first()
    elif not allowed.filter(pk=organization.pk).exists():
        raise Http404("No such organization.")
    enrollment = Enrollment(
        educator=actor,
        organization=organization,
        micro_credential=micro_credential,
        version=version,
        deadline=program_deadline_for(actor, micro_credential),
    )
    enrollment.full_clean(exclude=["educator", "micro_credential", "version", "organization"])
    try:
        with transaction.atomic():
            enrollment.save()
    except IntegrityError:
        # Two tabs clicked "Start" at once: the constraint kept one enrolment.
        raise ValidationError("You are already working on this micro-credential.", code="already_enrolled") from None
    submission = _new_draft(enrollment, 1)
    _event(enrollment, EnrollmentEvent.Kind.STARTED, actor=actor, submission=submission, note=version.title)
    audit_record(
        actor=actor,
        organization=organization,
        action="enrollment.started",
        target=enrollment,
        data={"version": str(version.uuid)},
    )
    return enrollment


def enrollment_deadlines_set(*, educator_ids: Iterable[int], deadlines: dict[tuple[int, int], date]) -> int:
    """Set each open enrolment of these educators to the deadline programs give it now.

    ``deadlines`` maps (educator id, micro-credential id) to a date; an open
    enrolment missing from it has no program deadline any more. Programs call
    this inside their own transaction. Returns how many enrolments changed.
    """
    ids = sorted(set(educator_ids))
    changed: list[Enrollment] = []
    for start in range(0, len(ids), 5000):
        open_enrollments = Enrollment.objects.filter(educator_id__in=ids[start : start + 5000]).exclude(
            status__in=[Status.EARNED, Status.WITHDRAWN]
        )
        for enrollment in open_enrollments.only("pk", "educator_id", "micro_credential_id", "deadline"):
            wanted = deadlines.get((enrollment.educator_id, enrollment.micro_credential_id))
            if enrollment.deadline != wanted:
                enrollment.deadline = wanted
                changed.append(enrollment)
    Enrollment.objects.bulk_update(changed, ["deadline"], batch_size=1000)
    return len(changed)


@transaction.atomic
def enrollment_withdraw(*, actor: User, enrollment: Enrollment) -> Enrollment:
    """Leave a micro-credential. Not once review has started or it was earned."""
    enrollment = Enrollment.objects.select_for_update().get(pk=enrollment.pk)
    if enrollment.educator_id != actor.pk:
        raise Http404("No such enrolment.")
    if enrollment.status in {Status.UNDER_REVIEW, Status.EARNED, Status.WITHDRAWN}:
        raise ValidationError(
            f"You cannot leave a micro-credential that is {enrollment.get_status_display().lower()}.",
            code="cannot_withdraw",
        )
    enrollment.submissions.filter(status__in=[SubmissionStatus.DRAFT, SubmissionStatus.SUBMITTED]).update(
        status=SubmissionStatus.WITHDRAWN, updated_at=timezone.now()
    )
    enrollment.withdrawn_at = timezone.now()
    enrollment.status = Status.WITHDRAWN
    enrollment.updated_at = enrollment.withdrawn_at
    enrollment.save(update_fields=["status", "withdrawn_at", "updated_at"])
    CoachShare.objects.filter(enrollment=enrollment, revoked_at__isnull=True).update(revoked_at=timezone.now())
    _event(enrollment, EnrollmentEvent.Kind.WITHDRAWN, actor=actor)
    audit_record(actor=actor, organization=enrollment.organization, action="enrollment.withdrawn", target=enrollment)
    return enrollment


@transaction.atomic
def coach_share(*, actor: User, enrollment: Enrollment, coach: User) -> CoachShare:
    """Let a coach of the educator's organization read and comment on the draft."""
    if enrollment.educator_id != actor.pk:
        raise Http404("No such enrolment.")
    if not coach_candidates(enrollment).filter(pk=coach.pk).exists():
        raise ValidationError("Choose one of the coaches of your organization.", code="not_a_coach")
    share = CoachShare.objects.filter(enrollment=enrollment, coach=coach, revoked_at__isnull=True).first()
    if share is not None:
        return share
    share = CoachShare.objects.create(enrollment=enrollment, coach=coach)
    _event(enrollment, EnrollmentEvent.Kind.SHARED, actor=actor, note=coach.display_name)
    audit_record(
        actor=actor,
        organization=enrollment.organization,
        action="enrollment.shared_with_coach",
        target=enrollment,
        data={"coach": str(coach.uuid)},
    )
    return share


@transaction.atomic
def coach_unshare(*, actor: User, enrollment: Enrollment, coach: User) -> None:
    if enrollment.educator_id != actor.pk:
        raise Http404("No such enrolment.")
    changed = CoachShare.objects.filter(enrollment=enrollment, coach=coach, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    if changed:
        _event(enrollment, EnrollmentEvent.Kind.UNSHARED, actor=actor, note=coach.display_name)
        audit_record(
            actor=actor,
            organization=enrollment.organization,
            action="enrollment.unshared_with_coach",
            target=enrollment,
            data={"coach": str(coach.uuid)},
        )


@transaction.atomic
def draft_comment_add(
    *, actor: User, submission: Submission, body: str, requirement: Requirement | None = None
) -> DraftComment:
    """A coach comments on a draft shared with them."""
    enrollment = submission.enrollment
    if not shared_with(actor, enrollment):
        raise Http404("No such submission.")
    body = body.strip()
    if not body:
        raise ValidationError("Write a comment first.", code="empty")
    if len(body) > 5000:
        raise ValidationError("Keep comments under 5,000 characters.", code="too_long")
    if requirement is not None and requirement.version_id != enrollment.version_id:
        raise Http404("No such requirement.")
    comment = DraftComment.objects.create(submission=submission, requirement=requirement, author=actor, body=body)
    audit_record(actor=actor, organization=enrollment.organization, action="draft.commented", target=submission)
    return comment


@transaction.atomic
def retention_policy_set(*, actor: User, organization: Organization, days: int) -> RetentionPolicy:
    """Set how long evidence media are kept after the final decision. Organization admins only."""
    require(actor, organization, Need.MANAGE_ORGANIZATION)
    policy = RetentionPolicy.objects.filter(organization=organization).first() or RetentionPolicy(
        organization=organization, evidence_retention_days=days
    )
    policy.evidence_retention_days = days
    policy.updated_by = actor
    policy.updated_at = timezone.now()
    policy.full_clean(exclude=["organization"])
    policy.save()
    audit_record(actor=actor, organization=organization, action="retention.updated", target=policy, data={"days": days})
    return policy
