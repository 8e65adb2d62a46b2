"""What educators have earned and are working on: micro-credentials and stacks.

Growth plans, recommendations and career roles all ask the same questions,
for one educator or for every educator of an organization, so the answers
live here, in bulk queries (a fixed number per call, however many educators).

"Earned" means an unrevoked award. A stack is earned when the educator holds
an unrevoked stack award for it, or, while stack awards are not issued yet,
when their unrevoked micro-credential awards meet the stack's completion rule
(:func:`stack_met`). When stack awards are issued for every completed stack,
drop the second branch of :func:`earned_stacks` and nothing else changes.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from django.db.models import QuerySet

from evident.accounts.models import User
from evident.catalog.models import Stack
from evident.credentials.models import Award
from evident.earning.models import Enrollment

EducatorIds = Collection[int] | QuerySet[User, int]


class State(enum.StrEnum):
    NOT_STARTED = "not_started"
    WORKING = "working"
    EARNED = "earned"

    @property
    def label(self) -> str:
        return {"not_started": "Not started", "working": "Working on it", "earned": "Earned"}[self.value]


def earned_micro_credentials(educator_ids: EducatorIds) -> dict[int, set[int]]:
    """Educator id → ids of the micro-credentials they hold an unrevoked award for. One query."""
    earned: dict[int, set[int]] = defaultdict(set)
    rows = (
        Award.objects.filter(educator_id__in=educator_ids, kind=Award.Kind.MICRO_CREDENTIAL, revoked_at__isnull=True)
        .order_by()
        .values_list("educator_id", "version__micro_credential_id")
    )
    for educator_id, micro_credential_id in rows:
        if micro_credential_id is not None:
            earned[educator_id].add(micro_credential_id)
    return earned


def started_micro_credential_ids(educator: User) -> QuerySet[Enrollment, int]:
    """The micro-credentials the educator has an enrolment in that was not withdrawn (a subquery)."""
    return (
        Enrollment.objects.filter(educator=educator)
        .exclude(status=Enrollment.Status.WITHDRAWN)
        .values_list("micro_credential_id", flat=True)
    )


def earned_micro_credential_ids(educator: User) -> QuerySet[Award, int]:
    """The micro-credentials the educator holds an unrevoked award for (a subquery)."""
    # No nulls: a NULL in a NOT IN subquery would exclude every row.
    return Award.objects.filter(
        educator=educator, kind=Award.Kind.MICRO_CREDENTIAL, revoked_at__isnull=True, version__isnull=False
    ).values_list("version__micro_credential_id", flat=True)


def micro_credential_states(educator: User, micro_credential_ids: Iterable[int]) -> dict[int, State]:
    """Each micro-credential's state for the educator: earned, working (an open enrolment) or not started.

    Two queries (none for no ids). See :func:`states_for`.
    """
    states = states_for([educator.pk], micro_credential_ids)
    return {i: states[(educator.pk, i)] for i in sorted(set(micro_credential_ids))}


def states_for(educator_ids: Collection[int], micro_credential_ids: Iterable[int]) -> dict[tuple[int, int], State]:
    """(educator id, micro-credential id) → state, for every pair. Two queries (none when either is empty).

    An enrolment marked earned whose award is not issued yet (issuing runs as
    a task) or was revoked counts as working, not earned.
    """
    ids = set(micro_credential_ids)
    educators = set(educator_ids)
    if not ids or not educators:
        return {}
    earned = earned_micro_credentials(list(educators))
    working = set(
        Enrollment.objects.filter(educator_id__in=educators, micro_credential_id__in=ids)
        .exclude(status=Enrollment.Status.WITHDRAWN)
        .values_list("educator_id", "micro_credential_id")
    )
    states: dict[tuple[int, int], State] = {}
    for educator_id in educators:
        mine = earned.get(educator_id, set())
        for i in ids:
            if i in mine:
                states[(educator_id, i)] = State.EARNED
            elif (educator_id, i) in working:
                states[(educator_id, i)] = State.WORKING
            else:
                states[(educator_id, i)] = State.NOT_STARTED
    return states


@dataclass(frozen=True)
class StackRule:
    """A stack's completion rule, detached from the database: which micro-credentials, how many, the capstone."""

    stack_id: int
    items: tuple[int, ...]  # micro-credential ids, in the stack's order
    needed: int
    capstone: int | None

    @classmethod
    def of(cls, stack: Stack) -> StackRule:
        """Needs ``stack.items`` prefetched (or costs one query)."""
        items = tuple(item.micro_credential_id for item in stack.items.all())
        if stack.completion_rule == Stack.CompletionRule.N_OF_M and stack.required_count:
            needed = min(stack.required_count, len(items))
        else:
            needed = len(items)
        return cls(stack_id=stack.pk, items=items, needed=needed, capstone=stack.capstone_id)

    def earned_count(self, earned: set[int]) -> int:
        return sum(1 for i in self.items if i in earned)

    def missing(self, earned: set[int]) -> list[int]:
        """The micro-credentials not earned yet, capstone first when it is still needed."""
        left = [i for i in self.items if i not in earned]
        if self.capstone in left:
            left.remove(self.capstone)
            left.insert(0, self.capstone)
        return left


def stack_met(rule: StackRule, earned: set[int]) -> bool:
    """Whether micro-credentials ``earned`` complete the stack: enough of its items, and its capstone if it has one."""
    if not rule.items:
        return False
    if rule.capstone is not None and rule.capstone not in earned:
        return False
    return rule.earned_count(earned) >= rule.needed


def stack_awards(educator_ids: EducatorIds, stack_ids: Iterable[int]) -> dict[int, set[int]]:
    """Educator id → ids of the stacks they hold an unrevoked stack award for. One query."""
    held: dict[int, set[int]] = defaultdict(set)
    rows = (
        Award.objects.filter(
            educator_id__in=educator_ids, kind=Award.Kind.STACK, stack_id__in=list(stack_ids), revoked_at__isnull=True
        )
        .order_by()
        .values_list("educator_id", "stack_id")
    )
    for educator_id, stack_id in rows:
        held[educator_id].add(stack_id)
    return held


def earned_stacks(
    educator_ids: EducatorIds, rules: Iterable[StackRule], earned: dict[int, set[int]]
) -> dict[int, set[int]]:
    """Educator id → ids of the stacks they have earned (see the module docstring). One query.

    ``earned`` is :func:`earned_micro_credentials` for the same educators.
    """
    rules = list(rules)
    result = stack_awards(educator_ids, [r.stack_id for r in rules])
    # Until stack awards are issued for every completed stack: the rule met by micro-credential awards.
    for educator_id, micro_credentials in earned.items():
        for rule in rules:
            if stack_met(rule, micro_credentials):
                result[educator_id].add(rule.stack_id)
    return result
