"""The purchase plan (R21) on the repeating history of test_forecast.py:
as of Monday 2026-03-02 the projection runs out on Thursday 2026-04-30
(10 tokens each weekday, B empty that evening). Horizon 90 days: the
projection must hold through Saturday 2026-05-30.

From 1 May to 30 May there are 21 weekdays (1; 4-8; 11-15; 18-22; 25-29)
-> 210 tokens, and the balance must stay >= 10 (the highest rate): one pack
bought on 30 April needs >= 220 tokens.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from app.reports import ReportParams
from app.reports.forecast import day_number, load_inputs, projected_charges, simulate
from app.reports.plan import _pack, plans
from tests.reports.handmade import utc

AS_OF = utc("2026-03-02 00:00")


def plan_of(con):
    (p,) = plans(con, ReportParams(as_of=AS_OF), 90)
    return p


def test_plan_buys_the_cheapest_sufficient_pack_and_is_minimal_r21(repeating):
    # 500 tokens at 1.50 = 750.00 beats three 100-token packs at 3.00 (900.00, see below).
    repeating.token_prices((100, "3.00", "USD"), (500, "1.50", "USD"), (1000, "1.40", "USD"))
    p = plan_of(repeating.con)
    assert [(b.day, b.pack_size, b.price) for b in p.purchases] == [(date(2026, 4, 30), 500, Decimal("750.00"))]
    assert p.cost == Decimal("750.00") and p.runs_out_on is None
    # forfeits: A's 20 tokens on 20 March (the 500 pack lasts 50 weekdays, long before it expires)
    assert p.tokens_forfeited == 20

    # Minimality: without the purchase, or with 100 tokens instead, it runs out within 90 days.
    (inputs,) = load_inputs(repeating.con, ReportParams(as_of=AS_OF))
    start, charges, _ = projected_charges(inputs, AS_OF, 457)
    end = day_number(date(2026, 5, 31))
    assert simulate(inputs, start, charges, []).runs_out_on == day_number(date(2026, 4, 30))
    smaller = simulate(inputs, start, charges, [_pack(0, 100, day_number(date(2026, 4, 30)))]).runs_out_on
    # 100 tokens last 10 weekdays: 1 May, 4-8, 11-14 -> out on Thursday 14 May
    assert smaller == day_number(date(2026, 5, 14)) < end


def test_plan_of_small_packs_when_they_are_cheaper_r21(repeating):
    # At 3.00 / 2.80 / 2.60 a token: one 500 pack costs 1400.00; 100-token packs bought at each
    # run-out: 30 April (lasts to 14 May: 10 weekdays), 14 May (to 28 May), 28 May (the last one:
    # only 29 May's 10 tokens remain, 100 is enough) = 3 x 300.00 = 900.00.
    repeating.token_prices((100, "3.00", "USD"), (500, "2.80", "USD"), (1000, "2.60", "USD"))
    p = plan_of(repeating.con)
    assert [(b.day, b.pack_size) for b in p.purchases] == [
        (date(2026, 4, 30), 100),
        (date(2026, 5, 14), 100),
        (date(2026, 5, 28), 100),
    ]
    assert p.cost == Decimal("900.00")


def test_plan_buys_nothing_when_the_projection_holds(repeating):
    # 30 days ahead (to 31 March): the projection runs out on 30 April, outside it.
    (p,) = plans(repeating.con, ReportParams(as_of=AS_OF), 30)
    assert p.purchases == [] and p.cost == Decimal("0.00")


def test_plan_command_csv_and_bad_horizon(tmp_path, capsys):
    from app.cli import main
    from app.store import connect_write

    db = tmp_path / "s.duckdb"
    connect_write(db).close()
    assert main(["plan", "--db", str(db), "--format", "csv", "--as-of", "2026-03-02"]) == 0
    assert capsys.readouterr().out == "team,buy_on,pack_size,price,currency,plan_cost,tokens_forfeited,runs_out_on\n"
    assert main(["plan", "--db", str(db), "--horizon", "0"]) == 2
    assert "--horizon 0" in capsys.readouterr().err
