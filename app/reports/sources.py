"""Which source a selection's charges come from (R24): computed from the
logs, billed by the vendor (days no log covers, app/engine/billed.py), or
both, naming the teams whose charges mix the two and those billed only.
Every report's table caption, the dashboard's panes, plan, check and explain
say it from here."""

from __future__ import annotations

from datetime import date, datetime

import duckdb

from app import sql
from app.timeutil import day_end_exclusive, day_start

LOGS = "computed from logs"
BILLED = "billed by the vendor (export only)"
# A selection without charges: "none" in the words of the source that covers it.
NONE_LOGS = f"{LOGS}: none in this selection"
NONE_BILLED = f"{BILLED}: nothing billed in this selection"
NONE_BOTH = "computed from logs and billed by the vendor: none in this selection"
NONE_UNCOVERED = "none (no usage log or vendor export covers this selection)"


def label(
    con: duckdb.DuckDBPyConnection,
    as_of: datetime,
    team: str | None = None,
    since: date | None = None,
    until: date | None = None,
    *,
    user_id: int | None = None,
    product_id: int | None = None,
) -> str:
    """One line for people: where the charges of the selection come from
    (``user_id``/``product_id``: one user's and product's, for explain)."""
    text = sql.load("reports/charge_sources")
    params = {
        "as_of": as_of,
        "team": team,
        "since": day_start(since) if since else None,
        "until": day_end_exclusive(until) if until else None,
        "user_id": user_id,
        "product_id": product_id,
    }
    rows = con.sql(text, params=sql.used_params(text, params)).pl()
    if rows.is_empty():
        return _none(con, params)
    by_team: dict[str, set[str]] = {}
    for team_name, source in zip(rows["team"].to_list(), rows["source"].to_list(), strict=True):
        by_team.setdefault(team_name, set()).add(source)
    mixed = sorted(t for t, s in by_team.items() if s == {"logs", "billed"})
    billed_only = sorted(t for t, s in by_team.items() if s == {"billed"})
    logs_only = [t for t, s in by_team.items() if s == {"logs"}]
    if not mixed and not billed_only:
        return LOGS
    if not mixed and not logs_only:
        return BILLED
    parts = [LOGS] if logs_only else []
    if mixed:  # one team, both sources in the selection: said, naming the team
        parts.append(f"logs and the vendor's bill mixed for {', '.join(mixed)} (billed on days no log covers)")
    if billed_only:
        parts.append(f"{BILLED} for {', '.join(billed_only)}")
    return "; ".join(parts)


def _none(con: duckdb.DuckDBPyConnection, params: dict) -> str:
    """The label of a selection with no charges: which source covers it
    (an export-only store's quiet team or period is the vendor's, not the logs')."""
    text = sql.load("reports/charge_sources_empty")
    ((logs, billed),) = con.sql(text, params=sql.used_params(text, params)).fetchall()
    if logs and billed:
        return NONE_BOTH
    if billed:
        return NONE_BILLED
    return NONE_LOGS if logs else NONE_UNCOVERED
