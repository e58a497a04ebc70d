"""Bad stores and bad places (issue 13): each gets a clear message and its
own exit code (6 unusable, 7 newer flexdash, 8 no such store), never an
internal error, and the store (or whatever is at its path) is left exactly
as it was. Only import and demo create a store; the folders they create
are private (0700), like the store (0600)."""

from __future__ import annotations

import hashlib
import stat
from pathlib import Path

import duckdb
import pytest

from app import store
from app.cli import main

ROOT = Path(__file__).resolve().parents[1]

EVENTS = (
    "ts,event,session_id,user,team,product,version,device,os\n"
    "2026-03-02T08:00:00Z,login,s1,ana@firm.example,Design,ACAD,2024,WS-1,windows\n"
    "2026-03-02T10:00:00Z,logout,s1,ana@firm.example,Design,ACAD,2024,WS-1,windows\n"
)

# every command that reads or recomputes a store, none of which may create one
READERS = {
    "report": ["report", "balances"],
    "explain": ["explain", "ana@firm.example", "ACAD"],
    "recompute": ["recompute"],
    "tui": ["tui"],
    "serve": ["serve"],
}
WRITERS = {"import": None, "recompute": ["recompute"]}


@pytest.fixture
def events(tmp_path) -> Path:
    path = tmp_path / "in" / "events.csv"
    path.parent.mkdir()
    path.write_text(EVENTS, encoding="utf-8")
    return path


def tree(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` and its content digest (folders as 'dir')."""
    out = {}
    for p in sorted(folder.rglob("*")):
        out[str(p.relative_to(folder))] = "dir" if p.is_dir() else hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def run(argv: list[str], db: Path, events: Path) -> int:
    args = [argv[0], "--db", str(db), *argv[1:]] if argv else ["import", "--db", str(db), str(events)]
    return main(args)


@pytest.mark.parametrize("command", [*READERS, "import"])
def test_a_store_whose_folder_is_a_file(tmp_path, events, command, capsys):
    (tmp_path / "plain.txt").write_text("not a folder\n")
    db = tmp_path / "plain.txt" / "store.duckdb"
    before = tree(tmp_path)
    assert run(READERS.get(command), db, events) == 6
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"flexdash: cannot use the store {db}: {tmp_path / 'plain.txt'} is a file, not a folder\n"
    assert tree(tmp_path) == before


@pytest.mark.parametrize("command", [*READERS, "import"])
def test_a_file_that_is_not_a_duckdb_store(tmp_path, events, command, capsys):
    db = tmp_path / "notes.duckdb"
    db.write_text("these are my notes, not a store\n")
    before = tree(tmp_path)
    assert run(READERS.get(command), db, events) == 6
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"flexdash: {db} is not a flexdash store (not a DuckDB database file); "
        "give another path with --db, or move this file away\n"
    )
    assert tree(tmp_path) == before


@pytest.mark.parametrize("command", [*READERS, "import"])
def test_a_duckdb_database_that_is_not_a_flexdash_store(tmp_path, events, command, capsys):
    db = tmp_path / "other.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE invoices (id INTEGER)")
    con.close()
    before = tree(tmp_path)
    assert run(READERS.get(command), db, events) == 6
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"flexdash: {db} is a DuckDB database but not a flexdash store (it has no schema_version table); "
        "give another path with --db\n"
    )
    assert tree(tmp_path) == before


@pytest.fixture
def newer_store(tmp_path, events) -> Path:
    """A store with one import, then marked as written by a newer flexdash."""
    db = tmp_path / "store" / "store.duckdb"
    assert main(["import", "--db", str(db), "--quiet", str(events)]) == 0
    con = duckdb.connect(str(db))
    con.execute("INSERT INTO schema_version VALUES (9999, 'from_the_future', now())")
    con.close()
    return db


@pytest.mark.parametrize("command", [*READERS, "import"])
def test_a_store_of_a_newer_flexdash_is_never_written(newer_store, tmp_path, command, capsys):
    other = tmp_path / "in" / "more.csv"
    other.write_text(EVENTS.replace("s1", "s2"), encoding="utf-8")
    capsys.readouterr()
    before = tree(newer_store.parent)
    assert run(READERS.get(command), newer_store, other) == 7
    out, err = capsys.readouterr()
    assert out == ""
    known = store.latest_schema_version()
    assert err == (
        f"flexdash: the store {newer_store} was written by a newer flexdash (schema version 9999; this one "
        f"knows up to {known}); it was left untouched: upgrade flexdash to use it\n"
    )
    assert tree(newer_store.parent) == before


@pytest.mark.parametrize("command", READERS)
def test_no_such_store(tmp_path, events, command, capsys):
    db = tmp_path / "missing" / "store.duckdb"
    assert run(READERS[command], db, events) == 8
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"flexdash: no such store: {db}; a store is created by "
        "flexdash import --db PATH FILE_OR_FOLDER... (or flexdash demo)\n"
    )
    assert not (tmp_path / "missing").exists()


def test_a_store_path_that_is_a_folder(tmp_path, events, capsys):
    db = tmp_path / "store.duckdb"
    db.mkdir()
    for command in [*READERS, "import"]:
        assert run(READERS.get(command), db, events) == 6
        assert "is a folder, not a store file" in capsys.readouterr().err
    assert tree(tmp_path / "store.duckdb") == {}


def test_import_creates_private_folders(tmp_path, events, capsys):
    db = tmp_path / "a" / "b" / "store.duckdb"
    assert main(["import", "--db", str(db), "--quiet", str(events)]) == 0
    for folder in (tmp_path / "a", tmp_path / "a" / "b"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    # the store now exists: every reader opens it
    assert main(["report", "balances", "--db", str(db), "--format", "csv"]) == 0
    assert main(["recompute", "--db", str(db)]) == 0


def test_demo_refuses_a_folder_or_a_file_above_its_store(tmp_path, capsys):
    folder = tmp_path / "demo.duckdb"
    folder.mkdir()
    assert main(["demo", "--no-tui", "--db", str(folder)]) == 6
    assert capsys.readouterr().err == (
        f"flexdash: the store path {folder} is a folder, not a store file: give the file inside it with --db\n"
    )
    (tmp_path / "plain.txt").write_text("x")
    db = tmp_path / "plain.txt" / "demo.duckdb"
    assert main(["demo", "--no-tui", "--db", str(db)]) == 6
    assert (
        capsys.readouterr().err
        == f"flexdash: cannot use the store {db}: {tmp_path / 'plain.txt'} is a file, not a folder\n"
    )
    assert tree(tmp_path) == {"demo.duckdb": "dir", "plain.txt": hashlib.sha256(b"x").hexdigest()}


BLOCK = 262144  # DuckDB's block size; the file starts with three 4 KB headers


@pytest.mark.parametrize("damage", ["blocks", "truncated"])
def test_a_damaged_store_is_said_not_an_internal_error(tmp_path, events, damage, capsys):
    db = tmp_path / "store" / "store.duckdb"
    assert main(["import", "--db", str(db), "--quiet", str(ROOT / "sample_logs")]) == 0
    with db.open("r+b") as f:
        if damage == "blocks":  # every block's checksum fails
            for offset in range(3 * 4096 + 1000, db.stat().st_size, BLOCK):
                f.seek(offset)
                f.write(b"\x5a" * 3000)
        else:
            f.truncate(db.stat().st_size // 2)
    capsys.readouterr()
    before = tree(db.parent)
    for argv in (["report", "packs"], ["explain", "ana@firm.example", "ACAD"], ["recompute"], None):
        assert run(argv, db, events) == 6
        out, err = capsys.readouterr()
        assert out == ""
        assert err.startswith(f"flexdash: the store {db} is damaged (")
        assert err.endswith("); restore it from a backup, or import the logs again into a new store\n")
        if argv and argv[0] != "recompute":
            assert tree(db.parent) == before  # readers never write; a writer may touch a damaged file
