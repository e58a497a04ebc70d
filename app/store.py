"""The DuckDB store: where it is, opening it safely, migrations and views.

DuckDB allows one writing process, or several reading ones, never both
(measured.md). So:

* writers (import, recompute) call :func:`connect_write`, which retries the
  lock with backoff up to ``lock_timeout`` and raises :class:`StoreBusy`;
  the importer stages on its own in-memory connection and takes the lock
  only for its final transaction, by :func:`attach_write`;
* readers (reports, the dashboard) call :func:`connect_read` for short,
  read-only connections and close them quickly.

Every connection works in UTC (R1) and has DuckDB's progress bar off.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb

from app import sql, store_guard, tempdirs
from app.errors import StoreBusy
from app.resources import data_dir

ENV_VAR = "FLEXDASH_DB"


def default_db_path() -> Path:
    """``$XDG_DATA_HOME/flexdash/flexdash.duckdb`` (``~/.local/share`` by default)."""
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(Path.home(), ".local", "share")
    return Path(base) / "flexdash" / "flexdash.duckdb"


def resolve_db_path(cli_value: str | os.PathLike | None = None) -> Path:
    """``--db`` first, then ``FLEXDASH_DB``, then :func:`default_db_path`."""
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    return default_db_path()


def spill_config(db: Path) -> dict:
    """Where a store connection spills: DuckDB's default, ``<store>.tmp``
    beside the store, outlives a kill; instead a folder per store inside
    this process's private one (swept once stale), which DuckDB makes on the
    first spill and removes when the store's last connection closes. One
    path per store and process: DuckDB refuses a second connection to a file
    open with another configuration."""
    name = hashlib.sha256(str(Path(db).resolve()).encode()).hexdigest()[:16]
    return {"temp_directory": str(tempdirs.process_temp_folder("store") / name)}


def connect_file(db: Path, *, read_only: bool) -> duckdb.DuckDBPyConnection:
    """``duckdb.connect`` on the store with its private spill folder."""
    return duckdb.connect(str(db), read_only=read_only, config=spill_config(db))


def is_lock_error(exc: BaseException) -> bool:
    text = str(exc)
    return "Could not set lock" in text or "Conflicting lock" in text


def scalar(con: duckdb.DuckDBPyConnection, query: str, params: list | None = None):
    """The first column of the first row, or None. Fetches the whole result:
    DuckDB 2 refuses new work on a connection with an unfinished result."""
    rows = con.execute(query, params or []).fetchall()
    return rows[0][0] if rows else None


def configure(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("SET TimeZone = 'UTC'")
    con.execute("SET enable_progress_bar = false")


def migrations() -> list[tuple[int, str, Path]]:
    out = []
    for stem, path in sql.numbered("migrations"):
        number, _, name = stem.partition("_")
        out.append((int(number), name, path))
    return out


def latest_schema_version() -> int:
    return max(n for n, _, _ in migrations())


def views_digest() -> str:
    h = hashlib.sha256()
    for stem, path in sql.numbered("views"):
        h.update(stem.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    exists = scalar(
        con,
        "SELECT count(*) FROM information_schema.tables WHERE table_catalog = current_database() "
        "AND table_schema = 'main' AND table_name = 'schema_version'",
    )
    if not exists:
        return 0
    return scalar(con, "SELECT coalesce(max(version), 0) FROM schema_version")


@contextlib.contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """The block in one transaction: committed when it ends, rolled back
    (and the error raised again) when anything, Ctrl-C too, stops it."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Apply the numbered migrations the store lacks, each in one transaction."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_version "
        "(version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL)"
    )
    current = schema_version(con)
    for number, name, path in migrations():
        if number <= current:
            continue
        with transaction(con):
            con.execute(path.read_text(encoding="utf-8"))
            con.execute("INSERT INTO schema_version VALUES (?, ?, now())", [number, name])
        current = number
    return current


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)create every view and table macro of ``queries/views`` in name order,
    with their digest, in one transaction (one commit instead of ~35)."""
    with transaction(con):
        con.execute(sql.load("store/drop_replaced_views"))
        for _, path in sql.numbered("views"):
            con.execute(path.read_text(encoding="utf-8"))
        con.execute("INSERT OR REPLACE INTO store_meta VALUES ('views_digest', ?)", [views_digest()])


def load_shipped_reference(con: duckdb.DuckDBPyConnection) -> None:
    """Reload the rates and prices shipped in ``data/`` (the admin's own
    imported rows live in separate tables and take precedence)."""
    data = data_dir()
    steps = [
        ("rates_shipped", data / "rates.csv", sql.load("ingest/load_shipped_rates")),
        ("prices_shipped", data / "prices.csv", sql.load("ingest/load_shipped_prices")),
        ("token_prices_shipped", data / "token_prices.csv", sql.load("ingest/load_shipped_token_prices")),
        ("product_aliases_shipped", data / "product_aliases.csv", sql.load("ingest/load_shipped_aliases")),
        (
            "collection_prices_shipped",
            data / "collection_prices.csv",
            sql.load("ingest/load_shipped_collection_prices"),
        ),
    ]
    with transaction(con):
        for table, path, query in steps:
            con.execute(f"DELETE FROM {table}")  # table names are our own constants
            if path.exists():
                con.execute(query, [str(path)])


def _with_lock(
    path: Path,
    action: Callable[[], object],
    lock_timeout: float,
    on_wait: Callable[[str], None] | None,
):
    """``action()`` (which opens the store), retried with backoff while
    another process holds the store's lock, up to ``lock_timeout``."""
    deadline = time.monotonic() + lock_timeout
    delay = 0.05
    told = False
    while True:
        try:
            return action()
        except (duckdb.IOException, duckdb.Error) as exc:
            if not is_lock_error(exc):
                raise store_guard.open_error(path, exc) from exc
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise StoreBusy(
                    f"the store {path} is in use by another process "
                    f"(the dashboard or another import) and stayed busy for "
                    f"{lock_timeout:g} s; close it or retry with a longer --lock-timeout"
                ) from exc
            if on_wait is not None and not told:
                on_wait(f"waiting for the store {path}: another process holds its lock (up to {lock_timeout:g} s)")
                told = True
            time.sleep(min(delay, max(remaining, 0.01)))
            delay = min(delay * 2, 1.0)


def _connect_with_retry(
    path: Path,
    read_only: bool,
    lock_timeout: float,
    on_wait: Callable[[str], None] | None,
) -> duckdb.DuckDBPyConnection:
    return _with_lock(path, lambda: connect_file(path, read_only=read_only), lock_timeout, on_wait)


def _new_store_file(db: Path, create: bool, lock_timeout: float, on_wait: Callable[[str], None] | None) -> bool:
    """Make the folder (0700); keep the store and its WAL 0600 (they take
    the umask's mode, measured.md); refuse a store of a newer flexdash
    before anything opens it for writing. True when the store does not
    exist yet (``create=False``: NoSuchStore)."""
    if not create:
        store_guard.require_existing(db)
    store_guard.make_private_folder(db)
    os.umask(os.umask(0o077) | 0o077)
    if not db.exists():
        return True
    _refuse_unusable(db, lock_timeout, on_wait)
    return False


def _refuse_unusable(db: Path, lock_timeout: float | None = None, on_wait: Callable[[str], None] | None = None) -> None:
    """An existing store that is not a DuckDB file or not flexdash's (exit
    6), or a newer flexdash's (exit 7), read on a read-only connection before
    anything opens it for writing. ``lock_timeout=None``: a busy store is
    not waited for (it is checked again once the lock is ours)."""
    if not db.exists():
        return
    try:
        con = connect_file(db, read_only=True)
    except duckdb.ConnectionException:
        return  # this process holds it open for writing already: checked when it opened
    except duckdb.Error as exc:
        if not is_lock_error(exc):
            raise store_guard.open_error(db, exc) from exc
        if lock_timeout is None:
            return
        con = _connect_with_retry(db, read_only=True, lock_timeout=lock_timeout, on_wait=on_wait)
    try:
        store_guard.check_schema(con, db, latest_schema_version())
    finally:
        con.close()


def check_before_import(path: str | os.PathLike | None) -> None:
    """What opening the store for writing would refuse (exit 6, 7), found
    before the importer reads its files: nothing is created, no lock waited for."""
    db = resolve_db_path(path)
    store_guard.check_place(db)
    _refuse_unusable(db)


def prepare(con: duckdb.DuckDBPyConnection) -> None:
    """What every write connection does first: UTC, migrations, the shipped
    reference data, the views (recreated when this flexdash's differ from
    the store's or a migration ran: rebinding ~30 models costs ~0.1 s, a
    third of a re-import)."""
    configure(con)
    migrated = schema_version(con) != migrate(con)
    load_shipped_reference(con)
    if migrated or not views_current(con):
        create_views(con)


def connect_write(
    path: str | os.PathLike | None = None,
    *,
    lock_timeout: float = 30.0,
    on_wait: Callable[[str], None] | None = None,
    create: bool = True,
) -> duckdb.DuckDBPyConnection:
    """Open the store for writing: create it (mode 0600; ``create=False``:
    NoSuchStore instead), migrate it, reload the shipped reference data and
    recreate the views."""
    db = resolve_db_path(path)
    is_new = _new_store_file(db, create, lock_timeout, on_wait)
    con = _connect_with_retry(db, read_only=False, lock_timeout=lock_timeout, on_wait=on_wait)
    try:
        if is_new:
            os.chmod(db, 0o600)
        prepare(con)
    except BaseException:
        con.close()
        raise
    return con


STORE_ALIAS = "store"  # the store's catalog name on a connection that attaches it


def attach_write(
    con: duckdb.DuckDBPyConnection,
    path: str | os.PathLike | None = None,
    *,
    lock_timeout: float = 30.0,
    on_wait: Callable[[str], None] | None = None,
) -> None:
    """Attach the store for writing to a connection that has worked without
    it (the importer's staging connection), make it the default catalog
    (its TEMP tables stay visible) and prepare it as connect_write does.
    Undone by :func:`detach`."""
    db = resolve_db_path(path)
    is_new = _new_store_file(db, True, lock_timeout, on_wait)
    _with_lock(db, lambda: con.execute(sql.load("store/attach"), [str(db)]), lock_timeout, on_wait)
    try:
        if is_new:
            os.chmod(db, 0o600)
        con.execute(sql.load("store/use_store"))
        prepare(con)
    except BaseException:
        detach(con)
        raise


def detach(con: duckdb.DuckDBPyConnection) -> None:
    """Let go of a store attached by :func:`attach_write` (and its lock)."""
    con.execute(sql.load("store/detach"))


def find_import(con: duckdb.DuckDBPyConnection, digest: str) -> tuple[str, int, int, str | None] | None:
    """(kind, rows, rejected, options) of the latest import of this content
    on ``con``, or None (app/ingest/options.py Earlier)."""
    rows = con.execute(sql.load("ingest/find_import"), [digest]).fetchall()
    return rows[0] if rows else None


def peek_import(path: Path, digest: str) -> tuple[str, int, int, str | None] | None:
    """As :func:`find_import`, of an earlier import of this content, read without
    waiting: None when the store does not exist, is busy or cannot tell
    (the importer asks again under the lock)."""
    if not path.exists():
        return None
    try:
        con = connect_file(path, read_only=True)
    except duckdb.Error:
        return None
    try:
        return find_import(con, digest)
    except duckdb.Error:
        return None
    finally:
        con.close()


def views_current(con: duckdb.DuckDBPyConnection) -> bool:
    """Were the store's views and macros created from this flexdash's
    queries/views (create_views records their digest last)?"""
    return scalar(con, "SELECT value FROM store_meta WHERE key = 'views_digest'") == views_digest()


def store_is_current(con: duckdb.DuckDBPyConnection) -> bool:
    return schema_version(con) >= latest_schema_version() and views_current(con)


def connect_read(
    path: str | os.PathLike | None = None,
    *,
    lock_timeout: float = 2.0,
    on_wait: Callable[[str], None] | None = None,
) -> duckdb.DuckDBPyConnection:
    """A short read-only connection. A missing store is NoSuchStore (only
    import and demo create one); an outdated one is first upgraded through
    a brief write connection; a newer one is StoreTooNew."""
    db = resolve_db_path(path)
    store_guard.require_existing(db)
    con = _connect_with_retry(db, read_only=True, lock_timeout=lock_timeout, on_wait=on_wait)
    configure(con)
    try:
        store_guard.check_schema(con, db, latest_schema_version())
    except BaseException:
        con.close()
        raise
    if not store_is_current(con):
        con.close()
        connect_write(db, lock_timeout=lock_timeout, on_wait=on_wait).close()
        con = _connect_with_retry(db, read_only=True, lock_timeout=lock_timeout, on_wait=on_wait)
        configure(con)
    return con
