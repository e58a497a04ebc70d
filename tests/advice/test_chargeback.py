"""Chargeback (R23, R25) on hand-made charges: two packs of different
prices, packs without a price, a second currency, groups and --tz months.
Every cost below is worked out by hand from the pack prices."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.errors import UsageError
from tests.reports.handmade import run_query


@pytest.fixture
def firm(hand):
    h = hand
    # Token price table (R23): 100 -> 3.00, 500 -> 2.80, 1000 -> 2.60 USD.
    h.token_prices((100, "3.00", "USD"), (500, "2.80", "USD"), (1000, "2.60", "USD"))
    h.pack("A", "Design", 100, "2025-06-01", price="250.00")  # 2.50 a token
    h.pack("B", "Design", 1000, "2025-06-01", price="2000.00")  # 2.00 a token
    h.pack("C", "Design", 600, "2025-07-01")  # no price: largest size <= 600 is 500 -> 2.80
    h.pack("D", "Design", 50, "2025-07-01")  # no price, below every size: smallest (100) -> 3.00
    h.pack("E", "Build", 100, "2025-07-01", price="300.00", currency="EUR")  # 3.00 EUR a token
    h.group("alice@firm.test", "Arch")
    h.group("bob@firm.test", "Eng")
    h.charge("2026-01-05 09:00", "alice@firm.test", "RVT", "Design", 10, [("A", 10)])  # 25.00
    h.charge("2026-01-20 09:00", "bob@firm.test", "ACAD", "Design", 7, [("A", 7)])  # 17.50
    h.charge("2026-01-31 23:30", "alice@firm.test", "RVT", "Design", 10, [("B", 10)])  # 20.00
    h.charge("2026-02-03 09:00", "alice@firm.test", "RVT", "Design", 10, [("A", 5), ("B", 5)])  # 12.50 + 10.00
    h.charge("2026-02-10 09:00", "bob@firm.test", "ACAD", "Design", 7, [("C", 7)])  # 7 x 2.80 = 19.60
    h.charge("2026-02-11 09:00", "carol@firm.test", "RVT", "Design", 10, [("D", 10)])  # 10 x 3.00 = 30.00
    h.charge("2026-02-15 09:00", "bob@firm.test", "ACAD", "Build", 7, [("E", 7)])  # 21.00 EUR
    return h


def rows(frame):
    return [tuple(r) for r in frame.iter_rows()]


def test_chargeback_costs_each_pack_at_its_own_price_r23_r25(firm):
    got = run_query(firm.con, "chargeback", "2026-03-01 00:00")
    assert got.columns == ["month", "team", "group", "tokens", "cost", "currency"]
    assert rows(got) == [
        # Build's bob: 7 tokens of E at 300.00 / 100 = 21.00 EUR
        ("2026-01", "Design", "Arch", 20, Decimal("45.00"), "USD"),  # 10 x 2.50 + 10 x 2.00
        ("2026-01", "Design", "Eng", 7, Decimal("17.50"), "USD"),  # 7 x 2.50
        ("2026-02", "Build", "Eng", 7, Decimal("21.00"), "EUR"),
        ("2026-02", "Design", "(none)", 10, Decimal("30.00"), "USD"),  # carol has no group (R25)
        ("2026-02", "Design", "Arch", 10, Decimal("22.50"), "USD"),  # 5 x 2.50 + 5 x 2.00
        ("2026-02", "Design", "Eng", 7, Decimal("19.60"), "USD"),  # 7 x 2.80
    ]


def test_chargeback_months_follow_tz_r3(firm):
    # 2026-01-31 23:30 UTC is 2026-02-01 08:30 in Tokyo: alice's 20.00 moves to February.
    got = run_query(firm.con, "chargeback", "2026-03-01 00:00", tz="Asia/Tokyo", team="Design")
    arch = [r for r in rows(got) if r[2] == "Arch"]
    assert arch == [
        ("2026-01", "Design", "Arch", 10, Decimal("25.00"), "USD"),
        ("2026-02", "Design", "Arch", 20, Decimal("42.50"), "USD"),  # 20.00 + 22.50
    ]


def test_chargeback_as_of_and_period(firm):
    # R4: as of 2026-02-05 the charges of 10, 11 and 15 February do not exist yet;
    # --since keeps the windows opened from 2026-02-01 (UTC day).
    got = run_query(firm.con, "chargeback", "2026-02-05 00:00", since=__import__("datetime").date(2026, 2, 1))
    assert rows(got) == [("2026-02", "Design", "Arch", 10, Decimal("22.50"), "USD")]


def test_tz_refused_where_no_month_or_day(firm):
    with pytest.raises(UsageError, match="chargeback"):
        run_query(firm.con, "packs", "2026-03-01 00:00", tz="Asia/Tokyo")
