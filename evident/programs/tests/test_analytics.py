"""Dashboards: facts built from enrolments, the figures read off them, and who may see which."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.test import Client, TestCase
from django.urls import reverse
from django.utils import timezone

from evident.accounts.models import Organization, User
from evident.accounts.tests.factories import OrganizationFactory, member
from evident.catalog.models import MicroCredentialVersion
from evident.earning.models import Enrollment, Submission
from evident.earning.tests.factories import VersionFactory
from evident.programs.analytics import cache, facts
from evident.programs.analytics.figures import Dashboard, _median, scope_for_organization, scope_for_program
from evident.programs.models import Cohort, CohortMember, CreditRule, EnrollmentFact, OrganizationCreditRule, Program

TODAY = date(2026, 11, 30)


def _at(day: date, hour: int = 9) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


class AnalyticsCase(TestCase):
    state: Organization
    district: Organization
    school: Organization
    other_school: Organization
    other_district: Organization
    other_state: Organization
    version: MicroCredentialVersion
    other_version: MicroCredentialVersion
    ada: User
    ben: User
    cy: User
    district_admin: User
    state_admin: User
    other_state_admin: User
    other_district_admin: User
    teacher: User

    @classmethod
    def setUpTestData(cls) -> None:
        cls.state = OrganizationFactory(slug="cascadia", name="Cascadia DPI", kind=Organization.Kind.STATE)
        cls.district = OrganizationFactory(slug="riverbend", name="Riverbend USD", parent=cls.state)
        cls.school = OrganizationFactory(
            slug="maple", name="Maple Street", kind=Organization.Kind.SCHOOL, parent=cls.district
        )
        cls.other_school = OrganizationFactory(
            slug="oak", name="Oak Hill", kind=Organization.Kind.SCHOOL, parent=cls.district
        )
        cls.other_district = OrganizationFactory(slug="northfork", name="North Fork SD", parent=cls.state)
        cls.other_state = OrganizationFactory(slug="deseret", name="Deseret DOE", kind=Organization.Kind.STATE)
        cls.version = VersionFactory(title="Questioning", pd_hours=Decimal("10"))
        cls.other_version = VersionFactory(title="Phonics", pd_hours=Decimal("15"))
        cls.ada = member(cls.school, "educator", full_name="Ada Maple")
        cls.ben = member(cls.other_school, "educator", full_name="Ben Oak")
        cls.cy = member(cls.other_district, "educator", full_name="Cy North")
        cls.district_admin = member(cls.district, "program_admin", full_name="Dana District")
        cls.state_admin = member(cls.state, "program_admin", full_name="Sam State")
        cls.other_state_admin = member(cls.other_state, "program_admin", full_name="Olga Other")
        cls.other_district_admin = member(cls.other_district, "program_admin", full_name="Nia North")
        cls.teacher = member(cls.district, "educator", full_name="Tess Teacher")

    def enrol(
        self,
        educator: User,
        organization: Organization,
        version: MicroCredentialVersion | None = None,
        *,
        started: date,
        **changes: Any,
    ) -> Enrollment:
        version = version or self.version
        return Enrollment.objects.create(
            educator=educator,
            organization=organization,
            micro_credential=version.micro_credential,
            version=version,
            started_at=_at(started),
            **changes,
        )

    def attempt(self, enrollment: Enrollment, number: int, status: str, submitted: date, decided: date | None) -> None:
        Submission.objects.create(
            enrollment=enrollment,
            number=number,
            status=status,
            submitted_at=_at(submitted),
            decided_at=_at(decided, 15) if decided else None,
        )


class FactTests(AnalyticsCase):
    def test_a_fact_flattens_the_enrolment_its_place_and_its_attempts(self):
        enrollment = self.enrol(
            self.ada,
            self.school,
            started=date(2026, 9, 1),
            status=Enrollment.Status.EARNED,
            earned_at=_at(date(2026, 10, 1)),
        )
        self.attempt(enrollment, 1, Submission.Status.NEEDS_REVISION, date(2026, 9, 10), date(2026, 9, 12))
        self.attempt(enrollment, 2, Submission.Status.PASSED, date(2026, 9, 20), date(2026, 10, 1))
        self.assertEqual(facts.refresh([enrollment.pk]), 1)
        fact = EnrollmentFact.objects.get(enrollment=enrollment)
        self.assertEqual(
            (fact.school_id, fact.district_id, fact.state_id), (self.school.pk, self.district.pk, self.state.pk)
        )
        self.assertEqual((fact.submitted_on, fact.earned_on, fact.attempts), (date(2026, 9, 10), date(2026, 10, 1), 2))
        self.assertIs(fact.first_attempt_passed, False)
        self.assertEqual(fact.days_to_earn, 30)
        self.assertEqual(fact.first_turnaround_hours, 54)  # 9:00 on the 10th to 15:00 on the 12th
        self.assertEqual(fact.pd_hours, Decimal("10"))

    def test_the_program_and_cohort_come_from_the_roster_and_the_cohort_deadline_applies(self):
        program = Program.objects.create(organization=self.district, title="Literacy")
        program.micro_credentials.add(self.version.micro_credential)
        cohort = Cohort.objects.create(
            program=program,
            name="Fall",
            starts_on=date(2026, 9, 1),
            ends_on=date(2026, 12, 31),
            deadline=date(2026, 12, 15),
        )
        CohortMember.objects.create(
            program=program, cohort=cohort, email=self.ada.email, full_name="Ada", educator=self.ada
        )
        counted = self.enrol(self.ada, self.school, started=date(2026, 9, 1))
        not_offered = self.enrol(self.ada, self.school, self.other_version, started=date(2026, 9, 1))
        facts.refresh([counted.pk, not_offered.pk])
        fact = EnrollmentFact.objects.get(enrollment=counted)
        self.assertEqual((fact.program_id, fact.cohort_id, fact.deadline), (program.pk, cohort.pk, date(2026, 12, 15)))
        self.assertIsNone(EnrollmentFact.objects.get(enrollment=not_offered).program_id)

    def test_the_periodic_refresh_picks_up_new_and_changed_enrolments_only(self):
        first = self.enrol(self.ada, self.school, started=date(2026, 9, 1))
        self.assertEqual(facts.refresh_changed(), 1)
        Enrollment.objects.update(updated_at=timezone.now() - timedelta(hours=2))
        EnrollmentFact.objects.update(refreshed_at=timezone.now() - timedelta(hours=1))
        second = self.enrol(self.ben, self.other_school, started=date(2026, 9, 2))
        self.assertEqual(facts.refresh_changed(), 1)
        self.assertTrue(EnrollmentFact.objects.filter(enrollment=second).exists())
        Enrollment.objects.filter(pk=first.pk).update(status=Enrollment.Status.SUBMITTED, updated_at=timezone.now())
        facts.refresh_changed()
        self.assertEqual(EnrollmentFact.objects.get(enrollment=first).status, Enrollment.Status.SUBMITTED)


class FigureTests(AnalyticsCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()

    def setUp(self) -> None:
        case = self
        # Ada: earned on the first attempt in 20 days. Ben: needed a revision, earned in 40. Tess: working,
        # deadline in 10 days (at risk). Cy (another district): earned in 5.
        ada = case.enrol(
            case.ada, case.school, started=date(2026, 9, 1), status="earned", earned_at=_at(date(2026, 9, 21))
        )
        case.attempt(ada, 1, "passed", date(2026, 9, 15), date(2026, 9, 21))
        ben = case.enrol(
            case.ben, case.other_school, started=date(2026, 9, 1), status="earned", earned_at=_at(date(2026, 10, 11))
        )
        case.attempt(ben, 1, "needs_revision", date(2026, 9, 20), date(2026, 9, 22))
        case.attempt(ben, 2, "passed", date(2026, 10, 5), date(2026, 10, 11))
        case.enrol(case.teacher, case.district, started=date(2026, 10, 1), deadline=TODAY + timedelta(days=10))
        cy = case.enrol(
            case.cy, case.other_district, started=date(2026, 10, 1), status="earned", earned_at=_at(date(2026, 10, 6))
        )
        case.attempt(cy, 1, "passed", date(2026, 10, 2), date(2026, 10, 6))
        facts.rebuild()

    def test_medians_come_from_a_histogram(self):
        self.assertEqual(_median([(5, 1), (20, 1), (40, 1)]), 20)
        self.assertEqual(_median([(1, 3), (9, 1)]), 1)
        self.assertIsNone(_median([]))

    def test_a_district_counts_its_own_schools_only(self):
        board = Dashboard(scope_for_organization(self.district), today=TODAY)
        totals = board.totals
        self.assertEqual((totals["started"], totals["submitted"], totals["earned"]), (3, 2, 2))
        self.assertEqual((totals["decided_first"], totals["passed_first"]), (2, 1))
        self.assertEqual(board.median_days_to_earn, 20)
        by_school = {row[0]: row[1:] for row in board.by_place().rows}
        self.assertEqual(by_school["Maple Street"], [1, 1, 1, "100%"])
        self.assertEqual(by_school["Oak Hill"], [1, 1, 1, "0%"])
        self.assertNotIn("North Fork SD", by_school)

    def test_a_state_rolls_up_its_districts(self):
        board = Dashboard(scope_for_organization(self.state), today=TODAY)
        self.assertEqual(board.totals["started"], 4)
        by_district = {row[0]: row[1] for row in board.by_place().rows}
        self.assertEqual(by_district, {"Riverbend USD": 3, "North Fork SD": 1})
        self.assertEqual(Dashboard(scope_for_organization(self.other_state), today=TODAY).totals["started"], 0)

    def test_the_at_risk_list_names_open_enrolments_near_their_deadline(self):
        table = Dashboard(scope_for_organization(self.district), today=TODAY).at_risk()
        self.assertEqual([row[0] for row in table.rows], ["Tess Teacher"])
        self.assertEqual(table.rows[0][-1], "10 days left")

    def test_the_at_risk_download_streams_everyone_not_only_the_nearest(self):
        board = Dashboard(scope_for_organization(self.district), today=TODAY)
        self.assertEqual(board.at_risk(limit=0).rows, [])
        self.assertIn("the download has them all", board.at_risk(limit=0).note)
        self.assertEqual([row[0] for row in board.at_risk_rows()], ["Tess Teacher"])
        # The page counts from the real today: move the deadline there.
        EnrollmentFact.objects.filter(deadline__isnull=False).update(deadline=timezone.localdate() + timedelta(days=5))
        client = Client()
        client.force_login(self.district_admin, backend="django.contrib.auth.backends.ModelBackend")
        url = reverse("programs:organization-dashboard", kwargs={"organization_uuid": self.district.uuid})
        response = client.get(url, {"csv": "at-risk"})
        lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()  # type: ignore[attr-defined]
        self.assertEqual(lines[0], "Educator,Micro-credential,Stage,Deadline,Time left")
        self.assertTrue(lines[1].startswith("Tess Teacher,Questioning,Working on it,"))
        self.assertTrue(lines[1].endswith(",5 days left"))

    def test_over_time_counts_each_month_and_credit_under_the_rule(self):
        rule = CreditRule.objects.create(
            jurisdiction="US-TN",
            jurisdiction_name="Tennessee",
            name="TN test",
            unit="pdp",
            unit_label="PDPs",
            basis="per_credential",
            amount=Decimal("6"),
        )
        OrganizationCreditRule.objects.create(organization=self.state, rule=rule)
        board = Dashboard(scope_for_organization(self.district), today=TODAY)
        months = {row[0]: row[1:] for row in board.over_time().rows}
        self.assertEqual(months["Sep 2026"], [2, 1, Decimal("10.0"), Decimal("6")])
        self.assertEqual(months["Oct 2026"], [1, 1, Decimal("10.0"), Decimal("6")])
        self.assertEqual(len(months), 12)
        self.assertIn(["Credit earned (PDPs, before each educator's cap)", Decimal("12")], board.headline().rows)

    def test_a_program_dashboard_counts_its_cohorts(self):
        program = Program.objects.create(organization=self.district, title="Literacy")
        program.micro_credentials.add(self.version.micro_credential)
        cohort = Cohort.objects.create(
            program=program,
            name="Fall",
            starts_on=date(2026, 9, 1),
            ends_on=date(2026, 12, 31),
            deadline=date(2026, 12, 15),
        )
        CohortMember.objects.create(
            program=program, cohort=cohort, email=self.ada.email, full_name="Ada", educator=self.ada
        )
        facts.refresh_for_educators([self.ada.pk])
        board = Dashboard(scope_for_program(program), today=TODAY)
        self.assertEqual(board.by_place().rows, [["Fall", 1, 1, 1, "100%"]])

    def test_each_figure_is_a_fixed_number_of_queries(self):
        board = Dashboard(scope_for_organization(self.state), today=TODAY)
        with self.assertNumQueries(12):
            board.tables()


class CacheTests(AnalyticsCase):
    def test_a_dashboard_is_read_from_the_cache_until_facts_change(self):
        enrollment = self.enrol(self.ada, self.school, started=date(2026, 9, 1))
        facts.refresh([enrollment.pk])
        scope = scope_for_organization(self.district)
        first = cache.snapshot(scope, today=TODAY)
        with self.assertNumQueries(0):
            again = cache.snapshot(scope, today=TODAY)
        self.assertEqual(again.table("funnel").rows[0][1], 1)  # type: ignore[union-attr]
        second = self.enrol(self.ben, self.other_school, started=date(2026, 9, 3))
        facts.refresh([second.pk])
        self.assertEqual(cache.snapshot(scope, today=TODAY).table("funnel").rows[0][1], 2)  # type: ignore[union-attr]
        self.assertEqual(first.table("funnel").rows[0][1], 1)  # type: ignore[union-attr]

    def test_after_a_refresh_the_dashboards_people_read_are_computed_again(self):
        scope = scope_for_organization(self.district)
        cache.snapshot(scope)
        enrollment = self.enrol(self.ada, self.school, started=date(2026, 9, 1))
        facts.refresh([enrollment.pk])
        self.assertGreaterEqual(cache.warm(), 1)
        with self.assertNumQueries(0):
            warmed = cache.snapshot(scope)
        self.assertEqual(warmed.table("funnel").rows[0][1], 1)  # type: ignore[union-attr]

    def test_a_states_dashboard_is_warmed_even_before_anyone_reads_it(self):
        enrollment = self.enrol(self.ada, self.school, started=date(2026, 9, 1))
        facts.refresh([enrollment.pk])
        cache.warm()
        with self.assertNumQueries(0):
            warmed = cache.snapshot(scope_for_organization(self.state))
        self.assertEqual(warmed.table("funnel").rows[0][1], 1)  # type: ignore[union-attr]


class DashboardPageTests(AnalyticsCase):
    def client_for(self, user: User) -> Client:
        client = Client()
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return client

    def test_who_may_read_which_dashboard(self):
        url = reverse("programs:organization-dashboard", kwargs={"organization_uuid": self.district.uuid})
        self.assertEqual(self.client_for(self.district_admin).get(url).status_code, 200)
        self.assertEqual(self.client_for(self.state_admin).get(url).status_code, 200)  # a state sees its districts
        self.assertEqual(self.client_for(self.other_state_admin).get(url).status_code, 404)
        self.assertEqual(self.client_for(self.other_district_admin).get(url).status_code, 404)  # never sideways
        self.assertEqual(self.client_for(self.teacher).get(url).status_code, 403)  # a member without the role
        state_url = reverse("programs:organization-dashboard", kwargs={"organization_uuid": self.state.uuid})
        self.assertEqual(self.client_for(self.district_admin).get(state_url).status_code, 404)  # never up

    def test_every_table_downloads_as_csv(self):
        enrollment = self.enrol(self.ada, self.school, started=date(2026, 9, 1))
        facts.refresh([enrollment.pk])
        url = reverse("programs:organization-dashboard", kwargs={"organization_uuid": self.district.uuid})
        client = self.client_for(self.district_admin)
        page = client.get(url)
        self.assertContains(page, "Enrolment funnel")
        for key in ("summary", "funnel", "over-time", "by-school", "by-micro-credential", "at-risk"):
            response = client.get(url, {"csv": key})
            self.assertEqual(response.status_code, 200, key)
            self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
            self.assertIn("attachment;", response["Content-Disposition"])
        self.assertEqual(client.get(url, {"csv": "nonsense"}).status_code, 404)
        funnel = client.get(url, {"csv": "funnel"}).content.decode("utf-8-sig").splitlines()
        self.assertEqual(funnel[:2], ["Stage,Enrolments,Share of started", "Started,1,100%"])
