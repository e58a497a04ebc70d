"""The importer: files in, typed rows stored exactly once, every refused row
explained (data contract "Inputs" and "Bad input"; R1, R2).

Two phases per call:

1. Stage, outside any transaction: hash each file (a file already imported is
   skipped, its rows counted as duplicates), recognise its kind from its
   columns, read it through a format view (queries/ingest/src_*.sql) into
   checked TEMP tables (check_<kind>.sql: typed values or a reason; an events
   file's names as local ids, see staging.py).
2. Store, in one transaction: per staged file, dictionaries, accepted rows,
   refused rows into ``rejects``, the file into ``imports``. The call lands
   whole or not at all.

:func:`import_into` (the ``flexdash import`` command) stages on a private
in-memory connection and attaches the store only for phase 2 and what the
caller runs after it under the same lock (the engine's recompute): the
store's write lock is held for the final transaction only (issue 2), so the
dashboard's reads go on while a big file is read and checked.
:func:`import_paths` does both phases on a store connection already open.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from app import sql, store, tempdirs
from app.errors import UnreadableInput
from app.ingest import reader, staging, steps
from app.ingest.kinds import KINDS, Kind, recognise
from app.ingest.options import DEFAULT_KEY, Earlier, ReadOptions, read_again
from app.textsafe import show

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
    revised: int = 0  # vendor_usage: accepted rows that replaced an earlier export's tokens (R24)

    def as_json(self) -> dict:
        out = {
            "file": self.file,
            "kind": self.kind,
            "rows": self.rows,
            "accepted": self.accepted,
            "duplicates": self.duplicates,
            "rejected": self.rejected,
        }
        if self.kind == "vendor_usage":
            out["revised"] = self.revised
        return out


@dataclass
class _Staged:
    path: Path
    digest: str
    size: int
    result: FileResult
    kind: Kind | None = None  # None: nothing to store (skipped or empty)
    number: int | None = None  # its staging tables: checked_<number>, names_<number>
    unique: Future[bool] | None = None  # events: no identity twice in the file (staging.identities_unique)
    grouped: bool = False  # events staged from a fast path's groups (staging.Staged)
    again: bool = False  # content imported before, read again (options.read_again)
    decided_by: str | None = None  # skipped: the options of the import that read it
    options: ReadOptions | None = None  # read again: the call's options after the earlier import's (ReadOptions.after)


# seen(digest) -> the row of store.find_import for the same content, or None
Seen = Callable[[str], "tuple | None"]


def _earlier(row: tuple | None) -> Earlier | None:
    if row is None:
        return None
    kind, rows, rejected, options = row
    return Earlier(kind, rows, rejected, options or DEFAULT_KEY)


def _rows(con: duckdb.DuckDBPyConnection, name: str, params=None) -> list[tuple]:
    """The rows of ``queries/<name>.sql`` (a literal: grep finds the caller)."""
    return con.execute(sql.load(name), params or []).fetchall()


def import_paths(
    con: duckdb.DuckDBPyConnection,
    paths: list[str | Path],
    *,
    kind: str | None = None,
    assume_tz: str | None = None,
    encoding: str | None = None,
    retry_rejected: bool = False,
    progress: Progress | None = None,
) -> list[FileResult]:
    """Import files and folders into the store open on ``con`` (its lock
    held for the whole call); everything is stored in one transaction
    (committed here; rolled back on any error, so nothing of the call lands).
    Raises UnreadableInput for a file that cannot be read at all.
    ``assume_tz``, ``encoding``, ``retry_rejected``: app/ingest/options.py."""
    options = ReadOptions.parse(assume_tz, encoding, retry_rejected)
    files = _files(paths, kind)
    con.execute(sql.load("ingest/limit_memory"))
    staged: list[_Staged] = []
    try:
        _stage_all(con, files, staged, kind, options, progress, lambda d: store.find_import(con, d))
        _store_all(con, staged, options, progress)
    finally:  # the staging tables go, whatever happened
        for item in staged:
            if item.number is not None:
                staging.drop_checked(con, item.number)
        staging.drop_checked(con)
        con.execute(sql.load("ingest/reset_memory"))
    return [item.result for item in staged]


def import_into(
    db: str | Path | None,
    paths: list[str | Path],
    *,
    kind: str | None = None,
    assume_tz: str | None = None,
    encoding: str | None = None,
    retry_rejected: bool = False,
    progress: Progress | None = None,
    lock_timeout: float = 30.0,
    on_wait: Callable[[str], None] | None = None,
    then: Callable[[duckdb.DuckDBPyConnection, list[FileResult]], None] | None = None,
) -> list[FileResult]:
    """Import into the store at ``db`` holding its write lock only at the
    end: stage on an in-memory connection, then attach the store (waiting
    for its lock with backoff up to ``lock_timeout``: StoreBusy), store in
    one transaction and run ``then(con, results)`` before letting go.
    Raises UnreadableInput for a file that cannot be read at all (before the
    store is touched)."""
    options = ReadOptions.parse(assume_tz, encoding, retry_rejected)
    files = _files(paths, kind)
    db_path = store.resolve_db_path(db)
    store.check_before_import(db_path)  # a bad store is said before any file is read
    # removed at the end, on SIGTERM/SIGHUP, or by the next import after a kill
    with tempdirs.private_temp_folder("import") as spill:
        con = duckdb.connect(config={"temp_directory": str(spill)})
        try:
            store.configure(con)
            con.execute(sql.load("ingest/limit_memory"))
            staged: list[_Staged] = []
            _stage_all(con, files, staged, kind, options, progress, lambda d: store.peek_import(db_path, d))
            store.attach_write(con, db_path, lock_timeout=lock_timeout, on_wait=on_wait)
            try:
                _store_all(con, staged, options, progress)
                results = [item.result for item in staged]
                con.execute(sql.load("ingest/reset_memory"))
                if then is not None:
                    then(con, results)
            finally:
                store.detach(con)
        finally:
            con.close()
    return results


def _files(paths, kind: str | None) -> list[Path]:
    if kind is not None and kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    files = reader.discover(paths)
    if not files:
        raise UnreadableInput(
            "no importable file in " + ", ".join(str(p) for p in paths) + f" (expected {reader.SUPPORTED})"
        )
    return files


def _stage_all(
    con,
    files: list[Path],
    staged: list[_Staged],
    kind: str | None,
    options: ReadOptions,
    progress: Progress | None,
    seen: Seen,
) -> None:
    for number, path in enumerate(files, start=1):
        staged.append(_stage_file(con, path, number, staged, kind, options, progress, seen))


def _store_all(con, staged: list[_Staged], options: ReadOptions, progress: Progress | None) -> None:
    with store.transaction(con):
        for item in staged:
            _store_file(con, item, options)
            if progress:
                progress(item.result.file, item.size, item.size)


def _stage_file(
    con,
    path: Path,
    number: int,
    earlier: list[_Staged],
    forced: str | None,
    options: ReadOptions,
    progress: Progress | None,
    seen_before: Seen,
) -> _Staged:
    name = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UnreadableInput(f"{path}: cannot be read ({exc.strerror or exc})") from None
    fmt = reader.file_format(path)
    scan = reader.fingerprint(path)
    digest = scan.digest

    # The same content earlier in this call: skipped. Imported before:
    # skipped, unless its refused rows are read again (options.read_again).
    same = next((e for e in earlier if e.digest == digest), None)
    if same is not None:
        return _skipped(path, digest, size, Earlier(same.result.kind, same.result.rows, 0, options.key()))
    seen = _earlier(seen_before(digest))
    if seen is not None and not read_again(seen, options):
        return _skipped(path, digest, size, seen)
    call_options = options
    if seen is not None:
        options = options.after(seen.options)

    found = staging.columns(path, fmt, options.encoding)
    if found is None:  # an empty file: nothing to read, nothing wrong
        return _Staged(path, digest, size, FileResult(name, forced or "unknown", warnings=["empty file"]))
    header, sep = found
    kind = KINDS[forced] if forced else recognise(header)
    if kind is None:
        raise UnreadableInput(
            f"{path}: no recognisable columns (found: {_names(header)}; {_read_as(fmt, sep, options)}); "
            "expected the columns of events, packs, rates, assignments, prices, groups, aliases "
            "or the vendor's usage export "
            "(see the data contract), or force one with --kind"
        )
    result = FileResult(name, kind.name)
    on_bytes = (lambda done: progress(name, min(done, size), size)) if progress else None
    staged = staging.stage(con, path, fmt, kind, header, options, on_bytes, scan=scan, sep=sep)
    result.warnings.extend(staged.warnings)
    item = _Staged(path, digest, size, result, kind, staging.keep_checked(con, number), staged.unique, staged.grouped)
    item.again = seen is not None
    if options is not call_options:
        item.options = options
    return item


def _names(header: list[str], width: int = 60, most: int = 20) -> str:
    """The columns found, each and the list shortened (a bomb's one line is no header)."""
    shown = [show(h, width) for h in header[:most]]
    more = f", ... ({len(header) - most} more)" if len(header) > most else ""
    return (", ".join(shown) or "none") + more


def _read_as(fmt: str | None, sep: str, options: ReadOptions) -> str:
    """How the header was read, for the message naming what was tried."""
    if fmt == "csv":
        return f"read with separator {sep!r} and encoding {options.encoding_label}"
    if fmt == "jsonl":
        return f"read with encoding {options.encoding_label}"
    return f"read as {fmt}"


def _skipped(path: Path, digest: str, size: int, seen: Earlier) -> _Staged:
    result = FileResult(str(path), seen.kind, rows=seen.rows, duplicates=seen.rows, skipped=True)
    if seen.rejected:
        result.warnings.append(
            f"{seen.rejected} of its rows stand refused from when it was imported ({_read_with(seen.options)}); "
            "this import changed nothing (exit 0, as any re-import: data contract). See them with "
            "'flexdash report rejects'; to read them again, import it with the options they need "
            "(--assume-tz ZONE, --encoding NAME) or, once the store has what they lacked, with --retry-rejected"
        )
    return _Staged(path, digest, size, result, decided_by=seen.options)


def _read_with(key: str) -> str:
    """How an import recorded as ``key`` (ReadOptions.key) read the file, for a message."""
    then = dict(part.split("=", 1) for part in key.split(";") if "=" in part)
    zone = then.get("assume_tz") or ""
    tz = f"--assume-tz {show(zone, 60)}" if zone else "no --assume-tz"
    return f"read with {tz}, encoding {show(then.get('encoding') or 'utf-8', 20)}"


def _store_file(con, item: _Staged, options: ReadOptions) -> None:
    if not item.result.skipped:
        # imported by another process since it was staged: skipped after all
        # (unless that import, too, refused rows these options read again)
        seen = _earlier(store.find_import(con, item.digest))
        item.again = seen is not None
        if seen is not None and not read_again(seen, options):
            skipped = _skipped(item.path, item.digest, item.size, seen)
            skipped.result.warnings[:0] = item.result.warnings
            item.kind, item.result, item.decided_by = None, skipped.result, skipped.decided_by
    import_id = _rows(con, "ingest/next_import_id")[0][0]
    r = item.result
    if item.kind is not None:
        staging.use_checked(con, item.number)
        kind = item.kind.name
        steps.run(con, steps.BEFORE_COUNT.get(kind, ()))
        rows, rejected = _rows(con, steps.COUNT.get(kind, "ingest/count_checked"))[0]
        steps.run(con, steps.DICTIONARIES)
        steps.run(con, steps.REPLACE.get(kind, ()))
        store_query, params = steps.STORE.get(kind), [import_id]
        runs = False
        if kind == "events":
            steps.run(con, steps.EVENT_IDS)
            # all new: no exactly-once work to do; then, are the local ids the store's?
            plain = bool(
                item.unique is not None and item.unique.result() and _rows(con, "ingest/events_plain_ok")[0][0]
            )
            same_ids = plain and bool(_rows(con, "ingest/ids_unchanged")[0][0])
            store_query = "ingest/store_events"
            params = {"import_id": import_id, "dedupe": not plain, "same_ids": same_ids}
            # a fast path's rows stored as staged, group by group (not through
            # the dedupe's GROUP BY): their ids come in runs
            runs = item.grouped and plain
        if runs:
            con.execute(sql.load("ingest/compress_runs"))
        if kind == "vendor_usage":
            r.revised = _vendor_revisions(con)
        try:
            accepted = _rows(con, store_query, params)[0][0]
        finally:
            if runs:
                con.execute(sql.load("ingest/compress_reset"))
        r.rows, r.rejected, r.accepted = rows, rejected, accepted
        r.duplicates = rows - rejected - accepted
        if item.again:  # the rows refused before are judged again just now
            _rows(con, "ingest/replace_rejects", [item.digest])
        _rows(con, "ingest/store_rejects", [import_id, r.file])
        con.execute(sql.load("ingest/drop_vendor_new"))
        staging.drop_checked(con)
    _rows(
        con,
        "ingest/record_import",
        [import_id, r.file, item.digest, r.kind, r.rows, r.accepted, r.duplicates, r.rejected],
    )
    _rows(con, "ingest/record_options", [import_id, item.decided_by or (item.options or options).key()])


def _vendor_revisions(con) -> int:
    """Each identity of the file against the store; the stored values a later
    export revises go. How many did (R24: counted as accepted)."""
    con.execute(sql.load("ingest/vendor_identities"))
    revised = _rows(con, "ingest/vendor_revised")[0][0]
    con.execute(sql.load("ingest/replace_vendor_usage"))
    return int(revised)
