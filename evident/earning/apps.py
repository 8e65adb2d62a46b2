from __future__ import annotations

from django.apps import AppConfig


class EarningConfig(AppConfig):
    name = "evident.earning"
    label = "earning"
    verbose_name = "Earning"
