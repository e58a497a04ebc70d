"""The two ways a CSV is read (DuckDB's reader for clean plain files, the
exact line reader otherwise) store the same thing; the JSON lines view reads
the contract's columns in the order app.ingest.kinds says."""

from __future__ import annotations

import re

from app import sql
from app.ingest import import_paths
from app.ingest.kinds import ALL_COLUMNS

from .helpers import event_count, events_csv, exact_reads, row, stored_events

ROWS = [
    row(),
    row(event="activity", ts="2026-03-02T09:20:00+01:00", team=""),
    row(event="logout", ts="2026-03-02T10:00:00-05:00", os="Linux"),
    row(session="s2", user="bob@x"),
]


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
    row by row); one bad value anywhere (an instant without offset, R2,
    among them) sends the file to the exact reader, which refuses that row
    only."""
    read_exactly = exact_reads(monkeypatch)
    clean = events_csv(tmp_path / "clean.csv", *ROWS)
    (r,) = import_paths(store, [clean])
    assert (r.accepted, r.rejected, read_exactly) == (4, 0, [])
    assert store.execute("SELECT values_checked FROM ingest_cfg").fetchall() == [(True,)]
    for n, bad in enumerate(
        [
            row(version="v2026"),
            row(os="beos"),
            row(event="pause"),
            row(device=""),
            row(ts="2026-03-02T09:14:05"),
            row(ts="2026-3-02T09:14:05Z"),
        ]
    ):
        path = events_csv(tmp_path / f"bad{n}.csv", row(session=f"b{n}"), bad.replace("s1", f"c{n}"))
        (r,) = import_paths(store, [path])
        assert (r.accepted, r.rejected) == (1, 1), bad
        assert read_exactly[-1] == path


FULL_ROWS = (
    "SELECT s.session_id, CAST(e.event AS VARCHAR), e.ts, u.user_name, t.team, p.product, v.version,"
    " v.version_year, d.device, CAST(e.os AS VARCHAR)"
    " FROM events e JOIN sessions s USING (session_key) JOIN users u USING (user_id)"
    " JOIN versions v USING (version_id)"
    " LEFT JOIN teams t USING (team_id) JOIN products p USING (product_id) JOIN devices d USING (device_id)"
    " ORDER BY 1, 3, 2"
)


def test_a_new_stores_ids_are_the_files_and_store_the_same(tmp_path, monkeypatch):
    """In a new store the first events file's local ids are the store's
    (both follow name order): store_events.sql stores them as they are
    ($same_ids). The same file into a store that already holds other names
    takes the joins; both store the same events, with no dedupe work
    ($dedupe false: every event is new)."""
    from app import store as store_mod
    from app.ingest import importer

    used = []
    real_rows = importer._rows

    def rows_seen(con, name, params=None):
        if name == "ingest/store_events":
            used.append((params["dedupe"], params["same_ids"]))
        return real_rows(con, name, params)

    monkeypatch.setattr(importer, "_rows", rows_seen)
    rows = [
        row(session="s3", user="zoe@x", team="Ops", device="WS-9", version="2024", os="macos"),
        row(session="s1", event="activity", ts="2026-03-02T09:20:00+01:00", team=""),
        *ROWS[2:],
    ]
    path = events_csv(tmp_path / "e.csv", *rows)
    got = []
    for name, first in (
        ("new", None),
        (
            "used",
            row(session="a0", user="aaron@x", team="Alpha", product="ACAD", device="AA-1", ts="2025-01-01T00:00:00Z"),
        ),
    ):
        con = store_mod.connect_write(tmp_path / f"{name}.duckdb")
        if first:
            import_paths(con, [events_csv(tmp_path / "first.csv", first)])
        used.clear()
        (r,) = import_paths(con, [path])
        assert (r.accepted, r.rejected) == (len(rows), 0)
        got.append(
            (
                [x for x in con.execute(FULL_ROWS).fetchall() if x[0] != "a0"],
                used[0],
            )
        )
        con.close()
    (new_rows, new_how), (used_rows, used_how) = got
    assert new_how == (False, True) and used_how == (False, False)  # (dedupe, same_ids)
    assert new_rows == used_rows and len(new_rows) == len(rows)


def test_grouped_fast_paths_store_what_the_exact_reader_stores(tmp_path, monkeypatch, sample_logs):
    """The fast paths group rows alike but for their instant (group_events.sql)
    and store them from the groups; the exact reader stores them row by row.
    On the sample month, with exact duplicates and the same instants written
    with another offset added (R1), a plain CSV and a Parquet copy (fast
    paths) and the CSV with one field quoted (the quoted fast path: each
    spelling checked and unquoted once, quoted_values_ok.sql) store the same
    events and count the same duplicates."""
    from datetime import datetime, timedelta, timezone

    import polars as pl

    from app import store as store_mod

    read_exactly = exact_reads(monkeypatch)
    lines = (sample_logs / "events_2026-08-09.csv").read_text(encoding="utf-8").splitlines()
    header, rows = lines[0], lines[1:]
    again = rows[::97]  # exact duplicates
    shifted = []  # the same instants, written with another offset
    for line in rows[5::89]:
        ts, rest = line.split(",", 1)
        moved = datetime.fromisoformat(ts).astimezone(timezone(timedelta(hours=-3)))
        shifted.append(moved.isoformat() + "," + rest)
        assert shifted[-1] != line
    body = rows + again + shifted
    clean = tmp_path / "clean.csv"
    clean.write_text("\n".join([header, *body]) + "\n", encoding="utf-8")
    first = body[0].split(",")
    quoted_line = ",".join([*first[:4], f'"{first[4]}"', *first[5:]])  # the same value, quoted
    quoted = tmp_path / "quoted.csv"
    quoted.write_text("\n".join([header, quoted_line, *body[1:]]) + "\n", encoding="utf-8")
    parquet = tmp_path / "clean.parquet"
    pl.read_csv(clean, infer_schema=False).write_parquet(parquet)

    got = {}
    for path in (clean, quoted, parquet):
        con = store_mod.connect_write(tmp_path / f"{path.name}.duckdb")
        (r,) = import_paths(con, [path])
        got[path.name] = ((r.rows, r.accepted, r.duplicates, r.rejected), con.execute(FULL_ROWS).fetchall())
        con.close()
    assert read_exactly == []
    assert got["clean.csv"][0] == (len(body), len(rows), len(again) + len(shifted), 0)
    assert got["clean.csv"] == got["quoted.csv"] == got["clean.parquet"]
    assert len(got["clean.csv"][1]) == len(rows)


def test_a_clean_line_with_more_or_fewer_fields_is_refused_as_the_exact_reader_does(store, tmp_path, monkeypatch):
    """DuckDB's CSV reader, even strict, drops a line's trailing empty
    fields without a word (duckdb 2.0.1): a clean plain file with such a
    line, or with a line a field short, still gets that line refused for
    its field count (the exact reader's reason), and only that line."""
    read_exactly = exact_reads(monkeypatch)
    good = row(event="logout", ts="2026-03-02T10:00:00+01:00")
    for n, (bad, found) in enumerate([(row() + ",", 10), (row() + ",,", 11), (row().rsplit(",", 1)[0], 8)]):
        path = events_csv(
            tmp_path / f"e{n}.csv", row(session=f"x{n}"), bad.replace("s1", f"b{n}"), good.replace("s1", f"g{n}")
        )
        (r,) = import_paths(store, [path])
        assert (r.rows, r.accepted, r.rejected) == (3, 2, 1), bad
        assert read_exactly[-1] == path
        (reason,) = store.execute("SELECT reason FROM rejects WHERE file = ? AND line = 3", [str(path)]).fetchall()[0]
        assert reason == f"expected 9 fields, found {found}"


def test_an_empty_last_column_keeps_a_clean_file_on_the_fast_path(store, tmp_path, monkeypatch):
    """With team as the file's last column, an empty team (R12) ends the line
    with a comma: one field, empty, not one too many."""
    read_exactly = exact_reads(monkeypatch)
    header = "ts,event,session_id,user,product,version,device,os,team"
    lines = [
        "2026-03-02T09:14:05+01:00,login,s1,ann@x,ACD,2025.1,WS-1,windows,",
        "2026-03-02T10:00:00+01:00,logout,s1,ann@x,ACD,2025.1,WS-1,windows,Design",
    ]
    path = events_csv(tmp_path / "e.csv", *lines, header=header)
    (r,) = import_paths(store, [path])
    assert (r.accepted, r.rejected, read_exactly) == (2, 0, [])
    assert store.execute(
        "SELECT CAST(e.event AS VARCHAR), t.team FROM events e LEFT JOIN teams t USING (team_id) ORDER BY e.ts"
    ).fetchall() == [("login", None), ("logout", "Design")]


class _SettingAtInsert:
    """A connection that notes DuckDB's disabled compression methods each
    time events are inserted (the importer takes any connection-like)."""

    def __init__(self, con):
        self._con = con
        self.seen: list[str] = []

    def execute(self, query, *args, **kwargs):
        if "INSERT INTO events" in query:
            self.seen.append(
                self._con.execute(
                    "SELECT value FROM duckdb_settings() WHERE name = 'disabled_compression_methods'"
                ).fetchall()[0][0]
            )
        return self._con.execute(query, *args, **kwargs)

    def __getattr__(self, name):
        return getattr(self._con, name)


def test_grouped_rows_are_stored_without_weighing_bitpacking_and_the_setting_is_undone(store, tmp_path):
    """A fast path's rows are stored group by group, their ids in runs
    (compress_runs.sql); rows in the file's order (the exact reader) or in
    store_events.sql's dedupe order are stored with every method weighed;
    the connection is left as it was."""
    spy = _SettingAtInsert(store)
    clean = events_csv(tmp_path / "clean.csv", *ROWS)
    # an escaped quote: the exact reader's (quoted_values_ok.sql leaves it to it)
    quoted = events_csv(tmp_path / "quoted.csv", row(session='"q""1"', ts="2026-05-01T09:00:00Z"))
    overlap = events_csv(tmp_path / "overlap.csv", ROWS[0], row(session="s9", ts="2026-03-02T09:30:00+01:00"))
    for path in (clean, quoted, overlap):
        import_paths(spy, [path])
    assert [s.lower() for s in spy.seen] == ["bitpacking", "", ""]
    assert store.execute(
        "SELECT value FROM duckdb_settings() WHERE name = 'disabled_compression_methods'"
    ).fetchall() == [("",)]
    assert event_count(store) == len(ROWS) + 2
