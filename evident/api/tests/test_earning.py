from __future__ import annotations

from typing import Any

from evident.accounts import services as account_services
from evident.api.tests.client import ApiClient
from evident.earning.models import Enrollment, EvidenceAccess
from evident.earning.tests.base import WORDS_350, EarningTestCase


def api_for(user, *, read_only: bool = False) -> ApiClient:
    return ApiClient(account_services.api_token_create_personal(actor=user, name="t", read_only=read_only)[1])


class EarningApiTests(EarningTestCase):
    def start(self, api: ApiClient) -> dict[str, Any]:
        status, body = api.post("/enrollments", {"micro_credential": str(self.version.micro_credential.uuid)})
        assert status == 201, body
        created: dict[str, Any] = body
        return created

    def test_an_educator_enrols_writes_and_submits_through_the_api(self):
        api = api_for(self.educator)
        enrollment = self.start(api)
        assert enrollment["status"] == "working"
        assert enrollment["organization"] == str(self.school.uuid)
        submission_uuid = enrollment["current_submission"]
        status, body = api.get(f"/submissions/{submission_uuid}")
        assert status == 200
        assert len(body["problems"]) == 3
        written = next(e for e in body["evidence"] if e["evidence_kind"] == "written")
        status, body = api.put(f"/submissions/{submission_uuid}/evidence/{written['requirement']}", {"text": WORDS_350})
        assert status == 200, body
        assert len(body["problems"]) == 2

        record = Enrollment.objects.get(uuid=enrollment["uuid"])
        self.add_video(record)
        self.add_pdf(record)
        status, body = api.get(f"/submissions/{submission_uuid}")
        video = next(e for e in body["evidence"] if e["evidence_kind"] == "video")["files"][0]
        assert video["url"].startswith("http://testserver/earning/files/")
        status, body = api.post(f"/submissions/{submission_uuid}/submit", {"consent": False})
        assert status == 422
        assert "consent" in body["message"]
        status, body = api.post(f"/submissions/{submission_uuid}/submit", {"consent": True})
        assert status == 200, body
        assert body["status"] == "submitted"
        assert len(body["snapshot_sha256"]) == 64
        status, timeline = api.get(f"/enrollments/{enrollment['uuid']}/timeline")
        assert [e["kind"] for e in timeline] == ["started", "submitted"]
        status, body = api.post(f"/submissions/{submission_uuid}/withdraw")
        assert status == 200
        assert body["status"] == "draft"

    def test_the_file_link_from_the_api_opens_for_the_token_owner_only(self):
        api = api_for(self.educator)
        enrollment = self.start(api)
        self.add_pdf(Enrollment.objects.get(uuid=enrollment["uuid"]))
        _, body = api.get(f"/submissions/{enrollment['current_submission']}")
        url = next(e for e in body["evidence"] if e["evidence_kind"] == "document")["files"][0]["url"]
        assert self.client_for(self.educator).get(url).status_code == 200
        assert self.client_for(self.other_educator).get(url).status_code == 404
        assert EvidenceAccess.objects.count() == 1

    def test_others_get_404(self):
        enrollment = self.start(api_for(self.educator))
        for user in (self.other_educator, self.coach, self.reviewer, self.outsider):
            api = api_for(user)
            assert api.get(f"/enrollments/{enrollment['uuid']}")[0] == 404
            assert api.get(f"/submissions/{enrollment['current_submission']}")[0] == 404
            assert api.post(f"/submissions/{enrollment['current_submission']}/submit", {"consent": True})[0] == 404
        assert api_for(self.other_educator).get("/enrollments")[1]["items"] == []

    def test_a_read_only_token_cannot_enrol(self):
        status, _ = api_for(self.educator, read_only=True).post(
            "/enrollments", {"micro_credential": str(self.version.micro_credential.uuid)}
        )
        assert status == 403

    def test_a_second_enrolment_is_refused_with_the_reason(self):
        api = api_for(self.educator)
        self.start(api)
        status, body = api.post("/enrollments", {"micro_credential": str(self.version.micro_credential.uuid)})
        assert status == 422
        assert "already working" in body["message"]

    def test_it_refuses_an_organization_that_is_not_the_educators(self):
        status, _ = api_for(self.educator).post(
            "/enrollments",
            {
                "micro_credential": str(self.version.micro_credential.uuid),
                "organization": str(self.other_district.uuid),
            },
        )
        assert status == 404
