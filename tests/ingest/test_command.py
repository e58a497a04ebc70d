"""`flexdash import` through app.cli.main: exit codes, --format json, the
lock wait, and atomicity when the process is killed (data contract; README
exit codes)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import duckdb
import pytest

from app import store
from app.cli import main
from app.ingest import import_into

from .helpers import HEADER, events_csv, row, write


def test_exit_codes(tmp_path, capsys):
    db = str(tmp_path / "s.duckdb")
    good = events_csv(tmp_path / "good.csv", row())
    bad = events_csv(tmp_path / "bad.csv", row(session="s2"), row(session="s2", event="nope"))
    assert main(["import", "--db", db, "--quiet", str(good)]) == 0
    assert main(["import", "--db", db, "--quiet", str(bad)]) == 3
    assert main(["import", "--db", db, "--quiet", str(tmp_path / "missing.csv")]) == 4
    err = capsys.readouterr().err
    assert "missing.csv: no such file or folder" in err and "Traceback" not in err
    con = duckdb.connect(db, read_only=True)
    assert con.execute("SELECT count(*) FROM events").fetchall() == [(2,)]
    con.close()


def test_unknown_zone_is_a_usage_error(tmp_path, capsys):
    good = events_csv(tmp_path / "good.csv", row())
    assert main(["import", "--db", str(tmp_path / "s.duckdb"), "--assume-tz", "Mars/Base", str(good)]) == 2
    assert "unknown time zone" in capsys.readouterr().err


def test_format_json(tmp_path, capsys):
    a = events_csv(tmp_path / "a.csv", row(), row(event="nope"))
    b = write(tmp_path / "b.csv", "pack_id,team,tokens,purchased_on\nP1,Design,1000,2026-01-05\n")
    code = main(["import", "--db", str(tmp_path / "s.duckdb"), "--format", "json", "--quiet", str(a), str(b)])
    assert code == 3
    out = json.loads(capsys.readouterr().out)
    assert out == [
        {"file": str(a), "kind": "events", "rows": 2, "accepted": 1, "duplicates": 0, "rejected": 1},
        {"file": str(b), "kind": "packs", "rows": 1, "accepted": 1, "duplicates": 0, "rejected": 0},
    ]


def test_text_summary_and_warnings(tmp_path, capsys):
    a = events_csv(tmp_path / "a.csv", row() + ",x", header=HEADER + ",colour")
    assert main(["import", "--db", str(tmp_path / "s.duckdb"), str(a)]) == 0
    captured = capsys.readouterr()
    assert f"{a}: events, 1 rows: 1 accepted, 0 duplicates, 0 rejected" in captured.out
    assert "extra column(s) kept nowhere: colour" in captured.err


@contextmanager
def _held(db) -> Iterator[Callable[[], None]]:
    """Another process holding the store open (like the dashboard) for the
    block; yields ``release`` to let go earlier (once is enough)."""
    code = "import duckdb, sys; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); sys.stdin.read()"
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout.readline().strip() == "ready"

    def release() -> None:
        if proc.poll() is None:
            proc.stdin.close()
            proc.wait()

    try:
        yield release
    finally:
        release()


def test_busy_store_waits_then_gives_up(tmp_path, capsys):
    db = str(tmp_path / "s.duckdb")
    good = events_csv(tmp_path / "good.csv", row())
    assert main(["import", "--db", db, "--quiet", str(good)]) == 0
    with _held(db):
        code = main(
            ["import", "--db", db, "--lock-timeout", "0.3", str(events_csv(tmp_path / "b.csv", row(session="s9")))]
        )
    err = capsys.readouterr().err
    assert code == 5
    assert "waiting for the store" in err and "another process holds its lock" in err
    assert "--lock-timeout" in err


KILLER = textwrap.dedent("""
    import os, sys
    from app import store
    from app.ingest import import_into, import_paths
    staged_second = False
    def progress(file, done, total):
        global staged_second
        if file.endswith("second.csv"):
            staged_second = True
        elif staged_second and file.endswith("first.csv"):
            # both files are staged; the first one is stored in the open
            # transaction (progress is told after each stored file), not committed
            print("inside", flush=True)
            sys.stdin.read()              # wait here to be killed
    if sys.argv[1] == "into":  # as `flexdash import` does: staged in memory, store attached at the end
        import_into(sys.argv[2], sys.argv[3:], progress=progress)
    else:
        import_paths(store.connect_write(sys.argv[2]), sys.argv[3:], progress=progress)
""")


@pytest.mark.parametrize("how", ["into", "paths"])
def test_killed_import_leaves_store_as_before_and_rerun_succeeds(tmp_path, how):
    db = str(tmp_path / "s.duckdb")
    before = events_csv(tmp_path / "before.csv", row(session="s0"))
    assert main(["import", "--db", db, "--quiet", str(before)]) == 0
    first = events_csv(tmp_path / "first.csv", *[row(session=f"a{i}") for i in range(500)])
    second = events_csv(tmp_path / "second.csv", *[row(session=f"b{i}") for i in range(500)])
    env = dict(os.environ, PYTHONPATH=os.getcwd())
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLER, how, db, str(first), str(second)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout.readline().strip() == "inside"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    con = duckdb.connect(db, read_only=True)
    assert con.execute("SELECT count(*) FROM events").fetchall() == [(1,)]
    assert con.execute("SELECT count(*) FROM imports").fetchall() == [(1,)]
    con.close()
    assert main(["import", "--db", db, "--quiet", str(first), str(second)]) == 0
    con = duckdb.connect(db, read_only=True)
    assert con.execute("SELECT count(*) FROM events").fetchall() == [(1001,)]
    con.close()


def test_files_are_read_and_checked_before_the_lock_is_taken(tmp_path):
    # issue 2: the write lock only for the final transaction. Another process
    # (the dashboard, an import) holds the store; the import reads and checks
    # its file meanwhile, and waits only to store it.
    db = tmp_path / "s.duckdb"
    store.connect_write(db).close()
    good = events_csv(tmp_path / "good.csv", row(), row(event="logout"))
    seen = []
    with _held(db) as release:

        def on_wait(message):
            seen.append("wait")
            release()  # the other process lets go

        results = import_into(db, [good], progress=lambda *_: seen.append("read"), on_wait=on_wait)
    assert seen[0] == "read" and seen.count("wait") == 1
    assert seen.index("wait") < len(seen) - 1  # stored (told again) after the wait
    assert (results[0].rows, results[0].accepted) == (2, 2)
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM events").fetchall() == [(2,)]
    con.close()


def test_same_content_imported_meanwhile_is_skipped_under_the_lock(tmp_path):
    # staged while the store did not know the file, stored after another
    # import landed the same content: counted as duplicates, stored once
    db = tmp_path / "s.duckdb"
    store.connect_write(db).close()
    good = events_csv(tmp_path / "good.csv", row(), row(event="logout"))
    with _held(db) as release:

        def on_wait(message):
            release()
            assert main(["import", "--db", str(db), "--quiet", str(good)]) == 0

        (r,) = import_into(db, [good], on_wait=on_wait)
    assert (r.rows, r.accepted, r.duplicates, r.skipped) == (2, 0, 2, True)
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM events").fetchall() == [(2,)]
    assert con.execute("SELECT count(*) FROM imports").fetchall() == [(2,)]
    con.close()
