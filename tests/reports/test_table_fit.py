"""The tables for people (`--format table`) never break an e-mail address
or a team name across lines: columns fit the terminal, the least useful
ones are left out (and named), and where rows are cut the newest show."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import polars as pl

from app.reports.render import to_table

EMAIL = "alexandra.vanderberghe-montgomery@halvorsen-crane.example"  # 57 characters
TEAM = "visualisation-and-rendering"


def _charges(n: int) -> pl.DataFrame:
    start = datetime(2026, 11, 1, 8, tzinfo=UTC)
    return pl.DataFrame(
        {
            "window_start": [start + timedelta(hours=i) for i in range(n)],
            "window_end": [start + timedelta(hours=i + 24) for i in range(n)],
            "user": [EMAIL] * n,
            "product": ["RVT"] * n,
            "team": [TEAM] * n,
            "tokens": [10] * n,
        }
    )


def test_names_stay_whole_on_a_narrow_terminal():
    text = to_table(_charges(3), "charges", width=100)
    lines = text.splitlines()
    assert sum(EMAIL in line for line in lines) == 3  # each address whole, on its row's line
    assert all(len(line) <= 100 for line in lines)
    # window_start 19 + user 57 + product 7 + team 27 + tokens 6 (+ padding) is over 100:
    # the window's end goes first, then the team
    assert "Left out to fit the terminal: Window end (UTC), Team" in " ".join(text.split())


def test_a_wide_terminal_shows_every_column():
    text = to_table(_charges(2), "charges", width=200)
    assert TEAM in text and "Left out" not in text


def test_cut_rows_are_the_newest():
    text = to_table(_charges(30), "charges", width=200, max_rows=10)
    # rows 20..29 are the newest: 2026-11-01 08:00 + 29 h = 2026-11-02 13:00
    assert "2026-11-02 13:00:00" in text and "2026-11-01 08:00:00" not in text
    assert "Showing the newest 10 of 30 rows" in text
