"""Loading SQL from ``queries/``: the only place SQL text lives.

``load("reports/balances")`` returns the text of ``queries/reports/balances.sql``.
Values always go in as bound parameters, never by formatting.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from app.resources import queries_dir


@cache
def load(name: str) -> str:
    path = queries_dir() / f"{name}.sql"
    return path.read_text(encoding="utf-8")


def numbered(folder: str) -> list[tuple[str, Path]]:
    """The ``NNN_name.sql`` files of a folder, in creation order."""
    files = sorted((queries_dir() / folder).glob("*.sql"))
    return [(f.stem, f) for f in files]


def used_params(query: str, params: dict | None) -> dict | None:
    """The named parameters ``query`` names (``$name``): DuckDB refuses
    values for parameters a query does not use. None when there are none."""
    if not params:
        return None
    used = {k: v for k, v in params.items() if re.search(rf"\${re.escape(k)}\b", query)}
    return used or None
