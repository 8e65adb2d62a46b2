"""Demo reviewing: Teaching Forward reviews the Early Literacy stack.

Riley (``reviewer@…``) and Lee the lead (``lead-reviewer@…``) are in the
pool and certified for a year, so the demo educator's submitted
*Teaching Phonological Awareness* is waiting in their queue. Certification
normally follows a passed calibration; the demo grants it directly so the
queue can be tried at once (the calibration pages work on real submissions
once some have been decided). Running it again changes nothing.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from evident.accounts.models import Organization, User
from evident.catalog.models import Stack
from evident.review.models import Certification, PoolMember, ReviewerPool


@transaction.atomic
def load_review_demo(*, reviewers: list[User], organization: Organization) -> dict[str, int]:
    stack = Stack.objects.get(slug="early-literacy")
    pool, created = ReviewerPool.objects.get_or_create(
        organization=organization, stack=stack, defaults={"name": "Early Literacy reviewers"}
    )
    for reviewer in reviewers:
        PoolMember.objects.get_or_create(pool=pool, reviewer=reviewer)
        if not Certification.objects.filter(pool=pool, reviewer=reviewer).exists():
            Certification.objects.create(pool=pool, reviewer=reviewer, expires_at=timezone.now() + timedelta(days=365))
    return {"reviewer pools": int(created)}
