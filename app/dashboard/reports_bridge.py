"""The reports the dashboard shares with ``flexdash report`` (the balances
the admin sees must be the numbers ``report balances`` prints)."""

from __future__ import annotations

import duckdb
import polars as pl

from app.dashboard.filters import Filters
from app.dashboard.reader import frame


def reports_available() -> bool:
    try:
        from app.reports import build  # noqa: F401
    except ImportError:
        return False
    return True


def report(con: duckdb.DuckDBPyConnection, name: str, f: Filters, *, period: bool = False) -> pl.DataFrame:
    """The report ``name`` with the dashboard's filters: the same SQL as
    ``app.reports.build``, through ``app.reports.query``, because the
    StoreReader already made this connection's results valid at ``as_of``
    (R4; build would check that again: ~0.6 s at 10 M events)."""
    from app.reports import ReportParams, query

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
    if reports_available():
        return report(con, "packs", f)
    return frame(con, "dashboard/pack_state", f.sql_params())


def balances(con: duckdb.DuckDBPyConnection, f: Filters) -> pl.DataFrame:
    """``report balances`` columns: team, balance, burn_30d, runway_days,
    next_expiry, expiring_90d (R15, R21)."""
    if reports_available():
        return report(con, "balances", f)
    return _balances_from_packs(packs(con, f), frame(con, "dashboard/balance_extras", f.sql_params()), f)


def _balances_from_packs(p: pl.DataFrame, extras: pl.DataFrame, f: Filters) -> pl.DataFrame:
    """Stand-in for ``report balances`` until it lands (same rules, R15/R21)."""
    today = f.as_of.date()
    valid = p.filter((pl.col("purchased_on") <= today) & (pl.col("expires_on") > today))
    per_team = valid.group_by("team").agg(
        balance=pl.col("remaining").sum(),
        next_expiry=pl.col("expires_on").filter(pl.col("remaining") > 0).min(),
        expiring_90d=pl.col("remaining").filter(pl.col("expires_on") <= pl.lit(today) + pl.duration(days=90)).sum(),
    )
    out = (
        extras.select("team", pl.col("burn_30d_extra").alias("burn_30d"))
        .join(per_team, on="team", how="left")
        .with_columns(pl.col("balance").fill_null(0), pl.col("expiring_90d").fill_null(0))
        .with_columns(
            runway_days=pl.when(pl.col("burn_30d") > 0)
            .then((pl.col("balance") / (pl.col("burn_30d") / 30)).floor().cast(pl.Int64))
            .otherwise(None)
        )
    )
    return out.select("team", "balance", "burn_30d", "runway_days", "next_expiry", "expiring_90d").sort("team")
