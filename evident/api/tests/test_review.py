from __future__ import annotations

from django.test import override_settings

from evident.accounts import services as account_services
from evident.api.tests.client import ApiClient
from evident.review.tests.base import ReviewTestCase


def api_for(user) -> ApiClient:
    return ApiClient(account_services.api_token_create_personal(actor=user, name="t", read_only=False)[1])


@override_settings(
    REVIEW_DOUBLE_SCORE_FIRST_DECISIONS=0, REVIEW_DOUBLE_SCORE_SHARE_PERCENT=0, REVIEW_BACK_READ_SHARE_PERCENT=0
)
class ReviewApiTests(ReviewTestCase):
    def test_a_reviewer_claims_scores_and_decides_through_the_api_without_seeing_who(self):
        submission = self.submitted_by(self.educator)
        api = api_for(self.reviewer_a)
        status, pools = api.get("/review/pools")
        assert status == 200
        assert pools[0]["waiting"]["first"] == 1
        status, assignment = api.post(f"/review/pools/{self.pool.uuid}/claim", {"role": "first"})
        assert status == 201, assignment
        assert assignment["submission"] == submission.code
        status, sheet = api.get(f"/review/assignments/{assignment['uuid']}")
        assert status == 200
        body = str(sheet)
        for secret in ("Elena", "elena@maple.example", "Maple Street", "lesson.mp4"):
            assert secret not in body
        assert len(sheet["problems"]) == 3
        for requirement in sheet["requirements"]:
            top = max(requirement["levels"], key=lambda level: level["score"])
            status, sheet = api.put(
                f"/review/assignments/{assignment['uuid']}/scores/{requirement['uuid']}",
                {"level": top["id"], "feedback": ""},
            )
            assert status == 200, sheet
        assert sheet["problems"] == []
        status, done = api.post(f"/review/assignments/{assignment['uuid']}/complete")
        assert status == 200, done
        assert (done["decision"], done["basis"]) == ("earned", "single")
        status, decisions = api_for(self.lead).get(f"/review/pools/{self.pool.uuid}/decisions")
        assert status == 200
        assert [(d["submission"], d["outcome"], d["basis"]) for d in decisions] == [
            (submission.code, "earned", "single")
        ]
        assert api.get(f"/review/pools/{self.pool.uuid}/decisions")[0] == 403
        status, figures = api.get("/review/statistics/me")
        assert figures["completed"] == 1
        assert api.post(f"/review/pools/{self.pool.uuid}/claim", {"role": "first"})[0] == 204

    def test_others_cannot_see_an_assignment_and_the_uncertified_cannot_claim(self):
        self.submitted_by(self.educator)
        _, assignment = api_for(self.reviewer_a).post(f"/review/pools/{self.pool.uuid}/claim", {"role": "first"})
        for user in (self.reviewer_b, self.lead, self.educator, self.outsider):
            assert api_for(user).get(f"/review/assignments/{assignment['uuid']}")[0] == 404
        assert api_for(self.uncertified).post(f"/review/pools/{self.pool.uuid}/claim", {"role": "first"})[0] == 403
        assert api_for(self.outsider).post(f"/review/pools/{self.pool.uuid}/claim", {"role": "first"})[0] == 404

    def test_a_lead_reads_the_pool_figures(self):
        status, body = api_for(self.lead).get("/review/statistics/pools")
        assert status == 200
        assert len(body[str(self.pool.uuid)]) == 4
        assert api_for(self.reviewer_a).get("/review/statistics/pools")[1] == {}
