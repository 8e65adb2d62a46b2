"""Counting credit under a rule: pure functions, no database."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from evident.programs.credit import (
    Basis,
    CredentialLine,
    Cycle,
    LineStatus,
    Rule,
    count_credit,
    cycle_containing,
    cycle_from,
    default_cycle_anchor,
    describe,
    line_value,
    number_text,
    units,
)

TENNESSEE = Rule(
    unit_label="PDPs",
    basis=Basis.PER_CREDENTIAL,
    amount=Decimal("6"),
    cycle_years=6,
    renewal_requirement=Decimal("60"),
)
NORTH_CAROLINA = Rule(
    unit_label="CEUs",
    basis=Basis.PER_PD_HOUR,
    amount=Decimal("0.1"),
    cycle_years=5,
    renewal_requirement=Decimal("8"),
)
CYCLE = Cycle(date(2024, 1, 1), date(2029, 12, 31))


def line(n: int, *, on: date | None = None, hours: str = "10", issuer: str = "1", **flags: bool) -> CredentialLine:
    return CredentialLine(
        key=f"award-{n}",
        title=f"Micro-credential {n}",
        earned_on=on or date(2025, 1, n),
        issuer=issuer,
        issuer_name=f"Issuer {issuer}",
        pd_hours=Decimal(hours),
        **flags,
    )


class TestPerCredential:
    def test_it_gives_tennessee_six_pdps_a_credential(self) -> None:
        summary = count_credit(TENNESSEE, [line(1), line(2), line(3)], CYCLE)
        assert [c.credit for c in summary.lines] == [Decimal("6")] * 3
        assert summary.total == Decimal("18")
        assert summary.remaining == Decimal("42") and summary.percent == 30 and not summary.met
        assert summary.lines[0].reason == "Counted: 6 PDPs."

    def test_it_ignores_pd_hours_when_the_rule_counts_credentials(self) -> None:
        assert line_value(TENNESSEE, line(1, hours="37.5")) == Decimal("6.00")

    def test_it_meets_the_requirement_at_exactly_sixty(self) -> None:
        summary = count_credit(TENNESSEE, [line(n) for n in range(1, 11)], CYCLE)
        assert summary.total == Decimal("60") and summary.met and summary.percent == 100
        assert summary.remaining == Decimal("0")

    def test_it_keeps_counting_past_the_requirement_without_a_cap(self) -> None:
        summary = count_credit(TENNESSEE, [line(n) for n in range(1, 13)], CYCLE)
        assert summary.total == Decimal("72") and summary.percent == 100 and not summary.capped


class TestPerPdHour:
    def test_it_gives_north_carolina_a_tenth_of_a_ceu_per_hour(self) -> None:
        summary = count_credit(NORTH_CAROLINA, [line(1, hours="15"), line(2, hours="10")], CYCLE)
        assert [c.credit for c in summary.lines] == [Decimal("1.50"), Decimal("1.00")]
        assert summary.total == Decimal("2.50") and summary.percent == 31

    def test_it_rounds_each_line_half_up_to_cents_and_totals_the_rounded_lines(self) -> None:
        lines = [line(1, hours="1.25"), line(2, hours="1.25"), line(3, hours="1.25")]
        summary = count_credit(NORTH_CAROLINA, lines, CYCLE)
        assert [c.credit for c in summary.lines] == [Decimal("0.13")] * 3
        assert summary.total == Decimal("0.39")

    def test_it_counts_delaware_clock_hours_one_for_one(self) -> None:
        delaware = Rule("clock hours", Basis.PER_PD_HOUR, Decimal("1"), 5, None, Decimal("90"))
        summary = count_credit(delaware, [line(1, hours="30"), line(2, hours="15.5")], CYCLE)
        assert summary.total == Decimal("45.50") and summary.percent == 50

    def test_progress_rounds_down_so_it_never_shows_full_before_it_is(self) -> None:
        summary = count_credit(NORTH_CAROLINA, [line(1, hours="79.9")], CYCLE)
        assert summary.total == Decimal("7.99") and summary.percent == 99 and not summary.met


class TestCap:
    RULE = Rule("USBE credits", Basis.PER_CREDENTIAL, Decimal("0.5"), 5, Decimal("1.2"), Decimal("6.67"))

    def test_the_line_crossing_the_cap_gets_the_remainder_and_the_next_gets_nothing(self) -> None:
        summary = count_credit(self.RULE, [line(1), line(2), line(3), line(4)], CYCLE)
        assert [c.credit for c in summary.lines] == [Decimal("0.5"), Decimal("0.5"), Decimal("0.2"), Decimal("0")]
        assert [c.status for c in summary.lines][2:] == [LineStatus.PARTLY_CAPPED, LineStatus.CAPPED]
        assert summary.total == Decimal("1.2") and summary.capped
        assert summary.lines[2].reason == (
            "Partly counted: 0.2 of 0.5 USBE credit; the rest is over the cycle's cap of 1.2 USBE credits."
        )
        assert summary.lines[3].reason == "Not counted: over the cycle's cap of 1.2 USBE credits."
        assert summary.lines[3].full_credit == Decimal("0.50")

    def test_the_cap_fills_oldest_first_whatever_order_the_lines_come_in(self) -> None:
        lines = [line(4), line(3), line(2), line(1)]  # newest first, as a transcript lists them
        summary = count_credit(self.RULE, lines, CYCLE)
        assert [c.credit for c in summary.lines] == [Decimal("0"), Decimal("0.2"), Decimal("0.5"), Decimal("0.5")]

    def test_a_line_landing_exactly_on_the_cap_counts_in_full(self) -> None:
        rule = Rule("PDPs", Basis.PER_CREDENTIAL, Decimal("6"), 6, Decimal("12"), Decimal("60"))
        summary = count_credit(rule, [line(1), line(2), line(3)], CYCLE)
        assert [c.status for c in summary.lines] == [LineStatus.COUNTED, LineStatus.COUNTED, LineStatus.CAPPED]

    def test_lines_that_do_not_count_use_none_of_the_cap(self) -> None:
        lines = [line(1, revoked=True), line(2, on=date(2020, 5, 1)), line(3), line(4), line(5)]
        summary = count_credit(self.RULE, lines, CYCLE)
        assert [c.credit for c in summary.lines] == [0, 0, Decimal("0.5"), Decimal("0.5"), Decimal("0.2")]


class TestWhatDoesNotCount:
    def test_it_never_counts_a_revoked_credential(self) -> None:
        summary = count_credit(TENNESSEE, [line(1, revoked=True), line(2, revoked=True, expired=True)], CYCLE)
        assert summary.total == 0
        assert {c.status for c in summary.lines} == {LineStatus.REVOKED}
        assert "revoked" in summary.lines[0].reason

    def test_it_counts_an_expired_credential_in_the_cycle_it_was_earned_in(self) -> None:
        summary = count_credit(TENNESSEE, [line(1, expired=True)], CYCLE)
        assert summary.total == Decimal("6") and summary.lines[0].counts
        assert "expired" in summary.lines[0].reason

    def test_it_leaves_out_credentials_earned_before_or_after_the_cycle(self) -> None:
        lines = [line(1, on=date(2023, 12, 31)), line(2, on=date(2024, 1, 1)), line(3, on=date(2030, 1, 1))]
        summary = count_credit(TENNESSEE, lines, CYCLE)
        assert [c.status for c in summary.lines] == [
            LineStatus.OUTSIDE_CYCLE,
            LineStatus.COUNTED,
            LineStatus.OUTSIDE_CYCLE,
        ]
        assert summary.lines[0].reason == "Not counted: earned outside the current cycle (Jan 1, 2024 to Dec 31, 2029)."

    def test_it_counts_only_the_issuers_the_rule_names(self) -> None:
        rule = Rule(
            "PDPs",
            Basis.PER_CREDENTIAL,
            Decimal("6"),
            6,
            None,
            Decimal("60"),
            counted_issuers=frozenset({"1", "2"}),
            counted_issuer_names=("Institute", "Teaching Forward"),
        )
        summary = count_credit(rule, [line(1, issuer="1"), line(2, issuer="3")], CYCLE)
        assert summary.total == Decimal("6")
        assert summary.lines[1].status == LineStatus.ISSUER_NOT_COUNTED
        assert (
            summary.lines[1].reason
            == "Not counted: this rule only counts credentials from Institute and Teaching Forward."
        )

    def test_a_stack_adds_nothing_so_its_hours_are_not_counted_twice(self) -> None:
        summary = count_credit(NORTH_CAROLINA, [line(1), line(2), line(3, hours="20", is_stack=True)], CYCLE)
        assert summary.total == Decimal("2.00")
        assert summary.lines[2].status == LineStatus.STACK

    def test_without_a_requirement_there_is_no_progress(self) -> None:
        rule = Rule("hours", Basis.PER_PD_HOUR, Decimal("1"))
        summary = count_credit(rule, [line(1)], CYCLE)
        assert summary.percent is None and summary.remaining is None and not summary.met


class TestCycles:
    def test_the_cycle_counts_from_january_first_of_the_first_credential_year(self) -> None:
        anchor = default_cycle_anchor(date(2019, 8, 14), date(2026, 3, 2))
        assert anchor == date(2019, 1, 1)
        assert cycle_containing(anchor, 5, date(2026, 3, 2)) == Cycle(date(2024, 1, 1), date(2028, 12, 31))

    def test_a_cycle_ends_the_day_before_the_next_begins(self) -> None:
        assert cycle_containing(date(2020, 7, 1), 6, date(2026, 6, 30)) == Cycle(date(2020, 7, 1), date(2026, 6, 30))
        assert cycle_containing(date(2020, 7, 1), 6, date(2026, 7, 1)) == Cycle(date(2026, 7, 1), date(2032, 6, 30))

    def test_a_day_before_the_anchor_gets_the_first_cycle(self) -> None:
        assert cycle_containing(date(2030, 1, 1), 5, date(2026, 1, 1)).starts_on == date(2030, 1, 1)

    def test_a_leap_day_start_ends_at_the_end_of_february(self) -> None:
        assert cycle_from(date(2024, 2, 29), 5).ends_on == date(2029, 2, 27)

    def test_without_credentials_the_cycle_starts_this_year(self) -> None:
        assert default_cycle_anchor(None, date(2026, 5, 5)) == date(2026, 1, 1)

    def test_a_cycle_of_no_years_is_refused(self) -> None:
        with pytest.raises(ValueError, match="at least a year"):
            cycle_containing(date(2020, 1, 1), 0, date(2026, 1, 1))


def test_numbers_are_written_without_trailing_zeros() -> None:
    assert [number_text(Decimal(v)) for v in ("18.00", "0.50", "6.667", "100")] == ["18", "0.5", "6.67", "100"]


def test_a_rule_describes_itself_in_one_sentence() -> None:
    assert describe(TENNESSEE) == "6 PDPs per micro-credential; 60 PDPs to renew in 6 years; no cap."
    capped = Rule("CEUs", Basis.PER_PD_HOUR, Decimal("0.1"), 5, Decimal("4"), None, frozenset({"1"}), ("Institute",))
    assert describe(capped) == (
        "0.1 CEU per PD hour; cycles of 5 years; at most 4 CEUs a cycle; only credentials from Institute."
    )


def test_units_are_singular_up_to_one() -> None:
    assert [units(Decimal(v), "clock hours") for v in ("1", "0.5", "2")] == [
        "1 clock hour",
        "0.5 clock hour",
        "2 clock hours",
    ]
