"""The importer: files in, typed rows stored exactly once, every refused row
explained (data contract "Inputs" and "Bad input"; R1, R2).

Two phases per call:

1. Stage, outside any transaction: hash each file (a file already imported is
   skipped, its rows counted as duplicates), recognise its kind from its
   columns, read it through a format view (queries/ingest/src_*.sql) into a
   checked TEMP table (check_<kind>.sql: typed values or a reason).
2. Store, in one transaction: per staged file, dictionaries, accepted rows,
   refused rows into ``rejects``, the file into ``imports``. The call lands
   whole or not at all.

Staging first keeps the transaction short and lets a failed read be retried
another way (a DuckDB error inside a transaction aborts all of it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from app import sql
from app.errors import UnreadableInput
from app.ingest import reader, staging
from app.ingest.kinds import KINDS, Kind, recognise
from app.timeutil import parse_zone

# What each kind adds to the dictionaries, and how it is stored.
_DICTIONARIES = {
    "events": ("users", "teams", "products", "devices", "sessions"),
    "packs": ("teams",),
    "rates": ("products",),
    "assignments": ("teams", "users", "products"),
    "prices": ("products",),
}
_CONFLICTS = {"packs", "rates", "prices"}
_REPLACES = {"rates", "prices"}  # imported rows replace the product's earlier ones

# progress(file, bytes_done, bytes_total): called while a file is read, and
# once more when it is stored.
Progress = Callable[[str, int, int], None]


@dataclass
class FileResult:
    file: str
    kind: str
    rows: int = 0
    accepted: int = 0
    duplicates: int = 0
    rejected: int = 0
    warnings: list[str] = field(default_factory=list)
    skipped: bool = False  # same content imported before

    def as_json(self) -> dict:
        return {
            "file": self.file, "kind": self.kind, "rows": self.rows, "accepted": self.accepted,
            "duplicates": self.duplicates, "rejected": self.rejected,
        }


@dataclass
class _Staged:
    path: Path
    digest: str
    size: int
    result: FileResult
    kind: Kind | None = None  # None: nothing to store (skipped or empty)
    table: str | None = None  # TEMP table holding the checked rows


def _rows(con: duckdb.DuckDBPyConnection, name: str, params=None) -> list[tuple]:
    return con.execute(sql.load(f"ingest/{name}"), params or []).fetchall()


def import_paths(
    con: duckdb.DuckDBPyConnection,
    paths: list[str | Path],
    *,
    kind: str | None = None,
    assume_tz: str | None = None,
    progress: Progress | None = None,
) -> list[FileResult]:
    """Import files and folders; everything is stored in one transaction
    (committed here; rolled back on any error, so nothing of the call lands).
    Raises UnreadableInput for a file that cannot be read at all."""
    if kind is not None and kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    if assume_tz is not None:
        parse_zone(assume_tz)  # a clear usage error for an unknown zone (R2)
    files = reader.discover(paths)
    if not files:
        raise UnreadableInput(
            "no importable file in " + ", ".join(str(p) for p in paths)
            + f" (expected {reader.SUPPORTED})"
        )
    staged: list[_Staged] = []
    con.execute(sql.load("ingest/limit_memory"))
    try:
        for number, path in enumerate(files, start=1):
            staged.append(_stage_file(con, path, number, staged, kind, assume_tz, progress))
        con.execute("BEGIN TRANSACTION")
        try:
            for item in staged:
                _store_file(con, item)
                if progress:
                    progress(item.result.file, item.size, item.size)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    finally:  # the staging tables go, whatever happened (IF EXISTS: some were renamed)
        for item in staged:
            if item.table:
                staging.drop_checked(con, item.table)
        staging.drop_checked(con, "checked")
        con.execute(sql.load("ingest/reset_memory"))
    return [item.result for item in staged]


def _stage_file(con, path: Path, number: int, earlier: list[_Staged], forced: str | None,
                assume_tz: str | None, progress: Progress | None) -> _Staged:
    name = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UnreadableInput(f"{path}: cannot be read ({exc.strerror or exc})") from None
    fmt = reader.file_format(path)
    digest = reader.content_hash(path)

    # The same content imported before, or earlier in this call: skipped.
    seen = _rows(con, "find_import", [digest])
    if not seen:
        seen = [(e.result.kind, e.result.rows) for e in earlier if e.digest == digest]
    if seen:
        kind_name, rows = seen[0]
        result = FileResult(name, kind_name, rows=rows, duplicates=rows, skipped=True)
        return _Staged(path, digest, size, result)

    header = staging.columns(path, fmt)
    if header is None:  # an empty file: nothing to read, nothing wrong
        return _Staged(path, digest, size, FileResult(name, forced or "unknown", warnings=["empty file"]))
    kind = KINDS[forced] if forced else recognise(header)
    if kind is None:
        raise UnreadableInput(
            f"{path}: no recognisable columns (found: {', '.join(header) or 'none'}); "
            "expected the columns of events, packs, rates, assignments or prices "
            "(see the data contract), or force one with --kind"
        )
    result = FileResult(name, kind.name)
    on_bytes = (lambda done: progress(name, min(done, size), size)) if progress else None
    result.warnings.extend(staging.stage(con, path, fmt, kind, header, assume_tz, on_bytes))
    table = staging.keep_checked(con, number)
    return _Staged(path, digest, size, result, kind, table)


def _store_file(con, item: _Staged) -> None:
    import_id = _rows(con, "next_import_id")[0][0]
    r = item.result
    if item.kind is not None:
        staging.use_checked(con, item.table)
        kind = item.kind.name
        if kind in _CONFLICTS:
            con.execute(sql.load(f"ingest/conflicts_{kind}"))
            con.execute(sql.load("ingest/apply_conflicts"))
        rows, rejected = _rows(con, "count_checked")[0]
        for table in _DICTIONARIES[kind]:
            con.execute(sql.load(f"ingest/dict_{table}"))
        if kind in _REPLACES:
            con.execute(sql.load(f"ingest/replace_{kind}"))
        store = f"store_{kind}"
        if kind == "events" and _rows(con, "events_plain_ok")[0][0]:
            store = "store_events_plain"  # all new: no exactly-once work to do
        accepted = _rows(con, store, [import_id])[0][0]
        r.rows, r.rejected, r.accepted = rows, rejected, accepted
        r.duplicates = rows - rejected - accepted
        _rows(con, "store_rejects", [import_id, r.file])
        staging.drop_checked(con, "checked")
    _rows(con, "record_import", [import_id, r.file, item.digest, r.kind, r.rows, r.accepted, r.duplicates, r.rejected])
