"""Background work for the dashboards."""

from __future__ import annotations

from django_tasks import task

from evident.programs.analytics import cache, facts


@task()
def refresh_dashboards_task() -> list[int]:
    """Periodic (every five minutes): rebuild the facts of enrolments that changed, then the dashboards people read."""
    changed = facts.refresh_changed()
    return [changed, cache.warm() if changed else 0]


@task()
def refresh_educators_task(educator_ids: list[int]) -> list[int]:
    """After a roster or cohort change: those educators' enrolments may count for another program now."""
    changed = facts.refresh_for_educators(educator_ids)
    return [changed, cache.warm() if changed else 0]
