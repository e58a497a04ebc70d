"""The sequential parts on hand-made arrays (R7, R8, R9, R12, R13-R16).
Instants in minutes for readability, converted to microseconds."""

from __future__ import annotations

import numpy as np

from app.engine.drawdown import Packs, TeamPacks, teams_out_of_purchase_order, vector_draw
from app.engine.windows import (
    DAY,
    GroupWalk,
    Intervals,
    chargeable,
    greedy_windows,
    key_span,
    merge_runs,
    session_at,
)

M = 60 * 1_000_000  # one minute in microseconds
H = 60 * M


def a(*values):
    return np.array(values, dtype=np.int64)


def test_r7_merge_runs_joins_touching_and_overlapping_intervals_per_group():
    g = a(0, 0, 0, 0, 1)
    s = a(0, 10, 15, 40, 0) * M
    e = a(10, 20, 18, 50, 5) * M
    t0, span = key_span(2, 0, 50 * M)
    runs = merge_runs(g, s, e, t0, span)
    assert runs.group.tolist() == [0, 0, 1]
    assert (runs.start // M).tolist() == [0, 40, 0]
    assert (runs.end // M).tolist() == [20, 50, 5]


def test_r8_chargeable_drops_runs_of_300_seconds_or_less():
    g = a(0, 0, 0)
    s = a(0, 100, 200) * M
    e = s + a(5 * M, 5 * M + 1_000_000, 60 * M)
    t0, span = key_span(1, 0, 300 * M)
    runs = chargeable(merge_runs(g, s, e, t0, span))
    assert (runs.start // M).tolist() == [100, 200]


def test_r9_greedy_windows_vendor_example_and_continuous_use():
    # group 0: Mon 08:00-17:00, Tue 07:00-12:00 (hours from Mon 00:00).
    # group 1: one run of 50 h from 0: windows at 0, 24 h, 48 h (2 h left).
    g = a(0, 0, 1)
    s = a(8, 31, 0) * H
    e = a(17, 36, 50) * H
    t0, span = key_span(2, 0, 50 * H)
    runs = chargeable(merge_runs(g, s, e, t0, span))
    wg, wu = greedy_windows(runs, t0, span)
    assert wg.tolist() == [0, 0, 1, 1, 1]
    assert (wu // H).tolist() == [8, 32, 0, 24, 48]


def test_r9_window_rest_of_run_needs_more_than_five_minutes():
    # Run 0 -> 24 h 5 min: second window would have exactly 5 min: none.
    g = a(0, 1)
    s = a(0, 0)
    e = a(DAY + 5 * M, DAY + 5 * M + 1_000_000)
    t0, span = key_span(2, 0, DAY + 6 * M)
    wg, wu = greedy_windows(chargeable(merge_runs(g, s, e, t0, span)), t0, span)
    assert wg.tolist() == [0, 1, 1]
    assert wu.tolist() == [0, 0, DAY]


def test_r12_session_at_picks_earliest_started_session_active_at_u():
    # Group 0 intervals: A [0, 60) session started at 0; B [30, 90) started at 30;
    # C [100, 200) started at 100.
    iv = Intervals(a(0, 0, 0), a(0, 30, 100) * M, a(60, 90, 200) * M, a(11, 12, 13), a(0, 30, 100) * M, a(1, 2, 3))
    t0, span = key_span(1, 0, 200 * M)
    got = session_at(iv, a(0, 0, 0, 0), a(45, 60, 100, 150) * M, t0, span)
    # 45: A and B active, A started first. 60: A ended (exclusive), B. 100/150: C.
    assert got.tolist() == [0, 1, 2, 2]


def test_r16_group_walk_denial_skips_the_rest_of_the_run():
    w = GroupWalk([0, 3 * DAY], [2 * DAY, 3 * DAY + H])
    assert w.u == 0
    w.denied()  # rest of run 0 skipped, covered_until unchanged
    assert w.u == 3 * DAY
    w.charged()
    assert w.u is None


def test_r9_group_walk_charges_every_24h_inside_a_run():
    w = GroupWalk([0], [2 * DAY + H])
    seen = []
    while w.u is not None:
        seen.append(w.u)
        w.charged()
    assert seen == [0, DAY, 2 * DAY]


def packs(team, tokens, valid_from, valid_until):
    ids = np.array([f"p{i}" for i in range(len(team))], dtype=object)
    return Packs(a(*team), ids, a(*tokens), a(*valid_from), a(*valid_until))


def test_r13_r14_vector_draw_splits_forfeits_and_denies():
    # Team 1: p0 10 tokens valid [0, 100), p1 20 tokens valid [50, 200).
    # Team 2: p2 5 tokens valid [0, 1000).
    p = packs([1, 1, 2], [10, 20, 5], [0, 50, 0], [100, 200, 1000])
    team = a(1, 1, 1, 1, 2)
    at = a(10, 20, 60, 120, 10)
    rate = a(7, 7, 7, 7, 7)
    d = vector_draw(p, team, at, rate)
    # t=10: p0 10->3. t=20: balance 3 < 7 denied. (the vector pass keeps
    # going as if drawn; only results up to the first denial are exact)
    assert d.ok.tolist()[:2] == [True, False]
    assert d.ok.tolist()[4] is False  # team 2 has 5 < 7
    allocs = list(zip(d.charge_index.tolist(), d.pack_index.tolist(), d.tokens.tolist()))
    assert allocs[0] == (0, 0, 7)


def test_r13_vector_draw_jumps_over_expired_tokens():
    p = packs([1, 1], [10, 20], [0, 50], [100, 200])
    d = vector_draw(p, a(1, 1, 1), a(10, 60, 120), a(7, 7, 7))
    # t=10 p0: 7 (3 left). t=60: p0 3 + p1 4. t=120: p0 expired, p1 7.
    assert d.ok.tolist() == [True, True, True]
    allocs = list(zip(d.charge_index.tolist(), d.pack_index.tolist(), d.tokens.tolist()))
    assert allocs == [(0, 0, 7), (1, 0, 3), (1, 1, 4), (2, 1, 7)]


def test_r13_forfeited_remainder_is_not_drawn_after_expiry():
    p = packs([1, 1], [10, 20], [0, 50], [100, 200])
    d = vector_draw(p, a(1, 1), a(10, 120), a(7, 7))
    # p0 has 3 left at expiry (forfeited); the 2nd charge takes 7 from p1 only.
    allocs = list(zip(d.charge_index.tolist(), d.pack_index.tolist(), d.tokens.tolist()))
    assert allocs == [(0, 0, 7), (1, 1, 7)]


def test_r14_team_packs_scalar_matches_rules():
    t = TeamPacks([0, 50], [100, 200], [10, 20], [0, 1])
    assert t.balance(60) == 30
    assert t.draw(60, 12) == [(0, 10), (1, 2)]
    assert t.draw(120, 19) is None  # balance 18 < 19: nothing drawn
    assert t.remaining == [0, 18]
    assert t.draw(120, 18) == [(1, 18)]


def test_r14_29_february_pack_breaks_purchase_order_and_goes_scalar():
    # Bought 28 Feb (size 100) and 29 Feb (size 50): same expiry, the smaller
    # one ranks first although bought later.
    p = packs([1, 1], [50, 100], [29, 28], [365, 365])
    assert teams_out_of_purchase_order(p).tolist() == [1]


def test_key_span_refuses_overflow_with_a_message():
    import pytest

    from app.errors import FlexdashError

    with pytest.raises(FlexdashError, match="user x product pairs"):
        key_span(10**7, 0, 400 * DAY)


def test_intervals_are_ordered_by_group_start_end_as_a_lexsort_would():
    from app.engine.intervals import _order_by_group_start_end

    # by hand: (group, start, end) rows; rows 1 and 3 tie on (group, start) and go by end;
    # rows 0 and 4 tie on all three and keep their order (stable)
    g, s, e = a(1, 0, 1, 0, 1), a(5, 3, 2, 3, 5) * M, a(9, 8, 4, 6, 9) * M
    assert list(_order_by_group_start_end(g, s, e)) == [3, 1, 2, 0, 4]
    assert len(_order_by_group_start_end(a(), a(), a())) == 0
    rng = np.random.default_rng(5)
    for n, groups, span in ((1, 1, 1), (50, 3, 4), (5000, 40, 300), (5000, 2, 2**62)):
        g, s, e = rng.integers(0, groups, n), rng.integers(0, span, n), rng.integers(0, 6, n)
        # the last case does not fit one int64 key: the lexsort itself
        assert np.array_equal(_order_by_group_start_end(g, s, e), np.lexsort((e, s, g))), (n, groups, span)
