"""What programs produce: transcripts (an educator's own, a cohort's, an organization's), the educator's programs, and dashboard figures."""

# No "from __future__ import annotations" here: django-ninja reads the endpoint
# signatures at import time, and the pagination wrapper would resolve string
# annotations in its own module, not this one.

from uuid import UUID

from django.http import HttpRequest
from ninja import Router
from ninja.pagination import PageNumberPagination, paginate

from evident.accounts.models import User
from evident.accounts.permissions import Need
from evident.api.errors import ERRORS
from evident.api.routers.me import actor
from evident.api.routers.programs.convert import (
    MappedPage,
    dashboard_out,
    incentive_out,
    offering_out,
    person_out,
    transcript_out,
)
from evident.api.routers.programs.schemas import DashboardOut, MyProgramOut, TranscriptOut
from evident.programs import transcripts
from evident.programs.analytics.cache import snapshot
from evident.programs.analytics.figures import scope_for_organization, scope_for_program
from evident.programs.permissions import access_cohort, access_program, access_program_organization
from evident.programs.selectors import my_program_list

router = Router()


@router.get(
    "/me/transcript",
    response={200: TranscriptOut, **ERRORS},
    summary="Your PD transcript: every credential with the credit it earns under your rule, and your progress",
)
def my_transcript(request: HttpRequest) -> TranscriptOut:
    return transcript_out(transcripts.transcript_for(actor(request)))


@router.get(
    "/me/programs",
    response={200: list[MyProgramOut], **ERRORS},
    summary="The active programs you are on: what they offer, your progress, deadline, coach and incentive",
)
def my_programs(request: HttpRequest) -> list[MyProgramOut]:
    return [
        MyProgramOut(
            program=place.program.uuid,
            title=place.program.title,
            description=place.program.description,
            organization_name=place.program.organization.name,
            cohort=place.cohort.uuid,
            cohort_name=place.cohort.name,
            deadline=place.cohort.deadline,
            deadline_text=place.deadline_text,
            coach=person_out(place.coach) if place.coach else None,
            cohort_coaches=[person_out(c) for c in place.cohort_coaches],
            offerings=[offering_out(request, o) for o in place.offerings],
            earned_count=place.earned_count,
            incentive=incentive_out(place.program),
            incentive_earned=place.incentive_earned,
        )
        for place in my_program_list(actor(request))
    ]


def _transcript_page(educators: list[User], program_first: int | None = None) -> MappedPage[User, TranscriptOut]:
    return MappedPage(
        educators,
        lambda page: [transcript_out(t) for t in transcripts.transcripts_for(page, program_first=program_first)],
    )


@router.get(
    "/cohorts/{uuid}/transcripts",
    response={200: list[TranscriptOut], **ERRORS},
    summary="Transcripts of the cohort's educators, counted under the program's rule when it has one",
)
@paginate(PageNumberPagination, page_size=50)
def cohort_transcripts(request: HttpRequest, uuid: UUID) -> MappedPage[User, TranscriptOut]:
    cohort = access_cohort(actor(request), uuid)
    return _transcript_page(transcripts.cohort_educators(cohort), program_first=cohort.program_id)


@router.get(
    "/organizations/{organization_uuid}/transcripts",
    response={200: list[TranscriptOut], **ERRORS},
    summary="Transcripts of the organization's educators and those of the organizations below it, for HR",
)
@paginate(PageNumberPagination, page_size=50)
def organization_transcripts(request: HttpRequest, organization_uuid: UUID) -> MappedPage[User, TranscriptOut]:
    organization = access_program_organization(actor(request), organization_uuid, Need.VIEW_PROGRAMS)
    return _transcript_page(transcripts.organization_educators(organization))


# --- Figures ---------------------------------------------------------------------------------------


@router.get(
    "/organizations/{organization_uuid}/figures",
    response={200: DashboardOut, **ERRORS},
    summary="The organization's dashboard (a state's rolls up its districts), every table with its numbers",
)
def organization_figures(request: HttpRequest, organization_uuid: UUID) -> DashboardOut:
    organization = access_program_organization(actor(request), organization_uuid, Need.VIEW_PROGRAMS)
    scope = scope_for_organization(organization)
    return dashboard_out(snapshot(scope), scope.title, organization, None)


@router.get(
    "/programs/{uuid}/figures",
    response={200: DashboardOut, **ERRORS},
    summary="A program's dashboard, every table with its numbers",
)
def program_dashboard(request: HttpRequest, uuid: UUID) -> DashboardOut:
    program = access_program(actor(request), uuid)
    scope = scope_for_program(program)
    return dashboard_out(snapshot(scope), scope.title, program.organization, program)
