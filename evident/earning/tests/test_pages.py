"""The educator's and the coach's pages, with their tenancy."""

from __future__ import annotations

from django.urls import reverse

from evident.earning import services
from evident.earning.models import Enrollment
from evident.earning.tests.base import EarningTestCase


class PageTests(EarningTestCase):
    def test_the_catalog_page_offers_to_start_and_starting_opens_the_work_page(self):
        page = self.client_for(self.educator).get(self.version.micro_credential.get_absolute_url())
        self.assertContains(page, "Start this micro-credential")
        response = self.client_for(self.educator).post(
            reverse("earning:enrollment-start", kwargs={"uuid": self.version.micro_credential.uuid})
        )
        enrollment = Enrollment.objects.get(educator=self.educator)
        self.assertRedirects(response, enrollment.get_absolute_url())
        page = self.client_for(self.educator).get(enrollment.get_absolute_url())
        self.assertContains(page, "Your evidence")
        self.assertContains(page, "A phonics lesson on video")
        self.assertContains(page, 'data-tus-endpoint="/api/v1/uploads/"')

    def test_my_micro_credentials_groups_by_state(self):
        self.enrol()
        page = self.client_for(self.educator).get(reverse("earning:enrollment-list"))
        self.assertContains(page, "Working on it")
        self.assertContains(page, "Teaching Phonics")

    def test_other_people_get_404_on_the_work_page(self):
        enrollment = self.enrol()
        for user in (self.other_educator, self.coach, self.reviewer, self.outsider):
            with self.subTest(user=user.email):
                self.assertEqual(self.client_for(user).get(enrollment.get_absolute_url()).status_code, 404)

    def test_autosave_saves_and_refuses_others(self):
        enrollment = self.enrol()
        draft = self.draft(enrollment)
        url = reverse(
            "earning:evidence-save", kwargs={"uuid": draft.uuid, "requirement": self.requirement("written").uuid}
        )
        response = self.client_for(self.educator).post(url, {"text": "First thoughts"}, headers={"HX-Request": "true"})
        self.assertContains(response, "Saved at")
        self.assertEqual(draft.evidence.get(requirement=self.requirement("written")).text, "First thoughts")
        self.assertEqual(self.client_for(self.other_educator).post(url, {"text": "x"}).status_code, 404)

    def test_autosave_needs_the_csrf_token(self):
        draft = self.draft(self.enrol())
        url = reverse(
            "earning:evidence-save", kwargs={"uuid": draft.uuid, "requirement": self.requirement("written").uuid}
        )
        response = self.client_for(self.educator, enforce_csrf=True).post(url, {"text": "x"})
        self.assertEqual(response.status_code, 403)

    def test_a_plain_upload_adds_a_file_or_says_why_not(self):
        from evident.earning.tests import samples

        enrollment = self.enrol()
        draft = self.draft(enrollment)
        url = reverse(
            "earning:evidence-files", kwargs={"uuid": draft.uuid, "requirement": self.requirement("document").uuid}
        )
        with samples.make_pdf(self.workdir / "plan.pdf").open("rb") as handle:
            response = self.client_for(self.educator).post(url, {"file": handle}, headers={"HX-Request": "true"})
        self.assertContains(response, "plan.pdf")
        with samples.make_executable(self.workdir / "plan2.pdf").open("rb") as handle:
            response = self.client_for(self.educator).post(url, {"file": handle}, headers={"HX-Request": "true"})
        self.assertEqual(response.status_code, 422)
        self.assertContains(response, "plan2.pdf", status_code=422)

    def test_submit_page_lists_problems_then_submits(self):
        enrollment = self.enrol()
        draft = self.draft(enrollment)
        url = reverse("earning:submission-submit", kwargs={"uuid": draft.uuid})
        response = self.client_for(self.educator).post(url, {})
        self.assertContains(response, "Before you can submit", status_code=422)
        self.complete_draft(enrollment)
        response = self.client_for(self.educator).post(url, {"consent": "on"})
        self.assertRedirects(response, enrollment.get_absolute_url())
        page = self.client_for(self.educator).get(enrollment.get_absolute_url())
        self.assertContains(page, "Submitted for review")
        self.assertContains(page, "Withdraw to make changes")

    def test_a_coach_sees_only_shared_drafts(self):
        enrollment = self.enrol()
        detail = reverse("earning:coaching-detail", kwargs={"uuid": enrollment.uuid})
        self.assertEqual(self.client_for(self.coach).get(detail).status_code, 404)
        services.coach_share(actor=self.educator, enrollment=enrollment, coach=self.coach)
        self.assertContains(self.client_for(self.coach).get(reverse("earning:coaching-list")), "Elena Educator")
        self.assertEqual(self.client_for(self.coach).get(detail).status_code, 200)
        self.assertEqual(self.client_for(self.other_coach).get(detail).status_code, 404)
        response = self.client_for(self.coach).post(
            reverse("earning:coaching-comment", kwargs={"uuid": enrollment.uuid}), {"body": "Lovely modelling."}
        )
        self.assertEqual(response.status_code, 302)
        self.assertContains(self.client_for(self.educator).get(enrollment.get_absolute_url()), "Lovely modelling.")

    def test_retention_page_is_for_organization_admins(self):
        from evident.accounts.tests.factories import member

        admin = member(self.district, "org_admin")
        url = reverse("earning:retention-edit", kwargs={"organization_uuid": self.district.uuid})
        self.assertContains(self.client_for(admin).get(url), "Evidence retention")
        self.assertEqual(self.client_for(self.coach).get(url).status_code, 403)
        self.assertEqual(self.client_for(self.outsider).get(url).status_code, 404)
        response = self.client_for(admin).post(url, {"evidence_retention_days": "10"})
        self.assertEqual(response.status_code, 422)
        response = self.client_for(admin).post(url, {"evidence_retention_days": "120"})
        self.assertEqual(response.status_code, 302)
