"""Evaluating the budgets as of an instant, on the numbers the reports
print (balances, forecast, chargeback: one definition each). Months are
UTC calendar months, up to the as-of."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import UTC

import duckdb
import polars as pl

from app.budgets.config import Budgets
from app.reports import ReportParams, forecast, sqlrun

OK, WARNING, CRITICAL = 0, 1, 2  # flexdash check's exit codes (monitoring convention)


@dataclass(frozen=True)
class Breach:
    kind: str  # team_balance, tokens_at_risk, monthly_spend, user_monthly_tokens
    severity: str  # warning | critical
    subject: str  # "team X", "group Y", "user Z"
    value: str
    threshold: str
    message: str

    def as_json(self) -> dict:
        return asdict(self)


def exit_code(breaches: list[Breach]) -> int:
    if any(b.severity == "critical" for b in breaches):
        return CRITICAL
    return WARNING if breaches else OK


def evaluate(con: duckdb.DuckDBPyConnection, budgets: Budgets, params: ReportParams) -> list[Breach]:
    """Every breached budget, engine results valid at ``params.as_of`` on ``con``."""
    month_start = params.as_of.astimezone(UTC).date().replace(day=1)
    month = replace(params, team=None, since=month_start, until=None, tz="UTC")
    point = replace(params, team=None, since=None, until=None, tz="UTC")
    out: list[Breach] = []
    if budgets.team_balance:
        balances = sqlrun.run(con, "reports/balances", point)
        valid = dict(sqlrun.run(con, "budgets/valid_pack_tokens", point).rows())
        for rule in budgets.team_balance:
            for row in _teams(balances, rule.team):
                team, balance = row["team"], row["balance"]
                bought = valid.get(team, 0)
                if rule.below_share is not None and bought > 0 and balance < rule.below_share * bought:
                    share = balance / bought
                    out.append(
                        Breach(
                            "team_balance",
                            rule.severity,
                            f"team {team}",
                            f"{share:.0%}",
                            f"{rule.below_share:.0%}",
                            f"balance {balance:,} is {share:.0%} of the {bought:,} tokens of its valid packs "
                            f"(below {rule.below_share:.0%})",
                        )
                    )
                runway = row["runway_days"]
                if rule.below_runway_days is not None and runway is not None and runway < rule.below_runway_days:
                    out.append(
                        Breach(
                            "team_balance",
                            rule.severity,
                            f"team {team}",
                            f"{runway} days",
                            f"{rule.below_runway_days} days",
                            f"runway {runway} days at the 30-day burn (below {rule.below_runway_days})",
                        )
                    )
    if budgets.tokens_at_risk:
        projected = forecast.frame(con, point)
        for rule in budgets.tokens_at_risk:
            for row in _teams(projected, rule.team):
                if row["tokens_at_risk"] > rule.above:
                    out.append(
                        Breach(
                            "tokens_at_risk",
                            rule.severity,
                            f"team {row['team']}",
                            f"{row['tokens_at_risk']:,}",
                            f"{rule.above:,}",
                            f"{row['tokens_at_risk']:,} tokens projected to expire unused (above {rule.above:,})",
                        )
                    )
    if budgets.monthly_spend:
        spend = sqlrun.run(con, "reports/chargeback", month)
        for rule in budgets.monthly_spend:
            by = "group" if rule.group is not None else "team"
            chosen = rule.group if rule.group is not None else rule.team
            rows = spend.filter(pl.col("currency") == rule.currency)
            if chosen is not None:
                rows = rows.filter(pl.col(by) == chosen)
            totals = rows.group_by(by).agg(pl.col("cost").sum()).sort(by)
            for name, cost in totals.rows():
                if cost > rule.budget:
                    out.append(
                        Breach(
                            "monthly_spend",
                            rule.severity,
                            f"{by} {name}",
                            f"{cost:,.2f} {rule.currency}",
                            f"{rule.budget:,.2f} {rule.currency}",
                            f"spent {cost:,.2f} {rule.currency} since {month_start.isoformat()} "
                            f"(budget {rule.budget:,.2f})",
                        )
                    )
    if budgets.user_monthly_tokens:
        users = sqlrun.run(con, "budgets/user_month_tokens", month)
        for rule in budgets.user_monthly_tokens:
            rows = users if rule.user is None else users.filter(pl.col("user") == rule.user)
            for user, tokens in rows.rows():
                if tokens > rule.above:
                    out.append(
                        Breach(
                            "user_monthly_tokens",
                            rule.severity,
                            f"user {user}",
                            f"{tokens:,}",
                            f"{rule.above:,}",
                            f"{tokens:,} tokens since {month_start.isoformat()} (above {rule.above:,})",
                        )
                    )
    return out


def _teams(frame: pl.DataFrame, team: str | None):
    rows = frame if team is None else frame.filter(pl.col("team") == team)
    return rows.iter_rows(named=True)
