"""Program admins' pages for programs and cohorts, and educators' "My programs": filled in by the programs work."""

from __future__ import annotations

from uuid import UUID

from django.http import Http404, HttpRequest, HttpResponse


def program_list(request: HttpRequest) -> HttpResponse:
    raise Http404("Not available yet.")


def program_create(request: HttpRequest, organization_uuid: UUID) -> HttpResponse:
    raise Http404("Not available yet.")


def program_detail(request: HttpRequest, uuid: UUID) -> HttpResponse:
    raise Http404("Not available yet.")


def program_edit(request: HttpRequest, uuid: UUID) -> HttpResponse:
    raise Http404("Not available yet.")


def cohort_create(request: HttpRequest, uuid: UUID) -> HttpResponse:
    raise Http404("Not available yet.")


def cohort_detail(request: HttpRequest, uuid: UUID) -> HttpResponse:
    raise Http404("Not available yet.")


def cohort_edit(request: HttpRequest, uuid: UUID) -> HttpResponse:
    raise Http404("Not available yet.")


def my_programs(request: HttpRequest) -> HttpResponse:
    raise Http404("Not available yet.")
