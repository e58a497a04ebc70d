"""Names are data (issue 13): every table report, the caption and the
unknown-team message show hostile names as plain characters, cut when
huge; csv and json keep them exactly. Rows are put in by hand (see
handmade.py) so each name lands in every text column."""

from __future__ import annotations

import hashlib
import json

import pytest

from app import store as store_mod
from app.cli import main
from app.reports.spec import REPORTS
from tests import hostile
from tests.reports.handmade import HandStore

AS_OF = "2026-03-01T00:00:00Z"
# the text columns of each report that carry input names
NAME_COLUMNS = {
    "charges": ("user", "product", "team"),
    "denials": ("user", "product", "team"),
    "packs": ("pack_id", "team"),
    "balances": ("team",),
    "daily": ("team", "product"),
    "idle": ("user", "product"),
    "rejects": ("file", "reason", "raw"),
}


@pytest.fixture
def hostile_db(db_path):
    """Every hostile name as a user, product, team, pack id, session's
    device, and as a rejected file's name, reason and raw line."""
    con = store_mod.connect_write(db_path)
    h = HandStore(con)
    for i, name in enumerate(hostile.NAMES.values(), start=1):
        h.pack(name, name, 100, "2026-01-10")
        h.charge(f"2026-02-0{i} 08:00", name, name, name, 7, [(name, 7)])
        h.denial(f"2026-02-0{i} 09:00", name, name, name, "insufficient_balance")
        h.event(f"s-{i}", f"2026-02-0{i} 08:00", "login", name, name, "2024", team=name, device=name)
        h.event(f"s-{i}", f"2026-02-0{i} 09:00", "logout", name, name, "2024", team=name, device=name)
        h.reject(1, name, i, name, name)
    # a stored run that saw every event: the report reads these hand-made results (R4)
    con.execute(
        "INSERT INTO engine_runs SELECT 1, now(), CAST(? AS TIMESTAMPTZ), count(*), 7, 7, 0 FROM events", [AS_OF]
    )
    con.close()
    return db_path


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _report(db, name, *extra):
    return main(["report", name, "--db", str(db), "--as-of", AS_OF, *extra])


# gaps shows no name; reconcile shows them where the vendor's bill differs (below);
# collections lists users of two products of a shipped collection, which no hostile product is
@pytest.mark.parametrize("name", [n for n in REPORTS if n not in ("gaps", "reconcile", "collections")])
def test_table_shows_every_hostile_name_as_text(hostile_db, name, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "1000")  # one line per row: the shown names are not folded
    before = _digest(hostile_db)
    assert _report(hostile_db, name) == 0
    out, err = capsys.readouterr()
    assert err == ""
    hostile.assert_safe(out)
    for kind, value in hostile.NAMES.items():
        if kind != "huge":
            assert hostile.shown_as(value) in out, (kind, out)
    assert "t" * 60 in out and "…" in out  # the 100 KB name, cut
    assert _digest(hostile_db) == before  # a report writes nothing


def test_reconcile_shows_every_hostile_name_as_text(hostile_db, capsys, monkeypatch):
    # R24: each name billed 8 tokens on its charge's day, where 7 were computed: amount_differs
    con = store_mod.connect_write(hostile_db)
    con.execute(
        "INSERT INTO vendor_usage SELECT team_id, user_id, product_id, CAST(window_start AS DATE), 8, false, 0, 1 "
        "FROM charges"
    )
    con.close()
    monkeypatch.setenv("COLUMNS", "1000")
    assert _report(hostile_db, "reconcile") == 9  # differences found
    out, err = capsys.readouterr()
    assert err == ""
    hostile.assert_safe(out)
    for kind, value in hostile.NAMES.items():
        if kind != "huge":
            assert hostile.shown_as(value) in out, (kind, out)


@pytest.mark.parametrize("name", ["charges", "rejects"])
def test_json_and_csv_keep_names_exactly(hostile_db, name, capsys):
    assert _report(hostile_db, name, "--format", "json") == 0
    rows = json.loads(capsys.readouterr().out)
    column = NAME_COLUMNS[name][0]
    assert sorted(r[column] for r in rows) == sorted(hostile.NAMES.values())
    assert _report(hostile_db, name, "--format", "csv") == 0
    assert hostile.HUGE in capsys.readouterr().out


def test_unknown_team_message_lists_known_teams_as_text(hostile_db, capsys):
    before = _digest(hostile_db)
    assert _report(hostile_db, "charges", "--team", "no-such\x1b[2J" + "x" * 100_000) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("flexdash: unknown team 'no-such\\x1b[2Jxxx")
    assert "the known teams are: " in err
    hostile.assert_safe(err, max_chars=2_000)
    for kind, value in hostile.NAMES.items():
        if kind != "huge":
            assert hostile.shown_as(value) in err
    assert _digest(hostile_db) == before


def test_caption_names_the_team_as_text(hostile_db, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "1000")
    assert _report(hostile_db, "packs", "--team", hostile.UNMATCHED) == 0
    out = capsys.readouterr().out
    assert "team [/bold]x" in out
    assert _report(hostile_db, "packs", "--team", hostile.HUGE) == 0
    hostile.assert_safe(capsys.readouterr().out)
