"""Who may see a credential: its educator always; anyone with the link once the educator makes it public."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404

from evident.accounts.models import User
from evident.credentials.models import Award


def access_award(actor: User | Any, award_uuid: Any, *, owner_only: bool = False) -> Award:
    """The award, for its educator, or for anyone when it is public (unless ``owner_only``). Http404 otherwise."""
    try:
        award = Award.objects.select_related("organization", "educator", "version").get(uuid=award_uuid)
    except (Award.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such credential.") from None
    is_owner = bool(getattr(actor, "is_authenticated", False) and award.educator_id == actor.pk)
    if is_owner or (award.is_public and not owner_only):
        return award
    raise Http404("No such credential.")
