"""From programs objects to the API's schemas, and from the ids in a request to objects."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any, Generic, Literal, TypeVar
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.utils import timezone

from evident.accounts.models import Organization, User
from evident.api.routers.programs.schemas import (
    AppliedRuleOut,
    CohortMemberOut,
    CohortOut,
    CreditRuleOut,
    DashboardOut,
    DashboardTableOut,
    IncentiveSchema,
    MyOfferingOut,
    OfferingOut,
    PersonOut,
    PlaceOut,
    ProgramOut,
    RenewalCycleOut,
    RosterCountsOut,
    RosterLineOut,
    RosterOut,
    TranscriptLineOut,
    TranscriptOut,
    TranscriptTotalsOut,
)
from evident.programs import roster, transcripts
from evident.programs.analytics.cache import Snapshot
from evident.programs.analytics.figures import Table
from evident.programs.credit_selectors import AppliedRule, credit_rule_get
from evident.programs.models import Cohort, CohortMember, CreditRule, Program, RosterImport
from evident.programs.selectors import (
    Offering,
    coach_candidates,
    deadline_words,
    may_manage,
    offerings_by_uuid,
    program_figures,
)

T = TypeVar("T")
U = TypeVar("U")

LINES_PER_PAGE = 500


class MappedPage(Generic[T, U]):
    """A list the paginator slices before each item is turned into its output (only one page is built)."""

    def __init__(
        self, items: QuerySet[Any] | Sequence[T], out: Callable[[list[T]], list[U]], count: int | None = None
    ) -> None:
        self.items, self.out, self.count = items, out, count

    def __len__(self) -> int:
        return self.count if self.count is not None else len(self.items)

    def __getitem__(self, part: slice) -> list[U]:
        return self.out(list(self.items[part]))


# --- Translating -----------------------------------------------------------------------------


def person_out(user: User) -> PersonOut:
    return PersonOut(uuid=user.uuid, full_name=user.full_name, email=user.email)


def no_incentive() -> IncentiveSchema:
    return IncentiveSchema(amount=None, currency="USD", note="")


def incentive_out(program: Program) -> IncentiveSchema:
    return IncentiveSchema(
        amount=program.incentive_amount, currency=program.incentive_currency, note=program.incentive_note
    )


def _rule_fields(rule: CreditRule) -> dict[str, Any]:
    return {
        "uuid": rule.uuid,
        "name": rule.name,
        "jurisdiction": rule.jurisdiction,
        "jurisdiction_name": rule.jurisdiction_name,
        "unit": rule.unit,
        "unit_label": rule.unit_label,
        "basis": rule.basis,
        "amount": rule.amount,
        "cap_per_cycle": rule.cap_per_cycle,
        "cycle_years": rule.cycle_years,
        "renewal_requirement": rule.renewal_requirement,
        "seeded": rule.organization_id is None,
        "source_title": rule.source_title,
        "source_url": rule.source_url,
    }


def program_out(user: User, program: Program) -> ProgramOut:
    figures = program_figures(program)
    return ProgramOut(
        uuid=program.uuid,
        title=program.title,
        status=program.status,
        organization=program.organization.uuid,
        organization_name=program.organization.name,
        can_manage=may_manage(user, program),
        cohort_count=len(figures.cohorts),
        member_count=figures.members,
        incentive=incentive_out(program),
        description=program.description,
        micro_credentials=[
            OfferingOut(uuid=mc.uuid, title=mc.live_version.title if mc.live_version else mc.slug)
            for mc in program.micro_credentials.select_related("live_version").order_by("live_version__title")
        ],
        stacks=[OfferingOut(uuid=s.uuid, title=s.title) for s in program.stacks.order_by("title")],
        credit_rule=CreditRuleOut(**_rule_fields(program.credit_rule)) if program.credit_rule else None,
        credentials_earned=figures.earned,
        incentive_owed=figures.owed,
        created_at=program.created_at,
        updated_at=program.updated_at,
    )


def cohort_out(cohort: Cohort, member_count: int | None = None) -> CohortOut:
    if member_count is None:
        member_count = cohort.members.filter(removed_at__isnull=True).count()
    return CohortOut(
        uuid=cohort.uuid,
        program=cohort.program.uuid,
        name=cohort.name,
        starts_on=cohort.starts_on,
        ends_on=cohort.ends_on,
        deadline=cohort.deadline,
        deadline_text=deadline_words(cohort.deadline),
        coaches=[person_out(c) for c in cohort.coaches.all()],
        member_count=member_count,
    )


def member_out(place: CohortMember) -> CohortMemberOut:
    if place.educator_id is not None:
        status: Literal["linked", "invited", "not_invited"] = "linked"
    else:
        status = "invited" if place.invited_at else "not_invited"
    return CohortMemberOut(
        uuid=place.uuid,
        full_name=place.full_name,
        email=place.email,
        school=PlaceOut(uuid=place.school.uuid, name=place.school.name) if place.school else None,
        coach=person_out(place.coach) if place.coach else None,
        educator=place.educator.uuid if place.educator else None,
        status=status,
        invited_at=place.invited_at,
        added_at=place.added_at,
    )


def line_out(line: dict[str, Any]) -> RosterLineOut:
    return RosterLineOut(
        line=line["line"],
        action=line["action"],
        email=line.get("email", ""),
        name=line.get("name", ""),
        cohort=line.get("cohort"),
        changes=line.get("changes", []),
        errors=line.get("errors", []),
        problem=roster.errors_text(line["errors"]) if line.get("errors") else "",
        note=line.get("note", ""),
    )


def roster_out(roster_import: RosterImport, *, show: str = "all", page: int = 1) -> RosterOut:
    report = roster_import.report
    matching = report if show == "all" else [line for line in report if line["action"] == show]
    pages = max(1, -(-len(matching) // LINES_PER_PAGE))
    start = (min(page, pages) - 1) * LINES_PER_PAGE
    return RosterOut(
        uuid=roster_import.uuid,
        program=roster_import.program.uuid,
        file_name=roster_import.original_name,
        status=roster_import.status,
        uploaded_by=roster_import.uploaded_by.email if roster_import.uploaded_by else None,
        created_at=roster_import.created_at,
        applied_at=roster_import.applied_at,
        counts=RosterCountsOut(
            lines=roster_import.row_count,
            create=roster_import.created_count,
            update=roster_import.updated_count,
            unchanged=roster_import.unchanged_count,
            reject=roster_import.rejected_count,
        ),
        lines=[line_out(line) for line in matching[start : start + LINES_PER_PAGE]],
        lines_matching=len(matching),
        page=min(page, pages),
        pages=pages,
    )


def applied_rule_out(applied: AppliedRule) -> AppliedRuleOut:
    return AppliedRuleOut(**_rule_fields(applied.rule), applies_through=applied.source, via=applied.via)


def transcript_out(transcript: transcripts.Transcript) -> TranscriptOut:
    now = timezone.now()
    summary = transcript.summary
    rows = []
    for row in transcript.rows:
        award, line_credit = row.award, row.line_credit
        if line_credit is not None:
            status, reason = str(line_credit.status), line_credit.reason
        else:
            status = "revoked" if award.revoked_at else ("stack" if award.kind == award.Kind.STACK else "earned")
            reason = ""
        rows.append(
            TranscriptLineOut(
                credential=award.uuid,
                title=award.title,
                kind=award.kind,
                issuer=award.organization.name,
                earned_on=row.earned_on,
                pd_hours=row.pd_hours,
                credit=line_credit.credit if line_credit else None,
                status=status,
                status_label=row.status_label,
                reason=reason,
                expired=award.valid_until is not None and award.valid_until <= now,
                address=row.address,
                check_url=row.check_url,
            )
        )
    cycle = transcript.cycle
    return TranscriptOut(
        educator=person_out(transcript.educator),
        rule=applied_rule_out(transcript.applied) if transcript.applied else None,
        rule_figures=transcript.figures,
        cycle=RenewalCycleOut(
            starts_on=cycle.cycle.starts_on, ends_on=cycle.cycle.ends_on, set_by_educator=cycle.set_by_educator
        )
        if cycle
        else None,
        totals=TranscriptTotalsOut(
            pd_hours=transcript.pd_hours_total,
            credit=summary.total if summary else None,
            requirement=summary.requirement if summary else None,
            remaining=summary.remaining if summary else None,
            percent=summary.percent if summary else None,
            met=summary.met if summary and summary.requirement is not None else None,
            capped=summary.capped if summary else False,
        ),
        progress=transcript.progress_text,
        rows=rows,
        generated_on=transcript.generated_on,
    )


def _cell(value: Any) -> str | int | float | None:
    if value is None or isinstance(value, str | int | float):
        return value
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def table_out(table: Table) -> DashboardTableOut:
    return DashboardTableOut(
        key=table.key,
        title=table.title,
        columns=table.columns,
        rows=[[_cell(v) for v in row] for row in table.rows],
        chart=table.chart,
        note=table.note,
    )


def dashboard_out(found: Snapshot, title: str, organization: Organization, program: Program | None) -> DashboardOut:
    return DashboardOut(
        title=title,
        organization=organization.uuid,
        program=program.uuid if program else None,
        refreshed=found.refreshed,
        computed_at=found.computed_at,
        tables=[table_out(t) for t in found.tables],
    )


def offering_out(request: HttpRequest, offering: Offering) -> MyOfferingOut:
    return MyOfferingOut(
        title=offering.title,
        kind=offering.kind,
        state=offering.state,
        state_label=offering.state_label,
        issuer=offering.issuer,
        pd_hours=offering.pd_hours,
        url=request.build_absolute_uri(offering.url),
        parts=[offering_out(request, part) for part in offering.parts],
    )


# --- Reading references in a request -----------------------------------------------------------


def _missing(field: str, what: str, wanted: Sequence[UUID], found: set[UUID]) -> None:
    unknown = [str(u) for u in wanted if u not in found]
    if unknown:
        raise ValidationError({field: f"No {what} with the id {', '.join(unknown)}."}, code="unknown")


def offerings_for(micro_credential_ids: Sequence[UUID], stack_ids: Sequence[UUID]) -> dict[str, Any]:
    micro_credentials, stacks = offerings_by_uuid(micro_credential_ids, stack_ids)
    _missing("micro_credentials", "micro-credential", micro_credential_ids, {m.uuid for m in micro_credentials})
    _missing("stacks", "stack", stack_ids, {s.uuid for s in stacks})
    return {"micro_credentials": micro_credentials, "stacks": stacks}


def coaches_for(program: Program, coach_ids: Sequence[UUID]) -> list[User]:
    # Only the program's candidates are looked up, so an id from elsewhere reveals no one.
    found = list(coach_candidates(program).filter(uuid__in=coach_ids))
    unknown = [str(u) for u in coach_ids if u not in {c.uuid for c in found}]
    if unknown:
        raise ValidationError(
            {"coaches": f"No coach in {program.organization.name} or its schools has the id {', '.join(unknown)}."},
            code="not_a_coach",
        )
    return found


def credit_rule_for(program_organization: Organization, rule_id: UUID | None) -> CreditRule | None:
    if rule_id is None:
        return None
    try:
        return credit_rule_get(program_organization, rule_id)
    except Http404:
        raise ValidationError(
            {"credit_rule": f"No seeded rule or rule of {program_organization.name} has the id {rule_id}."},
            code="unknown",
        ) from None
