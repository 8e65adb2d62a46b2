"""Every change to programs, cohorts and their members (the roster import is in ``roster.py``).

Each service checks that the actor manages the program's organization (its
own program admins; admins above it only look), validates, writes in one
transaction and appends an audit event. Deadlines reach the educators'
enrolments through the earning app's service; invitations go out by email
from a background task once the transaction commits.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from evident.accounts.audit import audit_record
from evident.accounts.models import Invitation, Organization, Role, User
from evident.accounts.permissions import Need, require
from evident.catalog.models import MicroCredential, Stack
from evident.earning.services.enrolment import enrollment_deadlines_set
from evident.programs.analytics.tasks import refresh_educators_task
from evident.programs.models import PROGRAM_ORGANIZATION_KINDS, Cohort, CohortMember, Program
from evident.programs.selectors import chunks, coach_candidates, program_deadlines, program_schools
from evident.programs.tasks import send_roster_invitations_task

# Invitation emails are sent in batches of this many per task.
INVITATION_BATCH = 200


def _require_manage(actor: User, program: Program) -> None:
    if not actor.is_authenticated:
        raise PermissionDenied("Sign in first.")
    require(actor, program.organization, Need.MANAGE_PROGRAMS)


def _money(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


# --- Programs -----------------------------------------------------------------------------


@transaction.atomic
def program_create(
    *,
    actor: User,
    organization: Organization,
    title: str,
    description: str = "",
    incentive_amount: Decimal | None = None,
    incentive_currency: str = "USD",
    incentive_note: str = "",
    micro_credentials: Sequence[MicroCredential] = (),
    stacks: Sequence[Stack] = (),
) -> Program:
    """Create a draft program of a district, state or school, offering published micro-credentials and stacks.

    Raises PermissionDenied unless the actor is a program admin of that very
    organization, ValidationError for a title already used there, a negative
    incentive or an unpublished offering.
    """
    require(actor, organization, Need.MANAGE_PROGRAMS)
    if organization.kind not in PROGRAM_ORGANIZATION_KINDS:
        raise ValidationError("Only states, districts and schools run programs.", code="not_program_organization")
    program = Program(
        organization=organization,
        title=title.strip(),
        description=description.strip(),
        incentive_amount=incentive_amount,
        incentive_currency=(incentive_currency or "USD").upper(),
        incentive_note=incentive_note.strip(),
        created_by=actor,
    )
    _check_title(program)
    program.full_clean()
    program.save()
    _set_offerings(program, micro_credentials, stacks)
    audit_record(
        actor=actor,
        organization=organization,
        action="program.created",
        target=program,
        data={
            "title": program.title,
            "incentive": _money(program.incentive_amount),
            "micro_credentials": len(micro_credentials),
            "stacks": len(stacks),
        },
    )
    return program


def _check_title(program: Program) -> None:
    clash = Program.objects.filter(organization=program.organization, title__iexact=program.title)
    if program.pk:
        clash = clash.exclude(pk=program.pk)
    if clash.exists():
        raise ValidationError(
            {"title": f"{program.organization.name} already has a program called “{program.title}”."},
            code="title_taken",
        )


def _set_offerings(program: Program, micro_credentials: Sequence[MicroCredential], stacks: Sequence[Stack]) -> None:
    unpublished = [mc for mc in micro_credentials if mc.live_version_id is None]
    if unpublished:
        raise ValidationError(
            {"micro_credentials": "Only published micro-credentials can be offered."}, code="not_published"
        )
    if any(not s.is_published for s in stacks):
        raise ValidationError({"stacks": "Only published stacks can be offered."}, code="not_published")
    program.micro_credentials.set(list(micro_credentials))
    program.stacks.set(list(stacks))


@transaction.atomic
def program_update(
    *,
    actor: User,
    program: Program,
    title: str,
    description: str,
    incentive_amount: Decimal | None,
    incentive_currency: str,
    incentive_note: str,
    micro_credentials: Sequence[MicroCredential],
    stacks: Sequence[Stack],
) -> Program:
    """Change a program's details, offerings and incentive. Members' deadlines follow the new offerings."""
    _require_manage(actor, program)
    program = Program.objects.select_for_update().select_related("organization").get(pk=program.pk)
    before = {
        "title": program.title,
        "incentive": _money(program.incentive_amount),
        "micro_credentials": sorted(str(u) for u in program.micro_credentials.values_list("uuid", flat=True)),
        "stacks": sorted(str(u) for u in program.stacks.values_list("uuid", flat=True)),
    }
    program.title = title.strip()
    program.description = description.strip()
    program.incentive_amount = incentive_amount
    program.incentive_currency = (incentive_currency or "USD").upper()
    program.incentive_note = incentive_note.strip()
    program.updated_at = timezone.now()
    _check_title(program)
    # created_by is emptied when its author's account is deleted (SET_NULL); the program stays editable.
    program.full_clean(exclude=["created_by"])
    program.save(
        update_fields=[
            "title",
            "description",
            "incentive_amount",
            "incentive_currency",
            "incentive_note",
            "updated_at",
        ]
    )
    _set_offerings(program, micro_credentials, stacks)
    after = {
        "title": program.title,
        "incentive": _money(program.incentive_amount),
        "micro_credentials": sorted(str(mc.uuid) for mc in micro_credentials),
        "stacks": sorted(str(s.uuid) for s in stacks),
    }
    changed = {k: {"from": before[k], "to": after[k]} for k in before if before[k] != after[k]}
    if changed.keys() & {"micro_credentials", "stacks"}:
        deadlines_sync(_educator_ids(program))
    audit_record(actor=actor, organization=program.organization, action="program.updated", target=program, data=changed)
    return program


@transaction.atomic
def program_activate(*, actor: User, program: Program) -> Program:
    """Open a draft (or closed) program to its educators: they see it and its deadlines reach their work.

    Raises ValidationError when it offers nothing or has no cohort yet.
    """
    _require_manage(actor, program)
    program = Program.objects.select_for_update().select_related("organization").get(pk=program.pk)
    if program.status == Program.Status.ACTIVE:
        return program
    if not program.micro_credentials.exists() and not program.stacks.exists():
        raise ValidationError("Offer at least one micro-credential or stack first.", code="nothing_offered")
    if not program.cohorts.exists():
        raise ValidationError("Add a cohort first: educators join a program through a cohort.", code="no_cohort")
    before = program.status
    program.status = Program.Status.ACTIVE
    program.updated_at = timezone.now()
    program.save(update_fields=["status", "updated_at"])
    deadlines_sync(_educator_ids(program))
    audit_record(
        actor=actor,
        organization=program.organization,
        action="program.activated",
        target=program,
        data={"from": before},
    )
    return program


@transaction.atomic
def program_close(*, actor: User, program: Program) -> Program:
    """Close an active program: educators no longer see it and its deadlines leave their work.

    Credentials earned and incentives owed stay countable.
    """
    _require_manage(actor, program)
    program = Program.objects.select_for_update().select_related("organization").get(pk=program.pk)
    if program.status != Program.Status.ACTIVE:
        raise ValidationError("Only an active program can be closed.", code="not_active")
    program.status = Program.Status.CLOSED
    program.updated_at = timezone.now()
    program.save(update_fields=["status", "updated_at"])
    deadlines_sync(_educator_ids(program))
    audit_record(actor=actor, organization=program.organization, action="program.closed", target=program)
    return program


# --- Cohorts ------------------------------------------------------------------------------


def check_cohort_dates(starts_on: date, ends_on: date, deadline: date) -> None:
    """The cohort's dates make sense: it ends on or after it starts, and its deadline falls within them.

    The deadline is the day members should have earned the program's
    credentials by; a deadline after the cohort has ended would leave no one
    to follow up with them, so it must fall between the first and last day.
    """
    errors: dict[str, str] = {}
    if ends_on < starts_on:
        errors["ends_on"] = "The cohort must end on or after the day it starts."
    elif not starts_on <= deadline <= ends_on:
        errors["deadline"] = (
            f"The deadline must fall within the cohort's dates, {starts_on:%b} {starts_on.day}, {starts_on.year} "
            f"to {ends_on:%b} {ends_on.day}, {ends_on.year}."
        )
    if errors:
        raise ValidationError(errors, code="dates")


def _check_coaches(program: Program, coaches: Iterable[User]) -> list[User]:
    chosen = list(coaches)
    allowed = set(coach_candidates(program).filter(pk__in=[c.pk for c in chosen]).values_list("pk", flat=True))
    strangers = [c for c in chosen if c.pk not in allowed]
    if strangers:
        names = ", ".join(c.display_name for c in strangers)
        raise ValidationError(
            {"coaches": f"{names} is not a coach in {program.organization.name} or its schools."}, code="not_a_coach"
        )
    return chosen


@transaction.atomic
def cohort_create(
    *,
    actor: User,
    program: Program,
    name: str,
    starts_on: date,
    ends_on: date,
    deadline: date,
    coaches: Sequence[User] = (),
) -> Cohort:
    """Add a cohort to a program. Coaches must hold the coach role in the program's organization or below."""
    _require_manage(actor, program)
    check_cohort_dates(starts_on, ends_on, deadline)
    cohort = Cohort(program=program, name=name.strip(), starts_on=starts_on, ends_on=ends_on, deadline=deadline)
    if Cohort.objects.filter(program=program, name__iexact=cohort.name).exists():
        raise ValidationError({"name": f"This program already has a cohort called “{cohort.name}”."}, code="taken")
    chosen = _check_coaches(program, coaches)
    cohort.full_clean()
    cohort.save()
    cohort.coaches.set(chosen)
    audit_record(
        actor=actor,
        organization=program.organization,
        action="cohort.created",
        target=cohort,
        data={"program": str(program.uuid), "name": cohort.name, "deadline": deadline.isoformat()},
    )
    return cohort


@transaction.atomic
def cohort_update(*, actor: User, cohort: Cohort, name: str, starts_on: date, ends_on: date, deadline: date) -> Cohort:
    """Change a cohort's name and dates; a new deadline reaches its members' open enrolments."""
    program = cohort.program
    _require_manage(actor, program)
    cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
    check_cohort_dates(starts_on, ends_on, deadline)
    name = name.strip()
    if Cohort.objects.filter(program=program, name__iexact=name).exclude(pk=cohort.pk).exists():
        raise ValidationError({"name": f"This program already has a cohort called “{name}”."}, code="taken")
    before = {
        "name": cohort.name,
        "starts_on": cohort.starts_on,
        "ends_on": cohort.ends_on,
        "deadline": cohort.deadline,
    }
    cohort.name, cohort.starts_on, cohort.ends_on, cohort.deadline = name, starts_on, ends_on, deadline
    cohort.full_clean()
    cohort.save(update_fields=["name", "starts_on", "ends_on", "deadline"])
    after = {"name": cohort.name, "starts_on": starts_on, "ends_on": ends_on, "deadline": deadline}
    changed = {k: {"from": str(before[k]), "to": str(after[k])} for k in before if before[k] != after[k]}
    if "deadline" in changed:
        deadlines_sync(
            CohortMember.objects.filter(cohort=cohort, educator__isnull=False).values_list("educator_id", flat=True)
        )
    audit_record(actor=actor, organization=program.organization, action="cohort.updated", target=cohort, data=changed)
    return cohort


@transaction.atomic
def cohort_set_coaches(*, actor: User, cohort: Cohort, coaches: Sequence[User]) -> Cohort:
    """Give the cohort exactly these coaches (people with the coach role in the program's organization or below)."""
    program = cohort.program
    _require_manage(actor, program)
    chosen = _check_coaches(program, coaches)
    before = sorted(str(u) for u in cohort.coaches.values_list("uuid", flat=True))
    cohort.coaches.set(chosen)
    after = sorted(str(c.uuid) for c in chosen)
    if before != after:
        audit_record(
            actor=actor,
            organization=program.organization,
            action="cohort.coaches_changed",
            target=cohort,
            data={"from": before, "to": after},
        )
    return cohort


# --- Members ------------------------------------------------------------------------------


def _educator_ids(program: Program) -> list[int]:
    return list(
        CohortMember.objects.filter(program=program, educator__isnull=False).values_list("educator_id", flat=True)
    )


def deadlines_sync(educator_ids: Iterable[int]) -> int:
    """Bring these educators' open enrolments in line with the deadlines their active programs set now.

    Call inside the changing service's transaction. Returns how many enrolments changed.
    """
    ids = set(educator_ids)
    if not ids:
        return 0
    # Their enrolments may count for another program or cohort now: the dashboards' facts follow.
    educators = sorted(ids)
    transaction.on_commit(lambda: refresh_educators_task.enqueue(educators))
    return enrollment_deadlines_set(educator_ids=ids, deadlines=program_deadlines(ids))


def invitations_create(*, actor: User, program: Program, members: Sequence[CohortMember]) -> list[Invitation]:
    """Invite rostered members who have no account to join their school (or the program's
    organization) as educators, and schedule the emails in batches once the transaction commits.

    Preconditions: the actor manages the program (checked by the caller's
    service). Sets ``invited_at`` on the members invited, in memory: the
    caller saves them (a big roster inserts them with it in one pass).
    Members whose address already has a pending invitation there are not
    invited twice.
    """
    wanted: dict[tuple[int, str], CohortMember] = {}
    for place in members:
        if place.educator_id is None:
            organization_id = place.school_id or program.organization_id
            wanted.setdefault((organization_id, place.email.lower()), place)
    if not wanted:
        return []
    emails = sorted({email for _, email in wanted})
    pending: set[tuple[int, str]] = set()
    for part in chunks(emails):
        pending |= {
            (organization_id, email.lower())
            for organization_id, email in Invitation.objects.filter(
                email__in=part,
                organization_id__in={o for o, _ in wanted},
                accepted_at__isnull=True,
                revoked_at__isnull=True,
            ).values_list("organization_id", "email")
        }
    now = timezone.now()
    expires_at = now + timedelta(days=settings.INVITATION_VALID_DAYS)
    invitations = [
        Invitation(
            organization_id=organization_id,
            email=email,
            roles=[Role.EDUCATOR.value],
            nonce=secrets.token_hex(16),
            invited_by=actor,
            created_at=now,
            expires_at=expires_at,
        )
        for (organization_id, email) in wanted
        if (organization_id, email) not in pending
    ]
    try:
        with transaction.atomic():
            Invitation.objects.bulk_create(invitations, batch_size=1000)
    except IntegrityError:
        raise ValidationError(
            "Someone invited some of these people at the same moment. Try again.", code="invited_meanwhile"
        ) from None
    for key, place in wanted.items():
        if key not in pending:
            place.invited_at = now
    uuids = [str(i.uuid) for i in invitations]
    for start in range(0, len(uuids), INVITATION_BATCH):
        batch = uuids[start : start + INVITATION_BATCH]
        transaction.on_commit(lambda batch=batch: send_roster_invitations_task.enqueue(batch))  # type: ignore[misc]
    return invitations


def _check_school(program: Program, school: Organization | None) -> Organization | None:
    if school is None:
        return program.organization if program.organization.kind == Organization.Kind.SCHOOL else None
    if school.pk not in {s.pk for s in program_schools(program)}:
        raise ValidationError({"school": f"{school.name} is not a school of {program.organization.name}."})
    return school


def _check_coach(program: Program, coach: User | None) -> User | None:
    if coach is not None and not coach_candidates(program).filter(pk=coach.pk).exists():
        raise ValidationError(
            {"coach": f"{coach.display_name} is not a coach in {program.organization.name} or its schools."},
            code="not_a_coach",
        )
    return coach


@transaction.atomic
def member_add(
    *,
    actor: User,
    cohort: Cohort,
    email: str,
    full_name: str,
    school: Organization | None = None,
    coach: User | None = None,
) -> CohortMember:
    """Put an educator on a cohort by email. An existing account is linked at once; anyone else is
    invited by email. Someone removed earlier comes back; someone already on another cohort of the
    program must be moved instead (ValidationError)."""
    program = cohort.program
    _require_manage(actor, program)
    email = email.strip().lower()
    school = _check_school(program, school)
    _check_coach(program, coach)
    place = CohortMember.objects.filter(program=program, email__iexact=email).first()
    if place is not None and place.removed_at is None:
        where = "this cohort" if place.cohort_id == cohort.pk else f"the cohort {place.cohort.name}"
        raise ValidationError({"email": f"{email} is already on {where}."}, code="already_member")
    account = User.objects.filter(email__iexact=email, is_active=True).first()
    if place is None:
        place = CohortMember(program=program, email=email)
    place.cohort = cohort
    place.full_name = full_name.strip()
    place.school = school
    place.coach = coach
    place.removed_at = None
    place.added_at = timezone.now()
    place.educator = account or place.educator
    place.full_clean(exclude=["program", "cohort", "educator", "school", "coach"])
    if place.educator_id is None and place.invited_at is None:
        invitations_create(actor=actor, program=program, members=[place])
    place.save()
    if place.educator_id is not None:
        deadlines_sync([place.educator_id])
    audit_record(
        actor=actor,
        organization=program.organization,
        action="cohort_member.added",
        target=place,
        data={"cohort": str(cohort.uuid), "email": email},
    )
    return place


@transaction.atomic
def member_update(
    *, actor: User, member: CohortMember, cohort: Cohort, school: Organization | None, coach: User | None
) -> CohortMember:
    """Move a member to another cohort of the same program, or change their school or coach."""
    program = member.program
    _require_manage(actor, program)
    if cohort.program_id != program.pk:
        raise ValidationError({"cohort": "Choose a cohort of the same program."}, code="other_program")
    if member.removed_at is not None:
        raise ValidationError("This person was taken off the roster. Add them again instead.", code="removed")
    school = _check_school(program, school)
    _check_coach(program, coach)
    before = {"cohort": member.cohort.name, "school": str(member.school or ""), "coach": str(member.coach or "")}
    member.cohort, member.school, member.coach = cohort, school, coach
    member.save(update_fields=["cohort", "school", "coach"])
    after = {"cohort": cohort.name, "school": str(school or ""), "coach": str(coach or "")}
    changed = {k: {"from": before[k], "to": after[k]} for k in before if before[k] != after[k]}
    if "cohort" in changed and member.educator_id:
        deadlines_sync([member.educator_id])
    audit_record(
        actor=actor, organization=program.organization, action="cohort_member.updated", target=member, data=changed
    )
    return member


@transaction.atomic
def member_remove(*, actor: User, member: CohortMember) -> CohortMember:
    """Take a member off the roster (kept, marked removed): the program's deadlines leave their work. Idempotent."""
    program = member.program
    _require_manage(actor, program)
    if member.removed_at is None:
        member.removed_at = timezone.now()
        member.save(update_fields=["removed_at"])
        if member.educator_id:
            deadlines_sync([member.educator_id])
        audit_record(
            actor=actor,
            organization=program.organization,
            action="cohort_member.removed",
            target=member,
            data={"email": member.email},
        )
    return member


def cohort_members_link(*, user: User) -> int:
    """Link the roster places rostered under the user's address to their account, and set their deadlines.

    Called by accounts when someone accepts an invitation or signs in with a
    verified address; the caller has proved the address is theirs. Returns
    how many places were linked.
    """
    with transaction.atomic():
        linked = CohortMember.objects.filter(email__iexact=user.email, educator__isnull=True).update(educator=user)
        if linked:
            deadlines_sync([user.pk])
            audit_record(
                actor=user, organization=None, action="cohort_member.linked", target=user, data={"places": linked}
            )
    return linked
