"""Staging one file: its columns, the format view, the kind's checks, into a
checked TEMP table (queries/ingest/src_*.sql then check_<kind>.sql), and the
names it brings to the dictionaries into ``file_names`` (names_<kind>.sql).

An events file is staged with integers where its names were: each
column's distinct values (distinct_events.sql) become local dictionaries
(names_events.sql), and each name, event, os and version is replaced by its
local id (stage_events.sql), the instants kept as lists; the store's ids are
given in the final transaction. Staging needs no store, so the importer can
stage with no lock held. On a fast path the file is read once: its rows are
grouped by everything but the instant, as read (group_events.sql, only the
instant checked row by row), and event, os, version and the names are read
and checked once per distinct spelling (spellings.sql, values_clean.sql) and
given ids once per group. The
exact path checks every row and keeps each as a group of one, in the
file's order.

Events files (the big inputs) take a fast path when they can: DuckDB's own
parallel readers, picking only the contract's columns as text (a plain CSV:
pinned columns, no auto-detection, strict; or a Parquet file). The CSV
reader's limits (measured on duckdb 2.0.1: an unterminated quote swallows the
next lines, blank lines are skipped uncounted so line numbers drift, NUL
bytes pass silently) do not matter for a file with no quote and no NUL byte
(one memory-speed scan first), or one whose values are each quoted whole
(quoted_values_ok.sql), in which nothing is refused: then no line number or
raw text is ever shown. A gzip is decompressed first, into memory or a
private temporary folder (_plain_copy): DuckDB reads a gzip, and runs the checks
above it, on one thread. Any other file, or one in which something is
refused, is read again exactly (reader.LineBatches numbers every line; the
Parquet view numbers every row).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import NamedTuple

import duckdb

from app import sql, store, tempdirs
from app.errors import UnreadableInput
from app.ingest import reader, steps
from app.ingest.kinds import ALL_COLUMNS, MAX_COLUMNS, Kind, map_columns
from app.ingest.options import ReadOptions

MAX_LINE_BYTES = 1 << 20  # a longer line is rejected (a 10 MB line is no log row)

# Names of the importer's own TEMP tables (never from input): checked_<n>,
# names_<n>.
_RENAME = "ALTER TABLE {old} RENAME TO {new}"
_DROP = "DROP TABLE IF EXISTS {table}"
_DROP_VIEW = "DROP VIEW IF EXISTS {view}"


def columns(path: Path, fmt: str, encoding: str = "utf-8") -> tuple[list[str], str] | None:
    """The file's column names and a CSV's separator (reader.csv_header);
    None for an empty file."""
    if fmt == "csv":
        return reader.csv_header(path, encoding)
    if fmt == "xlsx":
        header = reader.xlsx_header(path)
        return None if header is None else (header, ",")
    if fmt == "jsonl":
        keys = reader.jsonl_keys(path, encoding=encoding)
        if keys is None and reader.first_line(path) is None:
            return None
        return keys or [], ","
    return reader.parquet_columns(path), ","


def _extras_warning(extras: list[str]) -> str:
    return "extra column(s) kept nowhere: " + ", ".join(extras)


class Staged(NamedTuple):
    """What staging a file tells the importer."""

    warnings: list[str]
    # events: whether no accepted event's identity occurs twice in the file
    # (then the store needs no dedupe within it), as it is being worked out
    # (identities_unique); None for the other kinds
    unique: Future[bool] | None
    # events staged from a fast path's groups: the rows of a group come
    # together, so their ids come in runs (compress_runs.sql)
    grouped: bool


def stage(
    con,
    path: Path,
    fmt: str,
    kind: Kind,
    header: list[str],
    options: ReadOptions,
    on_bytes: Callable[[int], None] | None,
    *,
    scan: reader.Fingerprint | None = None,
    sep: str = ",",
) -> Staged:
    """Fill the TEMP tables ``checked`` and ``file_names`` from the file
    (see Staged for what is returned). ``scan``: what reader.fingerprint
    found in its bytes (None: nothing known); ``sep``: a CSV's separator."""
    warnings: list[str] = []
    cmap = map_columns(kind, header)
    if fmt == "jsonl":  # JSON keys are read per line, picked from ALL_COLUMNS
        positions = [ALL_COLUMNS.index(c) + 1 for c in kind.columns]
        missing: list[str] = []
    else:
        positions, missing = cmap.positions, cmap.missing
        if cmap.extras:
            warnings.append(_extras_warning(cmap.extras))
    if missing:
        warnings.append("missing required column(s): " + ", ".join(missing) + " (every row rejected)")
    positions = positions + [None] * (MAX_COLUMNS - len(positions))
    with _plain_copy(path, fmt, kind, options, scan, warnings) as (read_path, read_scan, may_fast):
        # the fast paths: events only (the big inputs), CSV or Parquet
        csv_mode = _csv_mode(read_path, fmt, kind, options, read_scan, bool(cmap.extras)) if may_fast else None
        unique = _stage_fast(con, read_path, fmt, kind, header, positions, options, missing, sep, csv_mode)
    if unique is not None:
        if on_bytes:
            on_bytes(path.stat().st_size)
        return Staged(warnings, unique, grouped=True)
    _exact(con, path, fmt, kind, on_bytes, options.encoding)
    if fmt == "jsonl":
        extras = [k for (k,) in con.execute(sql.load("ingest/jsonl_extra_keys"), [list(kind.columns)]).fetchall()]
        if extras:
            warnings.append(_extras_warning(extras))
        con.execute(sql.load("ingest/drop_lines"))
    return Staged(warnings, identities_unique(con) if kind.name == "events" else None, grouped=False)


def _stage_fast(
    con,
    path: Path,
    fmt: str,
    kind: Kind,
    header: list[str],
    positions: list[int | None],
    options: ReadOptions,
    missing: list[str],
    sep: str,
    csv_mode: str | None,
) -> Future[bool] | None:
    """The file's settings (ingest_cfg), then a fast path if one applies:
    as _fast_checks, None when the exact reader must read the file."""
    con.execute(
        sql.load("ingest/ingest_cfg"),
        {
            "first_line": 2 if fmt in ("csv", "xlsx") else 1,
            "sep": sep,
            "ncols": len(header),
            "pos": positions,
            "max_bytes": MAX_LINE_BYTES,
            "assume_tz": options.assume_tz,
            "missing": ", ".join(missing) or None,
            "encoding": options.encoding_label,
            "quoted": csv_mode == "quoted",
        },
    )
    if csv_mode is not None:
        return _fast_csv(con, path, kind, len(header), positions, sep, csv_mode == "quoted")
    if kind.name == "events" and fmt == "parquet":
        return _fast_parquet(con, path, kind, header, positions)
    return None


@contextlib.contextmanager
def _plain_copy(
    path: Path, fmt: str, kind: Kind, options: ReadOptions, scan: reader.Fingerprint | None, warnings: list[str]
) -> Iterator[tuple[Path, reader.Fingerprint | None, bool]]:
    """(the file a fast CSV path reads, what its bytes hold, whether one may
    read it at all). A gzipped events CSV is decompressed (_decompressed),
    the copy removed once the file is staged: DuckDB reads a gzip on one
    thread. A line past the limit or a broken gzip: the exact reader reads
    the gzip and says so; too little temporary space: a warning, and DuckDB
    reads the gzip itself."""
    if not (kind.name == "events" and fmt == "csv" and reader.is_gzip(path) and options.encoding == "utf-8"):
        yield path, scan, True
        return
    with _decompressed(path, scan.digest if scan else "") as (plain, got):
        if isinstance(got, reader.Fingerprint):
            yield plain, got, True
        elif got is None:
            yield path, scan, False
        else:
            warnings.append(got)
            yield path, scan, True


@contextlib.contextmanager
def _decompressed(path: Path, digest: str) -> Iterator[tuple[Path, reader.Fingerprint | str | None]]:
    """reader.gunzip into memory when the copy fits what the machine can
    spare (tempdirs.memory_file: writing it to a disk-backed folder cost
    about 1 s of system time for a 3 M-event file, and nothing is left
    behind by a kill), else into a private temporary folder."""
    cap = min(reader.MEMORY_COPY_MAX, tempdirs.memory_to_spare())
    if reader.gzip_size(path) <= cap:
        with tempdirs.memory_file("gunzip") as plain:
            if plain is not None:
                got = reader.gunzip(path, plain, digest, MAX_LINE_BYTES, cap=cap)
                if got is not reader.OVER_CAP:  # the trailer told less than the truth: on disk then
                    yield plain, got
                    return
    with tempdirs.private_temp_folder("gunzip") as folder:
        plain = folder / "events.csv"
        yield plain, reader.gunzip(path, plain, digest, MAX_LINE_BYTES)


def _csv_mode(
    path: Path, fmt: str, kind: Kind, options: ReadOptions, scan: reader.Fingerprint | None, extras: bool
) -> str | None:
    """Which fast CSV path an events file takes, if any. ``plain``: no quote
    and no NUL byte in the file (reader.fingerprint), read as it is.
    ``quoted``: read with quotes as plain characters, and every value must
    be quoted whole or hold no quote (quoted_ok, event_checks.sql) before
    it is unquoted (quoted_values_ok.sql, spellings.sql): a quote inside a value, a quoted
    separator or line end, spaces around quotes all fail that, and the exact
    reader reads the file. A gzip is read from its decompressed copy
    (_plain_copy); read as it is (too little temporary space), its stored
    bytes tell nothing of its quotes: quoted. Extra columns are not read, so they could hide a misplaced
    quote: with any, a file that may hold quotes is read exactly."""
    if kind.name != "events" or fmt != "csv" or options.encoding != "utf-8":
        return None
    if reader.is_gzip(path) or scan is None:
        return None if extras else "quoted"
    if scan.nul:
        return None
    if not scan.quotes:
        return "plain"
    return None if extras else "quoted"


def _fast_csv(
    con, path: Path, kind: Kind, n_columns: int, positions: list[int | None], sep: str, quoted: bool
) -> Future[bool] | None:
    """Stage with DuckDB's CSV reader; as _fast_checks: None when the
    caller must read the file exactly (see the module docstring).
    Quotes are read as plain characters (_csv_mode says when that is
    safe; a gzip is read through DuckDB's own decompression). A line
    the reader cannot take (its shape, encoding or length) raises, and the
    exact reader says which (keeping the reader's refused rows instead cost
    0.2 s a pass). The reader, even strict, drops a line's trailing empty
    fields without a word (duckdb 2.0.1), where the exact reader refuses
    the line for its extra fields: so one field more than the header is
    declared, lines with fewer are padded with NULL and an empty field
    reads as '' (no field can be a newline), and src_native.sql refuses a
    line whose last field is NULL (too few) or that has one more (too
    many)."""
    try:
        rel = con.read_csv(
            str(path),
            header=True,
            auto_detect=False,
            sep=sep,
            quotechar="",
            escapechar="",
            comment="",
            columns={f"f{i}": "VARCHAR" for i in range(1, n_columns + 2)},
            strict_mode=True,
            max_line_size=MAX_LINE_BYTES,
            null_padding=True,
            na_values=["\n"],
        )
        fields = [f"f{p}" if p else None for p in positions]
        return _fast_checks(con, kind, rel, fields, (f"f{n_columns}", f"f{n_columns + 1}"), quoted=quoted)
    except duckdb.Error:
        return None  # the exact reader will say what is wrong with the file


def _fast_parquet(con, path: Path, kind: Kind, header: list[str], positions: list[int | None]) -> Future[bool] | None:
    """Stage a Parquet file by reading only the kind's columns, as text; as
    _fast_checks: None when the exact Parquet view must read it again (with
    row numbers and raw text for the refused rows)."""
    try:
        rel = con.read_parquet(str(path))
        return _fast_checks(con, kind, rel, [header[p - 1] if p else None for p in positions])
    except duckdb.Error:
        return None


def _fast_checks(
    con, kind: Kind, rel, names: list[str | None], ends: tuple[str, str] | None = None, *, quoted: bool = False
) -> Future[bool] | None:
    """Pick c1..c9 from ``rel`` by column reference (the relational API: no
    SQL text is built from the file's column names; a missing column is a
    NULL, as in the exact path), and a CSV's last field and the one after it
    (``ends``, see _fast_csv), run the kind's checks. None when the fast
    path stands down: a row is refused, or one identity is in rows that
    differ (their order decides, and grouping lost it:
    identity_conflicts.sql, asked only when pairs_in_one_group.sql cannot
    rule it out); else whether no identity occurs twice
    (identities_unique)."""
    varchar = duckdb.sqltype("VARCHAR")
    picked = [
        (duckdb.ColumnExpression(name).cast(varchar) if name else duckdb.ConstantExpression(None).cast(varchar)).alias(
            f"c{k}"
        )
        for k, name in enumerate(names, start=1)
    ]
    last, beyond = (
        (duckdb.ColumnExpression(c) for c in ends)
        if ends
        else (duckdb.ConstantExpression(""), duckdb.ConstantExpression(None))
    )
    picked += [last.cast(varchar).alias("last_field"), beyond.cast(varchar).alias("beyond_last")]
    rel.select(*picked).create_view("src_native", replace=True)
    if not check(con, kind, exact=False, quoted=quoted):
        return None
    in_one_group = _true(con, "ingest/pairs_in_one_group")
    if not in_one_group and _true(con, "ingest/identity_conflicts"):
        drop_checked(con)
        return None
    return identities_unique(con, in_one_group=in_one_group)


def check(con, kind: Kind, *, exact: bool, quoted: bool = False) -> bool:
    """src_fields (or a fast path's src_native) -> the TEMP tables
    ``checked`` and ``file_names``, by the steps of app/ingest/steps.py.
    ``exact``: src_fields can be read only once, and may hold refused rows
    (whose names enter no dictionary). Not exact (a fast path, events): the
    file is read once, into groups of rows alike but for their instant
    (group_events.sql), whose distinct values are checked once each
    (values_clean.sql); False, and nothing staged, when a row is refused
    (the exact path will say which rows). ``quoted``: a CSV read with its
    quotes as plain characters (_csv_mode)."""
    if kind.name != "events":
        return steps.run(con, steps.STAGE[kind.name])
    if exact:
        return steps.run(con, steps.STAGE_EVENTS_EXACT)
    return steps.run(con, steps.STAGE_EVENTS_FAST, flags={"quoted"} if quoted else ())


def _true(con, name: str) -> bool:
    """The one value of ``queries/<name>.sql`` (a literal: grep finds the caller)."""
    return bool(store.scalar(con, sql.load(name)))


def identities_unique(con, *, in_one_group: bool = False) -> Future[bool]:
    """No accepted event's identity twice in the staged file. ``in_one_group``
    (a fast path's groups, each (session, event) in one: pairs_in_one_group.sql):
    a repeat would be an instant twice in one group's list, which
    lists_no_repeat.sql answers in DuckDB (~0.1 s of 3 M events: a list
    strictly increasing, as a log's nearly all are, has no repeat; the
    others are counted). Otherwise, by hash (see
    queries/ingest/events_identities.sql): the hashes are read now and
    sorted on a thread of their own (numpy lets go of the GIL), while the
    importer goes on; the store asks for the result."""
    if in_one_group:
        done: Future[bool] = Future()
        done.set_result(_true(con, "ingest/lists_no_repeat"))
        return done
    hashes = con.execute(sql.load("ingest/events_identities")).fetchnumpy()["h"]
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="flexdash-identities")
    try:
        return pool.submit(_no_repeats, hashes)
    finally:
        pool.shutdown(wait=False)


def _no_repeats(hashes) -> bool:
    hashes.sort()
    return not bool((hashes[1:] == hashes[:-1]).any())


def _exact(con, path: Path, fmt: str, kind: Kind, on_bytes, encoding: str) -> None:
    batches = None
    con.execute(sql.load("ingest/values_checked"), {"checked": False})  # every row checked here
    try:
        if fmt == "parquet":
            con.read_parquet(str(path), file_row_number=True).create_view("src_parquet", replace=True)
            con.execute(sql.load("ingest/src_parquet"))
        else:
            batches = reader.LineBatches(path, on_bytes, max_bytes=MAX_LINE_BYTES, encoding=encoding)
            if fmt == "xlsx":
                con.register("src_lines", reader.xlsx_lines(path))
                con.execute(sql.load("ingest/src_csv"))
            elif fmt == "jsonl":
                con.register("src_lines_stream", batches.reader())
                con.execute(sql.load("ingest/materialise_lines"))
                con.unregister("src_lines_stream")
                con.execute(sql.load("ingest/src_jsonl"))
            else:
                con.register("src_lines", batches.reader())
                con.execute(sql.load("ingest/src_csv"))
        check(con, kind, exact=True)
        if fmt in ("csv", "xlsx"):
            con.unregister("src_lines")
    except duckdb.Error as exc:
        if batches is not None and batches.error:
            raise UnreadableInput(f"{path}: {batches.error}") from None
        if fmt == "parquet" and isinstance(exc, (duckdb.IOException, duckdb.InvalidInputException)):
            raise UnreadableInput(f"{path}: not a readable Parquet file ({_first_line(exc)})") from None
        raise


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _kept_tables(number: int) -> list[tuple[str, str]]:
    """(current name, the file's own name) of a file's staging tables."""
    number = int(number)
    return [("checked", f"checked_{number}"), ("file_names", f"names_{number}")]


def keep_checked(con, number: int) -> int:
    """Rename ``checked`` and ``file_names`` to the file's own staging
    tables (checked_<number>, names_<number>)."""
    for table, kept in _kept_tables(number):
        con.execute(_DROP.format(table=kept))
        con.execute(_RENAME.format(old=table, new=kept))
    return int(number)


def use_checked(con, number: int) -> None:
    """Make a file's staging tables ``checked`` and ``file_names`` again,
    for the store queries."""
    for table, kept in _kept_tables(number):
        con.execute(_DROP.format(table=table))
        con.execute(_RENAME.format(old=kept, new=table))


def drop_checked(con, number: int | None = None) -> None:
    """Drop a file's staging tables (``number``), or the current ones."""
    if number is None:
        con.execute(sql.load("ingest/drop_judged"))
        con.execute(_DROP_VIEW.format(view="accepted_events"))
        names = [
            "checked",
            "file_names",
            "file_ids",
            "file_events",
            "file_os",
            "file_distinct",
            "file_spellings",
            "file_spelling_ids",
        ]
    else:
        names = [kept for _, kept in _kept_tables(number)]
    for table in names:
        con.execute(_DROP.format(table=table))
