"""Snapshots of every pane, the why view and the empty store, on the sample
logs at a fixed as-of (2026-11-21), theme textual-dark, at 160x48 and on a
small terminal (80x24: every pane keeps its key columns and keys).
Each SVG was looked at as an image before it was accepted."""

from __future__ import annotations

import pytest

from tests.tui.helpers import SIZE, make_test_app, settle

SMALL = (80, 24)
SIZES = pytest.mark.parametrize("size", [SIZE, SMALL], ids=["160x48", "80x24"])


async def _ready(pilot) -> None:
    await settle(pilot)


def _keys_then_settle(*keys):
    async def run_before(pilot) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return run_before


@SIZES
def test_balances(snap_compare, sample_store, size):
    assert snap_compare(make_test_app(sample_store), terminal_size=size, run_before=_ready)


def test_balances_one_team(snap_compare, sample_store):
    app = make_test_app(sample_store, team="architecture")
    assert snap_compare(app, terminal_size=SIZE, run_before=_ready)


@SIZES
def test_expirations(snap_compare, sample_store, size):
    assert snap_compare(make_test_app(sample_store), terminal_size=size, run_before=_keys_then_settle("2"))


@SIZES
def test_rates(snap_compare, sample_store, size):
    assert snap_compare(make_test_app(sample_store), terminal_size=size, run_before=_keys_then_settle("3"))


@SIZES
def test_usage(snap_compare, sample_store, size):
    assert snap_compare(make_test_app(sample_store), terminal_size=size, run_before=_keys_then_settle("4"))


@SIZES
def test_alerts(snap_compare, sample_store, size):
    assert snap_compare(make_test_app(sample_store), terminal_size=size, run_before=_keys_then_settle("5"))


@SIZES
def test_imports(snap_compare, sample_store, size):
    assert snap_compare(make_test_app(sample_store), terminal_size=size, run_before=_keys_then_settle("6"))


@SIZES
def test_reconcile(snap_compare, sample_store, size):
    # R24: the whole sample period, so the four planted differences show
    from datetime import date

    app = make_test_app(sample_store, since=date(2026, 8, 23), until=date(2026, 11, 20))
    assert snap_compare(app, terminal_size=size, run_before=_keys_then_settle("v"))


@SIZES
def test_forecast(snap_compare, sample_store, size):
    # R21: the team that runs out first (visualisation), its chart, band and suggested purchase
    assert snap_compare(make_test_app(sample_store), terminal_size=size, run_before=_keys_then_settle("f"))


@SIZES
def test_advice(snap_compare, sample_store, size):
    # R20, R22, R11: the actions ranked by their saving
    assert snap_compare(make_test_app(sample_store), terminal_size=size, run_before=_keys_then_settle("8"))


@SIZES
def test_why_from_usage(snap_compare, sample_store, size):
    app = make_test_app(sample_store)
    assert snap_compare(app, terminal_size=size, run_before=_keys_then_settle("4", "enter"))


def test_empty_store(snap_compare, empty_store):
    assert snap_compare(make_test_app(empty_store), terminal_size=SIZE, run_before=_ready)


@SIZES
def test_help_on_usage(snap_compare, sample_store, size):
    app = make_test_app(sample_store)
    assert snap_compare(app, terminal_size=size, run_before=_keys_then_settle("4", "question_mark"))


@SIZES
def test_charts(snap_compare, sample_store, size):
    assert snap_compare(make_test_app(sample_store), terminal_size=size, run_before=_keys_then_settle("c"))


def test_charts_one_team_light_theme(snap_compare, sample_store):
    """The charts follow the team and the theme."""
    app = make_test_app(sample_store, team="civil", theme="textual-light")
    assert snap_compare(app, terminal_size=SIZE, run_before=_keys_then_settle("c"))
