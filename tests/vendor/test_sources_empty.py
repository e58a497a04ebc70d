"""A selection with no charges says which source covers it (R24): in an
export-only store a quiet team or day is the vendor's ("nothing billed"),
not the logs'; where logs cover the period the logs say "none"; where
neither reaches, neither is named."""

from __future__ import annotations

from datetime import date

import pytest

from app.engine import recompute
from app.ingest import import_paths
from app.reports import sources
from tests.reports.handmade import utc

from .helpers import TITLE, quoted, title_row, write_bytes
from .test_export_only import _logs, _session

AS_OF = utc("2026-03-10 00:00")
PACKS = "pack_id,team,tokens,purchased_on\nP1,Design,100,2026-01-01\nB1,Build,100,2026-01-01\n"
# the export covers 2 to 4 March: Design billed on the 2nd and the 4th, Build never
EXPORT = [
    title_row("Design", "ann@x.com", "2026-03-02", "Revit", "10"),
    title_row("Design", "bob@x.com", "2026-03-04", "AutoCAD", "7"),
]


def _short(sid, user, product, day, team):
    # a 3-minute session: logged, but free (R8)
    return [
        f"{day}T09:00:00Z,login,{sid},{user},{team},{product},2025,WS-{user},windows",
        f"{day}T09:03:00Z,logout,{sid},{user},{team},{product},2025,WS-{user},windows",
    ]


def _store(store, tmp_path, *, sessions=(), billed=()):
    files = [write_bytes(tmp_path / "packs.csv", PACKS)]
    if sessions:
        files.append(_logs(tmp_path, list(sessions)))
    if billed:
        files.append(write_bytes(tmp_path / "export.csv", quoted([TITLE, *billed])))
    import_paths(store, files)
    recompute(store, AS_OF)
    return store


def _label(con, team=None, since=None, until=None):
    return sources.label(con, AS_OF, team, since, until)


@pytest.mark.parametrize(
    ("team", "since", "until", "expected"),
    [
        # Design on the days it was billed: the vendor's charges
        ("Design", None, None, sources.BILLED),
        # Build: inside the export's days, billed nothing
        ("Build", None, None, sources.NONE_BILLED),
        # 3 March: a day the export covers, nothing billed that day
        (None, date(2026, 3, 3), date(2026, 3, 3), sources.NONE_BILLED),
        # after the export's last day (4 March) and before its first (2 March): nothing covers them
        (None, date(2026, 3, 5), None, sources.NONE_UNCOVERED),
        (None, None, date(2026, 3, 1), sources.NONE_UNCOVERED),
    ],
    ids=["billed", "team-billed-nothing", "covered-day", "after-export", "before-export"],
)
def test_r24_export_only_store_says_the_vendor_billed_nothing(store, tmp_path, team, since, until, expected):
    _store(store, tmp_path, billed=EXPORT)
    assert _label(store, team, since, until) == expected


def test_r24_logs_without_a_charge_say_none_from_the_logs(store, tmp_path):
    # cid's 3-minute session on 3 March (Build) opens no window (R8): the
    # logs cover the day and charge nothing; 5 March has no event at all
    _store(
        store,
        tmp_path,
        sessions=[
            _session("s1", "ann@x.com", "RVT", "2026-03-02"),
            _short("s2", "cid@x.com", "ACAD", "2026-03-03", "Build"),
        ],
    )
    assert _label(store, "Build") == sources.NONE_LOGS
    assert _label(store, None, date(2026, 3, 3), date(2026, 3, 3)) == sources.NONE_LOGS
    assert _label(store, None, date(2026, 3, 5)) == sources.NONE_UNCOVERED
    # a log naming another team is not this team's (Design's only log is 2 March)
    assert _label(store, "Design", date(2026, 3, 3), date(2026, 3, 3)) == sources.NONE_UNCOVERED


def test_r24_logs_and_export_both_covering_a_quiet_day(store, tmp_path):
    # 3 March: cid's free session (logs) inside the export's days (2 to 4 March)
    _store(store, tmp_path, sessions=[_short("s2", "cid@x.com", "ACAD", "2026-03-03", "Build")], billed=EXPORT)
    assert _label(store, None, date(2026, 3, 3), date(2026, 3, 3)) == sources.NONE_BOTH


def test_r24_report_caption_of_an_empty_selection(tmp_path, capsys, monkeypatch):
    from app import store as store_mod
    from app.cli import main

    db = tmp_path / "s.duckdb"
    con = store_mod.connect_write(db)
    _store(con, tmp_path, billed=EXPORT)
    con.close()
    monkeypatch.setenv("COLUMNS", "200")
    args = ["report", "charges", "--db", str(db), "--as-of", "2026-03-10", "--team", "Build"]
    assert main(args) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "charges billed by the vendor (export only): nothing billed in this selection" in out
    assert "computed from logs" not in out
