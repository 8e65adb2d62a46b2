#!/usr/bin/env python
"""How long a 50,000-line roster takes: preview, apply, and applying the same file again.

Builds a district with 40 schools, a program with four cohorts and 20
coaches in a fresh database (SQLite file or a new PostgreSQL database), and
5,000 educators who already have accounts (a tenth of the roster: they are
linked at import, the rest are invited). Then it generates a 50,000-line
roster CSV (some lines with a coach) and times, through the services the
pages call: the upload with its line-by-line preview, the apply (members
created, accounts linked, 45,000 invitations written and their email batches
scheduled), and a second upload and apply of the same file, which must change
nothing. Prints the seconds and queries of each step.
"""

from __future__ import annotations

import os
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

BASE_DATABASE_URL = os.environ.get("DATABASE_URL", "")
ROWS = int(os.environ.get("BENCH_ROSTER_ROWS", "50000"))
SCHOOLS = 40
COHORTS = ["Fall 2026", "Winter 2027", "Spring 2027", "Summer 2027"]
COACHES = 20
WITH_ACCOUNTS = ROWS // 10


def fresh_database() -> str:
    if BASE_DATABASE_URL.startswith("postgres"):
        import psycopg

        name = f"evident_bench_roster_{uuid.uuid4().hex[:6]}"
        with psycopg.connect(BASE_DATABASE_URL, autocommit=True) as connection:
            connection.execute(f"CREATE DATABASE {name}")
        return BASE_DATABASE_URL.rsplit("/", 1)[0] + "/" + name
    return f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"


def drop_database(url: str) -> None:
    if url.startswith("postgres"):
        import psycopg

        with psycopg.connect(BASE_DATABASE_URL, autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {url.rsplit('/', 1)[1]} WITH (FORCE)")


def build() -> tuple[object, object, bytes]:
    """The district, its admin and program, and the roster file's bytes."""
    from datetime import date

    from evident.accounts.models import Membership, Organization, User
    from evident.programs.models import Cohort, Program

    district = Organization.objects.create(slug="bench-district", name="Bench Unified", kind="district")
    schools = Organization.objects.bulk_create(
        Organization(slug=f"bench-school-{n}", name=f"Bench School {n}", kind="school", parent=district)
        for n in range(SCHOOLS)
    )
    admin = User.objects.create(email="admin@bench.example", full_name="Bench Admin")
    Membership.objects.create(user=admin, organization=district, role="program_admin")
    unusable = "!"  # an unusable password hash: no one signs in here
    coaches = User.objects.bulk_create(
        User(email=f"coach{n}@bench.example", full_name=f"Coach {n}", password=unusable) for n in range(COACHES)
    )
    Membership.objects.bulk_create(
        Membership(user=c, organization=schools[n % SCHOOLS], role="coach") for n, c in enumerate(coaches)
    )
    User.objects.bulk_create(
        (
            User(email=f"teacher{n}@bench.example", full_name=f"Teacher {n}", password=unusable)
            for n in range(WITH_ACCOUNTS)
        ),
        batch_size=2000,
    )
    program = Program.objects.create(organization=district, title="Bench program", status="active")
    for n, name in enumerate(COHORTS):
        Cohort.objects.create(
            program=program,
            name=name,
            starts_on=date(2026, 8 + n, 1),
            ends_on=date(2027, 7, 31),
            deadline=date(2027, 6, 30),
        )
    lines = ["Name,Email,School,Cohort,Coach"]
    for n in range(ROWS):
        school = schools[n % SCHOOLS]
        # Every third line by the school's slug, the rest by its name; every fifth with a coach.
        where = school.slug if n % 3 == 0 else school.name
        coach = coaches[n % COACHES].email if n % 5 == 0 else ""
        lines.append(f"Teacher {n},teacher{n}@bench.example,{where},{COHORTS[n % len(COHORTS)]},{coach}")
    return admin, program, ("\n".join(lines) + "\n").encode()


def timed(label: str, results: list[tuple[str, float, int]], step) -> object:  # type: ignore[no-untyped-def]
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        value = step()
        elapsed = time.perf_counter() - started
    results.append((label, elapsed, len(queries.captured_queries)))
    return value


def main() -> None:
    import django

    url = fresh_database()
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "evident.settings"
    django.setup()
    from django.conf import settings
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.db import connections, transaction

    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tempfile.mkdtemp(prefix="evident-bench-media-")},
        },
    }
    try:
        call_command("migrate", verbosity=0)
        from evident.accounts.models import Invitation
        from evident.programs import roster
        from evident.programs.models import CohortMember

        admin, program, data = build()
        if connections["default"].vendor == "postgresql":
            with connections["default"].cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        results: list[tuple[str, float, int]] = []

        def upload():  # type: ignore[no-untyped-def]
            return roster.roster_upload(
                actor=admin, program=program, upload=SimpleUploadedFile("roster.csv", data, content_type="text/csv")
            )

        def apply(roster_import):  # type: ignore[no-untyped-def]
            # The email batches are enqueued on commit; the queue itself is not what is measured here,
            # but writing the task rows is, so they run inside the timing.
            with transaction.atomic():
                return roster.roster_apply(actor=admin, roster_import=roster_import)

        first = timed("preview", results, upload)
        assert first.rejected_count == 0, first.report[:3]  # noqa: S101
        assert first.created_count == ROWS  # noqa: S101
        result = timed("apply", results, lambda: apply(first))
        assert result.applied  # noqa: S101
        members = CohortMember.objects.filter(program=program).count()
        linked = CohortMember.objects.filter(program=program, educator__isnull=False).count()
        invitations = Invitation.objects.count()
        again = timed("preview again", results, upload)
        assert again.unchanged_count == ROWS, (again.created_count, again.updated_count)  # noqa: S101
        timed("apply again", results, lambda: apply(again))
        assert CohortMember.objects.filter(program=program).count() == members  # noqa: S101
        assert Invitation.objects.count() == invitations  # noqa: S101
    finally:
        connections["default"].close()
        drop_database(url)

    engine = "PostgreSQL" if url.startswith("postgres") else "SQLite"
    print(  # noqa: T201
        f"Roster import of {ROWS:,} lines on {engine}: {members:,} members, {linked:,} linked to accounts, "
        f"{invitations:,} invitations"
    )
    print(f"{'step':<16}{'seconds':>10}{'queries':>10}")  # noqa: T201
    for label, seconds, queries in results:
        print(f"{label:<16}{seconds:>10.2f}{queries:>10}")  # noqa: T201
    total = sum(seconds for label, seconds, _ in results if label in {"preview", "apply"})
    print(f"{'preview + apply':<16}{total:>10.2f}")  # noqa: T201


if __name__ == "__main__":
    main()
