"""The dashboard's core (app/dashboard): pure functions with hand-computed
expectations. No Textual here."""

from __future__ import annotations

from datetime import UTC, date, datetime

import polars as pl
import pytest

from app.dashboard import Filters
from app.dashboard.panes import band, filter_rates, tokens_at_risk


def test_band_admin_threshold_then_vendor_20_percent():
    # admin threshold 10 %: below it "critical"; below the vendor's 20 % "low"
    assert band(9.99, 10.0) == "critical"
    assert band(10.0, 10.0) == "low"
    assert band(19.99, 10.0) == "low"
    assert band(20.0, 10.0) == "ok"
    assert band(None, 10.0) == "none"
    # an admin threshold above 20 % wins over the vendor band
    assert band(25.0, 30.0) == "critical"


def test_tokens_at_risk_drain_in_draw_order_r14_r21():
    # Burn 10 tokens/day. Pack A (rank 1): 100 left, expires in 5 days ->
    # 50 burnt before expiry, 50 at risk. Pack B (rank 2): 300 left,
    # expires in 20 days -> 200 burnt by then, of which 100 came from A:
    # 100 from B, 200 at risk. Pack C: 50 left, 60 days -> 600 burnt,
    # 400 from A and B, 200 >= 50: nothing at risk.
    assert tokens_at_risk([100, 300, 50], [5, 20, 60], 10.0) == [50, 200, 0]


def test_tokens_at_risk_no_burn_everything_left_is_at_risk():
    assert tokens_at_risk([100, 0], [30, 10], 0.0) == [100, 0]


def test_tokens_at_risk_expired_or_unbought_packs_are_skipped():
    # days None: not bought yet at as-of; negative: already expired
    assert tokens_at_risk([100, 40], [None, -3], 5.0) == [0, 0]


def test_filter_rates_matches_product_name_kind_host_any_case():
    rates = pl.DataFrame(
        {
            "product": ["RVT", "RVTFAB", "ACAD"],
            "name": ["Revit", "Fabrication for Revit", "AutoCAD"],
            "kind": ["product", "plugin", "product"],
            "host": [None, "RVT", None],
        }
    )
    assert filter_rates(rates, "rvt")["product"].to_list() == ["RVT", "RVTFAB"]
    assert filter_rates(rates, "PLUG")["product"].to_list() == ["RVTFAB"]
    assert filter_rates(rates, "autocad")["product"].to_list() == ["ACAD"]
    assert filter_rates(rates, "  ")["product"].to_list() == ["RVT", "RVTFAB", "ACAD"]
    assert filter_rates(rates, "nothing").height == 0


def test_filters_default_period_is_the_30_days_up_to_as_of_r4():
    f = Filters.default(datetime(2026, 11, 21, 15, 0, tzinfo=UTC))
    assert (f.since, f.until) == (date(2026, 10, 23), date(2026, 11, 21))
    p = f.sql_params()
    assert p["since"] == datetime(2026, 10, 23, tzinfo=UTC)
    assert p["until"] == datetime(2026, 11, 22, tzinfo=UTC)  # exclusive end


def test_charts_split_the_periods_tokens_by_day_product_and_hour(sample_store):
    """The Charts pane's two views share out the same tokens the Usage pane
    totals (R9, R10): per day and product, and per weekday and UTC hour."""
    from app.dashboard import StoreReader
    from app.dashboard.charts import load_charts
    from app.dashboard.panes import load_usage
    from tests.tui.helpers import AS_OF

    f = Filters.default(AS_OF, team="civil")
    with StoreReader(sample_store).read(AS_OF) as con:
        usage = load_usage(con, f)
        charts = load_charts(con, f)
    total = int(usage["tokens"].sum())
    assert total > 0
    assert int(charts.burn["tokens"].sum()) == total
    assert int(charts.by_hour["tokens"].sum()) == total
    assert charts.burn.select("day", "product").is_duplicated().sum() == 0
    assert set(charts.by_hour["weekday"]) <= set(range(1, 8)) and set(charts.by_hour["hour"]) <= set(range(24))


def test_balances_pane_on_the_sample_logs_r13_r15(sample_store):
    """Purchased = tokens of the packs valid at as-of (R13), counted by hand
    from sample_logs/packs.csv; the balance is the number `report balances`
    prints (the pane calls the same app.reports.build)."""
    import csv
    from datetime import timedelta

    from app import reports
    from app.dashboard import StoreReader
    from app.dashboard.panes import load_balances
    from tests.tui.helpers import AS_OF, ROOT

    today = AS_OF.date()
    purchased: dict[str, int] = {}
    with open(ROOT / "sample_logs" / "packs.csv", newline="") as fh:
        for row in csv.DictReader(fh):
            bought = date.fromisoformat(row["purchased_on"])
            expires = (
                bought.replace(year=bought.year + 1)
                if not (bought.month == 2 and bought.day == 29)
                else bought.replace(year=bought.year + 1, day=28)
            )
            if bought <= today < expires:
                purchased[row["team"]] = purchased.get(row["team"], 0) + int(row["tokens"])
    assert timedelta(0) < AS_OF - datetime(2026, 11, 20, tzinfo=UTC)  # after the logs end
    f = Filters.default(AS_OF)
    with StoreReader(sample_store).read(AS_OF) as con:
        pane = load_balances(con, f).table
        report = reports.build(con, "balances", reports.ReportParams(as_of=AS_OF))
    assert dict(zip(pane["team"], pane["purchased"], strict=True)) == purchased
    assert dict(zip(pane["team"], pane["balance"], strict=True)) == dict(
        zip(report["team"], report["balance"], strict=True)
    )
    shares = dict(zip(pane["team"], pane["share_left"], strict=True))
    for team, bal in zip(pane["team"], pane["balance"], strict=True):
        assert shares[team] == pytest.approx(bal * 100 / purchased[team])


def test_rates_pane_follows_the_period_and_team_r10(sample_store):
    """sample_logs/rates.csv: C3D at 12 tokens/day from 2021-09-07, 13 from
    2026-10-01 (R10). A period lists the rows in force at some instant of it
    and marks the one in force at its end; the team filters the tokens
    charged (R9: the windows' charges), not the rates."""
    from app.dashboard import StoreReader
    from app.dashboard.panes import load_rates
    from tests.tui.helpers import AS_OF

    def c3d(since, until, team=None):
        f = Filters.default(AS_OF).with_(since=since, until=until, team=team)
        with StoreReader(sample_store).read(AS_OF) as con:
            rates = load_rates(con, f)
        rows = rates.filter(pl.col("product") == "C3D")
        return rows.select("tokens_per_day", "current").rows(), rates

    assert c3d(date(2026, 10, 23), date(2026, 11, 21))[0] == [(13, True)]
    assert c3d(date(2026, 9, 1), date(2026, 9, 30))[0] == [(12, True)]
    assert c3d(date(2026, 9, 15), date(2026, 10, 15))[0] == [(13, True), (12, False)]
    assert c3d(date(2026, 9, 15), date(2026, 9, 30))[0] == [(12, True)]  # 13 starts after the period
    # tokens charged per product in the period: every team's add up to all teams'
    since, until = date(2026, 10, 23), date(2026, 11, 21)
    _, everyone = c3d(since, until)
    with StoreReader(sample_store).read(AS_OF) as con:
        teams = [t for (t,) in con.execute("SELECT team FROM teams").fetchall()]
    per_team = [c3d(since, until, team)[1] for team in teams]
    for product, total in everyone.select("product", "tokens_in_period").unique().iter_rows():
        parts = [int(df.filter(pl.col("product") == product)["tokens_in_period"].max()) for df in per_team]
        assert sum(parts) == total, product
    assert everyone["tokens_in_period"].sum() > 0
    assert all(df["product"].to_list() == everyone["product"].to_list() for df in per_team)  # same rates


def test_imports_pane_follows_the_period_and_counts_the_teams_rows(sample_store):
    """The sample imports are pinned at 2026-11-20 18:0x (tests/tui/conftest.py);
    a team's rows are those stored with its team (R12: an event's team as logged)."""
    from app.dashboard import StoreReader
    from app.dashboard.panes import load_imports
    from tests.tui.helpers import AS_OF

    with StoreReader(sample_store).read(AS_OF) as con:
        everything = load_imports(con, Filters.default(AS_OF))
        before = load_imports(con, Filters.default(AS_OF).with_(since=date(2026, 11, 1), until=date(2026, 11, 19)))
        civil = load_imports(con, Filters.default(AS_OF).with_(team="civil"))
        civil_rows = con.execute(
            "SELECT (SELECT count(*) FROM events JOIN teams USING (team_id) WHERE team = 'civil')"
            " + (SELECT count(*) FROM packs JOIN teams USING (team_id) WHERE team = 'civil')"
            " + (SELECT count(*) FROM assignments JOIN teams USING (team_id) WHERE team = 'civil')"
        ).fetchall()[0][0]
        files = con.execute("SELECT count(*) FROM imports").fetchall()[0][0]
        refused = con.execute("SELECT count(*) FROM rejects").fetchall()[0][0]
    assert everything.imports.height == everything.total == files > 0
    assert everything.imports["team_rows"].null_count() == files  # no team chosen: no count
    assert before.imports.height == 0 and before.rejects.height == 0 and before.total == files
    assert everything.rejects.height == refused
    assert civil.imports["team_rows"].sum() == civil_rows > 0


@pytest.mark.parametrize("days,limit", [(60, 10), (60, 100000), (5, 100000), (5, 3), (90, 1000)])
def test_usage_head_is_a_prefix_of_the_whole(sample_store, days, limit):
    """load_usage_head reads the period's last days only: its rows must be the
    first rows of load_usage (ordered by day first), and "complete" only when
    they are all of them."""
    from datetime import timedelta

    from app.dashboard import StoreReader
    from app.dashboard.panes import load_usage, load_usage_head
    from tests.tui.helpers import AS_OF

    last = AS_OF.date()
    f = Filters.default(AS_OF).with_(since=last - timedelta(days=days - 1), until=last)
    with StoreReader(sample_store).read(AS_OF) as con:
        whole = load_usage(con, f)
        head, complete = load_usage_head(con, f, limit)
    assert whole.height > 0
    assert 0 < head.height <= limit
    assert head.equals(whole.head(head.height))
    assert complete == (head.height == whole.height)
