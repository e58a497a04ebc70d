"""Names are data in the dashboard too (issue 13): every pane's tables and
titles, the team selector, the why view and the notifications show hostile
names (tests/hostile.py) as plain characters, cut when huge, and the rows
chosen still carry the names as stored (the why view finds them)."""

from __future__ import annotations

import pytest

from app.tui.screens.why import WhyScreen
from tests import hostile
from tests.hostile_store import SHORT, build_hostile_store
from tests.tui.helpers import SIZE, make_test_app, settle

PANE_KEYS = {"balances": "1", "expirations": "2", "rates": "3", "usage": "4", "alerts": "5", "imports": "6"}


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    return build_hostile_store(folder / "store.duckdb", folder / "in")


def screen_text(app) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def assert_screen_safe(text: str) -> None:
    hostile.assert_safe(text, max_chars=SIZE[0] * SIZE[1] * 2)


async def test_every_pane_shows_names_as_text(hostile_db):
    app = make_test_app(hostile_db)
    seen = ""
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for pane, key in PANE_KEYS.items():
            await pilot.press(key)
            await settle(pilot)
            text = screen_text(app)
            assert_screen_safe(text)
            assert app.query_one("#panes").current == pane
            seen += text
        assert not app._notifications, [n.message for n in app._notifications]
    # each hostile name was on some pane, shown as text (markup as written)
    for name in SHORT:
        if name != hostile.ZERO_WIDTH:  # its user and team became the 100 KB name; its product stays
            assert hostile.shown_as(name) in seen, name
    assert hostile.shown_as(hostile.ZERO_WIDTH) in seen
    assert "ttttt…" in seen  # the 100 KB team and user, cut


async def test_why_view_of_a_hostile_user(hostile_db):
    app = make_test_app(hostile_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, WhyScreen)
        # the chosen row carried the stored name, not its shown form: explain found it
        assert app.screen.user in (*SHORT, hostile.HUGE)
        text = screen_text(app)
        assert_screen_safe(text)
        body = str(app.screen.query_one("#why-text").render())
        assert "Why " in body and "this store has never seen it" not in body
        hostile.assert_safe(body)
        assert hostile.shown_as(app.screen.user)[:20] in text if app.screen.user != hostile.HUGE else "t…" in text
        assert not app._notifications, [n.message for n in app._notifications]


async def test_unknown_team_notification_lists_names_as_text(hostile_db):
    app = make_test_app(hostile_db, team="no\x1b[2J[/bold]" + "x" * 100_000)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        messages = [n.message for n in app._notifications]
        assert len(messages) == 1 and "unknown team 'no\\x1b[2J[/bold]xxx" in messages[0]
        hostile.assert_safe(messages[0], max_chars=3_000)
        assert hostile.shown_as(hostile.UNMATCHED) in messages[0]
        assert_screen_safe(screen_text(app))


async def test_command_palette_lists_teams_as_text(hostile_db):
    app = make_test_app(hostile_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        for ch in "Team: ":
            await pilot.press("space" if ch == " " else ch)
        await settle(pilot)
        text = screen_text(app)
        assert_screen_safe(text)
        # the palette parses markup: each name is still shown as written, no backslash added
        for name in (hostile.UNMATCHED, hostile.MARKUP, hostile.CLEAR):
            assert f"Team: {hostile.shown_as(name)}" in text, text
        assert "\\[" not in text
        assert not app._notifications, [n.message for n in app._notifications]


async def test_empty_store_guide_shows_a_path_with_markup_as_written():
    import shutil
    import tempfile
    from pathlib import Path

    from app import store

    short = Path(tempfile.mkdtemp(prefix="fd-"))  # the guide's box is narrower than pytest's paths
    try:
        db = short / "[/b][$x]" / "store.duckdb"
        store.connect_write(db).close()
        app = make_test_app(db)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            text = screen_text(app)
            assert f"flexdash import --db {db} FILE_OR_FOLDER..." in text
            assert not app._notifications, [n.message for n in app._notifications]
    finally:
        shutil.rmtree(short)
