"""Golden tests of `report idle` on hand-made events (R5, R6, R4).

The shipped rate table says ACAD and RVT detect idleness from version 2023
(data/rates.csv). Expected seconds are worked out by hand below.
"""

from __future__ import annotations

from datetime import date

import polars as pl
from polars.testing import assert_frame_equal

from tests.reports.handmade import run_query


def _events(h):
    # s1: ACAD 2025 (idle detection). Active (R6): [09:00, 09:10 + 15 min =
    # 09:25] and [10:00, 10:15] = 1500 + 900 = 2400 s; span 09:00-10:30 = 5400 s.
    for ts, ev in [("09:00", "login"), ("09:10", "activity"), ("10:00", "activity"), ("10:30", "logout")]:
        h.event("s1", f"2026-03-02 {ts}", ev, "alice@firm.test", "ACAD", "2025", team="Design")
    # s2: ACAD 2022 (no idle detection): active over its whole span, 3600 s.
    for ts, ev in [("11:00", "login"), ("12:00", "logout")]:
        h.event("s2", f"2026-03-02 {ts}", ev, "alice@firm.test", "ACAD", "2022", team="Design")
    # s3: RVT 2024, no logout (R5: ends at its last event, 09:20): span 1200 s;
    # login and activity are 20 min apart: active [09:00, 09:15] + [09:20,
    # 09:20] = 900 s, idle-paused 300 s.
    for ts, ev in [("09:00", "login"), ("09:20", "activity")]:
        h.event("s3", f"2026-03-03 {ts}", ev, "bob@firm.test", "RVT", "2024", team="Build")


SCHEMA = {
    "user": pl.String,
    "product": pl.String,
    "sessions": pl.Int64,
    "span_seconds": pl.Int64,
    "active_seconds": pl.Int64,
    "idle_seconds": pl.Int64,
}


def test_idle_per_user_and_product_r5_r6(hand):
    _events(hand)
    got = run_query(hand.con, "idle", "2026-04-01 00:00")
    expected = pl.DataFrame(
        {
            "user": ["alice@firm.test", "bob@firm.test"],
            "product": ["ACAD", "RVT"],
            "sessions": [2, 1],
            "span_seconds": [9000, 1200],
            "active_seconds": [6000, 900],
            "idle_seconds": [3000, 300],
        },
        schema=SCHEMA,
    )
    assert_frame_equal(got, expected)


def test_idle_ignores_events_after_as_of_r4(hand):
    # At 10:20 on 03-02 s1 has seen 09:00, 09:10 and 10:00 only: span 3600 s,
    # active 1500 + 0 (the 10:00 stretch ends at the session's last event);
    # s2 and s3 have not started.
    _events(hand)
    got = run_query(hand.con, "idle", "2026-03-02 10:20")
    assert got.rows() == [("alice@firm.test", "ACAD", 1, 3600, 1500, 2100)]


def test_idle_team_and_period_filters(hand):
    _events(hand)
    build = run_query(hand.con, "idle", "2026-04-01 00:00", team="Build")
    assert build["user"].to_list() == ["bob@firm.test"]
    day_one = run_query(hand.con, "idle", "2026-04-01 00:00", until=date(2026, 3, 2))
    assert day_one.select("user", "sessions").rows() == [("alice@firm.test", 2)]
