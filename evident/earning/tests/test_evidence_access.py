"""Evidence is private: who may open a file, and every permitted view recorded."""

from __future__ import annotations

from django.test import override_settings
from django.urls import reverse

from evident.earning import services
from evident.earning.links import evidence_link
from evident.earning.models import EvidenceAccess
from evident.earning.tests.base import EarningTestCase


class EvidenceAccessTests(EarningTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.enrollment = self.enrol()
        self.file = self.add_pdf(self.enrollment)

    def fetch(self, user, *, link_for=None, variant="original", **headers):
        link = evidence_link(self.file, link_for or user, variant)
        return self.client_for(user).get(link, headers=headers)

    def test_the_educator_reads_their_file_and_the_view_is_recorded(self):
        response = self.fetch(self.educator)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/pdf")
        self.assertEqual(response["Cache-Control"], "private, no-store")
        self.assertTrue(b"".join(response.streaming_content).startswith(b"%PDF"))
        access = EvidenceAccess.objects.get()
        self.assertEqual((access.viewer, access.capacity), (self.educator, "educator"))

    def test_outsiders_get_404_and_nothing_is_recorded(self):
        for user in (self.outsider, self.other_educator, self.reviewer, self.coach, self.other_coach):
            with self.subTest(user=user.email):
                self.assertEqual(self.fetch(user).status_code, 404)
        self.assertFalse(EvidenceAccess.objects.exists())

    def test_a_signed_out_visitor_is_sent_to_sign_in(self):
        response = self.client.get(evidence_link(self.file, self.educator))
        self.assertEqual(response.status_code, 302)
        self.assertIn("/accounts/login/", response["Location"])

    def test_a_shared_coach_reads_it_until_unshared(self):
        services.coach_share(actor=self.educator, enrollment=self.enrollment, coach=self.coach)
        self.assertEqual(self.fetch(self.coach).status_code, 200)
        self.assertEqual(EvidenceAccess.objects.get().capacity, "coach")
        page = self.client_for(self.educator).get(self.enrollment.get_absolute_url())
        self.assertContains(page, "Cole Coach (coach) opened lesson-plan.pdf")
        services.coach_unshare(actor=self.educator, enrollment=self.enrollment, coach=self.coach)
        self.assertEqual(self.fetch(self.coach).status_code, 404)

    def test_a_link_made_for_someone_else_opens_nothing(self):
        services.coach_share(actor=self.educator, enrollment=self.enrollment, coach=self.coach)
        self.assertEqual(self.fetch(self.coach, link_for=self.educator).status_code, 404)

    def test_an_expired_link_opens_nothing(self):
        link = evidence_link(self.file, self.educator)
        with override_settings(EARNING_EVIDENCE_LINK_SECONDS=-1):
            self.assertEqual(self.client_for(self.educator).get(link).status_code, 404)

    def test_a_link_without_a_signature_opens_nothing(self):
        url = reverse("earning:evidence-file", kwargs={"uuid": self.file.uuid, "variant": "original"})
        self.assertEqual(self.client_for(self.educator).get(url).status_code, 404)

    def test_it_answers_byte_ranges_so_video_seeks(self):
        size = self.file.size
        response = self.fetch(self.educator, Range="bytes=4-9")
        self.assertEqual(response.status_code, 206)
        self.assertEqual(response["Content-Range"], f"bytes 4-9/{size}")
        self.assertEqual(len(b"".join(response.streaming_content)), 6)
        # A seek is part of the view that opened the file, not a new one.
        self.assertFalse(EvidenceAccess.objects.exists())
        self.assertEqual(self.fetch(self.educator, Range=f"bytes={size + 10}-").status_code, 416)

    def test_a_video_serves_its_web_copy_and_poster(self):
        video = self.add_video(self.enrollment)
        video.refresh_from_db()
        for variant in ("web", "poster"):
            response = self.client_for(self.educator).get(evidence_link(video, self.educator, variant))
            self.assertEqual(response.status_code, 200, variant)
        self.assertEqual(EvidenceAccess.objects.filter(evidence_file=video).count(), 2)
