"""The Forecast and Advice panes' data, and the budgets the Alerts pane
shows (issue 11). Core: no Textual; every number comes from the reports
(forecast, plan, subscriptions, waste) or the models they read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import duckdb
import polars as pl
import pyarrow as pa

from app.budgets import config
from app.budgets.evaluate import evaluate
from app.dashboard.cache import PaneCache
from app.dashboard.filters import Filters
from app.dashboard.reader import files_signature, frame
from app.errors import UsageError
from app.reports import ReportParams, query, waste
from app.reports.forecast import day_date, forecast_team, load_inputs, simulate
from app.reports.params import check, spec_for
from app.reports.plan import plans

HISTORY_DAYS = 60  # the chart's past
AHEAD_DAYS = 90  # the chart's projection and the suggested purchases' horizon
DEFAULT_SPREAD = 0.25  # the band where no backtest error exists yet


@dataclass
class ForecastData:
    table: pl.DataFrame  # report forecast, the chosen team or all
    team: str | None  # the team charted (the chosen one, else the first to run out)
    history: pl.DataFrame  # day, balance
    projection: pl.DataFrame  # day, balance, low, high (the band: demand x (1 -/+ backtest error))
    runs_out_on: date | None
    expiring: pl.DataFrame  # pack_id, expires_on, tokens_left (projected to expire unused)
    purchases: pl.DataFrame  # buy_on, pack_size, price, currency
    plan_cost: str


def load_forecast(con: duckdb.DuckDBPyConnection, f: Filters) -> ForecastData:
    params = ReportParams(as_of=f.as_of, team=f.team)
    table = query(con, "forecast", params)
    if f.team is not None:
        team = f.team
    elif table.height:
        team = table.sort("runs_out_on", nulls_last=True)["team"][0]
    else:
        team = None
    empty = pl.DataFrame()
    if team is None:
        return ForecastData(table, None, empty, empty, None, empty, empty, "")
    chosen = ReportParams(as_of=f.as_of, team=team)
    (inputs,) = load_inputs(con, chosen)
    fc = forecast_team(inputs, f.as_of)
    spread = fc.backtest_error / 100 if fc.backtest_error is not None else DEFAULT_SPREAD
    low = simulate(inputs, fc.start_day, _scaled(fc.charges, 1 + spread)).balance  # more demand: lower balance
    high = simulate(inputs, fc.start_day, _scaled(fc.charges, max(0.0, 1 - spread))).balance
    days = [day_date(fc.start_day + k) for k in range(AHEAD_DAYS)]
    projection = pl.DataFrame(
        {
            "day": days,
            "balance": fc.outcome.balance[:AHEAD_DAYS],
            "low": low[:AHEAD_DAYS],
            "high": high[:AHEAD_DAYS],
        }
    )
    last = f.as_of.date()
    history = frame(
        con,
        "dashboard/balance_history",
        {"as_of": f.as_of, "team": team, "first_day": last - timedelta(days=HISTORY_DAYS - 1), "last_day": last},
    ).select("day", "balance")
    expiring = pl.DataFrame(
        [(pid, day_date(fc.outcome.forfeit_day[pid]), round(left)) for pid, left in fc.outcome.forfeited.items()],
        schema={"pack_id": pl.String, "expires_on": pl.Date, "tokens_left": pl.Int64},
        orient="row",
    ).filter(pl.col("tokens_left") > 0)
    (plan,) = plans(con, chosen, AHEAD_DAYS)
    purchases = pl.DataFrame(
        [(b.day, b.pack_size, float(b.price), b.currency) for b in plan.purchases],
        schema={"buy_on": pl.Date, "pack_size": pl.Int64, "price": pl.Float64, "currency": pl.String},
        orient="row",
    )
    cost = f"{plan.cost:,.2f} {plan.purchases[0].currency}" if plan.purchases else ""
    return ForecastData(table, team, history, projection, fc.runs_out_on, expiring, purchases, cost)


def _scaled(charges, factor: float):
    return [[(a * factor, n) for a, n in day] for day in charges]


ADVICE_SCHEMA = {
    "action": pl.String,
    "user": pl.String,
    "product": pl.String,
    "saving": pl.Float64,
    "currency": pl.String,
    "why": pl.String,
}


# R22's replays (~4 s at 10 M events) depend only on the store's files and
# the events up to the as-of: kept per store state, so that reloading an
# unchanged store (a new "now", another period or team) does not replay it.
REPLAYS = PaneCache(max_entries=2)


def waste_replays(con: duckdb.DuckDBPyConnection, as_of: datetime) -> pa.Table:
    """``app.reports.waste.replays_table(con, as_of)``, from REPLAYS when
    the store's files and its events up to ``as_of`` are those it was made of."""
    path, events = frame(con, "dashboard/replays_key", {"as_of": as_of}).row(0)
    if path is None:  # an in-memory store has no files to tell its changes by
        return waste.replays_table(con, as_of)
    key = (path, files_signature(path), events)
    table = REPLAYS.get(key)
    if table is None:
        table = waste.replays_table(con, as_of)
        REPLAYS.put(key, table)
    return table


def load_advice(con: duckdb.DuckDBPyConnection, f: Filters) -> pl.DataFrame:
    """Actions ranked by the money in them: users to move to a named
    subscription (R20, a year's saving), products left open (R22, the open
    waste of the period at the list token price), plug-ins that start with
    their host (R11, what their windows cost in the period)."""
    rows = []
    subs = query(con, "subscriptions", ReportParams(as_of=f.as_of))
    for r in subs.filter(pl.col("recommendation") == "subscription").iter_rows(named=True):
        rows.append(
            (
                "move to a subscription",
                r["user"],
                r["product"],
                float(r["saving"]),
                r["currency"],
                f"{r['days']} days a year (break-even {r['break_even_days']}); a year's saving",
            )
        )
    prices = dict(frame(con, "dashboard/list_token_price").rows())
    currency, price = next(iter(prices.items()), ("USD", 0.0))
    params = check(con, spec_for("waste"), ReportParams(as_of=f.as_of, since=f.since, until=f.until))
    waste_rows = waste.frame(con, params, replays=waste_replays(con, f.as_of))
    for r in waste_rows.filter(pl.col("open_waste_tokens") > 0).iter_rows(named=True):
        rows.append(
            (
                "close idle products",
                r["user"],
                r["product"],
                r["open_waste_tokens"] * price,
                currency,
                f"{r['open_waste_tokens']} tokens in the period for time left open (close it, or a version "
                "that detects idleness)",
            )
        )
    auto = frame(con, "dashboard/autostart_costs", f.sql_params())
    for r in auto.filter(pl.col("cost") > 0).iter_rows(named=True):
        rows.append(
            (
                "stop plug-in auto-start",
                r["user"],
                r["product"],
                float(r["cost"] or 0),
                r["currency"] or currency,
                f"{r['sessions']} auto-started sessions, {r['tokens']} tokens in the period",
            )
        )
    out = pl.DataFrame(rows, schema=ADVICE_SCHEMA, orient="row")
    if f.team is not None and out.height:
        # subscriptions and waste are per user: keep the team's users (the auto-starts are the team's already)
        users = set(query(con, "charges", ReportParams(as_of=f.as_of, team=f.team))["user"].to_list())
        out = out.filter(pl.col("user").is_in(users))
    return out.sort(["saving", "user", "product"], descending=[True, False, False])


ALERT_SCHEMA = {
    "kind": pl.String,
    "ts": pl.Datetime("us", "UTC"),
    "user": pl.String,
    "product": pl.String,
    "team": pl.String,
    "detail": pl.String,
}


def budget_alerts(con: duckdb.DuckDBPyConnection, f: Filters, path: str | None = None) -> pl.DataFrame:
    """The breached budgets of the budgets file (app.budgets.config), as
    rows of the Alerts pane: kind 'budget (critical|warning)', the subject
    in ``user``; a file that does not validate is one row saying why."""
    try:
        budgets, _ = config.load(path)
    except UsageError as exc:
        return pl.DataFrame([("budget file", f.as_of, "", None, None, str(exc))], schema=ALERT_SCHEMA, orient="row")
    rows = []
    for b in evaluate(con, budgets, ReportParams(as_of=f.as_of)):
        team = b.subject.removeprefix("team ") if b.subject.startswith("team ") else None
        if f.team is not None and team not in (None, f.team):
            continue
        rows.append((f"budget ({b.severity})", f.as_of, b.subject, None, team, b.message))
    return pl.DataFrame(rows, schema=ALERT_SCHEMA, orient="row")
