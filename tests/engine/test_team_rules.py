"""R11, R12, R12b, R17, R18, R18b, R19: billed team, exclusions, plug-ins and
device reports, by hand. Rates: shipped table (RVT 10, RVTFAB plug-in of
RVT 4 without idle detection, MAYA 7 runs on Linux, ACAD 7 does not)."""

from __future__ import annotations

import pytest

from tests.engine.conftest import work


@pytest.fixture
def teams(b):
    for team in ("T1", "T2", "Alpha", "Beta"):
        b.pack(f"P-{team}", team, 1000, "2026-01-01")
    return b


def one_hour(b, session, user, product, date="2026-03-02", start="09:00", end="10:00", **attrs):
    work(b, session, user, product, f"{date}T{start}:00Z", f"{date}T{end}:00Z", **attrs)


def test_r11_plugin_charged_beside_its_host_and_reported_as_autostart(teams):
    one_hour(teams, "host", "ann", "RVT", device="pc1")
    teams.session(
        "plug", "ann", "RVTFAB", [("2026-03-02T09:00:30Z", "login"), ("2026-03-02T10:00:00Z", "logout")], device="pc1"
    )
    # Opened 2 minutes after its host: not an auto-start, but still charged.
    teams.session(
        "late", "ann", "RVTFAB", [("2026-03-03T09:02:00Z", "login"), ("2026-03-03T10:00:00Z", "logout")], device="pc1"
    )
    one_hour(teams, "host2", "ann", "RVT", date="2026-03-03", device="pc1")
    teams.recompute()
    assert teams.charges() == [
        ("2026-03-02T09:00:00Z", "ann", "RVT", "T1", 10),
        ("2026-03-02T09:00:30Z", "ann", "RVTFAB", "T1", 4),
        ("2026-03-03T09:00:00Z", "ann", "RVT", "T1", 10),
        ("2026-03-03T09:02:00Z", "ann", "RVTFAB", "T1", 4),
    ]
    rows = teams.con.execute(
        "SELECT s.session_id, h.session_id, a.delay_seconds FROM v_plugin_autostarts(NULL) a "
        "JOIN sessions s ON s.session_key = a.session_key "
        "JOIN sessions h ON h.session_key = a.host_session_key"
    ).fetchall()
    assert rows == [("plug", "host", 30.0)]


def test_r11_plugin_on_another_device_is_not_an_autostart(teams):
    one_hour(teams, "host", "ann", "RVT", device="pc1")
    teams.session(
        "plug", "ann", "RVTFAB", [("2026-03-02T09:00:10Z", "login"), ("2026-03-02T10:00:00Z", "logout")], device="pc2"
    )
    assert teams.con.execute("SELECT count(*) FROM v_plugin_autostarts(NULL)").fetchall() == [(0,)]


def test_r12_session_bills_the_team_in_its_log_rows(teams):
    one_hour(teams, "s", "ann", "ACAD", team="T2")
    teams.assign("T1", "ann", "ACAD")
    teams.assign("T2", "ann", "ACAD")
    teams.recompute()
    assert teams.charges() == [("2026-03-02T09:00:00Z", "ann", "ACAD", "T2", 7)]


def test_r12_no_team_for_user_in_two_teams_bills_first_assignment(teams):
    teams.assign("T1", "ann", "ACAD", "2026-02-01")
    teams.assign("T2", "ann", "*", "2026-01-15")
    one_hour(teams, "s", "ann", "ACAD", team=None)
    teams.recompute()
    assert teams.charges() == [("2026-03-02T09:00:00Z", "ann", "ACAD", "T2", 7)]
    listed = teams.con.execute("SELECT user_name, teams, team_names FROM v_multi_team_users").fetchall()
    assert listed == [("ann", 2, "T1, T2")]


def test_r12_same_assignment_day_ties_broken_by_team(teams):
    teams.assign("Beta", "ann", "ACAD", "2026-01-15")
    teams.assign("Alpha", "ann", "ACAD", "2026-01-15")
    one_hour(teams, "s", "ann", "ACAD", team=None)
    teams.recompute()
    assert teams.charges() == [("2026-03-02T09:00:00Z", "ann", "ACAD", "Alpha", 7)]


def test_r12_r17_no_team_and_product_not_assigned_bills_first_team_then_denied(teams):
    teams.assign("T2", "ann", "RVT", "2026-01-10")
    teams.assign("T1", "ann", "RVT", "2026-01-20")
    one_hour(teams, "s", "ann", "ACAD", team=None)
    teams.recompute()
    assert teams.charges() == []
    assert teams.denials() == [("2026-03-02T09:00:00Z", "ann", "ACAD", "T2", "not_assigned")]


def test_r12_unlisted_user_bills_the_only_known_team(b):
    b.pack("P", "Solo", 100, "2026-01-01")
    one_hour(b, "s", "ann", "ACAD", team=None)
    b.recompute()
    assert b.charges() == [("2026-03-02T09:00:00Z", "ann", "ACAD", "Solo", 7)]


def test_r12_no_team_resolvable_is_team_unresolved_with_empty_team(teams):
    one_hour(teams, "s", "ann", "ACAD", team=None)
    teams.recompute()
    assert teams.charges() == []
    assert teams.denials() == [("2026-03-02T09:00:00Z", "ann", "ACAD", None, "team_unresolved")]


def test_r12_window_bills_the_earliest_started_session_active_at_opening(teams):
    # Day 1: T1 session opens the window at 09:00 (covered until day 2 09:00).
    one_hour(teams, "d1", "ann", "ACAD", team="T1")
    # Day 2: a T2 session from 07:00 and a T1 session from 08:30, both active
    # at 09:00 when the 2nd window opens: the earlier-started (T2) pays.
    one_hour(teams, "d2a", "ann", "ACAD", date="2026-03-03", start="07:00", end="12:00", team="T2")
    one_hour(teams, "d2b", "ann", "ACAD", date="2026-03-03", start="08:30", end="12:00", team="T1", device="pc2")
    teams.recompute()
    assert teams.charges() == [
        ("2026-03-02T09:00:00Z", "ann", "ACAD", "T1", 7),
        ("2026-03-03T09:00:00Z", "ann", "ACAD", "T2", 7),
    ]


def test_r12b_unknown_product_is_excluded(teams):
    one_hour(teams, "s", "ann", "NOPE")
    teams.recompute()
    assert teams.charges() == []
    assert teams.denials() == [("2026-03-02T09:00:00Z", "ann", "NOPE", "T1", "unknown_product")]


def test_r17_unassigned_product_is_denied_and_unlisted_user_unrestricted(teams):
    teams.assign("T1", "ann", "ACAD")
    one_hour(teams, "a", "ann", "RVT")
    one_hour(teams, "b", "bob", "RVT")
    teams.recompute()
    assert teams.charges() == [("2026-03-02T09:00:00Z", "bob", "RVT", "T1", 10)]
    assert teams.denials() == [("2026-03-02T09:00:00Z", "ann", "RVT", "T1", "not_assigned")]


def test_r17_r7_excluded_session_adds_no_active_time(teams):
    # ann is assigned ACAD in T1 only. A T2 session (not assigned there)
    # 09:00-09:04 would join her T1 session 09:04-09:08 into an 8-minute run;
    # excluded, it adds nothing, and 4 minutes are free.
    teams.assign("T1", "ann", "ACAD")
    teams.session(
        "x", "ann", "ACAD", [("2026-03-02T09:00:00Z", "login"), ("2026-03-02T09:04:00Z", "logout")], team="T2"
    )
    teams.session(
        "y", "ann", "ACAD", [("2026-03-02T09:04:00Z", "login"), ("2026-03-02T09:08:00Z", "logout")], team="T1"
    )
    teams.recompute()
    assert teams.charges() == []
    assert teams.denials() == [("2026-03-02T09:00:00Z", "ann", "ACAD", "T2", "not_assigned")]


def test_r18_linux_2019_session_is_unsupported_2020_is_charged(teams):
    one_hour(teams, "old", "ann", "MAYA", os="linux", version="2019")
    one_hour(teams, "new", "bob", "MAYA", os="linux", version="2020")
    one_hour(teams, "acad", "cat", "ACAD", os="linux", version="2025")
    teams.recompute()
    assert teams.charges() == [("2026-03-02T09:00:00Z", "bob", "MAYA", "T1", 7)]
    assert teams.denials() == [
        ("2026-03-02T09:00:00Z", "ann", "MAYA", "T1", "unsupported_platform"),
        ("2026-03-02T09:00:00Z", "cat", "ACAD", "T1", "unsupported_platform"),
    ]


@pytest.mark.parametrize(
    "user, team, product, os, version, reason",
    [
        # zed is in no assignment and four teams are known: unresolved.
        ("zed", None, "NOPE", "linux", "2019", "team_unresolved"),
        ("ann", "T1", "NOPE", "linux", "2019", "unknown_product"),
        ("ann", "T1", "RVT", "linux", "2019", "unsupported_platform"),
        ("ann", "T1", "RVT", "windows", "2025", "not_assigned"),
    ],
)
def test_r18b_one_reason_in_order(teams, user, team, product, os, version, reason):
    teams.assign("T1", "ann", "ACAD")
    one_hour(teams, "s", user, product, team=team, os=os, version=version)
    teams.recompute()
    denials = teams.denials()
    assert [d[4] for d in denials] == [reason]


def test_r19_overlapping_sessions_on_two_devices_reported_charged_once(teams):
    one_hour(teams, "a", "ann", "ACAD", start="09:00", end="11:00", device="pc1")
    one_hour(teams, "b", "ann", "ACAD", start="10:00", end="12:00", device="laptop")
    teams.recompute()
    assert teams.charges() == [("2026-03-02T09:00:00Z", "ann", "ACAD", "T1", 7)]
    rows = teams.con.execute(
        "SELECT overlap_start, overlap_end, overlap_seconds FROM v_concurrent_use(NULL)"
    ).fetchall()
    assert [(r[0].hour, r[1].hour, r[2]) for r in rows] == [(10, 11, 3600.0)]


def test_r19_more_than_three_devices_within_30_days(teams):
    for n, date in enumerate(["2026-03-01", "2026-03-10", "2026-03-20", "2026-03-30"]):
        one_hour(teams, f"s{n}", "ann", "ACAD", date=date, device=f"dev{n}")
    # bob: four devices but spread over more than 30 days.
    for n, date in enumerate(["2026-03-01", "2026-03-10", "2026-03-20", "2026-04-05"]):
        one_hour(teams, f"b{n}", "bob", "ACAD", date=date, device=f"dev{n}")
    rows = teams.con.execute(
        "SELECT u.user_name, d.devices_30d, d.period_end FROM v_device_limit(NULL) d JOIN users u USING (user_id)"
    ).fetchall()
    assert [(r[0], r[1], r[2].day) for r in rows] == [("ann", 4, 30)]


def test_r19_the_30_days_include_a_start_exactly_30_days_back_and_reach_before_the_period(teams):
    # ann's 4th device opens at 03-31 09:00, exactly 30 days after her first
    # (03-01 09:00): [t - 30 days, t] holds all four devices.
    for n, date in enumerate(["2026-03-01", "2026-03-10", "2026-03-20", "2026-03-31"]):
        one_hour(teams, f"s{n}", "ann", "ACAD", date=date, device=f"dev{n}")
    # bob: the same, but his first session starts one second earlier: out of the 30 days, three devices.
    work(teams, "b0", "bob", "ACAD", "2026-03-01T08:59:59Z", "2026-03-01T10:00:00Z", device="dev0")
    for n, date in enumerate(["2026-03-10", "2026-03-20", "2026-03-31"], start=1):
        one_hour(teams, f"b{n}", "bob", "ACAD", date=date, device=f"dev{n}")
    query = (
        "SELECT u.user_name, d.devices_30d, d.period_end FROM v_device_limit(NULL, since := CAST(? AS TIMESTAMPTZ), "
        "until := CAST(? AS TIMESTAMPTZ)) d JOIN users u USING (user_id)"
    )
    for since, until in [(None, None), ("2026-03-31T00:00:00Z", None)]:  # the period's own sessions: only the 4th
        rows = teams.con.execute(query, [since, until]).fetchall()
        assert [(r[0], r[1], r[2].day) for r in rows] == [("ann", 4, 31)], since
    assert teams.con.execute(query, ["2026-03-01T00:00:00Z", "2026-03-31T00:00:00Z"]).fetchall() == []
