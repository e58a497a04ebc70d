"""An import's temporary folder does not outlive it (issue 13): removed at
the end, on failure, on SIGTERM/SIGHUP; after a kill -9 the next import
sweeps it, and never a folder flexdash did not make or whose owner lives.
Store connections spill to this process's folder, not beside the store."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest

from app import tempdirs
from app.cli import main
from tests.ingest.test_unreadable_folder import EVENTS, tree

ROOT = Path(__file__).resolve().parents[2]


def flexdash_folders(folder: Path) -> list[str]:
    """The folders flexdash left, but this live process's store folder
    (removed when it exits)."""
    own = f"flexdash-store-{os.getpid()}-"
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("flexdash-") and not p.name.startswith(own))


def dead_pid() -> int:
    """The pid of a process that has ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_the_folder_is_private_marked_and_removed(tmpdir_):
    with tempdirs.private_temp_folder("import") as spill:
        assert spill.parent == tmpdir_ and spill.name.startswith(f"flexdash-import-{os.getpid()}-")
        assert stat.S_IMODE(spill.stat().st_mode) == 0o700
        assert (spill / tempdirs.MARKER).read_text().split()[0] == str(os.getpid())
    assert not spill.exists()
    with pytest.raises(RuntimeError), tempdirs.private_temp_folder("import") as spill:
        raise RuntimeError("a failed import")
    assert not spill.exists()


def test_only_stale_folders_flexdash_made_are_swept(tmpdir_):
    def made(name: str, owner: str | None, age: float = 0) -> Path:
        path = tmpdir_ / name
        path.mkdir()
        (path / "spill.tmp").write_text("x")
        if owner is not None:
            (path / tempdirs.MARKER).write_text(owner)
        if age:
            os.utime(path, (path.stat().st_atime - age, path.stat().st_mtime - age))
        return path

    gone = dead_pid()
    me = f"{os.getpid()} {tempdirs._start_time(os.getpid())}\n"
    made(f"flexdash-import-{gone}-dead1", f"{gone} 1\n")  # owner gone: swept
    made("flexdash-import-old0", None, age=2 * 86400)  # an older flexdash's, two days old: swept
    made("flexdash-import-new0", None)  # an older flexdash's, maybe running now: kept
    made(f"flexdash-import-{os.getpid()}-live", me)  # owner alive: kept
    made(f"flexdash-import-{os.getpid()}-reused", f"{os.getpid()} 1\n")  # pid reused by another process: swept
    made("someone-elses", f"{gone}\n")  # not flexdash's name: kept
    made("flexdash-import-odd", "not a pid\n")  # a marker flexdash never writes: kept
    (tmpdir_ / f"flexdash-import-{gone}-link").symlink_to(tmpdir_ / "someone-elses")  # a link: kept
    removed = {p.name for p in tempdirs.sweep_stale()}
    expected = {f"flexdash-import-{gone}-dead1", "flexdash-import-old0"}
    if tempdirs._start_time(os.getpid()):  # Linux /proc tells a reused pid apart
        expected.add(f"flexdash-import-{os.getpid()}-reused")
    assert removed == expected
    assert (tmpdir_ / "someone-elses" / "spill.tmp").exists()


CHILD = textwrap.dedent(
    """
    import sys
    from app.cli import main
    from app.ingest import importer

    real = importer._stage_all

    def stage_then_wait(*args, **kw):
        print("staging", flush=True)
        sys.stdin.readline()  # the test signals the process here
        return real(*args, **kw)

    importer._stage_all = stage_then_wait
    sys.exit(main(sys.argv[1:]))
    """
)


# the same, held once the import is stored, as the engine starts
CHILD_AFTER_COMMIT = textwrap.dedent(
    """
    import sys
    from app.cli import main
    from app.ingest import command

    def wait_then_recompute(con, as_of=None):
        print("staging", flush=True)
        sys.stdin.readline()

    command.recompute = wait_then_recompute
    sys.exit(main(sys.argv[1:]))
    """
)


def with_signals(script: str, ignored: tuple[int, ...]) -> str:
    """The child script, first giving SIGTERM and SIGHUP their default
    handlers (or ignoring those in ``ignored``, as nohup does), not whatever
    the test run inherited: under nohup SIGHUP arrives ignored. Done in the
    child's own code: a preexec_fn is unsafe beside DuckDB's threads."""
    resets = "".join(
        f"signal.signal({int(sig)}, signal.{'SIG_IGN' if sig in ignored else 'SIG_DFL'})\n" for sig in tempdirs._SIGNALS
    )
    return "import signal\n" + resets + script


def start_import(
    tmp_path: Path, tmpdir_: Path, db: Path, script: str = CHILD, ignored: tuple[int, ...] = ()
) -> tuple[subprocess.Popen, Path]:
    events = tmp_path / "events.csv"
    events.write_text(EVENTS.format(s="s1"), encoding="utf-8")
    env = dict(os.environ, TMPDIR=str(tmpdir_))
    child = subprocess.Popen(
        [sys.executable, "-c", with_signals(script, ignored), "import", "--db", str(db), str(events)],
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout.readline() == "staging\n"
    (spill,) = [tmpdir_ / n for n in flexdash_folders(tmpdir_) if n.startswith("flexdash-import-")]
    assert (spill / tempdirs.MARKER).read_text().split()[0] == str(child.pid)
    return child, spill


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP])
def test_a_terminated_import_removes_its_folder(tmp_path, tmpdir_, sig):
    db = tmp_path / "store" / "store.duckdb"
    assert main(["import", "--db", str(db), "--quiet", str(ROOT / "sample_logs" / "packs.csv")]) == 0
    before = tree(db.parent)
    child, spill = start_import(tmp_path, tmpdir_, db)
    child.send_signal(sig)
    out, err = child.communicate(timeout=60)
    assert child.returncode == 128 + sig
    assert err == "flexdash: interrupted; nothing from this command was committed\n"
    assert not spill.exists() and flexdash_folders(tmpdir_) == []
    assert tree(db.parent) == before


def test_an_ignored_hangup_is_left_ignored(tmp_path, tmpdir_):
    """Started under nohup, an import finishes when its terminal hangs up."""
    db = tmp_path / "store" / "store.duckdb"
    child, spill = start_import(tmp_path, tmpdir_, db, ignored=(signal.SIGHUP,))
    child.send_signal(signal.SIGHUP)
    child.stdin.write("\n")
    out, err = child.communicate(timeout=60)
    assert child.returncode == 0, err
    assert not spill.exists() and flexdash_folders(tmpdir_) == []
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM events").fetchall() == [(2,)]
    finally:
        con.close()


def test_the_next_import_sweeps_what_a_killed_one_left(tmp_path, tmpdir_, capsys):
    db = tmp_path / "store" / "store.duckdb"
    child, spill = start_import(tmp_path, tmpdir_, db)
    child.kill()
    child.communicate(timeout=60)
    assert child.returncode == -signal.SIGKILL
    assert spill.exists()  # a kill leaves it: nothing runs in a killed process
    assert main(["import", "--db", str(db), "--quiet", str(tmp_path / "events.csv")]) == 0
    assert not spill.exists() and flexdash_folders(tmpdir_) == []


def test_terminated_after_the_import_was_stored_says_so(tmp_path, tmpdir_):
    db = tmp_path / "store" / "store.duckdb"
    child, spill = start_import(tmp_path, tmpdir_, db, CHILD_AFTER_COMMIT)
    child.send_signal(signal.SIGTERM)
    out, err = child.communicate(timeout=60)
    assert child.returncode == 128 + signal.SIGTERM
    assert err == (
        "flexdash: interrupted after the import was stored (every file landed); charges were not recomputed "
        "(reports recompute them as they read): run `flexdash recompute`\n"
    )
    assert not spill.exists() and flexdash_folders(tmpdir_) == []
    con = duckdb.connect(str(db), read_only=True)
    try:  # the two events landed (one transaction), the engine never ran
        assert con.execute("SELECT count(*) FROM events").fetchall() == [(2,)]
        assert con.execute("SELECT count(*) FROM engine_runs").fetchall() == [(0,)]
    finally:
        con.close()


def handlers_run() -> None:
    """A Python function's start is where CPython runs pending signal handlers."""


@pytest.fixture
def default_handlers():
    """The default SIGTERM/SIGHUP handlers for this test, whatever the run
    inherited (nohup) or an earlier test installed; put back after."""
    before = {sig: signal.signal(sig, signal.SIG_DFL) for sig in tempdirs._SIGNALS}
    yield
    for sig, handler in before.items():
        signal.signal(sig, handler)


def test_a_signal_turned_into_another_error_or_swallowed_still_stops(tmpdir_, default_handlers):
    # DuckDB runs Python's signal handlers inside a query: the Terminated they
    # raise came back as RuntimeError("Query interrupted"), or not at all
    with pytest.raises(tempdirs.Terminated) as caught, tempdirs.private_temp_folder("import") as spill:
        try:
            os.kill(os.getpid(), signal.SIGTERM)
            handlers_run()
        except tempdirs.Terminated:
            raise RuntimeError("Query interrupted") from None
    assert caught.value.signum == signal.SIGTERM and not spill.exists()
    with pytest.raises(tempdirs.Terminated), tempdirs.private_temp_folder("import") as spill:
        try:
            os.kill(os.getpid(), signal.SIGHUP)
            handlers_run()
        except tempdirs.Terminated:
            pass  # swallowed
    assert not spill.exists()
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # the handlers are put back


def test_a_store_connection_spills_to_a_private_folder_gone_after_close(tmpdir_, tmp_path):
    """DuckDB's default spill folder, <store>.tmp beside the store, outlives a
    kill; a store connection spills inside this process's 0700 folder instead
    (swept once its owner is gone), and its folder goes when it closes."""
    from app import store

    stale = tmpdir_ / f"flexdash-store-{dead_pid()}-killed"
    stale.mkdir()
    (stale / tempdirs.MARKER).write_text(f"{dead_pid()} 1\n")
    db = tmp_path / "data" / "flexdash.duckdb"
    store.connect_write(db).close()
    con = store.connect_read(db)
    try:
        spill = Path(con.execute("SELECT current_setting('temp_directory')").fetchall()[0][0])
        own = spill.parent
        assert own.parent == tmpdir_ and own.name.startswith(f"flexdash-store-{os.getpid()}-")
        assert db.parent not in spill.parents
        assert stat.S_IMODE(own.stat().st_mode) == 0o700 and own.stat().st_uid == os.getuid()
        assert not stale.exists()
        con.execute("SET memory_limit = '64MB'")
        con.execute("SET threads = 1")
        con.execute("SELECT count(*) FROM (SELECT md5(CAST(i AS VARCHAR)) AS m FROM range(3000000) t(i) ORDER BY m)")
        assert spill.is_dir()  # the sort did spill, so the folder's removal below means something
    finally:
        con.close()
    assert not spill.exists()
    assert not db.with_name(db.name + ".tmp").exists()
