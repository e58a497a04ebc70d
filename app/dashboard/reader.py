"""Short read-only connections for the live dashboard.

DuckDB lets one process write or several read, never both (measured.md): a
dashboard that kept a connection open would block every ``flexdash import``.
So each batch of queries opens the store read-only, runs, and closes (about
30 ms). A busy store raises :class:`app.errors.StoreBusy` quickly; the TUI
keeps its last data and retries.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import duckdb
import polars as pl

from app import sql, store
from app.errors import StoreBusy


def frame(con: duckdb.DuckDBPyConnection, name: str, params: dict | None = None) -> pl.DataFrame:
    """Run ``queries/<name>.sql`` with bound named parameters, as a frame."""
    query = sql.load(name)
    return con.sql(query, params=sql.used_params(query, params)).pl()


def apply_as_of(con: duckdb.DuckDBPyConnection, as_of: datetime, *, known_valid: bool = False) -> bool:
    """Make the engine's results valid at ``as_of`` on this connection (R4).
    Returns True when the stored results hold as they are. ``known_valid``
    skips the engine's check (two counts over the events: ~0.6 s at 10 M)
    when this reader already made it for the same store files."""
    from app.engine import use_results_as_of

    if known_valid:
        return True
    return use_results_as_of(con, as_of) is None


def files_signature(path: str | os.PathLike) -> tuple:
    """Changes whenever the store's files (the database and its WAL) change."""
    path = Path(path)
    out = []
    for p in (path, path.with_name(path.name + ".wal")):
        try:
            st = p.stat()
            out.append((st.st_mtime_ns, st.st_size))
        except FileNotFoundError:
            out.append(None)
    return tuple(out)


class StoreReader:
    """Opens the store at ``path`` for one batch of reads at a time."""

    def __init__(self, path: str | os.PathLike, *, lock_timeout: float = 0.5):
        self.path = Path(path)
        self.lock_timeout = lock_timeout
        # (store signature, as_of to the minute) for which the stored engine
        # results were found valid: the check is not repeated until an
        # import changes the files or the clock moves to the next minute.
        self._valid_for: tuple | None = None

    def signature(self) -> tuple:
        """Changes whenever the store's files change: a cheap poll (no
        connection, no lock) for the refresh loop."""
        return files_signature(self.path)

    @contextmanager
    def read(self, as_of: datetime | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
        key = (self.signature(), as_of.replace(second=0, microsecond=0) if as_of else None)
        try:
            con = store.connect_read(self.path, lock_timeout=self.lock_timeout)
        except duckdb.Error as exc:
            if store.is_lock_error(exc):
                raise StoreBusy(f"the store {self.path} is busy") from exc
            raise
        try:
            if as_of is not None and apply_as_of(con, as_of, known_valid=self._valid_for == key):
                self._valid_for = key
            yield con
        finally:
            con.close()
