"""The panes. Each names the core function that fetches its data (run
in a thread worker by the app) and renders what it returns; no SQL here."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

import polars as pl
from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static

from app import textsafe
from app.dashboard import panes as core
from app.tui.help import PaneHelp
from app.tui.widgets.balance_chart import BalanceChart
from app.tui.widgets.frame_table import FrameTable

BAND_MARKUP = {
    "critical": "[bold red]● below threshold[/]",
    "low": "[yellow]● below 20 %[/]",
    "ok": "[green]● ok[/]",
    "none": "[dim]no valid pack[/]",
}


class OpenWhy(Message):
    """Ask the app to open the why view of a user and product."""

    def __init__(self, user: str, product: str, day=None) -> None:
        super().__init__()
        self.user = user
        self.product = product
        self.day = day


class ChooseTeam(Message):
    def __init__(self, team: str) -> None:
        super().__init__()
        self.team = team


class PaneFilter(Input):
    """The `/` filter of a pane's tables: hidden until asked for, and while
    it holds text it stays in view (k9s, lazygit)."""


class Pane(Vertical):
    pane_id: ClassVar[str]
    title: ClassVar[str]
    fetch: ClassVar[Callable[..., Any]]  # (con, filters) -> data, in a thread
    # A pane whose data can be long: the app first fetches and shows its
    # first rows, fetch_head(con, filters) -> (rows, complete), then, unless
    # complete, all of them (issue 4: a whole year of usage is 280,000 rows
    # at 10 M events).
    fetch_head: ClassVar[Callable[..., Any] | None] = None
    help: ClassVar[PaneHelp | None] = None  # what the help screen (?) says of this pane
    BINDINGS: ClassVar = [
        Binding("slash", "filter", "Filter"),
        Binding("escape", "leave_filter", "Back to the table", show=False),
    ]

    def show(self, data: Any, complete: bool = True) -> None:
        """``complete``: False while only the first rows are there."""
        raise NotImplementedError

    def on_mount(self) -> None:
        tables = self.query(FrameTable)
        if tables:  # every pane with a table gets the filter, above its first table
            box = PaneFilter(
                placeholder="filter: the rows holding this text, any case  (Enter or Esc: back to the table)",
                id=f"{self.pane_id}-filter",
                classes="pane-filter",
            )
            self.mount(box, before=tables.first())

    def focus_main(self) -> bool:
        """Focus the pane's main table; False when it has none yet."""
        for table in self.query(FrameTable):
            return table.focus_table()
        return False

    def action_filter(self) -> None:
        for box in self.query(PaneFilter):
            box.add_class("-shown")
            box.focus()

    def action_leave_filter(self) -> None:
        """Esc: from the filter back to the table; on the table, clear the filter."""
        for box in self.query(PaneFilter):
            if box.has_focus:
                box.set_class(bool(box.value), "-shown")
            elif box.value:
                box.value = ""
                box.remove_class("-shown")
        if not self.focus_main():
            self.screen.set_focus(None)

    def on_input_changed(self, event: Input.Changed) -> None:
        if isinstance(event.input, PaneFilter):
            event.stop()
            for table in self.query(FrameTable):
                table.set_filter(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if isinstance(event.input, PaneFilter):
            event.stop()
            self.action_leave_filter()


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
        yield BalanceChart(id="balance-chart")

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
            "[green]▲[/] purchase  [red]✕[/] pack expired  (Enter on a team shows its chart)"
        )
        self.query_one("#balance-chart", BalanceChart).show(data.history, band)

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


class UsagePane(Pane):
    pane_id = "usage"
    title = "Usage"
    help = PaneHelp(
        what="What was charged, by day, team, product and user.",
        columns={
            "day (UTC)": "the UTC day the windows opened",
            "24-h windows": "windows opened that day (a window covers 24 hours of use)",
            "tokens": "tokens charged for them",
        },
        rules=("R5", "R6", "R7", "R8", "R9", "R10", "R12"),
        source="the charges the billing engine computed from the usage logs.",
        keys={"Enter": "why this was charged: the why view of the user and product that day", "s": "sort"},
    )
    fetch = staticmethod(core.load_usage)
    FIRST_ROWS: ClassVar[int] = 1000
    fetch_head = staticmethod(lambda con, f: core.load_usage_head(con, f, UsagePane.FIRST_ROWS))
    SORTS: ClassVar[list[str]] = ["day", "tokens", "windows", "user", "product", "team"]
    BINDINGS: ClassVar = [Binding("s", "cycle_sort", "Sort")]

    def compose(self) -> ComposeResult:
        yield Static("Usage: charges by day, team, product and user", classes="pane-title")
        yield Static("", id="usage-summary", classes="pane-subtitle")
        yield FrameTable(
            id="usage-table",
            empty_text="No charge in this period.",
            labels={"day": "day (UTC)", "windows": "24-h windows", "tokens": "tokens"},
            sorted_as=("day", True),  # usage.sql: latest day first
            may_hide=("windows", "team"),
        )

    def show(self, data: pl.DataFrame, complete: bool = True) -> None:
        if not complete and data.height == 0:
            return  # no row in the last days: keep the rows on screen until the rest comes
        if complete:
            tokens = int(data["tokens"].sum() or 0) if data.height else 0
            windows = int(data["windows"].sum() or 0) if data.height else 0
            summary = f"[b]{tokens:,}[/] tokens in [b]{windows:,}[/] windows, {data.height:,} rows · "
        else:
            summary = f"the first {data.height:,} rows; reading the rest of the period… "
        self.query_one("#usage-summary", Static).update(summary + "Enter why · s sort · / filter")
        self.query_one("#usage-table", FrameTable).show(data)

    def action_cycle_sort(self) -> None:
        table = self.query_one("#usage-table", FrameTable)
        current = table.sort[0] if table.sort else "day"
        nxt = self.SORTS[(self.SORTS.index(current) + 1) % len(self.SORTS)] if current in self.SORTS else "day"
        # numbers and days biggest or latest first, names from A
        table.sort_by(nxt, descending=nxt in ("day", "tokens", "windows"))

    def on_frame_table_row_chosen(self, event: FrameTable.RowChosen) -> None:
        event.stop()
        row = event.row
        self.post_message(OpenWhy(row["user"], row["product"], row["day"]))


# alerts.sql's kinds in a few words (the help screen says what each means)
ALERT_KINDS = {
    "denied: insufficient_balance": "denied: balance",
    "denied: team_unresolved": "denied: no team",
    "plug-in auto-start": "auto-start",
    "unterminated session": "unterminated",
}


def alerts_summary(data: pl.DataFrame) -> str:
    """Each kind with its count; a denial row groups a user's denials of one
    product and day, so denials are counted as Balances counts them (R16)."""
    if not data.height:
        return "no alert"
    parts = []
    for kind, rows, times in data.group_by("kind").agg(pl.len(), pl.col("times").sum()).sort("kind").iter_rows():
        if kind.startswith("denied"):
            what = "denial" if times == 1 else "denials"
            parts.append(f"{escape(kind)} [b]{times:,}[/] {what} in {rows:,} row{'s' * (rows != 1)}")
        else:
            parts.append(f"{escape(kind)} [b]{rows:,}[/]")
    return " · ".join(parts)


class AlertsPane(Pane):
    pane_id = "alerts"
    title = "Alerts"
    help = PaneHelp(
        what="What an admin should look at in the period.",
        columns={
            "denied: balance": "windows refused because the team's balance was below the rate; "
            "one row per user, product and day, the count in detail",
            "denied: no team": "sessions no team could be billed for",
            "concurrent use": "one user on two devices at once",
            "device limit": "more than three devices within 30 days",
            "several teams": "a user assigned in several teams: the vendor picks who pays",
            "auto-start": "a plug-in opened within 60 s of its host: avoidable spend",
            "unterminated": "a session with no logout: it ends at its last event",
            "time (UTC)": "when it happened",
        },
        rules=("R5", "R11", "R12", "R16", "R17", "R18", "R19"),
        source="denials of the billing engine; sessions rebuilt from the period's usage logs.",
        keys={"Enter": "the why view of the row's user and product"},
    )
    fetch = staticmethod(core.load_alerts)

    def compose(self) -> ComposeResult:
        yield Static("Alerts in the period (a denial row: one user, product and day)", classes="pane-title")
        yield Static("", id="alerts-summary", classes="pane-subtitle")
        yield FrameTable(
            id="alerts-table",
            labels={"ts": "time (UTC)"},
            empty_text="Nothing to look at in this period.",
            sorted_as=("ts", True),  # alerts.sql: latest first
            may_hide=("team", "detail", "product"),
        )

    def show(self, data: pl.DataFrame, complete: bool = True) -> None:
        data = data.with_columns(pl.col("kind").replace(ALERT_KINDS))
        self.query_one("#alerts-summary", Static).update(alerts_summary(data))
        self.query_one("#alerts-table", FrameTable).show(data.drop("times"))

    def on_frame_table_row_chosen(self, event: FrameTable.RowChosen) -> None:
        event.stop()
        row = event.row
        if not row.get("product"):
            self.notify(
                f"{textsafe.show(row['user'])} has no charged product to explain", severity="information", markup=False
            )
            return
        day = row["ts"].date() if row.get("ts") is not None else None
        self.post_message(OpenWhy(row["user"], row["product"], day))


class ImportsPane(Pane):
    pane_id = "imports"
    title = "Imports"
    help = PaneHelp(
        what="The files imported in the period and their rejected rows.",
        columns={
            "rows": "lines of the file = accepted + duplicates + rejected",
            "duplicates": "events already stored (same session, event and instant)",
            "rows of the team": "how many stored rows are the chosen team's",
            "reason": "why a row was refused (`flexdash report rejects` lists them all)",
        },
        rules=("R1", "R2"),
        source="the import ledger of the store.",
    )
    fetch = staticmethod(core.load_imports)

    def compose(self) -> ComposeResult:
        yield Static("Imports in the period", id="imports-title", classes="pane-title")
        yield FrameTable(
            id="imports-table",
            labels={"team_rows": "rows of the team", "imported_at": "imported at"},
            empty_text="Nothing imported yet.",
            may_hide=("duplicates", "kind", "imported_at", "accepted"),
        )
        yield Static("Rejected rows", id="rejects-title", classes="pane-title")
        yield FrameTable(
            id="rejects-table", empty_text="No rejected row.", ungrouped=frozenset({"line"}), may_hide=("raw", "file")
        )

    def show(self, data: core.ImportsData, complete: bool = True) -> None:
        imports = data.imports.drop("import_id")
        if imports["team_rows"].null_count() == imports.height:
            imports = imports.drop("team_rows")  # no team chosen
        table = self.query_one("#imports-table", FrameTable)
        table.empty_text = (
            f"No file imported in this period ({data.total:,} in all: widen the period)"
            if data.total
            else "Nothing imported yet."
        )
        self.query_one("#imports-title", Static).update(
            f"Imports in the period ({data.imports.height:,} of {data.total:,} files)"
        )
        table.show(imports)
        self.query_one("#rejects-title", Static).update(f"Rejected rows of these files ({data.rejects.height:,})")
        self.query_one("#rejects-table", FrameTable).show(data.rejects)


class EmptyStore(Vertical):
    """What an empty store shows instead of empty grids."""

    def __init__(self, db_path: str, **kw):
        super().__init__(**kw)
        self.db_path = db_path

    def _db_option(self) -> str:
        """``--db PATH`` unless the store is the one flexdash finds by itself
        ($FLEXDASH_DB or the default): then the command needs none."""
        from pathlib import Path

        from app.store import resolve_db_path

        same = Path(self.db_path).expanduser().resolve() == resolve_db_path(None).expanduser().resolve()
        # inside markup: a path holding "[" is shown as written
        return "" if same else f"--db {textsafe.textual_markup(self.db_path, None)} "

    def compose(self) -> ComposeResult:
        yield Static(
            "[b]This store holds no data yet.[/b]\n\n"
            "Import your usage logs, token packs and assignments (files, or a folder of them):\n\n"
            f"    [b]flexdash import {self._db_option()}FILE_OR_FOLDER...[/b]\n\n"
            "or try the bundled fictional firm:\n\n"
            "    [b]flexdash demo[/b]\n\n"
            "This dashboard refreshes by itself: the data appears here a few seconds after the import.",
            id="empty-text",
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
]
