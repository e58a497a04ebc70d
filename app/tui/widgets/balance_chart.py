"""A text chart of a team's balance over time, purchases and expiries marked.

No plotting dependency: one column per bucket of days, bars drawn with
eighth blocks, a marker row below (▲ a purchase, ✕ a pack expired).
"""

from __future__ import annotations

from itertools import groupby

import polars as pl
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

BLOCKS = " ▁▂▃▄▅▆▇█"
AXIS_WIDTH = 8


def bucket_series(history: pl.DataFrame, columns: int) -> list[dict]:
    """Exactly ``columns`` buckets over the daily rows (fewer when there are
    fewer days): the balance at the end of each bucket, the tokens bought
    and the packs expired in it. With fewer days than columns, a day spans
    several columns and only its first column carries its markers."""
    n = history.height
    if n == 0 or columns <= 0:
        return []
    rows = history.to_dicts()
    width = min(columns, max(n, columns))
    out = []
    previous_last = -1
    for c in range(width):
        first = c * n // width
        last = max(first, (c + 1) * n // width - 1)
        fresh = [r for i, r in enumerate(rows[first : last + 1], start=first) if i > previous_last]
        previous_last = max(previous_last, last)
        out.append(
            {
                "first": rows[first]["day"],
                "last": rows[last]["day"],
                "balance": rows[last]["balance"],
                "purchased": sum(r["purchased"] for r in fresh),
                "expired": sum(r["expired_packs"] for r in fresh),
                "forfeited": sum(r["forfeited"] for r in fresh),
            }
        )
    return out


def render_chart(history: pl.DataFrame, width: int, height: int, styles: dict | None = None) -> Text:
    """Rows of text: ``height - 2`` bar rows, the marker row, the date row.
    ``styles`` maps bar / bought / expired to Rich styles."""
    st = {"bar": "", "bought": "green", "expired": "red", **(styles or {})}
    bar_rows = max(2, height - 2)
    buckets = bucket_series(history, max(1, width - AXIS_WIDTH))
    text = Text(no_wrap=True, overflow="crop")
    if not buckets:
        text.append("no balance history in this period", style="dim")
        return text
    top = max(max(b["balance"] for b in buckets), 1)
    step = 1
    for row in range(bar_rows):
        if row == 0:
            label = f"{top:>{AXIS_WIDTH - 2}} ┤"  # the top of the scale
        elif row == bar_rows - 1:
            label = f"{0:>{AXIS_WIDTH - 2}} ┤"
        else:
            label = " " * (AXIS_WIDTH - 1) + "│"
        text.append(label, style="dim")
        # one span per row, not one per bucket: the first paint of the pane
        # spent ~0.1 s turning ~1,500 one-character spans into Textual's content
        bars = []
        for b in buckets:
            eighths = b["balance"] / top * bar_rows * 8 - (bar_rows - row - 1) * 8
            bars.append(BLOCKS[int(max(0, min(8, round(eighths))))] * step)
        text.append("".join(bars), style=st["bar"])
        text.append("\n")
    text.append(" " * (AXIS_WIDTH - 1) + "└", style="dim")
    markers = []  # (character, style) per bucket, appended in runs of one style
    for b in buckets:
        if b["purchased"] and b["expired"]:
            markers.append(("◆", st["expired"]))
        elif b["purchased"]:
            markers.append(("▲", st["bought"]))
        elif b["expired"]:
            markers.append(("✕", st["expired"]))
        else:
            markers.append(("─", "dim"))
        markers.extend([("─", "dim")] * (step - 1))
    for style, run in groupby(markers, key=lambda m: m[1]):
        text.append("".join(ch for ch, _ in run), style=style)
    text.append("\n")
    first, last = str(buckets[0]["first"]), str(buckets[-1]["last"])
    span = len(buckets) * step
    gap = max(1, span - len(first) - len(last))
    text.append(" " * AXIS_WIDTH + first + " " * gap + last, style="dim")
    return text


class BalanceChart(Widget):
    """The Balances pane's chart; ``band`` colours it (classes toggled in
    ``watch_band``, colours in the .tcss file)."""

    COMPONENT_CLASSES = {"chart--bar", "chart--bought", "chart--expired"}

    band: reactive[str] = reactive("none")

    def __init__(self, **kw):
        super().__init__(**kw)
        self.history: pl.DataFrame = pl.DataFrame()

    def show(self, history: pl.DataFrame, band: str) -> None:
        self.history = history
        self.band = band
        self.refresh()

    def watch_band(self, band: str) -> None:
        for name in ("ok", "low", "critical"):
            self.set_class(band == name, f"-{name}")

    def render(self) -> Text:
        styles = {
            "bar": self.get_component_rich_style("chart--bar", partial=True),
            "bought": self.get_component_rich_style("chart--bought", partial=True),
            "expired": self.get_component_rich_style("chart--expired", partial=True),
        }
        return render_chart(self.history, self.content_size.width or 80, self.content_size.height or 10, styles)
