"""Growth plans, goals with recommended micro-credentials, and career roles: filled in by the growth work."""

from __future__ import annotations

from uuid import UUID

from django.http import Http404, HttpRequest, HttpResponse


def plan_list(request: HttpRequest) -> HttpResponse:
    raise Http404("Not available yet.")


def plan_create(request: HttpRequest) -> HttpResponse:
    raise Http404("Not available yet.")


def plan_detail(request: HttpRequest, uuid: UUID) -> HttpResponse:
    raise Http404("Not available yet.")


def goal_create(request: HttpRequest, uuid: UUID) -> HttpResponse:
    raise Http404("Not available yet.")


def goal_detail(request: HttpRequest, uuid: UUID) -> HttpResponse:
    raise Http404("Not available yet.")


def career_roles(request: HttpRequest) -> HttpResponse:
    raise Http404("Not available yet.")


def role_qualifiers(request: HttpRequest, organization_uuid: UUID) -> HttpResponse:
    raise Http404("Not available yet.")
