"""Forecast (R21) on a history whose last 8 weeks repeat one week exactly,
with a pack expiring inside the horizon (the `repeating` fixture,
tests/advice/conftest.py). Everything below is counted by hand."""

from __future__ import annotations

from datetime import date

import numpy as np

from app.reports.forecast_model import backtest, project
from tests.reports.handmade import run_query, utc


def test_forecast_repeats_the_week_and_counts_the_expiry_r21(repeating):
    got = run_query(repeating.con, "forecast", "2026-03-02 00:00")
    assert got.columns == [
        "team",
        "balance",
        "burn_30d",
        "runs_out_on",
        "highest_rate",
        "tokens_at_risk",
        "forecast_30d",
        "backtest_error",
    ]
    # balance 160 + 300 = 460. burn_30d: windows in (2026-01-31, 2026-03-02]: the 20 weekdays
    # of 2 .. 27 February -> 200.
    # Projection: 10 tokens each weekday. A: 2-13 March (10 weekdays) -> 60 left; 16-19 March
    # (Mon-Thu) -> 20 left; A expires on Friday 20 March 00:00: 20 tokens at risk.
    # B (300) from Friday 20 March, 10 a weekday: the 30th weekday is Thursday 30 April
    # (20 Mar; 23-27; 30 Mar-3 Apr; 6-10; 13-17; 20-24; 27, 28, 29, 30 Apr = 1+5+5+5+5+5+4),
    # after which the balance is 0 < 10, the highest rate.
    # forecast_30d: 2-31 March = 22 weekdays -> 220.
    # backtest: every past 30-day projection of this history repeats the week exactly -> 0 %.
    assert got.row(0) == ("Design", 460, 200, date(2026, 4, 30), 10, 20, 220, 0.0)


def test_forecast_without_history_or_packs(hand):
    hand.team("Empty")
    got = run_query(hand.con, "forecast", "2026-03-02 00:00")
    # no charge: nothing projected, no highest rate, nothing to run out of, no backtest
    assert got.row(0) == ("Empty", 0, 0, None, None, 0, 0, None)


def test_weekly_profile_and_backtest_model():
    # Two weeks of 7, 0, 7, 0, 7, 14, 0 (day numbers 0..13): the profile per weekday is that
    # week, so the next 7 days repeat it; an 8-week repetition is flagged.
    week = [7, 0, 7, 0, 7, 14, 0]
    out, model = project(np.array(week * 2, dtype=float), 0, 7)
    assert list(out) == week and not model.repeating
    out, model = project(np.array(week * 8, dtype=float), 0, 7)
    assert list(out) == week and model.repeating
    # Backtest on 6 weeks: cut 42 - 30 = 12 < 14: too short -> None.
    assert backtest(np.array(week * 6, dtype=float), 0) is None


def test_forecast_as_of_midday_drops_the_windows_already_open(repeating):
    # As of Monday 2 March 10:00 with that morning's 09:00 window charged (from A):
    # A has 150 left; Monday's projected window (09:00) is before the as-of, so it is not
    # projected again: A then runs 3-13 March (9 weekdays, 90) -> 60, 16-19 March -> 20 at risk.
    repeating.charge("2026-03-02 09:00", "alice@firm.test", "RVT", "Design", 10, [("A", 10)])
    got = run_query(repeating.con, "forecast", "2026-03-02 10:00").row(0, named=True)
    assert (got["balance"], got["tokens_at_risk"], got["runs_out_on"]) == (450, 20, date(2026, 4, 30))
    # the next 30 days from Monday 10:00: the 21 weekdays of 3-31 March -> 210
    assert got["forecast_30d"] == 210
    assert utc("2026-03-02 10:00").weekday() == 0


def test_yearly_pattern_scales_the_weekly_profile_r21():
    # 421 days = a year + 8 weeks. Every day 10 tokens, except: last year, from day 56 on
    # (the stretch a year before the projection) 20 tokens; and in the last 8 weeks one
    # weekday alternates 5 / 15 (mean 10, so the profile is 10 every day, but the weeks do not
    # repeat, so the yearly pattern applies).
    h = np.full(421, 10.0)
    h[56:120] = 20.0
    for w in range(8):
        h[365 + 7 * w] = 5.0 if w % 2 == 0 else 15.0
    out, model = project(h, 0, 11)
    assert model.yearly and not model.repeating
    # day 0 <- a year before: days 53..59 = 10, 10, 10, 20, 20, 20, 20 -> mean 110 / 7 against
    # last year's profile weeks (days 0..55, mean 10): 10 x 11 / 7 = 15.714...
    assert abs(out[0] - 110 / 7) < 1e-9
    # day 10 <- days 63..69, all 20: twice the profile
    assert abs(out[10] - 20.0) < 1e-9
