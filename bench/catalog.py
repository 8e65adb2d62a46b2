#!/usr/bin/env python
"""How the public catalog scales: 100 versus 10,000 live micro-credentials.

Builds each catalog in a fresh database (SQLite file or a new PostgreSQL
database): complete versions (requirements with rubric levels, citations,
resources, an alignment), stacks of six micro-credentials and pathways
through them. Then it requests the public pages through Django's test client:
the catalog's plain list, a full-text search and a filtered search, and the
pages of one micro-credential, one stack, one pathway and one issuer. Those
four have the same content at both sizes, except the issuer, which owns a
twentieth of the catalog. Prints the median of several requests, the number
of queries, and the 10,000 / 100 ratio.
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
CATALOG_PAGES = {
    "list": "/catalog/",
    "search": "/catalog/?q=phonics",
    "filtered search": "/catalog/?q=reading&grade=k_2&min_pd=5&sort=pd_hours",
}
ISSUERS = 20
STACK_SIZE = 6
# One stack per 50 micro-credentials, one pathway (through two stacks) per 500.
PER_STACK = 50
PER_PATHWAY = 500
LEVELS = [("Not yet", 1), ("Approaching", 2), ("Meets", 3), ("Exceeds", 4)]


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


def build(size: int) -> dict[str, tuple[str, list[str]]]:
    """Fill the catalog; return the detail pages to measure, each with text it must show."""
    from decimal import Decimal

    from evident.accounts.models import Organization
    from evident.catalog.models import (
        Alignment,
        Citation,
        MicroCredential,
        MicroCredentialVersion,
        Pathway,
        PathwayStep,
        Requirement,
        Resource,
        RubricLevel,
        Stack,
        StackItem,
    )

    issuers = [
        Organization.objects.create(slug=f"issuer-{i}", name=f"Issuer {i}", kind="nonprofit", issues_credentials=True)
        for i in range(ISSUERS)
    ]
    bands = ["k_2", "3_5", "6_8", "9_12"]
    micro_credentials = MicroCredential.objects.bulk_create(
        MicroCredential(organization=issuers[i % ISSUERS], slug=f"mc-{i}") for i in range(size)
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
            research="Deliberate practice with feedback changes what teachers do in class.",
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

    # What the detail page shows: three requirements scored on four levels, and the rest.
    Citation.objects.bulk_create(
        (
            Citation(version=v, order=n, text=f"Author {n} (2020). A study of practice {n}.")
            for v in versions
            for n in range(2)
        ),
        batch_size=2000,
    )
    Resource.objects.bulk_create(
        (
            Resource(version=v, order=n, title=f"Guide {n}", url="https://example.org/guide")
            for v in versions
            for n in range(2)
        ),
        batch_size=2000,
    )
    Alignment.objects.bulk_create(
        (
            Alignment(version=v, order=0, framework="InTASC", code="8", name="Instructional Strategies")
            for v in versions
        ),
        batch_size=2000,
    )
    kinds = [
        ("Classroom video", "video", 10, None),
        ("Lesson artifact", "document", None, None),
        ("Reflection", "written", None, 800),
    ]
    requirements = Requirement.objects.bulk_create(
        (
            Requirement(
                version=v,
                order=n,
                title=title,
                evidence_kind=kind,
                instructions="Record a lesson in which you use the method, and say what you tried.",
                prompts=["What did you plan?", "What happened?", "What will you change?"] if kind == "written" else [],
                file_types=["mp4", "mov"] if kind == "video" else ["pdf", "docx"] if kind == "document" else [],
                max_video_minutes=minutes,
                min_words=300 if max_words else None,
                max_words=max_words,
                passing_score=3,
            )
            for v in versions
            for n, (title, kind, minutes, max_words) in enumerate(kinds)
        ),
        batch_size=2000,
    )
    RubricLevel.objects.bulk_create(
        (
            RubricLevel(requirement=r, order=n, name=name, descriptor=f"{name}: what the reviewer sees.", score=score)
            for r in requirements
            for n, (name, score) in enumerate(LEVELS)
        ),
        batch_size=2000,
    )

    stacks = Stack.objects.bulk_create(
        Stack(
            organization=issuers[j % ISSUERS],
            slug=f"stack-{j}",
            title=f"Stack {j}",
            description=f"Six micro-credentials on {WORDS[j % len(WORDS)]}.",
            capstone=micro_credentials[STACK_SIZE * j + STACK_SIZE - 1],
            is_published=True,
        )
        for j in range(size // PER_STACK)
    )
    StackItem.objects.bulk_create(
        StackItem(stack=stack, micro_credential=micro_credentials[STACK_SIZE * j + n], order=n)
        for j, stack in enumerate(stacks)
        for n in range(STACK_SIZE)
    )
    # Pathway p: stacks 2p and 2p + 1, then a micro-credential outside any stack.
    stacked = STACK_SIZE * len(stacks)
    pathways = []
    for p in range(max(1, size // PER_PATHWAY)):
        pathway = Pathway.objects.create(
            organization=issuers[p % ISSUERS],
            slug=f"pathway-{p}",
            title=f"Pathway {p}",
            role_name=f"Lead Teacher {p}",
            description="Toward leading a team.",
            is_published=True,
        )
        first, second, third = PathwayStep.objects.bulk_create(
            [
                PathwayStep(pathway=pathway, order=0, level="foundational", stack=stacks[2 * p]),
                PathwayStep(pathway=pathway, order=1, level="intermediate", stack=stacks[2 * p + 1]),
                PathwayStep(
                    pathway=pathway, order=2, level="advanced", micro_credential=micro_credentials[stacked + p]
                ),
            ]
        )
        second.prerequisites.set([first])
        third.prerequisites.set([first, second])
        pathways.append(pathway)

    # The same micro-credential, stack and pathway at every size; issuer-0 grows with the catalog.
    return {
        "micro-credential": (
            f"/catalog/micro-credentials/{micro_credentials[0].uuid}/",
            [versions[0].title, "Requirement 3.", "Exceeds", "Stack 0", "Pathway 0"],
        ),
        "stack": (
            f"/catalog/stacks/{stacks[0].uuid}/",
            [versions[0].title, versions[STACK_SIZE - 1].title, "Capstone"],
        ),
        "pathway": (f"/catalog/pathways/{pathways[0].uuid}/", ["Stack 1", versions[stacked].title]),
        "issuer": ("/catalog/issuers/issuer-0/", [versions[0].title, "Stack 0"]),
    }


def measure(pages: dict[str, tuple[str, list[str]]]) -> dict[str, tuple[float, int]]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    results = {}
    for label, (path, expected) in pages.items():
        client.get(path)  # warm up
        timings = []
        for _ in range(REPEATS):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(path)
                timings.append(time.perf_counter() - started)
            if response.status_code != 200:
                raise SystemExit(f"{path} answered {response.status_code}")
        missing = [text for text in expected if text not in response.content.decode()]
        if missing:
            raise SystemExit(f"{path} does not show {missing}")
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
        detail_pages = build(size)
        if connections["default"].vendor == "postgresql":
            # What autovacuum does to a live database: planner statistics, and no
            # dead rows left by the updates above. Without this, plans depend on
            # whether autovacuum happens to reach the new tables during the run.
            with connections["default"].cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        return measure({**{label: (path, []) for label, path in CATALOG_PAGES.items()}, **detail_pages})
    finally:
        connections["default"].close()
        drop_database(url)


def main() -> None:
    original = BASE_DATABASE_URL
    results = {size: run(size) for size in SIZES}
    engine = "PostgreSQL" if original.startswith("postgres") else "SQLite"
    print(f"Catalog pages on {engine}, median of {REPEATS} requests")  # noqa: T201
    print(f"{'page':<18}" + "".join(f"{f'{s:,} ms':>12}{'queries':>9}" for s in SIZES) + f"{'ratio':>8}")  # noqa: T201
    for label in results[SIZES[0]]:
        row = f"{label:<18}"
        for size in SIZES:
            ms, queries = results[size][label]
            row += f"{ms:>12.1f}{queries:>9}"
        ratio = results[SIZES[-1]][label][0] / results[SIZES[0]][label][0]
        print(row + f"{ratio:>8.2f}")  # noqa: T201


if __name__ == "__main__":
    main()
