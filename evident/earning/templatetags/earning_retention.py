"""The work page's notice that inactive work is about to be deleted (``earning/retention.py``)."""

from __future__ import annotations

from datetime import datetime

from django import template

from evident.earning import retention
from evident.earning.models import Enrollment

register = template.Library()


@register.filter
def inactivity_deadline(enrollment: Enrollment) -> datetime | None:
    """When this enrolment is withdrawn for inactivity, if its educator was warned and has not acted since."""
    return retention.inactivity_deadline(enrollment)
