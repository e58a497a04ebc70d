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
PRODUCT_COLOURS = ["blue", "orange", "cyan", "magenta", "green", "gray"]  # the five, then "other"


def _token_ticks(plt, top: float, height: int) -> None:
    """Whole-token ticks from 0 to ``top``, with thousands separators: five,
    fewer on a short plot (one every other row at most; plotext would thin
    crowded labels in an order that changes from run to run)."""
    count = max(2, min(5, (height - 4) // 2 + 1))
    values = [round(top * i / (count - 1)) for i in range(count)]
    plt.yticks(values, [f"{v:,}" for v in values])


def _day_ticks(plt, days: list[date], count: int = 5) -> None:
    """Days on the x axis by their index (plotext's own dates keep state
    between plots), ``count`` of them labelled YYYY-MM-DD."""
    if not days:
        return
    picks = sorted({round(i * (len(days) - 1) / max(count - 1, 1)) for i in range(count)})
    plt.xticks(picks, [days[i].isoformat() for i in picks])


class _Redrawn(PlotextPlot):
    """A plot that keeps its data and draws it again at its new size (the
    ticks depend on it)."""

    _args: tuple | None = None

    def show(self, *args) -> None:
        self._args = args
        self._draw(*args)

    def on_resize(self) -> None:
        if self._args is not None:
            self._draw(*self._args)

    def _draw(self, *args) -> None:
        raise NotImplementedError


class BalancePlot(_Redrawn):
    """A team's balance at the end of each day, purchases (▲) and the days
    packs expired with tokens left (✕) marked on the line."""

    def _draw(self, history: pl.DataFrame, band: str) -> None:
        plt = self.plt
        plt.clear_figure()
        if history.height:
            history = history.with_row_index("x")
            balance = history["balance"].to_list()
            plt.plot(
                history["x"].to_list(), balance, marker="hd", color=BAND_COLOURS.get(band, "blue"), label="balance"
            )
            _day_ticks(plt, history["day"].to_list())
            bought = history.filter(pl.col("purchased") > 0)
            if bought.height:
                plt.scatter(
                    bought["x"].to_list(),
                    bought["balance"].to_list(),
                    marker="▲",
                    color="green",
                    label="purchase",
                )
            expired = history.filter(pl.col("expired_packs") > 0)
            if expired.height:
                plt.scatter(
                    expired["x"].to_list(),
                    expired["balance"].to_list(),
                    marker="✕",
                    color="red",
                    label="pack expired",
                )
            plt.ylim(0, max(max(balance), 1) * 1.1)
            _token_ticks(plt, max(max(balance), 1), self.size.height)
        plt.ylabel("tokens")
        self.refresh()


def daily_stacks(burn: pl.DataFrame) -> tuple[list[date], pl.DataFrame, list[str]]:
    """What the bar chart draws from ``burn`` (day, product, tokens): every
    day from the first to the last (the axis is time), the rows of the days
    with a charge (``x``: the day's index, one column of tokens per series),
    and the series: the products that used most, then "other"."""
    top = (
        (burn.group_by("product").agg(pl.col("tokens").sum()).sort(["tokens", "product"], descending=[True, False]))[
            "product"
        ]
        .head(MOST_PRODUCTS)
        .to_list()
    )
    named = burn.with_columns(
        pl.when(pl.col("product").is_in(top)).then(pl.col("product")).otherwise(pl.lit("other")).alias("product")
    )
    every_day = pl.DataFrame({"day": pl.date_range(burn["day"].min(), burn["day"].max(), "1d", eager=True)})
    wide = (
        every_day.join(
            named.group_by("day", "product")
            .agg(pl.col("tokens").sum())
            .pivot(on="product", index="day", values="tokens"),
            on="day",
            how="left",
        )
        .fill_null(0)
        .sort("day")
    )
    order = [p for p in [*top, "other"] if p in wide.columns]
    # a day with no charge gets no bar: plotext draws a zero-high bar as a line along the axis
    drawn = wide.with_row_index("x").filter(pl.sum_horizontal(order) > 0).select("x", *order)
    return wide["day"].to_list(), drawn, order


class BurnPlot(_Redrawn):
    """Tokens charged per day, one stacked bar per day, by product."""

    def _draw(self, burn: pl.DataFrame) -> None:
        """``burn``: day, product, tokens (one row per day and product)."""
        plt = self.plt
        plt.clear_figure()
        if burn.height:
            days, drawn, order = daily_stacks(burn)
            _token_ticks(plt, max(drawn.select(pl.sum_horizontal(order)).to_series().max() or 1, 1), self.size.height)
            plt.stacked_bar(
                drawn["x"].to_list(),
                [drawn[p].to_list() for p in order],
                labels=order,
                color=PRODUCT_COLOURS[: len(order)],  # given: plotext's own pick changes after a series' first bar
                minimum=0,
            )
            _day_ticks(plt, days, 5 if self.size.width >= 100 else 3)  # after the bars: they set their own
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
        # one matrix row per canvas row (4: the frame and the hour axis with its
        # label), or plotext stretches the matrix and leaves blank rows
        canvas = max(7, self.size.height - 4)
        bounds = [i * canvas // 7 for i in range(8)]  # weekday i: rows bounds[i] .. bounds[i + 1] - 1
        cells = []
        for i, row in enumerate(self._grid):  # Monday first: the top of the plot
            shades = [low.blend(high, tokens / top).rgb for tokens in row]
            line = [shade for shade in shades for _ in range(wide)]
            cells += [line] * (bounds[i + 1] - bounds[i])
        plt = self.plt
        plt.clear_figure()
        plt.matrix_plot(cells)
        plt.canvas_color(low.rgb)
        plt.xlabel("hour (UTC)")
        plt.ylabel("")
        # matrix_plot puts row 0 of the matrix at the top, y = canvas - 1
        plt.yticks([canvas - 1 - (bounds[i] + bounds[i + 1] - 1) / 2 for i in range(7)], WEEKDAYS)
        plt.xticks([h * wide + (wide - 1) / 2 for h in range(0, 24, 3)], [f"{h:02d}h" for h in range(0, 24, 3)])
        self.refresh()
