"""R24: the vendor's bill against the computed charges, and the gaps in the
archive of exports. Charges are hand-made (tests/reports/handmade.py); the
vendor rows come in through the importer, as the vendor writes them."""

from __future__ import annotations

import json
import subprocess
import sys

from app.ingest import import_paths
from tests.reports.handmade import HandStore, run_query

from .helpers import TITLE, quoted, title_row, write_bytes

AS_OF = "2026-04-01 00:00"


def _setup(store, tmp_path):
    rows = [
        TITLE,
        title_row("Design", "ann@x.com", "2026-03-02", "Revit", "10"),  # = computed: match
        title_row("Design", "ann@x.com", "2026-03-03", "AutoCAD", "7"),  # nothing computed
        title_row("Design", "bob@x.com", "2026-03-02", "Revit", "0"),  # a short session: matches no charge
        title_row("Design", "cid@x.com", "2026-03-04", "Navisworks Manage", "18"),  # computed 9
        title_row("Build", "dan@x.com", "2026-03-05", "Revit", "10"),  # computed for Design
        title_row("Design", "eve@x.com", "2026-03-07", "Revit", "10"),  # match; the range ends on 7 March
    ]
    import_paths(store, [write_bytes(tmp_path / "export.csv", quoted(rows), bom=True)])
    h = HandStore(store)
    h.charge("2026-03-02 09:00", "ann@x.com", "RVT", "Design", 10)
    h.charge("2026-03-03 08:00", "bob@x.com", "RVT", "Design", 10)  # no vendor row
    h.charge("2026-03-04 08:00", "cid@x.com", "NAVMAN", "Design", 9)
    h.charge("2026-03-05 08:00", "dan@x.com", "RVT", "Design", 10)
    h.charge("2026-03-06 10:00", "fay@x.com", "RVT", "Design", 10)  # 6 March: no vendor row for anyone
    h.charge("2026-03-07 10:00", "eve@x.com", "RVT", "Design", 10)
    h.charge("2026-03-10 10:00", "ann@x.com", "RVT", "Design", 10)  # after the vendor's last day
    h.charge("2026-03-01 10:00", "ann@x.com", "RVT", "Design", 10)  # before its first
    return h


def _rows(frame):
    return [tuple(r.values()) for r in frame.to_dicts()]


def test_each_status_on_a_hand_computed_case(store, tmp_path):
    _setup(store, tmp_path)
    got = run_query(store, "reconcile", AS_OF)
    D = __import__("datetime").date
    assert _rows(got) == [
        (D(2026, 3, 3), "ann@x.com", "ACAD", "Design", None, 7, 0, "billed_not_computed"),
        (D(2026, 3, 3), "bob@x.com", "RVT", None, "Design", 0, 10, "computed_not_billed"),
        (D(2026, 3, 4), "cid@x.com", "NAVMAN", "Design", "Design", 18, 9, "amount_differs"),
        (D(2026, 3, 5), "dan@x.com", "RVT", "Build", "Design", 10, 10, "team_differs"),
        (D(2026, 3, 6), "fay@x.com", "RVT", None, "Design", 0, 10, "computed_not_billed"),
    ]


def test_all_adds_the_matches(store, tmp_path):
    _setup(store, tmp_path)
    got = run_query(store, "reconcile", AS_OF, all=True)
    matches = [
        (r["user"], str(r["day"]), r["tokens_billed"], r["tokens_computed"])
        for r in got.to_dicts()
        if r["status"] == "match"
    ]
    # ann 2 March 10 = 10; bob 2 March: a zero-token row and no charge; eve 7 March 10 = 10
    assert matches == [
        ("ann@x.com", "2026-03-02", 10, 10),
        ("bob@x.com", "2026-03-02", 0, 0),
        ("eve@x.com", "2026-03-07", 10, 10),
    ]
    assert got.height == 5 + 3


def test_gaps_are_days_in_range_with_charges_and_no_vendor_row(store, tmp_path):
    _setup(store, tmp_path)
    got = run_query(store, "gaps", AS_OF)
    # vendor days: 2, 3, 4, 5, 7 March; charges on 6 March (fay, 10); 1 and 10 March are outside
    assert _rows(got) == [(__import__("datetime").date(2026, 3, 6), 10)]


def test_reporting_zone_moves_a_charge_to_the_vendors_day(store, tmp_path):
    rows = [TITLE, title_row("Design", "ann@x.com", "2026-03-05", "Revit", "10")]
    import_paths(store, [write_bytes(tmp_path / "e.csv", quoted(rows))])
    HandStore(store).charge("2026-03-04 23:30", "ann@x.com", "RVT", "Design", 10)
    # UTC: 4 March (outside the vendor's one day) -> the 5 March row is billed, not computed
    assert [r["status"] for r in run_query(store, "reconcile", AS_OF).to_dicts()] == ["billed_not_computed"]
    # Paris: 00:30 on 5 March -> the same day as the bill
    assert run_query(store, "reconcile", AS_OF, tz="Europe/Paris").height == 0


def test_command_exit_codes_and_json(tmp_path, db_path):
    # no logs: nothing is computed, so a zero-token row matches and a billed one differs
    def reconcile():
        cmd = [sys.executable, "-m", "app", "report", "reconcile", "--db", str(db_path), "--format", "json"]
        return subprocess.run(cmd, capture_output=True, text=True, check=False)

    def imported(name, rows):
        cmd = [
            sys.executable,
            "-m",
            "app",
            "import",
            "--db",
            str(db_path),
            "--quiet",
            str(write_bytes(tmp_path / name, quoted(rows))),
        ]
        subprocess.run(cmd, capture_output=True, check=True)

    imported("zero.csv", [TITLE, title_row("Design", "ann@x.com", "2026-03-02", "Revit", "0")])
    out = reconcile()
    assert (out.returncode, json.loads(out.stdout)) == (0, [])
    imported("ten.csv", [TITLE, title_row("Design", "ann@x.com", "2026-03-03", "Revit", "10")])
    out = reconcile()
    assert out.returncode == 9
    assert json.loads(out.stdout) == [
        {
            "day": "2026-03-03",
            "user": "ann@x.com",
            "product": "RVT",
            "team_billed": "Design",
            "team_computed": None,
            "tokens_billed": 10,
            "tokens_computed": 0,
            "status": "billed_not_computed",
        }
    ]


def test_enterprise_aggregates_are_compared_per_product_and_day(store, tmp_path):
    # the older enterprise format has no user: its rows are compared with every user's charges
    text = (
        '"contractYear","tokenPool","usageCategory","usageDate","productLineCode","productName","tokensConsumed",\n'
        '1,"CY","DESKTOP_PRODUCT",2026-03-02 00:00:00,"RVT","Revit",20.0,\n'
        '1,"CY","DESKTOP_PRODUCT",2026-03-03 00:00:00,"RVT","Revit",10.0,\n'
    )
    import_paths(store, [write_bytes(tmp_path / "enterprise.csv", text)])
    h = HandStore(store)
    h.charge("2026-03-02 09:00", "ann@x.com", "RVT", "Design", 10)
    h.charge("2026-03-02 10:00", "bob@x.com", "RVT", "Design", 10)  # 2 March: 10 + 10 = 20 billed: match
    h.charge("2026-03-03 09:00", "ann@x.com", "RVT", "Design", 10)
    h.charge("2026-03-03 11:00", "cid@x.com", "RVT", "Build", 10)  # 3 March: 20 computed, 10 billed
    D = __import__("datetime").date
    assert _rows(run_query(store, "reconcile", AS_OF, all=True)) == [
        (D(2026, 3, 2), None, "RVT", None, None, 20, 20, "match"),
        (D(2026, 3, 3), None, "RVT", None, None, 10, 20, "amount_differs"),
    ]


def test_team_filter_matches_one_whole_team_name(store, tmp_path):
    # R24: an export's team column may list several teams comma-joined
    # ("Design, Build" is then one team name); --team matches a whole name
    # on either side, never a part of one
    rows = [
        TITLE,
        title_row("Design", "ann@x.com", "2026-03-02", "Revit", "10"),  # nothing computed
        title_row("Design, Build", "bob@x.com", "2026-03-02", "AutoCAD", "7"),  # nothing computed
        title_row("Design, Build", "cid@x.com", "2026-03-03", "Revit", "10"),  # computed for Build
    ]
    import_paths(store, [write_bytes(tmp_path / "export.csv", quoted(rows))])
    HandStore(store).charge("2026-03-03 09:00", "cid@x.com", "RVT", "Build", 10)

    def users(team):
        return [(r["user"], r["status"]) for r in run_query(store, "reconcile", AS_OF, team=team).to_dicts()]

    assert users("Design") == [("ann@x.com", "billed_not_computed")]
    assert users("Build") == [("cid@x.com", "team_differs")]  # its computed side
    assert users("Design, Build") == [("bob@x.com", "billed_not_computed"), ("cid@x.com", "team_differs")]
