"""Dashboards answer from a cache that the periodic refresh keeps warm.

Computing a state's figures reads every one of its enrolments' facts (a
million rows for a state of 100,000 educators): fine every few minutes in
the background, too slow for every page view. So a dashboard's tables are
kept in the cache under a version that changes whenever facts change, and
after each refresh the dashboards someone looked at in the last day, and
every state's, are computed again, so the next person to open them reads the
new figures at once. Only the first view of a district's or a program's
dashboard nobody has opened for a day waits for its figures, a fraction of a
second.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.core.cache import cache
from django.utils import timezone

from evident.accounts.models import Organization
from evident.programs.analytics.figures import Dashboard, Scope, Table, scope_for_organization, scope_for_program
from evident.programs.models import EnrollmentFact, Program

VERSION_KEY = "dashboards:version"
VIEWED_KEY = "dashboards:viewed"
KEEP = timedelta(days=1)


@dataclass(frozen=True)
class Snapshot:
    tables: list[Table]
    refreshed: datetime | None  # when the newest fact in the scope was built
    computed_at: datetime

    def table(self, key: str) -> Table | None:
        return next((t for t in self.tables if t.key == key), None)


def scope_key(scope: Scope) -> str:
    return f"program:{scope.program.uuid}" if scope.program is not None else f"org:{scope.organization.uuid}"


def _scope_from_key(key: str) -> Scope | None:
    kind, _, uuid = key.partition(":")
    if kind == "program":
        program = Program.objects.select_related("organization").filter(uuid=uuid).first()
        return scope_for_program(program) if program else None
    organization = Organization.objects.filter(uuid=uuid).first()
    return scope_for_organization(organization) if organization else None


def version() -> int:
    return int(cache.get(VERSION_KEY, 0))


def facts_changed() -> None:
    """Every cached dashboard is out of date: the next read computes (or the warm-up has computed) it afresh."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, None)


def _key(scope: Scope, today: date) -> str:
    return f"dashboards:{version()}:{today.isoformat()}:{scope_key(scope)}"


def compute(scope: Scope, *, today: date | None = None) -> Snapshot:
    dashboard = Dashboard(scope, today=today)
    tables = dashboard.tables()
    return Snapshot(tables, dashboard.totals["refreshed"], timezone.now())


def snapshot(scope: Scope, *, today: date | None = None) -> Snapshot:
    """The scope's figures, from the cache when they are current."""
    today = today or timezone.localdate()
    viewed = cache.get(VIEWED_KEY) or {}
    viewed[scope_key(scope)] = timezone.now()
    cache.set(VIEWED_KEY, viewed, None)
    key = _key(scope, today)
    found: Snapshot | None = cache.get(key)
    if found is None:
        found = compute(scope, today=today)
        cache.set(key, found, int(KEEP.total_seconds()))
    return found


def warm() -> int:
    """After a refresh: compute again every dashboard viewed in the last day, and every state's. Returns how many.

    A state's dashboard is the one that reads the most facts (a second or two for
    a large state); a district's or a program's is computed in a fraction of a
    second when nobody has looked at it for a day.
    """
    now = timezone.now()
    viewed = {key: seen for key, seen in (cache.get(VIEWED_KEY) or {}).items() if now - seen < KEEP}
    cache.set(VIEWED_KEY, viewed, None)
    states = Organization.objects.filter(
        kind=Organization.Kind.STATE, pk__in=EnrollmentFact.objects.values("state").distinct().order_by()
    ).values_list("uuid", flat=True)
    keys = dict.fromkeys([*viewed, *(f"org:{uuid}" for uuid in states)])
    today = timezone.localdate()
    warmed = 0
    for key in keys:
        scope = _scope_from_key(key)
        if scope is None:
            continue
        cache.set(_key(scope, today), compute(scope, today=today), int(KEEP.total_seconds()))
        warmed += 1
    return warmed
