"""Test configuration shared by every test: fast hashing, in-process tasks, no network."""

from __future__ import annotations

import tempfile

import pytest

# The environment itself is set by evident.testsupport.pytest_env (see addopts).


def pytest_configure(config: pytest.Config) -> None:
    from django.conf import settings

    # A fast hasher: argon2 would make the suite minutes long.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.STORAGES = {
        # Uploads from tests go to a throwaway folder, never var/media.
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tempfile.mkdtemp(prefix="evident-test-media-")},
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.SECURE_SSL_REDIRECT = False
