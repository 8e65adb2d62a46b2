#!/usr/bin/env python
"""How fast the program dashboards answer for a whole state: 100,000 educators, 2,000,000 submissions.

PostgreSQL only (the figure the issue asks for); ``DATABASE_URL`` names a
server where this script may create and drop its own database. It builds one
state of 100 districts and 1,000 schools, 100,000 educators with ten
enrolments each (1,000,000 enrolments) and two submissions per enrolment
(2,000,000), a program with two cohorts in every district and a third of the
educators on a cohort, all with SQL ``generate_series`` so the load takes a
minute rather than an hour. Then it builds the dashboards' facts the way
production does (``facts.rebuild()``, timed), runs ``VACUUM ANALYZE``, and
requests the dashboard pages through Django's test client as the state's
program admin: the state (every enrolment), one district (a hundredth), one
program, and the at-risk CSV of the state (always computed: it lists
everyone). For each it prints the first request, which computes the figures,
and the median of the next ones, which read them from the cache as every
view does once the periodic refresh has warmed it; the query count; and the
state / district ratios: how much a hundred times more data costs.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/dashboard.py [--educators N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
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
DISTRICTS = 100
SCHOOLS_PER_DISTRICT = 10
ENROLMENTS_PER_EDUCATOR = 10
MICRO_CREDENTIALS = 50
REPEATS = 5


def fresh_database() -> str:
    import psycopg

    name = f"evident_bench_dashboard_{uuid.uuid4().hex[:6]}"
    with psycopg.connect(BASE_DATABASE_URL, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    return BASE_DATABASE_URL.rsplit("/", 1)[0] + "/" + name


def drop_database(url: str) -> None:
    import psycopg

    with psycopg.connect(BASE_DATABASE_URL, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {url.rsplit('/', 1)[1]} WITH (FORCE)")


def build(educators: int) -> dict[str, object]:
    """Load the state; return what the measurements need."""
    from datetime import date
    from decimal import Decimal

    from django.db import connection

    from evident.accounts.models import Membership, Organization, User
    from evident.catalog.models import MicroCredential, MicroCredentialVersion
    from evident.programs.models import Cohort, Program

    state = Organization.objects.create(slug="bench-state", name="Bench State", kind="state")
    districts = Organization.objects.bulk_create(
        Organization(slug=f"district-{d}", name=f"District {d}", kind="district", parent=state)
        for d in range(DISTRICTS)
    )
    schools = Organization.objects.bulk_create(
        Organization(slug=f"school-{d}-{s}", name=f"School {d}-{s}", kind="school", parent=district)
        for d, district in enumerate(districts)
        for s in range(SCHOOLS_PER_DISTRICT)
    )
    issuer = Organization.objects.create(
        slug="bench-issuer", name="Bench Issuer", kind="nonprofit", issues_credentials=True
    )
    mcs = MicroCredential.objects.bulk_create(
        MicroCredential(organization=issuer, slug=f"mc-{i}") for i in range(MICRO_CREDENTIALS)
    )
    versions = MicroCredentialVersion.objects.bulk_create(
        MicroCredentialVersion(
            micro_credential=mc, number=1, status="published", title=f"Practice {i}", pd_hours=Decimal(5 + i % 10)
        )
        for i, mc in enumerate(mcs)
    )
    admin = User.objects.create_user(email="state-admin@bench.test", full_name="State Admin", password=None)
    Membership.objects.create(user=admin, organization=state, role="program_admin")
    programs = []
    for district in districts:
        program = Program.objects.create(organization=district, title=f"Program of {district.name}", status="active")
        program.micro_credentials.add(*mcs[:10])
        programs.append(program)
        for c in range(2):
            Cohort.objects.create(
                program=program,
                name=f"Cohort {c + 1}",
                starts_on=date(2026, 1, 1),
                ends_on=date(2026, 12, 31),
                deadline=date(2026, 12, 10 + c * 10),
            )

    school_ids = [s.pk for s in schools]
    mc_ids = [m.pk for m in mcs]
    version_ids = [v.pk for v in versions]
    with connection.cursor() as cursor:
        # Educators: educator i works at school i % 1000.
        cursor.execute(
            """
            INSERT INTO accounts_user (password, is_superuser, uuid, email, full_name, kind, is_active, is_staff, date_joined)
            SELECT '!', false, gen_random_uuid(), 'educator-' || i || '@bench.test', 'Educator ' || i, 'person', true,
                   false, now()
            FROM generate_series(0, %s - 1) AS i
            """,
            [educators],
        )
        cursor.execute("SELECT min(id) FROM accounts_user WHERE email LIKE 'educator-%%'")
        first_user = cursor.fetchone()[0]
        cursor.execute(
            """
            INSERT INTO accounts_membership (uuid, user_id, organization_id, role, created_at)
            SELECT gen_random_uuid(), %s + i, (%s::bigint[])[1 + i %% %s], 'educator', now()
            FROM generate_series(0, %s - 1) AS i
            """,
            [first_user, school_ids, len(school_ids), educators],
        )
        # A third of each district's educators on one of its program's two cohorts.
        cursor.execute(
            """
            INSERT INTO programs_cohortmember (uuid, program_id, cohort_id, email, full_name, educator_id, school_id,
                                               added_at)
            SELECT gen_random_uuid(), p.id, c.id, u.email, u.full_name, u.id, m.organization_id, now()
            FROM accounts_user u
            JOIN accounts_membership m ON m.user_id = u.id AND m.role = 'educator'
            JOIN accounts_organization s ON s.id = m.organization_id
            JOIN programs_program p ON p.organization_id = s.parent_id
            JOIN programs_cohort c ON c.program_id = p.id AND c.name = 'Cohort ' || (1 + u.id %% 2)
            WHERE u.id %% 3 = 0
            """,
            [],
        )
        # Ten enrolments per educator over the last two years; statuses spread over the funnel.
        cursor.execute(
            """
            INSERT INTO earning_enrollment (uuid, educator_id, organization_id, micro_credential_id, version_id, status,
                                            deadline, started_at, updated_at, earned_at)
            SELECT gen_random_uuid(), %s + e, (%s::bigint[])[1 + e %% %s], (%s::bigint[])[1 + (e * 7 + k) %% %s],
                   (%s::bigint[])[1 + (e * 7 + k) %% %s],
                   (ARRAY['earned','earned','earned','earned','needs_revision','under_review','submitted','working',
                          'working','withdrawn'])[1 + (e + k) %% 10],
                   CASE WHEN (e + k) %% 4 = 0 THEN date '2026-12-01' + ((e + k) %% 40) END,
                   now() - make_interval(days => 30 + (e * 13 + k * 37) %% 700),
                   now() - make_interval(days => (e * 13 + k * 37) %% 30),
                   CASE WHEN (e + k) %% 10 < 4 THEN now() - make_interval(days => (e * 13 + k * 37) %% 30) END
            FROM generate_series(0, %s - 1) AS e, generate_series(0, %s - 1) AS k
            """,
            [
                first_user,
                school_ids,
                len(school_ids),
                mc_ids,
                len(mc_ids),
                version_ids,
                len(version_ids),
                educators,
                ENROLMENTS_PER_EDUCATOR,
            ],
        )
        # Two submissions per enrolment: the first passed or sent back, the second passed, pending or a draft.
        cursor.execute(
            """
            INSERT INTO earning_submission (uuid, enrollment_id, number, status, code, consent_statement, coaching_note,
                                            snapshot_sha256, created_at, updated_at, submitted_at, decided_at)
            SELECT gen_random_uuid(), en.id, n,
                   CASE WHEN n = 1 AND en.id %% 3 = 0 THEN 'passed'
                        WHEN n = 1 THEN 'needs_revision'
                        WHEN en.status = 'earned' THEN 'passed'
                        WHEN en.status IN ('submitted', 'under_review') THEN 'submitted'
                        ELSE 'draft' END,
                   'B' || lpad(upper(to_hex(en.id * 2 + n)), 8, '0'), '', '', '',
                   en.started_at, en.updated_at,
                   CASE WHEN n = 1 OR en.status IN ('earned', 'submitted', 'under_review')
                        THEN en.started_at + make_interval(days => 5 * n) END,
                   CASE WHEN n = 1 OR en.status = 'earned'
                        THEN en.started_at + make_interval(days => 5 * n, hours => (20 + en.id %% 100)::int) END
            FROM earning_enrollment en, generate_series(1, 2) AS n
            """,
            [],
        )
        cursor.execute("SELECT count(*) FROM earning_enrollment")
        enrolments = cursor.fetchone()[0]
        cursor.execute("SELECT count(*) FROM earning_submission")
        submissions = cursor.fetchone()[0]
    return {
        "state": state,
        "district": districts[0],
        "program": programs[0],
        "admin": admin,
        "enrolments": enrolments,
        "submissions": submissions,
    }


def existing() -> dict[str, object]:
    """What the measurements need, from a database an earlier run kept."""
    from evident.accounts.models import Organization, User
    from evident.earning.models import Enrollment, Submission
    from evident.programs.models import Program

    district = Organization.objects.get(slug="district-0")
    return {
        "state": Organization.objects.get(slug="bench-state"),
        "district": district,
        "program": Program.objects.get(organization=district),
        "admin": User.objects.get(email="state-admin@bench.test"),
        "enrolments": Enrollment.objects.count(),
        "submissions": Submission.objects.count(),
    }


def measure(client: object, url: str, expect: str) -> tuple[float, float, int]:
    """The first request (the figures computed) and the median of the next ones (read from the cache)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings = []
    queries = 0
    for _ in range(REPEATS + 1):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)  # type: ignore[attr-defined]
            # A streamed download is timed until its last byte.
            body = b"".join(response.streaming_content) if response.streaming else response.content
            timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200 or expect.encode() not in body:
            raise SystemExit(f"{url} answered {response.status_code} without {expect!r}")
        queries = len(captured)
    return timings[0], statistics.median(timings[1:]), queries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--educators", type=int, default=100_000)
    parser.add_argument("--keep", action="store_true", help="Keep the database afterwards (and print its name).")
    parser.add_argument("--reuse", metavar="NAME", help="Measure a database an earlier --keep run left; load nothing.")
    arguments = parser.parse_args()
    if not BASE_DATABASE_URL.startswith("postgres"):
        raise SystemExit("Set DATABASE_URL to a PostgreSQL server (this benchmark creates its own database there).")
    url = BASE_DATABASE_URL.rsplit("/", 1)[0] + "/" + arguments.reuse if arguments.reuse else fresh_database()
    os.environ["DATABASE_URL"] = url
    try:
        import django

        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "evident.settings")
        django.setup()
        from django.conf import settings

        # Production settings, but without collectstatic's manifest.
        settings.STORAGES = {
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client
        from django.urls import reverse

        from evident.programs.analytics import facts

        if arguments.reuse:
            built = existing()
        else:
            call_command("migrate", verbosity=0)
            started = time.perf_counter()
            built = build(arguments.educators)
            load_seconds = time.perf_counter() - started
            started = time.perf_counter()
            fact_count = facts.rebuild()
            fact_seconds = time.perf_counter() - started
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
            print(
                f"Loaded {arguments.educators:,} educators, {built['enrolments']:,} enrolments and "
                f"{built['submissions']:,} submissions in {load_seconds:.0f} s; built {fact_count:,} facts in "
                f"{fact_seconds:.0f} s ({fact_count / fact_seconds:,.0f} per second)."
            )
        if arguments.keep:
            print(f"Kept the database {url.rsplit('/', 1)[1]}: measure it again with --reuse.")

        client = Client()
        client.force_login(built["admin"], backend="django.contrib.auth.backends.ModelBackend")  # type: ignore[arg-type]
        state = built["state"]
        district = built["district"]
        program = built["program"]
        pages = {
            "state dashboard": (reverse("programs:organization-dashboard", args=[state.uuid]), "Enrolment funnel"),  # type: ignore[attr-defined]
            "district dashboard": (reverse("programs:organization-dashboard", args=[district.uuid]), "By school"),  # type: ignore[attr-defined]
            "program dashboard": (reverse("programs:program-dashboard", args=[program.uuid]), "By cohort"),  # type: ignore[attr-defined]
            "state at-risk CSV": (
                reverse("programs:organization-dashboard", args=[state.uuid]) + "?csv=at-risk",  # type: ignore[attr-defined]
                "Educator,",
            ),
        }
        from django.core.cache import cache as django_cache

        from evident.programs.analytics import cache

        # What the periodic refresh does after writing facts: every state's dashboard computed ahead of readers.
        django_cache.clear()
        started = time.perf_counter()
        warmed = cache.warm()
        print(f"The refresh's warm-up computed {warmed} dashboard(s) in {time.perf_counter() - started:.2f} s.")
        django_cache.clear()  # so each page's first request below computes its figures
        results = {name: measure(client, page, expect) for name, (page, expect) in pages.items()}
        print()
        print("| page | first request ms (figures computed) | median ms after (from the cache) | queries after |")
        print("|---|---|---|---|")
        for name, (cold, warm, queries) in results.items():
            print(f"| {name} | {cold:.0f} | {warm:.0f} | {queries} |")
        print()
        cold_ratio = results["state dashboard"][0] / results["district dashboard"][0]
        warm_ratio = results["state dashboard"][1] / results["district dashboard"][1]
        print(f"state / district (100x the enrolments): computed {cold_ratio:.2f}, from the cache {warm_ratio:.2f}")
    finally:
        from django.db import connections

        connections.close_all()
        if not arguments.keep and not arguments.reuse:
            drop_database(url)


if __name__ == "__main__":
    main()
