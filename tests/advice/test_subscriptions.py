"""Subscriptions (R20) on a small hand-made history. Shipped reference
data: token list price 3.00 USD (smallest pack size, 100), rates RVT 10 and
ACAD 7 tokens a day, prices RVT 2910.00 and ACAD 2030.00 USD, no price for
MOBU. Every figure is worked out by hand below."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from tests.reports.handmade import run_query, utc


@pytest.fixture
def history(hand):
    h = hand
    # The store's first event: 2026-01-01 (coverage counts from that UTC day).
    h.event("s0", "2026-01-01 08:00", "login", "alice@firm.test", "RVT", "2025")
    h.pack("P", "Design", 5000, "2025-12-01")  # no price: size 5000 -> 3.00 a token (R23)
    # 365 days before the as-of exactly: outside (as_of - 365 d, as_of].
    h.charge("2025-06-30 12:00", "alice@firm.test", "RVT", "Design", 10, [("P", 10)])
    start = utc("2026-01-02 09:00")
    for i in range(60):  # alice: 60 Revit windows, 2 January to 2 March
        t = (start + timedelta(days=i)).strftime("%Y-%m-%d %H:%M")
        h.charge(t, "alice@firm.test", "RVT", "Design", 10, [("P", 10)])
    for i in range(10):  # bob: 10 AutoCAD windows in April
        h.charge(f"2026-04-{i + 1:02d} 09:00", "bob@firm.test", "ACAD", "Design", 7, [("P", 7)])
    for i in range(5):  # carol: 5 MotionBuilder windows, a product without a price
        h.charge(f"2026-05-{i + 1:02d} 09:00", "carol@firm.test", "MOBU", "Design", 5, [("P", 5)])
    return h


def test_subscriptions_r20(history):
    got = run_query(history.con, "subscriptions", "2026-06-30 12:00")
    assert got.columns == [
        "user",
        "product",
        "days",
        "tokens",
        "flex_cost",
        "currency",
        "coverage_days",
        "annual_cost",
        "subscription_price",
        "break_even_days",
        "recommendation",
        "saving",
    ]
    # coverage: 2026-01-01 .. 2026-06-30, both counted = 31+28+31+30+31+30 = 181 days.
    # alice: 600 tokens x 3.00 = 1800.00; annual 1800 x 365 / 181 = 3629.834 -> 3629.83;
    #   break-even ceil(2910 / (10 x 3.00)) = 97; 3629.83 > 2910 -> subscription; saving 719.834 -> 719.83.
    # bob: 70 tokens x 3.00 = 210.00; annual 210 x 365 / 181 = 423.481 -> 423.48;
    #   break-even ceil(2030 / (7 x 3.00)) = ceil(96.67) = 97; flex; saving 423.481 - 2030 = -1606.52.
    # carol: 25 tokens x 3.00 = 75.00; annual 75 x 365 / 181 = 151.243 -> 151.24; no price.
    assert [tuple(r) for r in got.iter_rows()] == [
        ("alice@firm.test", "RVT", 60, 600, Decimal("1800.00"), "USD", 181, Decimal("3629.83"),
         Decimal("2910.00"), 97, "subscription", Decimal("719.83")),
        ("bob@firm.test", "ACAD", 10, 70, Decimal("210.00"), "USD", 181, Decimal("423.48"),
         Decimal("2030.00"), 97, "flex", Decimal("-1606.52")),
        ("carol@firm.test", "MOBU", 5, 25, Decimal("75.00"), "USD", 181, Decimal("151.24"),
         None, None, "no_price", None),
    ]  # fmt: skip


def test_subscriptions_insufficient_history_r20(history):
    # as of 2026-03-01 00:00: coverage 2026-01-01 .. 2026-03-01 = 31 + 28 + 1 = 60 days < 90.
    # alice's windows in (2025-03-01, 2026-03-01]: the one of 2025-06-30, then 2 January ..
    # 28 February = 30 + 28 -> 59 windows, 590 tokens, 1770.00;
    # annual 1770 x 365 / 60 = 10767.50; saving 10767.50 - 2910.00 = 7857.50.
    got = run_query(history.con, "subscriptions", "2026-03-01 00:00")
    assert [tuple(r) for r in got.iter_rows()] == [
        ("alice@firm.test", "RVT", 59, 590, Decimal("1770.00"), "USD", 60, Decimal("10767.50"),
         Decimal("2910.00"), 97, "insufficient_history", Decimal("7857.50")),
    ]  # fmt: skip


def test_imported_price_replaces_shipped_r20(history):
    history.con.execute("INSERT INTO prices_imported VALUES ('RVT', 4000.00, 'USD', 1)")
    got = run_query(history.con, "subscriptions", "2026-06-30 12:00")
    alice = got.row(0, named=True)
    # ceil(4000 / 30) = ceil(133.33) = 134; 3629.83 < 4000 -> flex; saving 3629.834 - 4000 = -370.17
    assert (alice["subscription_price"], alice["break_even_days"]) == (Decimal("4000.00"), 134)
    assert (alice["recommendation"], alice["saving"]) == ("flex", Decimal("-370.17"))


def test_collections_against_flex_r20(history):
    history.con.execute("DELETE FROM collection_prices_shipped")
    for product in ("ACAD", "RVT", "C3D"):
        history.con.execute(
            "INSERT INTO collection_prices_shipped VALUES ('AEC', ?, 3675.00, 'USD', 'test')", [product]
        )
    for i in range(10):  # alice also uses AutoCAD: 10 windows of 7 tokens = 70 x 3.00 = 210.00
        history.charge(f"2026-04-{i + 11:02d} 09:00", "alice@firm.test", "ACAD", "Design", 7, [("P", 7)])
    got = run_query(history.con, "collections", "2026-06-30 12:00")
    # alice: 1800.00 + 210.00 = 2010.00 over 181 days -> 2010 x 365 / 181 = 4053.315 -> 4053.31;
    # above 3675.00 -> collection, saving 378.31. bob (ACAD only) and carol (MOBU) use one product or none.
    assert [tuple(r) for r in got.iter_rows()] == [
        ("alice@firm.test", "AEC", "ACAD RVT", Decimal("2010.00"), "USD", 181, Decimal("4053.31"),
         Decimal("3675.00"), "collection", Decimal("378.31")),
    ]  # fmt: skip
