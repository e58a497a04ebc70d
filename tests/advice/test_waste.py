"""Waste (R22): the three replays of R5-R12 with no balance limit, on a
history where each replay's windows are counted by hand.

Product PRO, 10 tokens a day, detects idleness from version 2023 (R6).
alice runs version 2020 (no idle detection), bob version 2025; both log in
Monday 2026-03-02 09:00, do one activity at 09:10 and leave the product
open until Wednesday 09:00 (48 h). Team T1 has one pack of 10 tokens.

- alice: T (whole span, R6 as written) = windows at 03-02 09:00 and 03-03
  09:00 = 20; T_off = 20; T_on: active 09:00-09:25 (09:10 + 15 min), 25 min
  > 5 min -> one window = 10. idle savings 20 - 20 = 0, open waste 20 - 10 = 10.
- bob: T (detects idleness) = 10; T_off = 20; T_on = 10. idle savings
  20 - 10 = 10, open waste 10 - 10 = 0.
- carol: a 4-minute session: no window in any replay, not listed.
Charged (R16, pack of 10): alice's 03-02 window takes the 10 tokens (alice
before bob at the same instant); bob's window and alice's 03-03 one are
denied, but the replays have no balance limit.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from app import reports
from tests.engine.builder import Builder

AS_OF = datetime(2026, 3, 10, tzinfo=UTC)


def history(store) -> Builder:
    b = Builder(store)
    b.rate("PRO", 10, idle_since=2023)
    b.pack("P1", "T1", 10, "2026-01-01")
    for user, version in (("alice@x", "2020"), ("bob@x", "2025")):
        b.session(
            f"s-{user}",
            user,
            "PRO",
            [
                ("2026-03-02T09:00:00Z", "login"),
                ("2026-03-02T09:10:00Z", "activity"),
                ("2026-03-04T09:00:00Z", "logout"),
            ],
            version=version,
        )
    b.session("s-carol", "carol@x", "PRO", [("2026-03-02T10:00:00Z", "login"), ("2026-03-02T10:04:00Z", "logout")])
    b.recompute(AS_OF)
    return b


def rows(store, **kw):
    frame = reports.build(store, "waste", reports.ReportParams(as_of=AS_OF, **kw))
    assert frame.columns == ["user", "product", "windows", "tokens", "idle_savings_tokens", "open_waste_tokens"]
    return [tuple(r) for r in frame.iter_rows()]


def test_waste_three_replays_r22(store):
    history(store)
    assert rows(store) == [
        ("alice@x", "PRO", 1, 10, 0, 10),
        ("bob@x", "PRO", 0, 0, 10, 0),
    ]


def test_waste_period_counts_windows_opened_in_it_r22(store):
    history(store)
    # From 2026-03-03: alice's T and T_off keep the 03-03 window (10 each), T_on none -> open
    # waste 10; bob's T_off keeps 10, T and T_on none -> idle savings 10; no charge in the period.
    assert rows(store, since=date(2026, 3, 3)) == [
        ("alice@x", "PRO", 0, 0, 0, 10),
        ("bob@x", "PRO", 0, 0, 10, 0),
    ]


def test_replay_as_written_is_the_charges_when_no_window_is_denied_r22(store):
    # R22's T is R5-R12 with no balance limit: with a pack that never runs short, no R16
    # denial happens, so T must open exactly the windows the engine charged (same instants,
    # users, products, teams, tokens), and T_off >= T >= T_on per window count here.
    import random

    from app.engine.replay import AS_WRITTEN, IDLE_ALWAYS, IDLE_NEVER, replay_windows

    b = Builder(store)
    b.rate("PRO", 10, idle_since=2023)
    b.rate("OLD", 7, idle_since=None)
    b.pack("BIG", "T1", 100_000, "2026-01-01")
    rng = random.Random(7)
    for n in range(40):
        user = f"u{n % 5}@x"
        day = 2 + n % 20
        start = datetime(2026, 3, day, rng.randrange(6, 12), rng.randrange(60), tzinfo=UTC)
        events = [(start, "login")]
        t = start
        for _ in range(rng.randrange(1, 12)):
            t = t + timedelta(minutes=rng.choice([3, 10, 20, 40, 90]))
            events.append((t, "activity"))
        events.append((t + timedelta(minutes=rng.randrange(1, 300)), "logout"))
        b.session(
            f"s{n}",
            user,
            rng.choice(["PRO", "OLD"]),
            [(e.strftime("%Y-%m-%dT%H:%M:%SZ"), kind) for e, kind in events],
            version=rng.choice(["2020", "2025"]),
        )
    b.recompute(AS_OF)
    charged = sorted(
        store.execute(
            "SELECT epoch_us(window_start), user_id, product_id, team_id, tokens FROM main.charges"
        ).fetchall()
    )
    replays = replay_windows(store, AS_OF)
    w = replays[AS_WRITTEN]
    assert (
        sorted(
            zip(w.start_us.tolist(), w.user_id.tolist(), w.product_id.tolist(), w.team_id.tolist(), w.tokens.tolist())
        )
        == charged
    )
    assert len(replays[IDLE_NEVER].start_us) >= len(w.start_us) >= len(replays[IDLE_ALWAYS].start_us)
