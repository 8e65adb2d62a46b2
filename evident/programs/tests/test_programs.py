"""Programs, cohorts, coaches, members, incentives and My programs."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from evident.accounts.models import AuditEvent, Invitation
from evident.catalog.models import MicroCredentialVersion
from evident.earning import services as earning
from evident.earning.models import Enrollment
from evident.programs import services
from evident.programs.models import Cohort, CohortMember, Program
from evident.programs.selectors import deadline_words, incentive_lines, my_program_list, program_figures
from evident.programs.tests.base import (
    ProgramsTestCase,
    add_member,
    earn,
    earn_stack,
    make_cohort,
    make_program,
)


class ProgramServiceTests(ProgramsTestCase):
    def create(self, **changes: object) -> Program:
        values: dict[str, object] = {
            "actor": self.district_admin,
            "organization": self.district,
            "title": "Early Literacy 2026–27",
            "incentive_amount": Decimal("150"),
            "micro_credentials": [self.read_aloud.micro_credential],
            "stacks": [self.early_literacy],
        }
        values.update(changes)
        return services.program_create(**values)  # type: ignore[arg-type]  # test helper

    def test_it_creates_a_draft_program_with_its_offerings_and_an_audit_entry(self):
        program = self.create()
        assert program.status == Program.Status.DRAFT
        assert list(program.micro_credentials.all()) == [self.read_aloud.micro_credential]
        assert list(program.stacks.all()) == [self.early_literacy]
        assert AuditEvent.objects.filter(action="program.created", target_id=str(program.uuid)).exists()

    def test_it_refuses_a_title_already_used_in_the_organization(self):
        self.create()
        with self.assertRaises(ValidationError) as caught:
            self.create(title="early literacy 2026–27")
        assert "already has a program called" in str(caught.exception)

    def test_it_refuses_unpublished_offerings(self):
        draft = MicroCredentialVersion.objects.get(pk=self.phonics.pk).micro_credential
        draft.live_version = None
        with self.assertRaises(ValidationError):
            self.create(micro_credentials=[draft])

    def test_only_the_organizations_own_admins_create_programs(self):
        for actor in (self.state_admin, self.other_district_admin, self.coach):
            with self.assertRaises(PermissionDenied):
                self.create(actor=actor)

    def test_activating_needs_an_offering_and_a_cohort(self):
        empty = self.create(micro_credentials=[], stacks=[])
        with self.assertRaises(ValidationError) as caught:
            services.program_activate(actor=self.district_admin, program=empty)
        assert "Offer at least one" in caught.exception.messages[0]
        program = self.create(title="Second")
        with self.assertRaises(ValidationError) as caught:
            services.program_activate(actor=self.district_admin, program=program)
        assert "Add a cohort first" in caught.exception.messages[0]
        make_cohort(program)
        assert services.program_activate(actor=self.district_admin, program=program).status == "active"
        assert services.program_close(actor=self.district_admin, program=program).status == "closed"


class CohortServiceTests(ProgramsTestCase):
    program: Program

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.program = make_program(cls.district, versions=[cls.phonics], stacks=[cls.early_literacy])

    def test_it_checks_the_dates(self):
        today = timezone.localdate()
        cases = [
            (today, today - timedelta(days=1), today, "ends_on"),
            (today, today + timedelta(days=10), today + timedelta(days=11), "deadline"),
            (today, today + timedelta(days=10), today - timedelta(days=1), "deadline"),
        ]
        for starts_on, ends_on, deadline, field in cases:
            with self.assertRaises(ValidationError) as caught:
                services.cohort_create(
                    actor=self.district_admin,
                    program=self.program,
                    name="Fall",
                    starts_on=starts_on,
                    ends_on=ends_on,
                    deadline=deadline,
                )
            assert field in caught.exception.message_dict

    def test_it_refuses_a_coach_from_elsewhere_and_takes_one_from_a_school(self):
        today = timezone.localdate()
        with self.assertRaises(ValidationError) as caught:
            services.cohort_create(
                actor=self.district_admin,
                program=self.program,
                name="Fall",
                starts_on=today,
                ends_on=today + timedelta(days=90),
                deadline=today + timedelta(days=60),
                coaches=[self.other_coach],
            )
        assert "Cara Coach is not a coach in Riverbend USD" in str(caught.exception)
        cohort = services.cohort_create(
            actor=self.district_admin,
            program=self.program,
            name="Fall",
            starts_on=today,
            ends_on=today + timedelta(days=90),
            deadline=today + timedelta(days=60),
            coaches=[self.coach, self.school_coach],
        )
        assert set(cohort.coaches.all()) == {self.coach, self.school_coach}
        with self.assertRaises(ValidationError):
            services.cohort_set_coaches(actor=self.district_admin, cohort=cohort, coaches=[self.educator])

    def test_a_new_deadline_reaches_members_open_enrolments_only(self):
        self.program.status = Program.Status.ACTIVE
        self.program.save()
        cohort = make_cohort(self.program)
        add_member(cohort, self.educator, school=self.school)
        working = earning.enrollment_start(actor=self.educator, version=self.awareness)
        assert working.deadline == cohort.deadline
        outside = earning.enrollment_start(actor=self.educator, version=self.read_aloud)
        assert outside.deadline is None
        new_deadline = cohort.deadline - timedelta(days=20)
        services.cohort_update(
            actor=self.district_admin,
            cohort=cohort,
            name=cohort.name,
            starts_on=cohort.starts_on,
            ends_on=cohort.ends_on,
            deadline=new_deadline,
        )
        working.refresh_from_db()
        outside.refresh_from_db()
        assert working.deadline == new_deadline
        assert outside.deadline is None

    def test_drafts_and_closed_programs_set_no_deadline(self):
        cohort = make_cohort(self.program)
        add_member(cohort, self.educator, school=self.school)
        self.program.status = Program.Status.DRAFT
        self.program.save()
        enrollment = earning.enrollment_start(actor=self.educator, version=self.phonics)
        assert enrollment.deadline is None
        services.program_activate(actor=self.district_admin, program=self.program)
        enrollment.refresh_from_db()
        assert enrollment.deadline == cohort.deadline
        services.program_close(actor=self.district_admin, program=self.program)
        enrollment.refresh_from_db()
        assert enrollment.deadline is None


class MemberServiceTests(ProgramsTestCase):
    program: Program
    fall: Cohort
    spring: Cohort

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.program = make_program(cls.district, versions=[cls.phonics])
        cls.fall = make_cohort(cls.program, "Fall")
        cls.spring = make_cohort(cls.program, "Spring", deadline=timezone.localdate() + timedelta(days=40))

    def test_adding_someone_with_an_account_links_them_and_sets_their_deadline(self):
        enrollment = earning.enrollment_start(actor=self.educator, version=self.phonics)
        place = services.member_add(
            actor=self.district_admin, cohort=self.fall, email="Elena@Maple.example", full_name="Elena E"
        )
        assert place.educator == self.educator
        enrollment.refresh_from_db()
        assert enrollment.deadline == self.fall.deadline
        assert not Invitation.objects.exists()

    def test_adding_someone_new_invites_them_once(self):
        with self.captureOnCommitCallbacks(execute=True):
            place = services.member_add(
                actor=self.district_admin,
                cohort=self.fall,
                email="new@example.org",
                full_name="New Person",
                school=self.high_school,
            )
        invitation = Invitation.objects.get()
        assert (invitation.email, invitation.organization, invitation.roles) == (
            "new@example.org",
            self.high_school,
            ["educator"],
        )
        assert len(mail.outbox) == 1
        assert place.invited_at is not None
        with self.assertRaises(ValidationError):
            services.member_add(actor=self.district_admin, cohort=self.spring, email="new@example.org", full_name="X")

    def test_it_refuses_a_school_of_another_district(self):
        with self.assertRaises(ValidationError):
            services.member_add(
                actor=self.district_admin,
                cohort=self.fall,
                email="x@example.org",
                full_name="X",
                school=self.other_school,
            )

    def test_moving_and_removing_change_the_deadline(self):
        place = add_member(self.fall, self.educator, school=self.school)
        enrollment = earning.enrollment_start(actor=self.educator, version=self.phonics)
        services.member_update(
            actor=self.district_admin, member=place, cohort=self.spring, school=self.school, coach=self.coach
        )
        enrollment.refresh_from_db()
        assert enrollment.deadline == self.spring.deadline
        services.member_remove(actor=self.district_admin, member=place)
        enrollment.refresh_from_db()
        assert enrollment.deadline is None
        assert CohortMember.objects.get(pk=place.pk).removed_at is not None


class FigureTests(ProgramsTestCase):
    program: Program
    fall: Cohort
    place: CohortMember

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.program = make_program(
            cls.district, versions=[cls.read_aloud], stacks=[cls.early_literacy], incentive="150"
        )
        cls.fall = make_cohort(cls.program, "Fall")
        cls.place = add_member(cls.fall, cls.educator, school=cls.school)
        add_member(cls.fall, cls.other_educator, school=cls.high_school)
        add_member(cls.fall, email="nobody@example.org", full_name="No Account")
        started = timezone.now() - timedelta(days=30)
        earn(cls.educator, cls.phonics, at=started - timedelta(days=5))  # before the cohort: not paid
        earn(cls.educator, cls.awareness, at=started + timedelta(days=3))  # through the stack
        earn_stack(cls.educator, cls.early_literacy, at=started + timedelta(days=4))
        revoked = earn(cls.other_educator, cls.read_aloud, at=started + timedelta(days=5))
        revoked.revoked_at = timezone.now()
        revoked.save()
        earn(cls.far_educator, cls.read_aloud)  # not a member

    def test_it_counts_what_the_incentive_pays_for(self):
        figures = program_figures(self.program)
        assert figures.members == 3
        assert figures.earned == 2
        assert figures.owed == Decimal("300")
        assert (figures.cohorts[0].members, figures.cohorts[0].with_account) == (3, 2)
        assert [line.award.title for line in incentive_lines(self.program)] == [
            "Teaching Phonological Awareness",
            "Early Literacy",
        ]

    def test_the_finance_office_downloads_the_lines(self):
        response = self.client_for(self.district_admin).get(f"/programs/{self.program.uuid}/incentives.csv")
        lines = response.content.decode("utf-8-sig").splitlines()
        assert lines[0] == "name,email,school,cohort,credential,kind,issued on,amount,currency"
        assert lines[1].startswith("Elena Educator,elena@maple.example,Maple Street Elementary School,Fall,")
        assert lines[1].endswith(",150.00,USD")
        assert len(lines) == 3

    def test_the_program_page_shows_the_figures(self):
        response = self.client_for(self.district_admin).get(f"/programs/{self.program.uuid}/")
        self.assertContains(response, "300.00 USD")
        self.assertContains(response, "2 with an account")

    def test_my_programs_shows_state_deadline_coach_and_incentive(self):
        self.fall.coaches.set([self.coach])
        earning.enrollment_start(actor=self.educator, version=self.read_aloud)
        (place,) = my_program_list(self.educator)
        assert place.cohort == self.fall
        assert [(o.title, o.state) for o in place.offerings] == [
            ("Interactive Read Aloud", "working"),
            ("Early Literacy", "earned"),
        ]
        assert [(p.title, p.state) for p in place.offerings[1].parts] == [
            ("Teaching Phonics", "earned"),
            ("Teaching Phonological Awareness", "earned"),
        ]
        assert place.incentive_earned == Decimal("300")
        response = self.client_for(self.educator).get("/programs/mine/")
        self.assertContains(response, self.fall.deadline.strftime("%B"))
        self.assertContains(response, deadline_words(self.fall.deadline))
        self.assertContains(response, "Cole Coach")
        self.assertContains(response, "150.00 USD per credential earned")

    def test_my_programs_hides_drafts_and_other_peoples_programs(self):
        Program.objects.filter(pk=self.program.pk).update(status=Program.Status.DRAFT)
        assert my_program_list(self.educator) == []
        response = self.client_for(self.far_educator).get("/programs/mine/")
        self.assertContains(response, "You are not on any program yet")

    def test_my_programs_uses_a_fixed_number_of_queries(self):
        client = self.client_for(self.educator)
        client.get("/programs/mine/")
        with self.assertNumQueries(10) as few:
            client.get("/programs/mine/")
        other = make_program(self.district, "Second", versions=[self.phonics, self.awareness], incentive="20")
        add_member(make_cohort(other, "Only"), self.educator)
        with self.assertNumQueries(len(few.captured_queries)):
            client.get("/programs/mine/")


class DeadlineWordsTests(ProgramsTestCase):
    def test_it_says_how_far_a_deadline_is(self):
        today = timezone.localdate()
        assert deadline_words(today + timedelta(days=12), today) == "12 days left"
        assert deadline_words(today + timedelta(days=1), today) == "Tomorrow"
        assert deadline_words(today, today) == "Today"
        assert deadline_words(today - timedelta(days=1), today) == "Passed 1 day ago"
        assert deadline_words(today - timedelta(days=3), today) == "Passed 3 days ago"


class PageTests(ProgramsTestCase):
    def test_the_admin_creates_a_program_and_a_cohort_through_the_pages(self):
        client = self.client_for(self.district_admin)
        response = client.post(
            f"/programs/orgs/{self.district.uuid}/new/",
            {
                "title": "Early Literacy",
                "micro_credentials": [self.phonics.micro_credential.pk],
                "incentive_amount": "150",
                "incentive_currency": "usd",
            },
        )
        assert response.status_code == 302
        program = Program.objects.get()
        assert program.incentive_currency == "USD"
        today = timezone.localdate()
        response = client.post(
            f"/programs/{program.uuid}/cohorts/new/",
            {"name": "Fall", "starts_on": today, "ends_on": today + timedelta(days=9), "deadline": today},
        )
        assert response.status_code == 302
        response = client.post(
            f"/programs/{program.uuid}/cohorts/new/",
            {"name": "Late", "starts_on": today, "ends_on": today, "deadline": today + timedelta(days=3)},
        )
        self.assertContains(response, "The deadline must fall within the cohort", status_code=422)
        cohort = program.cohorts.get()
        response = client.post(f"/programs/cohorts/{cohort.uuid}/coaches/", {"coaches": [self.coach.pk]})
        assert response.status_code == 302
        assert list(cohort.coaches.all()) == [self.coach]
        response = client.post(f"/programs/{program.uuid}/status/", {"action": "activate"})
        program.refresh_from_db()
        assert program.status == Program.Status.ACTIVE

    def test_a_bad_program_form_keeps_what_was_typed(self):
        response = self.client_for(self.district_admin).post(
            f"/programs/orgs/{self.district.uuid}/new/",
            {"title": "Keep me", "incentive_amount": "-3", "incentive_currency": "dollars"},
        )
        self.assertContains(response, 'value="Keep me"', status_code=422)
        self.assertContains(response, "three-letter code", status_code=422)

    def test_the_program_list_uses_a_fixed_number_of_queries(self):
        client = self.client_for(self.state_admin)
        make_program(self.district, "One", versions=[self.phonics])
        client.get("/programs/")
        with self.assertNumQueries(11) as few:
            client.get("/programs/")
        for n in range(4):
            add_member(make_cohort(make_program(self.other_district, f"P{n}")), email=f"x{n}@example.org")
        with self.assertNumQueries(len(few.captured_queries)):
            client.get("/programs/")

    def test_a_member_is_moved_and_removed_from_the_cohort_page(self):
        program = make_program(self.district, versions=[self.phonics])
        fall, spring = make_cohort(program, "Fall"), make_cohort(program, "Spring")
        place = add_member(fall, self.educator, school=self.school)
        client = self.client_for(self.district_admin)
        page = client.get(fall.get_absolute_url())
        self.assertContains(page, "Elena Educator")
        url = f"/programs/{program.uuid}/members/{place.uuid}/"
        assert client.post(url, {"cohort": spring.pk, "school": self.school.pk, "coach": ""}).status_code == 302
        place.refresh_from_db()
        assert place.cohort == spring
        assert client.post(url, {"action": "remove"}).status_code == 302
        place.refresh_from_db()
        assert place.removed_at is not None
        assert Enrollment.objects.count() == 0
