from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import URLPattern, URLResolver, include, path

from evident import views
from evident.api.api import api


def _api_urls() -> tuple[list[URLPattern | URLResolver], str, str]:
    """The API authenticates every call itself (token or session) and answers 401
    in JSON, so the site-wide sign-in redirect must not apply to it.
    """
    patterns, app_name, namespace = api.urls
    for pattern in patterns:
        if isinstance(pattern, URLPattern):
            pattern.callback = login_not_required(pattern.callback)
    return patterns, app_name, namespace


urlpatterns: list[Any] = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("accounts/", include("allauth.urls")),
    path("catalog/", include("evident.catalog.urls")),
    path("", include("evident.earning.urls")),
    path("review/", include("evident.review.urls")),
    path("programs/", include("evident.programs.urls")),
    path("", include("evident.credentials.urls")),
    path("", include("evident.accounts.urls")),
    # tus resumable uploads speak their own protocol, so they sit beside the
    # django-ninja API under the same prefix rather than inside it.
    path("api/v1/uploads/", include("evident.earning.tus_urls")),
    path("api/v1/", _api_urls()),
    path("django-admin/", admin.site.urls),
]

handler400 = "evident.views.bad_request"
handler403 = "evident.views.permission_denied"
handler404 = "evident.views.page_not_found"
handler500 = "evident.views.server_error"
