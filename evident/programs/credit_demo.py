"""Demo: Riverbend USD counts its educators' credit under Tennessee's rule.

Riverbend is fictional, the rule is not: it is the seeded Tennessee rule (6
PDPs per micro-credential, 60 PDPs to renew), so the demo educator's
transcript shows her credentials as PDPs "under Tennessee's rules". Chosen by
the demo program admin through the real service, so the choice is in
Riverbend's activity log. Loaded after the credentials demo (any time after
``migrate``, which seeds the rules). Running it again changes nothing.
"""

from __future__ import annotations

from django.db import transaction

from evident.accounts.models import Organization, User
from evident.programs import credit_services
from evident.programs.credit_selectors import organization_rule_setting
from evident.programs.models import CreditRule

DEMO_JURISDICTION = "US-TN"


@transaction.atomic
def load_credit_demo(*, program_admin: User, district: Organization) -> dict[str, int]:
    """Choose the seeded Tennessee rule for ``district``; return how many choices were made (0 or 1)."""
    rule = CreditRule.objects.get(organization__isnull=True, jurisdiction=DEMO_JURISDICTION)
    setting = organization_rule_setting(district)
    if setting is not None and setting.rule_id == rule.pk:
        return {"credit rule choices": 0}
    credit_services.organization_credit_rule_set(actor=program_admin, organization=district, rule=rule)
    return {"credit rule choices": 1}
