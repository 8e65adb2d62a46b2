"""The audit trail: one append-only row per change, written by services.

Where a change came from (web, API, task, command; IP address and browser)
is carried in a context variable set at the edge, so services need not pass
the request around.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.db import models

from evident.accounts.models import AuditEvent, Organization, User


@dataclass(frozen=True)
class Origin:
    kind: str
    ip_address: str | None = None
    user_agent: str = ""


_SYSTEM = Origin(kind="system")
_current_origin: ContextVar[Origin] = ContextVar("evident_audit_origin", default=_SYSTEM)


def current_origin() -> Origin:
    return _current_origin.get()


@contextlib.contextmanager
def origin(value: Origin) -> Iterator[None]:
    """Attribute the audit records written inside the block to ``value``."""
    token = _current_origin.set(value)
    try:
        yield
    finally:
        _current_origin.reset(token)


def audit_record(
    *,
    actor: User | None,
    organization: Organization | None,
    action: str,
    target: models.Model | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append an audit event. Call inside the service's transaction."""
    where = current_origin()
    target_id = ""
    if target is not None:
        target_id = str(getattr(target, "uuid", None) or target.pk)
    event = AuditEvent(
        actor=actor,
        actor_label=(actor.email if actor is not None else "system"),
        organization=organization,
        action=action,
        target_type=(target._meta.label_lower if target is not None else ""),
        target_id=target_id,
        data=data or {},
        origin=where.kind,
        ip_address=where.ip_address,
        user_agent=where.user_agent[:300],
    )
    event.save()
    return event
