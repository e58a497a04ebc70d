"""Running one file of ``queries/`` with a report's parameters bound."""

from __future__ import annotations

import re

import duckdb
import polars as pl

from app import sql
from app.reports.params import ReportParams


def bound_params(query_text: str, params: ReportParams) -> dict:
    values = {
        "as_of": params.as_of,
        "team": params.team,
        "since": params.since,
        "until": params.until,
        "tz": params.tz or "UTC",
        "all": params.all,
    }
    # DuckDB refuses named parameters a query does not use.
    return {k: v for k, v in values.items() if re.search(rf"\${k}\b", query_text)}


def run(con: duckdb.DuckDBPyConnection, name: str, params: ReportParams) -> pl.DataFrame:
    """``queries/<name>.sql`` on ``con`` with ``params`` bound, as a frame."""
    text = sql.load(name)
    return con.sql(text, params=bound_params(text, params) or None).pl()
