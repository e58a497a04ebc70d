"""R4, R5, R6: sessions, active intervals, idle time and the as-of, by hand."""

from __future__ import annotations

from datetime import UTC, datetime

from app import store as store_mod
from app.engine import use_results_as_of
from tests.engine.builder import iso
from tests.engine.conftest import work


def intervals(b, session):
    rows = b.con.execute(
        "SELECT i.interval_start, i.interval_end FROM int_active_intervals(NULL) i "
        "JOIN sessions s USING (session_key) WHERE s.session_id = ? ORDER BY 1",
        [session],
    ).fetchall()
    return [(iso(a)[11:19], iso(z)[11:19]) for a, z in rows]


def test_r5_span_and_unterminated_flag(b):
    b.session("closed", "ann", "ACAD", [("2026-03-02T09:00:00Z", "login"), ("2026-03-02T10:30:00Z", "logout")])
    b.session("open", "ann", "ACAD", [("2026-03-02T11:00:00Z", "login"), ("2026-03-02T11:20:00Z", "activity")])
    rows = b.con.execute(
        "SELECT s.session_id, i.span_seconds, i.unterminated FROM int_sessions(NULL) i "
        "JOIN sessions s USING (session_key) ORDER BY 1"
    ).fetchall()
    # The unterminated session ends at its last event (11:20): 20 min.
    assert rows == [("closed", 5400.0, False), ("open", 1200.0, True)]


def test_r5_a_period_finds_each_overlapping_session_whole(b):
    # "early" starts before the period (since 03-10 00:00) and ends inside it;
    # its first event (pc1, 2022) names T1, the later ones (laptop) T2 or none.
    b.event("2026-03-09T23:00:00Z", "login", "early", "ann", "ACAD", device="pc1", version="2022", team="T1")
    b.event("2026-03-10T00:30:00Z", "activity", "early", "ann", "ACAD", device="laptop", team="T2")
    b.event("2026-03-10T01:00:00Z", "logout", "early", "ann", "ACAD", device="laptop", team=None)
    b.session("before", "ann", "ACAD", [("2026-03-09T20:00:00Z", "login"), ("2026-03-09T21:00:00Z", "logout")])
    b.session("inside", "bob", "ACAD", [("2026-03-10T09:00:00Z", "login"), ("2026-03-10T09:20:00Z", "activity")])

    def found(since, until=None):
        rows = b.con.execute(
            "SELECT s.session_id, i.session_start, i.session_end, i.events, i.unterminated, t.team, d.device, "
            "i.version FROM int_sessions(NULL, since := CAST(? AS TIMESTAMPTZ), until := CAST(? AS TIMESTAMPTZ)) i "
            "JOIN sessions s USING (session_key) LEFT JOIN teams t ON t.team_id = i.named_team_id "
            "JOIN devices d USING (device_id) ORDER BY 1",
            [since, until],
        ).fetchall()
        return [(r[0], iso(r[1])[5:16], iso(r[2])[5:16], *r[3:]) for r in rows]

    early = ("early", "03-09T23:00", "03-10T01:00", 3, False, "T1", "pc1", "2022")
    inside = ("inside", "03-10T09:00", "03-10T09:20", 2, True, "T1", "pc1", "2025")
    before = ("before", "03-09T20:00", "03-09T21:00", 2, False, "T1", "pc1", "2025")
    assert found(None) == [before, early, inside]
    assert found("2026-03-10T00:00:00Z") == [early, inside]
    assert found("2026-03-10T01:00:00Z") == [early, inside]  # ends exactly at since: overlaps (R5 span)
    assert found("2026-03-10T01:00:01Z") == [inside]
    assert found("2026-03-09T00:00:00Z", "2026-03-10T00:00:00Z") == [before, early]  # starts before until


def test_r6_idle_gap_of_exactly_15_minutes_pauses_nothing(b):
    b.session(
        "s",
        "ann",
        "ACAD",
        [
            ("2026-03-02T10:00:00Z", "login"),
            ("2026-03-02T10:15:00Z", "activity"),
            ("2026-03-02T10:45:00Z", "activity"),
            ("2026-03-02T11:00:00Z", "logout"),
        ],
        version="2025",
    )
    # [10:00,10:15] and [10:15,10:30] touch: one stretch; 10:30-10:45 is idle.
    assert intervals(b, "s") == [("10:00:00", "10:30:00"), ("10:45:00", "11:00:00")]
    row = b.con.execute("SELECT span_seconds, active_seconds, idle_seconds FROM int_session_activity(NULL)").fetchall()
    assert row == [(3600.0, 2700.0, 900.0)]


def test_r6_idle_gap_of_15_minutes_one_second_splits(b):
    b.session(
        "s",
        "ann",
        "ACAD",
        [("2026-03-02T10:00:00Z", "login"), ("2026-03-02T10:15:01Z", "activity"), ("2026-03-02T10:40:00Z", "logout")],
        version="2025",
    )
    assert intervals(b, "s") == [("10:00:00", "10:15:00"), ("10:15:01", "10:30:01")]


def test_r6_logout_is_not_a_meaningful_event(b):
    # Active [10:00, 10:15]; the logout at 11:00 only ends the span.
    b.session(
        "s", "ann", "ACAD", [("2026-03-02T10:00:00Z", "login"), ("2026-03-02T11:00:00Z", "logout")], version="2025"
    )
    assert intervals(b, "s") == [("10:00:00", "10:15:00")]


def test_r6_version_without_idle_detection_is_active_over_its_span(b):
    b.session(
        "s", "ann", "ACAD", [("2026-03-02T10:00:00Z", "login"), ("2026-03-02T11:00:00Z", "logout")], version="2022"
    )
    assert intervals(b, "s") == [("10:00:00", "11:00:00")]


def test_r6_idle_summary_per_user_and_product(b):
    b.session(
        "a", "ann", "ACAD", [("2026-03-02T10:00:00Z", "login"), ("2026-03-02T11:00:00Z", "logout")], version="2025"
    )
    b.session(
        "b", "ann", "ACAD", [("2026-03-03T10:00:00Z", "login"), ("2026-03-03T10:30:00Z", "logout")], version="2022"
    )
    rows = b.con.execute(
        "SELECT user_name, product, sessions, span_seconds, active_seconds, idle_seconds FROM v_idle_summary(NULL)"
    ).fetchall()
    # a: span 3600, active 900; b: span 1800 all active.
    assert rows == [("ann", "ACAD", 2, 5400.0, 2700.0, 2700.0)]


def test_r7_runs_view_merges_across_devices(b):
    b.session("a", "ann", "ACAD", [("2026-03-02T09:00:00Z", "login"), ("2026-03-02T09:04:00Z", "logout")], device="pc1")
    b.session("b", "ann", "ACAD", [("2026-03-02T09:04:00Z", "login"), ("2026-03-02T09:08:00Z", "logout")], device="pc2")
    b.pack("P", "T1", 10, "2026-01-01")
    rows = b.con.execute("SELECT run_seconds, sessions, chargeable FROM int_runs(NULL)").fetchall()
    assert rows == [(480.0, 2, True)]


def test_r4_events_after_as_of_are_ignored(b):
    b.pack("P", "T1", 100, "2026-01-01")
    work(b, "mon", "ann", "ACAD", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z")
    work(b, "tue", "ann", "ACAD", "2026-03-03T09:00:00Z", "2026-03-03T10:00:00Z")
    b.recompute(datetime(2026, 3, 3, 9, 9, tzinfo=UTC))
    # As of Tue 09:09 Tuesday has only its login (R5: the session ends at its
    # last event seen): no active time past 09:00, free.
    assert b.charges() == [("2026-03-02T09:00:00Z", "ann", "ACAD", "T1", 7)]
    b.recompute(datetime(2026, 3, 3, 9, 10, tzinfo=UTC))
    # The 09:10 activity is seen: 10 minutes active, charged.
    assert len(b.charges()) == 2


def test_r4_use_results_as_of_shadows_stored_results_on_a_read_only_connection(db_path):
    from tests.engine.builder import Builder

    con = store_mod.connect_write(db_path)
    b = Builder(con)
    b.pack("P", "T1", 100, "2026-01-01")
    work(b, "mon", "ann", "ACAD", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z")
    work(b, "tue", "ann", "ACAD", "2026-03-03T09:00:00Z", "2026-03-03T10:00:00Z")
    b.recompute(datetime(2026, 6, 1, tzinfo=UTC))
    con.close()
    ro = store_mod.connect_read(db_path)
    try:
        # Nothing happened between the run's as-of and this one: stored results hold.
        assert use_results_as_of(ro, datetime(2026, 5, 1, tzinfo=UTC)) is None
        assert ro.execute("SELECT count(*) FROM charges").fetchall() == [(2,)]
        # As of Monday noon only Monday's window exists; stored tables untouched.
        summary = use_results_as_of(ro, datetime(2026, 3, 2, 12, tzinfo=UTC))
        assert summary is not None and summary.charges == 1
        assert ro.execute("SELECT count(*) FROM charges").fetchall() == [(1,)]
        consumed = ro.execute(
            "SELECT consumed, remaining FROM v_pack_state(?)", [datetime(2026, 3, 2, 12, tzinfo=UTC)]
        ).fetchall()
        assert consumed == [(7, 93)]
        # Back to a later instant: the shadows go away.
        assert use_results_as_of(ro, datetime(2026, 7, 1, tzinfo=UTC)) is None
        assert ro.execute("SELECT count(*) FROM charges").fetchall() == [(2,)]
    finally:
        ro.close()


def test_r4_recompute_after_a_historical_as_of_writes_the_stored_tables(b):
    b.pack("P", "T1", 100, "2026-01-01")
    work(b, "mon", "ann", "ACAD", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z")
    work(b, "tue", "ann", "ACAD", "2026-03-03T09:00:00Z", "2026-03-03T10:00:00Z")
    use_results_as_of(b.con, datetime(2026, 3, 2, 12, tzinfo=UTC))  # shadows: 1 charge
    b.recompute(datetime(2026, 6, 1, tzinfo=UTC))
    assert len(b.charges()) == 2
    assert b.con.execute("SELECT count(*) FROM charges").fetchall() == [(2,)]


def test_r10_the_rate_row_in_force_is_taken_at_the_session_start_to_the_microsecond(b):
    # PLG is a plug-in until its row of 2026-03-01 makes it a product, in
    # force from that day's 00:00 UTC (rate_in_force: [period_start, period_end)).
    b.rate("PLG", 3, "2021-09-07", kind="plugin", host="ACAD", idle_since=None)
    b.rate("PLG", 3, "2026-03-01", kind="product", idle_since=None)
    b.session("last", "ann", "PLG", [("2026-02-28T23:59:59.999999Z", "login"), ("2026-03-01T01:00:00Z", "logout")])
    b.session("first", "bob", "PLG", [("2026-03-01T00:00:00Z", "login"), ("2026-03-01T01:00:00Z", "logout")])
    rows = b.con.execute(
        "SELECT s.session_id, i.product_kind, i.host_product FROM int_sessions(NULL) i "
        "JOIN sessions s USING (session_key) ORDER BY 1"
    ).fetchall()
    assert rows == [("first", "product", None), ("last", "plugin", "ACAD")]
