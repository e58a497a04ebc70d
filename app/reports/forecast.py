"""``flexdash report forecast`` (R21): per team, the demand model
(forecast_model.py) projected forward and the draw-down replayed on it
(projection.py): run-out day, tokens at risk, next 30 days, backtest.

The balance and burn are the balances report's (one definition), the packs'
remaining tokens the packs report's; the SQL here reads only the charged
history (queries/reports/forecast_*.sql).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta

import duckdb
import numpy as np
import polars as pl

from app.reports import sqlrun
from app.reports.forecast_model import MONTH, Model, backtest, project
from app.reports.params import ReportParams
from app.reports.projection import Outcome, Pack, replay

HORIZON = 366  # every pack valid today expires within it (R13)
RUNS_OUT_WITHIN = 365  # data contract: runs_out_on empty beyond
EPOCH = date(1970, 1, 1)
SECONDS_PER_DAY = 86_400


def day_number(d: date) -> int:
    return (d - EPOCH).days


def day_date(n: int) -> date:
    return EPOCH + timedelta(days=n)


@dataclass
class TeamInputs:
    team: str
    balance: int
    burn_30d: int
    highest_rate: int | None
    history: np.ndarray  # tokens per complete UTC day, first_day .. as_of day - 1
    first_day: int
    today_tokens: int  # charged on the as-of day up to the as-of
    recent: list[tuple[int, int, int]]  # (day, second of day, tokens) of the last 30 days
    packs: list[Pack]


@dataclass
class TeamForecast:
    inputs: TeamInputs
    start_day: int  # the as-of day
    charges: list[list[tuple[float, int]]]  # projected charges per day from start_day: (tokens, count) runs
    model: Model
    outcome: Outcome
    backtest_error: float | None
    demand: np.ndarray = field(default_factory=lambda: np.zeros(0))  # tokens per projected day

    @property
    def runs_out_on(self) -> date | None:
        r = self.outcome.runs_out_on
        return day_date(r) if r is not None and r < self.start_day + RUNS_OUT_WITHIN else None

    @property
    def tokens_at_risk(self) -> int:
        return int(round(sum(self.outcome.forfeited.values())))

    @property
    def forecast_30d(self) -> int:
        return int(round(float(self.demand[:MONTH].sum())))


def load_inputs(con: duckdb.DuckDBPyConnection, params: ReportParams) -> list[TeamInputs]:
    """Every team's history, packs and balance as of ``params.as_of`` (the
    engine's results already valid at it on ``con``)."""
    point = replace(params, since=None, until=None)
    balances = sqlrun.run(con, "reports/balances", point)  # balance, burn_30d: one definition
    packs = sqlrun.run(con, "reports/packs", point)  # remaining tokens as of the as-of
    first = sqlrun.run(con, "reports/first_day", point)["first_day"][0]
    as_of_day = day_number(_utc_date(params.as_of))
    first_day = day_number(first) if first is not None else as_of_day
    daily = sqlrun.run(con, "reports/forecast_daily", point).rows()
    recent = sqlrun.run(con, "reports/forecast_recent", point).rows()

    out = []
    for row in balances.iter_rows(named=True):
        team = row["team"]
        history = np.zeros(max(as_of_day - first_day, 0))
        today = 0
        for _, day, tokens in (r for r in daily if r[0] == team):
            k = day_number(day) - first_day
            if day_number(day) == as_of_day:
                today += tokens
            elif 0 <= k < len(history):
                history[k] += tokens
        mine = [(ts, tokens, rate) for t, ts, tokens, rate in recent if t == team]
        team_recent = [(day_number(_utc_date(ts)), _second_of_day(ts), tokens) for ts, tokens, _ in mine]
        team_packs = [
            Pack(
                p["pack_id"],
                p["tokens"],
                day_number(p["purchased_on"]),
                day_number(p["expires_on"]),
                float(p["remaining"]),
            )
            for p in packs.filter(pl.col("team") == team).sort("draw_rank").iter_rows(named=True)
        ]
        out.append(
            TeamInputs(
                team=team,
                balance=row["balance"],
                burn_30d=row["burn_30d"],
                highest_rate=max((rate for _, _, rate in mine), default=None),
                history=history,
                first_day=first_day,
                today_tokens=today,
                recent=team_recent,
                packs=team_packs,
            )
        )
    return out


def forecast_team(
    inputs: TeamInputs, as_of: datetime, extra_packs: list[Pack] = (), days: int = HORIZON, *, with_backtest=True
) -> TeamForecast:
    """Project ``inputs`` from the as-of day over ``days`` days and replay
    the draw-down (with ``extra_packs`` bought, for the plan)."""
    start, charges, model = projected_charges(inputs, as_of, days)
    outcome = simulate(inputs, start, charges, extra_packs)
    error = backtest(inputs.history, inputs.first_day) if with_backtest else None
    return TeamForecast(
        inputs, start, charges, model, outcome, error, np.array([sum(a * n for a, n in c) for c in charges])
    )


def projected_charges(inputs: TeamInputs, as_of: datetime, days: int = HORIZON):
    """(first projected day, the charges of each projected day, the model)."""
    start = inputs.first_day + len(inputs.history)
    demand, model = project(inputs.history, inputs.first_day, days)
    charges = _charges(inputs, model, demand, start, _second_of_day(as_of), inputs.highest_rate or 0, days)
    return start, charges, model


def simulate(inputs: TeamInputs, start: int, charges, extra_packs: list[Pack] = ()) -> Outcome:
    """The draw-down on the projected charges (R13, R14, R16), the team's
    packs as of the as-of plus ``extra_packs``."""
    packs = [replace(p) for p in inputs.packs] + [replace(p) for p in extra_packs]
    packs.sort(key=lambda p: (p.valid_until, p.tokens, p.pack_id))  # R14 draw order
    return replay(packs, charges, start, inputs.highest_rate or 0)


def _charges(inputs: TeamInputs, model: Model, demand, start: int, as_of_second: int, rate: int, days: int):
    """The charges of each projected day. Repeating weeks (R21's decision):
    the charges of the same weekday of the last week, one by one; on the
    as-of day, those opening after the as-of time of day. Otherwise the
    day's projected tokens in pieces of the highest rate (a denial refuses
    one piece, R16); on the as-of day, less what it has charged already."""
    out = []
    if model.repeating:
        week = {d: [] for d in range(start - 7, start)}
        for day, second, tokens in inputs.recent:
            if day in week:
                week[day].append((second, tokens))
        for k in range(days):
            template = week[start - 7 + k % 7]
            out.append(_runs([float(t) for s, t in template if k > 0 or s > as_of_second]))
        return out
    for k in range(days):
        tokens = float(demand[k]) - (inputs.today_tokens if k == 0 else 0)
        out.append(_pieces(max(tokens, 0.0), rate))
    return out


def _runs(amounts: list[float]) -> list[tuple[float, int]]:
    """Consecutive equal charges as (tokens, count), order kept (R16)."""
    out: list[tuple[float, int]] = []
    for a in amounts:
        if out and out[-1][0] == a:
            out[-1] = (a, out[-1][1] + 1)
        else:
            out.append((a, 1))
    return out


def _pieces(tokens: float, rate: int) -> list[tuple[float, int]]:
    if tokens <= 0:
        return []
    if rate <= 0:
        return [(tokens, 1)]
    whole, rest = divmod(tokens, rate)
    return [(float(rate), int(whole))] + ([(rest, 1)] if rest > 1e-9 else [])


def frame(con: duckdb.DuckDBPyConnection, params: ReportParams) -> pl.DataFrame:
    """The forecast report: the data contract's columns, sorted by team."""
    rows = []
    for inputs in load_inputs(con, params):
        f = forecast_team(inputs, params.as_of)
        rows.append(
            (
                inputs.team,
                inputs.balance,
                inputs.burn_30d,
                f.runs_out_on,
                inputs.highest_rate,
                f.tokens_at_risk,
                f.forecast_30d,
                None if f.backtest_error is None else round(f.backtest_error, 2),
            )
        )
    schema = {
        "team": pl.String,
        "balance": pl.Int64,
        "burn_30d": pl.Int64,
        "runs_out_on": pl.Date,
        "highest_rate": pl.Int64,
        "tokens_at_risk": pl.Int64,
        "forecast_30d": pl.Int64,
        "backtest_error": pl.Float64,
    }
    return pl.DataFrame(rows, schema=schema, orient="row").sort("team")


def _utc_date(ts: datetime) -> date:
    return ts.astimezone(UTC).date()


def _second_of_day(ts: datetime) -> int:
    t = ts.astimezone(UTC)
    return t.hour * 3600 + t.minute * 60 + t.second
