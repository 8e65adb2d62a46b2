"""Shared set-up for programs tests: an organization tree, the people in it, a small catalog,
and helpers that make programs, cohorts, members and earned credentials.

The tree::

    Cascadia DPI (state)                      Lakeshore DOE (other_state)
    ├── Riverbend USD (district)              └── Lakeshore City SD (other_state_district)
    │   ├── Maple Street Elementary (school)
    │   └── Riverbend High (high_school)
    └── North Fork SD (other_district)
        └── Cedar Ridge Middle (other_school)

People: a program admin in each of state, district, other_district and
other_state; coaches in the district (``coach``), in Maple Street
(``school_coach``) and in North Fork (``other_coach``); educators in Maple
Street (``educator``), Riverbend High (``other_educator``) and Cedar Ridge
(``far_educator``); ``outsider`` belongs to the issuer only.

Catalog: three published micro-credentials of the issuer (``phonics``,
``awareness``, ``read_aloud``; live versions) and the published stack
``early_literacy`` of the first two.

The helpers write rows directly (no permission checks, no audit), so tests of
other programs features can build what they need without going through the
program admin's services. Use the services when that is what is tested.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

from django.test import Client, TestCase
from django.utils import timezone

from evident.accounts.models import Organization, User
from evident.accounts.tests.factories import OrganizationFactory, member
from evident.catalog import services as catalog_services
from evident.catalog.models import MicroCredentialVersion, Stack
from evident.catalog.tests.factories import issuer, publish, quality_reviewer, sample_blueprint
from evident.credentials.models import Award, StatusList
from evident.earning.models import Enrollment
from evident.programs.models import Cohort, CohortMember, Program


class ProgramsTestCase(TestCase):
    state: Organization
    district: Organization
    school: Organization
    high_school: Organization
    other_district: Organization
    other_school: Organization
    other_state: Organization
    other_state_district: Organization
    issuer: Organization

    state_admin: User
    district_admin: User
    other_district_admin: User
    other_state_admin: User
    coach: User
    school_coach: User
    other_coach: User
    educator: User
    other_educator: User
    far_educator: User
    outsider: User

    phonics: MicroCredentialVersion
    awareness: MicroCredentialVersion
    read_aloud: MicroCredentialVersion
    early_literacy: Stack

    @classmethod
    def setUpTestData(cls) -> None:
        school, district, state = Organization.Kind.SCHOOL, Organization.Kind.DISTRICT, Organization.Kind.STATE
        cls.state = OrganizationFactory(slug="cascadia", name="Cascadia DPI", kind=state)
        cls.district = OrganizationFactory(slug="riverbend", name="Riverbend USD", kind=district, parent=cls.state)
        cls.school = OrganizationFactory(
            slug="maple-street", name="Maple Street Elementary School", kind=school, parent=cls.district
        )
        cls.high_school = OrganizationFactory(
            slug="riverbend-high", name="Riverbend High School", kind=school, parent=cls.district
        )
        cls.other_district = OrganizationFactory(
            slug="north-fork", name="North Fork SD", kind=district, parent=cls.state
        )
        cls.other_school = OrganizationFactory(
            slug="cedar-ridge", name="Cedar Ridge Middle School", kind=school, parent=cls.other_district
        )
        cls.other_state = OrganizationFactory(slug="lakeshore", name="Lakeshore DOE", kind=state)
        cls.other_state_district = OrganizationFactory(
            slug="lakeshore-city", name="Lakeshore City SD", kind=district, parent=cls.other_state
        )

        cls.state_admin = member(cls.state, "program_admin", email="sam@cascadia.example", full_name="Sam State")
        cls.district_admin = member(
            cls.district, "program_admin", email="priya@riverbend.example", full_name="Priya Program"
        )
        cls.other_district_admin = member(
            cls.other_district, "program_admin", email="nora@northfork.example", full_name="Nora North"
        )
        cls.other_state_admin = member(
            cls.other_state, "program_admin", email="lars@lakeshore.example", full_name="Lars Lake"
        )
        cls.coach = member(cls.district, "coach", email="cole@riverbend.example", full_name="Cole Coach")
        cls.school_coach = member(cls.school, "coach", email="mia@maple.example", full_name="Mia Mentor")
        cls.other_coach = member(cls.other_district, "coach", email="cara@northfork.example", full_name="Cara Coach")
        cls.educator = member(cls.school, "educator", email="elena@maple.example", full_name="Elena Educator")
        cls.other_educator = member(
            cls.high_school, "educator", email="hugo@riverbend-high.example", full_name="Hugo High"
        )
        cls.far_educator = member(cls.other_school, "educator", email="fern@cedar.example", full_name="Fern Faraway")

        cls.issuer = issuer()
        author = member(cls.issuer, "author")
        cls.outsider = member(cls.issuer, "org_admin", email="olive@institute.example", full_name="Olive Outsider")
        reviewer = quality_reviewer()
        cls.phonics = publish(author, cls.issuer, sample_blueprint("Teaching Phonics"), reviewer)
        cls.awareness = publish(author, cls.issuer, sample_blueprint("Teaching Phonological Awareness"), reviewer)
        cls.read_aloud = publish(author, cls.issuer, sample_blueprint("Interactive Read Aloud"), reviewer)
        cls.early_literacy = catalog_services.stack_create(
            actor=author,
            organization=cls.issuer,
            title="Early Literacy",
            description="Sounds, letters, words.",
            micro_credentials=[cls.phonics.micro_credential, cls.awareness.micro_credential],
        )

    def client_for(self, user: User, *, enforce_csrf: bool = False) -> Client:
        client = Client(enforce_csrf_checks=enforce_csrf)
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return client


def make_program(
    organization: Organization,
    title: str = "Early Literacy 2026-27",
    *,
    versions: list[MicroCredentialVersion] | tuple[MicroCredentialVersion, ...] = (),
    stacks: list[Stack] | tuple[Stack, ...] = (),
    incentive: Decimal | str | None = None,
    status: str = Program.Status.ACTIVE,
) -> Program:
    """A program of ``organization`` offering the versions' micro-credentials and the stacks."""
    program = Program.objects.create(
        organization=organization,
        title=title,
        status=status,
        incentive_amount=Decimal(incentive) if incentive is not None else None,
    )
    program.micro_credentials.set([v.micro_credential for v in versions])
    program.stacks.set(list(stacks))
    return program


def make_cohort(
    program: Program,
    name: str = "Cohort A",
    *,
    starts_on: date | None = None,
    ends_on: date | None = None,
    deadline: date | None = None,
    coaches: list[User] | tuple[User, ...] = (),
) -> Cohort:
    """A cohort running from a month ago to five months ahead, with its deadline at its end, by default."""
    today = timezone.localdate()
    starts_on = starts_on or today - timedelta(days=30)
    ends_on = ends_on or today + timedelta(days=150)
    cohort = Cohort.objects.create(
        program=program, name=name, starts_on=starts_on, ends_on=ends_on, deadline=deadline or ends_on
    )
    cohort.coaches.set(list(coaches))
    return cohort


def add_member(
    cohort: Cohort,
    educator: User | None = None,
    *,
    email: str = "",
    full_name: str = "",
    school: Organization | None = None,
    coach: User | None = None,
) -> CohortMember:
    """Put an educator (an account, or just a rostered name and email) on the cohort."""
    return CohortMember.objects.create(
        program=cohort.program,
        cohort=cohort,
        educator=educator,
        email=(email or (educator.email if educator else "")).lower(),
        full_name=full_name or (educator.full_name if educator else email),
        school=school,
        coach=coach,
    )


def earn(educator: User, version: MicroCredentialVersion, *, at: datetime | None = None) -> Award:
    """An earned enrolment and its (unsigned) credential, issued at ``at`` (now by default).

    Enough for counting credit and incentives; tests of signing use the credentials services.
    """
    at = at or timezone.now()
    enrollment = Enrollment.objects.create(
        educator=educator,
        micro_credential=version.micro_credential,
        version=version,
        status=Enrollment.Status.EARNED,
        started_at=at - timedelta(days=7),
        updated_at=at,
        earned_at=at,
    )
    organization = version.micro_credential.organization
    status_list = StatusList.objects.filter(organization=organization).first() or StatusList.objects.create(
        organization=organization
    )
    return Award.objects.create(
        organization=organization,
        educator=educator,
        enrollment=enrollment,
        version=version,
        title=version.title,
        credential={},
        status_list=status_list,
        status_index=Award.objects.filter(status_list=status_list).count(),
        issued_at=at,
    )


def earn_stack(educator: User, stack: Stack, *, at: datetime | None = None) -> Award:
    """A stack credential issued at ``at`` (the micro-credentials' own awards are not made)."""
    at = at or timezone.now()
    status_list = StatusList.objects.filter(organization=stack.organization).first() or StatusList.objects.create(
        organization=stack.organization
    )
    return Award.objects.create(
        organization=stack.organization,
        educator=educator,
        kind=Award.Kind.STACK,
        stack=stack,
        title=stack.title,
        credential={},
        status_list=status_list,
        status_index=Award.objects.filter(status_list=status_list).count(),
        issued_at=at,
    )
