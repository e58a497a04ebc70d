"""`?` and F1 open the help of the pane in view; Esc closes it, the palette
and the why view; footer keys run as if pressed (issue 14)."""

from __future__ import annotations

import re

import pytest
from textual.command import CommandPalette

from app.tui.help import RULES
from app.tui.screens.help import HelpScreen
from app.tui.screens.why import WhyScreen
from app.tui.widgets.panes import PANES
from tests.tui.helpers import SIZE, make_test_app, settle


def help_shown(app) -> str:
    return str(app.screen.query_one("#help-text").render())


@pytest.mark.parametrize("pane", PANES, ids=lambda p: p.pane_id)
async def test_help_says_keys_columns_rules_and_source_of_each_pane(sample_store, pane):
    app = make_test_app(sample_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(pane.pane_id[0])
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = help_shown(app)
        assert pane.help is not None, f"{pane.__name__} declares no help"
        for column in pane.help.columns:
            assert column in text
        for rule in pane.help.rules:  # every rule id cited is explained
            assert re.search(rf"{rule}\s+{re.escape(RULES[rule][:20])}", text)
        assert pane.help.source in text
        for other in PANES:  # every pane and its key
            assert other.title in text
        assert "q  quit" in text and "Esc" in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_f1_opens_help_and_escape_closes_palette_and_why(sample_store):
    app = make_test_app(sample_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, CommandPalette)
        await pilot.press("4")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, WhyScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is app.screen_stack[0]


async def test_a_click_on_a_footer_key_runs_it(sample_store):
    app = make_test_app(sample_store)
    # wide enough for every pane key with its word (narrower, the bar folds them into "1-9 panes")
    async with app.run_test(size=(200, SIZE[1])) as pilot:
        await settle(pilot)
        bar = app.screen.query_one("KeyBar")
        line = str(bar.render())
        # the footer reads "... ^r Refresh  ? Help  q Quit ..."; click on the ?
        offset = line.index("? Help")
        await pilot.click(bar, offset=(offset + 1, 0))  # +1: the bar's left padding
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_a_narrow_footer_keeps_the_pane_keys_and_quit(sample_store):
    app = make_test_app(sample_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        line = str(app.screen.query_one("KeyBar").render())
        assert len(line) <= 78
        assert f"1-{min(len(PANES), 9)} panes" in line and "q Quit" in line
