"""Transcripts of PD credit: an educator's own, and exports for a cohort or organization: filled in by the credit work."""

from __future__ import annotations

from uuid import UUID

from django.http import Http404, HttpRequest, HttpResponse


def my_transcript(request: HttpRequest) -> HttpResponse:
    raise Http404("Not available yet.")


def my_transcript_download(request: HttpRequest, fmt: str) -> HttpResponse:
    raise Http404("Not available yet.")


def organization_transcripts(request: HttpRequest, organization_uuid: UUID, fmt: str) -> HttpResponse:
    raise Http404("Not available yet.")


def cohort_transcripts(request: HttpRequest, uuid: UUID, fmt: str) -> HttpResponse:
    raise Http404("Not available yet.")
