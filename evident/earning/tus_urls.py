"""The tus 1.0.0 endpoint for resumable evidence uploads (see ``evident/earning/tus.py``)."""

from __future__ import annotations

from django.urls import path

from evident.earning import tus

app_name = "tus"

urlpatterns = [
    path("", tus.collection, name="collection"),
    path("<uuid:uuid>", tus.resource, name="resource"),
]
