"""The demand model of the forecast (R21): a team's daily tokens projected
forward from its own history. Pure: arrays of whole UTC days in, arrays out.

Method (README, "Forecast"): a weekly profile, the mean of each weekday
over the last ``WEEKS`` complete weeks (weekdays against weekends, per
team); where a year of history exists (365 days + those weeks), each
projected day is scaled by how last year's same stretch compared with last
year's profile weeks (the yearly pattern). On a history whose last 8 weeks
repeat one week exactly, the profile is that week and the projection repeats
it exactly (R21's decision); the yearly scaling is skipped there.

Backtest: at past days t (weekly steps, most recent first), the 30-day
projection made from the history before t against the tokens charged in
[t, t + 30); the error is the mean absolute percentage error (MAPE, in %)
over the instants whose actual is not zero.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

WEEKS = 8  # R21: the last eight weeks decide the weekly profile
YEAR = 365
MONTH = 30  # forecast_30d and the backtest's horizon
BACKTEST_INSTANTS = 12  # weekly instants back in time
YEARLY_CLIP = (0.25, 4.0)  # a yearly factor outside this is noise, not season


@dataclass(frozen=True)
class Model:
    """What a projection was made from (shown in the README's method)."""

    profile: np.ndarray  # 7 values, indexed by day number % 7
    repeating: bool  # the last 8 weeks repeat one week exactly
    yearly: bool  # the yearly scaling applied


def project(history: np.ndarray, first_day: int, horizon: int) -> tuple[np.ndarray, Model]:
    """Daily demand for days ``first_day + len(history) + k``, k < horizon.
    ``history[i]`` = tokens charged on day ``first_day + i`` (complete days,
    the last one the day before the projection starts). Days are integers
    (days since the epoch), so ``day % 7`` is a fixed weekday."""
    n = len(history)
    start = first_day + n
    days = start + np.arange(horizon)
    if n == 0:
        return np.zeros(horizon), Model(np.zeros(7), False, False)
    weeks = min(WEEKS, max(1, n // 7))
    recent = history[n - 7 * weeks :] if n >= 7 else history
    recent_days = start - len(recent) + np.arange(len(recent))
    profile = np.zeros(7)
    for weekday in range(7):
        values = recent[recent_days % 7 == weekday]
        profile[weekday] = values.mean() if len(values) else recent.mean()
    repeating = n >= 7 * WEEKS and bool(np.all(recent.reshape(WEEKS, 7) == recent[-7:]))
    out = profile[days % 7]
    yearly = False
    if not repeating and n >= YEAR + 7 * weeks:
        # last year's stretch around each projected day against last year's profile weeks
        base = history[n - YEAR - 7 * weeks : n - YEAR].mean()
        if base > 0:
            idx = np.clip(np.arange(horizon) + n - YEAR, 0, n - 1)
            lo = np.clip(idx - 3, 0, n - 1)
            hi = np.clip(idx + 4, 1, n)
            cums = np.r_[0.0, np.cumsum(history)]
            around = (cums[hi] - cums[lo]) / np.maximum(hi - lo, 1)
            out = out * np.clip(around / base, *YEARLY_CLIP)
            yearly = True
    return out, Model(profile, repeating, yearly)


def backtest(history: np.ndarray, first_day: int) -> float | None:
    """MAPE (%) of the 30-day projection made at past days; None where the
    history is too short (a month ahead and two weeks behind each instant)."""
    n = len(history)
    errors = []
    for k in range(BACKTEST_INSTANTS):
        cut = n - MONTH - 7 * k
        if cut < 14:
            break
        actual = history[cut : cut + MONTH].sum()
        if actual <= 0:
            continue
        projected, _ = project(history[:cut], first_day, MONTH)
        errors.append(abs(projected.sum() - actual) / actual)
    if not errors:
        return None
    return float(np.mean(errors) * 100)
