"""Where the shipped ``queries/`` and ``data/`` folders are.

In a source checkout (or an editable install) they sit beside ``app/`` at the
top of the repository; in a wheel they are packaged inside ``app/``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def resource_dir(name: str) -> Path:
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"flexdash is installed without its {name}/ folder")


def queries_dir() -> Path:
    return resource_dir("queries")


def data_dir() -> Path:
    return resource_dir("data")
