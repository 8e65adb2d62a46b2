"""An educator's credentials and their public profile: filled in by the profile work."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse


def my_credentials(request: HttpRequest) -> HttpResponse:
    raise Http404("Not available yet.")


def profile_settings(request: HttpRequest) -> HttpResponse:
    raise Http404("Not available yet.")


def public_profile(request: HttpRequest, slug: str) -> HttpResponse:
    raise Http404("Not available yet.")
