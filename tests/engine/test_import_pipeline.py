"""The engine behind the real importer (app.ingest.import_paths): R1, R2
and R12 (import order never matters), on small CSVs written by hand."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app import store as store_mod
from app.engine import recompute

ingest = pytest.importorskip("app.ingest")

AS_OF = datetime(2027, 1, 1, tzinfo=UTC)
HEADER = "ts,event,session_id,user,team,product,version,device,os\n"


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def charges(con):
    return con.execute(
        "SELECT strftime(c.window_start, '%Y-%m-%dT%H:%M:%SZ'), u.user_name, p.product, t.team, c.tokens "
        "FROM charges c JOIN users u USING (user_id) JOIN products p USING (product_id) "
        "JOIN teams t USING (team_id) ORDER BY 1, 2, 3"
    ).fetchall()


def run(db_path, paths, **kw):
    con = store_mod.connect_write(db_path)
    try:
        ingest.import_paths(con, paths, **kw)
        recompute(con, AS_OF)
        return charges(con), con.execute("SELECT reason, count(*) FROM denials GROUP BY ALL ORDER BY ALL").fetchall()
    finally:
        con.close()


def monday_tuesday(offset: str, local: list[str]) -> str:
    """ann/ACAD: Monday 08:00-08:20 UTC and Tuesday 07:00-08:20 UTC, written in a zone."""
    rows = [
        f"{ts}{offset},{kind},s{n},ann@x.example,T1,ACAD,2025,pc1,windows"
        for n, (ts, kind) in enumerate(zip(local, ["login", "activity", "logout"] * 2))
    ]
    for i in range(3, 6):
        rows[i] = rows[i].replace(f",s{i},", ",s9,")
    for i in range(3):
        rows[i] = rows[i].replace(f",s{i},", ",s8,")
    return HEADER + "\n".join(rows) + "\n"


@pytest.mark.parametrize(
    "offset, local",
    [
        (
            "Z",
            [
                "2026-03-02T08:00:00",
                "2026-03-02T08:10:00",
                "2026-03-02T08:20:00",
                "2026-03-03T07:00:00",
                "2026-03-03T07:55:00",
                "2026-03-03T08:20:00",
            ],
        ),
        (
            "+09:00",
            [
                "2026-03-02T17:00:00",
                "2026-03-02T17:10:00",
                "2026-03-02T17:20:00",
                "2026-03-03T16:00:00",
                "2026-03-03T16:55:00",
                "2026-03-03T17:20:00",
            ],
        ),
        (
            "-05:00",
            [
                "2026-03-02T03:00:00",
                "2026-03-02T03:10:00",
                "2026-03-02T03:20:00",
                "2026-03-03T02:00:00",
                "2026-03-03T02:55:00",
                "2026-03-03T03:20:00",
            ],
        ),
    ],
)
def test_r1_same_events_in_three_time_zones_give_the_same_charges(tmp_path, offset, local):
    events = write(tmp_path / "events.csv", monday_tuesday(offset, local))
    packs = write(tmp_path / "packs.csv", "pack_id,team,tokens,purchased_on,price\nP1,T1,100,2026-01-01,300\n")
    got, _ = run(tmp_path / "s.duckdb", [packs, events])
    # Tuesday active [07:00, 07:15] and [07:55, 08:10]: the 2nd window opens at
    # 08:00 UTC when Monday's ends, with 10 minutes of that run left.
    assert got == [
        ("2026-03-02T08:00:00Z", "ann@x.example", "ACAD", "T1", 7),
        ("2026-03-03T08:00:00Z", "ann@x.example", "ACAD", "T1", 7),
    ]


def test_r2_naive_timestamps_charged_only_with_an_assumed_zone(tmp_path):
    events = write(
        tmp_path / "events.csv",
        HEADER
        + "2026-03-02T09:00:00,login,s1,ann,T1,ACAD,2025,pc1,windows\n"
        + "2026-03-02T09:10:00,logout,s1,ann,T1,ACAD,2025,pc1,windows\n",
    )
    packs = write(tmp_path / "packs.csv", "pack_id,team,tokens,purchased_on,price\nP1,T1,100,2026-01-01,\n")
    got, _ = run(tmp_path / "a.duckdb", [packs, events])
    assert got == []  # rejected rows (R2) cost nothing
    got, _ = run(tmp_path / "b.duckdb", [packs, events], assume_tz="Europe/Paris")
    assert got == [("2026-03-02T08:00:00Z", "ann", "ACAD", "T1", 7)]  # 09:00 +01:00


def test_r12_import_order_never_changes_the_billed_team(tmp_path):
    # ann's sessions name no team; T2 assigned her ACAD first (R12). Files
    # imported in two orders: names get different dense ids, bills do not.
    a = write(
        tmp_path / "a.csv",
        HEADER
        + "2026-03-02T09:00:00Z,login,s1,ann,,ACAD,2025,pc1,windows\n"
        + "2026-03-02T09:10:00Z,logout,s1,ann,,ACAD,2025,pc1,windows\n"
        + "2026-03-02T09:00:00Z,login,s2,bob,T1,RVT,2025,pc2,windows\n"
        + "2026-03-02T09:10:00Z,logout,s2,bob,T1,RVT,2025,pc2,windows\n",
    )
    b = write(
        tmp_path / "b.csv",
        HEADER
        + "2026-03-03T09:00:00Z,login,s3,bob,,ACAD,2025,pc2,windows\n"
        + "2026-03-03T09:10:00Z,logout,s3,bob,,ACAD,2025,pc2,windows\n",
    )
    packs = write(
        tmp_path / "packs.csv", "pack_id,team,tokens,purchased_on,price\nP1,T1,100,2026-01-01,\nP2,T2,100,2026-01-01,\n"
    )
    assign = write(
        tmp_path / "assign.csv",
        "team,user,product,assigned_on\nT1,ann,ACAD,2026-02-01\nT2,ann,*,2026-01-15\nT1,bob,*,2026-01-01\n",
    )
    first = run(tmp_path / "x.duckdb", [a, b, packs, assign])
    second = run(tmp_path / "y.duckdb", [assign, packs, b, a])
    assert first == second
    assert first[0] == [
        ("2026-03-02T09:00:00Z", "ann", "ACAD", "T2", 7),
        ("2026-03-02T09:00:00Z", "bob", "RVT", "T1", 10),
        ("2026-03-03T09:00:00Z", "bob", "ACAD", "T1", 7),
    ]
