"""The reports the dashboard shares with ``flexdash report`` (the balances
the admin sees must be the numbers ``report balances`` prints)."""

from __future__ import annotations

import duckdb
import polars as pl

from app.dashboard.filters import Filters
from app.reports import ReportParams, query


def report(con: duckdb.DuckDBPyConnection, name: str, f: Filters, *, period: bool = False) -> pl.DataFrame:
    """The report ``name`` with the dashboard's filters: the same SQL as
    ``app.reports.build``, through ``app.reports.query``, because the
    StoreReader already made this connection's results valid at ``as_of``
    (R4; build would check that again: ~0.6 s at 10 M events)."""
    params = ReportParams(
        as_of=f.as_of,
        team=f.team,
        since=f.since if period else None,
        until=f.until if period else None,
        tz="UTC",
    )
    return query(con, name, params)


def packs(con: duckdb.DuckDBPyConnection, f: Filters) -> pl.DataFrame:
    """``report packs`` columns: pack_id, team, tokens, purchased_on,
    expires_on, draw_rank, consumed, forfeited, remaining (R13-R15)."""
    return report(con, "packs", f)


def balances(con: duckdb.DuckDBPyConnection, f: Filters) -> pl.DataFrame:
    """``report balances`` columns: team, balance, burn_30d, runway_days,
    next_expiry, expiring_90d (R15, R21)."""
    return report(con, "balances", f)
