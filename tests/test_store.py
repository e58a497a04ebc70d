"""The store: location, mode 0600, migrations recorded, views rebuilt,
shipped reference data loaded, lock handling between processes."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap

import pytest

from app import store
from app.errors import NoSuchStore, StoreBusy


def test_db_path_resolution(monkeypatch, tmp_path):
    monkeypatch.delenv("FLEXDASH_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert store.resolve_db_path(None) == tmp_path / "xdg" / "flexdash" / "flexdash.duckdb"
    monkeypatch.setenv("FLEXDASH_DB", str(tmp_path / "env.duckdb"))
    assert store.resolve_db_path(None) == tmp_path / "env.duckdb"
    assert store.resolve_db_path(str(tmp_path / "cli.duckdb")) == tmp_path / "cli.duckdb"


def test_new_store_is_private_and_migrated(db_path):
    con = store.connect_write(db_path)
    try:
        versions = con.execute("SELECT version FROM schema_version ORDER BY version").fetchall()
        assert [v for (v,) in versions] == [n for n, _, _ in store.migrations()]
        assert store.store_is_current(con)
        # shipped, sourced rates are loaded (domain-facts.md: AutoCAD 7, Revit 10)
        rates = dict(con.execute("SELECT product, tokens_per_day FROM stg_rates").fetchall())
        assert rates["ACAD"] == 7 and rates["RVT"] == 10 and rates["NAVMAN"] == 9
    finally:
        con.close()
    assert stat.S_IMODE(os.stat(db_path).st_mode) == 0o600


def test_reopening_does_not_reapply_migrations(db_path):
    store.connect_write(db_path).close()
    con = store.connect_write(db_path)
    try:
        count = con.execute("SELECT count(*) FROM schema_version").fetchall()[0][0]
        assert count == len(store.migrations())
    finally:
        con.close()


def test_views_are_recreated_when_they_are_not_this_versions(db_path):
    con = store.connect_write(db_path)
    con.execute("DROP VIEW v_packs")  # as an older flexdash's views would differ
    con.execute("UPDATE store_meta SET value = 'older' WHERE key = 'views_digest'")
    con.close()
    con = store.connect_write(db_path)
    try:
        assert store.views_current(con)
        assert con.execute("SELECT count(*) FROM v_packs").fetchone() == (0,)
    finally:
        con.close()


def test_current_views_are_kept_as_they_are(db_path):
    con = store.connect_write(db_path)
    con.execute("CREATE OR REPLACE VIEW v_packs AS SELECT 'kept' AS marker")
    con.close()
    con = store.connect_write(db_path)  # the digest matches: nothing is rebuilt
    try:
        assert con.execute("SELECT marker FROM v_packs").fetchone() == ("kept",)
    finally:
        con.close()


def test_a_store_of_schema_1_is_upgraded_with_its_events_kept(db_path):
    """Migration 0002 turns events.version (text) and version_year into
    version_id, a dictionary of versions in version order with their years
    (what R6 idle detection and R18 Linux support go by); every event keeps
    its identity, attributes and order."""
    import duckdb

    (number, name, first), *_ = store.migrations()
    con = duckdb.connect(str(db_path))
    con.execute(first.read_text(encoding="utf-8"))
    con.execute(
        "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, "
        "applied_at TIMESTAMPTZ NOT NULL)"
    )
    con.execute("INSERT INTO schema_version VALUES (?, ?, now())", [number, name])
    rows = [
        (7, "2026-03-02 09:00:00+00", "login", "2025.1", 2025),
        (7, "2026-03-02 09:30:00+00", "logout", "2025.1", 2025),
        (8, "2026-03-02 10:00:00+00", "login", "2019", 2019),
    ]
    for key, ts, event, version, year in rows:
        con.execute(
            "INSERT INTO events VALUES (?, ?, ?, 1, NULL, 2, ?, ?, 3, 'linux', 4)", [key, ts, event, version, year]
        )
    con.close()
    con = store.connect_write(db_path)
    try:
        assert store.schema_version(con) == store.latest_schema_version()
        assert con.execute("SELECT * FROM versions ORDER BY version_id").fetchall() == [
            (1, "2019", 2019),
            (2, "2025.1", 2025),
        ]
        got = con.execute(
            "SELECT e.session_key, strftime(e.ts, '%H:%M'), CAST(e.event AS VARCHAR), e.version_id, v.version, "
            "v.version_year, e.user_id, e.team_id, e.product_id, e.device_id, CAST(e.os AS VARCHAR), e.import_id "
            "FROM events e JOIN versions v USING (version_id) ORDER BY e.rowid"
        ).fetchall()
        assert got == [
            (7, "09:00", "login", 2, "2025.1", 2025, 1, None, 2, 3, "linux", 4),
            (7, "09:30", "logout", 2, "2025.1", 2025, 1, None, 2, 3, "linux", 4),
            (8, "10:00", "login", 1, "2019", 2019, 1, None, 2, 3, "linux", 4),
        ]
        assert [
            c
            for (c,) in con.execute(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_name = 'events' ORDER BY ordinal_position"
            ).fetchall()
        ] == [
            "session_key",
            "ts",
            "event",
            "user_id",
            "team_id",
            "product_id",
            "version_id",
            "device_id",
            "os",
            "import_id",
        ]
        # the views read the new column: a session's version is its first event's
        assert con.execute(
            "SELECT session_key, version, version_year FROM int_sessions(NULL) ORDER BY 1"
        ).fetchall() == [
            (7, "2025.1", 2025),
            (8, "2019", 2019),
        ]
    finally:
        con.close()


def test_read_connection_never_creates_a_store(db_path):
    with pytest.raises(NoSuchStore, match="no such store"):
        store.connect_read(db_path)
    assert not db_path.exists()


def test_busy_store_raises_store_busy_after_timeout(db_path):
    store.connect_write(db_path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import duckdb, sys, time
                con = duckdb.connect({str(db_path)!r}, read_only=True)
                print('held', flush=True)
                sys.stdin.readline()
                """
            ),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        messages: list[str] = []
        with pytest.raises(StoreBusy) as info:
            store.connect_write(db_path, lock_timeout=0.3, on_wait=messages.append)
        assert "in use by another process" in str(info.value)
        assert messages and "waiting" in messages[0]
    finally:
        holder.communicate("\n", timeout=10)
    # once released, the writer gets in
    store.connect_write(db_path, lock_timeout=5).close()
