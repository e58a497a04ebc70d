"""CSV files as spreadsheets write them (data contract "Inputs"): ";" as the
separator (European Excel), sniffed from the header; --encoding for cp1252 or
Latin-1 files; a header nothing recognises names the separator and encoding
it was read with."""

from __future__ import annotations

import duckdb

from app.cli import main

from .helpers import HEADER, LEDGER, changed, row, snapshot, write


def _names(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        users = [u for (u,) in con.execute("SELECT user_name FROM users ORDER BY 1").fetchall()]
        teams = [t for (t,) in con.execute("SELECT team FROM teams ORDER BY 1").fetchall()]
        n = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
        return users, teams, n
    finally:
        con.close()


def _semicolons(text: str) -> str:
    return text.replace(",", ";")


def test_semicolon_separator_sniffed_from_the_header(tmp_path, capsys):
    db = tmp_path / "s.duckdb"
    path = write(
        tmp_path / "excel.csv",
        _semicolons(HEADER)
        + "\r\n"
        + _semicolons(row())
        + "\r\n"
        # a quoted field may hold the separator; "" is a quote
        + _semicolons(row(event="logout", ts="2026-03-02T10:00:00+01:00")).replace("Design", '"Design; ""UK"""')
        + "\r\n",
    )
    assert main(["import", "--db", str(db), "--quiet", str(path)]) == 0
    assert f"{path}: events, 2 rows: 2 accepted, 0 duplicates, 0 rejected" in capsys.readouterr().out
    assert _names(db) == (["ann@firm.example"], ["Design", 'Design; "UK"'], 2)


def test_semicolon_packs_file(tmp_path, capsys):
    db = tmp_path / "s.duckdb"
    path = write(tmp_path / "packs.csv", "pack_id;team;tokens;purchased_on\nP1;Design;1000;2026-01-05\n")
    assert main(["import", "--db", str(db), "--quiet", str(path)]) == 0
    assert f"{path}: packs, 1 rows: 1 accepted, 0 duplicates, 0 rejected" in capsys.readouterr().out
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT pack_id, tokens FROM packs").fetchall() == [("P1", 1000)]
    con.close()


def _cp1252_file(tmp_path):
    # "Büro" and "jürgen": ü is the single byte 0xFC in cp1252 (not UTF-8)
    text = "\n".join([_semicolons(HEADER), _semicolons(row(team="Büro", user="jürgen@firm.example"))]) + "\n"
    return write(tmp_path / "cp1252.csv", text.encode("cp1252"))


def test_cp1252_with_encoding(tmp_path, capsys):
    db = tmp_path / "s.duckdb"
    path = _cp1252_file(tmp_path)
    assert main(["import", "--db", str(db), "--quiet", "--encoding", "cp1252", str(path)]) == 0
    assert f"{path}: events, 1 rows: 1 accepted, 0 duplicates, 0 rejected" in capsys.readouterr().out
    assert _names(db) == (["jürgen@firm.example"], ["Büro"], 1)


def test_cp1252_without_encoding_is_refused_then_read_again_with_it(tmp_path, capsys):
    db = tmp_path / "s.duckdb"
    path = _cp1252_file(tmp_path)
    assert main(["import", "--db", str(db), "--quiet", str(path)]) == 3
    assert f"{path}: events, 1 rows: 0 accepted, 0 duplicates, 1 rejected" in capsys.readouterr().out
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT line, reason FROM rejects").fetchall() == [(2, "invalid UTF-8")]
    con.close()
    before = snapshot(db)
    # the encoding decided that row: another one reads the file again (options.read_again)
    assert main(["import", "--db", str(db), "--quiet", "--encoding", "latin-1", str(path)]) == 0
    assert f"{path}: events, 1 rows: 1 accepted, 0 duplicates, 0 rejected" in capsys.readouterr().out
    after = snapshot(db)
    assert after["rejects"] == []
    assert _names(db) == (["jürgen@firm.example"], ["Büro"], 1)
    assert changed(before, after) - LEDGER == {
        "events",
        "rejects",
        "users",
        "teams",
        "products",
        "devices",
        "sessions",
        "versions",
    }


def test_byte_cp1252_does_not_define_is_refused(tmp_path, capsys):
    db = tmp_path / "s.duckdb"
    good = row(session="s2").encode()
    bad = row(user="x@firm.example").encode().replace(b"x@", b"x\x81@")  # 0x81: cp1252 defines no character
    path = write(tmp_path / "e.csv", HEADER.encode() + b"\n" + bad + b"\n" + good + b"\n")
    assert main(["import", "--db", str(db), "--quiet", "--encoding", "cp1252", str(path)]) == 3
    assert f"{path}: events, 2 rows: 1 accepted, 0 duplicates, 1 rejected" in capsys.readouterr().out
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT line, reason FROM rejects").fetchall() == [(2, "invalid cp1252")]
    con.close()


def test_header_not_utf8_says_try_encoding(tmp_path, capsys):
    db = tmp_path / "s.duckdb"
    path = write(tmp_path / "e.csv", "pack_id;équipe\n".encode("cp1252"))
    assert main(["import", "--db", str(db), str(path)]) == 4
    assert (
        f"{path}: the header line is not UTF-8 (a file from Windows: try --encoding cp1252)" in capsys.readouterr().err
    )
    assert not db.exists()


def test_unrecognised_columns_name_the_separator_and_encoding(tmp_path, capsys):
    db = tmp_path / "s.duckdb"
    events = write(tmp_path / "a.csv", HEADER + "\n" + row() + "\n")
    assert main(["import", "--db", str(db), "--quiet", str(events)]) == 0
    before = snapshot(db)
    path = write(tmp_path / "b.csv", "when|what|who\n1|2|3\n")
    assert main(["import", "--db", str(db), "--encoding", "cp1252", str(path)]) == 4
    err = capsys.readouterr().err
    assert (
        f"{path}: no recognisable columns (found: when|what|who; read with separator ',' and encoding cp1252); "
        "expected the columns of" in err
    )
    assert changed(before, snapshot(db)) == set()


def test_unknown_encoding_is_a_usage_error(tmp_path, capsys):
    path = write(tmp_path / "a.csv", HEADER + "\n" + row() + "\n")
    assert main(["import", "--db", str(tmp_path / "s.duckdb"), "--encoding", "utf-16", str(path)]) == 2
    assert "unsupported encoding: 'utf-16' (expected utf-8 (default), cp1252 (Windows), latin-1, latin-9)" in (
        capsys.readouterr().err
    )
    assert not (tmp_path / "s.duckdb").exists()
