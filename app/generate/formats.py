"""The data contract's input columns, and byte-for-byte deterministic writers.

Shared by the bundled sample logs (``samples.py``) and ``flexdash generate``
(``synthetic.py``): both must produce exactly the columns of
``../shared/spec/data-contract.md`` so that ``flexdash import`` recognises the
kind of every file from its header.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

EVENT_COLUMNS = ("ts", "event", "session_id", "user", "team", "product", "version", "device", "os")
PACK_COLUMNS = ("pack_id", "team", "tokens", "purchased_on", "price", "currency")
ASSIGNMENT_COLUMNS = ("team", "user", "product", "assigned_on")
RATE_COLUMNS = (
    "product",
    "name",
    "kind",
    "host",
    "tokens_per_day",
    "effective_from",
    "idle_detection_since",
    "linux",
)


def format_offset(minutes: int) -> str:
    """``Z`` for UTC, else ``+HH:MM`` / ``-HH:MM`` (R1: every ts carries its offset)."""
    if minutes == 0:
        return "Z"
    sign = "+" if minutes > 0 else "-"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def format_local(instant: datetime, zone) -> str:
    """An aware instant written in ``zone`` (a tzinfo) with its offset,
    e.g. ``2026-10-16T15:30:00+02:00``; UTC is written with ``Z``."""
    local = instant.astimezone(zone)
    offset = local.utcoffset() or timedelta(0)
    return local.strftime("%Y-%m-%dT%H:%M:%S") + format_offset(int(offset.total_seconds() // 60))


UTC = UTC


def _csv_bytes(columns: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return buf.getvalue().encode("utf-8")


def write_csv(path: Path, columns: Sequence[str], rows: Iterable[Sequence]) -> None:
    """CSV with a header; ``.gz`` paths are gzipped with a fixed mtime and no
    file name inside, so the same rows always give the same bytes."""
    data = _csv_bytes(columns, rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.name.endswith(".gz"):
        with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
            gz.write(data)
    else:
        path.write_bytes(data)


def write_jsonl(path: Path, columns: Sequence[str], rows: Iterable[Sequence]) -> None:
    """JSON lines, one object per row, keys in contract order; an empty
    optional value is written as ``null``."""
    lines = []
    for row in rows:
        obj = {c: (None if v in (None, "") else v) for c, v in zip(columns, row)}
        lines.append(json.dumps(obj, ensure_ascii=False, separators=(",", ":")))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
