"""Issuing, verifying and revoking awards on the platform (Django side)."""

from __future__ import annotations

import copy
import json
import tempfile
from datetime import UTC, date, datetime, timedelta
from io import StringIO
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.test import SimpleTestCase
from django.urls import reverse
from django.utils import timezone
from jsonschema import validators

from evident.accounts.tests.factories import member
from evident.catalog.models import MicroCredentialVersion
from evident.credentials import services
from evident.credentials.did import issuer_did, slug_from_did
from evident.credentials.interop import verify_with_digital_bazaar
from evident.credentials.models import Award, IssuerKey
from evident.credentials.selectors import issuer_did_document
from evident.credentials.verify import check_credential
from evident.earning import services as earning
from evident.earning.tests.base import EarningTestCase
from evident.lib.dates import add_months, months_text

NEW_YORK = ZoneInfo("America/New_York")


SCHEMA = (
    Path(__file__).resolve().parents[4] / "shared" / "ob3" / "schemas" / "ob_v3p0_achievementcredential_schema.json"
)


def schema_errors(document: dict[str, Any]) -> list[str]:
    """What OB 3.0's AchievementCredential JSON schema says is wrong with ``document`` (nothing: [])."""
    schema = json.loads(SCHEMA.read_text())
    validator = validators.validator_for(schema)(schema)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
    return [f"{list(e.path)}: {e.message[:120]}" for e in errors[:8]]


def documents_for(*awards: Award) -> dict[str, dict[str, Any]]:
    """What Digital Bazaar's verifier needs besides the credentials: the issuers' DID documents and status lists."""
    found: dict[str, dict[str, Any]] = {}
    for award in awards:
        award.status_list.refresh_from_db()
        status_list = award.status_list.credential
        assert status_list is not None
        found[status_list["id"]] = status_list
        document = issuer_did_document(award.organization.slug)
        found[document["id"]] = document
    return found


class AwardCase(EarningTestCase):
    def earn(self, user=None):
        enrollment = self.enrol(user)
        submission = self.submit(enrollment)
        outcomes = [
            earning.RequirementOutcome(requirement=e.requirement, passed=True, level_name="Meets")
            for e in submission.evidence.select_related("requirement")
        ]
        with self.captureOnCommitCallbacks(execute=True):
            earning.submission_decide(submission=submission, outcomes=outcomes)
        return Award.objects.get(enrollment=enrollment)


class AwardTests(AwardCase):
    def test_an_earned_micro_credential_is_issued_a_signed_credential_that_verifies(self):
        award = self.earn()
        document = award.credential
        assert document["type"] == ["VerifiableCredential", "AchievementCredential"]
        assert document["issuer"]["id"] == issuer_did(self.version.micro_credential.organization)
        assert document["proof"][0]["cryptosuite"] == "eddsa-rdfc-2022"
        subject = document["credentialSubject"]
        assert subject["achievement"]["achievementType"] == "MicroCredential"
        assert subject["identifier"][0]["identityHash"] == services.identity_hash(
            self.educator.email, subject["identifier"][0]["salt"]
        )
        assert self.educator.email not in json.dumps(document)
        assert len(subject["result"]) == 3 and all("achievedLevel" in r for r in subject["result"])
        assert check_credential(document).state == "valid"

    def test_issuing_twice_gives_the_same_award(self):
        award = self.earn()
        assert services.award_issue_for_enrollment(award.enrollment).pk == award.pk

    def test_a_changed_field_no_longer_verifies(self):
        document = copy.deepcopy(self.earn().credential)
        document["credentialSubject"]["achievement"]["name"] = "Something Else"
        check = check_credential(document)
        assert check.state == "invalid" and "signature" in check.reason

    def test_revoking_sets_the_status_bit_and_the_check_says_revoked(self):
        award = self.earn()
        organization = award.organization
        admin = member(organization, "org_admin")
        with self.assertRaises(PermissionDenied):
            services.award_revoke(actor=self.educator, award=award, reason="No.")
        services.award_revoke(actor=admin, award=award, reason="Issued in error.")
        assert check_credential(award.credential).state == "revoked"
        response = self.client.get(award.status_list.get_absolute_url())
        assert response.status_code == 200
        assert check_credential(json.loads(response.content)).state == "valid"  # the list itself verifies

    def test_the_did_document_lists_every_key_so_old_credentials_verify_after_rotation(self):
        award = self.earn()
        organization = award.organization
        admin = member(organization, "org_admin")
        services.issuer_key_rotate(actor=admin, organization=organization)
        assert IssuerKey.objects.filter(organization=organization).count() == 2
        response = self.client.get(reverse("credentials:did-document", kwargs={"slug": organization.slug}))
        document = json.loads(response.content)
        assert response["Content-Type"] == "application/did+json"
        assert [m["id"].split("#")[1] for m in document["verificationMethod"]] == ["key-1", "key-2"]
        assert document["assertionMethod"] == [m["id"] for m in document["verificationMethod"]]
        assert check_credential(award.credential).state == "valid"
        assert slug_from_did(document["id"]) == organization.slug

    def test_the_private_key_is_encrypted_at_rest(self):
        award = self.earn()
        key = IssuerKey.objects.get(organization=award.organization)
        assert key.public_key_multibase.startswith("z6Mk")
        assert "z6Mk" not in key.private_key_encrypted and len(key.private_key_encrypted) > 80

    def test_the_credential_is_private_until_the_educator_shares_it(self):
        award = self.earn()
        page, document = award.get_absolute_url(), reverse("credentials:award-json", kwargs={"uuid": award.uuid})
        assert self.client.get(page).status_code == 404
        assert self.client_for(self.other_educator).get(document).status_code == 404
        assert self.client_for(self.educator).get(page).status_code == 200
        response = self.client_for(self.educator).post(
            reverse("credentials:award-share", kwargs={"uuid": award.uuid}), {"public": "true"}
        )
        assert response.status_code == 302
        assert self.client.get(page).status_code == 200
        downloaded = self.client.get(document)
        assert json.loads(downloaded.content) == award.credential
        assert (
            self.client_for(self.other_educator)
            .post(reverse("credentials:award-share", kwargs={"uuid": award.uuid}), {"public": "false"})
            .status_code
            == 404
        )

    def test_the_page_shows_the_level_reached_on_each_requirement_as_signed(self):
        award = self.earn()
        page = self.client_for(self.educator).get(award.get_absolute_url())
        results = award.credential["credentialSubject"]["result"]
        descriptions = {d["id"]: d for d in award.credential["credentialSubject"]["achievement"]["resultDescription"]}
        assert results
        self.assertContains(page, "The rubric level reached on each requirement")
        for result in results:
            description = descriptions[result["resultDescription"]]
            level = next(lv for lv in description["rubricCriterionLevel"] if lv["id"] == result["achievedLevel"])
            self.assertContains(page, f'<th scope="row">{description["name"]}</th><td>{level["name"]}</td>', html=True)

    def test_the_work_page_links_to_the_credential(self):
        award = self.earn()
        page = self.client_for(self.educator).get(award.enrollment.get_absolute_url())
        self.assertContains(page, award.get_absolute_url())


class ValidityTests(AwardCase):
    def set_validity(self, months):
        MicroCredentialVersion.objects.filter(pk=self.version.pk).update(validity_months=months)
        self.version.refresh_from_db()

    def test_a_version_without_validity_gives_a_credential_that_never_expires(self):
        award = self.earn()
        assert award.valid_until is None
        assert "validUntil" not in award.credential
        assert check_credential(award.credential, now=datetime(2999, 1, 1, tzinfo=UTC)).state == "valid"

    def test_the_credential_expires_the_set_number_of_calendar_months_after_it_is_earned(self):
        self.set_validity(24)
        award = self.earn()
        issued = timezone.localtime(award.issued_at)
        assert award.valid_until is not None
        until = timezone.localtime(award.valid_until)
        assert (until.year, until.month, until.day) == (issued.year + 2, issued.month, issued.day)
        assert (until.hour, until.minute, until.second) == (issued.hour, issued.minute, issued.second)
        signed = datetime.fromisoformat(award.credential["validUntil"].replace("Z", "+00:00"))
        assert signed == award.valid_until
        assert award.credential["validUntil"].endswith("Z")
        assert check_credential(award.credential).state == "valid"
        expired = check_credential(award.credential, now=award.valid_until + timedelta(seconds=1))
        assert expired.state == "expired" and str(until.year) in expired.reason
        assert award.is_expired is False

    def test_an_expiring_credential_still_follows_the_schema_and_verifies_with_digital_bazaar(self):
        self.set_validity(6)
        award = self.earn()
        assert not schema_errors(award.credential)
        [result] = verify_with_digital_bazaar([{"credential": award.credential, "documents": documents_for(award)}])
        assert result["verified"] is True, result

    def test_months_are_counted_on_the_platform_calendar_and_clamped_to_the_month_end(self):
        # 22:30 on January 31 in New York is already February 1 in UTC.
        evening = datetime(2027, 1, 31, 22, 30, 15, 123456, tzinfo=NEW_YORK)
        until = services.valid_until_for(evening.astimezone(UTC), 1)
        assert until == datetime(2027, 2, 28, 22, 30, 15, tzinfo=NEW_YORK)
        assert services.valid_until_for(evening, None) is None


class MonthArithmeticTests(SimpleTestCase):
    def test_it_keeps_the_day_of_the_month(self):
        assert add_months(date(2026, 3, 15), 1) == date(2026, 4, 15)
        assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)
        assert add_months(date(2026, 5, 10), 0) == date(2026, 5, 10)

    def test_a_missing_day_becomes_the_last_day_of_the_month(self):
        assert add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)
        assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)  # leap year
        assert add_months(date(2026, 8, 31), 1) == date(2026, 9, 30)
        assert add_months(date(2028, 2, 29), 12) == date(2029, 2, 28)
        assert add_months(date(2028, 2, 29), 48) == date(2032, 2, 29)

    def test_it_crosses_years(self):
        assert add_months(date(2026, 12, 1), 1) == date(2027, 1, 1)
        assert add_months(date(2026, 7, 4), 30) == date(2029, 1, 4)
        assert add_months(date(2026, 12, 31), 14) == date(2028, 2, 29)

    def test_a_datetime_keeps_its_wall_clock_time_across_a_clock_change(self):
        start = datetime(2026, 1, 15, 9, 0, tzinfo=NEW_YORK)  # standard time
        later = add_months(start, 6)  # July: daylight saving time
        assert later == datetime(2026, 7, 15, 9, 0, tzinfo=NEW_YORK)
        assert later.utcoffset() != start.utcoffset()

    def test_negative_months_are_refused(self):
        with self.assertRaises(ValueError):
            add_months(date(2026, 1, 1), -1)

    def test_months_are_said_as_people_say_them(self):
        assert [months_text(m) for m in (1, 6, 12, 18, 24, 36)] == [
            "1 month",
            "6 months",
            "1 year",
            "18 months",
            "2 years",
            "3 years",
        ]


class ExportTests(AwardCase):
    def test_export_writes_what_a_third_party_needs_and_it_verifies_with_digital_bazaar(self):
        award = self.earn()
        services.award_revoke(actor=member(award.organization, "org_admin"), award=award, reason="Issued in error.")
        other = self.earn(self.other_educator)
        out = Path(tempfile.mkdtemp())
        call_command("export_credentials", "--out", str(out), stdout=StringIO())
        credentials = sorted((out / "credentials").glob("*.json"))
        assert len(credentials) == 2
        status_lists = {
            json.loads(p.read_text())["id"]: json.loads(p.read_text()) for p in (out / "status-lists").glob("*.json")
        }
        issuers = {
            json.loads(p.read_text())["id"]: json.loads(p.read_text()) for p in (out / "issuers").glob("*.did.json")
        }
        documents = {**status_lists, **issuers}
        results = verify_with_digital_bazaar(
            [{"credential": json.loads(p.read_text()), "documents": documents} for p in credentials]
        )
        by_id = {json.loads(p.read_text())["id"]: r for p, r in zip(credentials, results, strict=True)}
        revoked = by_id["http://testserver" + award.get_absolute_url()]
        valid = by_id["http://testserver" + other.get_absolute_url()]
        assert (valid["verified"], valid["revoked"]) == (True, False), valid
        assert revoked["revoked"] is True, revoked


class SchemaTests(AwardCase):
    def test_an_issued_credential_follows_the_open_badges_schema(self):
        errors = schema_errors(self.earn().credential)
        assert not errors, "\n".join(errors)


class LinkedInTests(AwardCase):
    def test_a_public_credential_offers_the_linkedin_form_filled_in(self):
        award = self.earn()
        services.award_set_public(actor=self.educator, award=award, public=True)
        page = self.client_for(self.educator).get(award.get_absolute_url())
        self.assertContains(
            page, "https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&amp;name=Teaching+Phonics"
        )
        self.assertContains(page, "certId=" + str(award.uuid))
