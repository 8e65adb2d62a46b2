#!/usr/bin/env python
"""How the public catalog scales: 100 versus 10,000 live micro-credentials.

Builds each catalog in a fresh database (SQLite file or a new PostgreSQL
database), then requests the catalog page through Django's test client:
the plain list, a full-text search, and a filtered search. Prints the median
of several requests, the number of queries, and the 10,000 / 100 ratio.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("SECRET_KEY", "bench-only")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ.setdefault("REQUEST_LOG_LEVEL", "WARNING")

BASE_DATABASE_URL = os.environ.get("DATABASE_URL", "")
SIZES = (100, 10_000)
REPEATS = 7
WORDS = [
    "phonics",
    "reading",
    "writing",
    "fractions",
    "inquiry",
    "discussion",
    "feedback",
    "routines",
    "assessment",
    "vocabulary",
    "science",
    "mentoring",
    "coaching",
    "literacy",
    "numeracy",
    "questioning",
    "collaboration",
    "inclusion",
    "families",
    "data",
]
PAGES = {
    "list": "/catalog/",
    "search": "/catalog/?q=phonics",
    "filtered search": "/catalog/?q=reading&grade=k_2&min_pd=5&sort=pd_hours",
}


def fresh_database(size: int) -> str:
    base = BASE_DATABASE_URL
    if base.startswith("postgres"):
        import psycopg

        name = f"evident_bench_{size}_{uuid.uuid4().hex[:6]}"
        with psycopg.connect(base, autocommit=True) as connection:
            connection.execute(f"CREATE DATABASE {name}")
        return base.rsplit("/", 1)[0] + "/" + name
    return f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"


def drop_database(url: str) -> None:
    if url.startswith("postgres"):
        import psycopg

        with psycopg.connect(BASE_DATABASE_URL, autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {url.rsplit('/', 1)[1]} WITH (FORCE)")


def build(size: int) -> None:
    from decimal import Decimal

    from evident.accounts.models import Organization
    from evident.catalog.models import MicroCredential, MicroCredentialVersion

    issuers = [
        Organization.objects.create(slug=f"issuer-{i}", name=f"Issuer {i}", kind="nonprofit", issues_credentials=True)
        for i in range(20)
    ]
    bands = ["k_2", "3_5", "6_8", "9_12"]
    micro_credentials = MicroCredential.objects.bulk_create(
        MicroCredential(organization=issuers[i % 20], slug=f"mc-{i}") for i in range(size)
    )
    versions = MicroCredentialVersion.objects.bulk_create(
        MicroCredentialVersion(
            micro_credential=mc,
            number=1,
            status="published",
            title=f"{WORDS[i % len(WORDS)].title()} {WORDS[(i * 7) % len(WORDS)]} practice {i}",
            summary=f"Improve {WORDS[(i * 3) % len(WORDS)]} and {WORDS[(i * 5) % len(WORDS)]} in class.",
            competency=f"The educator plans {WORDS[(i * 11) % len(WORDS)]} with evidence.",
            key_method="Model, practise, give feedback, reflect.",
            subject=WORDS[(i * 13) % len(WORDS)],
            grade_bands=[bands[i % 4]],
            pd_hours=Decimal(5 + i % 20),
            effort_hours=Decimal(3 + i % 15),
        )
        for i, mc in enumerate(micro_credentials)
    )
    for mc, version in zip(micro_credentials, versions, strict=True):
        mc.live_version = version
    MicroCredential.objects.bulk_update(micro_credentials, ["live_version"], batch_size=1000)
    MicroCredentialVersion.objects.update(is_live=True)


def measure() -> dict[str, tuple[float, int]]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    results = {}
    for label, path in PAGES.items():
        client.get(path)  # warm up
        timings = []
        for _ in range(REPEATS):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(path)
                timings.append(time.perf_counter() - started)
            if response.status_code != 200:
                raise SystemExit(f"{path} answered {response.status_code}")
        results[label] = (statistics.median(timings) * 1000, len(queries.captured_queries))
    return results


def run(size: int) -> dict[str, tuple[float, int]]:
    import django
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connections

    url = fresh_database(size)
    os.environ["DATABASE_URL"] = url
    if not settings.configured:
        os.environ["DJANGO_SETTINGS_MODULE"] = "evident.settings"
        django.setup()
        # Production settings, but without collectstatic's manifest.
        settings.STORAGES = {
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
    else:
        import dj_database_url

        connections["default"].close()
        settings.DATABASES["default"].update(dj_database_url.parse(url))
        connections["default"].settings_dict.update(settings.DATABASES["default"])
    try:
        call_command("migrate", verbosity=0)
        build(size)
        return measure()
    finally:
        connections["default"].close()
        drop_database(url)


def main() -> None:
    original = BASE_DATABASE_URL
    results = {size: run(size) for size in SIZES}
    engine = "PostgreSQL" if original.startswith("postgres") else "SQLite"
    print(f"Catalog page on {engine}, median of {REPEATS} requests")  # noqa: T201
    print(f"{'page':<18}" + "".join(f"{f'{s:,} ms':>12}{'queries':>9}" for s in SIZES) + f"{'ratio':>8}")  # noqa: T201
    for label in PAGES:
        row = f"{label:<18}"
        for size in SIZES:
            ms, queries = results[size][label]
            row += f"{ms:>12.1f}{queries:>9}"
        ratio = results[SIZES[-1]][label][0] / results[SIZES[0]][label][0]
        print(row + f"{ratio:>8.2f}")  # noqa: T201


if __name__ == "__main__":
    main()
