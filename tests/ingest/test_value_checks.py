"""The checks the small kinds share (queries/ingest/value_checks.sql): each
kind's refused rows name the same reasons, in the contract's column order
(data contract "Bad input")."""

from __future__ import annotations

import duckdb

from app import store
from app.cli import main

from .helpers import LEDGER, changed, snapshot, write

CASES = {
    "packs.csv": (
        "pack_id,team,tokens,purchased_on,price,currency\n"
        "P1,,,2026-01-05,,\n"  # line 2
        "P2,Design,0,2026-01-05,,\n"  # line 3
        "P3,Design,10,2026-02-30,,\n"  # line 4
        "P4,Design,10,2026-01-05,12.345,\n"  # line 5
        "P5,Design,10,2026-01-05,12.50,euro\n"  # line 6
        "P6,Design,10,2026-01-05,12.50,eur\n",  # line 7: good (currency upper-cased)
        [
            (2, "empty required field(s): team, tokens"),
            (3, "tokens 0 is not a positive integer"),
            (4, "purchased_on 2026-02-30 is not a date (YYYY-MM-DD)"),
            (5, "price 12.345 is not a non-negative amount (e.g. 1234.50)"),
            (6, "currency EURO is not a 3-letter code"),
        ],
    ),
    "rates.csv": (
        "product,name,kind,host,tokens_per_day,effective_from,idle_detection_since,linux\n"
        "ACD,AutoCAD,product,,x,2026-01-01,,false\n"
        ",,product,,7,,,\n",
        [
            (2, "tokens_per_day x is not a positive integer"),
            (3, "empty required field(s): product, name, effective_from, linux"),
        ],
    ),
    "assignments.csv": (
        "team,user,product,assigned_on\nDesign,ann@x,ACD,01/02/2026\n,ann@x,,2026-01-02\n",
        [(2, "assigned_on 01/02/2026 is not a date (YYYY-MM-DD)"), (3, "empty required field(s): team, product")],
    ),
    "prices.csv": (
        "product,annual_subscription_price,currency\nACD,1.234,\nRVT,,\nMAYA,100,usd\n",
        [
            (2, "annual_subscription_price 1.234 is not a non-negative amount"),
            (3, "empty required field(s): annual_subscription_price"),
        ],
    ),
    "groups.csv": (
        "user,group\n,Ops\nann@x,\n  ,  \n",
        [
            (2, "empty required field(s): user"),
            (3, "empty required field(s): group"),
            (4, "empty required field(s): user, group"),  # blanks are empty once trimmed
        ],
    ),
    "aliases.csv": (
        "alias,product,source\n,RVT,our contract\nrevit lt,,\n",
        [(2, "empty required field(s): alias"), (3, "empty required field(s): product")],
    ),
    "vendor_usage.csv": (
        "Team,Email,Day used,Product,Tokens used\n,,,,\nDesign,ann@x,2026-03-02,,\n",
        [
            (2, "empty required field(s): team, user, day, product, tokens"),
            (3, "empty required field(s): product, tokens"),
        ],
    ),
}


def test_each_kind_refuses_with_the_shared_reasons(tmp_path, capsys):
    db = tmp_path / "s.duckdb"
    store.connect_write(db).close()  # a store with its shipped data, before the first import
    for name, (text, expected) in CASES.items():
        path = write(tmp_path / name, text)
        before = snapshot(db)
        assert main(["import", "--db", str(db), "--quiet", str(path)]) == 3, name
        rows = text.count("\n") - 1
        good = rows - len(expected)
        assert f"{path}: {name[:-4]}, {rows} rows: {good} accepted, 0 duplicates, {len(expected)} rejected" in (
            capsys.readouterr().out
        )
        con = duckdb.connect(str(db), read_only=True)
        got = con.execute("SELECT line, reason FROM rejects WHERE file = ? ORDER BY line", [str(path)]).fetchall()
        con.close()
        assert got == expected, name
        stored = {"packs.csv": {"packs", "teams"}, "prices.csv": {"prices_imported", "products"}}
        assert changed(before, snapshot(db)) - LEDGER <= {"rejects"} | stored.get(name, set()), name
