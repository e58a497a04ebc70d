"""R13-R16: pack validity, draw-down order, balance and denials, by hand.

ACAD costs 7 tokens a day (shipped rate, idle detection since 2023).
A "day" helper works 09:00-10:00 UTC, one window per day.
"""

from __future__ import annotations

from datetime import UTC, datetime

from tests.engine.conftest import work


def day(b, date, user="ann", product="ACAD", start="09:00", end="10:00", **attrs):
    work(b, f"{user}-{product}-{date}-{start}", user, product, f"{date}T{start}:00Z", f"{date}T{end}:00Z", **attrs)


def pack_state(b, as_of):
    rows = b.con.execute(
        "SELECT pack_id, consumed, forfeited, remaining FROM v_pack_state(?) ORDER BY pack_id", [as_of]
    ).fetchall()
    return {r[0]: r[1:] for r in rows}


def test_r14_small_pack_drawn_before_large_pack_of_same_expiry(b):
    b.pack("LARGE", "T1", 5000, "2026-01-01")
    b.pack("SMALL", "T1", 500, "2026-01-01")
    day(b, "2026-03-02")
    b.recompute()
    assert b.allocations() == {("2026-03-02T09:00:00Z", "ann", "ACAD"): [("SMALL", 7)]}


def test_r14_earliest_expiry_first_even_if_larger(b):
    b.pack("OLD", "T1", 5000, "2025-12-01")
    b.pack("NEW", "T1", 100, "2026-01-01")
    day(b, "2026-03-02")
    b.recompute()
    assert b.allocations() == {("2026-03-02T09:00:00Z", "ann", "ACAD"): [("OLD", 7)]}


def test_r14_same_expiry_and_size_ordered_by_pack_id(b):
    b.pack("P-b", "T1", 100, "2026-01-01")
    b.pack("P-a", "T1", 100, "2026-01-01")
    day(b, "2026-03-02")
    b.recompute()
    assert b.allocations() == {("2026-03-02T09:00:00Z", "ann", "ACAD"): [("P-a", 7)]}
    ranks = b.con.execute("SELECT pack_id, draw_rank FROM v_packs ORDER BY pack_id").fetchall()
    assert ranks == [("P-a", 1), ("P-b", 2)]


def test_r14_charge_split_across_two_packs(b):
    b.pack("A", "T1", 10, "2026-01-01")
    b.pack("B", "T1", 100, "2026-02-01")
    day(b, "2026-03-02")
    day(b, "2026-03-03")
    b.recompute()
    assert b.allocations() == {
        ("2026-03-02T09:00:00Z", "ann", "ACAD"): [("A", 7)],
        ("2026-03-03T09:00:00Z", "ann", "ACAD"): [("A", 3), ("B", 4)],
    }
    # consumed + forfeited + remaining = tokens
    assert pack_state(b, datetime(2026, 6, 1, tzinfo=UTC)) == {"A": (10, 0, 0), "B": (4, 0, 96)}


def test_r13_pack_expiring_with_tokens_left_is_forfeited(b):
    b.pack("A", "T1", 100, "2025-03-01")  # usable until 2026-03-01 00:00 UTC
    b.pack("B", "T1", 100, "2026-01-01")
    day(b, "2026-02-27")
    day(b, "2026-03-02")
    b.recompute()
    assert b.allocations() == {
        ("2026-02-27T09:00:00Z", "ann", "ACAD"): [("A", 7)],
        ("2026-03-02T09:00:00Z", "ann", "ACAD"): [("B", 7)],
    }
    assert pack_state(b, datetime(2026, 2, 28, tzinfo=UTC)) == {"A": (7, 0, 93), "B": (0, 0, 100)}
    assert pack_state(b, datetime(2026, 6, 1, tzinfo=UTC)) == {"A": (7, 93, 0), "B": (7, 0, 93)}


def test_r13_pack_is_not_usable_at_its_expiry_instant(b):
    b.pack("A", "T1", 100, "2025-03-01")
    b.pack("B", "T1", 100, "2026-01-01")
    work(b, "s", "ann", "ACAD", "2026-03-01T00:00:00Z", "2026-03-01T01:00:00Z")
    b.recompute()
    assert b.allocations() == {("2026-03-01T00:00:00Z", "ann", "ACAD"): [("B", 7)]}


def test_r13_pack_bought_on_29_february_expires_on_28_february(b):
    b.pack("LEAP", "T1", 100, "2024-02-29")
    row = b.con.execute("SELECT expires_on, valid_until FROM v_packs").fetchall()[0]
    assert str(row[0]) == "2025-02-28"
    work(b, "before", "ann", "ACAD", "2025-02-27T23:00:00Z", "2025-02-27T23:30:00Z")
    work(b, "at", "bob", "ACAD", "2025-02-28T00:00:00Z", "2025-02-28T00:30:00Z")
    b.recompute()
    assert b.charges() == [("2025-02-27T23:00:00Z", "ann", "ACAD", "T1", 7)]
    assert b.denials() == [("2025-02-28T00:00:00Z", "bob", "ACAD", "T1", "insufficient_balance")]


def test_r13_pack_bought_later_the_same_day_is_usable_from_midnight(b):
    b.pack("A", "T1", 100, "2026-03-03")
    day(b, "2026-03-02", start="23:00", end="23:30")  # before the purchase day: denied
    day(b, "2026-03-03", start="00:00", end="00:30")  # the purchase day from 00:00: charged
    b.recompute()
    assert b.denials() == [("2026-03-02T23:00:00Z", "ann", "ACAD", "T1", "insufficient_balance")]
    assert b.charges() == [("2026-03-03T00:00:00Z", "ann", "ACAD", "T1", 7)]


def test_r16_balance_below_rate_denied_nothing_drawn_next_run_tries_again(b):
    b.pack("A", "T1", 10, "2026-01-01")
    b.pack("B", "T1", 7, "2026-03-04")
    for d in ("2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05"):
        day(b, d)
    b.recompute()
    # 3/2: A 10 -> 3. 3/3: 3 < 7 denied. 3/4: B bought: 3 + 4. 3/5: 3 < 7 denied.
    assert b.charges() == [
        ("2026-03-02T09:00:00Z", "ann", "ACAD", "T1", 7),
        ("2026-03-04T09:00:00Z", "ann", "ACAD", "T1", 7),
    ]
    assert b.denials() == [
        ("2026-03-03T09:00:00Z", "ann", "ACAD", "T1", "insufficient_balance"),
        ("2026-03-05T09:00:00Z", "ann", "ACAD", "T1", "insufficient_balance"),
    ]
    assert b.allocations()[("2026-03-04T09:00:00Z", "ann", "ACAD")] == [("A", 3), ("B", 4)]


def test_r16_denial_skips_the_rest_of_the_run_covered_until_unchanged(b):
    # Version 2022: no idle detection, one run from 3/3 09:00 to 3/4 12:00.
    # Denied at 3/3 09:00 (balance 3); the pack bought 3/4 cannot rescue the
    # rest of that run. The next run (3/5 09:00) is charged.
    b.pack("A", "T1", 10, "2026-01-01")
    b.pack("B", "T1", 7, "2026-03-04")
    day(b, "2026-03-02")
    b.session(
        "long", "ann", "ACAD", [("2026-03-03T09:00:00Z", "login"), ("2026-03-04T12:00:00Z", "logout")], version="2022"
    )
    day(b, "2026-03-05")
    b.recompute()
    assert b.charges() == [
        ("2026-03-02T09:00:00Z", "ann", "ACAD", "T1", 7),
        ("2026-03-05T09:00:00Z", "ann", "ACAD", "T1", 7),
    ]
    assert b.denials() == [("2026-03-03T09:00:00Z", "ann", "ACAD", "T1", "insufficient_balance")]


def test_r16_charges_applied_by_instant_then_user_then_product(b):
    b.pack("A", "T1", 17, "2026-01-01")
    day(b, "2026-03-02", user="bob")
    day(b, "2026-03-02", user="ann", product="RVT")
    day(b, "2026-03-02", user="ann")
    b.recompute()
    # Same instant: ann/ACAD 7 (17 -> 10), ann/RVT 10 (-> 0), bob/ACAD denied.
    assert b.charges() == [
        ("2026-03-02T09:00:00Z", "ann", "ACAD", "T1", 7),
        ("2026-03-02T09:00:00Z", "ann", "RVT", "T1", 10),
    ]
    assert b.denials() == [("2026-03-02T09:00:00Z", "bob", "ACAD", "T1", "insufficient_balance")]


def test_r16_team_without_packs_is_denied(b):
    b.pack("A", "T2", 100, "2026-01-01")
    day(b, "2026-03-02", team="T1")
    b.recompute()
    assert b.charges() == []
    assert b.denials() == [("2026-03-02T09:00:00Z", "ann", "ACAD", "T1", "insufficient_balance")]


def test_r15_balance_is_remaining_of_valid_packs(b):
    b.pack("A", "T1", 100, "2025-03-01")
    b.pack("B", "T1", 50, "2026-01-01")
    b.pack("C", "T1", 30, "2026-06-01")
    day(b, "2026-02-02")
    b.recompute()
    balance = b.con.execute(
        "SELECT sum(remaining) FROM v_pack_state(?) WHERE valid_now AND team = 'T1'",
        [datetime(2026, 3, 15, tzinfo=UTC)],
    ).fetchall()[0][0]
    # A expired 2026-03-01 (forfeits 93), C not bought yet: balance = B's 50.
    assert balance == 50


def test_r15_team_balances_view(b):
    b.pack("A", "T1", 100, "2025-03-01")  # expired by the as-of: counts nothing
    b.pack("B", "T1", 50, "2026-01-01")
    b.team("T2")  # a team without packs
    day(b, "2026-03-02")
    b.recompute()
    rows = b.con.execute(
        "SELECT team, balance, consumed, forfeited FROM v_team_balances(?) ORDER BY team",
        [datetime(2026, 3, 15, tzinfo=UTC)],
    ).fetchall()
    # The 3/2 charge draws 7 from B (A expired 3/1 with 100 left, forfeited).
    assert rows == [("T1", 43, 7, 100), ("T2", 0, 0, 0)]
