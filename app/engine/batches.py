"""Group-major time keys in batches of groups (R7-R12 vector steps).

The vectorised steps sort and search int64 keys ``group * span + time``
(microseconds). One pass holds about 144,000 user x product groups per year
of events; beyond that the groups are cut into batches that each fit, and
every step runs batch by batch (groups are independent of each other there).
"""

from __future__ import annotations

import numpy as np

from app.engine.windows import (
    _MAX_KEY,
    DAY,
    Intervals,
    Runs,
    chargeable,
    greedy_windows,
    merge_runs,
    run_index_at,
    session_at,
)


class GroupBatches:
    def __init__(self, n_groups: int, t_min: int, t_max: int, max_key: int | None = None):
        self.t0 = int(t_min) - 2 * DAY
        self.span = int(t_max) - self.t0 + 4 * DAY
        self.per = max(1, ((max_key or _MAX_KEY) - 1) // self.span - 1)  # groups per batch
        self.bounds = [(lo, min(lo + self.per, n_groups)) for lo in range(0, max(n_groups, 1), self.per)]

    def runs(self, iv: Intervals) -> Runs:
        """R7 + R8: chargeable runs, sorted by (group, start)."""
        parts = []
        for lo, hi in self.bounds:
            a, b = np.searchsorted(iv.group, [lo, hi])
            r = chargeable(merge_runs(iv.group[a:b] - lo, iv.start[a:b], iv.end[a:b], self.t0, self.span))
            parts.append(Runs(r.group + lo, r.start, r.end))
        return Runs(*(np.concatenate([getattr(p, f) for p in parts]) for f in ("group", "start", "end")))

    def windows(self, runs: Runs) -> tuple[np.ndarray, np.ndarray]:
        """R9 without denials: (group, opening), sorted by (group, opening)."""
        gs, us = [], []
        for lo, hi in self.bounds:
            a, b = np.searchsorted(runs.group, [lo, hi])
            sub = Runs(runs.group[a:b] - lo, runs.start[a:b], runs.end[a:b])
            g, u = greedy_windows(sub, self.t0, self.span)
            gs.append(g + lo)
            us.append(u)
        return np.concatenate(gs), np.concatenate(us)

    def session_at(self, iv: Intervals, group: np.ndarray, u: np.ndarray) -> np.ndarray:
        """R12: index into ``iv`` of the session active at each (group, u);
        queries in any order."""
        out = np.full(len(u), -1, dtype=np.int64)
        for lo, hi in self.bounds:
            mask = (group >= lo) & (group < hi)
            if not mask.any():
                continue
            a, b = np.searchsorted(iv.group, [lo, hi])
            sub = Intervals(
                iv.group[a:b] - lo,
                iv.start[a:b],
                iv.end[a:b],
                iv.session_key[a:b],
                iv.session_start[a:b],
                iv.team_id[a:b],
            )
            found = session_at(sub, group[mask] - lo, u[mask], self.t0, self.span)
            out[mask] = np.where(found >= 0, found + a, -1)
        return out

    def run_index_at(self, runs: Runs, group: np.ndarray, u: np.ndarray) -> np.ndarray:
        """Index into ``runs`` of the run each window (group, u) opens in."""
        out = np.zeros(len(u), dtype=np.int64)
        for lo, hi in self.bounds:
            mask = (group >= lo) & (group < hi)
            if not mask.any():
                continue
            a, b = np.searchsorted(runs.group, [lo, hi])
            sub = Runs(runs.group[a:b] - lo, runs.start[a:b], runs.end[a:b])
            out[mask] = run_index_at(sub, group[mask] - lo, u[mask], self.t0, self.span) + a
        return out
