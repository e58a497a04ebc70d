"""CSV.gz, JSON lines and Parquet read like CSV; unreadable files stop the
whole invocation (data contract: "a file that cannot be read ... changes nothing")."""

from __future__ import annotations

import gzip
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from app.errors import UnreadableInput
from app.ingest import import_paths

from .helpers import HEADER, adds_up, event_count, events_csv, rejects, row, stored_events, write

FIELDS = HEADER.split(",")


def as_dict(line: str) -> dict:
    return dict(zip(FIELDS, line.split(",")))


def test_csv_gz(store, tmp_path):
    text = "\n".join([HEADER, row(), row(event="logout")]) + "\n"
    path = write(tmp_path / "e.csv.gz", gzip.compress(text.encode()))
    (r,) = import_paths(store, [path])
    assert (r.kind, r.accepted) == ("events", 2)


def test_truncated_gzip_lands_nothing(store, tmp_path):
    good = events_csv(tmp_path / "a.csv", row())
    text = "\n".join([HEADER] + [row(session=f"s{i}") for i in range(2000)]) + "\n"
    blob = gzip.compress(text.encode())
    bad = write(tmp_path / "b.csv.gz", blob[: len(blob) // 2])
    with pytest.raises(UnreadableInput, match=r"b\.csv\.gz: truncated gzip"):
        import_paths(store, [good, bad])
    assert event_count(store) == 0
    assert store.execute("SELECT count(*) FROM imports").fetchall() == [(0,)]


def test_jsonl_with_one_broken_line(store, tmp_path):
    lines = [
        json.dumps(as_dict(row())),
        '{"ts": "2026-03-02T09:20:00Z", "event": "activity", ',
        json.dumps(as_dict(row(event="logout")) | {"colour": "blue"}),
    ]
    path = write(tmp_path / "e.jsonl", "\n".join(lines) + "\n")
    (r,) = import_paths(store, [path])
    assert (r.kind, r.rows, r.accepted, r.rejected) == ("events", 3, 2, 1)
    assert rejects(store) == [(2, "broken JSON line (not a JSON object)", lines[1])]
    assert r.warnings == ["extra column(s) kept nowhere: colour"]
    # never a row of NULLs
    assert store.execute("SELECT count(*) FROM events WHERE user_id IS NULL").fetchall() == [(0,)]


def test_jsonl_missing_key_is_an_empty_field(store, tmp_path):
    d = as_dict(row())
    del d["os"]
    path = write(tmp_path / "e.ndjson", json.dumps(as_dict(row(event="logout"))) + "\n" + json.dumps(d) + "\n")
    (r,) = import_paths(store, [path])
    assert (r.accepted, r.rejected) == (1, 1)
    assert rejects(store)[0][:2] == (2, "empty required field(s): os")


def test_parquet_with_typed_timestamps(store, tmp_path):
    table = pa.table(
        {
            "ts": pa.array([1772439245, 1772442000], type=pa.int64()).cast(pa.timestamp("s", tz="UTC")),
            "event": ["login", "logout"],
            "session_id": ["s1", "s1"],
            "user": ["ann@x", "ann@x"],
            "team": ["Design", None],
            "product": ["ACD", "ACD"],
            "version": ["2025", "2025"],
            "device": ["WS-1", "WS-1"],
            "os": ["windows", "windows"],
        }
    )
    pq.write_table(table, tmp_path / "e.parquet")
    (r,) = import_paths(store, [tmp_path / "e.parquet"])
    assert (r.kind, r.accepted, r.rejected) == ("events", 2, 0)
    # 1772439245 s = 2026-03-02T08:14:05Z
    assert stored_events(store) == [("s1", "login", "2026-03-02T08:14:05Z"), ("s1", "logout", "2026-03-02T09:00:00Z")]


def test_parquet_wrong_column_type_rejects_rows(store, tmp_path):
    table = pa.table(
        {
            "pack_id": ["P1", "P2"],
            "team": ["Design", "Design"],
            "tokens": pa.array([1000.0, 2.5]),  # float: 2.5 is no token count
            "purchased_on": pa.array([20260301, 20260302]),  # integers, not dates
        }
    )
    pq.write_table(table, tmp_path / "p.parquet")
    (r,) = import_paths(store, [tmp_path / "p.parquet"])
    assert adds_up(r) and (r.kind, r.rows, r.accepted, r.rejected) == ("packs", 2, 0, 2)
    reasons = [x[1] for x in rejects(store)]
    assert reasons == ["tokens 1000.0 is not a positive integer", "tokens 2.5 is not a positive integer"]


def test_parquet_naive_timestamp_needs_assume_tz_R2(store, tmp_path):
    table = pa.table(
        {
            "ts": pa.array([1772439245], type=pa.int64()).cast(pa.timestamp("s")),
            "event": ["login"],
            "session_id": ["s1"],
            "user": ["ann@x"],
            "team": ["D"],
            "product": ["ACD"],
            "version": ["2025"],
            "device": ["WS-1"],
            "os": ["linux"],
        }
    )
    pq.write_table(table, tmp_path / "e.parquet")
    (r,) = import_paths(store, [tmp_path / "e.parquet"])
    assert r.rejected == 1 and "without UTC offset" in rejects(store)[0][1]


def test_not_parquet_is_unreadable(store, tmp_path):
    path = write(tmp_path / "e.parquet", b"this is not parquet")
    with pytest.raises(UnreadableInput, match="e.parquet: not a readable Parquet file"):
        import_paths(store, [path])


def test_missing_file_and_unsupported_format(store, tmp_path):
    good = events_csv(tmp_path / "a.csv", row())
    with pytest.raises(UnreadableInput, match="nope.csv: no such file"):
        import_paths(store, [good, tmp_path / "nope.csv"])
    with pytest.raises(UnreadableInput, match="not a supported format"):
        import_paths(store, [good, write(tmp_path / "notes.docx", b"PK")])
    assert event_count(store) == 0


def test_unrecognisable_columns(store, tmp_path):
    good = events_csv(tmp_path / "a.csv", row())
    odd = write(tmp_path / "odd.csv", "alpha,beta\n1,2\n")
    with pytest.raises(UnreadableInput, match="odd.csv: no recognisable columns .*alpha, beta"):
        import_paths(store, [good, odd])
    assert event_count(store) == 0


def test_mixed_formats_in_one_import(store, tmp_path):
    """A folder like sample_logs/: JSON lines, CSV and CSV.gz in one invocation."""
    write(tmp_path / "in" / "a.jsonl", json.dumps(as_dict(row(session="j1"))) + "\n")
    events_csv(tmp_path / "in" / "b.csv", row(session="c1"))
    write(tmp_path / "in" / "c.csv.gz", gzip.compress(("\n".join([HEADER, row(session="g1")]) + "\n").encode()))
    write(tmp_path / "in" / "d.jsonl", json.dumps(as_dict(row(session="j2"))) + "\n")
    results = import_paths(store, [tmp_path / "in"])
    assert [r.accepted for r in results] == [1, 1, 1, 1]
    assert event_count(store) == 4


def test_jsonl_gz(store, tmp_path):
    lines = [json.dumps(as_dict(row())), json.dumps(as_dict(row(event="logout")))]
    path = write(tmp_path / "e.jsonl.gz", gzip.compress(("\n".join(lines) + "\n").encode()))
    (r,) = import_paths(store, [path])
    assert (r.kind, r.rows, r.accepted) == ("events", 2, 2)


def test_parquet_events_bad_rows_get_their_row_number(store, tmp_path):
    table = pa.table(
        {
            "ts": ["2026-03-02T09:14:05+01:00", "2026-03-02T09:20:00", "2026-03-02T09:30:00Z"],
            "event": ["login", "activity", "logout"],
            "session_id": ["s1"] * 3,
            "user": ["ann@x"] * 3,
            "team": ["D"] * 3,
            "product": ["ACD"] * 3,
            "version": ["2025"] * 3,
            "device": ["WS\x001", "WS-1", "WS-1"],
            "os": ["linux"] * 3,
        }
    )
    pq.write_table(table, tmp_path / "e.parquet")
    (r,) = import_paths(store, [tmp_path / "e.parquet"])
    assert (r.rows, r.accepted, r.rejected) == (3, 1, 2)
    got = rejects(store)
    assert [(line, reason.split(" (")[0]) for line, reason, _ in got] == [
        (1, "NUL byte in a value"),
        (2, "timestamp without UTC offset 2026-03-02T09:20:00"),
    ]


@pytest.mark.parametrize("column, value", [("device", "WS\x001"), ("version", "2025\x00b"), ("user", "ann\x00@x")])
def test_parquet_nul_byte_alone_is_still_refused(store, tmp_path, column, value):
    # the fast Parquet path looks for NUL bytes once per distinct value
    # (queries/ingest/values_clean.sql), not in every row: a file whose one
    # fault is a NUL byte must still be read exactly and that row refused
    data = {
        "ts": ["2026-03-02T09:14:05+01:00", "2026-03-02T09:20:00+01:00"],
        "event": ["login", "logout"],
        "session_id": ["s1"] * 2,
        "user": ["ann@x"] * 2,
        "team": ["D"] * 2,
        "product": ["ACD"] * 2,
        "version": ["2025"] * 2,
        "device": ["WS-1"] * 2,
        "os": ["linux"] * 2,
    }
    data[column] = [data[column][0], value]
    pq.write_table(pa.table(data), tmp_path / "e.parquet")
    (r,) = import_paths(store, [tmp_path / "e.parquet"])
    assert (r.rows, r.accepted, r.rejected) == (2, 1, 1)
    assert [(line, reason) for line, reason, _ in rejects(store)] == [(2, "NUL byte in a value")]
