"""Keeping :class:`~evident.programs.models.EnrollmentFact` in step with enrolments.

A fact flattens one enrolment with everything the dashboards group or count
by: the school, district and state it was made through, the program and
cohort it counts for, when it was first submitted and earned, whether the
first attempt passed, and how long the first review took. Building them
reads enrolments in batches with a fixed number of queries per batch, so a
state's million enrolments rebuild in minutes and the periodic refresh,
which only touches what changed, in moments.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.db import connection, transaction
from django.db.models import Max, Min
from django.utils import timezone

from evident.accounts.models import Organization
from evident.catalog.models import StackItem
from evident.earning.models import Enrollment, Submission
from evident.programs.analytics.cache import facts_changed
from evident.programs.models import CohortMember, EnrollmentFact, Program

BATCH = 5_000
COLUMNS = [
    "enrollment_id",
    "educator_id",
    "school_id",
    "district_id",
    "state_id",
    "program_id",
    "cohort_id",
    "micro_credential_id",
    "status",
    "started_on",
    "submitted_on",
    "earned_on",
    "attempts",
    "first_attempt_passed",
    "days_to_earn",
    "first_turnaround_hours",
    "deadline",
    "pd_hours",
    "refreshed_at",
]


@dataclass(frozen=True)
class Place:
    school: int | None
    district: int | None
    state: int | None


def organization_places() -> dict[int, Place]:
    """Every organization's school, district and state (the tree is at most three deep)."""
    rows = {pk: (kind, parent) for pk, kind, parent in Organization.objects.values_list("pk", "kind", "parent_id")}
    places: dict[int, Place] = {}
    for pk in rows:
        found: dict[str, int] = {}
        node: int | None = pk
        for _ in range(5):
            if node is None or node not in rows:
                break
            kind, parent = rows[node]
            found.setdefault(kind, node)
            node = parent
        places[pk] = Place(
            found.get(Organization.Kind.SCHOOL),
            found.get(Organization.Kind.DISTRICT),
            found.get(Organization.Kind.STATE),
        )
    return places


def program_offers() -> dict[int, set[int]]:
    """Each program's micro-credentials: offered on their own or through an offered stack."""
    offers: dict[int, set[int]] = defaultdict(set)
    for program_id, mc_id in Program.micro_credentials.through.objects.values_list("program_id", "microcredential_id"):
        offers[program_id].add(mc_id)
    stacks: dict[int, set[int]] = defaultdict(set)
    for stack_id, mc_id in StackItem.objects.values_list("stack_id", "micro_credential_id"):
        stacks[stack_id].add(mc_id)
    for program_id, stack_id in Program.stacks.through.objects.values_list("program_id", "stack_id"):
        offers[program_id] |= stacks[stack_id]
    return offers


def _chunks(ids: list[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _hours(start: datetime | None, end: datetime | None) -> int | None:
    if start is None or end is None or end < start:
        return None
    return int((end - start) / timedelta(hours=1))


def _build(enrollment_ids: list[int], places: dict[int, Place], offers: dict[int, set[int]]) -> list[tuple[Any, ...]]:
    """The fact rows of these enrolments, as tuples in the order of :data:`COLUMNS`, adapted for the database."""
    enrollments = list(
        Enrollment.objects.filter(pk__in=enrollment_ids).values(
            "pk",
            "educator_id",
            "organization_id",
            "micro_credential_id",
            "status",
            "started_at",
            "earned_at",
            "deadline",
            "version__pd_hours",
        )
    )
    attempts: dict[int, dict[str, Any]] = {
        row["enrollment_id"]: row
        for row in Submission.objects.filter(enrollment_id__in=enrollment_ids, submitted_at__isnull=False)
        .values("enrollment_id")
        .annotate(first=Min("submitted_at"), last=Max("number"))
    }
    firsts = {
        row["enrollment_id"]: row
        for row in Submission.objects.filter(enrollment_id__in=enrollment_ids, number=1).values(
            "enrollment_id", "status", "submitted_at", "decided_at"
        )
    }
    educators = {row["educator_id"] for row in enrollments}
    places_in: dict[int, list[tuple[int, int, date]]] = defaultdict(list)
    for educator_id, member_program, member_cohort, cohort_deadline in CohortMember.objects.filter(
        educator_id__in=educators, removed_at__isnull=True
    ).values_list("educator_id", "program_id", "cohort_id", "cohort__deadline"):
        places_in[educator_id].append((member_program, member_cohort, cohort_deadline))
    refreshed = connection.ops.adapt_datetimefield_value(timezone.now())
    day = connection.ops.adapt_datefield_value
    facts: list[tuple[Any, ...]] = []
    for row in enrollments:
        place = places.get(row["organization_id"] or 0, Place(None, None, None))
        program_id: int | None = None
        cohort_id: int | None = None
        deadline: date | None = row["deadline"]
        for candidate, cohort, cohort_deadline in sorted(places_in.get(row["educator_id"], [])):
            if row["micro_credential_id"] in offers.get(candidate, ()):
                program_id, cohort_id, deadline = candidate, cohort, deadline or cohort_deadline
                break
        attempt = attempts.get(row["pk"])
        first = firsts.get(row["pk"])
        passed: bool | None = None
        if first is not None and first["status"] == Submission.Status.PASSED:
            passed = True
        elif first is not None and first["status"] == Submission.Status.NEEDS_REVISION:
            passed = False
        earned_at = row["earned_at"] if row["status"] == Enrollment.Status.EARNED else None
        days_to_earn = (earned_at - row["started_at"]).days if earned_at and earned_at >= row["started_at"] else None
        facts.append(
            (
                row["pk"],
                row["educator_id"],
                place.school,
                place.district,
                place.state,
                program_id,
                cohort_id,
                row["micro_credential_id"],
                row["status"],
                day(timezone.localdate(row["started_at"])),
                day(timezone.localdate(attempt["first"])) if attempt else None,
                day(timezone.localdate(earned_at)) if earned_at else None,
                attempt["last"] if attempt else 0,
                passed,
                days_to_earn,
                _hours(first["submitted_at"], first["decided_at"]) if first else None,
                day(deadline),
                connection.ops.adapt_decimalfield_value(row["version__pd_hours"] or Decimal(0), 5, 1),
                refreshed,
            )
        )
    return facts


def _upsert_sql() -> str:
    table = connection.ops.quote_name(EnrollmentFact._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(c) for c in COLUMNS)
    updates = ", ".join(
        f"{connection.ops.quote_name(c)} = excluded.{connection.ops.quote_name(c)}" for c in COLUMNS[1:]
    )
    placeholders = ", ".join(["%s"] * len(COLUMNS))
    # Only quoted identifiers from the model go into the text; every value is a parameter.
    return (
        f"INSERT INTO {table} ({columns}) VALUES ({placeholders}) ON CONFLICT (enrollment_id) DO UPDATE SET {updates}"  # noqa: S608
    )


def refresh(enrollment_ids: Iterable[int]) -> int:
    """Rebuild the facts of these enrolments; returns how many. (Facts of deleted enrolments go with them.)

    Rows are written with one ``INSERT … ON CONFLICT DO UPDATE`` per batch
    (SQLite and PostgreSQL both have it) rather than through model instances:
    building a million model objects costs more than everything else here.
    """
    ids = sorted(set(enrollment_ids))
    if not ids:
        return 0
    places, offers = organization_places(), program_offers()
    sql = _upsert_sql()
    done = 0
    for chunk in _chunks(ids, BATCH):
        rows = _build(chunk, places, offers)
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(sql, rows)
        done += len(rows)
    if done:
        facts_changed()
    return done


def refresh_for_educators(educator_ids: Iterable[int]) -> int:
    """After a roster or cohort change: the educators' enrolments may count for another program or cohort now."""
    ids = list(Enrollment.objects.filter(educator_id__in=list(educator_ids)).values_list("pk", flat=True))
    return refresh(ids)


def refresh_changed() -> int:
    """The periodic refresh: enrolments changed since the newest fact was built, and ones with no fact yet."""
    newest = EnrollmentFact.objects.aggregate(newest=Max("refreshed_at"))["newest"]
    changed = Enrollment.objects.filter(fact__isnull=True)
    if newest is not None:
        # A minute of overlap: an enrolment saved while the last refresh ran is read again.
        changed = changed | Enrollment.objects.filter(updated_at__gte=newest - timedelta(minutes=1))
    return refresh(changed.values_list("pk", flat=True))


def rebuild() -> int:
    """Every fact from scratch (``manage.py refresh_dashboards --all``)."""
    EnrollmentFact.objects.all().delete()
    return refresh(Enrollment.objects.values_list("pk", flat=True))
