"""Loaded by pytest with ``-p`` before Django starts: the test environment.

Tests run with production settings (DEBUG off) but must not need production
secrets, and use an in-memory SQLite database unless DATABASE_URL is given.
"""

from __future__ import annotations

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production-use-0123456789")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("BASE_URL", "http://testserver")
os.environ.setdefault("LOG_FORMAT", "text")
os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ.setdefault("REQUEST_LOG_LEVEL", "WARNING")
os.environ.setdefault("DATABASE_URL", "sqlite://:memory:")
os.environ["DEBUG"] = "false"
os.environ.pop("EVIDENT_DEMO", None)
