"""What the Charts pane draws, from one open connection: tokens per day by
product (the Usage pane's rows, summed) and the week's heat map."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import polars as pl

from app.dashboard.filters import Filters
from app.dashboard.panes import load_usage
from app.dashboard.reader import frame


@dataclass
class ChartsData:
    burn: pl.DataFrame  # day, product, tokens
    by_hour: pl.DataFrame  # weekday (1 Monday), hour (UTC), tokens


def load_charts(con: duckdb.DuckDBPyConnection, f: Filters) -> ChartsData:
    """Tokens charged per day and product in the period (R9, R10, R12),
    and by the weekday and hour their windows opened."""
    usage = load_usage(con, f)
    burn = usage.group_by("day", "product").agg(pl.col("tokens").sum()).sort("day", "product")
    return ChartsData(burn=burn, by_hour=frame(con, "dashboard/tokens_by_hour", f.sql_params()))
