"""Finding input files and reading their bytes.

Text inputs (CSV and JSON lines, optionally gzipped) are cut into lines here
for the exact reader (an events file's fast paths: app/ingest/staging.py),
in Python with numpy, and handed to DuckDB as Arrow batches of
``(line BIGINT, raw BLOB)``. DuckDB's own CSV reader is not used for them
because the contract says one input line is one row: its reader lets an
unterminated quote swallow the following lines and skips blank lines without
counting them, so its line numbers drift (measured on duckdb 2.0.1). Cutting
lines ourselves keeps exact line numbers and the exact raw text of every
rejected row; the field splitting and all checks then run in SQL.
"""

from __future__ import annotations

import csv
import datetime
import gzip
import io
import json
import os
import shutil
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pyarrow as pa
import xxhash

from app.errors import UnreadableInput
from app.ingest.folders import folder_files, unreadable

CHUNK_BYTES = 32 << 20
# n_bytes: the line's length (raw holds only the first bytes of an over-long one)
LINE_SCHEMA = pa.schema([("line", pa.int64()), ("raw", pa.large_binary()), ("n_bytes", pa.int64())])

# suffix -> format
_FORMATS = {
    ".csv": "csv",
    ".csv.gz": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".jsonl.gz": "jsonl",
    ".ndjson.gz": "jsonl",
    ".json.gz": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".xlsx": "xlsx",  # the vendor's usage export as its pages download it (R24)
}
SUPPORTED = ", ".join(_FORMATS)


def file_format(path: Path) -> str | None:
    name = path.name.lower()
    for suffix in sorted(_FORMATS, key=len, reverse=True):
        if name.endswith(suffix):
            return _FORMATS[suffix]
    return None


def is_gzip(path: Path) -> bool:
    return path.name.lower().endswith(".gz")


def discover(paths: list[str | Path]) -> list[Path]:
    """The files to import, in the order given; folders recursively, in name
    order, keeping only supported formats (a README beside the logs is not an
    error). A named file of an unsupported format, or a missing path, is."""
    out: list[Path] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given).expanduser()
        if path.is_dir():
            # an unreadable sub-folder or file stops the import (exit 4), never skipped silently
            candidates = folder_files(path, lambda p: file_format(p) is not None)
        elif path.is_file():
            if file_format(path) is None:
                raise UnreadableInput(f"{path}: not a supported format (expected one of {SUPPORTED})")
            problem = unreadable(path)
            if problem:
                raise UnreadableInput(f"{path}: {problem}")
            candidates = [path]
        elif os.path.lexists(path):  # a link to nothing, a pipe, a device
            raise UnreadableInput(f"{path}: {unreadable(path) or 'not a regular file'}")
        else:
            raise UnreadableInput(f"{path}: no such file or folder")
        for p in candidates:
            key = p.resolve()
            if key not in seen:
                seen.add(key)
                out.append(p)
    return out


SCAN_BYTES = 4 << 20  # hashing in 4 MB blocks ran 2.4x faster than in 32 MB ones (CPU cache)


class Fingerprint(NamedTuple):
    """What one read of a file's stored bytes tells (see :func:`fingerprint`)."""

    digest: str
    quotes: bool  # a double quote somewhere in the stored bytes
    nul: bool  # a NUL byte somewhere in the stored bytes


def fingerprint(path: Path) -> Fingerprint:
    """One read of the file's bytes as stored (a gzip is read compressed,
    so its quotes and NUL bytes tell nothing): its XXH3-128 content hash,
    and whether it holds a double quote or a NUL byte (for choosing the
    fast CSV path; ``bytes.find`` runs at memory speed). Not SHA-256: on
    these machines it ran at ~14 s/GB, several times the import floor S,
    and a re-import must cost under 2 S (issue 2)."""
    h = xxhash.xxh3_128()
    quotes = nul = False
    try:
        with open(path, "rb", buffering=0) as f:
            while block := f.read(SCAN_BYTES):
                h.update(block)
                quotes = quotes or block.find(b'"') >= 0
                nul = nul or block.find(b"\0") >= 0
    except OSError as exc:
        raise UnreadableInput(f"{path}: cannot be read ({exc.strerror or exc})") from None
    return Fingerprint("xxh3-128:" + h.hexdigest(), quotes, nul)


GUNZIP_BLOCK = 1 << 20  # at most the line limit: then a longer line always spans a block's end
KEEP_FREE = 1 << 30  # bytes a decompressed copy leaves free in the temporary folder (DuckDB spills there too)
MEMORY_COPY_MAX = 1 << 30  # bytes a copy may hold in memory: with a 10 M-event import's 0.7 GB, under 2 GB
_SPACE_EVERY = 64 << 20  # bytes written between two looks at the free space


class OverCap:
    """gunzip's answer when the copy would pass its cap (see gunzip)."""


OVER_CAP = OverCap()


def gzip_size(path: Path) -> int:
    """The decompressed size a gzip's trailer states: exact for one member
    under 4 GiB; otherwise less than the truth (the last member's size,
    modulo 4 GiB), so a reader that relies on it must enforce its own cap."""
    with open(path, "rb") as f:
        f.seek(0, os.SEEK_END)
        if f.tell() < 4:
            return 0
        f.seek(-4, os.SEEK_END)
        return int.from_bytes(f.read(4), "little")


def gunzip(
    path: Path, dest: Path, digest: str, max_line_bytes: int, cap: int | None = None
) -> Fingerprint | str | OverCap | None:
    """Decompress a gzip to ``dest`` (ISA-L: about twice zlib's speed here), so
    that DuckDB's reader can split the plain copy across threads (it reads a
    gzip on one). Returns the copy's Fingerprint (``digest``: the gzip's,
    the content stored; quotes and NUL bytes: the copy's); a text saying why
    the temporary space is too short (the caller reads the gzip as it is);
    or None, nothing left in ``dest``, when the exact reader must read the
    gzip: a line passes ``max_line_bytes`` (found at most one block after it
    does, so a bomb of one enormous line costs neither memory nor disk) or
    the gzip is broken (the exact reader says how). ``cap``: ``dest`` is in
    memory (tempdirs.memory_file), whose caller removes it: OVER_CAP as soon
    as the copy would pass ``cap`` bytes, and no look at free disk space."""
    from isal import igzip, isal_zlib

    block_size = min(GUNZIP_BLOCK, max_line_bytes)
    since_newline = written = 0  # bytes of the line not yet ended; bytes written
    quotes = nul = False
    outcome: Fingerprint | str | OverCap | None = None
    try:
        with igzip.open(path, "rb") as src, open(dest, "wb") as out:
            while True:
                if cap is None and written % _SPACE_EVERY < block_size:
                    free = shutil.disk_usage(dest.parent).free
                    if free < KEEP_FREE:
                        outcome = (
                            f"decompressed, it would leave less than {KEEP_FREE >> 20} MB free in the "
                            f"temporary folder ({free >> 20} MB free): read compressed, on one thread (slower)"
                        )
                        break
                block = src.read(block_size)
                if not block:
                    if since_newline <= max_line_bytes:
                        outcome = Fingerprint(digest, quotes, nul)
                    break
                if cap is not None and written + len(block) > cap:
                    outcome = OVER_CAP
                    break
                first = block.find(b"\n")
                if first < 0:
                    since_newline += len(block)
                    if since_newline > max_line_bytes:
                        break
                else:
                    # a line within the block is no longer than the block: only
                    # the one ending here can pass the limit
                    if since_newline + first > max_line_bytes:
                        break
                    since_newline = len(block) - 1 - block.rfind(b"\n")
                quotes = quotes or block.find(b'"') >= 0
                nul = nul or block.find(b"\0") >= 0
                out.write(block)
                written += len(block)
    except (OSError, EOFError, ValueError, isal_zlib.error):
        outcome = None
    if cap is None and not isinstance(outcome, Fingerprint):
        dest.unlink(missing_ok=True)
    return outcome


def _open_text_stream(path: Path):
    raw = open(path, "rb")  # noqa: SIM115 - the caller closes it with the stream
    if is_gzip(path):
        return gzip.GzipFile(fileobj=raw, mode="rb"), raw
    return raw, raw


def _gzip_problem(exc: BaseException) -> str:
    if isinstance(exc, EOFError):
        return "truncated gzip (the compressed stream ends early)"
    return f"not a valid gzip file ({exc})"


HEADER_BYTES = 1 << 20  # a first line longer than this is no header (a bomb's one line)
SEPARATORS = (",", ";")  # ";": spreadsheets set to a European locale


def first_line(path: Path) -> bytes | None:
    """The first line (without its end of line), or None for an empty file.
    Reads at most HEADER_BYTES + 1 bytes: memory stays bounded whatever the input."""
    stream, raw = _open_text_stream(path)
    try:
        line = stream.readline(HEADER_BYTES + 1)
    except (EOFError, OSError, zlib.error) as exc:
        raise UnreadableInput(f"{path}: {_gzip_problem(exc)}") from None
    finally:
        raw.close()
    if not line:
        return None
    return line.rstrip(b"\r\n")


def csv_header(path: Path, encoding: str = "utf-8") -> tuple[list[str], str] | None:
    """The header's column names and the separator they are cut at (the
    one of SEPARATORS that cuts the header into most fields, as a
    spreadsheet set to a decimal comma writes ";"; a tie: ","); None for an
    empty file."""
    line = first_line(path)
    if line is None:
        return None
    if len(line) > HEADER_BYTES:
        raise UnreadableInput(f"{path}: the first line is longer than {HEADER_BYTES} bytes: no header line")
    try:
        text = line.decode("utf-8-sig" if encoding == "utf-8" else encoding)
    except UnicodeDecodeError:
        raise UnreadableInput(
            f"{path}: the header line is not {encoding.upper()} (a file from Windows: try --encoding cp1252)"
        ) from None
    if not text.strip():
        return None
    cuts = {sep: next(csv.reader([text], delimiter=sep)) for sep in SEPARATORS}
    sep = max(SEPARATORS, key=lambda s: (len(cuts[s]), s == ","))
    return cuts[sep], sep


def xlsx_rows(path: Path) -> list[list[str]]:
    """The first sheet's rows as text (python-calamine): dates as
    ``YYYY-MM-DD``, date-times as ``YYYY-MM-DD HH:MM:SS``, numbers as
    Python writes them (``140.0``); rows with no value at all left out, as a
    blank CSV line is."""
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
        rows = sheet.to_python(skip_empty_area=False)
    except (CalamineError, OSError, ValueError) as exc:
        raise UnreadableInput(f"{path}: not a readable .xlsx file ({exc})") from None
    return [[_cell_text(v) for v in row] for row in rows if any(v not in ("", None) for v in row)]


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def xlsx_header(path: Path) -> list[str] | None:
    rows = xlsx_rows(path)
    return [c for c in rows[0]] if rows else None


def xlsx_lines(path: Path) -> pa.RecordBatchReader:
    """The sheet as ``(line, raw, n_bytes)`` batches like LineBatches: each row a CSV
    line (its spreadsheet row number kept), so it takes the CSV staging
    (src_csv.sql) and a refused row shows its cells as text."""
    lines, raws = [], []
    for number, row in enumerate(xlsx_rows(path), start=1):
        out = io.StringIO()
        csv.writer(out, lineterminator="").writerow(row)
        lines.append(number)
        raws.append(out.getvalue().encode())
    batch = pa.RecordBatch.from_arrays(
        [pa.array(lines, pa.int64()), pa.array(raws, pa.large_binary()), pa.array([len(r) for r in raws], pa.int64())],
        schema=LINE_SCHEMA,
    )
    return pa.RecordBatchReader.from_batches(LINE_SCHEMA, [batch])


def jsonl_keys(path: Path, max_lines: int = 1000, encoding: str = "utf-8") -> list[str] | None:
    """The keys of the first JSON object among the first lines (for
    recognising the kind); None when there is none."""
    stream, raw = _open_text_stream(path)
    try:
        for _ in range(max_lines):
            line = stream.readline(HEADER_BYTES)
            if not line:
                break
            text = line.strip()
            if encoding != "utf-8":
                text = text.decode(encoding, errors="replace").encode("utf-8")
            if not text:
                continue
            if text.startswith(b"["):
                raise UnreadableInput(f"{path}: a JSON array; expected JSON lines (one object per line)")
            try:
                value = json.loads(text)
            except ValueError:
                continue
            if isinstance(value, dict):
                return list(value)
    except (EOFError, OSError, zlib.error) as exc:
        raise UnreadableInput(f"{path}: {_gzip_problem(exc)}") from None
    finally:
        raw.close()
    return None


class LineBatches:
    """Arrow batches ``(line, raw, n_bytes)`` of every line of a text file,
    numbered from 1, without their end of line (``\\n`` or ``\\r\\n``),
    as UTF-8 (``encoding``: a single-byte encoding the file is read in; a
    byte it does not define stays as it is, and the line is refused as
    invalid text).

    A line longer than ``max_bytes`` is not kept: once it passes the limit
    only its first LONG_PREFIX bytes stay, the rest is counted as it goes by
    (``n_bytes``, the whole line's length, tells the checks it is too long),
    so memory stays bounded whatever the input (a gzip of one 2 GB line).

    A read error (a truncated gzip) ends the stream and is kept in
    ``self.error``; the caller turns it into UnreadableInput after DuckDB
    reports the failed scan.
    """

    LONG_PREFIX = 4096

    def __init__(
        self,
        path: Path,
        on_bytes: Callable[[int], None] | None = None,
        *,
        max_bytes: int = 1 << 20,
        encoding: str = "utf-8",
    ):
        self.path = path
        self.on_bytes = on_bytes
        self.max_bytes = max_bytes
        self.encoding = encoding
        self.error: str | None = None

    def reader(self) -> pa.RecordBatchReader:
        return pa.RecordBatchReader.from_batches(LINE_SCHEMA, self._batches())

    def _blocks(self) -> Iterator[bytes]:
        stream, raw = _open_text_stream(self.path)
        try:
            while True:
                try:
                    block = stream.read(CHUNK_BYTES)
                except (EOFError, OSError, zlib.error) as exc:
                    self.error = _gzip_problem(exc)
                    raise
                if self.on_bytes:
                    self.on_bytes(raw.tell())
                if not block:
                    return
                if self.encoding != "utf-8":  # single-byte: the newlines stay where they are
                    block = block.decode(self.encoding, errors="surrogateescape").encode("utf-8", "surrogateescape")
                yield block
        finally:
            raw.close()

    def _batches(self) -> Iterator[pa.RecordBatch]:
        next_line = 1
        carry = b""
        long: _LongLine | None = None  # a line past max_bytes, being counted
        for block in self._blocks():
            if long is not None:
                nl = block.find(b"\n")
                if nl < 0:
                    long.add(block)
                    continue
                long.add(block[:nl])
                yield long.batch(next_line)
                next_line += 1
                long, block = None, block[nl + 1 :]
            buf = carry + block if carry else block
            batch, used = _cut_lines(buf, next_line)
            carry = buf[used:]
            if batch is not None:
                next_line += batch.num_rows
                yield batch
            if len(carry) > self.max_bytes:
                long, carry = _LongLine(carry, self.LONG_PREFIX), b""
        if long is not None:
            yield long.batch(next_line)
        elif carry:
            batch, _ = _cut_lines(carry + b"\n", next_line)
            yield batch


class _LongLine:
    """An over-long line: its first bytes (cut at a UTF-8 character) and its length."""

    def __init__(self, start: bytes, keep: int):
        cut = keep
        while 0 < cut < len(start) and start[cut] & 0xC0 == 0x80:
            cut -= 1  # not inside a character
        self.prefix = start[:cut]
        self.n_bytes = len(start)
        self.last = start[-1:]

    def add(self, more: bytes) -> None:
        if more:
            self.n_bytes += len(more)
            self.last = more[-1:]

    def batch(self, line: int) -> pa.RecordBatch:
        n_bytes = self.n_bytes - (self.last == b"\r")  # the "\r" of a "\r\n" is no part of the line
        return pa.RecordBatch.from_arrays(
            [pa.array([line], pa.int64()), pa.array([self.prefix], pa.large_binary()), pa.array([n_bytes], pa.int64())],
            schema=LINE_SCHEMA,
        )


def _cut_lines(buf: bytes, next_line: int) -> tuple[pa.RecordBatch | None, int]:
    """Cut ``buf`` at its newlines: a batch of the complete lines and how many
    bytes they used (the rest is carried to the next block)."""
    data = np.frombuffer(buf, dtype=np.uint8)
    nl = np.flatnonzero(data == 10)
    if len(nl) == 0:
        return None, 0
    used = int(nl[-1]) + 1
    n = len(nl)
    starts = np.empty(n, dtype=np.int64)
    starts[0] = 0
    starts[1:] = nl[:-1] + 1
    # drop the "\n" and a "\r" just before it
    cr = np.zeros(n, dtype=bool)
    has_room = nl > starts
    cr[has_room] = data[nl[has_room] - 1] == 13
    ends = nl - cr
    keep = np.ones(used, dtype=bool)
    keep[nl] = False
    keep[nl[cr] - 1] = False
    body = data[:used][keep]
    lengths = ends - starts
    offsets = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    values = pa.Array.from_buffers(pa.large_binary(), n, [None, pa.py_buffer(offsets), pa.py_buffer(body)])
    lines = pa.array(np.arange(next_line, next_line + n, dtype=np.int64))
    return pa.RecordBatch.from_arrays([lines, values, pa.array(lengths)], schema=LINE_SCHEMA), used


def parquet_columns(path: Path) -> list[str]:
    """Column names of a Parquet file (its footer only)."""
    import pyarrow.parquet as pq

    try:
        return list(pq.ParquetFile(path).schema_arrow.names)
    except (OSError, pa.ArrowException) as exc:
        raise UnreadableInput(f"{path}: not a readable Parquet file ({exc})") from None


__all__ = [
    "Fingerprint",
    "LineBatches",
    "csv_header",
    "discover",
    "file_format",
    "fingerprint",
    "first_line",
    "gunzip",
    "gzip_size",
    "is_gzip",
    "jsonl_keys",
    "parquet_columns",
    "xlsx_header",
    "xlsx_lines",
]
