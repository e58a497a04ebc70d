"""The panes about what happened in the period: Usage, Alerts, Imports and
Charts, and what an empty store shows instead."""

from __future__ import annotations

from typing import ClassVar

import polars as pl
from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from app import textsafe
from app.dashboard import charts as core_charts
from app.dashboard import panes as core
from app.tui.help import PaneHelp
from app.tui.widgets.charts import BurnPlot, WeekHeatMap
from app.tui.widgets.frame_table import FrameTable
from app.tui.widgets.pane_base import OpenWhy, Pane


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
    charges_source = True
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
    charges_source = True

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


class ChartsPane(Pane):
    pane_id = "charts"
    title = "Charts"
    fetch = staticmethod(core_charts.load_charts)
    charges_source = True
    help = PaneHelp(
        what="Where and when the tokens went in the period: per day by product, and over the week.",
        columns={
            "tokens per day": "tokens charged each day, stacked by product (the five that used most, then other)",
            "week": "tokens charged by the weekday and hour (UTC) their 24-hour window opened",
        },
        rules=("R9", "R10", "R12"),
        source="the charges of the billing engine (the Usage pane's rows, summed).",
    )

    def compose(self) -> ComposeResult:
        yield Static("Tokens charged per day, by product", classes="pane-title")
        yield BurnPlot(id="burn-plot")
        yield Static("When in the week: tokens by weekday and hour their window opened (UTC)", classes="pane-title")
        yield WeekHeatMap(id="week-plot")

    def show(self, data: core_charts.ChartsData, complete: bool = True) -> None:
        self.query_one("#burn-plot", BurnPlot).show(data.burn)
        self.query_one("#week-plot", WeekHeatMap).show(data.by_hour)


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
