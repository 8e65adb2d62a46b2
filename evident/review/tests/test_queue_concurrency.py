"""Many reviewers claiming at once, each in their own thread and database connection.

No submission may be given to two reviewers for the same role, every one
must be given out, and no claim may fail. On PostgreSQL this exercises the
``FOR UPDATE SKIP LOCKED`` path; on SQLite the conditional update and the
serialised (``IMMEDIATE``) write transactions.
"""

from __future__ import annotations

import sqlite3
import tempfile
import threading
import time
import unittest
from collections import Counter
from datetime import timedelta
from pathlib import Path
from unittest import mock

from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.db.models import Count
from django.test import TransactionTestCase
from django.utils import timezone

from evident.accounts.models import Organization, User
from evident.accounts.tests.factories import OrganizationFactory, member
from evident.catalog.tests.factories import issuer, publish, quality_reviewer, sample_blueprint
from evident.earning.models import Enrollment, Submission
from evident.review import queue
from evident.review.models import Assignment, Certification, PoolMember, QueueEntry, ReviewerPool

Role = Assignment.Role
SUBMISSIONS = 20
REVIEWERS = 8
# A thread that finds nothing while others still hold entries (they are taking them) looks again,
# for at most this long; the queue is empty long before.
GIVE_UP_AFTER = 60.0


class ConcurrentClaimMixin:
    """The test, for either database; the subclasses say where it runs."""

    pool: ReviewerPool
    reviewers: list[User]

    def setUp(self) -> None:
        super().setUp()  # type: ignore[misc]  # TransactionTestCase, in the subclasses
        school_district = OrganizationFactory(slug="riverbend", name="Riverbend Schools")
        school = OrganizationFactory(
            slug="maple", name="Maple Street Elementary", kind=Organization.Kind.SCHOOL, parent=school_district
        )
        institute = issuer()
        version = publish(member(institute, "author"), institute, sample_blueprint(), quality_reviewer())
        reviewing = OrganizationFactory(slug="teaching-forward", name="Teaching Forward")
        self.pool = ReviewerPool.objects.create(
            organization=reviewing, name="Phonics reviewers", micro_credential=version.micro_credential
        )
        self.reviewers = []
        for n in range(REVIEWERS):
            reviewer = member(reviewing, "reviewer", email=f"reviewer{n}@tf.example")
            PoolMember.objects.create(pool=self.pool, reviewer=reviewer)
            Certification.objects.create(
                reviewer=reviewer, pool=self.pool, expires_at=timezone.now() + timedelta(days=365)
            )
            self.reviewers.append(reviewer)
        start = timezone.now() - timedelta(days=1)
        for n in range(SUBMISSIONS):
            educator = member(school, "educator", email=f"teacher{n}@maple.example")
            enrollment = Enrollment.objects.create(
                educator=educator,
                organization=school,
                micro_credential=version.micro_credential,
                version=version,
                status=Enrollment.Status.SUBMITTED,
            )
            Submission.objects.create(
                enrollment=enrollment,
                number=1,
                status=Submission.Status.SUBMITTED,
                submitted_at=start + timedelta(minutes=n),
            )

    def claim_all_at_once(self, role: str) -> list[BaseException]:
        """Every reviewer claims ``role`` in a loop, all starting together, until nothing waits for it."""
        barrier = threading.Barrier(REVIEWERS)
        errors: list[BaseException] = []

        def waiting() -> bool:
            return QueueEntry.objects.filter(needs=role, closed_at__isnull=True).exists()

        def work(reviewer: User) -> None:
            try:
                barrier.wait(timeout=30)
                deadline = time.monotonic() + GIVE_UP_AFTER
                while time.monotonic() < deadline:
                    if queue.assignment_claim(actor=reviewer, pool=self.pool, role=role) is not None:
                        # A moment between claims, as people take them: without it, on SQLite the
                        # thread holding the write lock takes it back before the others' busy
                        # handlers wake, and one thread would claim everything.
                        time.sleep(0.002)
                    elif not waiting():
                        return
                    else:
                        # Every entry left is being taken, or is not for this reviewer (second scoring).
                        time.sleep(0.01)
            except BaseException as exc:  # reported by the main thread
                errors.append(exc)
            finally:
                # Each thread has its own connection (django.db.connections is per thread): close it.
                connection.close()

        threads = [threading.Thread(target=work, args=(reviewer,)) for reviewer in self.reviewers]
        # The limit on reviews in progress is not what is tested here: 8 x 5 would be enough, but
        # an unlucky schedule could give one reviewer more than five.
        with mock.patch.object(queue, "MAX_ACTIVE_ASSIGNMENTS", SUBMISSIONS + 1):
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=GIVE_UP_AFTER + 30)
        assert not any(thread.is_alive() for thread in threads), "a claiming thread hung"
        return errors

    def holders(self, role: str) -> dict[int, int]:
        """How many assignments hold ``role``, per submission."""
        rows = (
            Assignment.objects.filter(role=role, status__in=Assignment.HOLDS_ROLE)
            .values("submission_id")
            .annotate(n=Count("pk"))
            .order_by()
        )
        return {row["submission_id"]: row["n"] for row in rows}

    def test_no_submission_is_claimed_twice_for_a_role(self) -> None:
        submission_ids = set(Submission.objects.values_list("pk", flat=True))

        errors = self.claim_all_at_once(Role.FIRST)
        assert errors == [], errors
        first = self.holders(Role.FIRST)
        assert set(first) == submission_ids  # every one given out
        assert set(first.values()) == {1}  # to exactly one reviewer
        assert not QueueEntry.objects.exclude(needs="").exists()
        assert set(Submission.objects.values_list("status", flat=True)) == {Submission.Status.UNDER_REVIEW}

        # Every first scoring done and every submission scored twice: the second round, where each
        # reviewer must also pass over what they scored first.
        Assignment.objects.update(status=Assignment.Status.COMPLETED, completed_at=timezone.now())
        QueueEntry.objects.update(needs=Role.SECOND, double_scored=True)
        errors = self.claim_all_at_once(Role.SECOND)
        assert errors == [], errors
        second = self.holders(Role.SECOND)
        assert set(second) == submission_ids
        assert set(second.values()) == {1}
        scorers = Counter(
            Assignment.objects.filter(role__in=[Role.FIRST, Role.SECOND]).values_list("submission_id", "reviewer_id")
        )
        assert set(scorers.values()) == {1}, "someone scored the same submission twice"


@unittest.skipUnless(connection.vendor == "postgresql", "row locks (SKIP LOCKED) are tested on PostgreSQL")
class PostgresConcurrentClaimTests(ConcurrentClaimMixin, TransactionTestCase):
    pass


@unittest.skipUnless(connection.vendor == "sqlite", "the SQLite variant of the same test")
class SqliteConcurrentClaimTests(ConcurrentClaimMixin, TransactionTestCase):
    """On a database file in WAL mode with IMMEDIATE transactions, as ``settings.py`` runs SQLite.

    The in-memory test database cannot be used from several threads: its
    connections share one cache, whose table locks fail at once ("database
    table is locked") instead of waiting as file locks do. So the rows made
    in ``setUp`` are copied to a file, the threads connect to that file, and
    the result is copied back for the assertions (and the flush after).
    """

    def claim_all_at_once(self, role: str) -> list[BaseException]:
        with tempfile.TemporaryDirectory(prefix="evident-queue-test-") as folder:
            path = str(Path(folder) / "queue.sqlite3")
            connection.ensure_connection()
            memory = connection.connection
            file = sqlite3.connect(path)
            memory.backup(file)
            file.close()
            settings_dict = connections.settings[DEFAULT_DB_ALIAS]
            # Every thread's connection reads this (shared) dict when it opens. The main
            # thread's in-memory connection stays open, untouched, until the name is restored.
            assert settings_dict is connection.settings_dict
            memory_name = settings_dict["NAME"]
            settings_dict["NAME"] = path
            try:
                errors = super().claim_all_at_once(role)
            finally:
                settings_dict["NAME"] = memory_name
            file = sqlite3.connect(path)
            file.backup(memory)
            file.close()
        return errors
