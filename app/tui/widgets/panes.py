"""The dashboard's panes, in the order of their keys (PANES). Each names
the core function that fetches its data (run in a thread worker by the app)
and renders what it returns; no SQL here. Balances, Expirations and Rates
live here; the period's activity in panes_activity.py."""

from __future__ import annotations

import polars as pl
from textual.app import ComposeResult
from textual.widgets import Static

from app import textsafe
from app.dashboard import panes as core
from app.tui.help import PaneHelp
from app.tui.widgets.charts import BalancePlot
from app.tui.widgets.frame_table import FrameTable
from app.tui.widgets.pane_base import ChooseTeam, OpenWhy, Pane, PaneFilter
from app.tui.widgets.panes_activity import AlertsPane, ChartsPane, EmptyStore, ImportsPane, UsagePane

BAND_MARKUP = {
    "critical": "[bold red]● below threshold[/]",
    "low": "[yellow]● below 20 %[/]",
    "ok": "[green]● ok[/]",
    "none": "[dim]no valid pack[/]",
}


class BalancesPane(Pane):
    pane_id = "balances"
    title = "Balances"
    help = PaneHelp(
        what="Each team's tokens today, how fast they go and until when they last; "
        "the chart shows the balance day by day with purchases and expiries.",
        columns={
            "balance": "tokens left in the team's valid packs",
            "purchased": "tokens of those packs when bought",
            "left %": "balance as a share of purchased, one decimal",
            "status": "below threshold: under --warn-below (default 10 %); below 20 %: the vendor's band",
            "used 7 / 30 days": "tokens charged in the 7 or 30 days up to as-of",
            "lasts until": "the day the balance runs out at the 30-day use (expiries not subtracted)",
            "next expiry": "the first day a valid pack with tokens left expires",
            "expiring ≤ 90 days": "tokens left in packs that expire within 90 days",
            "denials in period": "windows refused for balance in the period (Alerts counts the same)",
        },
        rules=("R13", "R14", "R15", "R16", "R21"),
        source="report balances (the same numbers as `flexdash report balances`), denials and packs.",
        keys={"Enter": "chart the chosen team (the team filter follows)"},
    )
    fetch = staticmethod(core.load_balances)
    charges_source = True

    def compose(self) -> ComposeResult:
        yield Static("Balances (tokens)", classes="pane-title")
        yield FrameTable(
            id="balances-table",
            labels={
                "balance": "balance",
                "purchased": "purchased",
                "share_left": "left %",
                "band": "status",
                "burn_7d": "used 7 days",
                "burn_30d": "used 30 days",
                "runway_on": "lasts until",
                "next_expiry": "next expiry",
                "expiring_90d": "expiring ≤ 90 days",
                "denials": "denials in period",
            },
            empty_text="No team has packs or charges yet.",
            markup=frozenset({"band"}),
            may_hide=("purchased", "burn_7d", "denials", "next_expiry", "share_left", "burn_30d"),
        )
        yield Static("", id="chart-title", classes="pane-subtitle")
        yield BalancePlot(id="balance-chart")

    def show(self, data: core.BalancesData, complete: bool = True) -> None:
        table = data.table.with_columns(
            pl.col("band").replace_strict(BAND_MARKUP, default="").alias("band"),
        ).select(
            "team",
            "balance",
            "purchased",
            "share_left",
            "band",
            "burn_7d",
            "burn_30d",
            "runway_on",
            "next_expiry",
            "expiring_90d",
            "denials",
        )
        self.query_one("#balances-table", FrameTable).show(table)
        who = data.history_team or "all teams"
        band = data.history_band
        self.query_one("#chart-title", Static).update(
            f"Balance of {textsafe.textual_markup(who)}, last {data.history.height} days  "
            "[green]▲[/] purchase  [red]✕[/] pack expired  (Enter on a team: its chart)"
        )
        self.query_one("#balance-chart", BalancePlot).show(data.history, band)

    def on_frame_table_row_chosen(self, event: FrameTable.RowChosen) -> None:
        event.stop()
        self.post_message(ChooseTeam(event.row["team"]))


def _expiry_text(days: pl.Expr) -> pl.Expr:
    """Days to a pack's expiry in words: "in 24 days", "today", "expired 81 days ago"."""
    plural = pl.when(days.abs() == 1).then(pl.lit(" day")).otherwise(pl.lit(" days"))
    return (
        pl.when(days > 0)
        .then("in " + days.cast(pl.String) + plural)
        .when(days == 0)
        .then(pl.lit("today"))
        .otherwise("expired " + (-days).cast(pl.String) + plural + " ago")
    )


class ExpirationsPane(Pane):
    pane_id = "expirations"
    title = "Expirations"
    help = PaneHelp(
        what="Every pack of the team in the order charges draw from them, and what will expire unused.",
        columns={
            "draw order": "1 is drawn first: earliest expiry, then smallest, then pack id",
            "purchased on / expires": "a pack is valid one year from its purchase day (UTC)",
            "expiry": "in N days, today, or expired N days ago",
            "consumed": "tokens charged from the pack up to as-of",
            "forfeited": "tokens left when it expired: lost",
            "remaining": "tokens left now",
            "at risk (tokens)": "of the remaining, what the 30-day use will not reach before expiry",
        },
        rules=("R13", "R14", "R21"),
        source="report packs, with the team's use of the last 30 days.",
    )
    fetch = staticmethod(core.load_expirations)
    charges_source = True

    def compose(self) -> ComposeResult:
        yield Static("Expirations (packs in draw order)", classes="pane-title")
        yield Static("", id="expiry-summary", classes="pane-subtitle")
        yield FrameTable(
            id="packs-table",
            labels={
                "draw_rank": "draw order",
                "pack_id": "pack",
                "tokens": "tokens",
                "purchased_on": "purchased on",
                "expires_on": "expires",
                "expiry": "expiry",
                "at_risk": "at risk (tokens)",
            },
            empty_text="No packs imported yet: flexdash import packs.csv",
            may_hide=("purchased_on", "tokens", "draw_rank", "consumed", "forfeited", "expires_on"),
        )

    def show(self, data: core.ExpirationsData, complete: bool = True) -> None:
        self.query_one("#expiry-summary", Static).update(
            f"Within {core.EXPIRY_HORIZON_DAYS} days: [b]{data.expiring_total:,}[/] tokens expire; "
            f"at the current 30-day use [b]{data.at_risk_total:,}[/] of them will expire unused (R21)."
        )
        packs = data.packs.with_columns(expiry=_expiry_text(pl.col("days_left")))
        cols = [
            "team",
            "draw_rank",
            "pack_id",
            "tokens",
            "purchased_on",
            "expires_on",
            "expiry",
            "consumed",
            "forfeited",
            "remaining",
            "at_risk",
        ]
        self.query_one("#packs-table", FrameTable).show(packs.select(cols))


class RatesPane(Pane):
    pane_id = "rates"
    title = "Rates"
    help = PaneHelp(
        what="The token rates in force during the period, each product's history, and what the team was charged.",
        columns={
            "tokens / 24 h": "what one 24-hour window of the product costs",
            "in force from": "the day this rate starts (the latest one on or before a window applies)",
            "idle detection from": "the first version that pauses after 15 idle minutes",
            "on Linux": "whether the product runs on Linux (2020 and later)",
            "in force at end": "yes for the rate in force on the period's last day",
            "charged in period": "tokens the team (or all) was charged for the product",
            "example": "a shipped value marked 'example' in its source: check it against your contract",
            "origin / source": "shipped with flexdash or imported by you, and where it comes from",
        },
        rules=("R6", "R10", "R11", "R12b", "R18"),
        source="data/rates.csv shipped with flexdash, replaced product by product by imported rate files.",
        keys={"/": "filter on product, name, kind and host"},
    )
    fetch = staticmethod(core.load_rates)
    charges_source = True

    def compose(self) -> ComposeResult:
        yield Static("Rates in force in the period, with their history", classes="pane-title")
        yield FrameTable(
            id="rates-table",
            labels={
                "tokens_per_day": "tokens / 24 h",
                "idle_detection_since": "idle detection from",
                "effective_from": "in force from",
                "linux": "on Linux",
                "current": "in force at end",
                "tokens_in_period": "charged in period",
                "example": "example",
            },
            empty_text="No rate matches.",
            may_hide=(
                "source",
                "origin",
                "host",
                "kind",
                "linux",
                "idle_detection_since",
                "effective_from",
                "current",
                "name",
            ),
            filter_on=core.RATES_FILTERED_ON,
            ungrouped=frozenset({"idle_detection_since"}),
        )

    def show(self, data: pl.DataFrame, complete: bool = True) -> None:
        rows = data.with_columns(example=_example_text(pl.col("source"), pl.col("origin"))).select(
            "product",
            "name",
            "kind",
            "host",
            "tokens_per_day",
            "effective_from",
            "idle_detection_since",
            "linux",
            "current",
            "tokens_in_period",
            "example",
            "origin",
            "source",
        )
        self.query_one("#rates-table", FrameTable).show(rows)


def _example_text(source: pl.Expr, origin: pl.Expr) -> pl.Expr:
    """The shipped rates whose source says ``example`` (data/rates.csv): the
    rate itself, or only its idle-detection version, is an example value."""
    text = source.fill_null("")
    shipped = origin.fill_null("") != "imported"
    return (
        pl.when(shipped & text.str.starts_with("example"))
        .then(pl.lit("example rate"))
        .when(shipped & text.str.contains("idle_detection_since: example", literal=True))
        .then(pl.lit("example idle version"))
        .otherwise(pl.lit(""))
    )


from app.tui.widgets.advice_panes import AdvicePane, ForecastPane  # noqa: E402 (they subclass Pane)
from app.tui.widgets.reconcile_pane import ReconcilePane  # noqa: E402 (it subclasses Pane)

PANES: list[type[Pane]] = [
    BalancesPane,
    ExpirationsPane,
    RatesPane,
    UsagePane,
    AlertsPane,
    ImportsPane,
    ForecastPane,
    AdvicePane,
    ReconcilePane,
    ChartsPane,
]

__all__ = ["PANES", "ChooseTeam", "EmptyStore", "OpenWhy", "Pane", "PaneFilter"]
