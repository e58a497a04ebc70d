"""The Forecast pane's chart: the balance of the last days, then the
projected balance with its band (demand 1 -/+ the backtest error), one
column per bucket of days, no plotting dependency."""

from __future__ import annotations

import polars as pl
from rich.text import Text
from textual.widget import Widget

AXIS = 8


def series(history: pl.DataFrame, projection: pl.DataFrame) -> list[tuple[str, float, float, float]]:
    """(kind, balance, low, high) per day: kind 'past' or 'ahead'."""
    out = [("past", float(b), float(b), float(b)) for b in (history["balance"] if history.height else [])]
    if projection.height:
        out += [
            ("ahead", float(b), float(lo), float(hi))
            for b, lo, hi in zip(projection["balance"], projection["low"], projection["high"])
        ]
    return out


def render_forecast(history: pl.DataFrame, projection: pl.DataFrame, width: int, height: int) -> Text:
    text = Text(no_wrap=True, overflow="crop")
    days = series(history, projection)
    columns = max(1, width - AXIS)
    if not days:
        text.append("no balance to chart", style="dim")
        return text
    buckets = [days[c * len(days) // columns] for c in range(min(columns, len(days)))]
    top = max(max(d[3] for d in buckets), 1.0)
    rows = max(2, height - 1)
    for row in range(rows):
        level = top * (rows - row - 0.5) / rows
        text.append(f"{top:>{AXIS - 2},.0f} ┤" if row == 0 else " " * (AXIS - 1) + "│", style="dim")
        for kind, balance, _low, high in buckets:
            if balance >= level:
                text.append("█", style="cyan" if kind == "past" else "yellow")
            elif kind == "ahead" and high >= level:
                text.append("░", style="yellow")  # the band above the projection
            else:
                text.append(" ")
        text.append("\n")
    past = sum(1 for b in buckets if b[0] == "past")
    text.append(" " * (AXIS - 1) + "└" + "─" * past + "┴" + "─" * max(0, len(buckets) - past - 1), style="dim")
    return text


class ForecastChart(Widget):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.history = pl.DataFrame()
        self.projection = pl.DataFrame()

    def show(self, history: pl.DataFrame, projection: pl.DataFrame) -> None:
        self.history, self.projection = history, projection
        self.refresh()

    def render(self) -> Text:
        return render_forecast(
            self.history, self.projection, self.content_size.width or 80, self.content_size.height or 8
        )
