"""Running one file of ``queries/`` with a report's parameters bound."""

from __future__ import annotations

import duckdb
import polars as pl

from app import sql
from app.reports.params import ReportParams


def bound_params(params: ReportParams) -> dict:
    """Every report's named parameters; tz is the reporting zone (R3)."""
    return {
        "as_of": params.as_of,
        "team": params.team,
        "since": params.since,
        "until": params.until,
        "tz": params.tz or "UTC",
        "all": params.all,
    }


def run(con: duckdb.DuckDBPyConnection, name: str, params: ReportParams) -> pl.DataFrame:
    """``queries/<name>.sql`` on ``con`` with ``params`` bound, as a frame."""
    text = sql.load(name)
    return con.sql(text, params=sql.used_params(text, bound_params(params))).pl()
