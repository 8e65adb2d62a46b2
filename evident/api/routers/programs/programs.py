"""Programs and their cohorts: create, read, change; a cohort's roster."""

# No "from __future__ import annotations" here: django-ninja reads the endpoint
# signatures at import time, and the pagination wrapper would resolve string
# annotations in its own module, not this one.

from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpRequest
from ninja import Router, Status
from ninja.pagination import PageNumberPagination, paginate

from evident.accounts.permissions import Need
from evident.api.errors import ERRORS, WRITE_ERRORS
from evident.api.routers.me import actor
from evident.api.routers.programs.convert import (
    MappedPage,
    coaches_for,
    cohort_out,
    credit_rule_for,
    incentive_out,
    member_out,
    no_incentive,
    offerings_for,
    program_out,
)
from evident.api.routers.programs.schemas import (
    CohortIn,
    CohortMemberOut,
    CohortOut,
    CohortPatchIn,
    ProgramIn,
    ProgramOut,
    ProgramPatchIn,
    ProgramSummaryOut,
)
from evident.programs import credit_services, services
from evident.programs.models import CohortMember, Program
from evident.programs.permissions import access_cohort, access_program, access_program_organization
from evident.programs.selectors import cohort_member_list, program_list

router = Router()


@router.get(
    "/programs",
    response={200: list[ProgramSummaryOut], **ERRORS},
    summary="Programs you run (you may change them) and those below your organizations (you may read them)",
)
@paginate(PageNumberPagination, page_size=50)
def program_index(request: HttpRequest) -> list[ProgramSummaryOut]:
    return [
        ProgramSummaryOut(
            uuid=row.program.uuid,
            title=row.program.title,
            status=row.program.status,
            organization=group.organization.uuid,
            organization_name=group.organization.name,
            can_manage=row.can_manage,
            cohort_count=row.cohort_count,
            member_count=row.member_count,
            incentive=incentive_out(row.program),
        )
        for group in program_list(actor(request))
        for row in group.programs
    ]


@router.post(
    "/organizations/{organization_uuid}/programs",
    response={201: ProgramOut, **WRITE_ERRORS},
    summary="Create a draft program of a state, district or school you run programs for",
)
def program_create(request: HttpRequest, organization_uuid: UUID, payload: ProgramIn) -> Status[ProgramOut]:
    user = actor(request)
    organization = access_program_organization(user, organization_uuid, Need.MANAGE_PROGRAMS)
    incentive = payload.incentive or no_incentive()
    with transaction.atomic():
        program = services.program_create(
            actor=user,
            organization=organization,
            title=payload.title,
            description=payload.description,
            incentive_amount=incentive.amount,
            incentive_currency=incentive.currency,
            incentive_note=incentive.note,
            **offerings_for(payload.micro_credentials, payload.stacks),
        )
        if payload.credit_rule is not None:
            credit_services.program_credit_rule_set(
                actor=user, program=program, rule=credit_rule_for(organization, payload.credit_rule)
            )
    return Status(201, program_out(user, access_program(user, program.uuid)))


@router.get("/programs/{uuid}", response={200: ProgramOut, **ERRORS}, summary="A program, its offerings and incentive")
def program_get(request: HttpRequest, uuid: UUID) -> ProgramOut:
    user = actor(request)
    return program_out(user, access_program(user, uuid))


@router.patch(
    "/programs/{uuid}",
    response={200: ProgramOut, **WRITE_ERRORS},
    summary="Change a program: details, offerings, incentive, credit rule, or open (active) or close it",
)
def program_patch(request: HttpRequest, uuid: UUID, payload: ProgramPatchIn) -> ProgramOut:
    user = actor(request)
    program = access_program(user, uuid, Need.MANAGE_PROGRAMS)
    given = payload.model_fields_set
    with transaction.atomic():
        if given & {"title", "description", "micro_credentials", "stacks", "incentive"}:
            incentive = incentive_out(program)
            if "incentive" in given:
                # null removes the incentive; an object changes only the fields it gives.
                chosen = payload.incentive
                incentive = (
                    no_incentive()
                    if chosen is None
                    else incentive.model_copy(update={k: getattr(chosen, k) for k in chosen.model_fields_set})
                )
            offerings = offerings_for(
                payload.micro_credentials
                if payload.micro_credentials is not None
                else list(program.micro_credentials.values_list("uuid", flat=True)),
                payload.stacks if payload.stacks is not None else list(program.stacks.values_list("uuid", flat=True)),
            )
            program = services.program_update(
                actor=user,
                program=program,
                title=payload.title if payload.title is not None else program.title,
                description=payload.description if payload.description is not None else program.description,
                incentive_amount=incentive.amount,
                incentive_currency=incentive.currency,
                incentive_note=incentive.note,
                **offerings,
            )
        if "credit_rule" in given:
            credit_services.program_credit_rule_set(
                actor=user, program=program, rule=credit_rule_for(program.organization, payload.credit_rule)
            )
        if payload.status == "active":
            services.program_activate(actor=user, program=program)
        elif payload.status == "closed" and program.status != Program.Status.CLOSED:
            services.program_close(actor=user, program=program)
        elif payload.status == "draft" and program.status != Program.Status.DRAFT:
            raise ValidationError({"status": "A program cannot go back to draft; close it instead."}, code="status")
    return program_out(user, access_program(user, uuid))


# --- Cohorts ------------------------------------------------------------------------------------


@router.get(
    "/programs/{uuid}/cohorts",
    response={200: list[CohortOut], **ERRORS},
    summary="A program's cohorts, by start date",
)
def cohort_index(request: HttpRequest, uuid: UUID) -> list[CohortOut]:
    program = access_program(actor(request), uuid)
    cohorts = (
        program.cohorts.select_related("program")
        .prefetch_related("coaches")
        .annotate(member_count=Count("members", filter=Q(members__removed_at__isnull=True)))
    )
    return [cohort_out(c, c.member_count) for c in cohorts]


@router.post(
    "/programs/{uuid}/cohorts",
    response={201: CohortOut, **WRITE_ERRORS},
    summary="Add a cohort with its dates, deadline and coaches",
)
def cohort_create(request: HttpRequest, uuid: UUID, payload: CohortIn) -> Status[CohortOut]:
    user = actor(request)
    program = access_program(user, uuid, Need.MANAGE_PROGRAMS)
    cohort = services.cohort_create(
        actor=user,
        program=program,
        name=payload.name,
        starts_on=payload.starts_on,
        ends_on=payload.ends_on,
        deadline=payload.deadline,
        coaches=coaches_for(program, payload.coaches),
    )
    return Status(201, cohort_out(cohort))


@router.get("/cohorts/{uuid}", response={200: CohortOut, **ERRORS}, summary="A cohort (its coaches may read it too)")
def cohort_get(request: HttpRequest, uuid: UUID) -> CohortOut:
    return cohort_out(access_cohort(actor(request), uuid))


@router.patch(
    "/cohorts/{uuid}",
    response={200: CohortOut, **WRITE_ERRORS},
    summary="Change a cohort's name, dates, deadline (it reaches members' open work) or coaches",
)
def cohort_patch(request: HttpRequest, uuid: UUID, payload: CohortPatchIn) -> CohortOut:
    user = actor(request)
    cohort = access_cohort(user, uuid, Need.MANAGE_PROGRAMS)
    given = payload.model_fields_set
    with transaction.atomic():
        if given & {"name", "starts_on", "ends_on", "deadline"}:
            cohort = services.cohort_update(
                actor=user,
                cohort=cohort,
                name=payload.name if payload.name is not None else cohort.name,
                starts_on=payload.starts_on or cohort.starts_on,
                ends_on=payload.ends_on or cohort.ends_on,
                deadline=payload.deadline or cohort.deadline,
            )
        if payload.coaches is not None:
            services.cohort_set_coaches(actor=user, cohort=cohort, coaches=coaches_for(cohort.program, payload.coaches))
    return cohort_out(access_cohort(user, uuid))


@router.get(
    "/cohorts/{uuid}/members",
    response={200: list[CohortMemberOut], **ERRORS},
    summary="The cohort's roster, by name: school, coach, and a linked account or the invitation",
)
@paginate(PageNumberPagination, page_size=100)
def cohort_members(request: HttpRequest, uuid: UUID) -> MappedPage[CohortMember, CohortMemberOut]:
    members = cohort_member_list(access_cohort(actor(request), uuid))
    return MappedPage(members, lambda page: [member_out(m) for m in page], count=members.count())
