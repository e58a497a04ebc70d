"""What each report is: its contract columns (data-contract.md, in order),
its sort, the date ``--since``/``--until`` apply to, and the options it takes.

The column lists here are the contract scripts depend on; the SQL in
``queries/reports/<name>.sql`` must return exactly them (checked in
:func:`app.reports.runner.query`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReportSpec:
    name: str
    title: str  # for people: table heading and empty-state message
    columns: tuple[str, ...]
    sorted_by: str
    period_on: str | None  # what --since/--until filter on; None: no period
    takes_team: bool = True
    takes_tz: bool = False


REPORTS: dict[str, ReportSpec] = {
    s.name: s
    for s in (
        ReportSpec(
            "charges",
            "Charges",
            ("window_start", "window_end", "user", "product", "team", "tokens"),
            "window_start, user, product",
            "the UTC day of window_start",
        ),
        ReportSpec(
            "denials",
            "Denials",
            ("ts", "user", "product", "team", "reason"),
            "ts, user, product",
            "the UTC day of ts",
        ),
        ReportSpec(
            "packs",
            "Token packs",
            (
                "pack_id",
                "team",
                "tokens",
                "purchased_on",
                "expires_on",
                "draw_rank",
                "consumed",
                "forfeited",
                "remaining",
            ),
            "team, draw_rank",
            "purchased_on",
        ),
        ReportSpec(
            "balances",
            "Balances",
            ("team", "balance", "burn_30d", "runway_days", "next_expiry", "expiring_90d"),
            "team",
            None,  # a balance is a point in time: --as-of, not a period
        ),
        ReportSpec(
            "daily",
            "Daily tokens",
            ("day", "team", "product", "users", "windows", "tokens"),
            "day, team, product",
            "day (in --tz)",
            takes_tz=True,
        ),
        ReportSpec(
            "idle",
            "Idle time",
            ("user", "product", "sessions", "span_seconds", "active_seconds", "idle_seconds"),
            "user, product",
            "the UTC day of each session's first event",
        ),
        ReportSpec(
            "rejects",
            "Rejected input rows",
            ("file", "line", "reason", "raw"),
            "file, line",
            "the UTC day of the import",
            takes_team=False,
        ),
        ReportSpec(
            "subscriptions",
            "Flex or a named subscription (R20)",
            (
                "user",
                "product",
                "days",
                "tokens",
                "flex_cost",
                "currency",
                "coverage_days",
                "annual_cost",
                "subscription_price",
                "break_even_days",
                "recommendation",
                "saving",
            ),
            "saving descending, user, product",
            None,  # R20 names its own year: the 365 days up to --as-of
            takes_team=False,  # R20: all teams together
        ),
        ReportSpec(
            "collections",
            "A collection instead of Flex (R20)",
            (
                "user",
                "collection",
                "products",
                "flex_cost",
                "currency",
                "coverage_days",
                "annual_cost",
                "collection_price",
                "recommendation",
                "saving",
            ),
            "saving descending, user, collection",
            None,  # R20's year up to --as-of
            takes_team=False,
        ),
        ReportSpec(
            "forecast",
            "Forecast (R21)",
            (
                "team",
                "balance",
                "burn_30d",
                "runs_out_on",
                "highest_rate",
                "tokens_at_risk",
                "forecast_30d",
                "backtest_error",
            ),
            "team",
            None,  # a projection from --as-of forward
        ),
        ReportSpec(
            "waste",
            "Idle savings and open-product waste (R22)",
            ("user", "product", "windows", "tokens", "idle_savings_tokens", "open_waste_tokens"),
            "open_waste_tokens descending, user, product",
            "the UTC day of window_start",
            takes_team=False,  # R22: per user and product, all teams
        ),
        ReportSpec(
            "chargeback",
            "Chargeback (R23, R25)",
            ("month", "team", "group", "tokens", "cost", "currency"),
            "month, team, group",
            "the day of window_start (in --tz)",
            takes_tz=True,
        ),
        ReportSpec(
            "reconcile",
            "The vendor's bill against the computed charges (R24)",
            (
                "day",
                "user",
                "product",
                "team_billed",
                "team_computed",
                "tokens_billed",
                "tokens_computed",
                "status",
            ),
            "day, user, product",
            "day (in --tz)",
            takes_tz=True,
        ),
        ReportSpec(
            "gaps",
            "Days missing from the vendor's exports (R24)",
            ("day", "tokens_computed"),
            "day",
            "day (in --tz)",
            takes_tz=True,
        ),
    )
}

NAMES: tuple[str, ...] = tuple(REPORTS)

# Headings for the `table` format (people read it; scripts read csv/json).
HEADINGS: dict[str, str] = {
    "window_start": "Window start (UTC)",
    "window_end": "Window end (UTC)",
    "ts": "When (UTC)",
    "user": "User",
    "product": "Product",
    "team": "Team",
    "tokens": "Tokens",
    "reason": "Reason",
    "pack_id": "Pack",
    "purchased_on": "Purchased",
    "expires_on": "Expires",
    "draw_rank": "Draw order",
    "consumed": "Consumed",
    "forfeited": "Forfeited",
    "remaining": "Remaining",
    "balance": "Balance",
    "burn_30d": "Burn 30 d",
    "runway_days": "Runway (days)",
    "next_expiry": "Next expiry",
    "expiring_90d": "Expiring ≤ 90 d",
    "day": "Day",
    "users": "Users",
    "windows": "Windows",
    "sessions": "Sessions",
    "span_seconds": "Span",
    "active_seconds": "Active",
    "idle_seconds": "Idle-paused",
    "file": "File",
    "line": "Line",
    "raw": "Raw row",
    "days": "Days",
    "flex_cost": "Flex cost",
    "currency": "Currency",
    "coverage_days": "History (days)",
    "annual_cost": "Annual cost",
    "subscription_price": "Subscription",
    "break_even_days": "Break-even (days)",
    "recommendation": "Recommendation",
    "saving": "Saving / year",
    "collection": "Collection",
    "products": "Products",
    "collection_price": "Collection price",
    "runs_out_on": "Runs out on",
    "highest_rate": "Highest rate",
    "tokens_at_risk": "At risk",
    "forecast_30d": "Forecast 30 d",
    "backtest_error": "Backtest MAPE",
    "idle_savings_tokens": "Idle saved",
    "open_waste_tokens": "Open waste",
    "month": "Month",
    "group": "Group",
    "cost": "Cost",
    "team_billed": "Team billed",
    "team_computed": "Team computed",
    "tokens_billed": "Billed",
    "tokens_computed": "Computed",
    "status": "Status",
}

# Columns holding seconds: shown as h:mm:ss in tables (raw seconds in csv/json).
DURATIONS = frozenset({"span_seconds", "active_seconds", "idle_seconds"})
