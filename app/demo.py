"""`flexdash demo`: a fresh demo store with the bundled sample logs, then the
dashboard (on a terminal) or the team balances (elsewhere, or --no-tui).

The demo is as of the samples' end (the day after their last event, R4)
unless --as-of says otherwise: run on the real clock it would go stale as
the samples age (no burn in the last 7 days, then empty 30-day panes).

The demo store is its own file ($XDG_DATA_HOME/flexdash/demo.duckdb unless
--db says otherwise; FLEXDASH_DB is ignored so the admin's real store is
never touched), deleted and rebuilt on every run. A store not made by the
demo is never deleted.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import UTC, datetime, time
from pathlib import Path

import duckdb

from app import sql, store, store_guard
from app.errors import FlexdashError, StoreBusy, UnreadableInput, UsageError
from app.resources import resource_dir
from app.timeutil import format_instant, now_utc, parse_instant

DB_HELP = "the demo store, rebuilt on every run (default: $XDG_DATA_HOME/flexdash/demo.duckdb, else ~/.local/share/flexdash/demo.duckdb; $FLEXDASH_DB is never used)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--as-of",
        metavar="INSTANT",
        help="fix 'now' (R4), e.g. 2026-11-01T00:00:00Z; default: the end of the sample data (the day after its last event)",
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
        con = store.connect_file(db, read_only=True)
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
    store_guard.check_place(db)  # a folder at the path, or a file above it: exit 6
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


def samples_end(con: duckdb.DuckDBPyConnection) -> datetime | None:
    """00:00 UTC of the day after the last imported event (None: no event)."""
    day = store.scalar(con, sql.load("demo/samples_end"))
    return datetime.combine(day, time(0), tzinfo=UTC) if day is not None else None


def build_demo(db: Path, samples: Path, as_of: datetime | None = None) -> tuple[list, datetime | None]:
    """The demo store, filled: import (one transaction), then the engine as
    of ``as_of``, by default the samples' end. Returns the import results
    and the instant the demo is as of (None: no event, the clock)."""
    from app.engine import recompute
    from app.ingest import import_paths

    con = fresh_store(db, samples)
    try:
        results = import_paths(con, [samples])
        as_of = as_of or samples_end(con)
        recompute(con, as_of)
    finally:
        con.close()
    return results, as_of


def print_balances(db: Path, as_of: datetime) -> None:
    from app.reports import ReportParams, build, render

    con = store.connect_read(db)
    try:
        params = ReportParams(as_of=as_of)
        print(render(build(con, "balances", params), "balances", "table", params))
    finally:
        con.close()


def where_text(db: Path, as_of: datetime | None) -> str:
    """Where the demo store is and how to point other commands at it."""
    when = f" --as-of {format_instant(as_of)}" if as_of else ""
    return f"demo store: {db}\ntry the other commands on it: FLEXDASH_DB={db} flexdash report balances{when}"


def run(args: argparse.Namespace) -> int:
    given = parse_instant(args.as_of, default_now=False) if args.as_of else None
    samples = samples_dir(args.samples)
    db = Path(args.db).expanduser() if args.db else demo_db_path()
    results, as_of = build_demo(db, samples, given)
    from app.ingest.command import render_text

    print(render_text(results))
    shown_as_of = as_of or now_utc()
    if args.no_tui or not (sys.stdin.isatty() and sys.stdout.isatty()):
        print(where_text(db, as_of))
        if as_of is not None and given is None:
            print(f"as of the end of the sample data, {format_instant(as_of)}")
        print_balances(db, shown_as_of)
        return 0
    args.db = str(db)
    args.as_of = format_instant(as_of) if as_of else None
    if as_of is not None and given is None:
        args.as_of_note = "end of the sample data"
    from app import tui_command

    try:
        code = tui_command.run(args)
    except FlexdashError as exc:  # a dashboard that cannot start: still show the numbers
        print(f"flexdash: the dashboard did not open ({exc}); the balances instead:", file=sys.stderr)
        print_balances(db, shown_as_of)
        code = 0
    print(where_text(db, as_of))  # after the dashboard: on the screen it leaves
    return code
