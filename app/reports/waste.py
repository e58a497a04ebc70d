"""``flexdash report waste`` (R22): the engine replays R5-R12 three times
with no balance limit (app.engine.replay); queries/reports/waste.sql sums
them per user and product beside the charged windows."""

from __future__ import annotations

import duckdb
import polars as pl
import pyarrow as pa

from app.engine.replay import replay_windows
from app.reports import sqlrun
from app.reports.params import ReportParams


def replays_table(con: duckdb.DuckDBPyConnection, as_of) -> pa.Table:
    """One row per window of each replay: replay, user_id, product_id,
    team_id, window_start (UTC), tokens."""
    parts = []
    for name, w in replay_windows(con, as_of).items():
        parts.append(
            pa.table(
                {
                    "replay": pa.array([name] * len(w.start_us), pa.string()),
                    "user_id": pa.array(w.user_id, pa.int64()),
                    "product_id": pa.array(w.product_id, pa.int64()),
                    "team_id": pa.array(w.team_id, pa.int64()),
                    "window_start": pa.array(w.start_us, pa.timestamp("us", tz="UTC")),
                    "tokens": pa.array(w.tokens, pa.int64()),
                }
            )
        )
    return pa.concat_tables(parts)


def frame(con: duckdb.DuckDBPyConnection, params: ReportParams, replays: pa.Table | None = None) -> pl.DataFrame:
    """The waste report: the data contract's columns and order. ``replays``:
    ``replays_table(con, params.as_of)`` when the caller kept it (the
    dashboard does, per store state)."""
    con.register("waste_replays", replays if replays is not None else replays_table(con, params.as_of))
    try:
        return sqlrun.run(con, "reports/waste", params)
    finally:
        con.unregister("waste_replays")
