"""The secret in an invitation link.

The token is ``<uuid hex>.<HMAC(uuid, nonce)>`` under SECRET_KEY: whoever
holds the database or the task queue cannot build a working link.
"""

from __future__ import annotations

import uuid

from django.utils.crypto import constant_time_compare, salted_hmac

from evident.accounts.models import Invitation

_SALT = "evident.accounts.invitation"


def invitation_token(invitation: Invitation) -> str:
    mac = salted_hmac(_SALT, f"{invitation.uuid}:{invitation.nonce}", algorithm="sha256").hexdigest()
    return f"{invitation.uuid.hex}.{mac}"


def invitation_from_token(token: str) -> Invitation | None:
    """The invitation a token names, or None if the token is malformed or forged."""
    head, _, mac = token.partition(".")
    try:
        invitation_uuid = uuid.UUID(hex=head)
    except ValueError:
        return None
    invitation = Invitation.objects.select_related("organization", "invited_by").filter(uuid=invitation_uuid).first()
    if invitation is None or not constant_time_compare(invitation_token(invitation), token):
        return None
    return invitation
