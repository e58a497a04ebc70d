"""Why one user and product was charged or denied (``flexdash explain``).

:func:`explain` gathers, as of an instant (R4), everything behind the
windows of one user on one product: the sessions (R5) with their active and
idle-paused stretches (R6), the runs they merge into (R7), each window with
the run that opened it (R8, R9), the rate applied (R10), the team billed
(R12), the packs drawn (R13, R14), and the denials with their reasons (R12,
R12b, R16-R18b). :func:`render_text` (in :mod:`app.explain_text`) lays it
out per day for the admin. Core module: no Textual; the dashboard's "why"
view calls the same two functions.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import duckdb
import polars as pl

from app import sql, textsafe
from app.engine import use_results_as_of
from app.errors import UsageError
from app.reports import sources
from app.timeutil import day_start

# Each part of an explanation and the query that reads it.
QUERIES = {
    "rates": "reports/explain_rates",
    "sessions": "reports/explain_sessions",
    "intervals": "reports/explain_intervals",
    "runs": "reports/explain_runs",
    "windows": "reports/explain_windows",
    "draws": "reports/explain_draws",
    "denials": "reports/explain_denials",
}
PARTS = tuple(QUERIES)


@dataclass(frozen=True)
class Explanation:
    """The frames behind one user's windows on one product. Instants are UTC
    datetimes. ``day`` (a UTC day) narrows everything to what overlaps it;
    None means every day up to ``as_of``.

    - ``rates``: the product's rate rows (tokens_per_day, effective_from,
      idle_detection_since, linux, kind, host).
    - ``sessions``: session_id, device, version, os, team, team_source,
      session_start, session_end, span/active/idle seconds, idle_detection,
      unterminated, exclusion_reason.
    - ``intervals``: active stretches per session (the rest is idle-paused).
    - ``runs``: run_no, run_start, run_end, run_seconds, sessions, chargeable.
    - ``windows``: window_start, window_end, outcome (charged / denied), team,
      tokens, rate, rate_from, opening_run, session_id, charge_id, balance_then
      (denied windows: the team's balance at that instant, R15/R16).
    - ``draws``: window_start, pack_id, tokens, pack_tokens, expires_on, draw_rank.
    - ``denials``: ts, reason, team, session_id (every reason).
    """

    user: str
    product: str
    as_of: datetime
    day: date | None
    rates: pl.DataFrame
    sessions: pl.DataFrame
    intervals: pl.DataFrame
    runs: pl.DataFrame
    windows: pl.DataFrame
    draws: pl.DataFrame
    denials: pl.DataFrame
    source: str = ""  # where the charges shown come from (R24, app.reports.sources); text only

    @property
    def is_empty(self) -> bool:
        return self.sessions.is_empty() and self.windows.is_empty() and self.denials.is_empty()

    def frames(self) -> dict[str, pl.DataFrame]:
        return {name: getattr(self, name) for name in PARTS}


def _frame(con: duckdb.DuckDBPyConnection, name: str, params: dict) -> pl.DataFrame:
    text = sql.load(name)
    return con.sql(text, params=sql.used_params(text, params)).pl()


def _unknown(con: duckdb.DuckDBPyConnection, kind: str, name: str) -> UsageError:
    names = _frame(con, "reports/explain_names", {}).filter(pl.col("kind") == kind)["name"].to_list()
    wanted = name.lower()
    # a user named without the domain (hugo.bernard): the addresses that start so
    near = [n for n in names if "@" not in wanted and n.lower().split("@")[0] == wanted][:3]
    if not near:
        lowered = {n.lower(): n for n in names}
        near = [lowered[n] for n in difflib.get_close_matches(wanted, list(lowered), n=3, cutoff=0.6)]
    hint = f"; did you mean {textsafe.listing(near)}?" if near else ""
    what = "user" if kind == "user" else "product code"
    return UsageError(f"unknown {what} '{textsafe.show(name)}': this store has never seen it{hint}")


def explain(
    con: duckdb.DuckDBPyConnection,
    user: str,
    product: str,
    *,
    as_of: datetime,
    day: date | None = None,
    results_ready: bool = False,
) -> Explanation:
    """Why ``user``'s windows on ``product`` were charged or denied, as of
    ``as_of`` (R4; makes the engine's results on ``con`` valid at it).
    ``day``: only what overlaps that UTC day. Unknown user or product:
    :class:`UsageError` (exit 2) with the nearest names.
    ``results_ready=True``: the caller just ran ``use_results_as_of(con,
    as_of)`` on this connection, so it is not run again."""
    subject = _frame(con, "reports/explain_subject", {"user": user, "product": product})
    user_id, stored_user, product_id, stored_product = subject.row(0)
    if user_id is None:
        raise _unknown(con, "user", user)
    if product_id is None:
        raise _unknown(con, "product", product)
    user, product = stored_user, stored_product  # as the store writes them (the match ignores case)
    if not results_ready:
        use_results_as_of(con, as_of)
    start = day_start(day) if day else None
    params = {
        "user_id": user_id,
        "product_id": product_id,
        "product": product,
        "as_of": as_of,
        "from": start,
        "to": start + timedelta(days=1) if start else None,
    }
    source = sources.label(con, as_of, since=day, until=day, user_id=user_id, product_id=product_id)
    # Only after the engine's results are settled on the whole store: the
    # focus hides every other user's events from the views.
    con.execute(sql.load("reports/explain_focus"), {"user_id": user_id, "product_id": product_id})
    try:
        frames = {part: _frame(con, query, params) for part, query in QUERIES.items()}
    finally:
        con.execute(sql.load("reports/explain_unfocus"))
    return Explanation(user=user, product=product, as_of=as_of, day=day, source=source, **frames)


def render_text(expl: Explanation, *, timeline: bool = True) -> str:
    """The explanation as text for people, one block per day (see
    :mod:`app.explain_text`)."""
    from app.explain_text import render

    return render(expl, timeline=timeline)


def to_json_obj(expl: Explanation) -> dict:
    """The explanation as plain JSON-able data (instants as
    ``YYYY-MM-DDTHH:MM:SSZ``, dates as ``YYYY-MM-DD``)."""
    from app.reports.render import plain

    out: dict = {
        "user": expl.user,
        "product": expl.product,
        "as_of": plain(expl.as_of),
        "day": plain(expl.day),
    }
    for name, df in expl.frames().items():
        out[name] = [{k: plain(v) for k, v in row.items()} for row in df.iter_rows(named=True)]
    return out
