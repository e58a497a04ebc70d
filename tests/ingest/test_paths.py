"""The two ways a CSV is read (DuckDB's reader for clean plain files, the
exact line reader otherwise) store the same thing; the JSON lines view reads
the contract's columns in the order app.ingest.kinds says."""

from __future__ import annotations

import re

from app import sql
from app.ingest import import_paths
from app.ingest.kinds import ALL_COLUMNS

from .helpers import events_csv, row, stored_events

ROWS = [row(), row(event="activity", ts="2026-03-02T09:20:00+01:00", team=""),
        row(event="logout", ts="2026-03-02T10:00:00-05:00", os="Linux"), row(session="s2", user="bob@x")]


def test_fast_and_exact_csv_paths_store_the_same(tmp_path):
    from app import store as store_mod

    clean = events_csv(tmp_path / "clean.csv", *ROWS)  # no quote: DuckDB's reader
    quoted = events_csv(tmp_path / "quoted.csv", *ROWS, row(team='"Design"', session="s3"))  # a quote: exact reader
    got = []
    for name, path in (("a", clean), ("b", quoted)):
        con = store_mod.connect_write(tmp_path / f"{name}.duckdb")
        (r,) = import_paths(con, [path])
        assert r.rejected == 0
        got.append([e for e in stored_events(con) if e[0] != "s3"])
        con.close()
    assert got[0] == got[1]
    assert ("s1", "logout", "2026-03-02T15:00:00Z") in got[0]


def test_jsonl_view_reads_all_columns_in_kinds_order():
    text = sql.load("ingest/src_jsonl")
    assert tuple(re.findall(r"'\$\.\"(\w+)\"'", text)) == ALL_COLUMNS


def test_a_clean_plain_file_is_checked_once_per_distinct_value(store, tmp_path, monkeypatch):
    """A clean plain CSV stays on the fast path, its values checked once per
    distinct value (ingest_cfg.values_checked: check_events.sql skips them
    row by row); one bad value anywhere sends the file to the exact reader,
    which refuses that row only."""
    from app.ingest import staging

    exact_reads = []
    real_exact = staging._exact
    monkeypatch.setattr(staging, "_exact", lambda *a, **k: exact_reads.append(a[1]) or real_exact(*a, **k))
    clean = events_csv(tmp_path / "clean.csv", *ROWS)
    (r,) = import_paths(store, [clean])
    assert (r.accepted, r.rejected, exact_reads) == (4, 0, [])
    assert store.execute("SELECT values_checked FROM ingest_cfg").fetchall() == [(True,)]
    for n, bad in enumerate([row(version="v2026"), row(os="beos"), row(event="pause"), row(device=""),
                             row(ts="2026-03-02T09:14:05"), row(ts="2026-3-02T09:14:05Z")]):
        path = events_csv(tmp_path / f"bad{n}.csv", row(session=f"b{n}"), bad.replace("s1", f"c{n}"))
        (r,) = import_paths(store, [path])
        assert (r.accepted, r.rejected) == (1, 1), bad
        assert exact_reads[-1] == path
