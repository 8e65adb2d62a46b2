"""Dashboards for program admins: filled in by the analytics work."""

from __future__ import annotations

from uuid import UUID

from django.http import Http404, HttpRequest, HttpResponse


def organization_dashboard(request: HttpRequest, organization_uuid: UUID) -> HttpResponse:
    raise Http404("Not available yet.")


def program_dashboard(request: HttpRequest, uuid: UUID) -> HttpResponse:
    raise Http404("Not available yet.")
