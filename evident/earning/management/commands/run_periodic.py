"""``manage.py run_periodic``: the one scheduler process (see evident/periodic.py)."""

from __future__ import annotations

import time
from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections, connection

from evident import periodic


class Command(BaseCommand):
    help = (
        "Enqueue the periodic jobs when due and re-queue tasks left running by a stopped worker. "
        "Run exactly one, beside the task workers (manage.py db_worker)."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--once", action="store_true", help="Check once and exit (for cron or a timer).")
        parser.add_argument("--interval", type=float, default=60.0, help="Seconds between checks (default 60).")
        parser.add_argument(
            "--lease-minutes",
            type=int,
            default=int(periodic.TASK_LEASE.total_seconds() // 60),
            help="Re-queue tasks running longer than this (default 60).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        interval: float = options["interval"]
        lease = timedelta(minutes=options["lease_minutes"])
        if interval <= 0 or lease <= timedelta(0):
            raise CommandError("--interval and --lease-minutes must be positive.")
        try:
            while True:
                # A long-lived process: drop connections the database closed, as db_worker does
                # (never inside a transaction, such as a test's, which that would end).
                if not connection.in_atomic_block:
                    close_old_connections()
                self._tick(lease)
                if options["once"]:
                    return
                time.sleep(interval)
        except KeyboardInterrupt:
            return

    def _tick(self, lease: timedelta) -> None:
        requeued = periodic.requeue_stale_tasks(lease=lease)
        if requeued:
            self.stdout.write(f"Re-queued or stopped {requeued} task(s) left running by a stopped worker.")
        for name in periodic.enqueue_due_jobs():
            self.stdout.write(f"Enqueued {name}.")
