"""Career roles: an educator's progress, who qualifies in an organization, and who sees whom."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from evident.accounts.models import Organization, User
from evident.accounts.tests.factories import member
from evident.catalog.models import Pathway, PathwayStep, Stack, StackItem
from evident.programs.earned import StackRule, stack_met
from evident.programs.models import CareerRole
from evident.programs.roles import Qualifier, RoleProgress, RoleQualifiers, role_progress_list, role_qualifier_list
from evident.programs.tests.base import ProgramsTestCase, earn, earn_stack


class RolesCase(ProgramsTestCase):
    literacy_lead: CareerRole
    reading_mentor: CareerRole
    north_fork_role: CareerRole
    pathway: Pathway

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.literacy_lead = CareerRole.objects.create(title="Early Literacy Lead", description="Leads reading.")
        cls.literacy_lead.stacks.set([cls.early_literacy])
        cls.pathway = Pathway.objects.create(
            organization=cls.issuer,
            slug="reading-mentor",
            title="Reading Mentor Pathway",
            role_name="Reading Mentor",
            description="Literacy, then read-alouds.",
            is_published=True,
        )
        first = PathwayStep.objects.create(pathway=cls.pathway, order=0, level="foundational", stack=cls.early_literacy)
        second = PathwayStep.objects.create(
            pathway=cls.pathway, order=1, level="intermediate", micro_credential=cls.read_aloud.micro_credential
        )
        second.prerequisites.set([first])
        cls.reading_mentor = CareerRole.objects.create(title="Reading Mentor")
        cls.reading_mentor.pathways.set([cls.pathway])
        # A role of another district: its own educators see it, no one else.
        cls.north_fork_role = CareerRole.objects.create(organization=cls.other_district, title="North Fork Lead")
        cls.north_fork_role.stacks.set([cls.early_literacy])

    def progress(self, educator: User, *organizations: Organization) -> dict[str, RoleProgress]:
        return {p.role.title: p for p in role_progress_list(educator, list(organizations) or [self.school])}


class ProgressTest(RolesCase):
    def test_it_counts_a_stack_earned_through_its_micro_credentials(self) -> None:
        earn(self.educator, self.phonics)
        lead = self.progress(self.educator)["Early Literacy Lead"]
        self.assertEqual((lead.done, lead.total, lead.stacks_earned, lead.stacks_required), (0, 1, 0, 1))
        self.assertFalse(lead.qualified)
        self.assertEqual((lead.stacks[0].earned, lead.stacks[0].needed), (1, 2))
        assert lead.next_step is not None
        self.assertEqual([n.title for n in lead.next_step.next], ["Teaching Phonological Awareness"])

        earn(self.educator, self.awareness)
        lead = self.progress(self.educator)["Early Literacy Lead"]
        self.assertTrue(lead.qualified)
        self.assertIsNone(lead.next_step)

    def test_it_counts_a_stack_award(self) -> None:
        earn_stack(self.educator, self.early_literacy)
        self.assertTrue(self.progress(self.educator)["Early Literacy Lead"].qualified)

    def test_it_ignores_revoked_awards(self) -> None:
        earn(self.educator, self.phonics)
        award = earn(self.educator, self.awareness)
        award.revoked_at = timezone.now()
        award.save(update_fields=["revoked_at"])
        stack_award = earn_stack(self.educator, self.early_literacy)
        stack_award.revoked_at = timezone.now()
        stack_award.save(update_fields=["revoked_at"])
        self.assertFalse(self.progress(self.educator)["Early Literacy Lead"].qualified)

    def test_it_follows_a_pathway_step_by_step(self) -> None:
        mentor = self.progress(self.educator)["Reading Mentor"]
        steps = mentor.pathways[0].steps
        self.assertEqual([s.target.title for s in steps], ["Early Literacy", "Interactive Read Aloud"])
        self.assertEqual(steps[1].waiting_for, [1])
        assert mentor.next_step is not None
        self.assertEqual(mentor.next_step.target.title, "Early Literacy")

        earn_stack(self.educator, self.early_literacy)
        mentor = self.progress(self.educator)["Reading Mentor"]
        self.assertEqual((mentor.done, mentor.total), (1, 2))
        self.assertEqual(mentor.pathways[0].steps[1].waiting_for, [])
        assert mentor.next_step is not None
        self.assertEqual(mentor.next_step.target.title, "Interactive Read Aloud")

        earn(self.educator, self.read_aloud)
        self.assertTrue(self.progress(self.educator)["Reading Mentor"].qualified)

    def test_it_shows_a_district_role_only_inside_that_district(self) -> None:
        self.assertNotIn("North Fork Lead", self.progress(self.educator))
        self.assertIn("North Fork Lead", self.progress(self.far_educator, self.other_school))

    def test_stack_rules_count_n_of_m_and_the_capstone(self) -> None:
        any_two = StackRule(stack_id=1, items=(10, 11, 12), needed=2, capstone=None)
        self.assertTrue(stack_met(any_two, {10, 12}))
        self.assertFalse(stack_met(any_two, {10}))
        with_capstone = StackRule(stack_id=2, items=(10, 11, 12), needed=2, capstone=12)
        self.assertFalse(stack_met(with_capstone, {10, 11}))
        self.assertTrue(stack_met(with_capstone, {10, 12}))
        self.assertEqual(with_capstone.missing({10}), [12, 11])
        self.assertFalse(stack_met(StackRule(stack_id=3, items=(), needed=0, capstone=None), {10}))

    def test_an_n_of_m_stack_reads_its_required_count(self) -> None:
        stack = Stack.objects.create(
            organization=self.issuer, slug="any-one", title="Any One", description="One of two.", required_count=1
        )
        stack.completion_rule = Stack.CompletionRule.N_OF_M
        stack.save(update_fields=["completion_rule"])
        StackItem.objects.create(stack=stack, micro_credential=self.phonics.micro_credential, order=0)
        StackItem.objects.create(stack=stack, micro_credential=self.read_aloud.micro_credential, order=1)
        role = CareerRole.objects.create(title="Any One Role")
        role.stacks.set([stack])
        earn(self.educator, self.read_aloud)
        self.assertTrue(self.progress(self.educator)["Any One Role"].qualified)


class QualifiersTest(RolesCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        for educator in (cls.educator, cls.other_educator, cls.far_educator):
            earn(educator, cls.phonics)
            earn(educator, cls.awareness)
        earn(cls.other_educator, cls.read_aloud)
        earn(cls.far_educator, cls.read_aloud)

    def rows(self, organization: Organization) -> dict[str, RoleQualifiers]:
        _, rows = role_qualifier_list(organization)
        return {r.role.title: r for r in rows}

    def names(self, people: list[Qualifier]) -> list[str]:
        return [q.educator.full_name for q in people]

    def test_it_lists_who_qualifies_and_who_is_one_step_away_in_a_district(self) -> None:
        rows = self.rows(self.district)
        self.assertEqual(self.names(rows["Early Literacy Lead"].qualified), ["Elena Educator", "Hugo High"])
        self.assertEqual(self.names(rows["Reading Mentor"].qualified), ["Hugo High"])
        self.assertEqual(self.names(rows["Reading Mentor"].one_away), ["Elena Educator"])
        missing = rows["Reading Mentor"].one_away[0].missing
        assert missing is not None
        self.assertEqual(missing.title, "Interactive Read Aloud")

    def test_a_district_does_not_see_another_districts_educators(self) -> None:
        rows = self.rows(self.district)
        for row in rows.values():
            self.assertNotIn("Fern Faraway", self.names(row.qualified) + self.names(row.one_away))
        self.assertNotIn("North Fork Lead", rows)
        other = self.rows(self.other_district)
        self.assertEqual(self.names(other["Reading Mentor"].qualified), ["Fern Faraway"])
        self.assertEqual(self.names(other["North Fork Lead"].qualified), ["Fern Faraway"])

    def test_a_state_sees_every_district_below_it(self) -> None:
        count, _ = role_qualifier_list(self.state)
        self.assertEqual(count, 3)
        self.assertEqual(
            self.names(self.rows(self.state)["Early Literacy Lead"].qualified),
            ["Elena Educator", "Fern Faraway", "Hugo High"],
        )

    def test_it_runs_the_same_queries_however_many_educators(self) -> None:
        with self.assertNumQueries(14):
            role_qualifier_list(self.district)
        for n in range(5):
            newcomer = member(self.high_school, "educator", email=f"new{n}@riverbend-high.example")
            earn(newcomer, self.phonics)
            earn_stack(newcomer, self.early_literacy)
        with self.assertNumQueries(14):
            count, _ = role_qualifier_list(self.district)
        self.assertEqual(count, 7)


class RolePagesTest(RolesCase):
    def test_the_educator_sees_their_progress_and_what_to_do_next(self) -> None:
        earn(self.educator, self.phonics)
        response = self.client_for(self.educator).get(reverse("programs:career-roles"))
        self.assertContains(response, "Early Literacy Lead")
        self.assertContains(response, "1 of 2 micro-credentials earned")
        self.assertContains(response, "Teaching Phonological Awareness")
        self.assertNotContains(response, "North Fork Lead")

    def test_a_district_admin_sees_the_qualifiers_of_their_district(self) -> None:
        earn_stack(self.educator, self.early_literacy)
        earn_stack(self.far_educator, self.early_literacy)
        url = reverse("programs:role-qualifiers", kwargs={"organization_uuid": self.district.uuid})
        response = self.client_for(self.district_admin).get(url)
        self.assertContains(response, "Elena Educator")
        self.assertNotContains(response, "Fern Faraway")

    def test_a_state_admin_sees_a_district_below(self) -> None:
        url = reverse("programs:role-qualifiers", kwargs={"organization_uuid": self.district.uuid})
        self.assertEqual(self.client_for(self.state_admin).get(url).status_code, 200)

    def test_others_get_404_and_members_without_the_role_403(self) -> None:
        url = reverse("programs:role-qualifiers", kwargs={"organization_uuid": self.district.uuid})
        for outsider in (self.other_district_admin, self.other_state_admin, self.outsider):
            self.assertEqual(self.client_for(outsider).get(url).status_code, 404, outsider)
        self.assertEqual(self.client_for(self.coach).get(url).status_code, 403)
