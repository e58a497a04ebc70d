"""Small builders for the import tests: hand-written inputs, hand-counted expectations."""

from __future__ import annotations

from pathlib import Path

HEADER = "ts,event,session_id,user,team,product,version,device,os"


def row(
    ts="2026-03-02T09:14:05+01:00",
    event="login",
    session="s1",
    user="ann@firm.example",
    team="Design",
    product="ACD",
    version="2025.1",
    device="WS-1",
    os="windows",
) -> str:
    return ",".join([ts, event, session, user, team, product, version, device, os])


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, str):
        text = text.encode("utf-8")
    path.write_bytes(text)
    return path


def events_csv(path: Path, *rows: str, header: str = HEADER) -> Path:
    return write(path, "\n".join([header, *rows]) + "\n")


def all_rows(con, query: str, params=None):
    return con.execute(query, params or []).fetchall()


def rejects(con):
    """(line, reason, raw) of every rejected row, in line order."""
    return all_rows(con, "SELECT line, reason, raw FROM rejects ORDER BY file, line")


def event_count(con) -> int:
    return all_rows(con, "SELECT count(*) FROM events")[0][0]


def stored_events(con):
    """(session_id, event, ts as UTC text) of the stored events, sorted."""
    return all_rows(
        con,
        "SELECT s.session_id, CAST(e.event AS VARCHAR), strftime(e.ts, '%Y-%m-%dT%H:%M:%SZ') "
        "FROM events e JOIN sessions s USING (session_key) ORDER BY 1, 3, 2",
    )


def adds_up(result) -> bool:
    return result.rows == result.accepted + result.duplicates + result.rejected


def exact_reads(monkeypatch) -> list:
    """The files the exact line reader reads from now on (the others take a
    fast path: app/ingest/staging.py), as a list that grows."""
    from app.ingest import staging

    reads: list = []
    real_exact = staging._exact
    monkeypatch.setattr(staging, "_exact", lambda *a, **k: reads.append(a[1]) or real_exact(*a, **k))
    return reads


# What an import writes besides the rows it stores: the ledger, and the
# engine's results it recomputes (the command's recompute).
LEDGER = {"imports", "import_options", "store_meta", "engine_runs", "charges", "allocations", "denials"}


def snapshot(db: Path) -> dict[str, list]:
    """Every table of the store at ``db`` (rows sorted), to show what an
    invocation changed; {} when there is no store."""
    import duckdb

    if not Path(db).exists():
        return {}
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = [t for (t,) in con.execute("SELECT table_name FROM duckdb_tables() ORDER BY 1").fetchall()]
        return {t: sorted(con.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}
    finally:
        con.close()


def changed(before: dict[str, list], after: dict[str, list]) -> set[str]:
    """The tables whose rows differ (or that appeared)."""
    return {t for t in after.keys() | before.keys() if before.get(t) != after.get(t)}
