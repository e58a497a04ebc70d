"""What a store path must be before flexdash opens it, and the admin's
words for what is wrong with it (exit codes 6, 7, 8; app/errors.py).

* Only ``import`` and ``demo`` create a store; every other command given a
  path where none exists stops with :class:`NoSuchStore`.
* The folders flexdash creates for a store are private (0700), as the store
  file is (0600).
* A folder that is a file, a file that is not a DuckDB database, a DuckDB
  database that is not a flexdash store: :class:`StoreUnusable`.
* A store whose schema is newer than this flexdash knows is read by nothing
  and written by nothing (:class:`StoreTooNew`): its version is read on a
  read-only connection before any write connection is opened.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from app.errors import NoSuchStore, StoreTooNew, StoreUnusable

CREATORS = "flexdash import --db PATH FILE_OR_FOLDER... (or flexdash demo)"


def check_place(db: Path) -> None:
    """The path could hold a store: no file where a folder must be, no
    folder where the store file must be (nothing is created)."""
    parent = _first_existing(db.parent)
    if parent is not None and not parent.is_dir():
        raise _folder_is_a_file(db, parent)
    if db.is_dir():
        raise StoreUnusable(f"the store path {db} is a folder, not a store file: give the file inside it with --db")


def require_existing(db: Path) -> None:
    """A command that only reads or recomputes: the store must be there."""
    check_place(db)
    if not db.exists():
        raise NoSuchStore(f"no such store: {db}; a store is created by {CREATORS}")


def make_private_folder(db: Path) -> None:
    """Create the store's folder and its missing parents, each 0700 (mkdir's
    mode is masked by the umask, so set it after)."""
    missing = []
    folder = db.parent
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    if not folder.is_dir():
        raise _folder_is_a_file(db, folder)
    for path in reversed(missing):
        try:
            path.mkdir(mode=0o700)
        except FileExistsError:
            if not path.is_dir():
                raise _folder_is_a_file(db, path) from None
            continue  # another process made it meanwhile
        except OSError as exc:
            raise StoreUnusable(f"cannot create the store's folder {path}: {exc.strerror}") from None
        os.chmod(path, 0o700)
    if db.is_dir():
        raise StoreUnusable(f"the store path {db} is a folder, not a store file: give the file inside it with --db")


def open_error(db: Path, exc: duckdb.Error) -> StoreUnusable:
    """DuckDB's refusal to open ``db`` (anything but its lock), in the
    admin's words."""
    text = str(exc)
    broken = damaged(exc, db)
    if broken is not None:
        return broken
    if "not a valid DuckDB database file" in text:
        return StoreUnusable(
            f"{db} is not a flexdash store (not a DuckDB database file); "
            "give another path with --db, or move this file away"
        )
    reason = text.removeprefix("IO Error: ").splitlines()[0] if text else type(exc).__name__
    return StoreUnusable(f"cannot open the store {db}: {reason}")


# DuckDB's words for a store file damaged after it was opened (a block's checksum, a short read)
_DAMAGE = ("Corrupt database file", "Could not read enough bytes")


def damaged(exc: BaseException, db: Path) -> StoreUnusable | None:
    """A DuckDB error that says the store's file is damaged, in the admin's
    words (exit 6, not an internal error); None for any other error."""
    if not isinstance(exc, duckdb.Error) or not any(words in str(exc) for words in _DAMAGE):
        return None
    reason = str(exc).removeprefix("Error: ").removeprefix("IO Error: ").splitlines()[0]
    return StoreUnusable(
        f"the store {db} is damaged ({reason}); restore it from a backup, or import the logs again into a new store"
    )


def check_schema(con: duckdb.DuckDBPyConnection, db: Path, known: int) -> None:
    """Refuse a store written by a newer flexdash (exit 7) and a DuckDB
    database that holds other tables but no flexdash schema (exit 6)."""
    version, tables = con.execute(
        "SELECT (SELECT count(*) FROM information_schema.tables WHERE table_catalog = current_database() "
        "AND table_schema = 'main' AND table_name = 'schema_version'), "
        "(SELECT count(*) FROM information_schema.tables WHERE table_catalog = current_database())"
    ).fetchall()[0]
    if not version:
        if tables:
            raise StoreUnusable(
                f"{db} is a DuckDB database but not a flexdash store (it has no schema_version table); "
                "give another path with --db"
            )
        return
    found = con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchall()[0][0]
    if found > known:
        raise StoreTooNew(
            f"the store {db} was written by a newer flexdash (schema version {found}; this one knows up to "
            f"{known}); it was left untouched: upgrade flexdash to use it"
        )


def _first_existing(folder: Path) -> Path | None:
    while not folder.exists():
        if folder == folder.parent:
            return None
        folder = folder.parent
    return folder


def _folder_is_a_file(db: Path, folder: Path) -> StoreUnusable:
    return StoreUnusable(f"cannot use the store {db}: {folder} is a file, not a folder")
