from __future__ import annotations

from typing import Any

from evident.accounts import services as account_services
from evident.accounts.tests.factories import member
from evident.api.tests.client import ApiClient
from evident.catalog.demo import ALL_CRITERIA_MET
from evident.catalog.models import MicroCredentialVersion
from evident.catalog.tests.factories import issuer, publish, quality_reviewer, sample_blueprint
from evident.testsupport.cases import TenantTestCase


def api_for(user) -> ApiClient:
    return ApiClient(account_services.api_token_create_personal(actor=user, name="t", read_only=False)[1])


class CatalogApiTests(TenantTestCase):
    def setUp(self):
        self.institute = issuer()
        self.author = member(self.institute, "author")
        self.reviewer = quality_reviewer()
        self.phonics = publish(self.author, self.institute, sample_blueprint(), self.reviewer)

    def test_anyone_can_search_and_read_the_catalog(self):
        status, body = ApiClient().get("/catalog/micro-credentials?q=phonics")
        assert status == 200
        assert [e["title"] for e in body["items"]] == ["Teaching Phonics"]
        status, body = ApiClient().get(f"/catalog/micro-credentials/{body['items'][0]['uuid']}")
        assert status == 200
        assert body["achievement"]["achievementType"] == "MicroCredential"
        assert len(body["blueprint"]["requirements"]) == 3

    def test_drafts_are_not_in_the_public_api(self):
        draft = self.api_create(api_for(self.author))
        assert ApiClient().get(f"/catalog/micro-credentials/{draft['micro_credential']}")[0] == 404

    def api_create(self, api: ApiClient) -> dict[str, Any]:
        status, body = api.post(
            "/authoring/micro-credentials",
            {"organization": str(self.institute.uuid), "blueprint": sample_blueprint("API Draft").to_dict()},
        )
        assert status == 201, body
        created: dict[str, Any] = body
        return created

    def test_an_author_drafts_submits_and_a_reviewer_approves(self):
        author_api = api_for(self.author)
        draft = self.api_create(author_api)
        blueprint = draft["blueprint"] | {"summary": "Edited through the API."}
        status, body = author_api.put(f"/authoring/versions/{draft['uuid']}", blueprint)
        assert status == 200
        assert body["blueprint"]["summary"] == "Edited through the API."
        assert author_api.post(f"/authoring/versions/{draft['uuid']}/submit")[0] == 200
        reviewer_api = api_for(self.reviewer)
        status, queue = reviewer_api.get("/quality-reviews")
        assert [v["uuid"] for v in queue] == [draft["uuid"]]
        status, review = reviewer_api.post(f"/quality-reviews/{draft['uuid']}", {"verdicts": ALL_CRITERIA_MET})
        assert status == 201
        assert review["outcome"] == "approved"
        assert MicroCredentialVersion.objects.get(uuid=draft["uuid"]).status == "published"

    def test_a_published_version_cannot_be_changed_through_the_api(self):
        status, body = api_for(self.author).put(
            f"/authoring/versions/{self.phonics.uuid}", sample_blueprint("Changed").to_dict()
        )
        assert status == 422
        assert "can no longer change" in body["message"]

    def test_other_organizations_and_roles_are_kept_out(self):
        draft = self.api_create(api_for(self.author))
        other_author = member(issuer("elsewhere", "Elsewhere"), "author")
        assert api_for(other_author).get(f"/authoring/versions/{draft['uuid']}")[0] == 404
        assert (
            api_for(other_author).put(f"/authoring/versions/{draft['uuid']}", sample_blueprint("Mine").to_dict())[0]
            == 404
        )
        educator = member(self.institute, "educator")
        assert api_for(educator).get(f"/authoring/versions/{draft['uuid']}")[0] == 403
        assert (
            api_for(self.outsider).post(
                "/authoring/micro-credentials",
                {"organization": str(self.institute.uuid), "blueprint": sample_blueprint("X").to_dict()},
            )[0]
            == 404
        )
        assert api_for(self.author).get("/quality-reviews")[0] == 403
        assert api_for(self.author).post(f"/quality-reviews/{draft['uuid']}", {"verdicts": ALL_CRITERIA_MET})[0] == 404

    def test_an_invalid_blueprint_is_explained(self):
        status, body = api_for(self.author).post(
            "/authoring/micro-credentials",
            {"organization": str(self.institute.uuid), "blueprint": {"title": "", "badge_color": "red"}},
        )
        assert status == 422
        assert body["extra"]["errors"]


class StackAndPathwayApiTests(TenantTestCase):
    def test_anyone_reads_stacks_and_pathways(self):
        from evident.catalog.services import pathway_create, stack_create

        institute = issuer()
        author = member(institute, "author")
        mc = publish(author, institute, sample_blueprint(), quality_reviewer()).micro_credential
        stack = stack_create(
            actor=author, organization=institute, title="Early Literacy", description="d", micro_credentials=[mc]
        )
        pathway = pathway_create(
            actor=author,
            organization=institute,
            title="Lead",
            role_name="Lead Teacher",
            description="d",
            steps=[("foundational", stack, []), ("advanced", mc, [0])],
        )
        status, stacks = ApiClient().get("/catalog/stacks")
        assert status == 200
        assert stacks[0]["micro_credentials"] == [str(mc.uuid)]
        assert ApiClient().get(f"/catalog/stacks/{stack.uuid}")[1]["issuer"] == "institute"
        status, body = ApiClient().get(f"/catalog/pathways/{pathway.uuid}")
        assert [s["after"] for s in body["steps"]] == [[], [0]]
        assert ApiClient().get("/catalog/pathways")[0] == 200
