"""The importer: files in, typed rows stored exactly once, every refused row
explained (data contract "Inputs" and "Bad input"; R1, R2).

For each file: hash its bytes (a file already imported is skipped, its rows
counted as duplicates), recognise its kind from its columns, stage it through
a format view (queries/ingest/src_*.sql) into a checked TEMP table
(check_<kind>.sql: typed values or a reason), then store the accepted rows,
copy the refused ones to ``rejects`` and record the file in ``imports``.
All files of one call share one transaction: the call lands whole or not at all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from app import sql
from app.errors import UnreadableInput
from app.ingest import reader
from app.ingest.kinds import ALL_COLUMNS, KINDS, MAX_COLUMNS, ColumnMap, Kind, map_columns, recognise
from app.timeutil import parse_zone

MAX_LINE_BYTES = 1 << 20  # a longer line is rejected (a 10 MB line is no log row)

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

# progress(file, bytes_done, bytes_total)
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
    """Import files and folders in one transaction (committed here; rolled
    back on any error, so nothing of the call lands). Raises UnreadableInput
    for a file that cannot be read at all."""
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
    con.execute("BEGIN TRANSACTION")
    try:
        results = [_import_file(con, path, kind, assume_tz, progress) for path in files]
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return results


def _import_file(con, path: Path, forced: str | None, assume_tz: str | None,
                 progress: Progress | None) -> FileResult:
    name = str(path)
    try:
        total = path.stat().st_size
    except OSError as exc:
        raise UnreadableInput(f"{path}: cannot be read ({exc.strerror or exc})") from None
    fmt = reader.file_format(path)
    digest = reader.content_hash(path)
    import_id = _rows(con, "next_import_id")[0][0]

    seen = _rows(con, "find_import", [digest])
    if seen:
        kind, rows = seen[0]
        result = FileResult(name, kind, rows=rows, duplicates=rows, skipped=True)
        _record(con, import_id, digest, result)
        if progress:
            progress(name, total, total)
        return result

    header = _columns(path, fmt)
    if header is None:  # an empty file: nothing to read, nothing wrong
        result = FileResult(name, forced or "unknown", warnings=["empty file"])
        _record(con, import_id, digest, result)
        return result
    kind = KINDS[forced] if forced else recognise(header)
    if kind is None:
        raise UnreadableInput(
            f"{path}: no recognisable columns (found: {', '.join(header) or 'none'}); "
            "expected the columns of events, packs, rates, assignments or prices "
            "(see the data contract), or force one with --kind"
        )
    result = FileResult(name, kind.name)
    cmap = map_columns(kind, header)
    if fmt == "jsonl":  # JSON keys are read per line; picked from ALL_COLUMNS
        positions = [ALL_COLUMNS.index(c) + 1 for c in kind.columns]
        missing: list[str] = []
    else:
        positions, missing = cmap.positions, cmap.missing
        if cmap.extras:
            result.warnings.append(_extras_warning(cmap.extras))
    if missing:
        result.warnings.append("missing required column(s): " + ", ".join(missing) + " (every row rejected)")
    positions = positions + [None] * (MAX_COLUMNS - len(positions))
    con.execute(sql.load("ingest/ingest_cfg"), {
        "first_line": 2 if fmt == "csv" else 1,
        "ncols": len(header),
        "pos": positions,
        "max_bytes": MAX_LINE_BYTES,
        "assume_tz": assume_tz,
        "missing": ", ".join(missing) or None,
    })

    _stage(con, path, fmt, kind, total, progress, result)
    _store(con, kind, import_id, result)
    _rows(con, "store_rejects", [import_id, name])
    _record(con, import_id, digest, result)
    return result


def _columns(path: Path, fmt: str) -> list[str] | None:
    if fmt == "csv":
        return reader.csv_header(path)
    if fmt == "jsonl":
        keys = reader.jsonl_keys(path)
        if keys is None and reader.first_line(path) is None:
            return None
        return keys or []
    return reader.parquet_columns(path)


def _extras_warning(extras: list[str]) -> str:
    return "extra column(s) kept nowhere: " + ", ".join(extras)


def _stage(con, path: Path, fmt: str, kind: Kind, total: int, progress: Progress | None,
           result: FileResult) -> None:
    """Build src_fields for the file and run the kind's checks into `checked`."""
    name = str(path)
    on_bytes = (lambda done: progress(name, min(done, total), total)) if progress else None
    batches = None
    try:
        if fmt == "parquet":
            con.read_parquet(str(path), file_row_number=True).create_view("src_parquet", replace=True)
            con.execute(sql.load("ingest/src_parquet"))
        else:
            batches = reader.LineBatches(path, on_bytes)
            if fmt == "jsonl":
                con.register("src_lines_stream", batches.reader())
                con.execute(sql.load("ingest/materialise_lines"))
                con.unregister("src_lines_stream")
                con.execute(sql.load("ingest/src_jsonl"))
            else:
                con.register("src_lines", batches.reader())
                con.execute(sql.load("ingest/src_csv"))
        con.execute(sql.load(f"ingest/check_{kind.name}"))
        if fmt == "csv":
            con.unregister("src_lines")
    except duckdb.Error as exc:
        if batches is not None and batches.error:
            raise UnreadableInput(f"{path}: {batches.error}") from None
        if fmt == "parquet" and isinstance(exc, (duckdb.IOException, duckdb.InvalidInputException)):
            raise UnreadableInput(f"{path}: not a readable Parquet file ({_first_line(exc)})") from None
        raise
    if fmt == "jsonl":
        extras = [k for (k,) in _rows(con, "jsonl_extra_keys", [list(kind.columns)])]
        if extras:
            result.warnings.append(_extras_warning(extras))
        con.execute(sql.load("ingest/drop_lines"))
    if progress:
        progress(name, total, total)


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def _store(con, kind: Kind, import_id: int, result: FileResult) -> None:
    if kind.name in _CONFLICTS:
        con.execute(sql.load(f"ingest/conflicts_{kind.name}"))
        con.execute(sql.load("ingest/apply_conflicts"))
    rows, rejected = _rows(con, "count_checked")[0]
    for table in _DICTIONARIES[kind.name]:
        con.execute(sql.load(f"ingest/dict_{table}"))
    if kind.name in _REPLACES:
        con.execute(sql.load(f"ingest/replace_{kind.name}"))
    accepted = _rows(con, f"store_{kind.name}", [import_id])[0][0]
    result.rows, result.rejected, result.accepted = rows, rejected, accepted
    result.duplicates = rows - rejected - accepted


def _record(con, import_id: int, digest: str, r: FileResult) -> None:
    _rows(con, "record_import", [import_id, r.file, digest, r.kind, r.rows, r.accepted, r.duplicates, r.rejected])
