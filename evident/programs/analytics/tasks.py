"""Background work for the dashboards."""

from __future__ import annotations

from django_tasks import task

from evident.programs.analytics import facts


@task()
def refresh_dashboards_task() -> int:
    """Periodic (every five minutes): rebuild the facts of enrolments that changed."""
    return facts.refresh_changed()


@task()
def refresh_educators_task(educator_ids: list[int]) -> int:
    """After a roster or cohort change: those educators' enrolments may count for another program now."""
    return facts.refresh_for_educators(educator_ids)
