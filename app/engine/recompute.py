"""Recompute and store the engine's results, or shadow them for an as-of.

R4: everything is as of an instant. The instant is an argument of every
model the engine reads (``int_session_team(as_of)``, ``stg_events(as_of)``):
no connection state.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime

import duckdb
import pyarrow as pa

from app import sql
from app.engine.billing import Results, compute
from app.store import scalar
from app.timeutil import now_utc


@dataclass(frozen=True)
class RunSummary:
    run_id: int | None  # None: computed in memory only (use_results_as_of)
    as_of: datetime
    events: int
    charges: int
    denials: int
    seconds: float


def _register(con: duckdb.DuckDBPyConnection, r: Results) -> None:
    n = len(r.charge_start)
    con.register(
        "engine_charges",
        pa.table(
            {
                "charge_id": pa.array(range(1, n + 1), pa.int64()),
                "start_us": r.charge_start,
                "user_id": r.charge_user,
                "product_id": r.charge_product,
                "team_id": r.charge_team,
                "tokens": r.charge_tokens,
                # a billed charge has no session (app/engine/billed.py): NULL
                "session_key": pa.array(r.charge_session, mask=r.charge_session < 0),
            }
        ),
    )
    con.register(
        "engine_allocations",
        pa.table(
            {
                "charge_id": r.alloc_charge + 1,
                "pack_id": pa.array(r.alloc_pack.tolist(), pa.string()),
                "tokens": r.alloc_tokens,
            }
        ),
    )
    con.register(
        "engine_denials",
        pa.table(
            {
                "ts_us": r.denial_ts,
                "user_id": r.denial_user,
                "product_id": r.denial_product,
                "team_id": r.denial_team,
                "session_key": r.denial_session,
            }
        ),
    )


def _unregister(con: duckdb.DuckDBPyConnection) -> None:
    for name in ("engine_charges", "engine_allocations", "engine_denials"):
        con.unregister(name)


def recompute(con: duckdb.DuckDBPyConnection, as_of: datetime | None = None) -> RunSummary:
    """Compute charges, allocations and denials as of ``as_of`` (default
    now) and store them, replacing the previous ones, in one transaction
    (the caller's if one is open, else its own), with an engine_runs row."""
    as_of = as_of or now_utc()
    # TEMP shadows from use_results_as_of would take the writes (main.x can
    # resolve to temp.main.x): drop them, they are stale after a recompute.
    _drop_shadows(con)
    started = time.perf_counter()
    try:
        results = compute(con, as_of)
        own = _begin(con)
        try:
            _register(con, results)
            con.execute(sql.load("engine/store_results"))
            seconds = time.perf_counter() - started
            row = con.execute(sql.load("engine/record_run"), {"as_of": as_of, "seconds": seconds}).fetchall()[0]
            if own:
                con.execute("COMMIT")
        except BaseException:
            if own:
                con.execute("ROLLBACK")
            raise
        finally:
            _unregister(con)
    finally:
        con.execute(sql.load("engine/drop_session_team"))
    run_id, events, charges, denials = row
    return RunSummary(run_id, as_of, events, charges, denials, seconds)


def stored_as_of(con: duckdb.DuckDBPyConnection) -> datetime | None:
    """The instant the stored results are as of (R4); None before the first recompute."""
    return scalar(con, sql.load("engine/stored_as_of"))


def use_results_as_of(con: duckdb.DuckDBPyConnection, as_of: datetime) -> RunSummary | None:
    """Make ``charges``, ``allocations`` and ``denials`` on this connection
    valid at ``as_of`` (R4). When the stored run saw exactly the events up
    to ``as_of``, the stored tables already are (returns None); otherwise
    compute in memory and shadow them with TEMP tables of the same names,
    which works on read-only connections too (the models read them)."""
    _drop_shadows(con)
    if scalar(con, sql.load("engine/stored_run_valid"), {"as_of": as_of}):
        return None
    started = time.perf_counter()
    results = compute(con, as_of)
    _register(con, results)
    try:
        con.execute(sql.load("engine/temp_results"))
    finally:
        _unregister(con)
        con.execute(sql.load("engine/drop_session_team"))
    events, denials = con.execute(sql.load("engine/shadow_counts"), {"as_of": as_of}).fetchall()[0]
    return RunSummary(None, as_of, events, len(results.charge_start), denials, time.perf_counter() - started)


def _drop_shadows(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(sql.load("engine/drop_shadows"))


def _begin(con: duckdb.DuckDBPyConnection) -> bool:
    """Start a transaction unless the caller already has one open."""
    try:
        con.execute("BEGIN TRANSACTION")
        return True
    except duckdb.TransactionException:
        return False
