"""The Reconcile pane (R24): the vendor's bill against the charges computed
from the logs. Its data comes from app/dashboard/reconcile.py (no SQL here)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from app.dashboard import reconcile as reconcile_core
from app.tui.help import PaneHelp
from app.tui.widgets.frame_table import FrameTable
from app.tui.widgets.pane_base import OpenWhy, Pane


class ReconcilePane(Pane):
    """R24: the vendor's bill against the charges computed from the logs."""

    pane_id = "vendor"  # its key v: every pane's first letter is its own (r is Rates)
    title = "Reconcile"
    help = PaneHelp(
        what=(
            "The vendor's bill (its usage export) against the charges computed from the logs, per user, "
            "product and day, on the days the export covers. Above: the month's two totals, and the "
            "period's differences by status and by user."
        ),
        columns={
            "billed_not_computed": "the vendor billed tokens the logs explain nowhere",
            "computed_not_billed": "the logs say a window was charged that the bill lacks",
            "amount_differs": "both have tokens, not the same number",
            "team_differs": "the same tokens billed to another team",
        },
        rules=("R24", "R3", "R9", "R12"),
        source="the imported vendor usage exports and the charges computed from the usage logs.",
        keys={"Enter": "the why view of that user, product and day (the sessions and windows behind it)"},
    )
    fetch = staticmethod(reconcile_core.load_reconcile)
    charges_source = True

    def compose(self) -> ComposeResult:
        yield Static("Reconcile: the vendor's bill against the charges computed from the logs", classes="pane-title")
        yield Static("", id="reconcile-summary", classes="pane-subtitle")
        tokens = {"tokens_billed": "billed", "tokens_computed": "computed"}
        with Horizontal(id="reconcile-groups"):
            yield FrameTable(id="reconcile-status", empty_text="No difference.", labels=tokens, may_hide=("rows",))
            yield FrameTable(
                id="reconcile-users",
                empty_text="No difference.",
                labels={**tokens, "differences": "rows"},
                may_shorten={"user": 12},
                may_hide=("tokens_computed", "tokens_billed"),
            )
        yield FrameTable(
            id="reconcile-table",
            empty_text="No difference in this period.",
            labels=tokens,
            may_shorten={"user": 16},
            may_hide=("team_computed", "team_billed", "product"),
        )

    def show(self, data: reconcile_core.ReconcileData, complete: bool = True) -> None:
        month = data.month.strftime("%B %Y")
        if data.has_vendor_data:
            gap = data.billed - data.computed
            summary = (
                f"{month}: billed [b]{data.billed:,}[/] tokens, computed [b]{data.computed:,}[/] "
                f"(billed - computed: {gap:+,}) on the days the vendor's export covers. "
                f"{data.differences.height:,} {'difference' if data.differences.height == 1 else 'differences'} "
                "in the period · Enter: why"
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
