from __future__ import annotations

from django.apps import AppConfig


class CredentialsConfig(AppConfig):
    name = "evident.credentials"
    label = "credentials"
    verbose_name = "Credentials"
