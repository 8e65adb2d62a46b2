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
from typing import Any

from django.db import transaction
from django.db.models import Max, Min
from django.utils import timezone

from evident.accounts.models import Organization
from evident.catalog.models import StackItem
from evident.earning.models import Enrollment, Submission
from evident.programs.models import CohortMember, EnrollmentFact, Program

BATCH = 5_000
UPDATE_FIELDS = [
    "educator",
    "school",
    "district",
    "state",
    "program",
    "cohort",
    "micro_credential",
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


def _build(enrollment_ids: list[int], places: dict[int, Place], offers: dict[int, set[int]]) -> list[EnrollmentFact]:
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
    now = timezone.now()
    facts = []
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
        facts.append(
            EnrollmentFact(
                enrollment_id=row["pk"],
                educator_id=row["educator_id"],
                school_id=place.school,
                district_id=place.district,
                state_id=place.state,
                program_id=program_id,
                cohort_id=cohort_id,
                micro_credential_id=row["micro_credential_id"],
                status=row["status"],
                started_on=timezone.localdate(row["started_at"]),
                submitted_on=timezone.localdate(attempt["first"]) if attempt else None,
                earned_on=timezone.localdate(earned_at) if earned_at else None,
                attempts=attempt["last"] if attempt else 0,
                first_attempt_passed=passed,
                days_to_earn=(earned_at - row["started_at"]).days
                if earned_at and earned_at >= row["started_at"]
                else None,
                first_turnaround_hours=_hours(first["submitted_at"], first["decided_at"]) if first else None,
                deadline=deadline,
                pd_hours=row["version__pd_hours"] or 0,
                refreshed_at=now,
            )
        )
    return facts


def refresh(enrollment_ids: Iterable[int]) -> int:
    """Rebuild the facts of these enrolments (and drop those of enrolments that are gone). Returns how many."""
    ids = sorted(set(enrollment_ids))
    if not ids:
        return 0
    places, offers = organization_places(), program_offers()
    done = 0
    for chunk in _chunks(ids, BATCH):
        facts = _build(chunk, places, offers)
        with transaction.atomic():
            EnrollmentFact.objects.bulk_create(
                facts, update_conflicts=True, unique_fields=["enrollment"], update_fields=UPDATE_FIELDS
            )
        done += len(facts)
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
