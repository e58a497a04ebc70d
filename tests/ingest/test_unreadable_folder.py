"""A folder given to import with something in it that cannot be read: the
import names it and exits 4 (unreadable input), and nothing from the
invocation lands (issue 13; it used to be skipped without a word).

Root reads mode-000 files and lists mode-000 folders, and these tests often
run as root: there, what the kernel refuses an ordinary admin is refused by
patching ``os.scandir`` (folders; os.walk lists through it) and ``os.access``
(files) for exactly the entry made mode 000. Links to nothing and named
pipes need no patch: they are what they are for root too."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from app.cli import main

EVENTS = (
    "ts,event,session_id,user,team,product,version,device,os\n"
    "2026-03-02T08:00:00Z,login,{s},ana@firm.example,Design,ACAD,2024,WS-1,windows\n"
    "2026-03-02T10:00:00Z,logout,{s},ana@firm.example,Design,ACAD,2024,WS-1,windows\n"
)
AS_ROOT = os.geteuid() == 0


def tree(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): "dir" if p.is_dir() else hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
    }


@pytest.fixture
def setup(tmp_path, capsys):
    """A store holding one earlier import, and a folder of logs to import next."""
    first = tmp_path / "first.csv"
    first.write_text(EVENTS.format(s="s0"), encoding="utf-8")
    db = tmp_path / "store" / "store.duckdb"
    assert main(["import", "--db", str(db), "--quiet", str(first)]) == 0
    logs = tmp_path / "logs"
    (logs / "march").mkdir(parents=True)
    (logs / "march" / "a.csv").write_text(EVENTS.format(s="s1"), encoding="utf-8")
    (logs / "README.md").write_text("notes\n")
    capsys.readouterr()
    return db, logs


def refuse_listing(monkeypatch, folder: Path) -> None:
    folder.chmod(0)
    if AS_ROOT:
        real = os.scandir

        def scandir(path="."):
            if Path(path) == folder:
                raise PermissionError(13, "Permission denied", str(path))
            return real(path)

        monkeypatch.setattr(os, "scandir", scandir)


def refuse_reading(monkeypatch, file: Path) -> None:
    file.chmod(0)
    if AS_ROOT:
        real = os.access
        monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if Path(p) == file else real(p, mode, **kw))


def import_refused(db: Path, logs: Path, capsys) -> str:
    before = tree(db.parent)
    assert main(["import", "--db", str(db), str(logs)]) == 4
    out, err = capsys.readouterr()
    assert out == ""
    assert tree(db.parent) == before  # nothing from the invocation landed
    return err


def test_an_unreadable_sub_folder_stops_the_import(setup, monkeypatch, capsys):
    db, logs = setup
    secret = logs / "secret"
    secret.mkdir()
    (secret / "b.csv").write_text(EVENTS.format(s="s2"), encoding="utf-8")
    refuse_listing(monkeypatch, secret)
    try:
        err = import_refused(db, logs, capsys)
    finally:
        secret.chmod(0o700)
    assert err == (
        f"flexdash: {logs}: 1 entry cannot be read: {secret}: cannot list this folder (Permission denied). "
        "Nothing was imported: fix the permissions, or name the files to import\n"
    )


def test_an_unreadable_file_stops_the_import(setup, monkeypatch, capsys):
    db, logs = setup
    locked = logs / "march" / "b.csv"
    locked.write_text(EVENTS.format(s="s2"), encoding="utf-8")
    refuse_reading(monkeypatch, locked)
    err = import_refused(db, logs, capsys)
    assert err == (
        f"flexdash: {logs}: 1 entry cannot be read: {locked}: permission denied. "
        "Nothing was imported: fix the permissions, or name the files to import\n"
    )


def test_a_link_to_nothing_and_a_pipe_are_named(setup, capsys):
    db, logs = setup
    (logs / "march" / "gone.csv").symlink_to(logs / "nowhere.csv")
    os.mkfifo(logs / "march" / "pipe.csv")  # opening it would wait for a writer forever
    (logs / "notes.md").symlink_to(logs / "nowhere.md")  # not a log: ignored, as the README is
    err = import_refused(db, logs, capsys)
    assert err == (
        f"flexdash: {logs}: 2 entries cannot be read: {logs / 'march' / 'gone.csv'}: a link to nothing; "
        f"{logs / 'march' / 'pipe.csv'}: not a regular file (a pipe or a device). "
        "Nothing was imported: fix the permissions, or name the files to import\n"
    )


def test_a_readable_folder_still_imports_everything(setup, capsys):
    db, logs = setup
    (logs / ".hidden").mkdir()
    (logs / ".hidden" / "c.csv").write_text("not read\n")
    assert main(["import", "--db", str(db), str(logs)]) == 0
    assert f"{logs / 'march' / 'a.csv'}: events, 2 rows: 2 accepted" in capsys.readouterr().out


def test_a_named_file_that_cannot_be_read(setup, monkeypatch, capsys):
    db, logs = setup
    locked = logs / "march" / "a.csv"
    refuse_reading(monkeypatch, locked)
    before = tree(db.parent)
    assert main(["import", "--db", str(db), str(locked)]) == 4
    assert capsys.readouterr().err == f"flexdash: {locked}: permission denied\n"
    os.mkfifo(logs / "pipe.csv")
    (logs / "gone.csv").symlink_to(logs / "nowhere.csv")
    assert main(["import", "--db", str(db), str(logs / "pipe.csv")]) == 4
    assert capsys.readouterr().err == f"flexdash: {logs / 'pipe.csv'}: not a regular file (a pipe or a device)\n"
    assert main(["import", "--db", str(db), str(logs / "gone.csv")]) == 4
    assert capsys.readouterr().err == f"flexdash: {logs / 'gone.csv'}: a link to nothing\n"
    assert tree(db.parent) == before
