"""The programs API: programs, cohorts, rosters, transcripts and figures, and who may reach which."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from evident.accounts import services as accounts
from evident.accounts.models import User
from evident.api.tests.client import ApiClient, check_against_openapi
from evident.earning.models import Enrollment
from evident.programs.analytics import cache, facts
from evident.programs.models import CohortMember, CreditRule, OrganizationCreditRule, Program
from evident.programs.tests.base import ProgramsTestCase, add_member, earn, make_cohort, make_program

GOOD = (
    "Name,Email,School,Cohort,Coach\n"
    "Ana Alvarez,ana@example.org,Maple Street Elementary School,Fall,cole@riverbend.example\n"
    "Ben Brooks,ben@example.org,riverbend-high,Fall,\n"
    "Elena Educator,ELENA@maple.example,Maple Street Elementary School,Fall,\n"
)
BAD = (
    "Name,Email,School,Cohort,Coach\n"
    "Ana Alvarez,ana@example.org,Maple Street Elementary School,Fall,\n"
    "Jo,jo@,Maple Street Elementary School,Fall,\n"
    "Kim,kim@example.org,Maple St,Winter,\n"
)


class Api(ApiClient):
    """The checked client, with PATCH and multipart uploads."""

    def patch(self, path: str, data: Any) -> tuple[int, Any]:
        return self.call("PATCH", path, data)

    def upload(self, path: str, text: str, name: str = "roster.csv") -> tuple[int, Any]:
        url = "/api/v1" + path
        response = self.client.post(
            url,
            {"file": SimpleUploadedFile(name, text.encode(), content_type="text/csv")},
            headers=self.headers,
        )
        body = response.json()
        check_against_openapi("POST", url, response.status_code, body)
        return response.status_code, body


def api_for(user: User, *, read_only: bool = False) -> Api:
    return Api(accounts.api_token_create_personal(actor=user, name="t", read_only=read_only)[1])


def seeded(jurisdiction: str) -> CreditRule:
    return CreditRule.objects.filter(organization__isnull=True, jurisdiction=jurisdiction).get()


class ProgramsApiTestCase(ProgramsTestCase):
    def setUp(self) -> None:
        self.district_api = api_for(self.district_admin)
        self.state_api = api_for(self.state_admin)
        self.other_district_api = api_for(self.other_district_admin)
        self.other_state_api = api_for(self.other_state_admin)
        self.program = make_program(self.district, "Riverbend literacy", versions=[self.phonics], incentive="150")
        self.fall = make_cohort(self.program, "Fall", coaches=[self.coach])


class ProgramTests(ProgramsApiTestCase):
    def test_it_lists_the_programs_an_admin_runs_and_those_below(self):
        make_program(self.state, "Cascadia leaders", versions=[self.awareness])
        make_program(self.other_district, "North Fork reading", versions=[self.awareness])

        status, body = self.district_api.get("/programs")
        assert status == 200
        assert [(p["title"], p["can_manage"]) for p in body["items"]] == [("Riverbend literacy", True)]
        assert body["items"][0]["cohort_count"] == 1
        assert body["items"][0]["incentive"]["amount"] == "150.00"

        status, body = self.state_api.get("/programs")
        assert {(p["title"], p["can_manage"]) for p in body["items"]} == {
            ("Cascadia leaders", True),
            ("Riverbend literacy", False),
            ("North Fork reading", False),
        }
        assert self.other_state_api.get("/programs")[1]["count"] == 0

    def test_it_creates_a_program_with_offerings_an_incentive_and_a_credit_rule(self):
        tennessee = seeded("US-TN")
        status, body = self.district_api.post(
            f"/organizations/{self.district.uuid}/programs",
            {
                "title": "Phonics for all",
                "description": "Every K-2 teacher.",
                "micro_credentials": [str(self.phonics.micro_credential.uuid)],
                "stacks": [str(self.early_literacy.uuid)],
                "incentive": {"amount": "200", "currency": "usd", "note": "Paid in June."},
                "credit_rule": str(tennessee.uuid),
            },
        )
        assert status == 201, body
        assert body["status"] == "draft"
        assert body["organization"] == str(self.district.uuid)
        assert [m["title"] for m in body["micro_credentials"]] == ["Teaching Phonics"]
        assert [s["title"] for s in body["stacks"]] == ["Early Literacy"]
        assert body["incentive"] == {"amount": "200.00", "currency": "USD", "note": "Paid in June."}
        assert body["credit_rule"]["uuid"] == str(tennessee.uuid)
        assert body["credit_rule"]["seeded"] is True
        program = Program.objects.filter(uuid=body["uuid"]).get()
        assert program.credit_rule == tennessee
        assert program.created_by == self.district_admin

    def test_it_refuses_a_program_with_unknown_offerings_or_a_taken_title(self):
        path = f"/organizations/{self.district.uuid}/programs"
        status, body = self.district_api.post(path, {"title": "New", "micro_credentials": [str(self.district.uuid)]})
        assert status == 422
        assert body["message"] == f"No micro-credential with the id {self.district.uuid}."
        status, body = self.district_api.post(path, {"title": "riverbend LITERACY"})
        assert status == 422
        assert "already has a program called" in body["message"]
        status, body = self.district_api.post(path, {"title": "Other", "credit_rule": str(self.district.uuid)})
        assert status == 422
        assert body["extra"]["errors"]["credit_rule"]
        assert not Program.objects.filter(title="Other").exists()  # nothing half-made

    def test_it_creates_only_where_the_caller_runs_programs(self):
        path = f"/organizations/{self.district.uuid}/programs"
        assert self.state_api.post(path, {"title": "From above"})[0] == 404
        assert self.other_district_api.post(path, {"title": "From beside"})[0] == 404
        status, body = api_for(self.educator).post(f"/organizations/{self.school.uuid}/programs", {"title": "Mine"})
        assert status == 403
        assert self.district_api.post(f"/organizations/{self.state.uuid}/programs", {"title": "Up"})[0] == 404
        status, body = api_for(self.district_admin, read_only=True).post(path, {"title": "Read only"})
        assert status == 403
        assert "read-only" in body["message"]
        assert not Program.objects.exclude(pk=self.program.pk).exists()

    def test_it_reads_a_program_with_its_figures(self):
        add_member(self.fall, self.educator)
        earn(self.educator, self.phonics)
        status, body = self.district_api.get(f"/programs/{self.program.uuid}")
        assert status == 200
        assert (body["member_count"], body["credentials_earned"], body["incentive_owed"]) == (1, 1, "150.00")
        assert body["can_manage"] is True
        status, body = self.state_api.get(f"/programs/{self.program.uuid}")
        assert status == 200
        assert body["can_manage"] is False

    def test_it_hides_a_program_from_other_districts_and_states(self):
        for api in (self.other_district_api, self.other_state_api, api_for(self.educator)):
            status, body = api.get(f"/programs/{self.program.uuid}")
            assert status == 404
            assert body["message"] == "No such program."

    def test_it_changes_only_the_fields_given(self):
        status, body = self.district_api.patch(
            f"/programs/{self.program.uuid}", {"title": "Riverbend reading", "incentive": {"note": "Paid in May."}}
        )
        assert status == 200, body
        assert body["title"] == "Riverbend reading"
        assert body["incentive"] == {"amount": "150.00", "currency": "USD", "note": "Paid in May."}
        assert [m["title"] for m in body["micro_credentials"]] == ["Teaching Phonics"]
        status, body = self.district_api.patch(f"/programs/{self.program.uuid}", {"incentive": None})
        assert body["incentive"]["amount"] is None

    def test_it_sets_and_clears_the_credit_rule(self):
        utah = seeded("US-UT")
        status, body = self.district_api.patch(f"/programs/{self.program.uuid}", {"credit_rule": str(utah.uuid)})
        assert status == 200
        assert body["credit_rule"]["jurisdiction_name"] == "Utah"
        status, body = self.district_api.patch(f"/programs/{self.program.uuid}", {"credit_rule": None})
        assert body["credit_rule"] is None
        self.program.refresh_from_db()
        assert self.program.credit_rule is None

    def test_it_refuses_another_organizations_credit_rule(self):
        theirs = CreditRule.objects.create(
            organization=self.other_district,
            jurisdiction="US-TN",
            jurisdiction_name="Tennessee",
            name="North Fork PD points",
            unit=CreditRule.Unit.PDP,
            unit_label="PDPs",
            basis=CreditRule.Basis.PER_CREDENTIAL,
            amount="10",
        )
        status, body = self.district_api.patch(f"/programs/{self.program.uuid}", {"credit_rule": str(theirs.uuid)})
        assert status == 422
        assert body["message"] == f"No seeded rule or rule of Riverbend USD has the id {theirs.uuid}."
        self.program.refresh_from_db()
        assert self.program.credit_rule is None

    def test_it_opens_and_closes_a_program(self):
        draft = make_program(self.district, "Draft one", versions=[self.phonics], status=Program.Status.DRAFT)
        status, body = self.district_api.patch(f"/programs/{draft.uuid}", {"status": "active"})
        assert status == 422
        assert body["message"] == "Add a cohort first: educators join a program through a cohort."
        make_cohort(draft, "Winter")
        assert self.district_api.patch(f"/programs/{draft.uuid}", {"status": "active"})[1]["status"] == "active"
        assert self.district_api.patch(f"/programs/{draft.uuid}", {"status": "closed"})[1]["status"] == "closed"
        status, body = self.district_api.patch(f"/programs/{draft.uuid}", {"status": "draft"})
        assert status == 422
        assert "cannot go back to draft" in body["message"]

    def test_a_failed_status_change_leaves_the_other_changes_undone(self):
        draft = make_program(self.district, "Draft one", versions=[self.phonics], status=Program.Status.DRAFT)
        status, _ = self.district_api.patch(f"/programs/{draft.uuid}", {"title": "Renamed", "status": "active"})
        assert status == 422
        draft.refresh_from_db()
        assert draft.title == "Draft one"

    def test_only_the_programs_own_organization_changes_it(self):
        status, body = self.state_api.patch(f"/programs/{self.program.uuid}", {"title": "From above"})
        assert status == 403
        assert body["message"] == "Only the program's own organization can change it."
        state_program = make_program(self.state, "Cascadia leaders")
        assert self.district_api.patch(f"/programs/{state_program.uuid}", {"title": "From below"})[0] == 404
        assert self.other_district_api.patch(f"/programs/{self.program.uuid}", {"title": "Beside"})[0] == 404
        status, body = api_for(self.district_admin, read_only=True).patch(
            f"/programs/{self.program.uuid}", {"title": "Read only"}
        )
        assert status == 403
        self.program.refresh_from_db()
        assert self.program.title == "Riverbend literacy"


class CohortTests(ProgramsApiTestCase):
    def test_it_lists_a_programs_cohorts(self):
        add_member(self.fall, self.educator)
        status, body = self.district_api.get(f"/programs/{self.program.uuid}/cohorts")
        assert status == 200
        assert [(c["name"], c["member_count"], [p["email"] for p in c["coaches"]]) for c in body] == [
            ("Fall", 1, ["cole@riverbend.example"])
        ]
        assert self.other_district_api.get(f"/programs/{self.program.uuid}/cohorts")[0] == 404

    def test_it_adds_a_cohort_with_a_coach(self):
        today = timezone.localdate()
        status, body = self.district_api.post(
            f"/programs/{self.program.uuid}/cohorts",
            {
                "name": "Spring",
                "starts_on": str(today),
                "ends_on": str(today + timedelta(days=90)),
                "deadline": str(today + timedelta(days=60)),
                "coaches": [str(self.school_coach.uuid)],
            },
        )
        assert status == 201, body
        assert body["deadline_text"] == "60 days left"
        assert [c["uuid"] for c in body["coaches"]] == [str(self.school_coach.uuid)]

    def test_it_refuses_a_deadline_outside_the_dates_and_a_coach_from_elsewhere(self):
        today = timezone.localdate()
        cohort = {"name": "Spring", "starts_on": str(today), "ends_on": str(today + timedelta(days=10))}
        path = f"/programs/{self.program.uuid}/cohorts"
        status, body = self.district_api.post(path, {**cohort, "deadline": str(today + timedelta(days=30))})
        assert status == 422
        assert body["message"].startswith("The deadline must fall within the cohort's dates")
        assert list(body["extra"]["errors"]) == ["deadline"]
        status, body = self.district_api.post(
            path, {**cohort, "deadline": str(today), "coaches": [str(self.other_coach.uuid)]}
        )
        assert status == 422
        assert body["message"] == f"No coach in Riverbend USD or its schools has the id {self.other_coach.uuid}."
        assert self.program.cohorts.count() == 1

    def test_a_coach_reads_their_cohort_and_no_one_else_outside(self):
        assert api_for(self.coach).get(f"/cohorts/{self.fall.uuid}")[0] == 200
        assert self.state_api.get(f"/cohorts/{self.fall.uuid}")[0] == 200
        assert api_for(self.other_coach).get(f"/cohorts/{self.fall.uuid}")[0] == 404
        assert self.other_district_api.get(f"/cohorts/{self.fall.uuid}")[0] == 404

    def test_it_changes_the_deadline_and_the_coaches(self):
        add_member(self.fall, self.educator)
        enrollment = Enrollment.objects.create(
            educator=self.educator,
            micro_credential=self.phonics.micro_credential,
            version=self.phonics,
            status=Enrollment.Status.WORKING,
        )
        deadline = self.fall.deadline - timedelta(days=10)
        status, body = self.district_api.patch(
            f"/cohorts/{self.fall.uuid}", {"deadline": str(deadline), "coaches": [str(self.school_coach.uuid)]}
        )
        assert status == 200, body
        assert body["deadline"] == str(deadline)
        assert body["name"] == "Fall"
        assert [c["uuid"] for c in body["coaches"]] == [str(self.school_coach.uuid)]
        enrollment.refresh_from_db()
        assert enrollment.deadline == deadline  # the deadline reached the member's open work

    def test_it_lets_only_the_programs_admins_change_a_cohort(self):
        assert api_for(self.coach).patch(f"/cohorts/{self.fall.uuid}", {"name": "Mine"})[0] == 404
        assert self.state_api.patch(f"/cohorts/{self.fall.uuid}", {"name": "Above"})[0] == 403
        assert self.other_district_api.patch(f"/cohorts/{self.fall.uuid}", {"name": "Beside"})[0] == 404
        assert (
            api_for(self.district_admin, read_only=True).patch(f"/cohorts/{self.fall.uuid}", {"name": "RO"})[0] == 403
        )
        self.fall.refresh_from_db()
        assert self.fall.name == "Fall"

    def test_it_lists_the_roster_with_linked_and_invited_members(self):
        add_member(self.fall, self.educator, school=self.school, coach=self.coach)
        invited = add_member(self.fall, email="new@example.org", full_name="Nia New")
        invited.invited_at = timezone.now()
        invited.save(update_fields=["invited_at"])
        status, body = self.district_api.get(f"/cohorts/{self.fall.uuid}/members")
        assert status == 200
        assert body["count"] == 2
        rows = {m["email"]: m for m in body["items"]}
        assert rows["elena@maple.example"]["status"] == "linked"
        assert rows["elena@maple.example"]["educator"] == str(self.educator.uuid)
        assert rows["elena@maple.example"]["school"]["name"] == "Maple Street Elementary School"
        assert rows["elena@maple.example"]["coach"]["email"] == "cole@riverbend.example"
        assert rows["new@example.org"]["status"] == "invited"
        assert rows["new@example.org"]["educator"] is None
        assert self.other_district_api.get(f"/cohorts/{self.fall.uuid}/members")[0] == 404

    def test_the_roster_costs_the_same_queries_however_long(self):
        def queries() -> int:
            with CaptureQueriesContext(connection) as captured:
                assert self.district_api.get(f"/cohorts/{self.fall.uuid}/members")[0] == 200
            return len(captured)

        add_member(self.fall, self.educator, school=self.school, coach=self.coach)
        few = queries()
        for n in range(5):
            add_member(
                self.fall, email=f"p{n}@example.org", full_name=f"Person {n}", school=self.school, coach=self.coach
            )
        assert queries() == few

    def test_the_roster_comes_a_page_at_a_time(self):
        for n in range(5):
            add_member(self.fall, email=f"p{n}@example.org", full_name=f"Person {n}")
        status, body = self.district_api.get(f"/cohorts/{self.fall.uuid}/members?page=2&page_size=2")
        assert status == 200
        assert body["count"] == 5
        assert [m["full_name"] for m in body["items"]] == ["Person 2", "Person 3"]


class RosterTests(ProgramsApiTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.rosters = f"/programs/{self.program.uuid}/rosters"

    def apply(self, uuid: str) -> tuple[int, Any]:
        with self.captureOnCommitCallbacks(execute=True):
            return self.district_api.post(f"/rosters/{uuid}/apply")

    def test_it_previews_applies_and_reapplying_changes_nothing(self):
        status, body = self.district_api.upload(self.rosters, GOOD)
        assert status == 201, body
        assert body["status"] == "previewed"
        assert body["counts"] == {"lines": 3, "create": 3, "update": 0, "unchanged": 0, "reject": 0}
        assert [(line["line"], line["action"]) for line in body["lines"]] == [
            (2, "create"),
            (3, "create"),
            (4, "create"),
        ]
        assert not CohortMember.objects.filter(program=self.program).exists()  # a preview changes nothing

        status, body = self.apply(body["uuid"])
        assert status == 200, body
        assert body["status"] == "applied"
        members = CohortMember.objects.filter(program=self.program)
        assert members.count() == 3
        assert members.filter(email="elena@maple.example", educator=self.educator).exists()
        snapshot = list(
            members.order_by("email").values_list("email", "full_name", "cohort_id", "school_id", "coach_id")
        )

        status, again = self.district_api.upload(self.rosters, GOOD)
        assert again["counts"] == {"lines": 3, "create": 0, "update": 0, "unchanged": 3, "reject": 0}
        assert self.apply(again["uuid"])[0] == 200
        assert (
            list(members.order_by("email").values_list("email", "full_name", "cohort_id", "school_id", "coach_id"))
            == snapshot
        )

        status, body = self.apply(again["uuid"])
        assert status == 422
        assert body["message"] == "This file was applied already. Upload it again to re-run it."

    def test_rejected_lines_say_why_and_nothing_is_applied(self):
        status, body = self.district_api.upload(self.rosters, BAD)
        assert status == 201
        assert body["counts"]["reject"] == 2
        status, rejected = self.district_api.get(f"/rosters/{body['uuid']}?show=reject")
        assert status == 200
        assert rejected["lines_matching"] == 2
        errors = {line["line"]: line["errors"] for line in rejected["lines"]}
        assert errors[3] == ["the email ‘jo@’ is not a valid address"]
        assert errors[4] == [
            "no school called ‘Maple St’ in Riverbend USD — did you mean Maple Street Elementary School?",
            "no cohort called ‘Winter’ in this program (its cohorts: Fall)",
        ]

        status, body = self.apply(body["uuid"])
        assert status == 422
        assert body["message"].startswith("Some lines are rejected.")
        assert body["extra"]["rejected_count"] == 2
        assert [(line["line"], line["problem"]) for line in body["extra"]["rejected"]] == [
            (3, "the email ‘jo@’ is not a valid address."),
            (4, "; ".join(errors[4]) + "."),
        ]
        assert not CohortMember.objects.filter(program=self.program).exists()

    def test_a_file_that_cannot_be_read_is_refused(self):
        status, body = self.district_api.upload(self.rosters, "Name,Email\nAna,ana@example.org\n")
        assert status == 422
        assert "school" in body["message"]
        status, body = self.district_api.upload(self.rosters, "Name,Email,School,Cohort\n")
        assert status == 422
        assert body["message"] == "The file has a header but no educators under it."

    def test_it_answers_409_with_the_new_preview_when_the_roster_changed(self):
        status, body = self.district_api.upload(self.rosters, GOOD)
        add_member(self.fall, email="ana@example.org", full_name="Ana Alvarez")
        status, conflict = self.apply(body["uuid"])
        assert status == 409
        assert "nothing was applied" in conflict["message"]
        assert conflict["extra"]["roster"]["counts"]["create"] == 2
        assert CohortMember.objects.filter(program=self.program).count() == 1
        assert self.apply(body["uuid"])[0] == 200  # the new preview holds now
        assert CohortMember.objects.filter(program=self.program).count() == 3

    def test_only_the_programs_admins_upload_and_apply(self):
        status, body = self.district_api.upload(self.rosters, GOOD)
        uuid = body["uuid"]
        assert self.other_district_api.get(f"/rosters/{uuid}")[0] == 404
        assert self.other_district_api.post(f"/rosters/{uuid}/apply")[0] == 404
        assert self.other_district_api.upload(self.rosters, GOOD)[0] == 404
        assert self.state_api.get(f"/rosters/{uuid}")[0] == 200
        assert self.state_api.post(f"/rosters/{uuid}/apply")[0] == 403
        read_only = api_for(self.district_admin, read_only=True)
        assert read_only.upload(self.rosters, GOOD)[0] == 403
        assert read_only.post(f"/rosters/{uuid}/apply")[0] == 403
        assert not CohortMember.objects.filter(program=self.program).exists()


class TranscriptTests(ProgramsApiTestCase):
    def setUp(self) -> None:
        super().setUp()
        OrganizationCreditRule.objects.create(organization=self.district, rule=seeded("US-TN"))

    def test_an_educator_reads_their_transcript_under_tennessees_rules(self):
        earn(self.educator, self.phonics)
        earn(self.educator, self.awareness)
        status, body = api_for(self.educator).get("/me/transcript")
        assert status == 200
        assert body["rule"]["jurisdiction_name"] == "Tennessee"
        assert body["rule"]["applies_through"] == "organization"
        assert body["rule"]["via"] == "Riverbend USD"
        assert [(r["title"], r["credit"], r["status"]) for r in body["rows"]] == [
            ("Teaching Phonological Awareness", "6.00", "counted"),
            ("Teaching Phonics", "6.00", "counted"),
        ]
        assert body["totals"]["credit"] == "12.00"
        assert body["totals"]["requirement"] == "60.00"
        assert body["totals"]["met"] is False
        assert body["progress"] == "12 of 60 PDPs this cycle (20%): 48 PDPs to go."
        assert body["cycle"]["set_by_educator"] is False

    def test_someone_without_a_rule_reads_their_credentials_uncounted(self):
        earn(self.far_educator, self.phonics)
        status, body = api_for(self.far_educator).get("/me/transcript")
        assert status == 200
        assert body["rule"] is None
        assert [(r["credit"], r["status"]) for r in body["rows"]] == [(None, "earned")]

    def test_a_cohorts_transcripts_count_under_its_programs_rule(self):
        self.program.credit_rule = seeded("US-UT")
        self.program.save(update_fields=["credit_rule"])
        add_member(self.fall, self.educator)
        add_member(self.fall, email="nobody@example.org", full_name="No Account")
        earn(self.educator, self.phonics)
        status, body = self.district_api.get(f"/cohorts/{self.fall.uuid}/transcripts")
        assert status == 200
        assert body["count"] == 1
        transcript = body["items"][0]
        assert transcript["educator"]["email"] == "elena@maple.example"
        assert transcript["rule"]["jurisdiction_name"] == "Utah"
        assert transcript["totals"]["credit"] == "0.50"
        assert api_for(self.coach).get(f"/cohorts/{self.fall.uuid}/transcripts")[0] == 200
        assert self.other_district_api.get(f"/cohorts/{self.fall.uuid}/transcripts")[0] == 404

    def test_an_organizations_transcripts_reach_down_and_never_beside(self):
        earn(self.educator, self.phonics)
        status, body = self.district_api.get(f"/organizations/{self.district.uuid}/transcripts")
        assert status == 200
        assert {t["educator"]["email"] for t in body["items"]} == {"elena@maple.example", "hugo@riverbend-high.example"}
        status, body = self.state_api.get(f"/organizations/{self.state.uuid}/transcripts?page_size=1")
        assert body["count"] == 3  # both districts' educators
        assert len(body["items"]) == 1
        assert self.other_district_api.get(f"/organizations/{self.district.uuid}/transcripts")[0] == 404
        assert self.district_api.get(f"/organizations/{self.state.uuid}/transcripts")[0] == 404
        assert self.other_state_api.get(f"/organizations/{self.district.uuid}/transcripts")[0] == 404
        assert api_for(self.educator).get(f"/organizations/{self.school.uuid}/transcripts")[0] == 403


class FiguresTests(ProgramsApiTestCase):
    def setUp(self) -> None:
        super().setUp()
        add_member(self.fall, self.educator)
        for educator, school in ((self.educator, self.school), (self.far_educator, self.other_school)):
            award = earn(educator, self.phonics)
            Enrollment.objects.filter(award=award).update(organization=school)
        facts.refresh_changed()
        cache.facts_changed()

    def summary(self, body: dict[str, Any]) -> dict[str, Any]:
        table = next(t for t in body["tables"] if t["key"] == "summary")
        return {row[0]: row[1] for row in table["rows"]}

    def test_a_district_reads_its_own_figures(self):
        status, body = self.district_api.get(f"/organizations/{self.district.uuid}/figures")
        assert status == 200
        assert body["title"] == "Riverbend USD"
        assert body["program"] is None
        assert body["refreshed"] is not None
        assert [t["key"] for t in body["tables"]] == [
            "summary",
            "funnel",
            "over-time",
            "by-school",
            "by-micro-credential",
            "at-risk",
        ]
        assert self.summary(body)["Credentials earned"] == 1
        by_school = next(t for t in body["tables"] if t["key"] == "by-school")
        assert by_school["columns"][0] == "School"
        assert [row[0] for row in by_school["rows"]] == ["Maple Street Elementary School"]

    def test_a_state_reads_its_districts_figures(self):
        status, body = self.state_api.get(f"/organizations/{self.state.uuid}/figures")
        assert self.summary(body)["Credentials earned"] == 2
        status, body = self.state_api.get(f"/organizations/{self.district.uuid}/figures")
        assert status == 200
        assert self.summary(body)["Credentials earned"] == 1

    def test_figures_stay_inside_the_tree(self):
        assert self.other_district_api.get(f"/organizations/{self.district.uuid}/figures")[0] == 404
        assert self.district_api.get(f"/organizations/{self.state.uuid}/figures")[0] == 404
        assert self.other_state_api.get(f"/organizations/{self.state.uuid}/figures")[0] == 404
        assert self.other_district_api.get(f"/programs/{self.program.uuid}/figures")[0] == 404

    def test_a_program_has_its_own_figures(self):
        status, body = self.district_api.get(f"/programs/{self.program.uuid}/figures")
        assert status == 200
        assert body["program"] == str(self.program.uuid)
        assert self.summary(body)["Credentials earned"] == 1
        assert self.state_api.get(f"/programs/{self.program.uuid}/figures")[0] == 200


class MyProgramsTests(ProgramsApiTestCase):
    def test_an_educator_reads_their_programs_deadline_and_incentive(self):
        add_member(self.fall, self.educator, coach=self.coach)
        earn(self.educator, self.phonics)
        status, body = api_for(self.educator).get("/me/programs")
        assert status == 200
        [place] = body
        assert place["title"] == "Riverbend literacy"
        assert place["deadline"] == str(self.fall.deadline)
        assert place["coach"]["email"] == "cole@riverbend.example"
        assert [(o["title"], o["state"]) for o in place["offerings"]] == [("Teaching Phonics", "earned")]
        assert (place["earned_count"], place["incentive_earned"]) == (1, "150.00")
        assert api_for(self.far_educator).get("/me/programs") == (200, [])
