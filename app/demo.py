"""`flexdash demo`: a fresh demo store with the bundled sample logs, then the
dashboard (on a terminal) or the team balances (elsewhere, or --no-tui).

The demo store is its own file ($XDG_DATA_HOME/flexdash/demo.duckdb unless
--db says otherwise; FLEXDASH_DB is ignored so the admin's real store is
never touched), deleted and rebuilt on every run. A store not made by the
demo is never deleted.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import duckdb

from app import sql, store
from app.errors import FlexdashError, StoreBusy, UnreadableInput, UsageError
from app.resources import resource_dir
from app.timeutil import now_utc, parse_instant


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--as-of", metavar="INSTANT", help="fix 'now' (R4), e.g. 2026-11-21T00:00:00Z; default: the clock"
    )
    parser.add_argument("--samples", metavar="FOLDER", help="import this folder instead of the bundled sample_logs/")
    parser.add_argument(
        "--no-tui", action="store_true", help="print the team balances instead of opening the dashboard"
    )


def demo_db_path() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(Path.home(), ".local", "share")
    return Path(base) / "flexdash" / "demo.duckdb"


def samples_dir(given: str | None) -> Path:
    if given:
        folder = Path(given).expanduser()
        if not folder.is_dir():
            raise UnreadableInput(f"{folder}: no such folder")
        return folder
    try:
        return resource_dir("sample_logs")
    except FileNotFoundError:
        raise UnreadableInput(
            "the bundled sample logs are not installed: they ship with the source checkout "
            "(sample_logs/ beside app/), not with the wheel. Run `flexdash demo` from a "
            "checkout, or give a folder with --samples"
        ) from None


def _is_demo_store(db: Path) -> bool:
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error as exc:
        if store.is_lock_error(exc):
            raise StoreBusy(f"the demo store {db} is open in another process (a dashboard?): close it first") from None
        return False  # not a DuckDB file at all
    try:
        return bool(con.execute(sql.load("demo/demo_mark")).fetchall())
    except duckdb.Error:
        return False  # a DuckDB file without our tables
    finally:
        con.close()


def fresh_store(db: Path, samples: Path) -> duckdb.DuckDBPyConnection:
    """Delete the previous demo store (only if it is one) and open a new one,
    marked as a demo store at once (so a failed import does not leave a store
    the next demo refuses to replace)."""
    if db.exists():
        if not _is_demo_store(db):
            raise UsageError(
                f"{db} exists and is not a demo store; `flexdash demo` rebuilds its store "
                f"from scratch, so give it another --db"
            )
        db.unlink()
    Path(f"{db}.wal").unlink(missing_ok=True)
    con = store.connect_write(db)
    con.execute(sql.load("demo/mark_demo"), [str(samples)])
    return con


def build_demo(db: Path, samples: Path, as_of=None) -> list:
    """The demo store, filled: import (one transaction), then the engine."""
    from app.ingest import import_paths

    con = fresh_store(db, samples)
    try:
        results = import_paths(con, [samples])
        import app.engine as engine

        if hasattr(engine, "recompute"):
            engine.recompute(con, as_of)
    finally:
        con.close()
    return results


def print_balances(db: Path, as_of) -> None:
    try:
        from app.reports import ReportParams, build, render
    except ImportError:
        return
    con = store.connect_read(db)
    try:
        params = ReportParams(as_of=as_of or now_utc())
        print(render(build(con, "balances", params), "balances", "table", params))
    finally:
        con.close()


def run(args: argparse.Namespace) -> int:
    as_of = parse_instant(args.as_of, default_now=False) if args.as_of else None
    samples = samples_dir(args.samples)
    db = Path(args.db).expanduser() if args.db else demo_db_path()
    results = build_demo(db, samples, as_of)
    from app.ingest.command import render_text

    print(render_text(results))
    print(f"demo store: {db}")
    if args.no_tui or not (sys.stdin.isatty() and sys.stdout.isatty()):
        print_balances(db, as_of)
        return 0
    args.db = str(db)
    from app import tui_command

    try:
        return tui_command.run(args)
    except FlexdashError as exc:  # a dashboard that cannot start: still show the numbers
        print(f"flexdash: the dashboard did not open ({exc}); the balances instead:", file=sys.stderr)
        print_balances(db, as_of)
        return 0
