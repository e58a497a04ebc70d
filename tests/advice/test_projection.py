"""The forecast's forward replay (R21 with R13, R14, R16) on a hand-made
projection: the draws are the engine's (TeamPacks), on whole days."""

from __future__ import annotations

from app.reports.projection import Pack, replay


def test_r14_r16_r13_replay_on_hand_computed_days():
    # R14 order: P0 (5) and P1 (10) expire on day 2, smallest first; P2 (20) lasts
    packs = [Pack("P0", 5, 0, 2, 5.0), Pack("P1", 10, 0, 2, 10.0), Pack("P2", 20, 0, 100, 20.0)]
    days = [
        [(8.0, 1)],  # day 0: 35 valid; 8 drawn across P0 (5) and P1 (3): 27 left
        [],  # day 1: 27
        [(10.0, 3)],  # day 2: P1's 7 forfeited (R13); 20 valid: two drawn from P2, the third denied (R16)
    ]
    out = replay(packs, days, 0, highest_rate=10)
    assert out.balance == [27, 27, 0]
    assert out.forfeited == {"P1": 7} and out.forfeit_day == {"P1": 2}
    assert out.denied == 10
    # 20 left at day 2's start is not below 10; 0 after its draws is
    assert out.runs_out_on == 2
    assert [p.remaining for p in packs] == [0, 0, 0]


def test_r16_a_charge_above_the_balance_is_denied_and_draws_nothing():
    packs = [Pack("P1", 10, 0, 100, 6.0)]
    out = replay(packs, [[(7.0, 1), (3.0, 2)]], 0, highest_rate=7)
    # 7 > 6: denied; then 3 + 3 drawn: 0 left; runs out at once (6 < 7)
    assert (out.denied, out.balance, out.runs_out_on) == (7, [0], 0)
    assert packs[0].remaining == 0
