"""The Forecast and Advice panes' core (app.dashboard.advice) and the
budgets in the Alerts pane, on the hand-made repeating history
(tests/advice/conftest.py) and the budgets month (test_budgets.py)."""

from __future__ import annotations

from datetime import date

from app.dashboard import advice
from app.dashboard.filters import Filters
from app.reports import waste
from tests.advice.test_budgets import month  # noqa: F401 (fixture)
from tests.reports.handmade import utc


def test_forecast_pane_data_r21(repeating):
    data = advice.load_forecast(repeating.con, Filters.default(utc("2026-03-02 00:00")))
    assert data.team == "Design" and data.runs_out_on == date(2026, 4, 30)
    # A expires on 20 March with 20 tokens left (test_forecast.py)
    assert data.expiring.rows() == [("A", date(2026, 3, 20), 20)]
    # the band: more demand, lower balance; the projection between
    assert (data.projection["low"] <= data.projection["balance"]).all()
    assert (data.projection["balance"] <= data.projection["high"]).all()
    # 90 days ahead (to 30 May): one purchase on the run-out day (test_plan.py)
    assert data.purchases["buy_on"].to_list()[0] == date(2026, 4, 30)


def test_budget_alerts_rows_and_a_bad_file(month, tmp_path, monkeypatch):  # noqa: F811
    cfg = tmp_path / "b.toml"
    cfg.write_text('[[user_monthly_tokens]]\nabove = 59\nseverity = "critical"\n')
    f = Filters.default(utc("2026-03-10 00:00"))
    rows = advice.budget_alerts(month.con, f, str(cfg))
    assert rows.select("kind", "user", "detail").rows() == [
        ("budget (critical)", "user alice@firm.test", "60 tokens since 2026-03-01 (above 59)")
    ]
    cfg.write_text("[[user_monthly_tokens]]\nabove = 'many'\n")
    (bad,) = advice.budget_alerts(month.con, f, str(cfg)).rows(named=True)
    assert bad["kind"] == "budget file" and "user_monthly_tokens[0].above" in bad["detail"]


def test_advice_replays_an_unchanged_store_once_r22(store, tmp_path, monkeypatch):
    from app import reports
    from app.reports import ReportParams
    from tests.reports.e2e import VENDOR_EVENTS, VENDOR_PACKS, load

    load(store, tmp_path, VENDOR_EVENTS, VENDOR_PACKS, utc("2026-03-10 00:00"))
    replays = []
    real = waste.replay_windows
    monkeypatch.setattr(waste, "replay_windows", lambda con, as_of: replays.append(as_of) or real(con, as_of))
    advice.REPLAYS.clear()
    # The last event is 2026-03-03 12:00: a later "now", another period or a
    # team sees the same events (R4), so the replays are kept.
    for f in (
        Filters.default(utc("2026-03-10 00:00")),
        Filters.default(utc("2026-03-10 00:01")),
        Filters.default(utc("2026-03-10 00:01"), team="Design").with_(since=date(2026, 3, 3)),
    ):
        advice.load_advice(store, f)
    assert len(replays) == 1
    # Before the 12:00 logout the events differ: replayed (R4).
    advice.load_advice(store, Filters.default(utc("2026-03-03 11:00")))
    assert len(replays) == 2
    # An import changes the store's files: replayed, and the same rows as
    # the waste report replaying on its own.
    extra = tmp_path / "more"
    extra.mkdir()
    load(
        store,
        extra,
        ["2026-03-05T08:00:00Z,login,s-thu,alice@firm.test,Design,ACAD,2022,WS-1,windows"],
        [],
        utc("2026-03-10 00:00"),
    )
    f = Filters.default(utc("2026-03-10 00:00"))
    cached = waste.frame(
        store, ReportParams(as_of=f.as_of, since=f.since, until=f.until), advice.waste_replays(store, f.as_of)
    )
    assert len(replays) == 3
    # R22 by hand: the vendor example charges Mon 08:00 and Tue 08:00 (T = T_off
    # = 14; ACAD 2022 detects no idleness); the Thu login alone spans nothing
    # (R5, R8). Detecting idleness, Mon is active 08:00-08:15 (a window, R8)
    # and Tue 07:00-07:15, inside it: T_on = 7, open waste 14 - 7 = 7.
    assert cached.select("user", "open_waste_tokens", "idle_savings_tokens").rows() == [("alice@firm.test", 7, 0)]
    assert cached.equals(reports.query(store, "waste", ReportParams(as_of=f.as_of, since=f.since, until=f.until)))
    assert len(replays) == 4
