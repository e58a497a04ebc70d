"""Building a report: bind the parameters, run ``queries/reports/<name>.sql``
on results valid at ``as_of`` (R4), return exactly the contract's columns."""

from __future__ import annotations

import duckdb
import polars as pl

from app.engine import use_results_as_of
from app.reports import forecast, sqlrun, waste
from app.reports.params import ReportParams, check, spec_for

# Reports the engine computes before their SQL runs (app/reports/<name>.py).
COMPUTED = {"waste": waste.frame, "forecast": forecast.frame}

# The SQL of every other report, spelled out so that grep finds each file's caller.
SQL = {
    "charges": "reports/charges",
    "denials": "reports/denials",
    "packs": "reports/packs",
    "balances": "reports/balances",
    "daily": "reports/daily",
    "idle": "reports/idle",
    "rejects": "reports/rejects",
    "subscriptions": "reports/subscriptions",
    "collections": "reports/collections",
    "chargeback": "reports/chargeback",
    "reconcile": "reports/reconcile",
    "gaps": "reports/gaps",
}


def apply_as_of(con: duckdb.DuckDBPyConnection, as_of) -> None:
    """Make the engine's results on this connection valid at ``as_of`` (R4):
    ``app.engine.use_results_as_of`` shadows charges/allocations/denials
    with TEMP tables when the stored run saw other events."""
    use_results_as_of(con, as_of)


def query(con: duckdb.DuckDBPyConnection, name: str, params: ReportParams) -> pl.DataFrame:
    """Run one report's SQL on the results as they stand on ``con`` (no
    engine call: tests feed hand-made charges/allocations/denials here).
    Raises UsageError for parameters the report cannot honour."""
    spec = spec_for(name)
    params = check(con, spec, params)
    if name in COMPUTED:  # Python models or engine replays around their SQL
        frame = COMPUTED[name](con, params)
    else:
        frame = sqlrun.run(con, SQL[name], params)
    if tuple(frame.columns) != spec.columns:  # the contract, not a user error
        raise RuntimeError(f"queries/reports/{name}.sql returned {frame.columns}, expected {list(spec.columns)}")
    return frame


def build(
    con: duckdb.DuckDBPyConnection,
    name: str,
    params: ReportParams,
    *,
    results_ready: bool = False,
) -> pl.DataFrame:
    """The report ``name`` as of ``params.as_of``: exactly the data
    contract's columns, in order, sorted as it states; instants are UTC
    datetimes, days are dates, counts and tokens are integers.

    ``results_ready=True``: the caller has just run
    ``app.engine.use_results_as_of(con, params.as_of)`` on this connection
    (the dashboard's reader does, once per batch), so it is not run again."""
    params = check(con, spec_for(name), params)  # refuse bad parameters before any engine work
    if not results_ready:
        apply_as_of(con, params.as_of)
    return query(con, name, params)
