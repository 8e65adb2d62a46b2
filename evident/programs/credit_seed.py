"""The credit rules every install ships with: real state rules, each citing its public source.

``credit_rules_seed`` runs after every ``migrate`` (a ``post_migrate`` hook in
``apps.py``), so the rules exist in every fresh install, after every upgrade,
and in tests, including after the database flush that ends each
``TransactionTestCase`` (Django emits ``post_migrate`` after a flush, which is
how content types and permissions survive it too). A data migration would
run once and be gone after a flush; a separate command could be forgotten.

It is idempotent: a seeded rule (``organization`` empty) is found by its
jurisdiction and name and brought up to date with the figures below, so a
corrected figure reaches existing installs with the next upgrade. An
organization's own rules and overrides are never touched.

The figures were read from the sources named in each rule; the notes say
in plain words what the rule means and where the platform had to choose.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction

from evident.programs.models import CreditRule


@dataclass(frozen=True)
class SeedRule:
    jurisdiction: str
    jurisdiction_name: str
    name: str
    unit: str
    unit_label: str
    basis: str
    amount: Decimal
    cycle_years: int
    renewal_requirement: Decimal | None
    cap_per_cycle: Decimal | None
    source_title: str
    source_url: str
    notes: str


SEED_RULES: tuple[SeedRule, ...] = (
    SeedRule(
        jurisdiction="US-TN",
        jurisdiction_name="Tennessee",
        name="Tennessee professional license renewal",
        unit="pdp",
        unit_label="PDPs",
        basis="per_credential",
        amount=Decimal("6"),
        cycle_years=6,
        renewal_requirement=Decimal("60"),
        cap_per_cycle=None,
        source_title="Tennessee Department of Education: Professional Development Points (PDPs), FAQ for Educators",
        source_url="https://www.tn.gov/education/educators/licensing/licensing-faq/pdp-faq-for-educators.html",
        notes=(
            "Each micro-credential earned is worth 6 professional development points (PDPs), whatever its "
            "hours; the digital credential is the documentation. A professional license needs 60 PDPs to renew, "
            "all earned while the license being renewed is valid. A professional license is valid for six years "
            "(State Board of Education Educator Licensure Policy 5.502), so the cycle here is six years: set its "
            "start to your license's effective date, shown in TNCompass. Districts approve the PDPs their "
            "educators enter in TNCompass; no cap applies to micro-credentials."
        ),
    ),
    SeedRule(
        jurisdiction="US-UT",
        jurisdiction_name="Utah",
        name="Utah Professional Educator License renewal",
        unit="usbe_credit",
        unit_label="USBE credits",
        basis="per_credential",
        amount=Decimal("0.5"),
        cycle_years=5,
        # 100 renewal hours at 15 hours per USBE credit, rounded up so that meeting it meets the 100 hours.
        renewal_requirement=Decimal("6.67"),
        # Professional learning counts for at most 90 of the 100 renewal hours: 90 / 15 = 6 USBE credits.
        cap_per_cycle=Decimal("6"),
        source_title="Utah Microcredentials FAQ (Utah Education Network, supported by the Utah State Board of Education)",
        source_url="https://uen.org/utahmicrocredentials/faq.shtml",
        notes=(
            "Every Utah micro-credential is worth 0.5 USBE credit. Utah counts renewal in hours: a Professional "
            "Educator License needs 100 renewal hours in its five-year cycle (Utah Admin. Code R277-302, "
            "https://schools.utah.gov/adminrules/R277-302.php). One USBE credit stands for 15 hours of "
            "professional learning, so a micro-credential is 7.5 renewal hours and the requirement shown here is "
            "6.67 USBE credits (100 divided by 15, rounded up). An educator working in a Utah school may count at "
            "most 90 hours of professional learning toward renewal and must use at least two kinds of activity, so "
            "micro-credentials earn at most 6 USBE credits a cycle here; the last hours come from another kind, "
            "such as collaboration or professional service."
        ),
    ),
    SeedRule(
        jurisdiction="US-NC",
        jurisdiction_name="North Carolina",
        name="North Carolina Continuing Professional License renewal",
        unit="ceu",
        unit_label="CEUs",
        basis="per_pd_hour",
        amount=Decimal("0.1"),
        cycle_years=5,
        renewal_requirement=Decimal("8"),
        cap_per_cycle=None,
        source_title="NC Department of Public Instruction: Renew or Update Your Professional Educator's License",
        source_url="https://www.dpi.nc.gov/educators/educators-licensure/renew-or-update-your-professional-educators-license",
        notes=(
            "North Carolina sets the total and each district sets the rest: a Continuing Professional License "
            "is renewed every five years with 8 renewal credits (CEUs), and one CEU is 10 clock hours, so each "
            "PD hour a micro-credential offers counts as 0.1 CEU. The employing district approves and certifies "
            "renewal credit for the activities it accepts, and the credits are split by area (for example subject "
            "area, literacy and general for grades K-5), so a district may override this rule with its own. "
            "All credit must be earned by the license's expiration date."
        ),
    ),
    SeedRule(
        jurisdiction="US-DE",
        jurisdiction_name="Delaware",
        name="Delaware Continuing License renewal",
        unit="clock_hours",
        unit_label="clock hours",
        basis="per_pd_hour",
        amount=Decimal("1"),
        cycle_years=5,
        renewal_requirement=Decimal("90"),
        cap_per_cycle=None,
        source_title="Delaware Administrative Code, Title 14, 1511 Continuing License",
        source_url="https://regulations.delaware.gov/AdminCode/title14/1500/1511.shtml",
        notes=(
            "Delaware counts clock hours, the actual time spent in professional development: each PD hour a "
            "micro-credential offers is one clock hour. A Continuing License is valid for five years and needs 90 "
            "clock hours to renew, taken during the license's term and approved by the employing district or "
            "charter school; at least half of them must concern the educator's work with students or staff."
        ),
    ),
)


def _fields(seed: SeedRule) -> dict[str, Any]:
    values = asdict(seed)
    for key in ("jurisdiction", "name"):
        values.pop(key)
    return values


def credit_rules_seed(*, using: str = "default") -> dict[str, int]:
    """Create or update the seeded rules; return how many were created and updated."""
    counts = {"created": 0, "updated": 0}
    with transaction.atomic(using=using):
        for seed in SEED_RULES:
            values = _fields(seed)
            rule = (
                CreditRule.objects.using(using)
                .filter(organization__isnull=True, jurisdiction=seed.jurisdiction, name=seed.name)
                .first()
            )
            if rule is None:
                rule = CreditRule(organization=None, jurisdiction=seed.jurisdiction, name=seed.name, **values)
                rule.full_clean()
                rule.save(using=using)
                counts["created"] += 1
                continue
            changed = [key for key, value in values.items() if getattr(rule, key) != value]
            if changed:
                for key in changed:
                    setattr(rule, key, values[key])
                rule.full_clean()
                rule.save(using=using, update_fields=changed)
                counts["updated"] += 1
    return counts
