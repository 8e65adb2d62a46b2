from __future__ import annotations

from django.apps import AppConfig


class ProgramsConfig(AppConfig):
    name = "evident.programs"
    label = "programs"
    verbose_name = "Programs"
