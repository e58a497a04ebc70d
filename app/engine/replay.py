"""R22: the windows R5-R12 open with no balance limit (no R16 denial),
under three idle rules: as written (R6), no session detecting idleness,
every session detecting it. Same sessions, exclusions and teams as the
engine (engine/sessions.sql), of the events up to the as-of (R4)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import numpy as np

from app import sql
from app.engine.batches import GroupBatches
from app.engine.billing import Rates, _fetch
from app.engine.intervals import build_intervals, fetch_sessions

# The three replays of R22, in the order T, T_off, T_on.
AS_WRITTEN, IDLE_NEVER, IDLE_ALWAYS = "as_written", "idle_never", "idle_always"


@dataclass(frozen=True)
class ReplayWindows:
    """The windows one replay opens; instants in microseconds (UTC)."""

    user_id: np.ndarray
    product_id: np.ndarray
    team_id: np.ndarray
    start_us: np.ndarray
    tokens: np.ndarray  # R10: the rate in force at the opening


def replay_windows(con, as_of: datetime | None) -> dict[str, ReplayWindows]:
    """The three replays of R22 as of ``as_of``, keyed AS_WRITTEN, IDLE_NEVER, IDLE_ALWAYS."""
    raw = _fetch(con, "engine/rates")
    rates = Rates(raw["product_id"], raw["effective_us"], raw["tokens_per_day"])
    try:
        sessions = fetch_sessions(con, as_of, every_session_events=True)
    finally:
        con.execute(sql.load("engine/drop_session_team"))
    n = len(sessions.idle)
    rules = {
        AS_WRITTEN: sessions.idle,
        IDLE_NEVER: np.zeros(n, dtype=bool),
        IDLE_ALWAYS: np.ones(n, dtype=bool),
    }
    out = {}
    for name, idle in rules.items():
        billable = build_intervals(sessions, idle)
        iv = billable.intervals
        if len(iv.group) == 0:
            e = np.zeros(0, dtype=np.int64)
            out[name] = ReplayWindows(e, e, e, e, e)
            continue
        keys = GroupBatches(len(billable.group_user), int(iv.start.min()), int(iv.end.max()))
        group, u = keys.windows(keys.runs(iv))
        product = billable.group_product[group]
        out[name] = ReplayWindows(
            user_id=billable.group_user[group],
            product_id=product,
            team_id=iv.team_id[keys.session_at(iv, group, u)],
            start_us=u,
            tokens=rates.at(product, u),
        )
    return out
