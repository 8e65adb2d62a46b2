"""Counting renewal credit: pure functions over a rule and an educator's credential lines (no database).

A rule says how much one credential is worth (a fixed amount, or an amount
per PD hour the credential offers), the most micro-credentials may earn in
one renewal cycle, how long a cycle is, how much credit renewal needs and,
optionally, which issuers count. ``count_credit`` applies it to a list of
credential lines and says, line by line, what each earns and why.

Decisions, stated once here and repeated on the transcript:

* **Arithmetic** is ``Decimal``. A line's credit is rounded to 2 decimal
  places, half up (1.25 PD hours at 0.1 CEU per hour is 0.13 CEU), and totals
  add the rounded line credits, so the printed column sums to the printed total.
  Progress is the total over the requirement in whole percent, rounded down,
  so "100 %" never shows before the requirement is met.
* **The cap** is filled in the order credentials were earned (oldest first;
  same day: by title, then key): the line that crosses it earns the remainder,
  later lines earn 0 with the reason "over the cycle's cap of …".
* **Revoked** credentials never count: the issuer withdrew them.
* **Expired** credentials still count toward the cycle they were earned in:
  renewal credit rewards learning completed during the cycle (states count
  activities "completed within the validity period" of the license), and the
  learning happened even if the credential has since lapsed. The line says
  it has expired.
* **Stack credentials** earn nothing themselves: a stack is awarded for its
  micro-credentials, each of which is already on its own line, so counting
  the stack too would count the same hours twice.
* **The cycle** is ``[starts_on, ends_on]``, both days inclusive; credentials
  earned before or after it earn nothing in it.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from evident.lib.dates import add_months

CENT = Decimal("0.01")
ZERO = Decimal("0")


class Basis(enum.StrEnum):
    PER_CREDENTIAL = "per_credential"
    PER_PD_HOUR = "per_pd_hour"


class LineStatus(enum.StrEnum):
    COUNTED = "counted"
    PARTLY_CAPPED = "partly_capped"
    CAPPED = "capped"
    OUTSIDE_CYCLE = "outside_cycle"
    ISSUER_NOT_COUNTED = "issuer_not_counted"
    REVOKED = "revoked"
    STACK = "stack"


@dataclass(frozen=True)
class Rule:
    """What ``count_credit`` needs of a credit rule.

    ``counted_issuers`` holds issuer keys (whatever the caller uses in
    ``CredentialLine.issuer``, e.g. organization ids); empty means any issuer
    counts. ``counted_issuer_names`` names them for the reason text.
    """

    unit_label: str
    basis: Basis
    amount: Decimal
    cycle_years: int = 5
    cap_per_cycle: Decimal | None = None
    renewal_requirement: Decimal | None = None
    counted_issuers: frozenset[str] = frozenset()
    counted_issuer_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class CredentialLine:
    """One credential on a transcript: when it was earned, from whom, and for how many PD hours."""

    key: str
    title: str
    earned_on: date
    issuer: str
    issuer_name: str
    pd_hours: Decimal
    revoked: bool = False
    expired: bool = False
    is_stack: bool = False


@dataclass(frozen=True)
class Cycle:
    starts_on: date
    ends_on: date  # the cycle's last day, inclusive

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.starts_on <= day <= self.ends_on


@dataclass(frozen=True)
class LineCredit:
    line: CredentialLine
    status: LineStatus
    credit: Decimal
    # What the line would earn without the cap (0 when it does not count at all).
    full_credit: Decimal
    reason: str

    @property
    def counts(self) -> bool:
        return self.status in (LineStatus.COUNTED, LineStatus.PARTLY_CAPPED)


@dataclass(frozen=True)
class CreditSummary:
    lines: list[LineCredit]  # in the order the credential lines were given
    cycle: Cycle
    total: Decimal
    requirement: Decimal | None
    remaining: Decimal | None
    percent: int | None
    met: bool
    capped: bool  # the cap held some credit back


def money(value: Decimal) -> Decimal:
    """Credit to 2 decimal places, half up."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def number_text(value: Decimal) -> str:
    """A credit amount as people write it: 18, 0.5, 6.67 (no trailing zeros, never exponent notation)."""
    text = f"{money(value):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def units(value: Decimal, label: str) -> str:
    """An amount with its unit, singular up to 1: "1 clock hour", "0.5 USBE credit", "18 PDPs"."""
    if value <= 1 and label.endswith("s") and not label.endswith("ss"):
        label = label[:-1]
    return f"{number_text(value)} {label}"


def cycle_end(starts_on: date, years: int) -> date:
    """The last day of a cycle of ``years`` years starting on ``starts_on`` (Feb 29 starts end on Feb 27/28)."""
    return add_months(starts_on, 12 * years) - timedelta(days=1)


def cycle_from(starts_on: date, years: int) -> Cycle:
    return Cycle(starts_on, cycle_end(starts_on, years))


def cycle_containing(anchor: date, years: int, today: date) -> Cycle:
    """The cycle containing ``today`` in a series of ``years``-long cycles beginning on ``anchor``.

    A ``today`` before ``anchor`` gets the first cycle. Raises ValueError for
    ``years`` below 1.
    """
    if years < 1:
        raise ValueError(f"A cycle lasts at least a year, not {years}.")
    if today < anchor:
        return cycle_from(anchor, years)
    # Jump close, then step: add_months clamps month ends, so step from the anchor each time.
    count = max(0, (today.year - anchor.year) // years - 1)
    while True:
        starts_on = add_months(anchor, 12 * years * count)
        cycle = cycle_from(starts_on, years)
        if today in cycle:
            return cycle
        count += 1


def default_cycle_anchor(first_earned_on: date | None, today: date) -> date:
    """Without a start date from the educator: January 1 of the year of their first credential (this year if none)."""
    return date((first_earned_on or today).year, 1, 1)


def line_value(rule: Rule, line: CredentialLine) -> Decimal:
    """What one credential is worth under the rule, before the cap."""
    if rule.basis == Basis.PER_PD_HOUR:
        return money(line.pd_hours * rule.amount)
    return money(rule.amount)


def _issuer_list(names: Sequence[str]) -> str:
    if not names:
        return "the issuers it names"
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def count_credit(rule: Rule, lines: Iterable[CredentialLine], cycle: Cycle) -> CreditSummary:
    """Each line's credit under ``rule`` in ``cycle``, the cycle's total and the progress toward renewal."""
    given = list(lines)
    unit = rule.unit_label
    results: dict[int, LineCredit] = {}
    candidates: list[tuple[int, CredentialLine, Decimal]] = []
    for index, line in enumerate(given):
        if line.revoked:
            results[index] = LineCredit(
                line, LineStatus.REVOKED, ZERO, ZERO, "Not counted: the issuer revoked this credential."
            )
        elif line.is_stack:
            results[index] = LineCredit(
                line,
                LineStatus.STACK,
                ZERO,
                ZERO,
                "A stack: its micro-credentials earn the credit, each on its own line, so it adds none itself.",
            )
        elif line.earned_on not in cycle:
            results[index] = LineCredit(
                line,
                LineStatus.OUTSIDE_CYCLE,
                ZERO,
                ZERO,
                f"Not counted: earned outside the current cycle "
                f"({cycle.starts_on:%b} {cycle.starts_on.day}, {cycle.starts_on.year} to "
                f"{cycle.ends_on:%b} {cycle.ends_on.day}, {cycle.ends_on.year}).",
            )
        elif rule.counted_issuers and line.issuer not in rule.counted_issuers:
            results[index] = LineCredit(
                line,
                LineStatus.ISSUER_NOT_COUNTED,
                ZERO,
                ZERO,
                f"Not counted: this rule only counts credentials from {_issuer_list(rule.counted_issuer_names)}.",
            )
        else:
            candidates.append((index, line, line_value(rule, line)))

    total = ZERO
    capped = False
    cap = rule.cap_per_cycle
    expired_note = " It has expired since, but it was earned within this cycle, so it still counts."
    for index, line, value in sorted(candidates, key=lambda c: (c[1].earned_on, c[1].title, c[1].key)):
        note = expired_note if line.expired else ""
        if cap is None or total + value <= cap:
            credit, status = value, LineStatus.COUNTED
            reason = f"Counted: {units(value, unit)}." + note
        elif total < cap:
            credit, status = cap - total, LineStatus.PARTLY_CAPPED
            capped = True
            reason = (
                f"Partly counted: {number_text(credit)} of {units(value, unit)}; "
                f"the rest is over the cycle's cap of {units(cap, unit)}." + note
            )
        else:
            credit, status = ZERO, LineStatus.CAPPED
            capped = True
            reason = f"Not counted: over the cycle's cap of {units(cap, unit)}."
        total += credit
        results[index] = LineCredit(line, status, credit, value, reason)

    requirement = rule.renewal_requirement
    remaining = percent = None
    met = False
    if requirement is not None and requirement > 0:
        remaining = max(ZERO, requirement - total)
        met = total >= requirement
        percent = min(100, int((total * 100 / requirement).to_integral_value(rounding=ROUND_DOWN)))
    return CreditSummary(
        lines=[results[i] for i in range(len(given))],
        cycle=cycle,
        total=total,
        requirement=requirement,
        remaining=remaining,
        percent=percent,
        met=met,
        capped=capped,
    )


def describe(rule: Rule) -> str:
    """The rule's figures in one sentence, e.g. "6 PDPs per micro-credential; 60 PDPs to renew in 6 years; no cap."."""
    unit = rule.unit_label
    if rule.basis == Basis.PER_PD_HOUR:
        parts = [f"{units(rule.amount, unit)} per PD hour"]
    else:
        parts = [f"{units(rule.amount, unit)} per micro-credential"]
    years = f"{rule.cycle_years} year" if rule.cycle_years == 1 else f"{rule.cycle_years} years"
    if rule.renewal_requirement is not None:
        parts.append(f"{units(rule.renewal_requirement, unit)} to renew in {years}")
    else:
        parts.append(f"cycles of {years}")
    parts.append(f"at most {units(rule.cap_per_cycle, unit)} a cycle" if rule.cap_per_cycle else "no cap")
    if rule.counted_issuer_names:
        parts.append(f"only credentials from {_issuer_list(rule.counted_issuer_names)}")
    return "; ".join(parts) + "."
