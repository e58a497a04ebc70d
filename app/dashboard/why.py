"""The why view: why one user and product was charged or denied (the content
of ``flexdash explain``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import duckdb

from app import textsafe
from app.dashboard.filters import Filters
from app.dashboard.reader import frame
from app.timeutil import day_end_exclusive, day_start, format_instant


@dataclass
class WhyData:
    title: str
    text: str  # plain text, as `flexdash explain` prints it


def load_why(con: duckdb.DuckDBPyConnection, f: Filters, user: str, product: str, day: date | None = None) -> WhyData:
    """``app.explain`` for ``user`` and ``product`` as of ``f.as_of`` (R4),
    for ``day`` if given (the row the admin chose)."""
    title = f"Why: {textsafe.show(user)} · {textsafe.show(product)}" + (f" · {day.isoformat()}" if day else "")
    try:
        from app.explain import explain, render_text
    except ImportError:
        return WhyData(title, _windows_text(con, f, user, product, day))
    return WhyData(title, render_text(explain(con, user, product, as_of=f.as_of, day=day)))


def _windows_text(con, f: Filters, user: str, product: str, day: date | None) -> str:
    """Stand-in while app.explain is missing: the windows and the packs drawn."""
    if day is not None:
        since, until = day_start(day - timedelta(days=1)), day_end_exclusive(day)
    else:
        since, until = f.since_instant, f.until_instant
    rows = frame(
        con,
        "dashboard/why_windows",
        {"user": user, "product": product, "as_of": f.as_of, "since": since, "until": until},
    )
    lines = [f"{user} · {product} · as of {format_instant(f.as_of)}", ""]
    if rows.height == 0:
        lines.append("No window was charged or denied in this period.")
        return "\n".join(lines)
    for r in rows.iter_rows(named=True):
        when = format_instant(r["ts"])
        if r["outcome"] == "charged":
            lines.append(
                f"{when} → {format_instant(r['window_end'])}  charged {r['tokens']} tokens to {r['team']}"
                f"  (packs: {r['packs'] or 'none'})"
            )
        else:
            lines.append(f"{when}  {r['outcome']}  (team {r['team'] or 'unresolved'})")
    return "\n".join(lines)


__all__ = ["WhyData", "load_why"]
