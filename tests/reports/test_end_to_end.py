"""Reports and explain through the real importer and engine, on small
hand-written logs; every expected number is worked out by hand in the
comments from the rules cited."""

from __future__ import annotations

import json
from datetime import date

import pytest

from app import reports
from app.cli import main
from app.explain import explain, render_text
from tests.reports.e2e import VENDOR_EVENTS, VENDOR_PACKS, load
from tests.reports.handmade import utc


def params(as_of, **kw):
    return reports.ReportParams(as_of=utc(as_of), **kw)


@pytest.fixture
def vendor(store, tmp_path):
    load(store, tmp_path, VENDOR_EVENTS, VENDOR_PACKS, utc("2026-03-10 00:00"))
    return store


def test_vendor_example_charges_r9(vendor):
    got = reports.build(vendor, "charges", params("2026-03-10 00:00"))
    assert got.rows() == [
        (utc("2026-03-02 08:00"), utc("2026-03-03 08:00"), "alice@firm.test", "ACAD", "Design", 7),
        (utc("2026-03-03 08:00"), utc("2026-03-04 08:00"), "alice@firm.test", "ACAD", "Design", 7),
    ]


def test_vendor_example_packs_and_balance_r14_r15_r21(vendor):
    packs = reports.build(vendor, "packs", params("2026-03-10 00:00"))
    assert packs.select("pack_id", "draw_rank", "consumed", "forfeited", "remaining").rows() == [
        ("P-10", 1, 10, 0, 0),
        ("P-5000", 2, 4, 0, 4996),
    ]
    # balance 4,996; burn 14 in the 30 days; runway floor(4996 * 30 / 14) = 10705.
    bal = reports.build(vendor, "balances", params("2026-03-10 00:00"))
    assert bal.rows() == [("Design", 4996, 14, 10705, date(2027, 1, 10), 0)]


def test_historical_as_of_recomputes_r4(vendor):
    # At Tue 07:30 the second session has run 30 min, all inside Monday's
    # window: one charge so far, drawn from P-10.
    got = reports.build(vendor, "charges", params("2026-03-03 07:30"))
    assert got["window_start"].to_list() == [utc("2026-03-02 08:00")]
    packs = reports.build(vendor, "packs", params("2026-03-03 07:30"))
    assert packs.select("pack_id", "remaining").rows() == [("P-10", 3), ("P-5000", 5000)]
    # Back at the stored instant, both charges again.
    assert reports.build(vendor, "charges", params("2026-03-10 00:00")).height == 2


def test_daily_by_opening_day(vendor):
    got = reports.build(vendor, "daily", params("2026-03-10 00:00"))
    assert got.rows() == [
        (date(2026, 3, 2), "Design", "ACAD", 1, 1, 7),
        (date(2026, 3, 3), "Design", "ACAD", 1, 1, 7),
    ]


def test_pack_expiry_forfeits_and_balance_drops_r13_r15(store, tmp_path):
    # B-OLD (100, bought 2025-03-01) expires 2026-03-01 00:00 UTC. bob uses
    # RVT (10/day, version 2022: no idle detection) 08:00-09:00 on 02-23:
    # one window, 10 tokens, leaving 90, forfeited at expiry.
    events = [
        "2026-02-23T08:00:00Z,login,b1,bob@firm.test,Build,RVT,2022,WS-9,windows",
        "2026-02-23T08:20:00Z,activity,b1,bob@firm.test,Build,RVT,2022,WS-9,windows",
        "2026-02-23T09:00:00Z,logout,b1,bob@firm.test,Build,RVT,2022,WS-9,windows",
    ]
    load(store, tmp_path, events, ["B-OLD,Build,100,2025-03-01,"], utc("2026-03-10 00:00"))
    before = reports.build(store, "packs", params("2026-02-28 00:00"))
    after = reports.build(store, "packs", params("2026-03-02 00:00"))
    assert before.select("consumed", "forfeited", "remaining").row(0) == (10, 0, 90)
    assert after.select("consumed", "forfeited", "remaining").row(0) == (10, 90, 0)
    assert reports.build(store, "balances", params("2026-02-28 00:00")).select(
        "balance", "next_expiry", "expiring_90d"
    ).row(0) == (90, date(2026, 3, 1), 90)
    assert reports.build(store, "balances", params("2026-03-02 00:00")).select("balance", "next_expiry").row(0) == (
        0,
        None,
    )
    # At 08:30 the log holds login and the 08:20 activity: a 20-minute span,
    # more than 5 minutes, so already charged (R4, R8); at 08:04 nothing.
    assert reports.build(store, "charges", params("2026-02-23 08:30"))["tokens"].to_list() == [10]
    assert reports.build(store, "charges", params("2026-02-23 08:04")).is_empty()


def test_daily_tz_moves_a_late_window_to_the_next_paris_day_r3(store, tmp_path):
    events = [
        "2026-03-05T23:30:00Z,login,c1,carol@firm.test,Design,ACAD,2022,WS-5,windows",
        "2026-03-06T00:30:00Z,logout,c1,carol@firm.test,Design,ACAD,2022,WS-5,windows",
    ]
    load(store, tmp_path, events, ["P-1,Design,100,2026-01-01,"], utc("2026-03-10 00:00"))
    utc_days = reports.build(store, "daily", params("2026-03-10 00:00"))
    paris = reports.build(store, "daily", params("2026-03-10 00:00", tz="Europe/Paris"))
    assert utc_days.select("day", "tokens").rows() == [(date(2026, 3, 5), 7)]
    assert paris.select("day", "tokens").rows() == [(date(2026, 3, 6), 7)]


def test_explain_vendor_example_names_windows_rate_and_packs(vendor):
    expl = explain(vendor, "alice@firm.test", "ACAD", as_of=utc("2026-03-10 00:00"))
    assert expl.windows.select("window_start", "outcome", "tokens", "rate").rows() == [
        (utc("2026-03-02 08:00"), "charged", 7, 7),
        (utc("2026-03-03 08:00"), "charged", 7, 7),
    ]
    assert expl.draws.select("pack_id", "tokens").rows() == [("P-10", 7), ("P-10", 3), ("P-5000", 4)]
    text = render_text(expl)
    assert "08:00 → Tue 03-03 08:00  charged 7 tokens to Design" in text
    assert "08:00 → Wed 03-04 08:00  charged 7 tokens to Design" in text
    # The Tuesday window opens when Monday's runs out, not at 07:00 (R9).
    assert "the window opened Mon 03-02 08:00 ran out here" in text
    assert "until 08:00 inside the window opened Mon 03-02 08:00" in text
    assert "P-10 3 (draw order 1" in text and "P-5000 4 (draw order 2" in text
    assert "7 tokens from 2021-09-07" in text
    assert "In all: 2 windows charged, 14 tokens" in text


def test_explain_one_day_counts_only_that_days_windows(vendor):
    expl = explain(vendor, "alice@firm.test", "ACAD", as_of=utc("2026-03-10 00:00"), day=date(2026, 3, 3))
    text = render_text(expl)
    assert "carried over" in text
    assert "In all on 2026-03-03: 1 window charged, 7 tokens" in text


def test_explain_cli_json_and_unknown_names(vendor, db_path, capsys):
    vendor.close()
    code = main(
        ["explain", "alice@firm.test", "ACAD", "--db", str(db_path), "--as-of", "2026-03-10", "--format", "json"]
    )
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert [w["window_start"] for w in data["windows"]] == ["2026-03-02T08:00:00Z", "2026-03-03T08:00:00Z"]
    assert data["sessions"][0]["session_id"] == "s-mon"
    assert main(["explain", "alice@firm.tst", "ACAD", "--db", str(db_path)]) == 2
    assert "did you mean alice@firm.test" in capsys.readouterr().err
    assert main(["explain", "alice@firm.test", "ACD", "--db", str(db_path)]) == 2
    assert "unknown product code 'ACD'" in capsys.readouterr().err


def test_report_cli_end_to_end_csv(vendor, db_path, capsys):
    vendor.close()
    assert (
        main(
            [
                "report",
                "charges",
                "--db",
                str(db_path),
                "--as-of",
                "2026-03-10",
                "--format",
                "csv",
                "--since",
                "2026-03-03",
            ]
        )
        == 0
    )
    assert capsys.readouterr().out == (
        "window_start,window_end,user,product,team,tokens\n"
        "2026-03-03T08:00:00Z,2026-03-04T08:00:00Z,alice@firm.test,ACAD,Design,7\n"
    )


def test_explain_denials_balance_and_platform_r16_r18(store, tmp_path):
    # Ops holds 5 tokens, below ACAD's 7: the 09:00 window is denied (R16).
    # The Linux 2019 session is excluded before charging (R18).
    events = [
        "2026-03-04T09:00:00Z,login,d1,dan@firm.test,Ops,ACAD,2022,WS-7,windows",
        "2026-03-04T10:00:00Z,logout,d1,dan@firm.test,Ops,ACAD,2022,WS-7,windows",
        "2026-03-04T11:00:00Z,login,d2,dan@firm.test,Ops,ACAD,2019,WS-8,linux",
        "2026-03-04T12:00:00Z,logout,d2,dan@firm.test,Ops,ACAD,2019,WS-8,linux",
    ]
    load(store, tmp_path, events, ["O-5,Ops,5,2026-01-01,"], utc("2026-03-10 00:00"))
    denials = reports.build(store, "denials", params("2026-03-10 00:00"))
    assert denials.rows() == [
        (utc("2026-03-04 09:00"), "dan@firm.test", "ACAD", "Ops", "insufficient_balance"),
        (utc("2026-03-04 11:00"), "dan@firm.test", "ACAD", "Ops", "unsupported_platform"),
    ]
    assert reports.build(store, "charges", params("2026-03-10 00:00")).is_empty()
    text = render_text(explain(store, "dan@firm.test", "ACAD", as_of=utc("2026-03-10 00:00")))
    assert "09:00  window DENIED for Ops: balance 5 below the rate of 7" in text and "(R16)" in text
    assert "excluded: unsupported_platform" in text
    assert "In all: 0 windows charged, 0 tokens; 1 denied for balance; 1 session excluded." in text


def test_explain_balance_then_counts_the_charges_before_the_denial_at_its_instant_r16(store, tmp_path):
    # Three windows open at 09:00 in Ops (13 tokens), applied by user name,
    # then product code (R16): amy's ACAD draws 7 (6 left), dan's ACAD (7)
    # is denied on those 6, zoe's FUSION draws 3 after it (3 left at 09:00).
    events = [
        f"2026-03-04T{hh}:00:00Z,{what},{sid},{user}@firm.test,Ops,{product},2022,WS-{sid},windows"
        for sid, user, product in (("a", "amy", "ACAD"), ("d", "dan", "ACAD"), ("z", "zoe", "FUSION"))
        for hh, what in (("09", "login"), ("10", "logout"))
    ]
    load(store, tmp_path, events, ["O-13,Ops,13,2026-01-01,"], utc("2026-03-10 00:00"))
    charges = reports.build(store, "charges", params("2026-03-10 00:00"))
    assert charges.select("user", "product", "tokens").rows() == [
        ("amy@firm.test", "ACAD", 7),
        ("zoe@firm.test", "FUSION", 3),
    ]
    expl = explain(store, "dan@firm.test", "ACAD", as_of=utc("2026-03-10 00:00"))
    assert expl.windows.select("window_start", "outcome", "rate", "balance_then").rows() == [
        (utc("2026-03-04 09:00"), "denied", 7, 6)
    ]
    assert "09:00  window DENIED for Ops: balance 6 below the rate of 7" in render_text(expl)


def test_explain_narrowing_leaves_the_connection_whole(store, tmp_path):
    # Another user on the same product and team: alice's windows are those
    # of the vendor example still (R7 merges per user x product only), and
    # after explain the views see both users' events again.
    other = [
        "2026-03-02T07:00:00Z,login,z1,zoe@firm.test,Design,ACAD,2022,WS-3,windows",
        "2026-03-02T08:00:00Z,logout,z1,zoe@firm.test,Design,ACAD,2022,WS-3,windows",
    ]
    load(store, tmp_path, VENDOR_EVENTS + other, VENDOR_PACKS, utc("2026-03-10 00:00"))
    expl = explain(store, "alice@firm.test", "ACAD", as_of=utc("2026-03-10 00:00"))
    assert expl.windows["window_start"].to_list() == [utc("2026-03-02 08:00"), utc("2026-03-03 08:00")]
    assert expl.sessions["session_id"].to_list() == ["s-mon", "s-tue"]
    assert store.execute("SELECT count(*) FROM stg_events(NULL)").fetchall() == [(6,)]
    assert reports.build(store, "charges", params("2026-03-10 00:00")).height == 3
