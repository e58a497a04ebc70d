"""The vendor's usage export (data contract "vendor_usage"; R24): every
spelling and format the vendor writes, every bad row with its reason, and the
identity (team, user, product, day) across overlapping and revised exports."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import duckdb
import pytest

from app.ingest import import_paths
from app.ingest.command import REVISION_RULE
from app.ingest.kinds import recognise

from .helpers import TITLE, quoted, reasons, stored, title_row, write_bytes, write_xlsx

# the first 120 rows of the usage sample published with the vendor's
# tokenflex-python-report script (MIT, licence beside it)
SAMPLE = Path(__file__).resolve().parent / "data" / "tokenflex-usage-excerpt.csv"


def adds_up(r) -> bool:
    return r.rows == r.accepted + r.duplicates + r.rejected


@pytest.mark.parametrize(
    "header",
    [
        TITLE,
        ["team", "email", "day_used", "product_name", "tokens_used", "hashed_autodesk_id"],
        ["teamName", "emailAddress", "usageDate", "productName", "childProductName", "version", "tokens"],
        ["TEAM", "User_Email", "usage date", "PRODUCT", "Tokens Used"],
    ],
)
def test_every_spelling_is_the_vendor_usage_kind(store, tmp_path, header):
    # the five meanings in the header's own order; ignored columns get ''
    values = {"team": "Design", "user": "ann@x.com", "day": "2026-03-02", "product": "Revit", "tokens": "10"}
    kind = recognise(header)
    assert kind is not None and kind.name == "vendor_usage"
    cells = [values.get(kind.column_of(h) or "", "") for h in header]
    path = write_bytes(tmp_path / "u.csv", quoted([header, cells]), bom=True)
    (r,) = import_paths(store, [path])
    assert (r.kind, r.rows, r.accepted, r.rejected, r.warnings) == ("vendor_usage", 1, 1, 0, [])
    assert stored(store) == [("Design", "ann@x.com", "RVT", "2026-03-02", 10)]


def test_semicolons_days_in_three_formats_and_zero_fractions(store, tmp_path):
    text = (
        "Team;Email;Day used;Product;Tokens used\n"
        "Design;ann@x.com;2026-03-02;Revit;10\n"
        '"Design";"ann@x.com";"2026-03-03 00:00:00";"AutoCAD";"7.0"\n'
        "Design;ann@x.com;03/04/2026;RVT;10,00\n"
    )
    (r,) = import_paths(store, [write_bytes(tmp_path / "u.csv", text, bom=True)])
    assert (r.rows, r.accepted, r.rejected) == (3, 3, 0)
    # 03/04/2026 is MM/DD/YYYY: 4 March; AutoCAD is ACAD by the alias table
    assert stored(store) == [
        ("Design", "ann@x.com", "RVT", "2026-03-02", 10),
        ("Design", "ann@x.com", "ACAD", "2026-03-03", 7),
        ("Design", "ann@x.com", "RVT", "2026-03-04", 10),
    ]


def test_xlsx_with_date_cells_and_float_tokens(store, tmp_path):
    path = write_xlsx(
        tmp_path / "usage.xlsx",
        [
            ["Team", "Email", "Day used", "Product", "Tokens used"],
            ["Design", "ann@x.com", datetime.date(2026, 3, 5), "Revit", 10],
            ["Design", "bob@x.com", datetime.datetime(2026, 3, 6, 0, 0), "Navisworks Manage", 9.0],
            ["Design", "bob@x.com", "2026-03-07", "Revit", 2.5],
        ],
    )
    (r,) = import_paths(store, [path])
    assert (r.kind, r.rows, r.accepted, r.rejected) == ("vendor_usage", 3, 2, 1)
    assert stored(store) == [
        ("Design", "ann@x.com", "RVT", "2026-03-05", 10),
        ("Design", "bob@x.com", "NAVMAN", "2026-03-06", 9),
    ]
    assert reasons(store) == {4: "tokens 2.5 is not a whole number of tokens"}


def test_each_bad_row_rejected_with_its_reason(store, tmp_path):
    rows = [
        TITLE,
        title_row("Design", "ann@x.com", "2026-03-02", "Revit", "10"),  # line 2: good
        title_row("Design", "ann@x.com", "2026-02-30", "Revit", "10"),  # 3: no such day
        title_row("Design", "ann@x.com", "2.3.2026", "Revit", "10"),  # 4: no such format
        title_row("Design", "bob@x.com", "2026-03-02", "Revit", "-10"),  # 5: negative
        title_row("Design", "bob@x.com", "2026-03-02", "Revit", "1.5"),  # 6: not whole
        title_row("Design", "bob@x.com", "2026-03-02", "Photoshop", "3"),  # 7: unknown product
        title_row("Design", "", "2026-03-02", "Revit", "10"),  # 8: no user
    ]
    (r,) = import_paths(store, [write_bytes(tmp_path / "u.csv", quoted(rows))])
    assert (r.rows, r.accepted, r.duplicates, r.rejected) == (7, 1, 0, 6)
    assert reasons(store) == {
        3: "day 2026-02-30 is not a date (YYYY-MM-DD, YYYY-MM-DD HH:MM:SS or MM/DD/YYYY)",
        4: "day 2.3.2026 is not a date (YYYY-MM-DD, YYYY-MM-DD HH:MM:SS or MM/DD/YYYY)",
        5: "tokens -10 is negative",
        6: "tokens 1.5 is not a whole number of tokens",
        7: "unknown_product",
        8: "empty required field(s): user",
    }
    assert store.execute("SELECT count(*) FROM vendor_usage").fetchone() == (1,)


def test_a_missing_column_rejects_every_row(store, tmp_path):
    text = "Team,Email,Product,Tokens used\nDesign,ann@x.com,Revit,10\nDesign,bob@x.com,Revit,10\n"
    (r,) = import_paths(store, [write_bytes(tmp_path / "u.csv", text)])
    assert (r.kind, r.rows, r.rejected) == ("vendor_usage", 2, 2)
    assert set(reasons(store).values()) == {"missing required column(s): day"}


def test_aliases_imported_extend_the_shipped_ones(store, tmp_path):
    usage = write_bytes(
        tmp_path / "u.csv", "Team,Email,Day used,Product,Tokens used\nD,a@x,2026-03-02,Revit LT Suite,5\n"
    )
    (r,) = import_paths(store, [usage])
    assert r.rejected == 1 and reasons(store) == {2: "unknown_product"}
    aliases = write_bytes(tmp_path / "aliases.csv", "alias,product,source\nrevit lt suite,RVT,our contract\n")
    (a,) = import_paths(store, [aliases])
    assert (a.kind, a.accepted) == ("aliases", 1)
    # the next export (a file with the same bytes would be skipped as imported)
    again = write_bytes(
        tmp_path / "u2.csv", "Team,Email,Day used,Product,Tokens used\nD,a@x,2026-03-03,Revit LT Suite,5\n"
    )
    (r2,) = import_paths(store, [again])
    assert (r2.accepted, r2.rejected) == (1, 0)
    assert stored(store) == [("D", "a@x", "RVT", "2026-03-03", 5)]


def test_overlapping_exports_store_each_identity_once_and_revisions_replace(store, tmp_path):
    week1 = [
        TITLE,
        title_row("Design", "ann@x.com", "2026-03-02", "Revit", "10"),
        title_row("Design", "ann@x.com", "2026-03-03", "Revit", "10"),
    ]
    # the second export overlaps on 3 March (Ann's tokens revised 10 -> 20),
    # repeats 2 March unchanged and adds 4 March
    week2 = [
        TITLE,
        title_row("Design", "ann@x.com", "2026-03-02", "Revit", "10"),
        title_row("Design", "ann@x.com", "2026-03-03", "Revit", "20"),
        title_row("Design", "ann@x.com", "2026-03-04", "Revit", "0"),
    ]
    (r1,) = import_paths(store, [write_bytes(tmp_path / "w1.csv", quoted(week1))])
    (r2,) = import_paths(store, [write_bytes(tmp_path / "w2.csv", quoted(week2))])
    assert (r1.accepted, r1.revised) == (2, 0)
    # 3 March revised and 4 March new: 2 accepted (one of them a revision), 2 March a duplicate
    assert (r2.rows, r2.accepted, r2.duplicates, r2.rejected, r2.revised) == (3, 2, 1, 0, 1)
    assert adds_up(r2)
    assert r2.as_json()["revised"] == 1
    assert stored(store) == [
        ("Design", "ann@x.com", "RVT", "2026-03-02", 10),
        ("Design", "ann@x.com", "RVT", "2026-03-03", 20),
        ("Design", "ann@x.com", "RVT", "2026-03-04", 0),
    ]


def test_a_repeat_inside_one_file(store, tmp_path):
    rows = [
        TITLE,
        title_row("Design", "ann@x.com", "2026-03-02", "Revit", "10"),
        title_row("Design", "ann@x.com", "2026-03-02", "RVT", "10"),  # same identity, same tokens
        title_row("Design", "ann@x.com", "2026-03-02", "Revit", "30"),  # same identity, other tokens
    ]
    (r,) = import_paths(store, [write_bytes(tmp_path / "u.csv", quoted(rows))])
    assert (r.rows, r.accepted, r.duplicates, r.rejected) == (3, 1, 1, 1)
    assert reasons(store)[4].startswith("team, user, product and day appear again with other tokens")


def test_the_older_enterprise_format_lands_every_row(store, tmp_path):
    text = (
        '"contractYear","tokenPool","usageCategory","usageDate","productLineCode","productName","tokensConsumed",\n'
        '1,"CY","CLOUD_PRODUCT",2011-01-01 00:00:00,"COLLRVT","Autodesk Collaboration for Revit - Single User",105.0,\n'
        '1,"CY","CLOUD_PRODUCT",2011-01-01 00:00:00,"F360PRO","Fusion 360 - Ultimate",0.0,\n'
        '1,"CY","CLOUD_PRODUCT",2011-01-03 00:00:00,"EGLPRM","EAGLE - Premium",162.0,\n'
    )
    (r,) = import_paths(store, [write_bytes(tmp_path / "enterprise.csv", text)])
    assert (r.kind, r.rows, r.accepted, r.rejected, r.warnings) == ("vendor_usage", 3, 3, 0, [])
    # no team, no user: aggregates per product and day; F360PRO is Fusion by the alias table
    assert stored(store) == [
        (None, None, "COLLRVT", "2011-01-01", 105),
        (None, None, "FUSION", "2011-01-01", 0),
        (None, None, "EGLPRM", "2011-01-03", 162),
    ]


def test_the_real_enterprise_sample(store, tmp_path):
    path = shutil.copy(SAMPLE, tmp_path / "sample.csv")
    (r,) = import_paths(store, [path])
    # 120 data lines, every one landing (the excerpt's README)
    assert (r.kind, r.rows, r.accepted, r.rejected) == ("vendor_usage", 120, 120, 0)


def test_the_vendors_user_export_feeds_groups(store, tmp_path):
    # R25: the user export's Email is the user, its Group the group
    text = quoted(
        [
            ["First name", "Last name", "Email", "Team", "Group", "Status"],
            ["Ann", "A", "ann@x.com", "Design", "Structures", "Active"],
            ["Bob", "B", "bob@x.com", "Design", "Facades", "Active"],
        ]
    )
    (r,) = import_paths(store, [write_bytes(tmp_path / "users.csv", text, bom=True)])
    assert (r.kind, r.rows, r.accepted, r.warnings) == ("groups", 2, 2, [])
    got = store.execute(
        "SELECT u.user_name, g.group_name FROM user_groups g JOIN users u USING (user_id) ORDER BY 1"
    ).fetchall()
    assert got == [("ann@x.com", "Structures"), ("bob@x.com", "Facades")]


OLDER = [TITLE, title_row("Design", "ann@x.com", "2026-03-03", "Revit", "10")]
NEWER = [TITLE, title_row("Design", "ann@x.com", "2026-03-03", "Revit", "20")]  # the vendor revised 3 March


@pytest.mark.parametrize(
    ("first", "second", "kept"),
    [(OLDER, NEWER, 20), (NEWER, OLDER, 10)],
    ids=["older-then-newer", "newer-then-older"],
)
def test_r24_the_latest_import_wins_in_either_order(tmp_path, capsys, first, second, kept):
    # an export carries no export date (no column names one): "later" is
    # import order, and the summary says so beside the revision
    from app.cli import main

    db = str(tmp_path / "s.duckdb")
    a = write_bytes(tmp_path / "a.csv", quoted(first))
    b = write_bytes(tmp_path / "b.csv", quoted(second))
    assert main(["import", "--db", db, str(a)]) == 0
    assert REVISION_RULE not in capsys.readouterr().out
    assert main(["import", "--db", db, str(b)]) == 0
    out = capsys.readouterr().out
    assert "1 rows: 1 accepted (1 revised an earlier import)" in out and REVISION_RULE in out
    con = duckdb.connect(db, read_only=True)
    assert stored(con) == [("Design", "ann@x.com", "RVT", "2026-03-03", kept)]
    con.close()


@pytest.mark.parametrize(
    ("order", "kept"), [((OLDER, NEWER), 20), ((NEWER, OLDER), 10)], ids=["older-first", "newer-first"]
)
def test_r24_files_of_one_import_revise_in_the_order_given(store, tmp_path, order, kept):
    files = [write_bytes(tmp_path / f"{n}.csv", quoted(rows)) for n, rows in zip(("x", "y"), order, strict=True)]
    r1, r2 = import_paths(store, files)
    assert (r1.accepted, r1.revised, r2.accepted, r2.revised) == (1, 0, 1, 1)
    assert stored(store) == [("Design", "ann@x.com", "RVT", "2026-03-03", kept)]
