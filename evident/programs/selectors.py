"""Reads for programs pages, exports and other apps: program lists, figures, incentives,
coaches, an educator's programs and the deadlines programs set.

Callers have been through the ``access_*`` guards in :mod:`evident.programs.permissions`
(or, for the educator's own reads, pass the signed-in user).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any, TypeVar
from uuid import UUID

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from evident.accounts.models import Organization, Role, User
from evident.accounts.permissions import Need, can
from evident.catalog.models import MicroCredential, MicroCredentialVersion, Stack, StackItem
from evident.credentials.models import Award
from evident.earning.models import Enrollment
from evident.programs.models import PROGRAM_ORGANIZATION_KINDS, Cohort, CohortMember, Program
from evident.programs.permissions import descendant_ids, organizations_with, visible_organization_ids

T = TypeVar("T")

# Large rosters are read in slices so no query carries more parameters than SQLite allows.
CHUNK = 5000


def chunks(values: Sequence[T], size: int = CHUNK) -> Iterator[list[T]]:
    for start in range(0, len(values), size):
        yield list(values[start : start + size])


# --- Catalog offered -------------------------------------------------------------------


def offerable_micro_credentials() -> QuerySet[MicroCredentialVersion]:
    """Live versions of every issuer's published micro-credentials, by title: what a program may offer."""
    return (
        MicroCredentialVersion.objects.filter(is_live=True)
        .select_related("micro_credential__organization")
        .order_by("title", "id")
    )


def offerable_stacks() -> QuerySet[Stack]:
    return Stack.objects.filter(is_published=True).select_related("organization").order_by("title", "id")


def offerings_by_uuid(
    micro_credential_uuids: Sequence[Any], stack_uuids: Sequence[Any]
) -> tuple[list[MicroCredential], list[Stack]]:
    """The micro-credentials and stacks named by these ids, published or not: the services refuse what cannot be offered."""
    return (
        list(MicroCredential.objects.filter(uuid__in=micro_credential_uuids)),
        list(Stack.objects.filter(uuid__in=stack_uuids)),
    )


def organization_programs(organization: Organization) -> QuerySet[Program]:
    """The programs an organization runs itself, by title (not those of the organizations below it)."""
    return Program.objects.filter(organization=organization).order_by("title")


def offered_micro_credential_ids(program: Program) -> set[int]:
    """The micro-credentials a program offers, directly or through one of its stacks."""
    direct = set(program.micro_credentials.values_list("pk", flat=True))
    through = set(
        StackItem.objects.filter(stack__in=program.stacks.all()).values_list("micro_credential_id", flat=True)
    )
    return direct | through


# --- Programs for admins ---------------------------------------------------------------


@dataclass
class ProgramRow:
    program: Program
    can_manage: bool
    cohort_count: int
    member_count: int


@dataclass
class OrganizationPrograms:
    organization: Organization
    can_manage: bool
    programs: list[ProgramRow] = field(default_factory=list)


def program_list(actor: User) -> list[OrganizationPrograms]:
    """The programs the actor may see, grouped by organization: their own first (they manage
    those), then the ones below them (read-only). A fixed number of queries."""
    visible = visible_organization_ids(actor)
    if not visible:
        return []
    manageable = {o.pk for o in organizations_with(actor, Need.MANAGE_PROGRAMS)}
    programs = (
        Program.objects.filter(organization_id__in=visible)
        .select_related("organization")
        .annotate(
            cohort_count=Count("cohorts", distinct=True),
            member_count=Count("members", filter=Q(members__removed_at__isnull=True), distinct=True),
        )
        .order_by("organization__name", "title")
    )
    groups: dict[int, OrganizationPrograms] = {}
    for organization in Organization.objects.filter(pk__in=manageable).order_by("name"):
        groups[organization.pk] = OrganizationPrograms(organization=organization, can_manage=True)
    for program in programs:
        group = groups.setdefault(
            program.organization_id,
            OrganizationPrograms(organization=program.organization, can_manage=program.organization_id in manageable),
        )
        group.programs.append(
            ProgramRow(
                program=program,
                can_manage=group.can_manage,
                cohort_count=program.cohort_count,
                member_count=program.member_count,
            )
        )
    return sorted(groups.values(), key=lambda g: (not g.can_manage, g.organization.name))


def coached_cohort_list(coach: User) -> QuerySet[Cohort]:
    """Cohorts the user coaches, with their program, soonest deadline first."""
    return (
        Cohort.objects.filter(coaches=coach)
        .select_related("program__organization")
        .annotate(member_count=Count("members", filter=Q(members__removed_at__isnull=True)))
        .order_by("deadline", "name")
    )


def coach_candidates(program: Program) -> QuerySet[User]:
    """People with the coach role in the program's organization or anywhere below it."""
    return (
        User.objects.filter(
            memberships__role=Role.COACH,
            memberships__organization_id__in=descendant_ids(program.organization),
            is_active=True,
            kind=User.Kind.PERSON,
        )
        .distinct()
        .order_by("full_name", "email")
    )


def program_schools(program: Program) -> list[Organization]:
    """Where a program's educators work: its schools, or the school itself for a school's program."""
    if program.organization.kind == Organization.Kind.SCHOOL:
        return [program.organization]
    return list(
        Organization.objects.filter(
            pk__in=descendant_ids(program.organization), kind=Organization.Kind.SCHOOL
        ).order_by("name")
    )


def may_manage(actor: User, program: Program) -> bool:
    return can(actor, program.organization, Need.MANAGE_PROGRAMS)


# --- One program's figures ---------------------------------------------------------------


@dataclass
class IncentiveLine:
    member: CohortMember
    award: Award
    amount: Decimal


@dataclass
class CohortFigures:
    cohort: Cohort
    members: int = 0
    with_account: int = 0
    earned: int = 0
    owed: Decimal = Decimal("0")


@dataclass
class ProgramFigures:
    cohorts: list[CohortFigures]
    members: int
    earned: int
    owed: Decimal
    lines: list[IncentiveLine]


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def incentive_lines(program: Program, cohort: Cohort | None = None) -> list[IncentiveLine]:
    """Each credential earned in the program that its incentive pays for, oldest first.

    A line is a member's unrevoked credential for an offered micro-credential
    (directly or through an offered stack) or for an offered stack, issued on or
    after their cohort's start. Removed members' credentials do not count.
    """
    members = CohortMember.objects.filter(program=program, removed_at__isnull=True, educator__isnull=False)
    if cohort is not None:
        members = members.filter(cohort=cohort)
    by_educator = {m.educator_id: m for m in members.select_related("cohort", "school")}
    if not by_educator:
        return []
    micro_credential_ids = offered_micro_credential_ids(program)
    stack_ids = set(program.stacks.values_list("pk", flat=True))
    amount = program.incentive_amount or Decimal("0")
    lines: list[IncentiveLine] = []
    educator_ids = [pk for pk in by_educator if pk is not None]
    for part in chunks(educator_ids):
        awards = (
            Award.objects.filter(educator_id__in=part, revoked_at__isnull=True)
            .filter(
                Q(kind=Award.Kind.MICRO_CREDENTIAL, version__micro_credential_id__in=micro_credential_ids)
                | Q(kind=Award.Kind.STACK, stack_id__in=stack_ids)
            )
            .only("uuid", "educator_id", "title", "kind", "issued_at", "organization_id")
        )
        for award in awards:
            holder = by_educator[award.educator_id]
            if award.issued_at >= _start_of(holder.cohort.starts_on):
                lines.append(IncentiveLine(member=holder, award=award, amount=amount))
    lines.sort(key=lambda line: (line.award.issued_at, line.member.full_name))
    return lines


def program_figures(program: Program) -> ProgramFigures:
    """Members per cohort, credentials earned in the program and the incentive owed, for the finance office."""
    cohorts = list(
        program.cohorts.annotate(
            member_count=Count("members", filter=Q(members__removed_at__isnull=True)),
            account_count=Count("members", filter=Q(members__removed_at__isnull=True, members__educator__isnull=False)),
        ).prefetch_related("coaches")
    )
    figures = {
        c.pk: CohortFigures(
            cohort=c,
            members=c.member_count,
            with_account=c.account_count,
        )
        for c in cohorts
    }
    lines = incentive_lines(program)
    for line in lines:
        entry = figures[line.member.cohort_id]
        entry.earned += 1
        entry.owed += line.amount
    return ProgramFigures(
        cohorts=list(figures.values()),
        members=sum(f.members for f in figures.values()),
        earned=len(lines),
        owed=sum((line.amount for line in lines), Decimal("0")),
        lines=lines,
    )


def cohort_member_list(cohort: Cohort) -> QuerySet[CohortMember]:
    """The cohort's current members, by name."""
    return (
        CohortMember.objects.filter(cohort=cohort, removed_at__isnull=True)
        .select_related("school", "coach", "educator")
        .order_by("full_name", "email")
    )


def cohort_member_get(program: Program, member_uuid: UUID | str) -> CohortMember | None:
    return CohortMember.objects.filter(program=program, uuid=member_uuid).select_related("cohort", "school").first()


# --- Deadlines, for the earning app ------------------------------------------------------


def program_deadlines(educator_ids: Iterable[int]) -> dict[tuple[int, int], date]:
    """The deadline each educator has for each micro-credential, from the active programs they are on.

    Keyed by (educator id, micro-credential id); when two programs offer the
    same micro-credential the earlier deadline holds.
    """
    ids = sorted(set(educator_ids))
    if not ids:
        return {}
    places: list[tuple[int, int, date]] = []
    for part in chunks(ids):
        places += list(
            CohortMember.objects.filter(
                educator_id__in=part, removed_at__isnull=True, program__status=Program.Status.ACTIVE
            ).values_list("educator_id", "program_id", "cohort__deadline")
        )
    program_ids = {p for _, p, _ in places}
    offered: dict[int, set[int]] = defaultdict(set)
    for program_id, mc_id in Program.micro_credentials.through.objects.filter(program_id__in=program_ids).values_list(
        "program_id", "microcredential_id"
    ):
        offered[program_id].add(mc_id)
    for program_id, mc_id in StackItem.objects.filter(stack__programs__in=program_ids).values_list(
        "stack__programs", "micro_credential_id"
    ):
        offered[program_id].add(mc_id)
    deadlines: dict[tuple[int, int], date] = {}
    for educator_id, program_id, deadline in places:
        for mc_id in offered[program_id]:
            key = (educator_id, mc_id)
            if key not in deadlines or deadline < deadlines[key]:
                deadlines[key] = deadline
    return deadlines


def program_deadline_for(educator: User, micro_credential: MicroCredential) -> date | None:
    """The deadline programs set for this educator on this micro-credential, or None."""
    if not educator.is_authenticated:
        return None
    return program_deadlines([educator.pk]).get((educator.pk, micro_credential.pk))


def deadline_words(deadline: date, today: date | None = None) -> str:
    """How far away a deadline is, in words: "12 days left", "Tomorrow", "Passed 3 days ago"."""
    days = (deadline - (today or timezone.localdate())).days
    if days > 1:
        return f"{days} days left"
    if days == 1:
        return "Tomorrow"
    if days == 0:
        return "Today"
    return f"Passed {-days} day{'s' if days < -1 else ''} ago"


# --- The educator's own programs ----------------------------------------------------------

OFFERING_STATES = {
    "not_started": "Not started",
    "working": "Working on it",
    "submitted": "Submitted",
    "earned": "Earned",
}
_ENROLLMENT_STATE: dict[str, str] = {
    Enrollment.Status.WORKING: "working",
    Enrollment.Status.NEEDS_REVISION: "working",
    Enrollment.Status.SUBMITTED: "submitted",
    Enrollment.Status.UNDER_REVIEW: "submitted",
    Enrollment.Status.EARNED: "earned",
}


@dataclass
class Offering:
    title: str
    kind: str  # "micro_credential" or "stack"
    state: str
    url: str  # the catalog page (to start) or the educator's own work
    issuer: str
    pd_hours: Decimal | None = None
    parts: list[Offering] = field(default_factory=list)

    @property
    def state_label(self) -> str:
        return OFFERING_STATES[self.state]


@dataclass
class MyProgram:
    program: Program
    member: CohortMember
    cohort: Cohort
    coach: User | None
    cohort_coaches: list[User]
    offerings: list[Offering]
    earned_count: int
    incentive_earned: Decimal

    @property
    def days_left(self) -> int:
        return (self.cohort.deadline - timezone.localdate()).days

    @property
    def deadline_text(self) -> str:
        return deadline_words(self.cohort.deadline)


def my_program_list(educator: User) -> list[MyProgram]:
    """The active programs the educator is on, with their cohort, coach, deadline, incentive,
    and their own state in each micro-credential and stack offered. A fixed number of queries."""
    members = list(
        CohortMember.objects.filter(educator=educator, removed_at__isnull=True, program__status=Program.Status.ACTIVE)
        .select_related("program__organization", "cohort", "coach")
        .prefetch_related("cohort__coaches")
        .order_by("cohort__deadline", "program__title")
    )
    if not members:
        return []
    programs = [m.program for m in members]
    direct: dict[int, list[MicroCredential]] = defaultdict(list)
    for through in Program.micro_credentials.through.objects.filter(program__in=programs).select_related(
        "microcredential__live_version", "microcredential__organization"
    ):
        direct[through.program_id].append(through.microcredential)
    stacks: dict[int, list[Stack]] = defaultdict(list)
    for offered_stack in Program.stacks.through.objects.filter(program__in=programs).select_related(
        "stack__organization"
    ):
        stacks[offered_stack.program_id].append(offered_stack.stack)
    stack_items: dict[int, list[MicroCredential]] = defaultdict(list)
    for item in (
        StackItem.objects.filter(stack__in=[s for group in stacks.values() for s in group])
        .select_related("micro_credential__live_version", "micro_credential__organization")
        .order_by("order")
    ):
        stack_items[item.stack_id].append(item.micro_credential)
    enrollments = {
        e.micro_credential_id: e
        for e in Enrollment.objects.filter(educator=educator).exclude(status=Enrollment.Status.WITHDRAWN)
    }
    awards = list(Award.objects.filter(educator=educator, revoked_at__isnull=True).select_related("version"))
    stack_awards = {a.stack_id for a in awards if a.kind == Award.Kind.STACK}

    def offering_for(mc: MicroCredential) -> Offering:
        enrollment = enrollments.get(mc.pk)
        state = _ENROLLMENT_STATE.get(enrollment.status, "not_started") if enrollment else "not_started"
        version = mc.live_version
        return Offering(
            title=version.title if version else (enrollment.version.title if enrollment else mc.slug),
            kind="micro_credential",
            state=state,
            url=enrollment.get_absolute_url() if enrollment else mc.get_absolute_url(),
            issuer=mc.organization.name,
            pd_hours=version.pd_hours if version else None,
        )

    result = []
    for place in members:
        program = place.program
        offerings = [offering_for(mc) for mc in sorted(direct[program.pk], key=lambda m: offering_for(m).title)]
        for stack in stacks[program.pk]:
            parts = [offering_for(mc) for mc in stack_items[stack.pk]]
            if stack.pk in stack_awards:
                state = "earned"
            elif any(p.state != "not_started" for p in parts):
                state = "working"
            else:
                state = "not_started"
            offerings.append(
                Offering(
                    title=stack.title,
                    kind="stack",
                    state=state,
                    url=stack.get_absolute_url(),
                    issuer=stack.organization.name,
                    parts=parts,
                )
            )
        lines = [
            a
            for a in awards
            if a.issued_at >= _start_of(place.cohort.starts_on)
            and (
                (a.kind == Award.Kind.STACK and a.stack_id in {s.pk for s in stacks[program.pk]})
                or (
                    a.kind == Award.Kind.MICRO_CREDENTIAL
                    and a.version is not None
                    and a.version.micro_credential_id
                    in {m.pk for m in direct[program.pk]}
                    | {m.pk for s in stacks[program.pk] for m in stack_items[s.pk]}
                )
            )
        ]
        result.append(
            MyProgram(
                program=program,
                member=place,
                cohort=place.cohort,
                coach=place.coach,
                cohort_coaches=list(place.cohort.coaches.all()),
                offerings=offerings,
                earned_count=len(lines),
                incentive_earned=(program.incentive_amount or Decimal("0")) * len(lines),
            )
        )
    return result


def program_organization_choices(actor: User) -> list[Organization]:
    """Organizations where the actor may create programs."""
    return [o for o in organizations_with(actor, Need.MANAGE_PROGRAMS) if o.kind in PROGRAM_ORGANIZATION_KINDS]
