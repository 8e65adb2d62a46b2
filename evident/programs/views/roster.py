"""Roster import: upload, preview line by line, apply all or nothing: filled in by the programs work."""

from __future__ import annotations

from uuid import UUID

from django.http import Http404, HttpRequest, HttpResponse


def roster_upload(request: HttpRequest, uuid: UUID) -> HttpResponse:
    raise Http404("Not available yet.")


def roster_preview(request: HttpRequest, uuid: UUID) -> HttpResponse:
    raise Http404("Not available yet.")
