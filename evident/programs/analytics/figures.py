"""The numbers on a dashboard, read off :class:`~evident.programs.models.EnrollmentFact`.

Every figure is a :class:`Table` (a title, column headings, rows), so the
page shows each chart beside the table of its numbers and any table
downloads as CSV. Each figure is one grouped query over the scope's facts;
medians come from a histogram (one row per distinct value), which needs no
database-specific percentile function and reads few rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, ClassVar

from django.db.models import Count, Max, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from evident.accounts.models import Organization
from evident.catalog.models import MicroCredentialVersion
from evident.earning.models import Enrollment
from evident.programs.models import Cohort, CreditRule, EnrollmentFact, OrganizationCreditRule, Program

OPEN = [
    Enrollment.Status.WORKING,
    Enrollment.Status.SUBMITTED,
    Enrollment.Status.UNDER_REVIEW,
    Enrollment.Status.NEEDS_REVISION,
]
AT_RISK_DAYS = 21
MONTHS = 12


@dataclass(frozen=True)
class Scope:
    """Whose figures: an organization (a state rolls up its districts) or one program."""

    title: str
    where: Q
    breakdown: str  # the EnrollmentFact field the "by …" table groups by
    breakdown_label: str
    organization: Organization
    program: Program | None = None


def scope_for_organization(organization: Organization) -> Scope:
    if organization.kind == Organization.Kind.STATE:
        return Scope(organization.name, Q(state=organization), "district", "District", organization)
    if organization.kind == Organization.Kind.DISTRICT:
        return Scope(organization.name, Q(district=organization), "school", "School", organization)
    return Scope(organization.name, Q(school=organization), "cohort", "Cohort", organization)


def scope_for_program(program: Program) -> Scope:
    return Scope(program.title, Q(program=program), "cohort", "Cohort", program.organization, program)


@dataclass
class Table:
    key: str
    title: str
    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    chart: str = ""  # "bar", "line" or "" (table only)
    note: str = ""
    charted: list[str] | None = None  # the columns the chart draws; None for every numeric one


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "–"


def _median(histogram: Iterable[tuple[int | None, int]]) -> int | None:
    """The median of values given as (value, how many) pairs."""
    pairs = sorted((value, count) for value, count in histogram if value is not None)
    total = sum(count for _, count in pairs)
    if not total:
        return None
    middle, seen = (total + 1) // 2, 0
    for value, count in pairs:
        seen += count
        if seen >= middle:
            return value
    return None


def credit_rule_for(organization: Organization) -> CreditRule | None:
    """The credit rule an organization counts under: its own choice, else the nearest above it."""
    chain = [organization.pk] + [o.pk for o in organization.ancestors()]
    settings = {
        s.organization_id: s.rule
        for s in OrganizationCreditRule.objects.filter(organization_id__in=chain).select_related("rule")
    }
    return next((settings[pk] for pk in chain if pk in settings), None)


def _credit(rule: CreditRule | None, earned: int, hours: Decimal | None) -> Decimal | None:
    if rule is None:
        return None
    if rule.basis == CreditRule.Basis.PER_CREDENTIAL:
        return rule.amount * earned
    return (rule.amount * (hours or Decimal(0))).quantize(Decimal("0.1"))


class Dashboard:
    """Lazily computed figures of one scope; each property is one query."""

    def __init__(self, scope: Scope, *, today: date | None = None) -> None:
        self.scope = scope
        self.today = today or timezone.localdate()
        self.facts: QuerySet[EnrollmentFact] = EnrollmentFact.objects.filter(scope.where)
        self.rule = credit_rule_for(scope.organization)
        self._totals: dict[str, Any] | None = None

    # Headline figures -------------------------------------------------------------------------------------------

    @property
    def totals(self) -> dict[str, Any]:
        if self._totals is None:
            self._totals = self.facts.aggregate(
                started=Count("pk"),
                submitted=Count("submitted_on"),
                earned=Count("earned_on"),
                decided_first=Count("first_attempt_passed"),
                passed_first=Count("pk", filter=Q(first_attempt_passed=True)),
                hours=Sum("pd_hours", filter=Q(earned_on__isnull=False)),
                educators=Count("educator", distinct=True),
                refreshed=Max("refreshed_at"),
            )
        return self._totals

    @property
    def median_days_to_earn(self) -> int | None:
        return _median(
            self.facts.filter(days_to_earn__isnull=False)
            .values_list("days_to_earn")
            .annotate(n=Count("pk"))
            .values_list("days_to_earn", "n")
            .order_by()
        )

    @property
    def median_turnaround_hours(self) -> int | None:
        return _median(
            self.facts.filter(first_turnaround_hours__isnull=False)
            .values_list("first_turnaround_hours")
            .annotate(n=Count("pk"))
            .values_list("first_turnaround_hours", "n")
            .order_by()
        )

    def headline(self) -> Table:
        t = self.totals
        rule = self.rule
        rows: list[list[Any]] = [
            ["Educators enrolled", t["educators"]],
            ["Enrolments started", t["started"]],
            ["Submitted at least once", t["submitted"]],
            ["Credentials earned", t["earned"]],
            ["Passed on the first attempt", _percent(t["passed_first"], t["decided_first"])],
            ["Median days from start to earned", _or_dash(self.median_days_to_earn)],
            ["Median review turnaround (hours, first submission)", _or_dash(self.median_turnaround_hours)],
            ["PD hours earned", t["hours"] or 0],
        ]
        if rule is not None:
            rows.append(
                [
                    f"Credit earned ({rule.unit_label}, before each educator's cap)",
                    _credit(rule, t["earned"], t["hours"]),
                ]
            )
        return Table("summary", "Summary", ["Figure", "Value"], rows)

    def funnel(self) -> Table:
        t = self.totals
        return Table(
            "funnel",
            "Enrolment funnel",
            ["Stage", "Enrolments", "Share of started"],
            [
                ["Started", t["started"], _percent(t["started"], t["started"])],
                ["Submitted", t["submitted"], _percent(t["submitted"], t["started"])],
                ["Earned", t["earned"], _percent(t["earned"], t["started"])],
            ],
            chart="bar",
        )

    # Over time --------------------------------------------------------------------------------------------------

    def over_time(self) -> Table:
        first_month = (self.today.replace(day=1) - timedelta(days=31 * (MONTHS - 1))).replace(day=1)
        earned = {
            row["month"]: row
            for row in self.facts.filter(earned_on__gte=first_month)
            .annotate(month=TruncMonth("earned_on"))
            .values("month")
            .annotate(n=Count("pk"), hours=Sum("pd_hours"))
            .order_by()
        }
        started = dict(
            self.facts.filter(started_on__gte=first_month)
            .annotate(month=TruncMonth("started_on"))
            .values("month")
            .annotate(n=Count("pk"))
            .values_list("month", "n")
            .order_by()
        )
        columns = ["Month", "Started", "Credentials earned", "PD hours earned"]
        if self.rule is not None:
            columns.append(f"Credit ({self.rule.unit_label})")
        rows = []
        month = first_month
        for _ in range(MONTHS):
            key = month  # TruncMonth of a DateField is a date on every database
            row_earned = earned.get(key, {"n": 0, "hours": Decimal(0)})
            row: list[Any] = [month.strftime("%b %Y"), started.get(key, 0), row_earned["n"], row_earned["hours"] or 0]
            if self.rule is not None:
                row.append(_credit(self.rule, row_earned["n"], row_earned["hours"]))
            rows.append(row)
            month = (month + timedelta(days=32)).replace(day=1)
        # Hours and credit are on another scale than counts: they stay in the table.
        return Table(
            "over-time",
            "Credentials and credit earned over time",
            columns,
            rows,
            chart="line",
            charted=["Started", "Credentials earned"],
        )

    # Breakdowns -------------------------------------------------------------------------------------------------

    def _grouped(self, field_name: str) -> list[dict[str, Any]]:
        return list(
            self.facts.values(field_name)
            .annotate(
                started=Count("pk"),
                submitted=Count("submitted_on"),
                earned=Count("earned_on"),
                decided_first=Count("first_attempt_passed"),
                passed_first=Count("pk", filter=Q(first_attempt_passed=True)),
            )
            .order_by("-started")
        )

    def _breakdown_table(
        self, key: str, title: str, label: str, rows: list[dict[str, Any]], names: dict[Any, str]
    ) -> Table:
        return Table(
            key,
            title,
            [label, "Started", "Submitted", "Earned", "Passed first time"],
            [
                [
                    names.get(row["id"], "Not in a cohort" if label == "Cohort" else "Not set"),
                    row["started"],
                    row["submitted"],
                    row["earned"],
                    _percent(row["passed_first"], row["decided_first"]),
                ]
                for row in rows
            ],
            chart="bar",
        )

    def by_place(self) -> Table:
        field_name = self.scope.breakdown
        rows = [{**row, "id": row[field_name]} for row in self._grouped(field_name)]
        ids = [row["id"] for row in rows if row["id"] is not None]
        if field_name == "cohort":
            names = {
                c.pk: f"{c.name} ({c.program.title})" if self.scope.program is None else c.name
                for c in Cohort.objects.filter(pk__in=ids).select_related("program")
            }
        else:
            names = dict(Organization.objects.filter(pk__in=ids).values_list("pk", "name"))
        label = self.scope.breakdown_label
        return self._breakdown_table(f"by-{field_name}", f"By {label.lower()}", label, rows, names)

    def by_micro_credential(self, limit: int = 15) -> Table:
        rows = [{**row, "id": row["micro_credential"]} for row in self._grouped("micro_credential")[:limit]]
        titles = micro_credential_titles(row["id"] for row in rows)
        return self._breakdown_table(
            "by-micro-credential", f"By micro-credential (the {limit} most started)", "Micro-credential", rows, titles
        )

    # Who needs a nudge ------------------------------------------------------------------------------------------

    AT_RISK_COLUMNS: ClassVar[list[str]] = ["Educator", "Micro-credential", "Stage", "Deadline", "Time left"]

    def _risky(self) -> QuerySet[EnrollmentFact]:
        soon = self.today + timedelta(days=AT_RISK_DAYS)
        return self.facts.filter(status__in=OPEN, deadline__isnull=False, deadline__lte=soon)

    def _risk_row(self, name: str, title: str, status: str, deadline: date | None) -> list[Any]:
        if deadline is None:  # never: the query asks for a deadline
            return [name, title, Enrollment.Status(status).label, "", ""]
        days = (deadline - self.today).days
        left = f"{-days} days overdue" if days < 0 else ("due today" if days == 0 else f"{days} days left")
        return [name, title, Enrollment.Status(status).label, deadline.isoformat(), left]

    def _risk_values(self) -> QuerySet[EnrollmentFact, tuple[str, int, str, date | None]]:
        return (
            self._risky()
            .order_by("deadline", "enrollment_id")
            .values_list("educator__full_name", "micro_credential_id", "status", "deadline")
        )

    def at_risk(self, limit: int = 25) -> Table:
        """The open enrolments whose deadline is within three weeks or past, nearest first (``limit`` of them)."""
        count = self._risky().count()
        found = list(self._risk_values()[:limit])
        titles = micro_credential_titles(mc for _, mc, _, _ in found)
        rows = [self._risk_row(name, titles.get(mc, ""), status, deadline) for name, mc, status, deadline in found]
        note = f"{count} enrolment{'s' if count != 1 else ''} not earned with a deadline within {AT_RISK_DAYS} days or past."
        if count > limit:
            note += f" The {limit} nearest are shown; the download has them all."
        return Table("at-risk", "Educators at risk of missing a deadline", self.AT_RISK_COLUMNS, rows, note=note)

    def at_risk_rows(self) -> Iterator[list[Any]]:
        """Every at-risk enrolment, nearest deadline first, read in chunks: the download streams these."""
        titles = micro_credential_titles(self._risky().values_list("micro_credential_id", flat=True).distinct())
        for name, mc, status, deadline in self._risk_values().iterator(chunk_size=5000):
            yield self._risk_row(name, titles.get(mc, ""), status, deadline)

    def tables(self) -> list[Table]:
        return [
            self.headline(),
            self.funnel(),
            self.over_time(),
            self.by_place(),
            self.by_micro_credential(),
            self.at_risk(),
        ]


def micro_credential_titles(ids: Iterable[int]) -> dict[int, str]:
    """Micro-credential titles, from their newest versions."""
    titles: dict[int, str] = {}
    for mc_id, title in (
        MicroCredentialVersion.objects.filter(micro_credential_id__in=set(ids))
        .order_by("micro_credential_id", "-number")
        .values_list("micro_credential_id", "title")
    ):
        titles.setdefault(mc_id, title)
    return titles


def _or_dash(value: Any) -> Any:
    return "–" if value is None else value
