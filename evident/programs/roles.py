"""Career roles: how far an educator is from each, and who in an organization qualifies.

A role (Mentor Teacher, Teacher Leader…) requires stacks and pathways, all of
them. Its requirements are *targets*: each stack it names directly, and each
step of each of its pathways (a stack, or a single micro-credential). An
educator qualifies when every target is earned (stacks as
:mod:`evident.programs.earned` decides); "one away" means exactly one target is
left and at least one is done.

Everything is computed in memory from a fixed number of queries: the roles
with their stacks, pathways and steps; then, for one educator or a whole
organization tree, their micro-credential awards and stack awards.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet

from evident.accounts.models import Organization, Role, User
from evident.catalog.models import MicroCredential, PathwayStep, Stack, StackItem
from evident.programs.earned import StackRule, earned_micro_credentials, earned_stacks
from evident.programs.models import CareerRole
from evident.programs.permissions import descendant_ids

MAX_LISTED = 200


@dataclass(frozen=True)
class Target:
    """One thing a role requires: a stack, or a single micro-credential (a pathway step)."""

    kind: str  # "stack" or "micro_credential"
    pk: int
    title: str
    url: str
    rule: StackRule | None = None

    @property
    def key(self) -> tuple[str, int]:
        return (self.kind, self.pk)

    @property
    def kind_label(self) -> str:
        return "stack" if self.kind == "stack" else "micro-credential"


@dataclass(frozen=True)
class NextMicroCredential:
    title: str
    url: str


@dataclass
class TargetProgress:
    target: Target
    done: bool
    earned: int = 0  # for a stack: its micro-credentials earned
    needed: int = 0  # and how many it needs
    next: list[NextMicroCredential] = field(default_factory=list)
    level: str = ""  # for a pathway step: Foundational, Intermediate, Advanced
    waiting_for: list[int] = field(default_factory=list)  # numbers (1-based) of unmet earlier steps

    @property
    def available(self) -> bool:
        return not self.waiting_for


@dataclass
class PathwayProgress:
    title: str
    url: str
    steps: list[TargetProgress]

    @property
    def done(self) -> int:
        return sum(1 for s in self.steps if s.done)


@dataclass
class RoleProgress:
    role: CareerRole
    stacks: list[TargetProgress]
    pathways: list[PathwayProgress]
    done: int
    total: int
    stacks_earned: int
    stacks_required: int
    next_step: TargetProgress | None

    @property
    def qualified(self) -> bool:
        return self.total > 0 and self.done == self.total

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


@dataclass
class RoleRequirements:
    """A role with its targets resolved, ready to check any educator against."""

    role: CareerRole
    stacks: list[Target]
    pathways: list[
        tuple[str, str, list[tuple[Target, str, list[int]]]]
    ]  # title, url, [(target, level, prereq indexes)]
    titles: dict[int, tuple[str, str]]  # micro-credential id → (title, url), for "what next"

    @property
    def targets(self) -> list[Target]:
        seen: dict[tuple[str, int], Target] = {t.key: t for t in self.stacks}
        for _, _, steps in self.pathways:
            for target, _, _ in steps:
                seen.setdefault(target.key, target)
        return list(seen.values())

    def stack_rules(self) -> list[StackRule]:
        return [t.rule for t in self.targets if t.rule is not None]


def visible_roles(organizations: Collection[Organization]) -> QuerySet[CareerRole]:
    """Platform-wide roles, and those of the organizations given or any organization above them."""
    ids = {o.pk for o in organizations}
    for organization in organizations:
        ids |= {a.pk for a in organization.ancestors()}
    return CareerRole.objects.filter(Q(organization__isnull=True) | Q(organization_id__in=ids))


def _stack_queryset() -> QuerySet[Stack]:
    items = StackItem.objects.select_related("micro_credential__live_version").order_by("order")
    return Stack.objects.prefetch_related(Prefetch("items", queryset=items))


def role_requirements(roles: QuerySet[CareerRole]) -> list[RoleRequirements]:
    """Each role with its stacks, pathways and steps resolved. A fixed number of queries (seven)."""
    steps = PathwayStep.objects.select_related("micro_credential__live_version").prefetch_related(
        Prefetch("stack", queryset=_stack_queryset()), "prerequisites"
    )
    roles = roles.prefetch_related(
        Prefetch("stacks", queryset=_stack_queryset().order_by("title")),
        Prefetch("pathways__steps", queryset=steps.order_by("order")),
    ).order_by("title")
    resolved = []
    for role in roles:
        titles: dict[int, tuple[str, str]] = {}

        stacks = [_stack_target(s, titles) for s in role.stacks.all()]
        pathways = []
        for pathway in role.pathways.all():
            pathway_steps = list(pathway.steps.all())
            index = {s.pk: i for i, s in enumerate(pathway_steps)}
            entries = []
            for step in pathway_steps:
                if step.stack is not None:
                    target = _stack_target(step.stack, titles)
                elif step.micro_credential is not None:
                    title, url = _title(step.micro_credential)
                    target = Target("micro_credential", step.micro_credential.pk, title, url)
                else:
                    continue
                prerequisites = sorted(index[p.pk] for p in step.prerequisites.all() if p.pk in index)
                entries.append((target, step.get_level_display(), prerequisites))
            pathways.append((pathway.title, pathway.get_absolute_url(), entries))
        resolved.append(RoleRequirements(role, stacks, pathways, titles))
    return resolved


def _stack_target(stack: Stack, titles: dict[int, tuple[str, str]]) -> Target:
    """The stack as a target; its micro-credentials' titles go into ``titles``."""
    for item in stack.items.all():
        titles[item.micro_credential_id] = _title(item.micro_credential)
    return Target("stack", stack.pk, stack.title, stack.get_absolute_url(), StackRule.of(stack))


def _title(micro_credential: MicroCredential) -> tuple[str, str]:
    version = micro_credential.live_version
    return (version.title if version is not None else micro_credential.slug, micro_credential.get_absolute_url())


def _target_progress(
    requirements: RoleRequirements, target: Target, earned_mcs: set[int], stacks_done: set[int]
) -> TargetProgress:
    if target.rule is None:
        return TargetProgress(target, done=target.pk in earned_mcs)
    rule = target.rule
    done = target.pk in stacks_done
    missing = [] if done else rule.missing(earned_mcs)
    return TargetProgress(
        target,
        done=done,
        earned=min(rule.earned_count(earned_mcs), rule.needed) if not done else rule.needed,
        needed=rule.needed,
        next=[NextMicroCredential(*requirements.titles[i]) for i in missing[:3] if i in requirements.titles],
    )


def progress_of(requirements: RoleRequirements, earned_mcs: set[int], stacks_done: set[int]) -> RoleProgress:
    """How far an educator with these micro-credentials and stacks is from the role."""
    stacks = [_target_progress(requirements, t, earned_mcs, stacks_done) for t in requirements.stacks]
    pathways = []
    for title, url, entries in requirements.pathways:
        steps = []
        for target, level, _ in entries:
            step = _target_progress(requirements, target, earned_mcs, stacks_done)
            step.level = level
            steps.append(step)
        for step, (_, _, prerequisites) in zip(steps, entries, strict=True):
            step.waiting_for = [i + 1 for i in prerequisites if not steps[i].done]
        pathways.append(PathwayProgress(title, url, steps))
    by_key: dict[tuple[str, int], TargetProgress] = {s.target.key: s for s in stacks}
    for pathway in pathways:
        for step in pathway.steps:
            by_key.setdefault(step.target.key, step)
    all_targets = list(by_key.values())
    stack_targets = [t for t in all_targets if t.target.kind == "stack"]
    # What to do next: the first unmet requirement whose earlier steps are met, direct stacks first.
    candidates = [s for s in stacks if not s.done] + [
        step for pathway in pathways for step in pathway.steps if not step.done and step.available
    ]
    return RoleProgress(
        role=requirements.role,
        stacks=stacks,
        pathways=pathways,
        done=sum(1 for t in all_targets if t.done),
        total=len(all_targets),
        stacks_earned=sum(1 for t in stack_targets if t.done),
        stacks_required=len(stack_targets),
        next_step=candidates[0] if candidates else None,
    )


def role_progress_list(educator: User, organizations: Collection[Organization]) -> list[RoleProgress]:
    """Every role the educator's organizations see, with how far the educator is from it."""
    requirements = role_requirements(visible_roles(organizations))
    earned = earned_micro_credentials([educator.pk])
    rules = [r for req in requirements for r in req.stack_rules()]
    stacks = earned_stacks([educator.pk], rules, earned)
    mine, stacks_done = earned.get(educator.pk, set()), stacks.get(educator.pk, set())
    return [progress_of(req, mine, stacks_done) for req in requirements]


@dataclass(frozen=True)
class Qualifier:
    educator: User
    missing: Target | None = None  # for those one away: what is left


@dataclass
class RoleQualifiers:
    role: CareerRole
    total: int
    qualified: list[Qualifier]
    one_away: list[Qualifier]
    qualified_count: int = 0
    one_away_count: int = 0


def organization_educators(organization: Organization) -> QuerySet[User]:
    """Educators of the organization and of every organization below it."""
    return User.objects.filter(
        is_active=True,
        memberships__organization_id__in=descendant_ids(organization),
        memberships__role=Role.EDUCATOR,
    ).distinct()


def role_qualifier_list(organization: Organization) -> tuple[int, list[RoleQualifiers]]:
    """For each role the organization sees: its educators (and those below) who qualify, and who are one step away.

    Returns the number of educators considered and, per role, at most
    MAX_LISTED names in each list (the counts are complete). A fixed number of
    queries: only educators holding at least one award are loaded.
    """
    educators = organization_educators(organization)
    educator_count = educators.count()
    requirements = role_requirements(visible_roles([organization]))
    earned = earned_micro_credentials(educators.values_list("pk", flat=True))
    rules = [r for req in requirements for r in req.stack_rules()]
    stacks = earned_stacks(educators.values_list("pk", flat=True), rules, earned)
    active_ids = set(earned) | set(stacks)
    people = {u.pk: u for u in User.objects.filter(pk__in=active_ids).order_by("full_name", "email")}
    result = []
    for req in requirements:
        row = RoleQualifiers(role=req.role, total=len(req.targets), qualified=[], one_away=[])
        for educator_id, person in people.items():
            progress = progress_of(req, earned.get(educator_id, set()), stacks.get(educator_id, set()))
            if progress.qualified:
                row.qualified_count += 1
                if len(row.qualified) < MAX_LISTED:
                    row.qualified.append(Qualifier(person))
            elif progress.total - progress.done == 1 and progress.done > 0:
                row.one_away_count += 1
                missing = next(
                    (
                        s.target
                        for s in [*progress.stacks, *(st for p in progress.pathways for st in p.steps)]
                        if not s.done
                    ),
                    None,
                )
                if len(row.one_away) < MAX_LISTED:
                    row.one_away.append(Qualifier(person, missing))
        result.append(row)
    return educator_count, result
