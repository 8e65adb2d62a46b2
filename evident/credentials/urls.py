from __future__ import annotations

from django.urls import path

from evident.credentials.views import public

app_name = "credentials"

urlpatterns = [
    path("orgs/<slug:slug>/did.json", public.did_document, name="did-document"),
    path("credentials/status/<uuid:uuid>", public.status_list, name="status-list"),
    path("credentials/<uuid:uuid>/", public.award_detail, name="award-detail"),
    path("credentials/<uuid:uuid>.json", public.award_json, name="award-json"),
    path("credentials/<uuid:uuid>/share/", public.award_share, name="award-share"),
]
