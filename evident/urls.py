from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

from evident import views
from evident.api.api import api

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("accounts/", include("allauth.urls")),
    path("", include("evident.accounts.urls")),
    path("api/v1/", api.urls),
    path("django-admin/", admin.site.urls),
]

handler400 = "evident.views.bad_request"
handler403 = "evident.views.permission_denied"
handler404 = "evident.views.page_not_found"
handler500 = "evident.views.server_error"
