"""Private temporary folders that do not outlive their import or process.

An import spills to a folder of its own in the system's temporary
directory. It is removed when the import ends, fails, or is stopped by
SIGTERM or SIGHUP (turned into :class:`Terminated` so that every
``finally`` runs). Store connections spill inside one folder per process
(:func:`process_temp_folder`), removed when the process exits. A process
killed outright (SIGKILL, power loss) cannot clean up: the next folder made
sweeps what such runs left.

Only folders flexdash made are swept: a real folder (not a link) of this
user, named ``flexdash-<kind>-<pid>-...``, holding the marker file that
names its owner (pid and the owner's start time, so that a reused pid is
not mistaken for the owner), whose owner is gone. A folder of an older
flexdash (no marker) is swept once it is a day old.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import re
import shutil
import signal
import stat
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

MARKER = ".flexdash-owner"
_NAME = re.compile(r"flexdash-[a-z]+-(?:(\d+)-)?[A-Za-z0-9_]+")
UNMARKED_AGE = 24 * 3600  # seconds: a folder of an older flexdash is surely not in use any more
_SIGNALS = tuple(s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s is not None)


class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP, raised where the process was so that the
    transaction rolls back and the temporary folders go (exit 128 + signal)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _start_time(pid: int) -> str:
    """The process's start time in clock ticks since boot (Linux /proc), or
    '' where it cannot be read."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return ""
    fields = text.rpartition(")")[2].split()
    return fields[19] if len(fields) > 19 else ""  # field 22 of stat(5); fields[0] is field 3


def _owner_alive(pid: int, started: str) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: not ours to judge
    return not started or _start_time(pid) in ("", started)


def _stale(path: Path, now: float) -> bool:
    if not _NAME.fullmatch(path.name):
        return False
    try:
        st = path.lstat()
    except OSError:
        return False
    if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.getuid():
        return False
    try:
        owner = (path / MARKER).read_text(encoding="ascii").split()
    except FileNotFoundError:
        return now - st.st_mtime > UNMARKED_AGE
    except (OSError, UnicodeDecodeError):
        return False
    if not owner or not owner[0].isdigit():
        return False
    return not _owner_alive(int(owner[0]), owner[1] if len(owner) > 1 else "")


def sweep_stale(folder: Path | None = None) -> list[Path]:
    """Remove the folders killed flexdash runs left in ``folder`` (the
    system's temporary directory by default); returns what was removed."""
    folder = Path(folder or tempfile.gettempdir())
    removed = []
    now = time.time()
    try:
        entries = list(folder.glob("flexdash-*"))
    except OSError:
        return removed
    for path in entries:
        if _stale(path, now):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


@contextlib.contextmanager
def _terminate_as_exception() -> Iterator[None]:
    """SIGTERM/SIGHUP raise Terminated while the block runs (main thread
    only, and only where no one else handles them)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    received: list[int] = []

    def raise_terminated(signum, frame):
        received.append(signum)
        raise Terminated(signum)

    previous = {}
    for sig in _SIGNALS:
        if signal.getsignal(sig) is signal.SIG_DFL:
            previous[sig] = signal.signal(sig, raise_terminated)
    try:
        yield
    except Terminated:
        raise
    except BaseException as exc:
        if received:  # DuckDB ran the handler inside a query and raised "Query interrupted" instead
            raise Terminated(received[0]) from exc
        raise
    else:
        if received:  # the handler's exception was swallowed on the way (seen inside DuckDB): stop now
            raise Terminated(received[0])
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@contextlib.contextmanager
def private_temp_folder(kind: str) -> Iterator[Path]:
    """A new 0700 folder for ``kind`` (e.g. "import"), removed when the
    block ends in any way but a kill; stale ones of killed runs are swept
    first."""
    sweep_stale()
    pid = os.getpid()
    path = Path(tempfile.mkdtemp(prefix=f"flexdash-{kind}-{pid}-"))
    try:
        with _terminate_as_exception():
            (path / MARKER).write_text(f"{pid} {_start_time(pid)}\n", encoding="ascii")
            yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


_process_folders: dict[tuple[str, int], Path] = {}
_process_lock = threading.Lock()


def _remove_at_exit(path: Path, pid: int) -> None:
    if os.getpid() == pid:  # a forked child leaves its parent's folder alone
        shutil.rmtree(path, ignore_errors=True)


def process_temp_folder(kind: str) -> Path:
    """This process's 0700 folder for ``kind`` (e.g. "store"), made on first
    use (stale ones of killed runs are swept first, and it is made again if
    something removed it) and removed when the process exits."""
    pid = os.getpid()
    with _process_lock:
        path = _process_folders.get((kind, pid))
        if path is None or not path.is_dir():
            sweep_stale()
            path = Path(tempfile.mkdtemp(prefix=f"flexdash-{kind}-{pid}-"))
            (path / MARKER).write_text(f"{pid} {_start_time(pid)}\n", encoding="ascii")
            atexit.register(_remove_at_exit, path, pid)
            _process_folders[(kind, pid)] = path
        return path


@contextlib.contextmanager
def memory_file(kind: str) -> Iterator[Path | None]:
    """An anonymous file in memory (Linux memfd), by a path this process can
    open (/proc/self/fd/N), or None where the system has none. It goes when
    the block ends and, unlike a folder, when the process is killed outright:
    nothing is left to sweep."""
    create = getattr(os, "memfd_create", None)
    if create is None or not os.path.isdir("/proc/self/fd"):
        yield None
        return
    try:
        fd = create(f"flexdash-{kind}", os.MFD_CLOEXEC)
    except OSError:
        yield None
        return
    try:
        yield Path(f"/proc/self/fd/{fd}")
    finally:
        os.close(fd)


def memory_to_spare() -> int:
    """Bytes of memory a temporary copy may take without crowding the
    machine: a quarter of what the system (or this container's memory
    limit, cgroup v2) says is available; 0 where neither can be read."""
    seen = []
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                seen.append(int(line.split()[1]) * 1024)
    except (OSError, ValueError, IndexError):
        pass
    for limit_file, used_file in _CGROUP_MEMORY:
        try:
            limit = Path(limit_file).read_text().strip()
            if limit.isdigit():  # v2 writes "max" for no limit
                seen.append(max(0, int(limit) - int(Path(used_file).read_text().strip())))
        except (OSError, ValueError):
            pass
    return min(seen) // 4 if seen else 0


_CGROUP_MEMORY = (  # (limit, usage) of this container: cgroup v2, then v1
    ("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory.current"),
    ("/sys/fs/cgroup/memory/memory.limit_in_bytes", "/sys/fs/cgroup/memory/memory.usage_in_bytes"),
)
