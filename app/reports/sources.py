"""Which source a selection's charges come from (R24): computed from the
logs, billed by the vendor (days no log covers, app/engine/billed.py), or
both, naming the teams where both are used. Every report's table caption
and the dashboard say it from here."""

from __future__ import annotations

from datetime import date, datetime

import duckdb
import polars as pl

from app import sql
from app.timeutil import day_end_exclusive, day_start

LOGS = "computed from logs"


def label(
    con: duckdb.DuckDBPyConnection,
    as_of: datetime,
    team: str | None = None,
    since: date | None = None,
    until: date | None = None,
) -> str:
    """One line for people: where the charges of the selection come from."""
    text = sql.load("reports/charge_sources")
    params = {
        "as_of": as_of,
        "team": team,
        "since": day_start(since) if since else None,
        "until": day_end_exclusive(until) if until else None,
    }
    rows = con.sql(text, params=sql.used_params(text, params)).pl()
    billed = rows.filter(pl.col("source") == "billed")
    if billed.height == 0:
        return LOGS
    if billed.height == rows.height:
        return "billed by the vendor (export only)"
    teams = sorted(set(billed["team"].to_list()))
    return "computed from logs; billed by the vendor on days no log covers (" + ", ".join(teams) + ")"
