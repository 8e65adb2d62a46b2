from __future__ import annotations

from django.urls import path

from evident.catalog.views import authoring, pathways, public, quality, stacks

app_name = "catalog"

urlpatterns = [
    path("", public.catalog, name="catalog"),
    path("micro-credentials/<uuid:uuid>/", public.micro_credential_detail, name="micro-credential-detail"),
    path("micro-credentials/<uuid:uuid>/badge.svg", public.micro_credential_badge, name="micro-credential-badge"),
    path("stacks/<uuid:uuid>/", public.stack_detail, name="stack-detail"),
    path("pathways/<uuid:uuid>/", public.pathway_detail, name="pathway-detail"),
    path("issuers/<slug:slug>/", public.issuer_detail, name="issuer-detail"),
    path("authoring/", authoring.authoring_list, name="authoring-list"),
    path("authoring/new/", authoring.micro_credential_new, name="micro-credential-new"),
    path("authoring/versions/<uuid:uuid>/edit/", authoring.version_edit, name="version-edit"),
    path("authoring/versions/<uuid:uuid>/preview/", authoring.version_preview, name="version-preview"),
    path("authoring/versions/<uuid:uuid>/badge/", authoring.version_badge, name="version-badge"),
    path("versions/<uuid:uuid>/badge", authoring.version_badge_image, name="version-badge-image"),
    path("authoring/versions/<uuid:uuid>/submit/", authoring.version_submit, name="version-submit"),
    path("authoring/versions/<uuid:uuid>/retire/", authoring.version_retire, name="version-retire"),
    path("authoring/micro-credentials/<uuid:uuid>/new-version/", authoring.version_new, name="version-new"),
    path("authoring/stacks/", stacks.stack_list, name="stack-list"),
    path("authoring/stacks/new/", stacks.stack_edit, name="stack-new"),
    path("authoring/stacks/<uuid:uuid>/edit/", stacks.stack_edit, name="stack-edit"),
    path("authoring/pathways/", pathways.pathway_list, name="pathway-list"),
    path("authoring/pathways/new/", pathways.pathway_edit, name="pathway-new"),
    path("authoring/pathways/<uuid:uuid>/edit/", pathways.pathway_edit, name="pathway-edit"),
    path("quality-review/", quality.queue, name="quality-queue"),
    path("quality-review/<uuid:uuid>/", quality.review, name="quality-review"),
]
