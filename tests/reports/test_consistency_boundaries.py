"""One number, one definition at the boundaries, on a store built by hand and
charged by the real engine: a window opened exactly 30 days before the as-of
(out of the burn, R21), a pack bought on the as-of day (valid from its
00:00, R13), a pack expiring exactly at the as-of (forfeited, R13); and the
Alerts pane's plug-in rule (the rate row in force at the session's start,
R10/R11) and team (the billed one, R12). The reports and the panes must show
the hand-computed numbers, and agree (tests/reports/agree.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import polars as pl
import pytest

from app import reports
from app.dashboard import Filters, panes
from app.engine import use_results_as_of
from app.reports import ReportParams
from tests.engine.builder import Builder
from tests.engine.conftest import work
from tests.reports.agree import check_alerts_agree, check_panes_agree, check_reports_agree

AS_OF = datetime(2026, 3, 15, tzinfo=UTC)
JUST_BEFORE = datetime(2026, 3, 14, 23, 59, 59, tzinfo=UTC)


@pytest.fixture
def edges(store):
    b = Builder(store)
    # T1: OLD expires 2026-03-15 (= AS_OF), TODAY is bought on AS_OF's day.
    b.pack("OLD", "T1", 100, "2025-03-15")
    b.pack("MID", "T1", 1000, "2026-01-01")
    b.pack("TODAY", "T1", 50, "2026-03-15")
    # ann, ACAD 2022 (no idle detection, R6): one 7-token window per session,
    # opened at its login (R9). 2026-02-13 00:00 is exactly AS_OF - 30 days.
    for day in ("2026-02-13", "2026-02-14", "2026-03-10"):
        work(b, f"ann-{day}", "ann", "ACAD", f"{day}T00:00:00Z", f"{day}T01:00:00Z", version="2022")
    # bob: no team in his log rows; T2 assigns him everything, so T2 bills him (R12).
    b.pack("B", "T2", 200, "2026-01-01")
    b.assign("T2", "bob", "*")
    b.rate("PLG", 3, "2021-09-07", kind="plugin", host="ACAD", idle_since=None)
    b.rate("PLG", 3, "2026-03-01", kind="product", idle_since=None)  # no longer a plug-in (R10)
    for day in ("2026-02-20", "2026-03-05"):
        work(b, f"host-{day}", "bob", "ACAD", f"{day}T09:00:00Z", f"{day}T10:00:00Z", team=None)
        work(b, f"plug-{day}", "bob", "PLG", f"{day}T09:00:30Z", f"{day}T10:00:00Z", team=None)
    b.session(
        "open", "bob", "ACAD", [("2026-03-06T09:00:00Z", "login"), ("2026-03-06T09:30:00Z", "activity")], team=None
    )
    b.recompute(AS_OF)
    return b


def test_r13_r15_r21_balances_at_the_edges(edges):
    con = edges.con
    got = reports.query(con, "balances", ReportParams(as_of=AS_OF)).to_dicts()
    # T1 packs: OLD drew the three 7-token windows (earliest expiry first, R14)
    # and forfeits 100 - 21 = 79 at AS_OF; balance = MID 1000 + TODAY 50.
    # burn_30d: windows in (02-13 00:00, 03-15 00:00] = 02-14 and 03-10 = 14;
    # runway = 1050 * 30 // 14 = 2250; next expiry MID 2027-01-01; nothing
    # valid ends by AS_OF + 90 days.
    # T2: bob's windows ACAD 02-20, 03-05, 03-06 (7 each) and PLG 02-20,
    # 03-05 (3 each) = 27; balance 200 - 27 = 173; runway 173 * 30 // 27 = 192.
    assert got == [
        dict(team="T1", balance=1050, burn_30d=14, runway_days=2250, next_expiry=date(2027, 1, 1), expiring_90d=0),
        dict(team="T2", balance=173, burn_30d=27, runway_days=192, next_expiry=date(2027, 1, 1), expiring_90d=0),
    ]
    packs = reports.query(con, "packs", ReportParams(as_of=AS_OF, team="T1"))
    assert packs.select("pack_id", "consumed", "forfeited", "remaining").rows() == [
        ("OLD", 21, 79, 0),
        ("MID", 0, 0, 1000),
        ("TODAY", 0, 0, 50),
    ]
    pane = panes.load_balances(con, Filters.default(AS_OF)).table.filter(pl.col("team") == "T1").to_dicts()[0]
    # purchased = tokens of the packs valid at AS_OF (MID, TODAY); 7-day burn: 03-10.
    assert (pane["balance"], pane["purchased"], pane["burn_30d"], pane["burn_7d"]) == (1050, 1050, 14, 7)
    check_reports_agree(con, AS_OF)
    check_panes_agree(con, AS_OF)


def test_r13_r15_balance_chart_at_the_end_of_each_day(edges):
    con = edges.con
    history = panes.load_balances(con, Filters.default(AS_OF, team="T1")).history
    days = history.filter(pl.col("day") >= date(2026, 3, 9)).rows()
    # day, balance, purchased, forfeited, expired packs. ann's windows at
    # 00:00 on 02-13, 02-14 and 03-10 draw 7 each from OLD (R14): 86 left on
    # 03-09, 79 from 03-10. OLD is valid through 03-14 23:59:59.999999 and
    # forfeits its 79 on 03-15 (R13); that day ends at AS_OF (R4), when
    # TODAY (50) is already bought: 1000 + 50.
    assert days == [
        (date(2026, 3, 9), 86 + 1000, 0, 0, 0),
        (date(2026, 3, 10), 79 + 1000, 0, 0, 0),
        (date(2026, 3, 11), 1079, 0, 0, 0),
        (date(2026, 3, 12), 1079, 0, 0, 0),
        (date(2026, 3, 13), 1079, 0, 0, 0),
        (date(2026, 3, 14), 1079, 0, 0, 0),
        (date(2026, 3, 15), 1050, 50, 79, 1),
    ]
    # MID's 1000 are bought on 01-01 (OLD's 100 before the chart's 180 days).
    bought = history.filter(pl.col("purchased") > 0).select("day", "purchased").rows()
    assert bought == [(date(2026, 1, 1), 1000), (date(2026, 3, 15), 50)]
    assert history["day"].to_list()[0] == date(2025, 9, 17)
    assert history.filter(pl.col("day") < date(2026, 1, 1))["balance"].unique().to_list() == [100]


def test_r4_balance_chart_ends_at_noon_of_the_as_of_day(edges):
    con = edges.con
    noon = datetime(2026, 3, 15, 12, tzinfo=UTC)
    work(edges, "ann-noon", "ann", "ACAD", "2026-03-15T11:00:00Z", "2026-03-15T13:00:00Z", version="2022")
    edges.recompute(noon)
    history = panes.load_balances(con, Filters.default(noon, team="T1")).history
    # The 11:00 window (7, R9) draws from MID, OLD having expired (R13, R14);
    # the 13:00 logout is after the as-of and changes nothing (R4).
    assert history.filter(pl.col("day") >= date(2026, 3, 14)).rows() == [
        (date(2026, 3, 14), 1079, 0, 0, 0),
        (date(2026, 3, 15), 1043, 50, 79, 1),
    ]
    check_panes_agree(con, noon)


def test_r13_r21_one_second_earlier(edges):
    con = edges.con
    use_results_as_of(con, JUST_BEFORE)
    t1 = reports.query(con, "balances", ReportParams(as_of=JUST_BEFORE, team="T1")).to_dicts()
    # OLD is still valid (79 left, expiring within 90 days), TODAY not bought;
    # the 02-13 window is now inside (02-12 23:59:59, 03-14 23:59:59]: 21.
    assert t1 == [
        dict(
            team="T1",
            balance=1079,
            burn_30d=21,
            runway_days=1079 * 30 // 21,
            next_expiry=date(2026, 3, 15),
            expiring_90d=79,
        )
    ]
    packs = reports.query(con, "packs", ReportParams(as_of=JUST_BEFORE, team="T1"))
    assert packs["pack_id"].to_list() == ["OLD", "MID"]
    check_reports_agree(con, JUST_BEFORE)
    check_panes_agree(con, JUST_BEFORE)


def test_r10_r11_r12_alerts_use_the_rate_in_force_and_the_billed_team(edges):
    con = edges.con
    f = Filters(as_of=AS_OF, since=date(2026, 2, 14), until=date(2026, 3, 14))
    found = check_alerts_agree(con, AS_OF, f)
    # Only the 02-20 plug-in session is an auto-start: on 03-05 PLG's rate row
    # says product (R10, R11). Both name T2, the team that bills bob (R12).
    assert found == [
        ("plug-in auto-start", datetime(2026, 2, 20, 9, 0, 30, tzinfo=UTC), "bob", "PLG", "T2"),
        ("unterminated session", datetime(2026, 3, 6, 9, 30, tzinfo=UTC), "bob", "ACAD", "T2"),
    ]
