"""Loaded by pytest with ``-p`` before Django starts: the test environment.

Tests run with production settings (DEBUG off) but must not need production
secrets, and use a throwaway SQLite file unless DATABASE_URL names another database.
"""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production-use-0123456789")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("BASE_URL", "http://testserver")
os.environ.setdefault("LOG_FORMAT", "text")
os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ.setdefault("REQUEST_LOG_LEVEL", "WARNING")
if "DATABASE_URL" not in os.environ:
    # SQLite files rather than memory: the live server of the browser tests then
    # gives each request thread its own connection, as production does, instead
    # of sharing one between threads (requests that overlap would corrupt it).
    _folder = tempfile.mkdtemp(prefix="evident-test-db-")
    os.environ["DATABASE_URL"] = f"sqlite:///{_folder}/evident.sqlite3"
    os.environ.setdefault("DATABASE_TEST_NAME", f"{_folder}/test.sqlite3")
os.environ["DEBUG"] = "false"
os.environ.pop("EVIDENT_DEMO", None)
