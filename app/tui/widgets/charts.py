"""The dashboard's charts, drawn with textual-plotext (plotext in a Textual
widget: braille lines, bars and a heat map, the colours of the app's theme).

Each takes the frame a core loader returned and draws it; no SQL here.
"""

from __future__ import annotations

from datetime import date

import polars as pl
from textual.color import Color
from textual_plotext import PlotextPlot

WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
BAND_COLOURS = {"critical": "red", "low": "orange", "ok": "blue", "none": "gray"}
MOST_PRODUCTS = 5  # burn per day: the products that burnt most, the rest as "other"


def _token_ticks(plt, top: float) -> None:
    """Five whole-token ticks from 0 to ``top``, with thousands separators."""
    values = [round(top * i / 4) for i in range(5)]
    plt.yticks(values, [f"{v:,}" for v in values])


def _day(d: date) -> str:
    return d.strftime("%d/%m/%Y")  # plotext's date form below


class BalancePlot(PlotextPlot):
    """A team's balance at the end of each day, purchases (▲) and the days
    packs expired with tokens left (✕) marked on the line."""

    def show(self, history: pl.DataFrame, band: str) -> None:
        plt = self.plt
        plt.clear_figure()
        plt.date_form("d/m/Y")
        if history.height:
            days = [_day(d) for d in history["day"]]
            balance = history["balance"].to_list()
            plt.plot(days, balance, marker="hd", color=BAND_COLOURS.get(band, "blue"), label="balance")
            bought = history.filter(pl.col("purchased") > 0)
            if bought.height:
                plt.scatter(
                    [_day(d) for d in bought["day"]],
                    bought["balance"].to_list(),
                    marker="▲",
                    color="green",
                    label="purchase",
                )
            expired = history.filter(pl.col("expired_packs") > 0)
            if expired.height:
                plt.scatter(
                    [_day(d) for d in expired["day"]],
                    expired["balance"].to_list(),
                    marker="✕",
                    color="red",
                    label="pack expired",
                )
            plt.ylim(0, max(max(balance), 1) * 1.1)
            _token_ticks(plt, max(max(balance), 1))
        plt.ylabel("tokens")
        self.refresh()


class BurnPlot(PlotextPlot):
    """Tokens charged per day, one stacked bar per day, by product."""

    def show(self, burn: pl.DataFrame) -> None:
        """``burn``: day, product, tokens (one row per day and product)."""
        plt = self.plt
        plt.clear_figure()
        plt.date_form("d/m/Y")
        if burn.height:
            top = (
                (
                    burn.group_by("product")
                    .agg(pl.col("tokens").sum())
                    .sort(["tokens", "product"], descending=[True, False])
                )["product"]
                .head(MOST_PRODUCTS)
                .to_list()
            )
            named = burn.with_columns(
                pl.when(pl.col("product").is_in(top))
                .then(pl.col("product"))
                .otherwise(pl.lit("other"))
                .alias("product")
            )
            wide = (
                named.group_by("day", "product")
                .agg(pl.col("tokens").sum())
                .pivot(on="product", index="day", values="tokens")
                .fill_null(0)
                .sort("day")
            )
            order = [p for p in [*top, "other"] if p in wide.columns]
            _token_ticks(plt, max(wide.select(pl.sum_horizontal(order)).to_series().max() or 1, 1))
            plt.stacked_bar([_day(d) for d in wide["day"]], [wide[p].to_list() for p in order], labels=order, minimum=0)
        plt.ylabel("tokens")
        self.refresh()


class WeekHeatMap(PlotextPlot):
    """Tokens charged by the weekday and hour (UTC) their window opened:
    plotext's matrix plot, each cell widened to fill the plot, coloured from
    the theme's surface (none) to its accent (the busiest hour)."""

    def on_mount(self) -> None:
        super().on_mount()
        self._grid: list[list[int]] | None = None
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._draw())

    def show(self, by_hour: pl.DataFrame) -> None:
        """``by_hour``: weekday (1 Monday .. 7), hour (0..23), tokens."""
        grid = [[0] * 24 for _ in range(7)]
        for weekday, hour, tokens in by_hour.select("weekday", "hour", "tokens").iter_rows():
            grid[int(weekday) - 1][int(hour)] = int(tokens or 0)
        self._grid = grid
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        if self._grid is None or not self.size.width:
            return
        variables = self.app.theme_variables
        low = Color.parse(variables.get("surface", "#1e1e1e"))
        high = Color.parse(variables.get("accent", "#ffa62b"))
        top = max(max(row) for row in self._grid) or 1
        wide = max(1, (self.size.width - 10) // 24)  # columns per hour (10: the weekday axis and frame)
        tall = max(1, (self.size.height - 4) // 7)  # rows per weekday (4: the hour axis and frame)
        cells = []
        for row in self._grid:  # Monday first: the top of the plot
            shades = [low.blend(high, tokens / top).rgb for tokens in row]
            line = [shade for shade in shades for _ in range(wide)]
            cells += [line] * tall
        plt = self.plt
        plt.clear_figure()
        plt.matrix_plot(cells)
        plt.canvas_color(low.rgb)
        plt.xlabel("hour (UTC)")
        plt.ylabel("")
        rows = len(cells)
        # matrix_plot puts row 0 of the matrix at the top, y = rows - 1
        plt.yticks([rows - 1 - (i * tall + (tall - 1) / 2) for i in range(7)], WEEKDAYS)
        plt.xticks([h * wide + (wide - 1) / 2 for h in range(0, 24, 3)], [f"{h:02d}h" for h in range(0, 24, 3)])
        self.refresh()
