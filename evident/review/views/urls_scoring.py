"""Routes for the review home, claiming, scoring and adjudication (views in ``scoring.py``)."""

from __future__ import annotations

from django.urls import path

from evident.review.views import scoring

urlpatterns = [
    path("", scoring.home, name="home"),
    path("pools/<uuid:uuid>/claim/", scoring.claim, name="claim"),
    path("assignments/<uuid:uuid>/", scoring.assignment_detail, name="assignment-detail"),
    path(
        "assignments/<uuid:uuid>/requirements/<uuid:requirement>/",
        scoring.score_save,
        name="score-save",
    ),
    path("assignments/<uuid:uuid>/notes/", scoring.note_add, name="note-add"),
    path("assignments/<uuid:uuid>/complete/", scoring.complete, name="assignment-complete"),
    path("assignments/<uuid:uuid>/give-back/", scoring.give_back, name="assignment-give-back"),
    path("lead/", scoring.lead_dashboard, name="lead-dashboard"),
]
