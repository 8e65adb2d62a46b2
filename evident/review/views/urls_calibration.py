"""Routes for pools, calibration sets and certification (views in ``calibration.py``)."""

from __future__ import annotations

from django.urls import URLPattern, path

from evident.review.views import calibration as views

urlpatterns: list[URLPattern] = [
    # Lead reviewers: pools and their calibration sets.
    path("pools/", views.pool_list, name="pool-list"),
    path("pools/new/", views.pool_create, name="pool-create"),
    path("pools/<uuid:uuid>/", views.pool_detail, name="pool-detail"),
    path("pools/<uuid:uuid>/members/", views.pool_member_add, name="pool-member-add"),
    path("pools/<uuid:uuid>/members/<uuid:reviewer>/remove/", views.pool_member_remove, name="pool-member-remove"),
    path(
        "pools/<uuid:uuid>/members/<uuid:reviewer>/revoke/",
        views.certification_revoke,
        name="certification-revoke",
    ),
    path("pools/<uuid:uuid>/rules/", views.pool_rules, name="pool-rules"),
    path("pools/<uuid:uuid>/sets/", views.calibration_set_create, name="calibration-set-create"),
    path("calibration-sets/<uuid:uuid>/", views.calibration_set_detail, name="calibration-set-detail"),
    path("calibration-sets/<uuid:uuid>/items/new/", views.calibration_item_add, name="calibration-item-add"),
    path(
        "calibration-sets/<uuid:uuid>/items/<int:position>/",
        views.calibration_item_detail,
        name="calibration-item-detail",
    ),
    path(
        "calibration-sets/<uuid:uuid>/items/<int:position>/remove/",
        views.calibration_item_remove,
        name="calibration-item-remove",
    ),
    path("calibration-sets/<uuid:uuid>/activate/", views.calibration_set_activate, name="calibration-set-activate"),
    # Reviewers: calibration and its results.
    path("calibration/", views.calibration_list, name="calibration-list"),
    path("calibration/pools/<uuid:uuid>/start/", views.calibration_start, name="calibration-start"),
    path("calibration/attempts/<uuid:uuid>/", views.calibration_attempt, name="calibration-attempt"),
    path(
        "calibration/attempts/<uuid:uuid>/items/<int:position>/",
        views.calibration_attempt,
        name="calibration-attempt-item",
    ),
    path(
        "calibration/attempts/<uuid:uuid>/items/<int:position>/scores/",
        views.calibration_score_save,
        name="calibration-score-save",
    ),
    path("calibration/attempts/<uuid:uuid>/finish/", views.calibration_finish, name="calibration-finish"),
    path("calibration/attempts/<uuid:uuid>/results/", views.calibration_results, name="calibration-results"),
]
