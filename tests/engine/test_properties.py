"""Invariants of the engine over random event sets (hypothesis): R9, R13,
R14, R16 and the independence from import order (R12)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import store as store_mod
from app.engine.billing import compute
from app.engine.intervals import load_billable
from tests.engine.builder import Builder, iso

BASE = datetime(2026, 3, 1, tzinfo=UTC)
AS_OF = datetime(2026, 4, 1, tzinfo=UTC)
RATES = {"ACAD": 7, "FUSION": 3, "RVT": 10}

session_st = st.fixed_dictionaries(
    {
        "user": st.sampled_from(["ann", "bob"]),
        "product": st.sampled_from(sorted(RATES)),
        "team": st.sampled_from(["T1", "T2", None]),
        "device": st.sampled_from(["pc1", "pc2"]),
        "version": st.sampled_from(["2022", "2025"]),
        "start": st.integers(0, 10 * 24 * 60),  # minutes after BASE
        "gaps": st.lists(st.integers(0, 40), min_size=1, max_size=6),  # minutes between events
        "logout": st.booleans(),
    }
)
pack_st = st.fixed_dictionaries(
    {
        "team": st.sampled_from(["T1", "T2"]),
        "tokens": st.integers(1, 40),
        "day": st.integers(-380, 10),  # purchase day relative to BASE
    }
)
data_st = st.fixed_dictionaries(
    {
        "sessions": st.lists(session_st, min_size=1, max_size=8),
        "packs": st.lists(pack_st, max_size=5),
    }
)

TABLES = (
    "events",
    "packs",
    "assignments",
    "users",
    "products",
    "teams",
    "devices",
    "sessions",
    "rejects",
    "rates_imported",
    "import_options",
    "imports",
    "import_options",
    "charges",
    "allocations",
    "denials",
    "engine_runs",
)


def reset(con):
    for table in TABLES:  # our own constant names
        con.execute(f"DELETE FROM main.{table}")


def rows_of(data):
    """Flat (kind, values) rows in a canonical order."""
    rows = []
    for n, s in enumerate(data["sessions"]):
        t = BASE + timedelta(minutes=s["start"])
        kinds = ["login"] + ["activity"] * (len(s["gaps"]) - 1) + ["logout" if s["logout"] else "activity"]
        for kind, gap in zip(kinds, [0] + s["gaps"]):
            t += timedelta(minutes=gap, seconds=n)  # distinct instants per session
            rows.append(
                (
                    "event",
                    (iso(t), kind, f"s{n}", s["user"], s["product"]),
                    {"version": s["version"], "device": s["device"], "team": s["team"]},
                )
            )
    for n, p in enumerate(data["packs"]):
        day = (BASE + timedelta(days=p["day"])).date().isoformat()
        rows.append(("pack", (f"P{n}", p["team"], p["tokens"], day), {}))
    return rows


def load(con, rows):
    reset(con)
    b = Builder(con)
    for kind, args, kw in rows:
        if kind == "event":
            b.event(args[0], args[1], args[2], args[3], args[4], **kw)
        else:
            b.pack(*args)
    return b


@pytest.fixture(scope="module")
def two_stores(tmp_path_factory):
    base = tmp_path_factory.mktemp("prop")
    a = store_mod.connect_write(base / "a.duckdb")
    b = store_mod.connect_write(base / "b.duckdb")
    yield a, b
    a.close()
    b.close()


def replay(con):
    """An independent R13/R14/R16 oracle: replay the stored charges and
    insufficient-balance denials in R16 order against the packs."""
    packs = con.execute(
        "SELECT team_id, pack_id, tokens, valid_from, valid_until, draw_rank FROM v_packs ORDER BY team_id, draw_rank"
    ).fetchall()
    remaining = {p[1]: p[2] for p in packs}
    events = con.execute(
        "SELECT window_start, u.user_name, p.product, team_id, tokens, charge_id, 'charge' "
        "FROM main.charges JOIN users u USING (user_id) JOIN products p USING (product_id) "
        "UNION ALL SELECT ts, u.user_name, p.product, team_id, NULL, NULL, 'denial' "
        "FROM main.denials JOIN users u USING (user_id) JOIN products p USING (product_id) "
        "WHERE reason = 'insufficient_balance' ORDER BY 1, 2, 3"
    ).fetchall()
    allocs = {}
    for cid, pack, tokens in con.execute(
        "SELECT a.charge_id, a.pack_id, a.tokens FROM main.allocations a "
        "JOIN v_packs k USING (pack_id) ORDER BY a.charge_id, k.draw_rank"
    ).fetchall():
        allocs.setdefault(cid, []).append((pack, tokens))
    for ts, _user, product, team, tokens, cid, kind in events:
        valid = [p for p in packs if p[0] == team and p[3] <= ts < p[4] and remaining[p[1]] > 0]
        balance = sum(remaining[p[1]] for p in valid)
        rate = RATES[product]
        if kind == "denial":
            assert balance < rate, "R16: a denial only when the balance is below the rate"
            continue
        assert tokens == rate
        need, expected = rate, []
        for p in valid:  # R14: draw order, only valid, non-empty packs
            take = min(need, remaining[p[1]])
            if take:
                expected.append((p[1], take))
                remaining[p[1]] -= take
                need -= take
        assert need == 0, "R16: a charge needs the balance to cover the rate"
        assert allocs.get(cid) == expected


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=data_st, seed=st.integers(0, 10**6))
def test_invariants_and_import_order(two_stores, data, seed):
    con_a, con_b = two_stores
    rows = rows_of(data)
    load(con_a, rows).recompute(AS_OF)
    shuffled = rows[:]
    random.Random(seed).shuffle(shuffled)
    load(con_b, shuffled).recompute(AS_OF)

    # R12/R16: the result does not depend on the order rows were stored in.
    q = (
        "SELECT c.window_start, u.user_name, p.product, t.team, c.tokens, c.charge_id "
        "FROM main.charges c JOIN users u USING (user_id) JOIN products p USING (product_id) "
        "JOIN teams t USING (team_id) ORDER BY c.charge_id"
    )
    assert con_a.execute(q).fetchall() == con_b.execute(q).fetchall()
    qa = "SELECT charge_id, pack_id, tokens FROM main.allocations ORDER BY ALL"
    assert con_a.execute(qa).fetchall() == con_b.execute(qa).fetchall()
    qd = (
        "SELECT d.ts, u.user_name, p.product, t.team, d.reason FROM main.denials d "
        "JOIN users u USING (user_id) JOIN products p USING (product_id) "
        "LEFT JOIN teams t ON t.team_id = d.team_id ORDER BY ALL"
    )
    assert con_a.execute(qd).fetchall() == con_b.execute(qd).fetchall()

    # R9: windows of one user x product never overlap.
    windows = con_a.execute(
        "SELECT user_id, product_id, window_start, window_end FROM main.charges ORDER BY 1, 2, 3"
    ).fetchall()
    for prev, cur in zip(windows, windows[1:]):
        if prev[:2] == cur[:2]:
            assert cur[2] >= prev[3]

    # R13: per pack consumed + forfeited + remaining = tokens, none negative.
    for tokens, consumed, forfeited, remaining in con_a.execute(
        "SELECT tokens, consumed, forfeited, remaining FROM v_pack_state(?)", [AS_OF]
    ).fetchall():
        assert consumed + forfeited + remaining == tokens
        assert min(consumed, forfeited, remaining) >= 0

    # R14/R16: every draw from a valid pack in draw order; denials draw nothing.
    replay(con_a)

    # The engine's numpy intervals are the view's (int_active_intervals, R6).
    got = load_billable(con_a, AS_OF).intervals
    view = con_a.execute(
        "SELECT session_key, epoch_us(interval_start), epoch_us(interval_end) "
        "FROM int_active_intervals(?) WHERE NOT excluded ORDER BY 1, 2, 3",
        [AS_OF],
    ).fetchall()
    assert sorted(zip(got.session_key.tolist(), got.start.tolist(), got.end.tolist())) == view

    # The vectorised path and the one-window-at-a-time path agree.
    # So do one group per key batch (app/engine/batches.py) and one pass.
    fast = compute(con_a, AS_OF)
    for other in (compute(con_a, AS_OF, force_scalar=True), compute(con_a, AS_OF, max_key=1)):
        for name in (
            "charge_start",
            "charge_user",
            "charge_product",
            "charge_team",
            "charge_tokens",
            "charge_session",
            "alloc_charge",
            "alloc_tokens",
        ):
            assert np.array_equal(getattr(fast, name), getattr(other, name)), name
        assert fast.alloc_pack.tolist() == other.alloc_pack.tolist()
        assert sorted(fast.denial_ts.tolist()) == sorted(other.denial_ts.tolist())
