"""Who sees which programs, cohorts, members and rosters: down the tree, never sideways or up."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile

from evident.programs import roster, services
from evident.programs.models import Cohort, Program, RosterImport
from evident.programs.selectors import program_list
from evident.programs.tests.base import ProgramsTestCase, add_member, make_cohort, make_program


class ProgramVisibilityTests(ProgramsTestCase):
    program: Program
    cohort: Cohort
    other_program: Program
    other_cohort: Cohort
    state_program: Program
    far_program: Program
    roster_import: RosterImport

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.program = make_program(cls.district, "Riverbend literacy", versions=[cls.phonics])
        cls.cohort = make_cohort(cls.program, "Fall", coaches=[cls.coach])
        add_member(cls.cohort, cls.educator, school=cls.school)
        cls.other_program = make_program(cls.other_district, "North Fork literacy", versions=[cls.phonics])
        cls.other_cohort = make_cohort(cls.other_program, "Spring", coaches=[cls.other_coach])
        add_member(cls.other_cohort, cls.far_educator, school=cls.other_school)
        cls.state_program = make_program(cls.state, "Cascadia statewide", versions=[cls.phonics])
        cls.far_program = make_program(cls.other_state_district, "Lakeshore literacy", versions=[cls.phonics])
        cls.roster_import = roster.roster_upload(
            actor=cls.district_admin,
            program=cls.program,
            upload=SimpleUploadedFile("r.csv", b"name,email,school,cohort\nAl,al@example.org,Maple Street,Fall\n"),
        )

    def titles(self, user) -> dict[str, bool]:
        return {row.program.title: row.can_manage for group in program_list(user) for row in group.programs}

    def test_it_shows_a_district_admin_only_its_own_programs(self):
        assert self.titles(self.district_admin) == {"Riverbend literacy": True}

    def test_it_shows_a_state_admin_its_districts_programs_read_only(self):
        assert self.titles(self.state_admin) == {
            "Cascadia statewide": True,
            "Riverbend literacy": False,
            "North Fork literacy": False,
        }

    def test_it_shows_a_state_admin_nothing_of_another_state(self):
        assert "Lakeshore literacy" not in self.titles(self.state_admin)
        assert self.titles(self.other_state_admin) == {"Lakeshore literacy": False}

    def test_a_district_admin_does_not_see_the_state_above_it(self):
        assert "Cascadia statewide" not in self.titles(self.district_admin)

    def test_a_district_admin_sees_its_schools_members_and_not_another_districts(self):
        client = self.client_for(self.district_admin)
        response = client.get(self.cohort.get_absolute_url())
        self.assertContains(response, "Elena Educator")
        assert client.get(self.other_cohort.get_absolute_url()).status_code == 404

    def test_an_admin_of_district_a_gets_404_on_district_b_pages(self):
        client = self.client_for(self.other_district_admin)
        pages = [
            f"/programs/{self.program.uuid}/",
            f"/programs/{self.program.uuid}/edit/",
            f"/programs/{self.program.uuid}/incentives.csv",
            f"/programs/{self.program.uuid}/cohorts/new/",
            f"/programs/{self.program.uuid}/roster/",
            f"/programs/cohorts/{self.cohort.uuid}/",
            f"/programs/cohorts/{self.cohort.uuid}/edit/",
            f"/programs/rosters/{self.roster_import.uuid}/",
            f"/programs/rosters/{self.roster_import.uuid}/rejected.csv",
        ]
        for page in pages:
            assert client.get(page).status_code == 404, page
        posts = [
            f"/programs/{self.program.uuid}/status/",
            f"/programs/cohorts/{self.cohort.uuid}/coaches/",
            f"/programs/cohorts/{self.cohort.uuid}/members/",
            f"/programs/rosters/{self.roster_import.uuid}/",
        ]
        for page in posts:
            assert client.post(page, {"action": "activate"}).status_code == 404, page

    def test_an_outsider_gets_404_everywhere(self):
        client = self.client_for(self.outsider)
        assert client.get("/programs/").status_code == 404
        assert client.get(f"/programs/{self.program.uuid}/").status_code == 404
        assert client.get(f"/programs/orgs/{self.district.uuid}/new/").status_code == 404

    def test_a_state_admin_reads_a_district_program_but_cannot_change_it(self):
        client = self.client_for(self.state_admin)
        response = client.get(f"/programs/{self.program.uuid}/")
        self.assertContains(response, "you can look, not change")
        self.assertNotContains(response, "Open to educators</button>")
        assert client.get(f"/programs/{self.program.uuid}/edit/").status_code == 403
        assert client.post(f"/programs/{self.program.uuid}/status/", {"action": "close"}).status_code == 403
        assert client.get(f"/programs/rosters/{self.roster_import.uuid}/").status_code == 200
        assert client.post(f"/programs/rosters/{self.roster_import.uuid}/").status_code == 403
        with self.assertRaises(PermissionDenied):
            services.cohort_create(
                actor=self.state_admin,
                program=self.program,
                name="X",
                starts_on=self.cohort.starts_on,
                ends_on=self.cohort.ends_on,
                deadline=self.cohort.deadline,
            )

    def test_a_state_admin_cannot_create_programs_in_a_district(self):
        client = self.client_for(self.state_admin)
        # Managing does not reach down the tree: the district is not theirs to change.
        assert client.get(f"/programs/orgs/{self.district.uuid}/new/").status_code == 404
        assert client.get(f"/programs/orgs/{self.state.uuid}/new/").status_code == 200

    def test_a_coach_sees_only_their_cohorts(self):
        client = self.client_for(self.coach)
        response = client.get("/programs/")
        self.assertContains(response, "Riverbend literacy: Fall")
        self.assertNotContains(response, "North Fork")
        page = client.get(self.cohort.get_absolute_url())
        self.assertContains(page, "Elena Educator")
        self.assertNotContains(page, "Add an educator")
        assert client.get(self.other_cohort.get_absolute_url()).status_code == 404
        assert client.get(f"/programs/{self.program.uuid}/").status_code == 404
        assert client.get(f"/programs/cohorts/{self.cohort.uuid}/edit/").status_code == 404

    def test_an_educator_sees_no_admin_pages(self):
        client = self.client_for(self.educator)
        assert client.get("/programs/").status_code == 404
        assert client.get(f"/programs/{self.program.uuid}/").status_code == 404
        assert client.get(self.cohort.get_absolute_url()).status_code == 404

    def test_forms_need_the_csrf_token(self):
        client = self.client_for(self.district_admin, enforce_csrf=True)
        for url in [
            f"/programs/orgs/{self.district.uuid}/new/",
            f"/programs/{self.program.uuid}/status/",
            f"/programs/{self.program.uuid}/cohorts/new/",
            f"/programs/cohorts/{self.cohort.uuid}/coaches/",
            f"/programs/cohorts/{self.cohort.uuid}/members/",
            f"/programs/{self.program.uuid}/roster/",
            f"/programs/rosters/{self.roster_import.uuid}/",
        ]:
            assert client.post(url, {}).status_code == 403, url
