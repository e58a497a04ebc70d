"""Working from the vendor's export alone (R24 with R14, R15): billed days no
log covers become charges at the day's 00:00 UTC, drawn from the packs, so
balances and every report on the charges work from the export."""

from __future__ import annotations

from app import reports
from app.engine import recompute
from app.ingest import import_paths
from tests.reports.handmade import utc

from .helpers import TITLE, quoted, title_row, write_bytes

PACKS = "pack_id,team,tokens,purchased_on\nP1,Design,100,2026-01-01\n"
AS_OF = utc("2026-03-10 00:00")


def _session(sid, user, product, day, team="Design"):
    # login 09:00, activity every 10 minutes, logout 10:00: one active hour,
    # one window at 09:00 (R6-R9)
    rows = [f"{day}T09:00:00Z,login,{sid},{user},{team},{product},2025,WS-{user},windows"]
    rows += [
        f"{day}T09:{m:02d}:00Z,activity,{sid},{user},{team},{product},2025,WS-{user},windows"
        for m in (10, 20, 30, 40, 50)
    ]
    rows += [f"{day}T10:00:00Z,logout,{sid},{user},{team},{product},2025,WS-{user},windows"]
    return rows


def _logs(tmp_path, sessions):
    text = (
        "ts,event,session_id,user,team,product,version,device,os\n" + "\n".join(r for s in sessions for r in s) + "\n"
    )
    return write_bytes(tmp_path / "events.csv", text)


def _export(tmp_path, rows, name="export.csv"):
    return write_bytes(tmp_path / name, quoted([TITLE, *rows]))


def _balances(con):
    recompute(con, AS_OF)
    frame = reports.build(con, "balances", reports.ReportParams(as_of=AS_OF))
    return [(r["team"], r["balance"], r["burn_30d"]) for r in frame.to_dicts()]


def _sources(con):
    return con.execute(
        "SELECT strftime(window_start, '%Y-%m-%d %H:%M'), u.user_name, c.tokens, c.source "
        "FROM v_charge_source c JOIN users u USING (user_id) ORDER BY window_start"
    ).fetchall()


def test_the_export_alone_gives_the_balances_the_logs_give(tmp_path):
    from app import store as store_mod

    logs_dir, export_dir = tmp_path / "logs", tmp_path / "export"
    logs = store_mod.connect_write(tmp_path / "logs.duckdb")
    import_paths(
        logs,
        [
            write_bytes(logs_dir / "packs.csv", PACKS),
            _logs(
                logs_dir,
                [_session("s1", "ann@x.com", "RVT", "2026-03-02"), _session("s2", "bob@x.com", "ACAD", "2026-03-03")],
            ),
        ],
    )
    export = store_mod.connect_write(tmp_path / "export.duckdb")
    import_paths(
        export,
        [
            write_bytes(export_dir / "packs.csv", PACKS),
            _export(
                export_dir,
                [
                    title_row("Design", "ann@x.com", "2026-03-02", "Revit", "10"),
                    title_row("Design", "bob@x.com", "2026-03-03", "AutoCAD", "7"),
                ],
            ),
        ],
    )
    # 100 - 10 (Revit) - 7 (AutoCAD) = 83 left; 17 burnt in the 30 days
    assert _balances(logs) == _balances(export) == [("Design", 83, 17)]
    assert _sources(export) == [
        ("2026-03-02 00:00", "ann@x.com", 10, "billed"),
        ("2026-03-03 00:00", "bob@x.com", 7, "billed"),
    ]
    logs.close()
    export.close()


def test_a_day_the_logs_cover_is_not_charged_twice(store, tmp_path):
    import_paths(
        store,
        [
            write_bytes(tmp_path / "packs.csv", PACKS),
            _logs(tmp_path, [_session("s1", "ann@x.com", "RVT", "2026-03-02")]),
            _export(
                tmp_path,
                [
                    # 2 March: Design has logs that day, so the logs' charge stands
                    title_row("Design", "ann@x.com", "2026-03-02", "Revit", "10"),
                    # 4 March: no log of Design that day: billed
                    title_row("Design", "bob@x.com", "2026-03-04", "AutoCAD", "7"),
                    title_row("Design", "cid@x.com", "2026-03-04", "Revit", "0"),  # no charge
                ],
            ),
        ],
    )
    assert _balances(store) == [("Design", 83, 17)]
    assert _sources(store) == [
        ("2026-03-02 09:00", "ann@x.com", 10, "logs"),
        ("2026-03-04 00:00", "bob@x.com", 7, "billed"),
    ]
    # the billed charge drew from P1 (R14) at 00:00 on 4 March
    draws = store.execute(
        "SELECT a.pack_id, a.tokens FROM allocations a JOIN charges c USING (charge_id) ORDER BY c.window_start"
    ).fetchall()
    assert draws == [("P1", 10), ("P1", 7)]


def test_billed_charges_are_not_compared_with_the_bill(store, tmp_path):
    # R24 compares the bill with what the logs say: a billed charge is no computed one
    import_paths(
        store,
        [
            write_bytes(tmp_path / "packs.csv", PACKS),
            _export(tmp_path, [title_row("Design", "ann@x.com", "2026-03-02", "Revit", "10")]),
        ],
    )
    recompute(store, AS_OF)
    got = reports.build(store, "reconcile", reports.ReportParams(as_of=AS_OF))
    assert [(r["tokens_billed"], r["tokens_computed"], r["status"]) for r in got.to_dicts()] == [
        (10, 0, "billed_not_computed")
    ]


def test_tables_say_where_the_charges_come_from(tmp_path, capsys, monkeypatch):
    from app import store as store_mod
    from app.cli import main

    db = tmp_path / "s.duckdb"
    con = store_mod.connect_write(db)
    import_paths(
        con,
        [
            write_bytes(tmp_path / "packs.csv", PACKS),
            _logs(tmp_path, [_session("s1", "ann@x.com", "RVT", "2026-03-02")]),
            _export(tmp_path, [title_row("Design", "bob@x.com", "2026-03-04", "AutoCAD", "7")]),
        ],
    )
    recompute(con, AS_OF)
    con.close()
    monkeypatch.setenv("COLUMNS", "200")
    assert main(["report", "charges", "--db", str(db), "--as-of", "2026-03-10", "--until", "2026-03-03"]) == 0
    # the caption may wrap: compare with the blanks folded
    assert "charges computed from logs" in " ".join(capsys.readouterr().out.split())
    assert main(["report", "charges", "--db", str(db), "--as-of", "2026-03-10", "--since", "2026-03-04"]) == 0
    assert "charges billed by the vendor (export only)" in " ".join(capsys.readouterr().out.split())
    assert main(["report", "balances", "--db", str(db), "--as-of", "2026-03-10"]) == 0
    # both in the whole history: the caption names the team whose charges mix the two
    assert "logs and the vendor's bill mixed for Design (billed on days no log covers)" in " ".join(
        capsys.readouterr().out.split()
    )


def test_plan_and_check_say_where_the_charges_come_from(tmp_path, capsys):
    # R24: plan and check work from the charges; their text says the source,
    # JSON keeps the contract's columns only
    import json

    from app import store as store_mod
    from app.cli import main

    db = tmp_path / "s.duckdb"
    con = store_mod.connect_write(db)
    import_paths(
        con,
        [
            write_bytes(tmp_path / "packs.csv", PACKS),
            _logs(tmp_path, [_session("s1", "ann@x.com", "RVT", "2026-03-02")]),
            _export(tmp_path, [title_row("Design", "bob@x.com", "2026-03-04", "AutoCAD", "7")]),
        ],
    )
    recompute(con, AS_OF)
    con.close()
    mixed = "charges logs and the vendor's bill mixed for Design (billed on days no log covers)\n"
    assert main(["plan", "--db", str(db), "--as-of", "2026-03-10"]) == 0
    assert capsys.readouterr().out.endswith(mixed)
    cfg = write_bytes(tmp_path / "budgets.toml", "[[user_monthly_tokens]]\nabove = 1000\n")
    assert main(["check", "--db", str(db), "--config", str(cfg), "--as-of", "2026-03-10"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("OK: no budget breached") and out.endswith(mixed)
    assert main(["check", "--db", str(db), "--config", str(cfg), "--as-of", "2026-03-10", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_explain_says_where_the_charges_shown_come_from(tmp_path, capsys):
    # R24: bob's AutoCAD day is billed (no session to explain), ann's Revit
    # day computed from her session; JSON keeps its keys
    import json

    from app import store as store_mod
    from app.cli import main

    db = tmp_path / "s.duckdb"
    con = store_mod.connect_write(db)
    import_paths(
        con,
        [
            write_bytes(tmp_path / "packs.csv", PACKS),
            _logs(tmp_path, [_session("s1", "ann@x.com", "RVT", "2026-03-02")]),
            _export(tmp_path, [title_row("Design", "bob@x.com", "2026-03-04", "AutoCAD", "7")]),
        ],
    )
    recompute(con, AS_OF)
    con.close()
    assert main(["explain", "bob@x.com", "ACAD", "--db", str(db), "--as-of", "2026-03-10"]) == 0
    assert "\nCharges: billed by the vendor (export only)\n" in capsys.readouterr().out
    assert main(["explain", "ann@x.com", "RVT", "--db", str(db), "--as-of", "2026-03-10"]) == 0
    assert "\nCharges: computed from logs\n" in capsys.readouterr().out
    assert main(["explain", "ann@x.com", "RVT", "--db", str(db), "--as-of", "2026-03-10", "--format", "json"]) == 0
    assert "source" not in json.loads(capsys.readouterr().out)


def test_the_forecast_takes_a_billed_days_rate_not_its_total_r21(store, tmp_path):
    """A billed day of 20 Revit tokens is two windows at Revit's 10 (R10,
    R24): the highest daily rate the team used is 10, not the day's 20."""
    import_paths(
        store,
        [
            write_bytes(tmp_path / "packs.csv", PACKS),
            _export(
                tmp_path,
                [
                    title_row("Design", "ann@x.com", "2026-03-02", "Revit", "20"),
                    title_row("Design", "bob@x.com", "2026-03-03", "AutoCAD", "7"),
                ],
            ),
        ],
    )
    recompute(store, AS_OF)
    got = reports.build(store, "forecast", reports.ReportParams(as_of=AS_OF)).row(0, named=True)
    # 100 - 20 - 7 = 73 left, 27 burnt in the 30 days; rates Revit 10, AutoCAD 7
    assert (got["team"], got["balance"], got["burn_30d"], got["highest_rate"]) == ("Design", 73, 27, 10)
