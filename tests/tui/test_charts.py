"""The Charts pane's bar chart (issue 14): days on the x axis as dates, a
day with no charge a gap (the axis is time), the products that used most
as series and the rest as "other"."""

from __future__ import annotations

from datetime import date

import polars as pl
from textual.app import App, ComposeResult

from app.tui.widgets import charts
from app.tui.widgets.charts import BurnPlot, daily_stacks

BURN = pl.DataFrame(
    {
        "day": [date(2026, 11, 2), date(2026, 11, 2), date(2026, 11, 6)],
        "product": ["RVT", "ACAD", "RVT"],
        "tokens": [10, 4, 7],
    }
)


def test_every_day_on_the_axis_bars_only_where_charged():
    days, drawn, order = daily_stacks(BURN)
    assert days == [date(2026, 11, d) for d in range(2, 7)]
    assert order == ["RVT", "ACAD"]  # RVT 17 tokens, ACAD 4
    assert drawn.to_dicts() == [{"x": 0, "RVT": 10, "ACAD": 4}, {"x": 4, "RVT": 7, "ACAD": 0}]


def test_products_past_the_most_used_are_other(monkeypatch):
    monkeypatch.setattr(charts, "MOST_PRODUCTS", 1)
    _, drawn, order = daily_stacks(BURN)
    assert order == ["RVT", "other"]
    assert drawn["other"].to_list() == [4, 0]


class OnePlot(App):
    def compose(self) -> ComposeResult:
        yield BurnPlot(id="p")

    def on_mount(self) -> None:
        self.query_one(BurnPlot).show(BURN)


async def test_the_axis_says_dates():
    app = OnePlot()
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        text = app.export_screenshot()
        for day in ("2026-11-02", "2026-11-04", "2026-11-06"):  # first, middle, last of five
            assert day in text
        assert "RVT" in text and "ACAD" in text  # the legend
