"""Preparing videos for playback, and the scheduler that keeps background work moving."""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from datetime import timedelta
from io import StringIO
from pathlib import Path
from typing import Any
from unittest import mock

from django.core.cache import cache
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.test import TestCase, override_settings
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from evident import periodic
from evident.earning import media, processing
from evident.earning.models import EvidenceFile
from evident.earning.processing import Outcome, evidence_file_process
from evident.earning.tasks import process_evidence_file_task
from evident.earning.tests import samples
from evident.earning.tests.factories import EvidenceFactory, stored_evidence_file

Processing = EvidenceFile.Processing
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


class ProcessingTestCase(TestCase):
    folder: Path

    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        cls.folder = Path(tempfile.mkdtemp(prefix="evident-processing-test-"))
        samples.make_video(cls.folder / "lesson.mov", size=(160, 120), container="mov", codec="mpeg4")
        samples.make_video(cls.folder / "lesson.mp4", size=(160, 120))

    @classmethod
    def tearDownClass(cls) -> None:
        shutil.rmtree(cls.folder, ignore_errors=True)
        super().tearDownClass()

    def video(self, name: str = "lesson.mov", **fields: Any) -> EvidenceFile:
        return stored_evidence_file(self.folder / name, evidence=EvidenceFactory(), **fields)

    def process(self, file: EvidenceFile) -> EvidenceFile:
        """Run the task as the worker would, with each retry it enqueues."""
        with self.captureOnCommitCallbacks(execute=True):
            process_evidence_file_task.enqueue(str(file.uuid))
        file.refresh_from_db()
        return file

    def stored_sha256(self, name: str) -> str:
        with default_storage.open(name, "rb") as handle:
            return hashlib.sha256(handle.read()).hexdigest()


class ProcessTests(ProcessingTestCase):
    def test_it_converts_a_mov_and_stores_the_copies_beside_the_original(self):
        file = self.process(self.video("lesson.mov"))
        assert file.processing == Processing.READY
        assert (file.processing_attempts, file.processing_error) == (0, "")
        folder = f"evidence/{file.evidence.submission.enrollment.uuid}/{file.uuid}/"
        assert file.web_video.name == folder + "web.mp4"
        assert file.poster.name == folder + "poster.jpg"
        with default_storage.open(file.web_video.name, "rb") as handle:
            copy = self.folder / "stored-web.mp4"
            copy.write_bytes(handle.read())
        assert media.inspect_file(copy, filename="web.mp4").video_codec == "h264"
        assert default_storage.exists(file.poster.name)
        # The original is what the educator sent, byte for byte.
        assert self.stored_sha256(file.original.name) == file.sha256

    def test_it_makes_only_a_poster_for_a_video_that_plays_as_it_is(self):
        file = self.process(self.video("lesson.mp4"))
        assert file.processing == Processing.READY
        assert file.web_video.name == ""
        assert default_storage.exists(file.poster.name)

    def test_it_retries_then_fails_keeping_the_error_and_the_original(self):
        file = self.video()
        with mock.patch.object(processing, "make_web_copies", side_effect=RuntimeError("decoder exploded")) as fake:
            file = self.process(file)
        assert fake.call_count == 3
        assert file.processing == Processing.FAILED
        assert file.processing_attempts == 3
        assert file.processing_error == "RuntimeError: decoder exploded"
        assert (file.web_video.name, file.poster.name) == ("", "")
        assert self.stored_sha256(file.original.name) == file.sha256
        # Out of attempts: a stray task does nothing more.
        assert evidence_file_process(str(file.uuid)) == Outcome.SKIPPED

    @override_settings(EARNING_PROCESSING_ATTEMPTS=2)
    def test_it_succeeds_on_a_later_attempt(self):
        real = media.make_web_copies
        calls = []

        def flaky(*args: object, **kwargs: object) -> media.WebCopies:
            calls.append(1)
            if len(calls) == 1:
                raise OSError("storage hiccup")
            return real(*args, **kwargs)  # type: ignore[arg-type]

        with mock.patch.object(processing, "make_web_copies", side_effect=flaky):
            file = self.process(self.video())
        assert file.processing == Processing.READY
        assert file.processing_attempts == 1
        assert file.processing_error == ""

    def test_it_leaves_a_file_another_worker_claimed_or_that_is_done(self):
        for state in (Processing.PROCESSING, Processing.READY):
            with self.subTest(state=state):
                file = self.video(processing=state)
                assert evidence_file_process(str(file.uuid)) == Outcome.SKIPPED
                file.refresh_from_db()
                assert (file.processing, file.web_video.name, file.poster.name) == (state, "", "")
        assert evidence_file_process("00000000-0000-0000-0000-000000000000") == Outcome.SKIPPED

    def test_it_discards_its_copies_when_the_file_is_removed_meanwhile(self):
        file = self.video("lesson.mp4")
        real = media.make_web_copies

        def removed_while_working(*args: object, **kwargs: object) -> media.WebCopies:
            EvidenceFile.objects.filter(pk=file.pk).delete()
            return real(*args, **kwargs)  # type: ignore[arg-type]

        with mock.patch.object(processing, "make_web_copies", side_effect=removed_while_working):
            assert evidence_file_process(str(file.uuid)) == Outcome.SKIPPED
        folder = f"evidence/{file.evidence.submission.enrollment.uuid}/{file.uuid}"
        assert default_storage.listdir(folder)[1] == ["original.mp4"]


class ReaperTests(ProcessingTestCase):
    def running_task(self, file: EvidenceFile, *, started: timedelta, workers: int = 1) -> DBTaskResult[..., Any]:
        return DBTaskResult.objects.create(
            args_kwargs={"args": [str(file.uuid)], "kwargs": {}},
            task_path=process_evidence_file_task.module_path,
            backend_name="default",
            run_after=get_date_max(),
            status=TaskResultStatus.RUNNING,
            started_at=timezone.now() - started,
            worker_ids=[f"worker-{n}" for n in range(workers)],
        )

    def test_it_requeues_a_task_left_running_and_releases_the_file(self):
        file = self.video(processing=Processing.PROCESSING)
        stale = self.running_task(file, started=timedelta(hours=2))
        fresh = self.running_task(self.video(processing=Processing.PROCESSING), started=timedelta(minutes=5))
        assert periodic.requeue_stale_tasks() == 1
        stale.refresh_from_db()
        fresh.refresh_from_db()
        assert stale.status == TaskResultStatus.READY
        assert fresh.status == TaskResultStatus.RUNNING
        file.refresh_from_db()
        assert (file.processing, file.processing_attempts) == (Processing.PENDING, 1)
        assert "worker stopped" in file.processing_error
        # What the worker picks up next now succeeds.
        assert evidence_file_process(str(file.uuid)) == Outcome.READY
        assert periodic.requeue_stale_tasks() == 0

    def test_it_stops_a_task_that_keeps_losing_its_worker(self):
        file = self.video(processing=Processing.PROCESSING, processing_attempts=2)
        task = self.running_task(file, started=timedelta(hours=2), workers=periodic.MAX_CLAIMS)
        assert periodic.requeue_stale_tasks() == 1
        task.refresh_from_db()
        assert task.status == TaskResultStatus.FAILED
        file.refresh_from_db()
        assert (file.processing, file.processing_attempts) == (Processing.FAILED, 3)


class SchedulerTests(TestCase):
    def setUp(self) -> None:
        cache.clear()

    def test_it_enqueues_each_job_when_due(self):
        now = timezone.now()
        every = [job.name for job in periodic.JOBS]
        minutely = [job.name for job in periodic.JOBS if job.interval <= timedelta(minutes=1)]
        often = [job.name for job in periodic.JOBS if job.interval < timedelta(hours=1)]
        hourly = [job.name for job in periodic.JOBS if job.interval == timedelta(hours=1)]
        assert "purge_expired_evidence" in every and "expire_uploads" in hourly and "refresh_dashboards" in often
        assert "sync_review_queue" in minutely
        assert periodic.enqueue_due_jobs(now=now) == every
        assert periodic.enqueue_due_jobs(now=now + timedelta(seconds=30)) == []
        assert periodic.enqueue_due_jobs(now=now + timedelta(minutes=2)) == minutely
        assert periodic.enqueue_due_jobs(now=now + timedelta(minutes=59)) == often
        # The five-minute ones ran at 59; the minute ones are due again.
        assert periodic.enqueue_due_jobs(now=now + timedelta(minutes=61)) == [
            job.name for job in periodic.JOBS if job.name in hourly or job.name in minutely
        ]
        assert periodic.enqueue_due_jobs(now=now + timedelta(days=1, minutes=1)) == every

    @override_settings(TASKS=DATABASE_TASKS)
    def test_it_remembers_the_last_run_in_the_task_table(self):
        now = timezone.now()
        every = [job.name for job in periodic.JOBS]
        hourly = [job.name for job in periodic.JOBS if job.interval <= timedelta(hours=1)]
        assert periodic.enqueue_due_jobs(now=now) == every
        assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() == len(every)
        cache.clear()  # a restarted scheduler: the rows still say what ran
        assert periodic.enqueue_due_jobs(now=now + timedelta(seconds=30)) == []
        minutely = [job.name for job in periodic.JOBS if job.interval <= timedelta(minutes=1)]
        assert periodic.enqueue_due_jobs(now=now + timedelta(minutes=2)) == minutely
        assert periodic.enqueue_due_jobs(now=now + timedelta(hours=2)) == hourly

    @override_settings(TASKS=DATABASE_TASKS)
    def test_the_command_reaps_and_enqueues_once(self):
        out = StringIO()
        call_command("run_periodic", "--once", stdout=out)
        assert "Enqueued purge_expired_evidence." in out.getvalue()
        assert "Enqueued expire_uploads." in out.getvalue()
        assert set(DBTaskResult.objects.values_list("task_path", flat=True)) == {
            job.task.module_path for job in periodic.JOBS
        }
