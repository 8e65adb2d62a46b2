from __future__ import annotations

from django.urls import path

from evident.catalog import views

app_name = "catalog"

urlpatterns = [
    path("", views.catalog, name="catalog"),
    path("micro-credentials/<uuid:uuid>/", views.micro_credential_detail, name="micro-credential-detail"),
    path("stacks/<uuid:uuid>/", views.stack_detail, name="stack-detail"),
    path("pathways/<uuid:uuid>/", views.pathway_detail, name="pathway-detail"),
    path("issuers/<slug:slug>/", views.issuer_detail, name="issuer-detail"),
]
