"""Transcripts from real awards: rows, totals, the CSV and the PDF, and who may export whose."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from evident.accounts.tests.factories import member
from evident.programs import credit_services
from evident.programs.credit import LineStatus
from evident.programs.models import CreditRule, RenewalCycle
from evident.programs.tests.base import ProgramsTestCase, add_member, earn, earn_stack, make_cohort, make_program
from evident.programs.transcripts import transcript_for, transcripts_csv


def seeded(jurisdiction: str) -> CreditRule:
    return CreditRule.objects.get(organization__isnull=True, jurisdiction=jurisdiction)


def days_ago(days: int) -> datetime:
    return timezone.now() - timedelta(days=days)


def csv_rows(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode())))


def pdf_alt_texts(content: bytes) -> list[str]:
    """The alternative texts of the figures in a tagged PDF (its structure tree)."""
    reader = PdfReader(io.BytesIO(content))
    trailer: Any = reader.trailer
    found: list[str] = []

    def walk(node: Any, depth: int = 0) -> None:
        if depth > 60:
            return
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, dict):
            if "/Alt" in node:
                found.append(str(node["/Alt"]))
            kids = node.get("/K")
            if kids is not None:
                walk(kids, depth + 1)
        elif isinstance(node, list):
            for kid in node:
                walk(kid, depth + 1)

    walk(trailer["/Root"]["/StructTreeRoot"])
    return found


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(content)).pages)


class TranscriptTests(ProgramsTestCase):
    def tennessee_for_the_district(self) -> None:
        credit_services.organization_credit_rule_set(
            actor=self.district_admin, organization=self.district, rule=seeded("US-TN")
        )

    def test_it_counts_three_credentials_as_eighteen_pdps_under_tennessees_rules(self) -> None:
        self.tennessee_for_the_district()
        for version, days in ((self.phonics, 30), (self.awareness, 20), (self.read_aloud, 10)):
            earn(self.educator, version, at=days_ago(days))
        transcript = transcript_for(self.educator)
        assert transcript.under == "under Tennessee's rules"
        assert [row.award.title for row in transcript.rows][0] == self.read_aloud.title  # newest first
        assert [row.credit_text for row in transcript.rows] == ["6", "6", "6"]
        assert transcript.total_text == "18" and transcript.unit == "PDPs"
        assert transcript.progress_text == "18 of 60 PDPs this cycle (30%): 42 PDPs to go."
        assert transcript.pd_hours_total == sum(v.pd_hours for v in (self.phonics, self.awareness, self.read_aloud))

    def test_a_stack_is_listed_but_adds_no_credit_nor_hours(self) -> None:
        self.tennessee_for_the_district()
        earn(self.educator, self.phonics, at=days_ago(30))
        earn(self.educator, self.awareness, at=days_ago(20))
        earn_stack(self.educator, self.early_literacy, at=days_ago(19))
        transcript = transcript_for(self.educator)
        stack = next(row for row in transcript.rows if row.award.kind == "stack")
        assert stack.line_credit is not None and stack.line_credit.status == LineStatus.STACK
        assert transcript.total_text == "12"
        assert transcript.pd_hours_total == self.phonics.pd_hours + self.awareness.pd_hours

    def test_a_revoked_credential_never_counts_and_an_expired_one_still_does(self) -> None:
        self.tennessee_for_the_district()
        revoked = earn(self.educator, self.phonics, at=days_ago(30))
        revoked.revoked_at = timezone.now()
        revoked.save(update_fields=["revoked_at"])
        expired = earn(self.educator, self.awareness, at=days_ago(20))
        expired.valid_until = days_ago(1)
        expired.save(update_fields=["valid_until"])
        rows = {row.award.pk: row for row in transcript_for(self.educator).rows}
        assert rows[revoked.pk].credit_text == "0" and rows[revoked.pk].status_label == "Revoked"
        assert rows[expired.pk].credit_text == "6" and rows[expired.pk].status_label == "Counted, expired"

    def test_the_cycle_counts_from_the_educators_own_start_date(self) -> None:
        self.tennessee_for_the_district()
        earn(self.educator, self.phonics, at=days_ago(400))
        earn(self.educator, self.awareness, at=days_ago(10))
        credit_services.renewal_cycle_set(
            actor=self.educator, rule=seeded("US-TN"), starts_on=timezone.localdate() - timedelta(days=100)
        )
        transcript = transcript_for(self.educator)
        assert transcript.cycle is not None and transcript.cycle.set_by_educator
        assert [row.line_credit.status for row in transcript.rows if row.line_credit] == [
            LineStatus.COUNTED,
            LineStatus.OUTSIDE_CYCLE,
        ]
        assert transcript.total_text == "6"

    def test_the_default_cycle_starts_on_january_first_of_the_first_credential_year(self) -> None:
        self.tennessee_for_the_district()
        first = earn(self.educator, self.phonics, at=days_ago(200))
        transcript = transcript_for(self.educator)
        assert transcript.cycle is not None and not transcript.cycle.set_by_educator
        assert transcript.cycle.anchor == date(timezone.localdate(first.issued_at).year, 1, 1)

    def test_per_hour_rules_count_the_versions_pd_hours(self) -> None:
        credit_services.organization_credit_rule_set(
            actor=self.district_admin, organization=self.district, rule=seeded("US-NC")
        )
        earn(self.educator, self.phonics, at=days_ago(5))
        transcript = transcript_for(self.educator)
        expected = (self.phonics.pd_hours * Decimal("0.1")).quantize(Decimal("0.01"))
        assert transcript.summary is not None and transcript.summary.total == expected

    def test_without_a_rule_the_credentials_are_listed_without_credit(self) -> None:
        earn(self.educator, self.phonics, at=days_ago(5))
        transcript = transcript_for(self.educator)
        assert transcript.applied is None and transcript.rows[0].credit_text == ""

    def test_the_csv_has_a_row_per_credential_and_defuses_formulas(self) -> None:
        self.tennessee_for_the_district()
        award = earn(self.educator, self.phonics, at=days_ago(5))
        award.title = "=HYPERLINK(1)"
        award.save(update_fields=["title"])
        rows = csv_rows(transcripts_csv([transcript_for(self.educator)]).encode())
        assert len(rows) == 1
        row = rows[0]
        assert row["Educator"] == "Elena Educator" and row["Credit"] == "6" and row["Unit"] == "PDPs"
        assert row["Credential"] == "'=HYPERLINK(1)" and row["Rule"] == "Tennessee professional license renewal"
        assert row["Credential address"].endswith(award.get_absolute_url())


class MyTranscriptPageTests(ProgramsTestCase):
    url = reverse("programs:my-transcript")

    def test_the_educator_reads_their_pdps_and_progress(self) -> None:
        credit_services.organization_credit_rule_set(
            actor=self.district_admin, organization=self.district, rule=seeded("US-TN")
        )
        earn(self.educator, self.phonics, at=days_ago(3))
        page = self.client_for(self.educator).get(self.url).content.decode()
        assert "Your credit under Tennessee&#x27;s rules" in page
        assert "6 of 60 PDPs this cycle (10%): 54 PDPs to go." in page
        assert 'value="10"' in page and self.phonics.title in page

    def test_an_educator_without_a_rule_chooses_their_state_with_a_start_date(self) -> None:
        earn(self.educator, self.phonics, at=days_ago(3))
        client = self.client_for(self.educator)
        assert "Choose your state" in client.get(self.url).content.decode()
        start = timezone.localdate() - timedelta(days=30)
        response = client.post(
            self.url,
            {"action": "choose", "choose-rule": str(seeded("US-DE").uuid), "choose-starts_on": start.isoformat()},
        )
        assert response.status_code == 302
        assert RenewalCycle.objects.get(educator=self.educator).rule == seeded("US-DE")
        page = client.get(self.url).content.decode()
        assert "under Delaware&#x27;s rules" in page

    def test_bad_start_dates_are_refused_with_a_reason(self) -> None:
        client = self.client_for(self.educator)
        future = timezone.localdate() + timedelta(days=3)
        response = client.post(
            self.url,
            {"action": "choose", "choose-rule": str(seeded("US-DE").uuid), "choose-starts_on": future.isoformat()},
        )
        assert response.status_code == 422 and "cannot be in the future" in response.content.decode()
        response = client.post(self.url, {"action": "choose", "choose-rule": "nope", "choose-starts_on": "2025-13-01"})
        assert response.status_code == 422
        assert not RenewalCycle.objects.filter(educator=self.educator).exists()

    def test_an_educator_whose_district_decides_cannot_choose_another_state(self) -> None:
        credit_services.organization_credit_rule_set(
            actor=self.district_admin, organization=self.district, rule=seeded("US-TN")
        )
        response = self.client_for(self.educator).post(
            self.url, {"action": "choose", "choose-rule": str(seeded("US-DE").uuid), "choose-starts_on": "2025-01-01"}
        )
        assert response.status_code == 422 and "Your rule is set by Riverbend USD" in response.content.decode()

    def test_the_educator_downloads_only_their_own_transcript(self) -> None:
        credit_services.organization_credit_rule_set(
            actor=self.district_admin, organization=self.district, rule=seeded("US-TN")
        )
        earn(self.educator, self.phonics, at=days_ago(3))
        earn(self.other_educator, self.awareness, at=days_ago(3))
        response = self.client_for(self.educator).get(reverse("programs:my-transcript-download", args=["csv"]))
        assert response["Content-Type"].startswith("text/csv") and "attachment" in response["Content-Disposition"]
        rows = csv_rows(response.content)
        assert [r["Email"] for r in rows] == [self.educator.email]
        assert (
            self.client_for(self.educator).get(reverse("programs:my-transcript-download", args=["xls"])).status_code
            == 404
        )

    def test_the_pdf_prints_each_line_with_a_qr_code(self) -> None:
        credit_services.organization_credit_rule_set(
            actor=self.district_admin, organization=self.district, rule=seeded("US-TN")
        )
        public = earn(self.educator, self.phonics, at=days_ago(9))
        public.is_public = True
        public.save(update_fields=["is_public"])
        private = earn(self.educator, self.awareness, at=days_ago(4))
        response = self.client_for(self.educator).get(reverse("programs:my-transcript-download", args=["pdf"]))
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
        text = " ".join(pdf_text(response.content).split())
        assert "Elena Educator" in text and "Teaching Phonics" in text and "Teaching Phonological Awareness" in text
        assert "12 PDPs" in text and "Tennessee" in text
        alts = [a for a in pdf_alt_texts(response.content) if a.startswith("QR code")]
        assert len(alts) == 2
        assert any(f"?url=http://testserver{public.get_absolute_url()}" in a for a in alts)
        assert str(private.uuid) in text.replace(" ", "")


class ExportPermissionTests(ProgramsTestCase):
    def org_url(self, organization: Any, fmt: str = "csv") -> str:
        return reverse("programs:organization-transcripts", kwargs={"organization_uuid": organization.uuid, "fmt": fmt})

    def setUp(self) -> None:
        super().setUp()
        for educator in (self.educator, self.other_educator, self.far_educator):
            earn(educator, self.phonics, at=days_ago(5))

    def emails(self, response: Any) -> set[str]:
        assert response.status_code == 200, response.status_code
        return {row["Email"] for row in csv_rows(response.content)}

    def test_a_district_exports_its_own_schools_educators_only(self) -> None:
        client = self.client_for(self.district_admin)
        assert self.emails(client.get(self.org_url(self.district))) == {self.educator.email, self.other_educator.email}

    def test_a_district_cannot_export_another_districts_educators(self) -> None:
        client = self.client_for(self.district_admin)
        assert client.get(self.org_url(self.other_district)).status_code == 404
        assert client.get(self.org_url(self.other_school)).status_code == 404
        assert client.get(self.org_url(self.state)).status_code == 404

    def test_a_state_exports_its_districts_educators(self) -> None:
        client = self.client_for(self.state_admin)
        assert self.emails(client.get(self.org_url(self.state))) == {
            self.educator.email,
            self.other_educator.email,
            self.far_educator.email,
        }
        assert self.emails(client.get(self.org_url(self.other_district))) == {self.far_educator.email}
        assert self.client_for(self.other_state_admin).get(self.org_url(self.state)).status_code == 404

    def test_educators_and_coaches_of_the_organization_cannot_export_it(self) -> None:
        assert self.client_for(self.educator).get(self.org_url(self.school)).status_code == 403
        assert self.client_for(self.outsider).get(self.org_url(self.district)).status_code == 404

    def test_a_cohort_exports_its_members_under_its_programs_rule(self) -> None:
        program = make_program(self.district)
        program.credit_rule = seeded("US-UT")
        program.save(update_fields=["credit_rule"])
        cohort = make_cohort(program, coaches=[self.coach])
        add_member(cohort, self.educator)
        add_member(cohort, email="new@maple.example", full_name="Nia New")  # no account yet: no row
        url = reverse("programs:cohort-transcripts", kwargs={"uuid": cohort.uuid, "fmt": "csv"})
        response = self.client_for(self.district_admin).get(url)
        rows = csv_rows(response.content)
        assert [(r["Email"], r["Credit"], r["Unit"]) for r in rows] == [(self.educator.email, "0.5", "USBE credits")]
        assert self.client_for(self.coach).get(url).status_code == 200
        assert self.client_for(self.other_district_admin).get(url).status_code == 404
        assert self.client_for(self.educator).get(url).status_code == 404
        pdf = self.client_for(self.district_admin).get(
            reverse("programs:cohort-transcripts", kwargs={"uuid": cohort.uuid, "fmt": "pdf"})
        )
        assert pdf.status_code == 200 and "Elena Educator" in pdf_text(pdf.content)

    def test_an_educator_with_no_credentials_gets_a_row_saying_so(self) -> None:
        newcomer = member(self.high_school, "educator", email="nat@riverbend-high.example", full_name="Nat New")
        rows = csv_rows(self.client_for(self.district_admin).get(self.org_url(self.district)).content)
        assert [r["Status"] for r in rows if r["Email"] == newcomer.email] == ["No credentials yet"]
