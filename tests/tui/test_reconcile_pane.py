"""The Reconcile pane (R24) on the sample firm: the planted differences of
the vendor's export (sample_logs/README.md), by status and by user, and Enter
on one opens the why view of that user, product and day."""

from __future__ import annotations

from datetime import date

from textual.widgets import ContentSwitcher

from app.dashboard.filters import Filters
from app.dashboard.panes import source_label
from app.dashboard.reader import StoreReader
from app.dashboard.reconcile import load_reconcile
from app.tui.screens.why import WhyScreen
from app.tui.widgets.frame_table import FrameTable
from tests.tui.helpers import AS_OF, SIZE, make_test_app, settle

WHOLE = {"since": date(2026, 8, 23), "until": date(2026, 11, 20)}


def test_core_reads_the_report(sample_store):
    with StoreReader(sample_store).read(AS_OF) as con:
        data = load_reconcile(con, Filters(as_of=AS_OF, **WHOLE))
        label = source_label(con, Filters(as_of=AS_OF, **WHOLE))
    # the four planted differences, one of each status
    assert sorted(data.by_status["status"].to_list()) == [
        "amount_differs",
        "billed_not_computed",
        "computed_not_billed",
        "team_differs",
    ]
    assert data.by_status["rows"].to_list() == [1, 1, 1, 1]
    assert data.differences.height == 4 and data.by_user["differences"].sum() == 4
    # November (the month of the period's end) has no planted difference: the totals agree
    assert data.month == date(2026, 11, 1) and data.billed == data.computed > 0
    assert label == "computed from logs"


async def test_enter_on_a_difference_opens_why(sample_store):
    app = make_test_app(sample_store, **WHOLE)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        assert app.query_one("#panes", ContentSwitcher).current == "vendor"
        first = app.query_one("#reconcile-table", FrameTable).frame.row(0, named=True)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, WhyScreen)
        assert (app.screen.user, app.screen.product) == (first["user"], first["product"])


async def summary_text(sample_store, since: date, until: date) -> str:
    app = make_test_app(sample_store, since=since, until=until)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        return str(app.query_one("#reconcile-summary").render())


async def test_the_summary_counts_differences_in_words(sample_store):
    # the whole period holds the four planted differences; 2026-10-29 alone holds one (billed_not_computed)
    assert "4 differences in the period" in await summary_text(sample_store, **WHOLE)
    one = await summary_text(sample_store, date(2026, 10, 29), date(2026, 10, 29))
    assert "1 difference in the period" in one
