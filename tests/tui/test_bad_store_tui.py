"""The dashboard on a damaged store: a notification naming the damage
(issue 13), never a traceback or an 'internal error'."""

from __future__ import annotations

from tests.hostile_store import build_hostile_store
from tests.tui.helpers import SIZE, make_test_app, settle

BLOCK = 262144


async def test_a_damaged_store_is_a_notification(tmp_path):
    db = build_hostile_store(tmp_path / "store.duckdb", tmp_path / "in")
    with db.open("r+b") as f:  # every block's checksum fails
        for offset in range(3 * 4096 + 1000, db.stat().st_size, BLOCK):
            f.seek(offset)
            f.write(b"\x5a" * 3000)
    app = make_test_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        messages = [n.message for n in app._notifications]
        assert messages and all(m.startswith(f"the store {db} is damaged (") for m in messages), messages
        assert app.is_running
