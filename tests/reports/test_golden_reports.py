"""Golden tests of each report's SQL on hand-made rows (two_teams in
conftest.py). Every expected frame is worked out by hand from the rows and
the rules cited; nothing is copied from a program's output."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from app.errors import UsageError
from tests.reports.handmade import run_query, utc

UTC_DT = pl.Datetime("us", "UTC")


def frame(data: dict, schema: dict) -> pl.DataFrame:
    return pl.DataFrame(data, schema=schema)


CHARGES_SCHEMA = {
    "window_start": UTC_DT,
    "window_end": UTC_DT,
    "user": pl.String,
    "product": pl.String,
    "team": pl.String,
    "tokens": pl.Int64,
}


def test_charges_as_of_hides_windows_opened_later_r4(two_teams):
    # R4: the 2026-03-02 window opens after the as-of instant.
    got = run_query(two_teams.con, "charges", "2026-02-28 12:00")
    expected = frame(
        {
            "window_start": [
                utc("2026-02-02 08:00"),
                utc("2026-02-10 23:30"),
                utc("2026-02-25 09:00"),
                utc("2026-02-28 10:00"),
            ],
            "window_end": [
                utc("2026-02-03 08:00"),
                utc("2026-02-11 23:30"),
                utc("2026-02-26 09:00"),
                utc("2026-03-01 10:00"),
            ],
            "user": ["alice@firm.test", "bob@firm.test", "alice@firm.test", "bob@firm.test"],
            "product": ["ACAD", "RVT", "RVT", "ACAD"],
            "team": ["Design", "Design", "Design", "Build"],
            "tokens": [7, 10, 10, 7],
        },
        CHARGES_SCHEMA,
    )
    assert_frame_equal(got, expected)


def test_charges_team_and_inclusive_period_on_window_start_day(two_teams):
    # --since 2026-02-10 --until 2026-02-25: both days included (UTC days).
    got = run_query(
        two_teams.con, "charges", "2026-03-31 00:00", team="Design", since=date(2026, 2, 10), until=date(2026, 2, 25)
    )
    assert got["window_start"].to_list() == [utc("2026-02-10 23:30"), utc("2026-02-25 09:00")]
    assert got["tokens"].to_list() == [10, 10]


def test_charges_sorted_by_window_start_then_user_then_product(hand):
    hand.team("T")
    hand.charge("2026-01-05 09:00", "zoe@firm.test", "ACAD", "T", 7)
    hand.charge("2026-01-05 09:00", "amy@firm.test", "RVT", "T", 10)
    hand.charge("2026-01-05 09:00", "amy@firm.test", "ACAD", "T", 7)
    hand.charge("2026-01-04 09:00", "zoe@firm.test", "RVT", "T", 10)
    got = run_query(hand.con, "charges", "2026-02-01 00:00")
    assert list(zip(got["user"], got["product"])) == [
        ("zoe@firm.test", "RVT"),
        ("amy@firm.test", "ACAD"),
        ("amy@firm.test", "RVT"),
        ("zoe@firm.test", "ACAD"),
    ]


def test_denials_team_empty_for_team_unresolved_and_team_filter(two_teams):
    got = run_query(two_teams.con, "denials", "2026-03-01 00:00")
    expected = frame(
        {
            "ts": [utc("2026-02-26 07:00"), utc("2026-02-27 12:00")],
            "user": ["bob@firm.test", "carol@firm.test"],
            "product": ["RVT", "ACAD"],
            "team": ["Build", None],
            "reason": ["insufficient_balance", "team_unresolved"],
        },
        {"ts": UTC_DT, "user": pl.String, "product": pl.String, "team": pl.String, "reason": pl.String},
    )
    assert_frame_equal(got, expected)
    # A team_unresolved denial belongs to no team (R12): not in Build's list.
    only_build = run_query(two_teams.con, "denials", "2026-03-01 00:00", team="Build")
    assert only_build["reason"].to_list() == ["insufficient_balance"]
    # R4: before the first denial, nothing.
    assert run_query(two_teams.con, "denials", "2026-02-26 06:59:59").is_empty()


PACKS_SCHEMA = {
    "pack_id": pl.String,
    "team": pl.String,
    "tokens": pl.Int64,
    "purchased_on": pl.Date,
    "expires_on": pl.Date,
    "draw_rank": pl.Int64,
    "consumed": pl.Int64,
    "forfeited": pl.Int64,
    "remaining": pl.Int64,
}


def test_packs_before_expiry_r13_r14(two_teams):
    # 2026-02-28 12:00: P-500 drew 7+10+10 = 27 (R14: smaller of the same
    # expiry first); nothing expired yet; P-NEW (bought 02-20) is shown.
    got = run_query(two_teams.con, "packs", "2026-02-28 12:00")
    expected = frame(
        {
            "pack_id": ["B-1", "P-500", "P-5000", "P-NEW"],
            "team": ["Build", "Design", "Design", "Design"],
            "tokens": [100, 500, 5000, 100],
            "purchased_on": [date(2025, 6, 1), date(2025, 3, 1), date(2025, 3, 1), date(2026, 2, 20)],
            "expires_on": [date(2026, 6, 1), date(2026, 3, 1), date(2026, 3, 1), date(2027, 2, 20)],
            "draw_rank": [1, 1, 2, 3],
            "consumed": [7, 27, 0, 0],
            "forfeited": [0, 0, 0, 0],
            "remaining": [93, 473, 5000, 100],
        },
        PACKS_SCHEMA,
    )
    assert_frame_equal(got, expected)


def test_packs_after_expiry_forfeit_what_is_left_r13(two_teams):
    # 2026-03-05: P-500 and P-5000 expired on 2026-03-01 00:00 UTC: what was
    # left is forfeited; P-NEW paid the 2026-03-02 window (7).
    got = run_query(two_teams.con, "packs", "2026-03-05 00:00", team="Design")
    assert got.select("pack_id", "consumed", "forfeited", "remaining").rows() == [
        ("P-500", 27, 473, 0),
        ("P-5000", 0, 5000, 0),
        ("P-NEW", 7, 0, 93),
    ]
    # consumed + forfeited + remaining = tokens, for every pack.
    assert (got["consumed"] + got["forfeited"] + got["remaining"]).to_list() == got["tokens"].to_list()


def test_packs_expiry_is_at_midnight_utc_r13(two_teams):
    # One second before 2026-03-01 00:00 UTC the pack still holds its tokens.
    before = run_query(two_teams.con, "packs", "2026-02-28 23:59:59", team="Design")
    at = run_query(two_teams.con, "packs", "2026-03-01 00:00", team="Design")
    assert before.filter(pl.col("pack_id") == "P-500")["remaining"].item() == 473
    assert at.filter(pl.col("pack_id") == "P-500").select("forfeited", "remaining").row(0) == (473, 0)


def test_packs_bought_after_as_of_are_not_shown_r4(two_teams):
    got = run_query(two_teams.con, "packs", "2026-02-15 00:00", team="Design")
    # P-NEW is bought on 02-20; at 02-15 only the first two charges drew.
    assert got.select("pack_id", "consumed").rows() == [("P-500", 17), ("P-5000", 0)]
    # Bought on the as-of day itself: usable from 00:00 UTC that day (R13).
    same_day = run_query(two_teams.con, "packs", "2026-02-20 00:00", team="Design")
    assert same_day["pack_id"].to_list() == ["P-500", "P-5000", "P-NEW"]


def test_packs_period_filters_on_purchased_on(two_teams):
    got = run_query(two_teams.con, "packs", "2026-03-05 00:00", since=date(2026, 1, 1))
    assert got["pack_id"].to_list() == ["P-NEW"]


BALANCES_SCHEMA = {
    "team": pl.String,
    "balance": pl.Int64,
    "burn_30d": pl.Int64,
    "runway_days": pl.Int64,
    "next_expiry": pl.Date,
    "expiring_90d": pl.Int64,
}


def test_balances_r15_r21(two_teams):
    # 2026-02-28 12:00.
    # Design: balance 473 + 5000 + 100 = 5573; burn (01-29 12:00, 02-28 12:00]
    # = 7 + 10 + 10 = 27; runway floor(5573 / (27/30)) = floor(6192.2) = 6192;
    # next expiry 2026-03-01; expiring by 05-29 12:00: 473 + 5000 = 5473.
    # Build: 93, burn 7, runway floor(93 * 30 / 7) = floor(398.57) = 398;
    # B-1 expires 2026-06-01, after the 90 days: 0.
    # Empty: no pack, no burn: runway empty (NULL), not infinite.
    got = run_query(two_teams.con, "balances", "2026-02-28 12:00")
    expected = frame(
        {
            "team": ["Build", "Design", "Empty"],
            "balance": [93, 5573, 0],
            "burn_30d": [7, 27, 0],
            "runway_days": [398, 6192, None],
            "next_expiry": [date(2026, 6, 1), date(2026, 3, 1), None],
            "expiring_90d": [0, 5473, 0],
        },
        BALANCES_SCHEMA,
    )
    assert_frame_equal(got, expected)


def test_balances_after_expiry_only_valid_packs_count_r13_r15(two_teams):
    # 2026-03-05: Design holds only P-NEW (100 - 7 = 93); burn (02-03, 03-05]
    # = 10 + 10 + 7 = 27 (the 02-02 window is out); runway floor(93*30/27) = 103.
    got = run_query(two_teams.con, "balances", "2026-03-05 00:00", team="Design")
    expected = frame(
        {
            "team": ["Design"],
            "balance": [93],
            "burn_30d": [27],
            "runway_days": [103],
            "next_expiry": [date(2027, 2, 20)],
            "expiring_90d": [0],
        },
        BALANCES_SCHEMA,
    )
    assert_frame_equal(got, expected)


def test_balances_burn_window_is_the_30_days_before_as_of_r21(two_teams):
    # The 2026-02-02 08:00 window is exactly 30 days before 2026-03-04 08:00:
    # outside (as_of - 30 d, as_of]; one second earlier it is inside.
    at = run_query(two_teams.con, "balances", "2026-03-04 08:00", team="Design")
    before = run_query(two_teams.con, "balances", "2026-03-04 07:59:59", team="Design")
    assert at["burn_30d"].item() == 27
    assert before["burn_30d"].item() == 34


def test_balances_next_expiry_skips_empty_packs(hand):
    hand.pack("EMPTY", "T", 7, "2026-01-01")
    hand.pack("FULL", "T", 100, "2026-01-10")
    hand.charge("2026-01-05 09:00", "amy@firm.test", "ACAD", "T", 7, [("EMPTY", 7)])
    got = run_query(hand.con, "balances", "2026-02-01 00:00")
    assert got.select("balance", "next_expiry").row(0) == (100, date(2027, 1, 10))


DAILY_SCHEMA = {
    "day": pl.Date,
    "team": pl.String,
    "product": pl.String,
    "users": pl.Int64,
    "windows": pl.Int64,
    "tokens": pl.Int64,
}


def test_daily_in_utc_r3(two_teams):
    got = run_query(two_teams.con, "daily", "2026-03-31 00:00", team="Design")
    expected = frame(
        {
            "day": [date(2026, 2, 2), date(2026, 2, 10), date(2026, 2, 25), date(2026, 3, 2)],
            "team": ["Design"] * 4,
            "product": ["ACAD", "RVT", "RVT", "ACAD"],
            "users": [1, 1, 1, 1],
            "windows": [1, 1, 1, 1],
            "tokens": [7, 10, 10, 7],
        },
        DAILY_SCHEMA,
    )
    assert_frame_equal(got, expected)


def test_daily_in_paris_moves_a_2330_utc_window_to_the_next_day_r3(two_teams):
    # 2026-02-10 23:30 UTC is 2026-02-11 00:30 in Paris (UTC+1 in winter);
    # the tokens charged do not change (R3).
    utc_days = run_query(two_teams.con, "daily", "2026-03-31 00:00", team="Design")
    paris = run_query(two_teams.con, "daily", "2026-03-31 00:00", team="Design", tz="Europe/Paris")
    assert paris["day"].to_list() == [date(2026, 2, 2), date(2026, 2, 11), date(2026, 2, 25), date(2026, 3, 2)]
    assert paris["tokens"].sum() == utc_days["tokens"].sum() == 34
    # --since/--until apply to the day in the reporting zone.
    one_day = run_query(
        two_teams.con, "daily", "2026-03-31 00:00", tz="Europe/Paris", since=date(2026, 2, 11), until=date(2026, 2, 11)
    )
    assert one_day.rows() == [(date(2026, 2, 11), "Design", "RVT", 1, 1, 10)]


def test_daily_counts_distinct_users_and_windows(hand):
    hand.charge("2026-01-05 08:00", "amy@firm.test", "ACAD", "T", 7)
    hand.charge("2026-01-05 09:00", "zoe@firm.test", "ACAD", "T", 7)
    hand.charge("2026-01-05 10:00", "amy@firm.test", "ACAD", "U", 7)
    hand.charge("2026-01-05 11:00", "zoe@firm.test", "RVT", "T", 10)
    got = run_query(hand.con, "daily", "2026-02-01 00:00")
    assert got.rows() == [
        (date(2026, 1, 5), "T", "ACAD", 2, 2, 14),
        (date(2026, 1, 5), "T", "RVT", 1, 1, 10),
        (date(2026, 1, 5), "U", "ACAD", 1, 1, 7),
    ]


def test_rejects_sorted_by_file_then_line(hand):
    hand.reject(1, "b.csv", 7, "naive timestamp (R2)", "2026-01-01T09:00,login")
    hand.reject(1, "b.csv", 3, "unknown event", "x,y")
    hand.reject(2, "a.csv", 12, "missing column", "z", imported_at="2026-02-03 10:00")
    got = run_query(hand.con, "rejects", "2026-03-01 00:00")
    expected = frame(
        {
            "file": ["a.csv", "b.csv", "b.csv"],
            "line": [12, 3, 7],
            "reason": ["missing column", "unknown event", "naive timestamp (R2)"],
            "raw": ["z", "x,y", "2026-01-01T09:00,login"],
        },
        {"file": pl.String, "line": pl.Int64, "reason": pl.String, "raw": pl.String},
    )
    assert_frame_equal(got, expected)
    # R4: the a.csv import happened after 2026-02-02.
    assert run_query(hand.con, "rejects", "2026-02-02 00:00")["file"].to_list() == ["b.csv", "b.csv"]


@pytest.mark.parametrize(
    ("name", "kw", "message"),
    [
        ("charges", {"team": "Nobody"}, "known teams are: Build, Design, Empty"),
        ("balances", {"since": date(2026, 1, 1)}, "point in time"),
        ("charges", {"tz": "Europe/Paris"}, "applies to daily, chargeback, reconcile, gaps only"),
        ("rejects", {"team": "Design"}, "no team"),
        ("charges", {"since": date(2026, 2, 2), "until": date(2026, 2, 1)}, "after --until"),
        ("daily", {"tz": "Mars/Olympus"}, "unknown time zone"),
        ("nonsense", {}, "the reports are"),
    ],
)
def test_what_a_report_cannot_honour_is_a_clear_usage_error(two_teams, name, kw, message):
    with pytest.raises(UsageError, match=message):
        run_query(two_teams.con, name, "2026-03-01 00:00", **kw)


def test_build_runs_the_engines_as_of_unless_results_are_ready_r4(two_teams):
    from app import reports

    params = reports.ReportParams(as_of=utc("2026-02-28 12:00"))
    # The caller vouches for the results on the connection: hand rows stay.
    assert reports.build(two_teams.con, "charges", params, results_ready=True).height == 4
    # Otherwise the engine makes them valid at as_of from the events, and
    # this store has none (no stored run matches): no charges at all.
    assert reports.build(two_teams.con, "charges", params).is_empty()
