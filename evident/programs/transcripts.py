"""PD transcripts: an educator's credentials with the credit each earns under the rule that applies to them.

Rows come from the educator's awards (through ``evident.credentials``
selectors); the credit comes from ``credit.count_credit``. A stack award is
listed (it is a credential the educator holds) but earns nothing itself: its
micro-credentials are on their own lines already, so counting it would count
the same PD hours twice; the PD hours total leaves stacks out for the same reason.

Exports (CSV, PDF) for an educator, a cohort or an organization are built
here too; who may ask for which is checked by the views.

.. pii:: transcripts name educators and their email addresses.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from evident.accounts.models import Organization, Role, User
from evident.credentials.models import Award
from evident.credentials.selectors import award_list
from evident.lib.pdf import data_uri, qr_svg, render_pdf
from evident.programs import credit
from evident.programs.credit_selectors import AppliedRule, CycleChoice, applicable_rule, renewal_cycle_for, rule_spec
from evident.programs.models import Cohort
from evident.programs.permissions import descendant_ids

STATUS_LABELS = {
    credit.LineStatus.COUNTED: "Counted",
    credit.LineStatus.PARTLY_CAPPED: "Partly counted (cap)",
    credit.LineStatus.CAPPED: "Over the cap",
    credit.LineStatus.OUTSIDE_CYCLE: "Outside this cycle",
    credit.LineStatus.ISSUER_NOT_COUNTED: "Issuer not counted",
    credit.LineStatus.REVOKED: "Revoked",
    credit.LineStatus.STACK: "Stack",
}
ROUNDING_NOTE = (
    "Each line's credit is rounded to two decimal places (half up); totals add the rounded lines. "
    "Progress is rounded down to a whole percent."
)


@dataclass(frozen=True)
class TranscriptRow:
    award: Award
    earned_on: date
    pd_hours: Decimal
    line_credit: credit.LineCredit | None
    status_label: str
    address: str  # the credential's address on this platform
    check_url: str  # where to verify it: by its address when public, else the verifier page

    @property
    def credit_text(self) -> str:
        return credit.number_text(self.line_credit.credit) if self.line_credit is not None else ""


@dataclass(frozen=True)
class Transcript:
    educator: User
    applied: AppliedRule | None
    cycle: CycleChoice | None
    summary: credit.CreditSummary | None
    rows: list[TranscriptRow]
    pd_hours_total: Decimal
    figures: str  # the rule's figures in one sentence ("" without a rule)
    generated_on: date

    @property
    def under(self) -> str:
        """E.g. "under Tennessee's rules" (a seeded rule), or "under Riverbend PD credit" (an organization's own)."""
        if self.applied is None:
            return ""
        rule = self.applied.rule
        if rule.organization_id is None:
            return f"under {rule.jurisdiction_name}'s rules"
        return f"under {rule.name}"

    @property
    def unit(self) -> str:
        return self.applied.rule.unit_label if self.applied else ""

    @property
    def total_text(self) -> str:
        return credit.number_text(self.summary.total) if self.summary else ""

    @property
    def requirement_text(self) -> str:
        if self.summary is None or self.summary.requirement is None:
            return ""
        return credit.number_text(self.summary.requirement)

    @property
    def remaining_text(self) -> str:
        if self.summary is None or self.summary.remaining is None:
            return ""
        return credit.number_text(self.summary.remaining)

    @property
    def progress_text(self) -> str:
        """The progress bar's text equivalent."""
        summary = self.summary
        if summary is None or summary.requirement is None or summary.percent is None:
            return ""
        if summary.met:
            return (
                f"{self.total_text} of {self.requirement_text} {self.unit} this cycle: "
                f"the renewal requirement is met ({summary.percent}%)."
            )
        return (
            f"{self.total_text} of {self.requirement_text} {self.unit} this cycle ({summary.percent}%): "
            f"{self.remaining_text} {self.unit} to go."
        )


def _address(award: Award) -> str:
    return str((award.credential or {}).get("id") or settings.BASE_URL + award.get_absolute_url())


def verifier_address() -> str:
    return settings.BASE_URL + reverse("credentials:verify")


def check_url_for(award: Award) -> str:
    """Where a reader checks the credential: the verifier with its address when public; the verifier page otherwise."""
    if not award.is_public:
        return verifier_address()
    # ":" and "/" may stand unescaped in a query, which keeps the printed link readable.
    return verifier_address() + "?" + urlencode({"url": _address(award)}, safe=":/")


def _line(award: Award, earned_on: date, now: Any) -> credit.CredentialLine:
    return credit.CredentialLine(
        key=str(award.uuid),
        title=award.title,
        earned_on=earned_on,
        issuer=str(award.organization_id),
        issuer_name=award.organization.name,
        pd_hours=award.version.pd_hours if award.version is not None else Decimal("0"),
        revoked=award.revoked_at is not None,
        expired=award.valid_until is not None and award.valid_until <= now,
        is_stack=award.kind == Award.Kind.STACK,
    )


def transcript_for(
    educator: User, *, today: date | None = None, program_first: int | None = None, awards: list[Award] | None = None
) -> Transcript:
    """The educator's transcript: every award, newest first, counted under the rule that applies to them.

    ``awards`` may be given when the caller loaded them already (exports).
    """
    today = today or timezone.localdate()
    now = timezone.now()
    awards = list(award_list(educator)) if awards is None else awards
    awards.sort(key=lambda a: a.issued_at, reverse=True)
    dates = [timezone.localdate(a.issued_at) for a in awards]
    lines = [_line(a, d, now) for a, d in zip(awards, dates, strict=True)]
    pd_hours_total = sum((ln.pd_hours for ln in lines if not ln.revoked and not ln.is_stack), Decimal("0"))

    applied = applicable_rule(educator, program_first=program_first)
    cycle = summary = None
    figures = ""
    if applied is not None:
        counted = [d for d, ln in zip(dates, lines, strict=True) if not ln.revoked]
        cycle = renewal_cycle_for(educator, applied.rule, first_earned_on=min(counted, default=None), today=today)
        spec = rule_spec(applied.rule)
        summary = credit.count_credit(spec, lines, cycle.cycle)
        figures = credit.describe(spec)
    rows = []
    for index, (award, earned_on, line) in enumerate(zip(awards, dates, lines, strict=True)):
        line_credit = summary.lines[index] if summary is not None else None
        if line_credit is not None:
            label = STATUS_LABELS[line_credit.status]
        else:
            label = "Revoked" if line.revoked else ("Stack" if line.is_stack else "Earned")
        if line.expired and not line.revoked:
            label += ", expired"
        rows.append(
            TranscriptRow(
                award=award,
                earned_on=earned_on,
                pd_hours=line.pd_hours,
                line_credit=line_credit,
                status_label=label,
                address=_address(award),
                check_url=check_url_for(award),
            )
        )
    return Transcript(
        educator=educator,
        applied=applied,
        cycle=cycle,
        summary=summary,
        rows=rows,
        pd_hours_total=pd_hours_total,
        figures=figures,
        generated_on=today,
    )


# Who is on an export -----------------------------------------------------------------------------------------


def cohort_educators(cohort: Cohort) -> list[User]:
    """The cohort's members who have an account (rostered names without one have no credentials yet)."""
    return list(
        User.objects.filter(cohort_places__cohort=cohort, cohort_places__removed_at__isnull=True)
        .distinct()
        .order_by("full_name", "email")
    )


def organization_educators(organization: Organization) -> list[User]:
    """Educators of the organization and the organizations below it: members with the educator role,
    and members of the cohorts of their programs. Never anyone from beside or above it.
    """
    ids = descendant_ids(organization)
    return list(
        User.objects.filter(
            Q(memberships__organization_id__in=ids, memberships__role=Role.EDUCATOR)
            | Q(cohort_places__program__organization_id__in=ids, cohort_places__removed_at__isnull=True)
        )
        .distinct()
        .order_by("full_name", "email")
    )


def transcripts_for(educators: Iterable[User], *, program_first: int | None = None) -> list[Transcript]:
    """Transcripts of many educators, their awards loaded in one query."""
    people = list(educators)
    by_educator: dict[int, list[Award]] = {person.pk: [] for person in people}
    # One query for everyone's awards, the same rows ``award_list`` gives for one educator.
    for award in Award.objects.filter(educator_id__in=list(by_educator)).select_related(
        "organization", "version", "stack"
    ):
        by_educator[award.educator_id].append(award)
    today = timezone.localdate()
    return [
        transcript_for(person, today=today, program_first=program_first, awards=by_educator[person.pk])
        for person in people
    ]


# CSV ---------------------------------------------------------------------------------------------------------

CSV_HEADER = [
    "Educator",
    "Email",
    "Credential",
    "Kind",
    "Issuer",
    "Date earned",
    "PD hours",
    "Credit",
    "Unit",
    "Status",
    "Reason",
    "Rule",
    "Jurisdiction",
    "Cycle starts",
    "Cycle ends",
    "Cycle total",
    "Renewal requirement",
    "Credential address",
]


def _cell(value: object) -> str:
    """A CSV cell that a spreadsheet will not run as a formula (titles and names come from people)."""
    text = "" if value is None else str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


def _csv_rows(transcript: Transcript) -> Iterator[list[str]]:
    rule = transcript.applied.rule if transcript.applied else None
    cycle = transcript.cycle.cycle if transcript.cycle else None
    common_tail = [
        rule.name if rule else "No rule applies",
        rule.jurisdiction_name if rule else "",
        cycle.starts_on.isoformat() if cycle else "",
        cycle.ends_on.isoformat() if cycle else "",
        transcript.total_text,
        transcript.requirement_text,
    ]
    person = [transcript.educator.display_name, transcript.educator.email]
    if not transcript.rows:
        yield [
            _cell(v)
            for v in [*person, "", "", "", "", "", "", transcript.unit, "No credentials yet", "", *common_tail, ""]
        ]
        return
    for row in transcript.rows:
        award = row.award
        yield [
            _cell(v)
            for v in [
                *person,
                award.title,
                award.get_kind_display(),
                award.organization.name,
                row.earned_on.isoformat(),
                credit.number_text(row.pd_hours),
                row.credit_text,
                transcript.unit,
                row.status_label,
                row.line_credit.reason if row.line_credit else "",
                *common_tail,
                row.address,
            ]
        ]


def transcripts_csv(transcripts: Iterable[Transcript]) -> str:
    """One row per educator and credential (an educator without credentials gets one row saying so)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    for transcript in transcripts:
        writer.writerows(_csv_rows(transcript))
    return out.getvalue()


# PDF ---------------------------------------------------------------------------------------------------------


def _qr_src(url: str, title: str) -> str:
    return data_uri(qr_svg(url, title=f"QR code: verify {title}"), "image/svg+xml")


def transcripts_pdf(transcripts: list[Transcript], *, title: str) -> bytes:
    """The transcripts as one tagged PDF, each starting on a new page, a QR code beside every credential."""
    pages = [
        {"transcript": t, "lines": [(row, _qr_src(row.check_url, row.award.title)) for row in t.rows]}
        for t in transcripts
    ]
    html = render_to_string(
        "programs/transcript_pdf.html",
        {
            "title": title,
            "pages": pages,
            "verifier_url": verifier_address(),
            "rounding_note": ROUNDING_NOTE,
            "printed_on": timezone.localdate(),
        },
    )
    return render_pdf(html, base_url=settings.BASE_URL)
