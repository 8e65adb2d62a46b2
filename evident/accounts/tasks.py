"""Background work for accounts. Tasks take ids, load rows, call one service."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django_tasks import task

from evident.accounts import audit
from evident.accounts.emails import send_templated_email
from evident.accounts.invitations import invitation_token
from evident.accounts.models import Invitation


@task()
def send_invitation_email_task(invitation_uuid: str) -> None:
    """Email the invitation link; a no-op for invitations no longer pending."""
    with audit.origin(audit.Origin(kind="task")):
        invitation = (
            Invitation.objects.select_related("organization", "invited_by").filter(uuid=invitation_uuid).first()
        )
        if invitation is None or invitation.status != "pending":
            return
        link = settings.BASE_URL + reverse("accounts:invitation-accept", kwargs={"token": invitation_token(invitation)})
        send_templated_email(
            "invitation",
            invitation.email,
            {"invitation": invitation, "link": link, "organization": invitation.organization},
        )
