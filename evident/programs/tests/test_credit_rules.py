"""Credit rules: the seeded rules and their sources, an organization's own rules and overrides, its choice."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from evident.accounts.models import AuditEvent, Organization
from evident.programs import credit_services
from evident.programs.credit_demo import load_credit_demo
from evident.programs.credit_seed import SEED_RULES, credit_rules_seed
from evident.programs.credit_selectors import applicable_rule
from evident.programs.credit_services import RuleInput
from evident.programs.models import CreditRule, OrganizationCreditRule
from evident.programs.tests.base import ProgramsTestCase


def seeded(jurisdiction: str) -> CreditRule:
    return CreditRule.objects.get(organization__isnull=True, jurisdiction=jurisdiction)


def rule_form(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "jurisdiction": "us-tn",
        "jurisdiction_name": "Tennessee",
        "name": "Riverbend PDPs",
        "unit": "pdp",
        "unit_label": "PDPs",
        "basis": "per_credential",
        "amount": "5",
        "cap_per_cycle": "30",
        "cycle_years": "6",
        "renewal_requirement": "60",
        "source_title": "",
        "source_url": "",
        "notes": "Our district counts five.",
    }
    data.update(changes)
    return data


class SeededRuleTests(ProgramsTestCase):
    def test_it_ships_the_four_state_rules_with_their_public_sources(self) -> None:
        rules = {r.jurisdiction: r for r in CreditRule.objects.filter(organization__isnull=True)}
        assert set(rules) >= {"US-TN", "US-UT", "US-NC", "US-DE"}
        for rule in rules.values():
            assert rule.source_url.startswith("https://") and rule.source_title and len(rule.notes) > 100
        tennessee, utah, carolina, delaware = (rules[k] for k in ("US-TN", "US-UT", "US-NC", "US-DE"))
        assert (tennessee.basis, tennessee.amount, tennessee.renewal_requirement) == (
            "per_credential",
            Decimal("6"),
            Decimal("60"),
        )
        assert tennessee.unit_label == "PDPs" and tennessee.source_url.startswith("https://www.tn.gov/")
        assert (utah.amount, utah.unit) == (Decimal("0.5"), "usbe_credit")
        assert (carolina.basis, carolina.amount, carolina.renewal_requirement, carolina.cycle_years) == (
            "per_pd_hour",
            Decimal("0.1"),
            Decimal("8"),
            5,
        )
        assert "dpi.nc.gov" in carolina.source_url
        assert (delaware.unit, delaware.amount, delaware.renewal_requirement, delaware.cycle_years) == (
            "clock_hours",
            Decimal("1"),
            Decimal("90"),
            5,
        )

    def test_seeding_again_changes_nothing_and_repairs_a_changed_figure(self) -> None:
        assert credit_rules_seed() == {"created": 0, "updated": 0}
        CreditRule.objects.filter(organization__isnull=True, jurisdiction="US-TN").update(amount=Decimal("1"))
        assert credit_rules_seed() == {"created": 0, "updated": 1}
        assert seeded("US-TN").amount == Decimal("6")
        assert CreditRule.objects.filter(organization__isnull=True).count() == len(SEED_RULES)

    def test_seeding_leaves_an_organizations_override_alone(self) -> None:
        override = credit_services.credit_rule_create(
            actor=self.district_admin,
            organization=self.district,
            data=RuleInput.from_rule(seeded("US-TN")),
            overrides=seeded("US-TN"),
        )
        CreditRule.objects.filter(pk=override.pk).update(amount=Decimal("4"))
        credit_rules_seed()
        override.refresh_from_db()
        assert override.amount == Decimal("4") and override.overrides == seeded("US-TN")


class RuleServiceTests(ProgramsTestCase):
    def test_an_override_is_a_changed_copy_that_points_at_the_seeded_rule(self) -> None:
        tennessee = seeded("US-TN")
        data = RuleInput.from_rule(tennessee)
        data = RuleInput(**{**data.__dict__, "name": "Tennessee, Riverbend", "cap_per_cycle": Decimal("30")})
        rule = credit_services.credit_rule_create(
            actor=self.district_admin, organization=self.district, data=data, overrides=tennessee
        )
        assert rule.organization == self.district and rule.overrides == tennessee
        assert rule.cap_per_cycle == Decimal("30") and rule.amount == Decimal("6")
        tennessee.refresh_from_db()
        assert tennessee.cap_per_cycle is None
        assert AuditEvent.objects.filter(action="credit_rule.overridden", target_id=str(rule.uuid)).exists()

    def test_a_seeded_rule_cannot_be_edited(self) -> None:
        tennessee = seeded("US-TN")
        with self.assertRaises(PermissionDenied):
            credit_services.credit_rule_update(
                actor=self.district_admin, rule=tennessee, data=RuleInput.from_rule(tennessee)
            )

    def test_only_the_organizations_program_admins_add_rules(self) -> None:
        data = RuleInput.from_rule(seeded("US-TN"))
        for outsider in (self.state_admin, self.other_district_admin, self.educator):
            with self.assertRaises(PermissionDenied):
                credit_services.credit_rule_create(actor=outsider, organization=self.district, data=data)

    def test_a_duplicate_name_is_refused_with_a_reason(self) -> None:
        data = RuleInput.from_rule(seeded("US-TN"))
        credit_services.credit_rule_create(actor=self.district_admin, organization=self.district, data=data)
        with self.assertRaisesMessage(ValidationError, "already has a rule named"):
            credit_services.credit_rule_create(actor=self.district_admin, organization=self.district, data=data)

    def test_an_organization_chooses_a_seeded_rule_or_its_own_but_not_anothers(self) -> None:
        theirs = credit_services.credit_rule_create(
            actor=self.other_district_admin,
            organization=self.other_district,
            data=RuleInput.from_rule(seeded("US-NC")),
        )
        with self.assertRaises(ValidationError):
            credit_services.organization_credit_rule_set(
                actor=self.district_admin, organization=self.district, rule=theirs
            )
        credit_services.organization_credit_rule_set(
            actor=self.district_admin, organization=self.district, rule=seeded("US-TN")
        )
        assert OrganizationCreditRule.objects.get(organization=self.district).rule == seeded("US-TN")
        with self.assertRaises(PermissionDenied):
            credit_services.organization_credit_rule_set(
                actor=self.state_admin, organization=self.district, rule=seeded("US-DE")
            )


class WhichRuleAppliesTests(ProgramsTestCase):
    def test_it_looks_up_the_tree_from_the_school_to_the_district_to_the_state(self) -> None:
        assert applicable_rule(self.educator) is None
        credit_services.organization_credit_rule_set(
            actor=self.state_admin, organization=self.state, rule=seeded("US-DE")
        )
        applied = applicable_rule(self.educator)
        assert applied is not None and applied.rule == seeded("US-DE") and applied.via == "Cascadia DPI"
        credit_services.organization_credit_rule_set(
            actor=self.district_admin, organization=self.district, rule=seeded("US-TN")
        )
        applied = applicable_rule(self.educator)
        assert applied is not None and applied.rule == seeded("US-TN") and applied.source == "organization"
        far = applicable_rule(self.far_educator)
        assert far is not None and far.rule == seeded("US-DE")  # North Fork sets none; the state's applies

    def test_a_program_rule_comes_before_the_organizations(self) -> None:
        from evident.programs.tests.base import add_member, make_cohort, make_program  # noqa: PLC0415

        credit_services.organization_credit_rule_set(
            actor=self.district_admin, organization=self.district, rule=seeded("US-TN")
        )
        program = make_program(self.district)
        program.credit_rule = seeded("US-UT")
        program.save(update_fields=["credit_rule"])
        add_member(make_cohort(program), self.educator)
        applied = applicable_rule(self.educator)
        assert applied is not None and applied.rule == seeded("US-UT") and applied.source == "program"


class RulePageTests(ProgramsTestCase):
    def url(self, organization: Organization | None = None) -> str:
        return reverse("programs:credit-rules", kwargs={"organization_uuid": (organization or self.district).uuid})

    def test_program_admins_read_the_seeded_rules_with_their_sources(self) -> None:
        response = self.client_for(self.district_admin).get(self.url())
        assert response.status_code == 200
        page = response.content.decode()
        assert "Tennessee professional license renewal" in page
        assert "6 PDPs per micro-credential; 60 PDPs to renew in 6 years; no cap." in page
        assert seeded("US-TN").source_url in page

    def test_outsiders_get_404_and_members_without_the_role_403(self) -> None:
        assert self.client_for(self.other_district_admin).get(self.url()).status_code == 404
        assert self.client_for(self.outsider).get(self.url()).status_code == 404
        assert self.client_for(self.educator).get(self.url(self.school)).status_code == 403

    def test_a_state_admin_reads_a_districts_rules_but_cannot_choose_for_it(self) -> None:
        client = self.client_for(self.state_admin)
        assert client.get(self.url()).status_code == 200
        response = client.post(self.url(), {"rule": str(seeded("US-TN").uuid)})
        assert response.status_code == 403
        assert not OrganizationCreditRule.objects.filter(organization=self.district).exists()

    def test_choosing_the_rule_for_the_district(self) -> None:
        client = self.client_for(self.district_admin, enforce_csrf=True)
        assert client.post(self.url(), {"rule": str(seeded("US-TN").uuid)}).status_code == 403  # no CSRF token
        client = self.client_for(self.district_admin)
        response = client.post(self.url(), {"rule": str(seeded("US-TN").uuid)})
        assert response.status_code == 302
        assert OrganizationCreditRule.objects.get(organization=self.district).rule == seeded("US-TN")
        response = client.post(self.url(), {"rule": "not-a-rule"})
        assert response.status_code == 422

    def test_overriding_a_seeded_rule_through_the_form(self) -> None:
        create = reverse("programs:credit-rule-create", kwargs={"organization_uuid": self.district.uuid})
        client = self.client_for(self.district_admin)
        form_page = client.get(create, {"overrides": str(seeded("US-TN").uuid)})
        assert (
            form_page.status_code == 200
            and "Override Tennessee professional license renewal" in form_page.content.decode()
        )
        response = client.post(create, {**rule_form(), "overrides": str(seeded("US-TN").uuid)})
        assert response.status_code == 302
        rule = CreditRule.objects.get(organization=self.district)
        assert rule.jurisdiction == "US-TN" and rule.amount == Decimal("5") and rule.overrides == seeded("US-TN")

    def test_bad_figures_are_refused_with_reasons(self) -> None:
        create = reverse("programs:credit-rule-create", kwargs={"organization_uuid": self.district.uuid})
        response = self.client_for(self.district_admin).post(
            create, rule_form(jurisdiction="Tennessee", amount="0", cap_per_cycle="-1", cycle_years="0")
        )
        assert response.status_code == 422
        page = response.content.decode()
        assert "Use a code such as US-TN" in page
        assert "A credential must earn more than 0." in page
        assert "A cap must be more than 0" in page
        assert not CreditRule.objects.filter(organization=self.district).exists()

    def test_editing_ones_own_rule_and_not_anothers(self) -> None:
        rule = credit_services.credit_rule_create(
            actor=self.district_admin, organization=self.district, data=RuleInput.from_rule(seeded("US-NC"))
        )
        edit = reverse("programs:credit-rule-edit", kwargs={"organization_uuid": self.district.uuid, "uuid": rule.uuid})
        response = self.client_for(self.district_admin).post(edit, rule_form(name="Riverbend CEUs", amount="0.2"))
        assert response.status_code == 302
        rule.refresh_from_db()
        assert rule.name == "Riverbend CEUs" and rule.amount == Decimal("0.2")
        theirs = reverse(
            "programs:credit-rule-edit", kwargs={"organization_uuid": self.other_district.uuid, "uuid": rule.uuid}
        )
        assert self.client_for(self.other_district_admin).get(theirs).status_code == 404


class CreditDemoTests(ProgramsTestCase):
    def test_the_demo_district_counts_under_tennessee_and_loading_twice_changes_nothing(self) -> None:
        assert load_credit_demo(program_admin=self.district_admin, district=self.district) == {"credit rule choices": 1}
        assert load_credit_demo(program_admin=self.district_admin, district=self.district) == {"credit rule choices": 0}
        applied = applicable_rule(self.educator)
        assert applied is not None and applied.rule == seeded("US-TN")
