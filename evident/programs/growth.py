"""Growth plans: an educator's goals for a school year, kept with their supervisor.

Services (writes) check who may act, validate, save and write an audit entry
naming the actor, so the educator and the supervisor can both edit a plan and
each change says who made it. Selectors (reads) assemble the pages: each goal
with its framework components, the micro-credentials chosen for it and how
far the educator has got with each, in a fixed number of queries.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max, Prefetch, Q, QuerySet
from django.utils import timezone

from evident.accounts.audit import audit_record
from evident.accounts.models import AuditEvent, Organization, User
from evident.catalog.models import MicroCredential
from evident.programs.earned import State, micro_credential_states, states_for
from evident.programs.models import FrameworkComponent, GrowthGoal, GrowthPlan
from evident.programs.permissions_growth import may_edit_plan, plan_organizations, supervisor_candidates

_SCHOOL_YEAR = re.compile(r"^(\d{4})-(\d{4})$")
MAX_GOALS = 12


def school_year_of(day: date) -> str:
    """The school year a day falls in, starting in July: 2026-08-15 → "2026-2027"."""
    start = day.year if day.month >= 7 else day.year - 1
    return f"{start}-{start + 1}"


def school_year_choices(today: date | None = None) -> list[str]:
    """Last school year, this one and the next two."""
    start = int(school_year_of(today or timezone.localdate())[:4])
    return [f"{year}-{year + 1}" for year in range(start - 1, start + 3)]


def check_school_year(value: str) -> str:
    match = _SCHOOL_YEAR.match(value.strip())
    if not match or int(match.group(2)) != int(match.group(1)) + 1:
        raise ValidationError(
            {
                "school_year": ValidationError(
                    "Write the school year as two consecutive years, e.g. 2026-2027.", code="school_year"
                )
            }
        )
    return value.strip()


def _require_editor(actor: User, plan: GrowthPlan) -> None:
    if not may_edit_plan(actor, plan):
        raise PermissionDenied("Only the educator and their supervisor may change this plan.")


def _audit_plan(actor: User, plan: GrowthPlan, action: str, target: Any, **data: Any) -> None:
    audit_record(
        actor=actor,
        organization=plan.organization,
        action=action,
        target=target,
        data={"plan": str(plan.uuid), "educator": plan.educator.email, **data},
    )


# ---- Services --------------------------------------------------------------------------------


@transaction.atomic
def plan_create(
    *, actor: User, organization: Organization, title: str, school_year: str, supervisor: User | None
) -> GrowthPlan:
    """Start a growth plan for the actor (the educator) in one of their schools, districts or states.

    Raises PermissionDenied when the actor does not belong to ``organization``,
    ValidationError when the supervisor may not supervise there (or is the
    actor), the school year is malformed, or the actor already has a plan of
    that title for that year.
    """
    if not plan_organizations(actor).filter(pk=organization.pk).exists():
        raise PermissionDenied(f"You can only keep a plan in an organization you belong to, not {organization.name}.")
    school_year = check_school_year(school_year)
    title = title.strip()
    if supervisor is not None:
        if supervisor.pk == actor.pk:
            raise ValidationError(
                {"supervisor": ValidationError("Choose someone other than yourself.", code="self_supervisor")}
            )
        if not supervisor_candidates(organization).filter(pk=supervisor.pk).exists():
            message = f"{supervisor.display_name} is not an admin or coach of {organization.name}."
            raise ValidationError({"supervisor": ValidationError(message, code="supervisor")})
    if GrowthPlan.objects.filter(educator=actor, school_year=school_year, title__iexact=title).exists():
        message = f"You already have a plan called “{title}” for {school_year}."
        raise ValidationError({"title": ValidationError(message, code="duplicate")})
    plan = GrowthPlan(
        educator=actor, organization=organization, supervisor=supervisor, title=title, school_year=school_year
    )
    plan.full_clean()
    plan.save()
    _audit_plan(
        actor, plan, "growth_plan.created", plan, supervisor=supervisor.email if supervisor else "", title=title
    )
    return plan


def _check_components(components: Iterable[FrameworkComponent]) -> list[FrameworkComponent]:
    components = list(components)
    known = set(FrameworkComponent.objects.filter(pk__in=[c.pk for c in components]).values_list("pk", flat=True))
    if len(known) != len({c.pk for c in components}):
        raise ValidationError(
            {"components": ValidationError("Choose framework components from the list.", code="component")}
        )
    return components


def _check_goal(statement: str, target_date: date | None, plan: GrowthPlan) -> str:
    statement = statement.strip()
    if len(statement) < 10:
        raise ValidationError(
            {"statement": ValidationError("Say what you want to get better at in a sentence or two.", code="statement")}
        )
    if target_date is not None:
        first_year = int(plan.school_year[:4])
        if not date(first_year - 1, 1, 1) <= target_date <= date(first_year + 3, 12, 31):
            raise ValidationError(
                {
                    "target_date": ValidationError(
                        f"Choose a date near the {plan.school_year} school year.", code="target_date"
                    )
                }
            )
    return statement


@transaction.atomic
def goal_create(
    *,
    actor: User,
    plan: GrowthPlan,
    statement: str,
    components: Iterable[FrameworkComponent] = (),
    target_date: date | None = None,
) -> GrowthGoal:
    """Add a goal to the plan (the educator or the supervisor).

    Raises PermissionDenied for anyone else, ValidationError for a statement
    too short to act on, a target date far from the plan's school year,
    unknown components, or a plan already holding MAX_GOALS goals.
    """
    _require_editor(actor, plan)
    statement = _check_goal(statement, target_date, plan)
    components = _check_components(components)
    if plan.goals.count() >= MAX_GOALS:
        raise ValidationError(f"A plan holds at most {MAX_GOALS} goals; drop or finish one first.", code="too_many")
    last = plan.goals.aggregate(last=Max("order"))["last"] or 0
    goal = GrowthGoal(plan=plan, statement=statement, target_date=target_date, order=last + 1)
    goal.full_clean()
    goal.save()
    goal.components.set(components)
    GrowthPlan.objects.filter(pk=plan.pk).update(updated_at=timezone.now())
    _audit_plan(
        actor,
        plan,
        "growth_goal.created",
        goal,
        statement=statement,
        components=[f"{c.framework} {c.code}" for c in components],
        target_date=target_date.isoformat() if target_date else "",
    )
    return goal


@transaction.atomic
def goal_update(
    *,
    actor: User,
    goal: GrowthGoal,
    statement: str,
    components: Iterable[FrameworkComponent],
    target_date: date | None,
    status: str,
) -> GrowthGoal:
    """Change a goal's statement, components, target date or status; the audit entry lists what changed.

    Raises PermissionDenied for anyone but the educator and the supervisor,
    ValidationError as :func:`goal_create` does and for an unknown status.
    """
    plan = goal.plan
    _require_editor(actor, plan)
    statement = _check_goal(statement, target_date, plan)
    components = _check_components(components)
    if status not in GrowthGoal.Status.values:
        raise ValidationError({"status": ValidationError("Choose a status from the list.", code="status")})
    before = {"statement": goal.statement, "target_date": goal.target_date, "status": goal.status}
    after = {"statement": statement, "target_date": target_date, "status": status}
    changed = [name for name in before if before[name] != after[name]]
    old_components = {f"{c.framework} {c.code}" for c in goal.components.all()}
    new_components = {f"{c.framework} {c.code}" for c in components}
    if changed:
        for name in changed:
            setattr(goal, name, after[name])
        goal.full_clean()
        goal.save(update_fields=changed)
    if old_components != new_components:
        goal.components.set(components)
        changed.append("components")
    if not changed:
        return goal
    GrowthPlan.objects.filter(pk=plan.pk).update(updated_at=timezone.now())
    _audit_plan(
        actor,
        plan,
        "growth_goal.updated",
        goal,
        changed=changed,
        added_components=sorted(new_components - old_components),
        removed_components=sorted(old_components - new_components),
        status=status,
    )
    return goal


@transaction.atomic
def goal_micro_credential_add(*, actor: User, goal: GrowthGoal, micro_credential: MicroCredential) -> bool:
    """Choose a published micro-credential for the goal; False when it was already chosen.

    Raises PermissionDenied for anyone but the educator and the supervisor,
    ValidationError for a micro-credential with no live version.
    """
    plan = goal.plan
    _require_editor(actor, plan)
    if micro_credential.live_version_id is None:
        raise ValidationError("That micro-credential is not offered in the catalog.", code="not_live")
    if goal.micro_credentials.filter(pk=micro_credential.pk).exists():
        return False
    goal.micro_credentials.add(micro_credential)
    GrowthPlan.objects.filter(pk=plan.pk).update(updated_at=timezone.now())
    title = micro_credential.live_version.title if micro_credential.live_version else micro_credential.slug
    _audit_plan(
        actor,
        plan,
        "growth_goal.micro_credential_added",
        goal,
        micro_credential=str(micro_credential.uuid),
        title=title,
    )
    return True


@transaction.atomic
def goal_micro_credential_remove(*, actor: User, goal: GrowthGoal, micro_credential: MicroCredential) -> bool:
    """Take a micro-credential off the goal (the educator's work on it is untouched); False when it was not on it."""
    plan = goal.plan
    _require_editor(actor, plan)
    if not goal.micro_credentials.filter(pk=micro_credential.pk).exists():
        return False
    goal.micro_credentials.remove(micro_credential)
    GrowthPlan.objects.filter(pk=plan.pk).update(updated_at=timezone.now())
    title = micro_credential.live_version.title if micro_credential.live_version else micro_credential.slug
    _audit_plan(
        actor,
        plan,
        "growth_goal.micro_credential_removed",
        goal,
        micro_credential=str(micro_credential.uuid),
        title=title,
    )
    return True


# ---- Selectors -------------------------------------------------------------------------------


@dataclass
class ChosenMicroCredential:
    micro_credential: MicroCredential
    state: State

    @property
    def title(self) -> str:
        version = self.micro_credential.live_version
        return version.title if version is not None else self.micro_credential.slug


@dataclass
class Progress:
    earned: int = 0
    working: int = 0
    total: int = 0

    @property
    def not_started(self) -> int:
        return self.total - self.earned - self.working

    @property
    def percent(self) -> int:
        return round(100 * self.earned / self.total) if self.total else 0


@dataclass
class GoalView:
    goal: GrowthGoal
    components: list[FrameworkComponent]
    chosen: list[ChosenMicroCredential]
    progress: Progress = field(default_factory=Progress)


@dataclass
class PlanView:
    plan: GrowthPlan
    goals: list[GoalView]
    progress: Progress


def _goal_queryset() -> QuerySet[GrowthGoal]:
    return GrowthGoal.objects.prefetch_related(
        Prefetch("components", queryset=FrameworkComponent.objects.order_by("framework", "order")),
        Prefetch(
            "micro_credentials",
            queryset=MicroCredential.objects.select_related("live_version", "organization").order_by("id"),
        ),
    )


def _views(goals: list[GrowthGoal], educator: User) -> tuple[list[GoalView], Progress]:
    states = micro_credential_states(educator, {m.pk for g in goals for m in g.micro_credentials.all()})
    views = []
    for goal in goals:
        chosen = [ChosenMicroCredential(m, states[m.pk]) for m in goal.micro_credentials.all()]
        views.append(GoalView(goal, list(goal.components.all()), chosen, _progress(chosen)))
    return views, _progress(_distinct(goals, states))


def _distinct(goals: list[GrowthGoal], states: dict[int, State]) -> list[ChosenMicroCredential]:
    """Each micro-credential chosen for any of the goals, once."""
    seen: dict[int, MicroCredential] = {}
    for goal in goals:
        for m in goal.micro_credentials.all():
            seen.setdefault(m.pk, m)
    return [ChosenMicroCredential(m, states[m.pk]) for m in seen.values()]


def _progress(chosen: list[ChosenMicroCredential]) -> Progress:
    return Progress(
        earned=sum(1 for c in chosen if c.state == State.EARNED),
        working=sum(1 for c in chosen if c.state == State.WORKING),
        total=len(chosen),
    )


def plan_view(plan: GrowthPlan) -> PlanView:
    """The plan's goals, in order, with components, chosen micro-credentials and progress.

    Progress counts each chosen micro-credential once, even when two goals
    share it. Five queries, however many goals.
    """
    goals = list(_goal_queryset().filter(plan=plan).order_by("order", "created_at"))
    views, overall = _views(goals, plan.educator)
    return PlanView(plan, views, overall)


def goal_position(goal: GrowthGoal) -> int:
    """The goal's number in its plan, as the plan's page counts them (1 for the first)."""
    return GrowthGoal.objects.filter(plan_id=goal.plan_id, order__lt=goal.order).count() + 1


def goal_view(goal: GrowthGoal) -> GoalView:
    """One goal as :func:`plan_view` shows it, with its relations prefetched for recommendations."""
    fresh = _goal_queryset().select_related("plan__educator", "plan__organization", "plan__supervisor").get(pk=goal.pk)
    views, _ = _views([fresh], fresh.plan.educator)
    return views[0]


@dataclass
class PlanRow:
    plan: GrowthPlan
    goal_count: int
    progress: Progress


def plan_list(actor: User) -> tuple[list[PlanRow], list[PlanRow]]:
    """The actor's own plans and the plans they supervise, newest school year first, with progress."""
    plans = list(
        GrowthPlan.objects.filter(Q(educator=actor) | Q(supervisor=actor))
        .select_related("educator", "supervisor", "organization")
        .prefetch_related(
            Prefetch("goals", queryset=GrowthGoal.objects.prefetch_related("micro_credentials").order_by("order"))
        )
    )
    rows: dict[str, list[PlanRow]] = {"own": [], "supervised": []}
    states = states_for(
        {p.educator_id for p in plans}, {m.pk for p in plans for g in p.goals.all() for m in g.micro_credentials.all()}
    )
    for plan in plans:
        goals = list(plan.goals.all())
        mine = {m.pk: states[(plan.educator_id, m.pk)] for g in goals for m in g.micro_credentials.all()}
        progress = _progress(_distinct(goals, mine))
        rows["own" if plan.educator_id == actor.pk else "supervised"].append(PlanRow(plan, len(goals), progress))
    return rows["own"], rows["supervised"]


@dataclass(frozen=True)
class HistoryEntry:
    occurred_at: Any
    who: str
    text: str


_CHANGED_LABELS = {"statement": "wording", "target_date": "target date", "status": "status", "components": "components"}


def _describe(event: AuditEvent) -> str:
    data = event.data
    if event.action == "growth_plan.created":
        return "started the plan"
    if event.action == "growth_goal.created":
        statement = str(data.get("statement", ""))
        return f"added the goal “{statement[:80]}{'…' if len(statement) > 80 else ''}”"
    if event.action == "growth_goal.updated":
        changed = ", ".join(_CHANGED_LABELS.get(c, c) for c in data.get("changed", []))
        return f"changed a goal's {changed}"
    if event.action == "growth_goal.micro_credential_added":
        return f"chose “{data.get('title', '')}” for a goal"
    if event.action == "growth_goal.micro_credential_removed":
        return f"took “{data.get('title', '')}” off a goal"
    return event.action


def plan_history(plan: GrowthPlan, limit: int = 20) -> list[HistoryEntry]:
    """The latest changes to the plan and its goals, newest first, saying who made each. One query."""
    events = AuditEvent.objects.filter(
        organization=plan.organization, action__startswith="growth_", data__plan=str(plan.uuid)
    ).select_related("actor")[:limit]
    return [
        HistoryEntry(e.occurred_at, e.actor.display_name if e.actor else e.actor_label, _describe(e)) for e in events
    ]


def component_groups() -> list[tuple[str, list[tuple[str, list[FrameworkComponent]]]]]:
    """Every framework component, grouped by framework and then by domain, in the frameworks' order."""
    groups: dict[str, dict[str, list[FrameworkComponent]]] = {}
    for component in FrameworkComponent.objects.order_by("framework", "order", "code"):
        groups.setdefault(component.framework, {}).setdefault(component.domain, []).append(component)
    return [(framework, list(domains.items())) for framework, domains in groups.items()]
