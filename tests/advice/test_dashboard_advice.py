"""The Forecast and Advice panes' core (app.dashboard.advice) and the
budgets in the Alerts pane, on the hand-made repeating history
(tests/advice/conftest.py) and the budgets month (test_budgets.py)."""

from __future__ import annotations

from datetime import date

from app.dashboard import advice
from app.dashboard.filters import Filters
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
