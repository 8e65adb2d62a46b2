"""Background work for credentials. Tasks take ids, load rows, call one service."""

from __future__ import annotations

from django_tasks import task

from evident.accounts import audit
from evident.credentials import services
from evident.earning.models import Enrollment


@task()
def issue_award_task(enrollment_uuid: str) -> str:
    """Issue the credential of an earned enrolment, then the stack credentials it completes.

    Safe to run twice: one award per enrolment, one per educator and stack. The
    micro-credential's award commits first, so a failure issuing a stack
    credential never takes it back; running the task again finishes the stacks.
    """
    with audit.origin(audit.Origin(kind="task")):
        enrollment = Enrollment.objects.select_related("version__micro_credential__organization", "educator").get(
            uuid=enrollment_uuid
        )
        award = services.award_issue_for_enrollment(enrollment)
        services.stack_awards_issue_after(award)
        return str(award.uuid)
