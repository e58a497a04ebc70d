"""The Forecast and Advice panes (issue 11): data from app.dashboard.advice,
rendered here; the app's PANES list (panes.py) drives them."""

from __future__ import annotations

import polars as pl
from rich.markup import escape
from textual.app import ComposeResult
from textual.widgets import Static

from app import textsafe
from app.dashboard import advice as core
from app.tui.help import PaneHelp
from app.tui.widgets.forecast_chart import ForecastChart
from app.tui.widgets.frame_table import FrameTable
from app.tui.widgets.pane_base import OpenWhy, Pane


class ForecastPane(Pane):
    pane_id = "forecast"
    title = "Forecast"
    fetch = staticmethod(core.load_forecast)
    charges_source = True
    help = PaneHelp(
        what="When each team runs out and what will expire unused, projected from its own weekly pattern; "
        "for the chosen team (else the first to run out) the balance of the last 60 days, the projection "
        "of the next 90 with its uncertainty band, the packs that will expire with tokens left and the "
        "purchases that keep it above its highest rate.",
        columns={
            "runs out on": "the day the projected balance falls below the team's highest daily rate",
            "at risk": "tokens projected to expire unused",
            "next 30d": "projected use of the next 30 days (not capped by the balance)",
            "top rate": "the highest daily rate the team used in the last 30 days",
            "MAPE %": "the projection's error on the store's own past (backtest)",
        },
        rules=("R13", "R14", "R16", "R21"),
        source="report forecast and flexdash plan (README, Forecast method).",
    )

    def compose(self) -> ComposeResult:
        yield Static("Forecast (R21): runway, tokens at risk, backtest error", classes="pane-title")
        yield FrameTable(
            id="forecast-table",
            labels={
                "burn_30d": "burn 30d",
                "runs_out_on": "runs out on",
                "highest_rate": "top rate",
                "tokens_at_risk": "at risk",
                "forecast_30d": "next 30d",
                "backtest_error": "MAPE %",
            },
            empty_text="No team yet.",
            may_hide=("backtest_error", "highest_rate", "forecast_30d", "burn_30d", "balance"),
        )
        yield Static("", id="forecast-chart-title", classes="pane-subtitle")
        yield ForecastChart(id="forecast-chart")
        yield Static("", id="forecast-advice", classes="pane-subtitle")

    def show(self, data: core.ForecastData, complete: bool = True) -> None:
        # what a small terminal must keep first: when it runs out, what is lost
        first = ["team", "runs_out_on", "tokens_at_risk", "balance", "burn_30d", "forecast_30d", "highest_rate"]
        table = data.table.select(*first, "backtest_error") if data.table.width else data.table
        self.query_one("#forecast-table", FrameTable).show(table)
        team = escape(textsafe.show(data.team or "no team"))
        out = data.runs_out_on.isoformat() if data.runs_out_on else f"not within {core.AHEAD_DAYS} days"
        self.query_one("#forecast-chart-title", Static).update(
            f"Balance of {team}: [cyan]█[/] last {core.HISTORY_DAYS} days, [yellow]█[/] projected "
            f"{core.AHEAD_DAYS} days, [yellow]░[/] uncertainty · runs out: [b]{out}[/]"
        )
        self.query_one("#forecast-chart", ForecastChart).show(data.history, data.projection)
        lines = []
        for r in data.expiring.iter_rows(named=True):
            lines.append(
                f"pack {escape(textsafe.show(r['pack_id']))} expires {r['expires_on']} with {r['tokens_left']:,} tokens left"
            )
        if data.purchases.height:
            buys = ", ".join(f"{r['pack_size']:,} on {r['buy_on']}" for r in data.purchases.iter_rows(named=True))
            lines.append(f"buy: {buys} ({data.plan_cost}) to hold {core.AHEAD_DAYS} days")
        elif data.team is not None:
            lines.append(f"nothing to buy for the next {core.AHEAD_DAYS} days")
        self.query_one("#forecast-advice", Static).update("\n".join(lines))


class AdvicePane(Pane):
    pane_id = "savings"
    title = "Advice"
    fetch = staticmethod(core.load_advice)
    charges_source = True
    help = PaneHelp(
        what="The actions with the most money in them: users to move to a named subscription, "
        "products left open where idle detection is missing, plug-ins that start with their host.",
        columns={
            "saving": "a year's saving (subscriptions) or the period's cost (open products, auto-starts)",
            "action": "what to do",
            "why": "the figures behind it",
        },
        rules=("R11", "R20", "R22", "R23"),
        source="report subscriptions, report waste and the plug-in auto-starts, at the packs' prices.",
        keys={"Enter": "why this user and product were charged"},
    )

    def compose(self) -> ComposeResult:
        yield Static("Advice: the actions with the most money in them", classes="pane-title")
        yield Static("", id="advice-summary", classes="pane-subtitle")
        yield FrameTable(
            id="advice-table",
            empty_text="Nothing to save in this period.",
            decimals={"saving": 2},  # money
            may_hide=("why", "currency", "product"),
        )

    def show(self, data: pl.DataFrame, complete: bool = True) -> None:
        total = data.group_by("currency").agg(pl.col("saving").sum()).sort("currency") if data.height else None
        summary = (
            "  ".join(f"[b]{s:,.2f}[/] {escape(c or '')}" for c, s in total.iter_rows()) if total is not None else "—"
        )
        self.query_one("#advice-summary", Static).update(f"{data.height} actions, {summary} in all · Enter: why")
        rows = data.with_columns(pl.col("saving").round(2)).select(
            "saving", "currency", "action", "product", "user", "why"
        )
        self.query_one("#advice-table", FrameTable).show(rows)

    def on_frame_table_row_chosen(self, event: FrameTable.RowChosen) -> None:
        event.stop()
        self.post_message(OpenWhy(event.row["user"], event.row["product"]))
