"""What each pane of the dashboard shows, computed from one open connection.

Each ``load_*`` function runs a few queries and returns plain frames or
dataclasses; the TUI calls them from a thread worker and only renders.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

import duckdb
import polars as pl

from app.dashboard import advice, reports_bridge
from app.dashboard.filters import Filters
from app.dashboard.reader import frame
from app.reports import sources

VENDOR_BAND_PERCENT = 20.0  # the vendor's colour band (domain-facts.md)
EXPIRY_HORIZON_DAYS = 90  # the vendor's expiry alert horizon
HISTORY_DAYS = 180  # the balance chart's span


@dataclass
class StoreState:
    imports: int
    packs: int
    charges: int
    has_events: bool

    @property
    def empty(self) -> bool:
        return not (self.imports or self.packs or self.has_events)


def store_state(con: duckdb.DuckDBPyConnection) -> StoreState:
    row = frame(con, "dashboard/store_state").row(0)
    return StoreState(int(row[0]), int(row[1]), int(row[2]), bool(row[3]))


def teams(con: duckdb.DuckDBPyConnection) -> list[str]:
    return frame(con, "dashboard/teams")["team"].to_list()


def source_label(con: duckdb.DuckDBPyConnection, f: Filters) -> str:
    """Which source the team's and period's charges come from (R24): the
    line every pane showing charges carries (app.reports.sources, the one
    definition), read on the connection that reads the pane's data."""
    return sources.label(con, f.as_of, f.team, f.since, f.until)


# --- Balances -------------------------------------------------------------


@dataclass
class BalancesData:
    table: pl.DataFrame  # one row per team, see load_balances
    history: pl.DataFrame  # day, balance, purchased, forfeited
    history_team: str | None  # None: all teams together
    history_band: str  # the band of history_team (or of all teams together)


def band(share_left: float | None, warn_below: float) -> str:
    """Which warning band a share of purchased tokens left falls in: the
    admin's threshold ("critical") and the vendor's 20 % ("low")."""
    if share_left is None:
        return "none"
    if share_left < warn_below:
        return "critical"
    if share_left < VENDOR_BAND_PERCENT:
        return "low"
    return "ok"


def load_balances(con: duckdb.DuckDBPyConnection, f: Filters) -> BalancesData:
    """Per team: the balance of ``report balances`` (R15), share of purchased
    tokens left with its band, burn 7/30 d and runway (R21), next expiry,
    tokens expiring within 90 days, denials in the period (R16)."""
    report = reports_bridge.balances(con, f)
    extras = frame(con, "dashboard/balance_extras", f.sql_params())
    table = extras.join(report, on="team", how="left").with_columns(
        pl.col("balance").fill_null(0),
        share_left=pl.when(pl.col("purchased") > 0)
        .then(pl.col("balance") * 100.0 / pl.col("purchased"))
        .otherwise(None),
        runway_on=pl.when(pl.col("runway_days").is_not_null())
        .then(pl.lit(f.as_of.date()) + pl.duration(days=pl.col("runway_days")))
        .otherwise(None),
    )
    table = table.with_columns(
        band=pl.col("share_left").map_elements(
            lambda s: band(s, f.warn_below), return_dtype=pl.String, skip_nulls=False
        )
    ).select(
        "team",
        "balance",
        "purchased",
        "share_left",
        "band",
        "burn_7d",
        "burn_30d",
        "runway_days",
        "runway_on",
        "next_expiry",
        "expiring_90d",
        "denials",
    )
    last = f.as_of.date()
    history = frame(
        con,
        "dashboard/balance_history",
        {"as_of": f.as_of, "team": f.team, "first_day": last - timedelta(days=HISTORY_DAYS - 1), "last_day": last},
    )
    purchased = int(table["purchased"].sum() or 0)
    share = float(table["balance"].sum()) * 100.0 / purchased if purchased else None
    return BalancesData(table=table, history=history, history_team=f.team, history_band=band(share, f.warn_below))


# --- Expirations ----------------------------------------------------------


@dataclass
class ExpirationsData:
    packs: pl.DataFrame  # report packs + days_left, at_risk
    at_risk_total: int
    expiring_total: int


def tokens_at_risk(remaining: list[int], days_left: list[int], daily_burn: float) -> list[int]:
    """R21: tokens of each pack (in draw order) expected to expire unused if
    the team keeps burning ``daily_burn`` tokens a day. Packs drain in draw
    order (R14), so by a pack's expiry the burn has first emptied the packs
    ranked before it."""
    out = []
    ahead = 0.0  # tokens in packs drawn before this one
    for rem, days in zip(remaining, days_left, strict=True):
        if days is None or days < 0 or rem <= 0:
            out.append(0)
            ahead += max(rem, 0)
            continue
        burnt_on_this = max(0.0, daily_burn * days - ahead)
        out.append(int(max(0, round(rem - burnt_on_this))))
        ahead += rem
    return out


def load_expirations(con: duckdb.DuckDBPyConnection, f: Filters) -> ExpirationsData:
    """Every pack in draw order with consumed, forfeited, remaining and days
    left (R13, R14); at-risk tokens at the current 30-day burn (R21)."""
    today = f.as_of.date()
    packs = reports_bridge.packs(con, f)
    if f.team:
        packs = packs.filter(pl.col("team") == f.team)
    packs = packs.sort("team", "draw_rank").with_columns(
        days_left=(pl.col("expires_on") - pl.lit(today)).dt.total_days().cast(pl.Int64)
    )
    burn = reports_bridge.balances(con, f)  # R21: the 30-day burn of report balances (v_burn)
    daily = {t: b / 30.0 for t, b in zip(burn["team"], burn["burn_30d"], strict=True)}
    parts = []
    for (team,), g in packs.group_by(["team"], maintain_order=True):
        live = g.with_columns(
            pl.when(pl.col("purchased_on") <= today).then(pl.col("days_left")).otherwise(None).alias("_d")
        )
        risk = tokens_at_risk(live["remaining"].to_list(), live["_d"].to_list(), daily.get(team, 0.0))
        parts.append(g.with_columns(at_risk=pl.Series(risk, dtype=pl.Int64)))
    out = pl.concat(parts) if parts else packs.with_columns(at_risk=pl.lit(0, dtype=pl.Int64))
    soon = out.filter((pl.col("days_left") >= 0) & (pl.col("days_left") <= EXPIRY_HORIZON_DAYS))
    return ExpirationsData(
        packs=out,
        at_risk_total=int(soon["at_risk"].sum() or 0),
        expiring_total=int(soon["remaining"].sum() or 0),
    )


# --- Rates ----------------------------------------------------------------


def load_rates(con: duckdb.DuckDBPyConnection, f: Filters) -> pl.DataFrame:
    """The rates in force during the period with each product's history
    (R10, R6, R11, R18), and the tokens the team (or all) was charged per
    product in the period (R9)."""
    return frame(con, "dashboard/rates", f.sql_params())


RATES_FILTERED_ON = ("product", "name", "kind", "host")


def filter_rows(rows: pl.DataFrame, text: str, columns: tuple[str, ...] | None = None) -> pl.DataFrame:
    """Rows in which one of ``columns`` (default: every text column) holds
    ``text``, in any case: the `/` filter of every pane's table."""
    needle = text.strip().lower()
    if not needle:
        return rows
    names = columns or tuple(n for n, t in rows.schema.items() if t == pl.String)
    hit = pl.lit(False)
    for col in names:
        if col in rows.columns:
            hit = hit | pl.col(col).cast(pl.String).fill_null("").str.to_lowercase().str.contains(needle, literal=True)
    return rows.filter(hit)


def filter_rates(rates: pl.DataFrame, text: str) -> pl.DataFrame:
    """Rows whose product, name, kind or host contains ``text`` (any case)."""
    return filter_rows(rates, text, RATES_FILTERED_ON)


# --- Usage, alerts, imports -------------------------------------------------


def load_usage(con: duckdb.DuckDBPyConnection, f: Filters, limit: int | None = None) -> pl.DataFrame:
    """Charges by day, team, product and user in the period (R9, R10, R12),
    latest day first; ``limit``: the first rows only."""
    return frame(con, "dashboard/usage", {**f.sql_params(), "limit": limit})


USAGE_HEAD_DAYS = 7


def load_usage_head(con: duckdb.DuckDBPyConnection, f: Filters, limit: int) -> tuple[pl.DataFrame, bool]:
    """The first ``limit`` rows of :func:`load_usage`, read from the period's
    last days only (a whole year is aggregated in ~0.15 s, a week at once):
    rows are ordered by day first, so whole last days are a prefix of the
    whole. Returns (rows, complete): complete when they are every row."""
    last = min(f.until, f.as_of.date()) if f.until else f.as_of.date()
    recent = last - timedelta(days=USAGE_HEAD_DAYS - 1)
    whole = f.since is not None and f.since >= recent
    head = load_usage(con, f if whole else f.with_(since=recent), limit)
    return head, whole and head.height < limit


def load_alerts(con: duckdb.DuckDBPyConnection, f: Filters) -> pl.DataFrame:
    """Breached budgets (the budgets file, app.budgets), then denials,
    concurrent use, device limit, several teams, plug-in auto-starts,
    unterminated sessions (R16-R19, R12, R11, R5)."""
    found = frame(con, "dashboard/alerts", f.sql_params())
    return pl.concat([advice.budget_alerts(con, f), found], how="diagonal_relaxed").select(found.columns)


@dataclass
class ImportsData:
    imports: pl.DataFrame
    rejects: pl.DataFrame = field(default_factory=pl.DataFrame)
    total: int = 0  # files imported in all, whatever the period


def load_imports(con: duckdb.DuckDBPyConnection, f: Filters) -> ImportsData:
    """The files imported in the period, with the team's rows in each when
    a team is chosen, and their rejected rows; and how many files were
    imported in all (an empty period is then not "nothing imported")."""
    params = f.sql_params()
    total = int(frame(con, "dashboard/imports_total").item())
    return ImportsData(
        imports=frame(con, "dashboard/imports", params), rejects=frame(con, "dashboard/rejects", params), total=total
    )
