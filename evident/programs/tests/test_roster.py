"""Roster import: every reason a line is rejected, preview then apply, all or nothing, idempotent, invitations."""

from __future__ import annotations

from unittest import mock

from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from evident.accounts.models import Invitation, Membership
from evident.accounts.services import user_create_from_invitation
from evident.earning import services as earning
from evident.programs import roster
from evident.programs.models import Cohort, CohortMember, Program, RosterImport
from evident.programs.tests.base import ProgramsTestCase, add_member, make_cohort, make_program

GOOD = (
    "Name,Email,School,Cohort,Coach\n"
    "Ana Alvarez,ana@example.org,Maple Street Elementary School,Fall,cole@riverbend.example\n"
    "Ben Brooks,ben@example.org,riverbend-high,Spring,\n"
    "Elena Educator,ELENA@maple.example,Maple Street Elementary School,Fall,\n"
)


def upload(text: str | bytes, name: str = "roster.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode() if isinstance(text, str) else text, content_type="text/csv")


class RosterTestCase(ProgramsTestCase):
    program: Program
    fall: Cohort
    spring: Cohort

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.program = make_program(cls.district, "Riverbend literacy", versions=[cls.phonics], incentive="150")
        cls.fall = make_cohort(cls.program, "Fall", coaches=[cls.coach])
        cls.spring = make_cohort(cls.program, "Spring")

    def preview(self, text: str | bytes) -> RosterImport:
        return roster.roster_upload(actor=self.district_admin, program=self.program, upload=upload(text))

    def apply(self, roster_import: RosterImport) -> roster.ApplyResult:
        with self.captureOnCommitCallbacks(execute=True):
            return roster.roster_apply(actor=self.district_admin, roster_import=roster_import)

    def errors(self, text: str) -> dict[int, list[str]]:
        report = self.preview(text).report
        return {line["line"]: line["errors"] for line in report if line["errors"]}


class RejectionTests(RosterTestCase):
    def test_it_says_every_reason_a_line_is_rejected(self):
        text = (
            "name,email,school,cohort,coach\n"
            "Jo,jo@,Maple Street Elementary School,Fall,\n"  # 2
            "Kim,kim@example.org,Maple St,Fall,\n"  # 3
            "Lee,lee@example.org,Maple Street Elementary School,Fal,\n"  # 4
            "Mo,jo@example.org,Maple Street Elementary School,Fall,\n"  # 5
            "Mo Again,JO@example.org,Maple Street Elementary School,Fall,\n"  # 6
            ",nobody@example.org,,,\n"  # 7
            "Pat,pat@example.org,Maple Street Elementary School,Fall,cara@northfork.example\n"  # 8
            "Quin,quin@example.org,Maple Street Elementary School,Fall,not-an-email\n"  # 9
            "Ray,,Cedar Ridge Middle School,Winter,\n"  # 10
            "Sam,sam@example.org,Maple Street Elementary School,Fall,,surplus\n"  # 11
        )
        errors = self.errors(text)
        assert errors[2] == ["the email ‘jo@’ is not a valid address"]
        assert errors[3] == [
            "no school called ‘Maple St’ in Riverbend USD — did you mean Maple Street Elementary School?"
        ]
        assert errors[4] == ["no cohort called ‘Fal’ in this program — did you mean Fall?"]
        assert 5 not in errors
        assert errors[6] == ["the same email as line 5"]
        assert errors[7] == ["the name is missing", "the school is missing", "the cohort is missing"]
        assert errors[8] == ["‘cara@northfork.example’ is not a coach in Riverbend USD or its schools"]
        assert errors[9] == ["the coach ‘not-an-email’ is not a valid email address"]
        assert errors[10] == [
            "the email is missing",
            "no school called ‘Cedar Ridge Middle School’ in Riverbend USD",
            "no cohort called ‘Winter’ in this program (its cohorts: Fall, Spring)",
        ]
        assert errors[11] == ["it has 6 values but the header names 5 columns"]

    def test_it_refuses_a_file_without_the_columns(self):
        with self.assertRaises(ValidationError) as caught:
            self.preview("full name,mail\nAna,ana@example.org\n")
        message = caught.exception.messages[0]
        assert "Missing: email, school, cohort" in message
        assert "“full name”, “mail”" in message

    def test_it_refuses_an_empty_file_and_a_header_alone(self):
        for text, words in [("", "empty"), ("name,email,school,cohort\n\n", "no educators")]:
            with self.assertRaises(ValidationError) as caught:
                self.preview(text)
            assert words in caught.exception.messages[0]

    def test_it_refuses_too_many_lines(self):
        with mock.patch.object(roster, "ROSTER_MAX_ROWS", 2), self.assertRaises(ValidationError) as caught:
            self.preview(GOOD)
        assert "at most 2" in caught.exception.messages[0]

    def test_the_page_shows_the_reasons_and_no_apply_button(self):
        client = self.client_for(self.district_admin)
        response = client.post(
            f"/programs/{self.program.uuid}/roster/",
            {"file": upload("name,email,school,cohort\nJo,jo@,Maple St,Fall\n")},
        )
        assert response.status_code == 302
        page = client.get(response["Location"])
        self.assertContains(page, "Line 2: the email ‘jo@’ is not a valid address; no school called ‘Maple St’")
        self.assertContains(page, "Nothing is applied while any line is rejected")
        self.assertNotContains(page, "Apply the roster</button>")
        assert client.post(response["Location"]).status_code == 422
        assert not CohortMember.objects.exists()

    def test_the_upload_page_says_what_is_wrong_with_the_file(self):
        client = self.client_for(self.district_admin)
        response = client.post(f"/programs/{self.program.uuid}/roster/", {"file": upload("a,b\n1,2\n")})
        self.assertContains(response, "must name the columns", status_code=422)
        assert not RosterImport.objects.exists()

    def test_it_downloads_the_rejected_lines_as_uploaded_with_the_reasons(self):
        roster_import = self.preview(
            "name,email,school,cohort\nAna,ana@example.org,Maple Street Elementary School,Fall\nJo,jo@,Maple,Fall\n"
        )
        response = self.client_for(self.district_admin).get(f"/programs/rosters/{roster_import.uuid}/rejected.csv")
        lines = response.content.decode("utf-8-sig").splitlines()
        assert lines[0] == "name,email,school,cohort,problems"
        assert lines[1].startswith("Jo,jo@,Maple,Fall,line 3: the email ‘jo@’ is not a valid address; no school called")
        assert len(lines) == 2


class ReadingTests(RosterTestCase):
    def test_it_reads_a_bom_crlf_excel_file_with_headers_in_any_case_and_order(self):
        text = "\ufeff COHORT ;E-mail;Full Name;School\r\nFall;ana@example.org;Ana Álvarez;maple-street\r\n"
        report = self.preview(text.encode("utf-8")).report
        assert report == [
            {
                "line": 2,
                "email": "ana@example.org",
                "name": "Ana Álvarez",
                "changes": [],
                "errors": [],
                "action": "create",
                "cohort": "Fall",
                "note": "no account yet: invited by email",
            }
        ]

    def test_it_reads_windows_1252_from_excel(self):
        text = "name,email,school,cohort\nJosé Núñez,jose@example.org,Maple Street Elementary School,Fall\n"
        assert self.preview(text.encode("cp1252")).report[0]["name"] == "José Núñez"

    def test_a_quoted_field_over_two_lines_keeps_line_numbers_right(self):
        text = (
            'name,email,school,cohort\n"Ana\nAlvarez",ana@example.org,Maple Street Elementary School,Fall\n'
            "Jo,jo@,Maple Street Elementary School,Fall\n"
        )
        assert [line["line"] for line in self.preview(text).report] == [2, 4]


class ApplyTests(RosterTestCase):
    def test_it_previews_then_applies(self):
        roster_import = self.preview(GOOD)
        assert [line["action"] for line in roster_import.report] == ["create", "create", "create"]
        assert roster_import.report[2]["note"] == "has an account: linked now"
        assert not CohortMember.objects.exists()
        result = self.apply(roster_import)
        assert result.applied
        members = {m.email: m for m in CohortMember.objects.select_related("cohort", "school", "coach")}
        assert members["ana@example.org"].coach == self.coach
        assert members["ana@example.org"].school == self.school
        assert members["ben@example.org"].cohort == self.spring
        assert members["elena@maple.example"].educator == self.educator
        roster_import.refresh_from_db()
        assert roster_import.status == RosterImport.Status.APPLIED
        assert roster_import.created_count == 3

    def test_it_invites_new_members_once_and_links_them_when_they_accept(self):
        self.apply(self.preview(GOOD))
        invitations = {i.email: i for i in Invitation.objects.all()}
        assert set(invitations) == {"ana@example.org", "ben@example.org"}
        assert invitations["ana@example.org"].organization == self.school
        assert invitations["ben@example.org"].organization == self.high_school
        assert invitations["ana@example.org"].roles == ["educator"]
        assert sorted(m.to[0] for m in mail.outbox) == ["ana@example.org", "ben@example.org"]
        self.apply(self.preview(GOOD))
        assert Invitation.objects.count() == 2
        assert len(mail.outbox) == 2
        ana = user_create_from_invitation(
            invitation=invitations["ana@example.org"], full_name="Ana Alvarez", password="a long pass phrase 123"
        )
        assert CohortMember.objects.get(email="ana@example.org").educator == ana
        assert Membership.objects.filter(user=ana, organization=self.school, role="educator").exists()

    def test_applying_the_same_file_again_changes_nothing(self):
        self.apply(self.preview(GOOD))
        before = list(CohortMember.objects.order_by("email").values())
        again = self.preview(GOOD)
        assert {line["action"] for line in again.report} == {"unchanged"}
        assert self.apply(again).applied
        assert list(CohortMember.objects.order_by("email").values()) == before
        again.refresh_from_db()
        assert (again.created_count, again.updated_count, again.unchanged_count) == (0, 0, 3)

    def test_applying_one_import_twice_is_refused(self):
        roster_import = self.preview(GOOD)
        self.apply(roster_import)
        with self.assertRaises(ValidationError):
            self.apply(roster_import)
        assert CohortMember.objects.count() == 3

    def test_it_says_what_changes_for_people_already_on_the_roster(self):
        self.apply(self.preview(GOOD))
        CohortMember.objects.filter(email="ben@example.org").update(removed_at="2026-01-01T00:00:00Z")
        text = (
            "name,email,school,cohort,coach\n"
            "Ana Alvarez-Ruiz,ana@example.org,Maple Street Elementary School,Spring,mia@maple.example\n"
            "Ben Brooks,ben@example.org,riverbend-high,Spring,\n"
            "Elena Educator,elena@maple.example,Maple Street Elementary School,Fall,\n"
        )
        report = self.preview(text).report
        assert report[0]["action"] == "update"
        assert report[0]["changes"] == [
            "name: Ana Alvarez → Ana Alvarez-Ruiz",
            "cohort: Fall → Spring",
            "coach: Cole Coach → Mia Mentor",
        ]
        assert report[1]["changes"] == ["back on the roster (was removed)"]
        assert report[2]["action"] == "unchanged"

    def test_a_blank_coach_keeps_the_coach(self):
        self.apply(self.preview(GOOD))
        text = "name,email,school,cohort,coach\nAna Alvarez,ana@example.org,Maple Street Elementary School,Fall,\n"
        assert self.preview(text).report[0]["action"] == "unchanged"

    def test_it_shows_the_new_preview_when_the_roster_changed_since(self):
        roster_import = self.preview(GOOD)
        add_member(self.fall, email="ana@example.org", full_name="Ana A.", school=self.school)
        result = self.apply(roster_import)
        assert not result.applied
        assert result.roster_import.report[0]["action"] == "update"
        assert result.roster_import.status == RosterImport.Status.PREVIEWED
        assert CohortMember.objects.count() == 1
        assert self.apply(result.roster_import).applied
        assert CohortMember.objects.count() == 3

    def test_the_page_shows_the_new_preview_when_the_roster_changed(self):
        roster_import = self.preview(GOOD)
        add_member(self.fall, email="ana@example.org", full_name="Ana A.", school=self.school)
        response = self.client_for(self.district_admin).post(f"/programs/rosters/{roster_import.uuid}/")
        self.assertContains(response, "changed since this preview, so nothing was applied", status_code=409)
        self.assertContains(response, "name: Ana A. → Ana Alvarez", status_code=409)

    def test_nothing_is_applied_when_applying_fails_midway(self):
        roster_import = self.preview(GOOD)
        with (
            mock.patch.object(roster, "deadlines_sync", side_effect=RuntimeError("the database went away")),
            self.assertRaises(RuntimeError),
        ):
            self.apply(roster_import)
        assert not CohortMember.objects.exists()
        assert not Invitation.objects.exists()
        assert len(mail.outbox) == 0
        roster_import.refresh_from_db()
        assert roster_import.status == RosterImport.Status.PREVIEWED

    def test_the_admin_applies_from_the_page(self):
        client = self.client_for(self.district_admin)
        roster_import = self.preview(GOOD)
        page = client.get(f"/programs/rosters/{roster_import.uuid}/")
        self.assertContains(page, "Apply the roster</button>")
        with self.captureOnCommitCallbacks(execute=True):
            response = client.post(f"/programs/rosters/{roster_import.uuid}/")
        assert response.status_code == 302
        assert CohortMember.objects.count() == 3

    def test_the_preview_page_uses_a_fixed_number_of_queries(self):
        client = self.client_for(self.district_admin)
        small = self.preview(GOOD)
        client.get(f"/programs/rosters/{small.uuid}/")
        with self.assertNumQueries(9) as few:
            client.get(f"/programs/rosters/{small.uuid}/")
        rows = "".join(f"P{n},p{n}@example.org,Maple Street Elementary School,Fall,\n" for n in range(300))
        large = self.preview("name,email,school,cohort,coach\n" + rows)
        with self.assertNumQueries(len(few.captured_queries)):
            client.get(f"/programs/rosters/{large.uuid}/")


class DeadlineTests(RosterTestCase):
    def test_a_members_new_enrolment_gets_the_cohort_deadline(self):
        self.apply(self.preview(GOOD))
        enrollment = earning.enrollment_start(actor=self.educator, version=self.phonics)
        assert enrollment.deadline == self.fall.deadline

    def test_an_open_enrolment_gets_the_deadline_when_the_member_is_linked(self):
        enrollment = earning.enrollment_start(actor=self.educator, version=self.phonics)
        assert enrollment.deadline is None
        self.apply(self.preview(GOOD))
        enrollment.refresh_from_db()
        assert enrollment.deadline == self.fall.deadline
