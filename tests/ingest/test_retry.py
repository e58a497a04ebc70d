"""Retrying after rejects (data contract "Bad input"; R2): content whose rows
were refused is read again when the options that refused them differ
(--assume-tz, --encoding) or with --retry-rejected; its now-good rows land
and the rejects it replaces leave `report rejects`. Otherwise re-importing
changes nothing."""

from __future__ import annotations

import csv
import io
import shutil

import duckdb

from app.cli import main

from .helpers import LEDGER, changed, events_csv, row, snapshot, write


def _events(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(
            "SELECT s.session_id, CAST(e.event AS VARCHAR), strftime(e.ts, '%Y-%m-%dT%H:%M:%SZ') "
            "FROM events e JOIN sessions s USING (session_key) ORDER BY 3"
        ).fetchall()
    finally:
        con.close()


def _rejects(db, capsys):
    """(file, line, reason, raw) of `report rejects`."""
    capsys.readouterr()  # what came before
    assert main(["report", "rejects", "--db", str(db), "--format", "csv"]) == 0
    return [tuple(r) for r in csv.reader(io.StringIO(capsys.readouterr().out))][1:]


def _naive_file(tmp_path, name="naive.csv"):
    # line 2: no offset (R2: refused without --assume-tz); line 3: 10:00+01:00 = 09:00:00Z
    return events_csv(
        tmp_path / name, row(ts="2026-03-02T09:14:05"), row(ts="2026-03-02T10:00:00+01:00", event="logout")
    )


def test_assume_tz_reads_a_refused_file_again_R2(tmp_path, capsys):
    db = tmp_path / "s.duckdb"
    path = _naive_file(tmp_path)
    assert main(["import", "--db", str(db), str(path)]) == 3
    out = capsys.readouterr().out
    assert f"{path}: events, 2 rows: 1 accepted, 0 duplicates, 1 rejected" in out
    (reject,) = _rejects(db, capsys)
    assert reject[:2] == (str(path), "2")
    assert reject[2].startswith("timestamp without UTC offset 2026-03-02T09:14:05") and "--assume-tz" in reject[2]

    # the same options again: nothing to retry, skipped, and the admin is told how
    before = snapshot(db)
    assert main(["import", "--db", str(db), str(path)]) == 0
    captured = capsys.readouterr()
    assert "(already imported: skipped)" in captured.out
    assert "1 of its rows stand refused" in captured.err and "--retry-rejected" in captured.err
    assert "(read with no --assume-tz, encoding utf-8)" in captured.err
    assert "flexdash report rejects" in captured.err and "changed nothing" in captured.err
    assert changed(before, snapshot(db)) <= {"imports", "import_options"}
    assert len(_rejects(db, capsys)) == 1

    # what the reason advises: Europe/Paris is +01:00 on 2 March, 09:14:05 -> 08:14:05Z
    before = snapshot(db)
    assert main(["import", "--db", str(db), "--assume-tz", "Europe/Paris", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"{path}: events, 2 rows: 1 accepted, 1 duplicates, 0 rejected" in out and "skipped" not in out
    assert _events(db) == [("s1", "login", "2026-03-02T08:14:05Z"), ("s1", "logout", "2026-03-02T09:00:00Z")]
    assert _rejects(db, capsys) == []
    after = snapshot(db)
    assert changed(before, after) - LEDGER == {"events", "rejects"}
    assert after["rejects"] == []

    # nothing stands refused any more: skipped whatever the options
    before = snapshot(db)
    assert main(["import", "--db", str(db), "--retry-rejected", str(path)]) == 0
    assert "(already imported: skipped)" in capsys.readouterr().out
    assert changed(before, snapshot(db)) <= {"imports", "import_options"}


def test_a_copy_under_another_name_is_read_again_too(tmp_path, capsys):
    db = tmp_path / "s.duckdb"
    path = _naive_file(tmp_path)
    assert main(["import", "--db", str(db), "--quiet", str(path)]) == 3
    copy = tmp_path / "renamed.csv"
    shutil.copyfile(path, copy)
    capsys.readouterr()
    before = snapshot(db)
    assert main(["import", "--db", str(db), "--quiet", "--assume-tz", "UTC", str(copy)]) == 0
    assert f"{copy}: events, 2 rows: 1 accepted, 1 duplicates, 0 rejected" in capsys.readouterr().out
    # 09:14:05 read in UTC is 09:14:05Z
    assert _events(db) == [("s1", "logout", "2026-03-02T09:00:00Z"), ("s1", "login", "2026-03-02T09:14:05Z")]
    assert _rejects(db, capsys) == []  # the original's reject is replaced by the copy's (none)
    assert changed(before, snapshot(db)) - LEDGER == {"events", "rejects"}


def test_rows_still_refused_replace_the_earlier_rejects(tmp_path, capsys):
    db = tmp_path / "s.duckdb"
    path = events_csv(
        tmp_path / "e.csv",
        row(ts="2026-03-02T09:14:05"),  # line 2: good once a zone is assumed
        row(event="nope", session="s2"),  # line 3: refused whatever the options
        row(ts="2026-03-02T10:00:00+01:00", event="logout"),  # line 4: good
    )
    assert main(["import", "--db", str(db), "--quiet", str(path)]) == 3
    assert [r[1] for r in _rejects(db, capsys)] == ["2", "3"]
    before = snapshot(db)
    assert main(["import", "--db", str(db), "--quiet", "--assume-tz", "Europe/Paris", str(path)]) == 3
    assert f"{path}: events, 3 rows: 1 accepted, 1 duplicates, 1 rejected" in capsys.readouterr().out
    (reject,) = _rejects(db, capsys)  # one left, not line 3 twice
    assert reject[:2] == (str(path), "3") and reject[2].startswith("unknown event kind nope")
    assert changed(before, snapshot(db)) - LEDGER == {"events", "rejects"}

    # --retry-rejected with the same options: judged again, still one reject
    before = snapshot(db)
    assert (
        main(["import", "--db", str(db), "--quiet", "--retry-rejected", "--assume-tz", "Europe/Paris", str(path)]) == 3
    )
    assert f"{path}: events, 3 rows: 0 accepted, 2 duplicates, 1 rejected" in capsys.readouterr().out
    (again,) = _rejects(db, capsys)
    assert again == reject
    after = snapshot(db)
    assert changed(before, after) - LEDGER == {"rejects"}  # the same row under the new import's id
    assert before["events"] == after["events"]


def test_retry_rejected_on_packs_stores_nothing_twice(tmp_path, capsys):
    db = tmp_path / "s.duckdb"
    path = write(
        tmp_path / "p.csv",
        "pack_id,team,tokens,purchased_on\nP1,Design,1000,2026-01-05\nP2,Design,lots,2026-01-05\n",
    )
    assert main(["import", "--db", str(db), "--quiet", str(path)]) == 3
    capsys.readouterr()
    before = snapshot(db)
    assert main(["import", "--db", str(db), "--quiet", "--retry-rejected", str(path)]) == 3
    assert f"{path}: packs, 2 rows: 0 accepted, 1 duplicates, 1 rejected" in capsys.readouterr().out
    (reject,) = _rejects(db, capsys)
    assert reject[:2] == (str(path), "3")
    after = snapshot(db)
    assert changed(before, after) - LEDGER == {"rejects"}
    assert after["packs"] == before["packs"]


def test_a_file_with_no_rejects_is_skipped_under_other_options(tmp_path, capsys):
    db = tmp_path / "s.duckdb"
    path = events_csv(tmp_path / "e.csv", row())
    assert main(["import", "--db", str(db), "--quiet", str(path)]) == 0
    before = snapshot(db)
    assert main(["import", "--db", str(db), "--quiet", "--assume-tz", "Europe/Paris", str(path)]) == 0
    assert "(already imported: skipped)" in capsys.readouterr().out
    assert changed(before, snapshot(db)) <= {"imports", "import_options"}


def test_retry_rejected_alone_keeps_the_zone_that_stored_the_rows_R2(tmp_path, capsys):
    """--retry-rejected without --assume-tz reads the file again with the zone
    of the import that decided it (ReadOptions.after): the row that zone
    stored is not listed as refused again; only the row still bad is."""
    db = tmp_path / "s.duckdb"
    path = events_csv(
        tmp_path / "mixed.csv",
        row(ts="2026-03-02T09:14:05"),  # line 2: no offset (R2)
        row(ts="2026-03-02T10:00:00+01:00", event="logout"),  # line 3: good
        row(ts="2026-03-02T10:05:00+01:00", event="lunch"),  # line 4: no such event, whatever the zone
    )
    assert main(["import", "--db", str(db), str(path)]) == 3
    assert [r[1] for r in _rejects(db, capsys)] == ["2", "4"]
    assert main(["import", "--db", str(db), "--assume-tz", "Europe/Paris", str(path)]) == 3
    assert [r[1] for r in _rejects(db, capsys)] == ["4"]
    # 09:14:05 in Paris (UTC+1 in March) is 08:14:05Z
    stored = [("s1", "login", "2026-03-02T08:14:05Z"), ("s1", "logout", "2026-03-02T09:00:00Z")]
    assert _events(db) == stored
    # no option given: the zone that read it stands, so nothing to read again
    before = snapshot(db)
    assert main(["import", "--db", str(db), str(path)]) == 0
    assert "(read with --assume-tz Europe/Paris, encoding utf-8)" in capsys.readouterr().err
    assert changed(before, snapshot(db)) <= LEDGER

    before = snapshot(db)
    assert main(["import", "--db", str(db), "--retry-rejected", str(path)]) == 3
    out = capsys.readouterr().out
    assert f"{path}: events, 3 rows: 0 accepted, 2 duplicates, 1 rejected" in out
    assert [r[1:3] for r in _rejects(db, capsys)] == [
        ("4", "unknown event kind lunch (expected login, activity or logout)")
    ]
    assert _events(db) == stored
    assert changed(before, snapshot(db)) <= LEDGER | {"rejects"}
