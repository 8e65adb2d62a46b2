"""Routes for the queue, scoring, adjudication and dashboards."""

from __future__ import annotations

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
