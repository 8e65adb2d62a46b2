"""Background work for programs. Tasks take ids, load rows, call one service."""

from __future__ import annotations

from django_tasks import task

from evident.accounts.tasks import send_invitation_email_task


@task()
def send_roster_invitations_task(invitation_uuids: list[str]) -> None:
    """Email a batch of roster invitations. Each email is a no-op once its invitation is no longer pending."""
    for invitation_uuid in invitation_uuids:
        send_invitation_email_task.call(invitation_uuid)
