"""What "one number, one definition" means, as checks on one connection whose
engine results are valid at ``as_of`` (R4): every quantity the reports and
the dashboard both show is equal, and each is what the rules say of the
rows it is made of (R13-R15, R21 from `report packs` and `report charges`;
R5, R11, R12, R19 from the whole-store session models)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import polars as pl

from app import reports
from app.dashboard import Filters, panes
from app.reports import ReportParams

BALANCE_COLUMNS = ["team", "balance", "burn_30d", "runway_days", "next_expiry", "expiring_90d"]
SESSION_KINDS = ("concurrent use", "device limit", "plug-in auto-start", "unterminated session")


def report(con, name: str, as_of: datetime) -> pl.DataFrame:
    return reports.query(con, name, ReportParams(as_of=as_of))


def burn(charges: pl.DataFrame, as_of: datetime, days: int) -> dict[str, int]:
    """R21: tokens of the windows opened in (as_of - days, as_of], per team."""
    recent = charges.filter((pl.col("window_start") > as_of - timedelta(days=days)) & (pl.col("window_start") <= as_of))
    return dict(recent.group_by("team").agg(pl.col("tokens").sum()).iter_rows())


def check_reports_agree(con, as_of: datetime) -> pl.DataFrame:
    """`report balances` against `report packs` and `report charges`."""
    balances = report(con, "balances", as_of)
    packs = report(con, "packs", as_of)
    charges = report(con, "charges", as_of)
    today = as_of.date()
    # R13: a pack bought by the as-of day is valid until its expires_on 00:00 UTC.
    valid = packs.filter(pl.col("expires_on") > today)
    assert (packs["purchased_on"] <= today).all()
    assert (packs["consumed"] + packs["forfeited"] + packs["remaining"]).to_list() == packs["tokens"].to_list()
    # R14: every charge is drawn whole from its team's packs.
    drawn = dict(packs.group_by("team").agg(pl.col("consumed").sum()).iter_rows())
    charged = dict(charges.group_by("team").agg(pl.col("tokens").sum()).iter_rows())
    assert {t: v for t, v in drawn.items() if v} == charged
    burn_30d = burn(charges, as_of, 30)
    horizon = (as_of + timedelta(days=90)).date()
    for row in balances.iter_rows(named=True):
        mine = valid.filter(pl.col("team") == row["team"])
        assert row["balance"] == mine["remaining"].sum(), row  # R15
        assert row["burn_30d"] == burn_30d.get(row["team"], 0), row  # R21
        expected_runway = row["balance"] * 30 // row["burn_30d"] if row["burn_30d"] else None
        assert row["runway_days"] == expected_runway, row
        left = mine.filter(pl.col("remaining") > 0)
        assert row["next_expiry"] == (left["expires_on"].min() if left.height else None), row
        assert row["expiring_90d"] == mine.filter(pl.col("expires_on") <= horizon)["remaining"].sum(), row
    return balances


def chart_by_hand(con, as_of: datetime, days: list[date]) -> list[tuple[date, int]]:
    """R15 from the packs' validity and the allocations: all teams' balance at
    the last instant of each day (the as-of on its own day, R4)."""
    packs = con.sql("SELECT pack_id, tokens, valid_from, valid_until FROM v_packs").fetchall()
    draws = con.execute(
        "SELECT a.pack_id, c.window_start, a.tokens FROM allocations a JOIN charges c ON c.charge_id = a.charge_id "
        "WHERE c.window_start <= ?",
        [as_of],
    ).fetchall()
    out = []
    for day in days:
        end = min(datetime.combine(day + timedelta(days=1), time(), UTC) - timedelta(microseconds=1), as_of)
        drawn = {}
        for pack_id, at, tokens in draws:
            if at <= end:
                drawn[pack_id] = drawn.get(pack_id, 0) + tokens
        out.append((day, sum(t - drawn.get(p, 0) for p, t, start, until in packs if start <= end < until)))
    return out


def check_panes_agree(con, as_of: datetime) -> None:
    """The Balances and Expirations panes against the reports."""
    f = Filters.default(as_of)
    balances = report(con, "balances", as_of)
    packs = report(con, "packs", as_of)
    charges = report(con, "charges", as_of)
    data = panes.load_balances(con, f)
    pane = data.table
    # The chart's last day (every team together) ends on the table's balance (R15).
    last = data.history.filter(pl.col("day") == as_of.date())
    assert last["balance"].to_list() == [balances["balance"].sum()]
    assert data.history.select("day", "balance").rows() == chart_by_hand(con, as_of, data.history["day"].to_list())
    for team, balance in balances.select("team", "balance").iter_rows():
        chart = panes.load_balances(con, f.with_(team=team)).history
        assert chart.filter(pl.col("day") == as_of.date())["balance"].to_list() == [balance], team
    assert pane.select(BALANCE_COLUMNS).sort("team").to_dicts() == balances.sort("team").to_dicts()
    burn_7d = burn(charges, as_of, 7)
    valid = packs.filter(pl.col("expires_on") > as_of.date())
    purchased = dict(valid.group_by("team").agg(pl.col("tokens").sum()).iter_rows())
    for row in pane.iter_rows(named=True):
        assert row["burn_7d"] == burn_7d.get(row["team"], 0), row
        assert row["purchased"] == purchased.get(row["team"], 0), row
    exp = panes.load_expirations(con, f).packs
    assert exp.select(packs.columns).sort("team", "draw_rank").to_dicts() == packs.sort("team", "draw_rank").to_dicts()
    # Tokens at risk drain the packs at the 30-day burn of `report balances` (R21).
    daily = {r["team"]: r["burn_30d"] / 30.0 for r in balances.iter_rows(named=True)}
    for (team,), g in exp.group_by(["team"], maintain_order=True):
        days = [d if p <= as_of.date() else None for d, p in zip(g["days_left"], g["purchased_on"], strict=True)]
        assert g["at_risk"].to_list() == panes.tokens_at_risk(g["remaining"].to_list(), days, daily.get(team, 0.0))


def _named(con, query: str, params: list) -> list[tuple]:
    return [tuple(r) for r in con.execute(query, params).fetchall()]


def expected_session_alerts(con, as_of: datetime, since: datetime, until: datetime) -> list[tuple]:
    """The session findings of the period from the whole-store models (no
    period arguments), each with the session's billed team (R12)."""
    names = (
        "JOIN users u ON u.user_id = s.user_id JOIN products p ON p.product_id = s.product_id "
        "LEFT JOIN teams t ON t.team_id = s.team_id "
    )
    in_period = "WHERE s.session_start >= ? AND s.session_start < ?"
    rows = _named(
        con,
        "SELECT 'concurrent use', s.session_start, u.user_name, p.product, t.team FROM v_concurrent_use(?) c "
        "JOIN int_session_team(?) s ON s.session_key = c.other_session_key " + names + in_period,
        [as_of, as_of, since, until],
    )
    rows += _named(
        con,
        "SELECT 'device limit', min(s.session_start), u.user_name, p.product, arg_min(t.team, s.session_start) "
        "FROM v_device_limit(?) d JOIN int_session_team(?) s ON s.session_key = d.session_key "
        + names
        + in_period
        + " GROUP BY u.user_name, p.product",
        [as_of, as_of, since, until],
    )
    rows += _named(
        con,
        "SELECT 'plug-in auto-start', s.session_start, u.user_name, p.product, t.team FROM v_plugin_autostarts(?) a "
        "JOIN int_session_team(?) s ON s.session_key = a.session_key " + names + in_period,
        [as_of, as_of, since, until],
    )
    rows += _named(
        con,
        "SELECT 'unterminated session', s.session_end, u.user_name, p.product, t.team FROM int_session_team(?) s "
        + names
        + in_period
        + " AND s.unterminated",
        [as_of, since, until],
    )
    return sorted(rows, key=repr)


def check_alerts_agree(con, as_of: datetime, f: Filters | None = None) -> list[tuple]:
    """Alerts over the period against the session models over the whole store."""
    f = f or Filters.default(as_of)
    alerts = panes.load_alerts(con, f).filter(pl.col("kind").is_in(SESSION_KINDS))
    got = sorted((tuple(r) for r in alerts.select("kind", "ts", "user", "product", "team").iter_rows()), key=repr)
    assert got == expected_session_alerts(con, as_of, f.since_instant, f.until_instant)
    return got
