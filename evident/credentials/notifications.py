"""Emails about credentials, sent by background tasks.

Like every email of the platform they carry a link, never what the page
says: a revocation reason is free text an admin wrote, and could name a
student, so the educator reads it on their credential page.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django_tasks import task

from evident.accounts.emails import send_templated_email
from evident.credentials.models import Award


def award_revoked_notify(award: Award) -> None:
    """Tell the educator once the revocation is committed (an enqueued task must not outrun the row)."""
    uuid = str(award.uuid)
    transaction.on_commit(lambda: notify_award_revoked_task.enqueue(uuid))


@task()
def notify_award_revoked_task(award_uuid: str) -> None:
    """Tell the educator their credential was revoked; nothing happens for an award that is not revoked."""
    award = (
        Award.objects.select_related("educator", "organization")
        .defer("credential")
        .filter(uuid=award_uuid, revoked_at__isnull=False)
        .first()
    )
    if award is None:
        return
    send_templated_email(
        "award_revoked",
        award.educator.email,
        {
            "name": award.educator.display_name,
            "title": award.title,
            "issuer": award.organization.name,
            "revoked_at": award.revoked_at,
            "link": settings.BASE_URL + award.get_absolute_url(),
        },
    )
