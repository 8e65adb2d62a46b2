"""Stack credentials: which awards complete a stack, and the Achievement a stack credential names.

A stack is complete for an educator when their unrevoked, unexpired
micro-credential awards cover its completion rule: every micro-credential in
it (``ALL``), or at least ``required_count`` of them (``N_OF_M``); when the
stack has a capstone, it must be among them. An award for any version of a
micro-credential counts, the live one or an older one.

Reads only: issuing and revoking stack awards live in ``services``.
"""

from __future__ import annotations

import base64
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db.models import F, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from evident.accounts.models import User
from evident.catalog.models import MicroCredential, Stack
from evident.credentials.models import Award
from evident.lib.badges import badge_svg

# OB 3.0's achievementType for a stack. A stack is earned by showing, through
# reviewed classroom evidence, a coherent set of professional skills: the
# vocabulary's "Certificate" (requisite mastery of the knowledge and skills of
# a profession or programme). Not "CertificateOfCompletion" (finishing an
# activity, no assessment), not "LearningProgram" (the offering rather than
# the credential), and not "MicroCredential", which its components already are.
STACK_ACHIEVEMENT_TYPE = "Certificate"


def required_count(stack: Stack, item_count: int) -> int:
    """How many of the stack's ``item_count`` micro-credentials its rule asks for."""
    if stack.completion_rule == Stack.CompletionRule.N_OF_M and stack.required_count:
        return min(stack.required_count, item_count)
    return item_count


def _lasting(award: Award) -> tuple[bool, datetime, datetime]:
    """Sort key: awards that never expire first, then the latest to expire, then the newest."""
    return (award.valid_until is None, award.valid_until or award.issued_at, award.issued_at)


def stack_counted_awards(
    educator: User, stack: Stack, *, lock: bool = False, now: datetime | None = None
) -> list[Award] | None:
    """The educator's awards that complete ``stack``, in the stack's order; None when they do not yet.

    One award per micro-credential (the longest-lasting when there are
    several). Under a count rule, the capstone and then the longest-lasting
    others are counted, so the stack credential lasts as long as it can.
    With ``lock`` the awards are locked (``select_for_update``) until the
    transaction ends, so a revocation cannot slip between counting and issuing.
    A capstone that is not one of the stack's micro-credentials cannot be met.
    """
    items = list(stack.items.order_by("order").values_list("micro_credential_id", flat=True))
    if not items:
        return None
    moment = now or timezone.now()
    awards = (
        Award.objects.filter(
            educator=educator,
            kind=Award.Kind.MICRO_CREDENTIAL,
            revoked_at__isnull=True,
            version__micro_credential_id__in=items,
        )
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gt=moment))
        .select_related("version__micro_credential", "organization")
        .order_by("pk")
    )
    if lock:
        awards = awards.select_for_update(of=("self",))
    best: dict[int, Award] = {}
    for award in awards:
        if award.version is None:  # cannot happen: filtered on the version's micro-credential
            continue
        key = award.version.micro_credential_id
        if key not in best or _lasting(award) > _lasting(best[key]):
            best[key] = award
    needed = required_count(stack, len(items))
    capstone = stack.capstone_id
    if len(best) < needed or (capstone is not None and capstone not in best):
        return None
    chosen = [best[capstone]] if capstone is not None else []
    others = sorted((a for key, a in best.items() if key != capstone), key=_lasting, reverse=True)
    chosen += others[: max(needed - len(chosen), 0)]
    position = {mc: i for i, mc in enumerate(items)}
    return sorted(chosen, key=lambda a: position[a.version.micro_credential_id if a.version else 0])


def stacks_containing(micro_credential_id: int) -> QuerySet[Stack]:
    """Published stacks that count ``micro_credential_id``."""
    return (
        Stack.objects.filter(is_published=True, items__micro_credential_id=micro_credential_id)
        .select_related("organization")
        .distinct()
        .order_by("pk")
    )


def stack_awards_counting(award: Award) -> list[Award]:
    """The educator's unrevoked stack awards whose evidence names ``award``."""
    if award.kind != Award.Kind.MICRO_CREDENTIAL:
        return []
    # The evidence, not the stack's current items: the stack may have changed since it was issued.
    address = award_address(award)
    candidates = Award.objects.filter(
        educator_id=award.educator_id, kind=Award.Kind.STACK, revoked_at__isnull=True
    ).select_related("stack", "status_list", "organization")
    return [
        stack_award
        for stack_award in candidates.order_by("pk")
        if any(e.get("id") == address for e in stack_award.credential.get("evidence", []))
    ]


def stack_award_get(educator: User, stack: Stack) -> Award | None:
    """The educator's credential for ``stack``: the standing one, else the latest revoked one; None when neither."""
    return (
        Award.objects.filter(educator=educator, stack=stack)
        .order_by(F("revoked_at").desc(nulls_first=True), "-issued_at")
        .first()
    )


def stack_award_standing(educator: User, stack: Stack) -> Award | None:
    """The educator's unrevoked credential for ``stack``: a revoked one does not stop the stack being earned again."""
    return Award.objects.filter(educator=educator, stack=stack, revoked_at__isnull=True).first()


# The document -----------------------------------------------------------------------------------------------------


def award_address(award: Award) -> str:
    """Where a credential lives: its page, which is also its id in the signed document."""
    return settings.BASE_URL + reverse("credentials:award-detail", kwargs={"uuid": award.uuid})


def _number(value: Decimal) -> float | int:
    return int(value) if value == value.to_integral_value() else float(value)


def _titles(stack: Stack, counted: list[Award]) -> list[tuple[MicroCredential, str]]:
    """Each micro-credential of the stack with the title to show: the version earned, else the live one."""
    earned = {a.version.micro_credential_id: a.title for a in counted if a.version is not None}
    items = stack.items.select_related("micro_credential__live_version").order_by("order")
    return [
        (
            item.micro_credential,
            earned.get(item.micro_credential_id)
            or (item.micro_credential.live_version.title if item.micro_credential.live_version else "")
            or item.micro_credential.slug,
        )
        for item in items
    ]


def stack_achievement(stack: Stack, counted: list[Award]) -> dict[str, Any]:
    """The stack as an Open Badges 3.0 Achievement, for a credential that counts ``counted``."""
    stack_url = settings.BASE_URL + stack.get_absolute_url()
    lines = [
        f"{i}. **{title}**{' (capstone)' if mc.pk == stack.capstone_id else ''}"
        for i, (mc, title) in enumerate(_titles(stack, counted), 1)
    ]
    svg = badge_svg(stack.title, stack.badge_color)
    organization = stack.organization
    return {
        "id": stack_url,
        "type": ["Achievement"],
        "achievementType": STACK_ACHIEVEMENT_TYPE,
        "name": stack.title,
        "description": stack.description,
        "criteria": {"id": stack_url, "narrative": stack.completion_text + "\n\n" + "\n".join(lines)},
        "image": {
            "id": "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode(),
            "type": "Image",
            "caption": f"The badge of the {stack.title} stack",
        },
        "creator": {
            "id": settings.BASE_URL + reverse("catalog:issuer-detail", kwargs={"slug": organization.slug}),
            "type": ["Profile"],
            "name": organization.name,
        },
        "creditsAvailable": _number(sum((a.version.pd_hours for a in counted if a.version), Decimal(0))),
    }


def stack_evidence(counted: list[Award]) -> list[dict[str, Any]]:
    """One Evidence entry per counted credential, pointing at its address."""
    return [
        {
            "id": award_address(award),
            "type": ["Evidence"],
            "name": award.title,
            "description": (
                f"The {award.title} micro-credential, issued by {award.organization.name} "
                f"on {timezone.localtime(award.issued_at):%B %-d, %Y}."
            ),
        }
        for award in counted
    ]
