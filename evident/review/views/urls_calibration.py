"""Routes for pools, calibration sets and certification (views in ``calibration.py``)."""

from __future__ import annotations

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
