"""The files of a folder given to import, and what in it cannot be read.

``Path.rglob`` skips a sub-folder it may not list without a word, and a
file it may not read, a link to nothing or a named pipe would only fail
later (or hang). Import is all or nothing (exit 4), so every such entry is
named before anything is read: an admin who gave the folder expects all of
its logs in the store, or to be told why not.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

from app import textsafe
from app.errors import UnreadableInput

MAX_LISTED = 10  # problems named in the message; the rest counted


def folder_files(root: Path, wanted: Callable[[Path], bool]) -> list[Path]:
    """The ``wanted`` files under ``root`` (recursively, links followed once,
    hidden names skipped), in name order. UnreadableInput naming every
    sub-folder that cannot be listed and every wanted file that cannot be
    read."""
    problems: list[str] = []
    found: list[Path] = []
    visited: set[tuple[int, int]] = set()

    def cannot_list(exc: OSError) -> None:
        problems.append(f"{exc.filename}: cannot list this folder ({exc.strerror})")

    for folder, subfolders, names in os.walk(root, onerror=cannot_list, followlinks=True):
        here = Path(folder)
        try:
            st = here.stat()
        except OSError as exc:
            problems.append(f"{here}: {exc.strerror}")
            subfolders[:] = []
            continue
        if (st.st_dev, st.st_ino) in visited:  # a link back up the tree
            subfolders[:] = []
            continue
        visited.add((st.st_dev, st.st_ino))
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        for name in sorted(names):
            path = here / name
            if name.startswith(".") or not wanted(path):
                continue
            problem = unreadable(path)
            if problem:
                problems.append(f"{path}: {problem}")
            else:
                found.append(path)
    if problems:
        listed = "; ".join(textsafe.show(p, 240) for p in problems[:MAX_LISTED])
        more = f"; and {len(problems) - MAX_LISTED} more" if len(problems) > MAX_LISTED else ""
        raise UnreadableInput(
            f"{textsafe.show(root, 240)}: {len(problems)} "
            f"{'entry' if len(problems) == 1 else 'entries'} cannot be read: {listed}{more}. "
            "Nothing was imported: fix the permissions, or name the files to import"
        )
    return sorted(found)


def unreadable(path: Path) -> str | None:
    """Why a file to import cannot be read, or None."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return "a link to nothing"
    except OSError as exc:
        return exc.strerror or type(exc).__name__
    if not stat.S_ISREG(st.st_mode):
        return "not a regular file (a pipe or a device)"
    if not os.access(path, os.R_OK):
        return "permission denied"
    return None
