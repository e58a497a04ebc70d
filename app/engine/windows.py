"""Runs and 24-hour windows on numpy arrays (R7, R8, R9, R12).

Instants are int64 microseconds since the epoch (UTC, R1). Groups are
user x product pairs numbered 0..G-1 in the R16 order (user name, then
product code), so ordering windows by (opening instant, group) is the order
in which R16 applies charges.

Everything here is pure: arrays in, arrays out, no database.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

import numpy as np

from app.errors import FlexdashError

SECOND = 1_000_000
GRACE = 300 * SECOND  # R8: strictly more than 5 minutes opens a window
DAY = 86_400 * SECOND  # R1/R9: a window is exactly 24 h

_MAX_KEY = 2**62


@dataclass(frozen=True)
class Runs:
    """Maximal stretches of active use (R7), sorted by (group, start)."""

    group: np.ndarray
    start: np.ndarray
    end: np.ndarray


def _keyed(group: np.ndarray, t: np.ndarray, t0: int, span: int) -> np.ndarray:
    """One sortable int64 key per (group, instant): group-major, then time."""
    return group.astype(np.int64) * span + (t - t0)


def key_span(group_count: int, t_min: int, t_max: int) -> tuple[int, int]:
    """(t0, span) for :func:`_keyed`; the key must stay inside int64. The
    margin covers a window (24 h) and the grace past the latest instant."""
    t0 = int(t_min) - 2 * DAY
    span = int(t_max) - t0 + 4 * DAY
    if max(group_count, 1) * span >= _MAX_KEY:
        # About 144,000 user x product pairs per year of events fit in one
        # pass; app/engine/batches.py cuts larger sets into batches.
        days = span // DAY
        raise FlexdashError(
            f"{group_count:,} user x product pairs over {days:,} days of events do not fit "
            "one pass of int64 time keys (the engine batches them: app/engine/batches.py)"
        )
    return t0, span


def merge_runs(group, start, end, t0: int, span: int) -> Runs:
    """R7: the union of active intervals per group. Input sorted by
    (group, start, end). Intervals that touch or overlap form one run."""
    n = len(group)
    if n == 0:
        empty = np.zeros(0, dtype=np.int64)
        return Runs(empty, empty, empty)
    end_key = _keyed(group, end, t0, span)
    reach = np.maximum.accumulate(end_key)  # furthest end so far, group-keyed
    start_key = _keyed(group, start, t0, span)
    new_run = np.ones(n, dtype=bool)
    new_run[1:] = (group[1:] != group[:-1]) | (start_key[1:] > reach[:-1])
    first = np.flatnonzero(new_run)
    run_end = np.maximum.reduceat(end, first)
    return Runs(group[first].astype(np.int64), start[first].astype(np.int64), run_end.astype(np.int64))


def chargeable(runs: Runs) -> Runs:
    """R8: a run of 300 s or less can never open a window (if it starts
    after covered_until its whole length is at most 300 s; if
    covered_until falls inside it, even less remains), so drop it."""
    keep = (runs.end - runs.start) > GRACE
    return Runs(runs.group[keep], runs.start[keep], runs.end[keep])


def greedy_windows(runs: Runs, t0: int, span: int) -> tuple[np.ndarray, np.ndarray]:
    """R9 without denials: (group, opening instant) of every window, sorted
    by (group, opening). ``runs`` must be :func:`chargeable` runs.

    Every group advances one window per step (measured.md "frontier"): the
    next window opens in the first run whose end is more than 300 s past
    covered_until, at max(run start, covered_until)."""
    if len(runs.group) == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    # Runs of one group are disjoint and sorted, so their ends are sorted too.
    key = _keyed(runs.group, runs.end - GRACE, t0, span)
    boundary = np.flatnonzero(np.r_[True, runs.group[1:] != runs.group[:-1]])
    group_end = np.r_[boundary[1:], len(runs.group)]
    grp = runs.group[boundary]
    limit = group_end
    u = runs.start[boundary]
    out_g, out_u = [], []
    while len(grp):
        out_g.append(grp)
        out_u.append(u)
        covered_until = u + DAY
        j = np.searchsorted(key, _keyed(grp, covered_until, t0, span), side="right")
        alive = j < limit
        grp, limit, j, covered_until = grp[alive], limit[alive], j[alive], covered_until[alive]
        u = np.maximum(runs.start[j], covered_until)
    g = np.concatenate(out_g)
    w = np.concatenate(out_u)
    order = np.lexsort((w, g))
    return g[order], w[order]


def run_index_at(runs: Runs, group: np.ndarray, u: np.ndarray, t0: int, span: int) -> np.ndarray:
    """Index of the chargeable run each window (group, u) opens in: the
    first run of the group ending more than 300 s after u."""
    key = _keyed(runs.group, runs.end - GRACE, t0, span)
    return np.searchsorted(key, _keyed(group, u, t0, span), side="right")


@dataclass(frozen=True)
class Intervals:
    """Active intervals of billable sessions (R6), sorted by (group, start)."""

    group: np.ndarray
    start: np.ndarray
    end: np.ndarray
    session_key: np.ndarray
    session_start: np.ndarray
    team_id: np.ndarray


def session_at(iv: Intervals, group: np.ndarray, u: np.ndarray, t0: int, span: int) -> np.ndarray:
    """R12: for each window (group, u), the index into ``iv`` of the
    interval active at u (start <= u < end) whose session started first
    (then the smaller session_key). -1 if none (cannot happen for a window
    opened inside a run)."""
    m = len(u)
    if m == 0:
        return np.zeros(0, dtype=np.int64)
    start_key = _keyed(iv.group, iv.start, t0, span)
    reach = np.maximum.accumulate(_keyed(iv.group, iv.end, t0, span))
    ukey = _keyed(group, u, t0, span)
    last = np.searchsorted(start_key, ukey, side="right") - 1  # last start <= u
    first = np.searchsorted(reach, ukey, side="right")  # first whose reach passes u
    count = np.maximum(last - first + 1, 0)
    owner = np.repeat(np.arange(m), count)
    offsets = np.arange(count.sum()) - np.repeat(np.cumsum(count) - count, count)
    cand = np.repeat(first, count) + offsets
    ok = iv.end[cand] > u[owner]
    owner, cand = owner[ok], cand[ok]
    # Earliest-started session first, then session_key, per window.
    order = np.lexsort((iv.session_key[cand], iv.session_start[cand], owner))
    owner, cand = owner[order], cand[order]
    best = np.full(m, -1, dtype=np.int64)
    firsts = np.r_[True, owner[1:] != owner[:-1]] if len(owner) else np.zeros(0, dtype=bool)
    best[owner[firsts]] = cand[firsts]
    return best


class GroupWalk:
    """R9 + R16 for one group, one window at a time (the scalar path used
    where denials change later windows). Runs must be chargeable runs."""

    __slots__ = ("starts", "ends_less_grace", "run", "u")

    def __init__(self, starts: list[int], ends: list[int], run: int = 0, u: int | None = None):
        """Start at the first run, or at a window ``u`` known to open in run
        ``run`` (resuming a walk the vectorised pass did up to there)."""
        self.starts = starts
        self.ends_less_grace = [e - GRACE for e in ends]
        self.run = run
        self.u = u if u is not None else (starts[0] if starts else None)

    def charged(self) -> None:
        """The window at u opened: covered_until = u + 24 h, move on (R9)."""
        covered_until = self.u + DAY
        k = bisect_right(self.ends_less_grace, covered_until, lo=self.run)
        self._move(k, covered_until)

    def denied(self) -> None:
        """R16: nothing charged, covered_until unchanged, the rest of this
        run skipped; the next run tries again. Later runs start after this
        run ends, hence after covered_until: they open at their start."""
        k = self.run + 1
        self._move(k, None)

    def _move(self, k: int, covered_until: int | None) -> None:
        self.run = k
        if k >= len(self.starts):
            self.u = None
        elif covered_until is None:
            self.u = self.starts[k]
        else:
            self.u = max(self.starts[k], covered_until)
