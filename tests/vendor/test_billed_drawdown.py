"""One draw-down walk in time order for a team with both billed and logged
charges (R14, R16, R24): a billed day (no log of the team covers it) draws
from the packs at the day's 00:00 UTC, before the logs' windows that open
later, and a window the packs can no longer cover is denied (R16)."""

from __future__ import annotations

import pytest

from app.engine import recompute
from app.engine.billing import compute
from app.ingest import import_paths
from tests.reports.handmade import utc

from .helpers import TITLE, quoted, title_row, write_bytes
from .test_export_only import _logs, _session

AS_OF = utc("2026-03-10 00:00")


def _store(store, tmp_path, packs: str, sessions, billed):
    import_paths(
        store,
        [
            write_bytes(tmp_path / "packs.csv", "pack_id,team,tokens,purchased_on\n" + packs),
            _logs(tmp_path, sessions),
            write_bytes(tmp_path / "export.csv", quoted([TITLE, *billed])),
        ],
    )
    recompute(store, AS_OF)


def _charges(con):
    return con.execute(
        "SELECT strftime(c.window_start, '%m-%d %H:%M'), u.user_name, c.tokens, c.source, "
        "  (SELECT list(a.pack_id || ':' || a.tokens ORDER BY a.pack_id) FROM allocations a "
        "   WHERE a.charge_id = c.charge_id) "
        "FROM v_charge_source c JOIN users u USING (user_id) ORDER BY c.charge_id"
    ).fetchall()


def _denials(con):
    return con.execute(
        "SELECT strftime(d.ts, '%m-%d %H:%M'), u.user_name, d.reason FROM denials d JOIN users u USING (user_id) "
        "WHERE d.reason = 'insufficient_balance' ORDER BY d.ts"
    ).fetchall()


def _balance(con):
    return con.execute("SELECT balance FROM v_team_balances(?) WHERE team = 'Design'", [AS_OF]).fetchone()[0]


def test_r16_a_window_after_a_billed_day_is_denied_when_the_bill_emptied_the_pack(store, tmp_path):
    # P1 holds 12. 2 March: the vendor billed ann 10 Revit tokens, no log of
    # Design that day: a billed charge at 00:00 draws 10, 2 are left.
    # 3 March 09:00: bob's AutoCAD window (7 tokens, R10) finds 2 < 7: denied
    # (R16), nothing drawn; the balance stays 2.
    _store(
        store,
        tmp_path,
        "P1,Design,12,2026-01-01\n",
        [_session("s1", "bob@x.com", "ACAD", "2026-03-03")],
        [title_row("Design", "ann@x.com", "2026-03-02", "Revit", "10")],
    )
    assert _charges(store) == [("03-02 00:00", "ann@x.com", 10, "billed", ["P1:10"])]
    assert _denials(store) == [("03-03 09:00", "bob@x.com", "insufficient_balance")]
    assert _balance(store) == 2


def test_r14_a_window_before_a_billed_day_draws_first(store, tmp_path):
    # P1 holds 12. 2 March 09:00: bob's AutoCAD window draws 7 (5 left).
    # 3 March: ann billed 10 Revit tokens, no log that day: drawn at 00:00,
    # never denied (the vendor allowed it), it draws the 5 left.
    _store(
        store,
        tmp_path,
        "P1,Design,12,2026-01-01\n",
        [_session("s1", "bob@x.com", "ACAD", "2026-03-02")],
        [title_row("Design", "ann@x.com", "2026-03-03", "Revit", "10")],
    )
    assert _charges(store) == [
        ("03-02 09:00", "bob@x.com", 7, "logs", ["P1:7"]),
        ("03-03 00:00", "ann@x.com", 10, "billed", ["P1:5"]),
    ]
    assert _denials(store) == []
    assert _balance(store) == 0


def test_r14_billed_and_logged_days_interleave_in_time_across_packs(store, tmp_path):
    # P1 (10 tokens, expires first) then P2 (20), R14 draw order.
    # 2 March 09:00 logs: bob AutoCAD 7 -> P1 7 (P1: 3 left)
    # 3 March 00:00 billed: ann Revit 10 -> P1 3, P2 7 (P2: 13 left)
    # 4 March 09:00 logs: bob AutoCAD 7 -> P2 7 (P2: 6 left)
    # 5 March 00:00 billed: ann Revit 10 -> P2 6, short by 4 (never denied)
    # 6 March 09:00 logs: bob AutoCAD 7 -> 0 left: denied (R16)
    _store(
        store,
        tmp_path,
        "P1,Design,10,2026-01-01\nP2,Design,20,2026-02-01\n",
        [_session(f"s{d}", "bob@x.com", "ACAD", f"2026-03-0{d}") for d in (2, 4, 6)],
        [title_row("Design", "ann@x.com", f"2026-03-0{d}", "Revit", "10") for d in (3, 5)],
    )
    assert _charges(store) == [
        ("03-02 09:00", "bob@x.com", 7, "logs", ["P1:7"]),
        ("03-03 00:00", "ann@x.com", 10, "billed", ["P1:3", "P2:7"]),
        ("03-04 09:00", "bob@x.com", 7, "logs", ["P2:7"]),
        ("03-05 00:00", "ann@x.com", 10, "billed", ["P2:6"]),
    ]
    assert _denials(store) == [("03-06 09:00", "bob@x.com", "insufficient_balance")]
    assert _balance(store) == 0


@pytest.mark.parametrize("max_key", [None, 1])
def test_r16_the_walk_from_the_start_agrees_with_the_resumed_one(store, tmp_path, max_key):
    # another team (Civil, logs only, a denial of its own on 4 March) and
    # Design's billed days: the vectorised pass with resumed walks must give
    # what one walk from the start gives (force_scalar), in batches too
    _store(
        store,
        tmp_path,
        "P1,Design,12,2026-01-01\nC1,Civil,7,2026-01-01\n",
        [
            _session("s1", "bob@x.com", "ACAD", "2026-03-03"),
            _session("s2", "bob@x.com", "ACAD", "2026-03-05"),
            _session("c1", "cid@x.com", "ACAD", "2026-03-01", team="Civil"),
            _session("c2", "cid@x.com", "ACAD", "2026-03-04", team="Civil"),
        ],
        [title_row("Design", "ann@x.com", "2026-03-02", "Revit", "10")],
    )
    fast = compute(store, AS_OF, max_key=max_key and 2**40)
    slow = compute(store, AS_OF, force_scalar=True)
    for name in ("charge_start", "charge_user", "charge_team", "charge_tokens", "alloc_charge", "alloc_tokens"):
        assert getattr(fast, name).tolist() == getattr(slow, name).tolist(), name
    assert fast.alloc_pack.tolist() == slow.alloc_pack.tolist()
    assert fast.denial_ts.tolist() == slow.denial_ts.tolist()
    # Civil: 7 on 1 March, denied on 4 March; Design: billed 10 on 2 March,
    # bob denied on 3 and 5 March (2 < 7): three denials in all
    assert len(fast.denial_ts) == 3 and len(fast.charge_start) == 2


def _midnight_session(sid, user, product, day, team):
    # login at 00:00:00, active 20 minutes: one window opening at 00:00 (R8, R9)
    return [
        f"{day}T00:{m:02d}:00Z,{ev},{sid},{user},{team},{product},2025,WS-{user},windows"
        for m, ev in ((0, "login"), (10, "activity"), (20, "logout"))
    ]


def _same_instant_store(store, tmp_path):
    # 4 March 00:00: Design's billed days of ann and zed (no log of Design
    # that day) and bob's logged AutoCAD window for Build, all at one instant
    _store(
        store,
        tmp_path,
        "P1,Design,100,2026-01-01\nB1,Build,100,2026-01-01\n",
        [_midnight_session("b1", "bob@x.com", "ACAD", "2026-03-04", "Build")],
        [
            title_row("Design", "zed@x.com", "2026-03-04", "Revit", "10"),
            title_row("Design", "ann@x.com", "2026-03-04", "Revit", "10"),
        ],
    )


def test_r16_one_instant_numbers_billed_and_logged_charges_by_user_name(store, tmp_path):
    # R16: charges of one instant apply by user name, then product code,
    # whichever the source: ann (billed), bob (logs), zed (billed) -> 1, 2, 3
    _same_instant_store(store, tmp_path)
    assert _charges(store) == [
        ("03-04 00:00", "ann@x.com", 10, "billed", ["P1:10"]),
        ("03-04 00:00", "bob@x.com", 7, "logs", ["B1:7"]),
        ("03-04 00:00", "zed@x.com", 10, "billed", ["P1:10"]),
    ]
    ids = store.execute(
        "SELECT u.user_name, c.charge_id FROM charges c JOIN users u USING (user_id) ORDER BY 1"
    ).fetchall()
    assert ids == [("ann@x.com", 1), ("bob@x.com", 2), ("zed@x.com", 3)]


def test_r24_explain_a_billed_day_says_the_vendor_billed_it(store, tmp_path):
    # explain --day on a billed day: the charge explain shows is the one the
    # engine numbered (ann's, charge 1), and its why is the bill, not a run
    from app.explain import explain, render_text

    _same_instant_store(store, tmp_path)
    expl = explain(store, "ann@x.com", "RVT", as_of=AS_OF, day=__import__("datetime").date(2026, 3, 4))
    assert expl.windows.select("outcome", "tokens", "charge_id", "session_id").rows() == [("charged", 10, 1, None)]
    assert expl.source == "billed by the vendor (export only)"
    text = render_text(expl)
    assert "charged 10 tokens to Design, as the vendor billed them (R24)" in text
    assert "why: billed by the vendor for this day, which no usage log of Design covers" in text
    assert "team of session None" not in text and "run went on" not in text
