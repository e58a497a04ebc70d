"""The why view: why one user and product was charged or denied (the content
of ``flexdash explain``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb

from app import textsafe
from app.dashboard.filters import Filters
from app.explain import explain, render_text


@dataclass
class WhyData:
    title: str
    text: str  # plain text, as `flexdash explain` prints it


def load_why(con: duckdb.DuckDBPyConnection, f: Filters, user: str, product: str, day: date | None = None) -> WhyData:
    """``app.explain`` for ``user`` and ``product`` as of ``f.as_of`` (R4),
    for ``day`` if given (the row the admin chose)."""
    title = f"Why: {textsafe.show(user)} · {textsafe.show(product)}" + (f" · {day.isoformat()}" if day else "")
    return WhyData(title, render_text(explain(con, user, product, as_of=f.as_of, day=day)))


__all__ = ["WhyData", "load_why"]
