"""The Reconcile pane's data (R24): the month's billed total against the
computed one, and the differences of the period by status and by user. Every
number comes from ``report reconcile`` (the model v_reconcile), so the pane
and the command agree."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import duckdb
import polars as pl

from app.dashboard.filters import Filters
from app.dashboard.reader import frame
from app.reports import ReportParams, query


@dataclass
class ReconcileData:
    month: date  # the first day of the month of the period's last day
    billed: int  # tokens the vendor billed that month (the days its data covers)
    computed: int  # tokens computed from the logs on those days
    by_status: pl.DataFrame  # status, rows, tokens_billed, tokens_computed (the period's differences)
    by_user: pl.DataFrame  # user, differences, tokens_billed, tokens_computed
    differences: pl.DataFrame  # the report's rows: day, user, product, team_billed, ... status
    has_vendor_data: bool


def _reconcile(con, f: Filters, since: date | None, until: date | None, *, all_rows: bool) -> pl.DataFrame:
    params = ReportParams(as_of=f.as_of, team=f.team, since=since, until=until, tz="UTC", all=all_rows)
    return query(con, "reconcile", params)


def load_reconcile(con: duckdb.DuckDBPyConnection, f: Filters) -> ReconcileData:
    last = min(f.until, f.as_of.date()) if f.until else f.as_of.date()
    month = last.replace(day=1)
    month_end = (month + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    whole_month = _reconcile(con, f, month, month_end, all_rows=True)
    differences = _reconcile(con, f, f.since, f.until, all_rows=False)
    by_status = (
        differences.group_by("status")
        .agg(pl.len().alias("rows"), pl.col("tokens_billed").sum(), pl.col("tokens_computed").sum())
        .sort("status")
    )
    by_user = (
        differences.group_by("user")
        .agg(pl.len().alias("differences"), pl.col("tokens_billed").sum(), pl.col("tokens_computed").sum())
        .sort(["differences", "user"], descending=[True, False], nulls_last=True)
    )
    has_vendor = bool(frame(con, "dashboard/has_vendor_usage").item())
    return ReconcileData(
        month=month,
        billed=int(whole_month["tokens_billed"].sum() or 0),
        computed=int(whole_month["tokens_computed"].sum() or 0),
        by_status=by_status,
        by_user=by_user,
        differences=differences,
        has_vendor_data=has_vendor,
    )
