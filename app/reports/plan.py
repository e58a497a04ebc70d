"""``flexdash plan`` (R21): the purchases that keep each team's projected
balance at or above its highest daily rate over a horizon, from the token
price table, and what each plan would forfeit.

A purchase is made on a projected run-out day. Candidate plans, one per
pack size S: at each run-out day buy the smallest size up to S after which
the projection holds, or S when none does; the cheapest candidate wins (then the
one forfeiting least). Every candidate is minimal: without its last
purchase, or with that purchase one size smaller, the projection runs out
within the horizon.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import duckdb
import polars as pl

from app.reports import sqlrun
from app.reports.forecast import HORIZON, day_date, day_number, forecast_team, load_inputs, projected_charges, simulate
from app.reports.params import ReportParams
from app.reports.projection import Pack

MAX_PURCHASES = 60  # a plan needing more says so rather than loop
COLUMNS = ("team", "buy_on", "pack_size", "price", "currency", "plan_cost", "tokens_forfeited", "runs_out_on")


@dataclass(frozen=True)
class Purchase:
    day: date
    pack_size: int
    price: Decimal
    currency: str


@dataclass(frozen=True)
class TeamPlan:
    team: str
    purchases: list[Purchase]
    tokens_forfeited: int  # every pack's tokens projected to expire unused, bought ones too
    runs_out_on: date | None  # with the plan, within the horizon (None: it holds)

    @property
    def cost(self) -> Decimal:
        return sum((p.price for p in self.purchases), Decimal("0.00"))


def expiry_day(day: int) -> int:
    """R13: a pack bought on day D is valid until D + 1 calendar year."""
    d = day_date(day)
    try:
        return day_number(d.replace(year=d.year + 1))
    except ValueError:  # 29 February -> 28 February
        return day_number(d.replace(year=d.year + 1, day=28))


def plan_team(inputs, as_of, horizon: int, sizes: list[tuple[int, Decimal, str]]) -> TeamPlan:
    """``sizes``: (pack size, unit price, currency), ascending sizes. One
    candidate plan per size S (the module's docstring); the best by
    :func:`_rank` wins."""
    days = max(HORIZON, horizon + 367)  # long enough for a bought pack to expire (forfeits)
    start, charges, _ = projected_charges(inputs, as_of, days)
    end = start + horizon

    within = charges[:horizon]  # a run-out after the horizon does not matter: simulate less

    def runs_out(extra):
        r = simulate(inputs, start, within, extra).runs_out_on
        return r if r is not None and r < end else None

    best = None
    for step in sizes:
        bought, plan = [], []
        when = runs_out(bought)
        while when is not None and len(plan) < MAX_PURCHASES:
            if best is not None and best.runs_out_on is None and sum(p.price for p in plan) > best.cost:
                break  # dearer than a plan that holds already
            smaller = [z for z in sizes if z[0] <= step[0]]
            enough = next((z for z in smaller if runs_out([*bought, _pack(len(plan), z[0], when)]) is None), None)
            choice = enough or step
            bought.append(_pack(len(plan), choice[0], when))
            plan.append(
                Purchase(day_date(when), choice[0], (choice[1] * choice[0]).quantize(Decimal("0.01")), choice[2])
            )
            when = runs_out(bought)
        forfeited = int(round(sum(simulate(inputs, start, charges, bought).forfeited.values())))
        candidate = TeamPlan(inputs.team, plan, forfeited, None if when is None else day_date(when))
        if best is None or _rank(candidate) < _rank(best):
            best = candidate
        if not plan:
            break  # nothing to buy: every candidate is this one
    return best


def _rank(p: TeamPlan) -> tuple:
    """Holding over the horizon first, then cost, forfeits, fewer purchases."""
    return (p.runs_out_on is not None, p.cost, p.tokens_forfeited, len(p.purchases))


def _pack(n: int, size: int, day: int) -> Pack:
    return Pack(f"(plan {n + 1})", size, day, expiry_day(day), float(size))


def plans(con: duckdb.DuckDBPyConnection, params: ReportParams, horizon: int) -> list[TeamPlan]:
    """A plan per team (``params.team``: that one), engine results valid at
    ``params.as_of`` on ``con``."""
    table = sqlrun.run(con, "reports/token_prices", params)
    sizes = [(r["pack_size"], Decimal(r["unit_price"]), r["currency"]) for r in table.iter_rows(named=True)]
    out = []
    for inputs in load_inputs(con, params):
        if not sizes:
            out.append(TeamPlan(inputs.team, [], 0, forecast_team(inputs, params.as_of).runs_out_on))
            continue
        currency = sizes[0][2]  # one currency's table: the first (normally the only one)
        out.append(plan_team(inputs, params.as_of, horizon, [s for s in sizes if s[2] == currency]))
    return out


def frame(team_plans: list[TeamPlan]) -> pl.DataFrame:
    """One row per purchase (a team needing none: one row without a purchase)."""
    rows = []
    for p in team_plans:
        common = (p.cost, p.tokens_forfeited, p.runs_out_on)
        if not p.purchases:
            rows.append((p.team, None, None, None, None, *common))
        for b in p.purchases:
            rows.append((p.team, b.day, b.pack_size, b.price, b.currency, *common))
    schema = {
        "team": pl.String,
        "buy_on": pl.Date,
        "pack_size": pl.Int64,
        "price": pl.Decimal(18, 2),
        "currency": pl.String,
        "plan_cost": pl.Decimal(18, 2),
        "tokens_forfeited": pl.Int64,
        "runs_out_on": pl.Date,
    }
    return pl.DataFrame(rows, schema=schema, orient="row")
