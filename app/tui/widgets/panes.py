"""The panes. Each names the core function that fetches its data (run
in a thread worker by the app) and renders what it returns; no SQL here."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

import polars as pl
from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, Static

from app import textsafe
from app.dashboard import panes as core
from app.dashboard import reconcile as reconcile_core
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


class Pane(Vertical):
    pane_id: ClassVar[str]
    title: ClassVar[str]
    fetch: ClassVar[Callable[..., Any]]  # (con, filters) -> data, in a thread
    # A pane whose data can be long: the app first fetches and shows its
    # first rows, fetch_head(con, filters) -> (rows, complete), then, unless
    # complete, all of them (issue 4: a whole year of usage is 280,000 rows
    # at 10 M events).
    fetch_head: ClassVar[Callable[..., Any] | None] = None

    def show(self, data: Any, complete: bool = True) -> None:
        """``complete``: False while only the first rows are there."""
        raise NotImplementedError

    def focus_main(self) -> bool:
        """Focus the pane's main table; False when it has none yet."""
        for table in self.query(FrameTable):
            return table.focus_table()
        return False


class BalancesPane(Pane):
    pane_id = "balances"
    title = "Balances"
    fetch = staticmethod(core.load_balances)

    def compose(self) -> ComposeResult:
        yield Static("Balances", classes="pane-title")
        yield FrameTable(
            id="balances-table",
            labels={
                "balance": "balance",
                "share_left": "left %",
                "burn_7d": "burn 7d",
                "burn_30d": "burn 30d",
                "runway_on": "runway until",
                "next_expiry": "next expiry",
                "expiring_90d": "expiring ≤90d",
                "denials": "denials (period)",
            },
            empty_text="No team has packs or charges yet.",
            markup=frozenset({"band"}),
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
            f"Balance of {escape(textsafe.show(who))}, last {data.history.height} days  "
            "[green]▲[/] purchase  [red]✕[/] pack expired  (Enter on a team shows its chart)"
        )
        self.query_one("#balance-chart", BalanceChart).show(data.history, band)

    def on_frame_table_row_chosen(self, event: FrameTable.RowChosen) -> None:
        event.stop()
        self.post_message(ChooseTeam(event.row["team"]))


class ExpirationsPane(Pane):
    pane_id = "expirations"
    title = "Expirations"
    fetch = staticmethod(core.load_expirations)

    def compose(self) -> ComposeResult:
        yield Static("Expirations (packs in draw order)", classes="pane-title")
        yield Static("", id="expiry-summary", classes="pane-subtitle")
        yield FrameTable(
            id="packs-table",
            labels={"draw_rank": "rank", "days_left": "days left", "at_risk": "at risk"},
            empty_text="No packs imported yet: flexdash import packs.csv",
        )

    def show(self, data: core.ExpirationsData, complete: bool = True) -> None:
        self.query_one("#expiry-summary", Static).update(
            f"Within {core.EXPIRY_HORIZON_DAYS} days: [b]{data.expiring_total:,}[/] tokens expire; "
            f"at the current 30-day burn [b]{data.at_risk_total:,}[/] of them will be forfeited (R21)."
        )
        cols = [
            "team",
            "draw_rank",
            "pack_id",
            "tokens",
            "purchased_on",
            "expires_on",
            "days_left",
            "consumed",
            "forfeited",
            "remaining",
            "at_risk",
        ]
        self.query_one("#packs-table", FrameTable).show(data.packs.select(cols))


class RatesPane(Pane):
    pane_id = "rates"
    title = "Rates"
    fetch = staticmethod(core.load_rates)

    def __init__(self, **kw):
        super().__init__(**kw)
        self.rates: pl.DataFrame | None = None

    def compose(self) -> ComposeResult:
        yield Static(
            "Rates (tokens per 24 h) in force in the period, with each product's history", classes="pane-title"
        )
        yield Input(
            placeholder="/ to filter as you type: product, name, kind, host  (Esc or Enter: back to the table)",
            id="rates-filter",
        )
        yield FrameTable(
            id="rates-table",
            labels={
                "tokens_per_day": "tokens/day",
                "idle_detection_since": "idle det. since",
                "effective_from": "effective from",
                "current": "in force",
                "tokens_in_period": "charged (period)",
            },
            empty_text="No rate matches.",
        )

    def show(self, data: pl.DataFrame, complete: bool = True) -> None:
        self.rates = data
        self._refilter()

    def _refilter(self) -> None:
        if self.rates is None:
            return
        text = self.query_one("#rates-filter", Input).value
        rows = core.filter_rates(self.rates, text).select(
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
            "origin",
            "source",
        )
        self.query_one("#rates-table", FrameTable).show(rows)

    BINDINGS: ClassVar = [
        Binding("slash", "filter", "Filter"),
        Binding("escape", "leave_filter", "Table", show=False),
    ]

    def action_filter(self) -> None:
        self.query_one("#rates-filter", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_leave_filter()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._refilter()

    def action_leave_filter(self) -> None:
        self.query_one("#rates-table", FrameTable).focus_table()

    def focus_main(self) -> bool:
        # the table, so that 1-6 still switch panes; "/" goes to the filter
        return self.query_one("#rates-table", FrameTable).focus_table()


class UsagePane(Pane):
    pane_id = "usage"
    title = "Usage"
    fetch = staticmethod(core.load_usage)
    FIRST_ROWS: ClassVar[int] = 1000
    fetch_head = staticmethod(lambda con, f: core.load_usage_head(con, f, UsagePane.FIRST_ROWS))
    SORTS: ClassVar[list[str]] = ["day", "tokens", "windows", "user", "product", "team"]
    BINDINGS: ClassVar = [Binding("s", "cycle_sort", "Sort")]

    def compose(self) -> ComposeResult:
        yield Static("Usage: charges by day, team, product and user", classes="pane-title")
        yield Static("", id="usage-summary", classes="pane-subtitle")
        yield FrameTable(id="usage-table", empty_text="No charge in this period.")

    def show(self, data: pl.DataFrame, complete: bool = True) -> None:
        if not complete and data.height == 0:
            return  # no row in the last days: keep the rows on screen until the rest comes
        if complete:
            tokens = int(data["tokens"].sum() or 0) if data.height else 0
            windows = int(data["windows"].sum() or 0) if data.height else 0
            summary = f"[b]{tokens:,}[/] tokens in [b]{windows:,}[/] windows, {data.height:,} rows. "
        else:
            summary = f"the first {data.height:,} rows; reading the rest of the period… "
        self.query_one("#usage-summary", Static).update(
            summary + "Enter: why this was charged · s: sort · click a header to sort"
        )
        self.query_one("#usage-table", FrameTable).show(data)

    def action_cycle_sort(self) -> None:
        table = self.query_one("#usage-table", FrameTable)
        current = table._sort[0] if table._sort else "day"
        nxt = self.SORTS[(self.SORTS.index(current) + 1) % len(self.SORTS)] if current in self.SORTS else "day"
        table.sort_by(nxt)
        if nxt in ("tokens", "windows") and table._sort and not table._sort[1]:
            table.sort_by(nxt)  # biggest first

    def on_frame_table_row_chosen(self, event: FrameTable.RowChosen) -> None:
        event.stop()
        row = event.row
        self.post_message(OpenWhy(row["user"], row["product"], row["day"]))


class AlertsPane(Pane):
    pane_id = "alerts"
    title = "Alerts"
    fetch = staticmethod(core.load_alerts)

    def compose(self) -> ComposeResult:
        yield Static(
            "Alerts: denials, concurrent use, device limit, several teams, auto-starts, unterminated",
            classes="pane-title",
        )
        yield Static("", id="alerts-summary", classes="pane-subtitle")
        yield FrameTable(id="alerts-table", empty_text="Nothing to look at in this period.")

    def show(self, data: pl.DataFrame, complete: bool = True) -> None:
        counts = data.group_by("kind").len().sort("kind") if data.height else None
        summary = "  ".join(f"{k}: [b]{n}[/]" for k, n in counts.iter_rows()) if counts is not None else "no alert"
        self.query_one("#alerts-summary", Static).update(summary + "   · Enter: why")
        self.query_one("#alerts-table", FrameTable).show(data)

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
    fetch = staticmethod(core.load_imports)

    def compose(self) -> ComposeResult:
        yield Static("Imports in the period", id="imports-title", classes="pane-title")
        yield FrameTable(
            id="imports-table", labels={"team_rows": "rows of the team"}, empty_text="Nothing imported yet."
        )
        yield Static("Rejected rows", id="rejects-title", classes="pane-title")
        yield FrameTable(id="rejects-table", empty_text="No rejected row.")

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
        return "" if same else f"--db {self.db_path} "

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


class ReconcilePane(Pane):
    """R24: the vendor's bill against the charges computed from the logs."""

    pane_id = "reconcile"
    title = "Reconcile"
    fetch = staticmethod(reconcile_core.load_reconcile)

    def compose(self) -> ComposeResult:
        yield Static("Reconcile: the vendor's bill against the charges computed from the logs", classes="pane-title")
        yield Static("", id="reconcile-summary", classes="pane-subtitle")
        with Horizontal(id="reconcile-groups"):
            yield FrameTable(id="reconcile-status", empty_text="No difference.")
            yield FrameTable(id="reconcile-users", empty_text="No difference.")
        yield FrameTable(id="reconcile-table", empty_text="No difference in this period.")

    def show(self, data: reconcile_core.ReconcileData, complete: bool = True) -> None:
        month = data.month.strftime("%B %Y")
        if data.has_vendor_data:
            gap = data.billed - data.computed
            summary = (
                f"{month}: billed [b]{data.billed:,}[/] tokens, computed [b]{data.computed:,}[/] "
                f"(billed - computed: {gap:+,}) on the days the vendor's export covers. "
                f"{data.differences.height:,} differences in the period · Enter: why"
            )
        else:
            summary = "No vendor usage export imported: flexdash import the export from the vendor's account pages."
        self.query_one("#reconcile-summary", Static).update(summary)
        self.query_one("#reconcile-status", FrameTable).show(data.by_status)
        self.query_one("#reconcile-users", FrameTable).show(data.by_user)
        self.query_one("#reconcile-table", FrameTable).show(data.differences)

    def focus_main(self) -> bool:
        return self.query_one("#reconcile-table", FrameTable).focus_table()

    def on_frame_table_row_chosen(self, event: FrameTable.RowChosen) -> None:
        event.stop()
        row = event.row
        if not row.get("user") or not row.get("product"):
            return  # a by-status or by-user row, or an aggregate row: no one user to explain
        self.post_message(OpenWhy(row["user"], row["product"], row.get("day")))


PANES: list[type[Pane]] = [
    BalancesPane,
    ExpirationsPane,
    RatesPane,
    UsagePane,
    AlertsPane,
    ImportsPane,
    ReconcilePane,
]
