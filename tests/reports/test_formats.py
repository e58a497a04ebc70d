"""The csv and json formats scripts depend on (data contract), and the
table format people read; through `flexdash report` as well."""

from __future__ import annotations

import json
from datetime import date

import polars as pl
import pytest

from app import reports
from app.cli import main
from app.reports import render
from tests.reports.handmade import HandStore, run_query, utc


def test_csv_charges_exact_text(two_teams):
    df = run_query(two_teams.con, "charges", "2026-02-11 00:00")
    assert render(df, "charges", "csv") == (
        "window_start,window_end,user,product,team,tokens\n"
        "2026-02-02T08:00:00Z,2026-02-03T08:00:00Z,alice@firm.test,ACAD,Design,7\n"
        "2026-02-10T23:30:00Z,2026-02-11T23:30:00Z,bob@firm.test,RVT,Design,10\n"
    )


def test_csv_balances_dates_and_empty_runway(two_teams):
    df = run_query(two_teams.con, "balances", "2026-02-28 12:00")
    assert render(df, "balances", "csv").splitlines() == [
        "team,balance,burn_30d,runway_days,next_expiry,expiring_90d",
        "Build,93,7,398,2026-06-01,0",
        "Design,5573,27,6192,2026-03-01,5473",
        "Empty,0,0,,,0",
    ]


def test_csv_header_only_when_empty(hand):
    df = run_query(hand.con, "denials", "2026-03-01 00:00")
    assert render(df, "denials", "csv") == "ts,user,product,team,reason\n"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_injection_guard_prefixes_formula_cells(hand, start):
    hand.reject(1, f"{start}evil.csv", 2, "bad", f"{start}cmd")
    text = render(run_query(hand.con, "rejects", "2026-03-01 00:00"), "rejects", "csv")
    # A carriage return inside a cell makes the csv module quote it.
    cell = f'"\'{start}evil.csv"' if start == "\r" else f"'{start}evil.csv"
    raw = f'"\'{start}cmd"' if start == "\r" else f"'{start}cmd"
    assert text == f"file,line,reason,raw\n{cell},2,bad,{raw}\n"


def test_csv_guard_leaves_plain_cells_and_numbers_alone():
    df = pl.DataFrame({"file": ["a=b.csv"], "line": [-3], "reason": ["x"], "raw": [None]})
    assert render(df, "rejects", "csv") == "file,line,reason,raw\na=b.csv,-3,x,\n"


def test_csv_quotes_commas_and_quotes(hand):
    hand.reject(1, "a.csv", 2, "bad", 'x,"y"')
    text = render(run_query(hand.con, "rejects", "2026-03-01 00:00"), "rejects", "csv")
    assert text.splitlines()[1] == 'a.csv,2,bad,"x,""y"""'


def test_json_same_keys_strings_for_instants_numbers_as_numbers(two_teams):
    df = run_query(two_teams.con, "charges", "2026-02-11 00:00", team="Design")
    rows = json.loads(render(df, "charges", "json"))
    assert rows == [
        {
            "window_start": "2026-02-02T08:00:00Z",
            "window_end": "2026-02-03T08:00:00Z",
            "user": "alice@firm.test",
            "product": "ACAD",
            "team": "Design",
            "tokens": 7,
        },
        {
            "window_start": "2026-02-10T23:30:00Z",
            "window_end": "2026-02-11T23:30:00Z",
            "user": "bob@firm.test",
            "product": "RVT",
            "team": "Design",
            "tokens": 10,
        },
    ]


def test_json_nulls_and_dates(two_teams):
    rows = json.loads(
        render(run_query(two_teams.con, "balances", "2026-02-28 12:00", team="Empty"), "balances", "json")
    )
    assert rows == [
        {"team": "Empty", "balance": 0, "burn_30d": 0, "runway_days": None, "next_expiry": None, "expiring_90d": 0}
    ]
    assert json.loads(render(run_query(two_teams.con, "denials", "2020-01-01 00:00"), "denials", "json")) == []


def test_table_readable_headings_separators_and_empty_state(two_teams):
    params = reports.ReportParams(as_of=utc("2026-02-28 12:00"))
    text = render(reports.query(two_teams.con, "balances", params), "balances", "table", params, width=120)
    assert "Balance" in text and "Runway (days)" in text
    assert "5,573" in text and "5,473" in text
    assert "as of 2026-02-28T12:00:00Z" in text
    empty = reports.query(two_teams.con, "denials", params.__class__(as_of=utc("2020-01-01 00:00")))
    assert "Denials: nothing to show" in render(empty, "denials", "table", width=120)


def test_table_idle_durations_as_hours():
    df = pl.DataFrame(
        {
            "user": ["a"],
            "product": ["ACAD"],
            "sessions": [1],
            "span_seconds": [90061],
            "active_seconds": [3600],
            "idle_seconds": [86461],
        }
    )
    text = render(df, "idle", "table", width=120)
    assert "25:01:01" in text and "1:00:00" in text


# --- through the command line -------------------------------------------


@pytest.fixture
def cli_store(db_path, monkeypatch):
    """A hand-made store on disk, closed, for `flexdash report --db`. The
    engine's as-of step is skipped: these rows did not come from events."""
    from app import store

    con = store.connect_write(db_path)
    h = HandStore(con)
    h.pack("P-1", "Design", 500, "2026-01-01")
    h.charge("2026-01-10 23:30", "=alice@firm.test", "ACAD", "Design", 7, [("P-1", 7)])
    h.charge("2026-01-12 08:00", "bob@firm.test", "RVT", "Build", 10)
    con.close()
    monkeypatch.setattr("app.reports.runner.apply_as_of", lambda con, as_of: None)
    return db_path


def test_cli_csv(cli_store, capsys):
    code = main(
        ["report", "charges", "--db", str(cli_store), "--format", "csv", "--as-of", "2026-02-01", "--team", "Design"]
    )
    assert code == 0
    assert capsys.readouterr().out == (
        "window_start,window_end,user,product,team,tokens\n"
        "2026-01-10T23:30:00Z,2026-01-11T23:30:00Z,'=alice@firm.test,ACAD,Design,7\n"
    )


def test_cli_daily_tz_and_as_of(cli_store, capsys):
    code = main(
        [
            "report",
            "daily",
            "--db",
            str(cli_store),
            "--format",
            "json",
            "--as-of",
            "2026-01-11T00:00:00Z",
            "--tz",
            "Europe/Paris",
        ]
    )
    assert code == 0
    assert json.loads(capsys.readouterr().out) == [
        {"day": "2026-01-11", "team": "Design", "product": "ACAD", "users": 1, "windows": 1, "tokens": 7}
    ]


def test_cli_unknown_team_lists_known_teams_exit_2(cli_store, capsys):
    code = main(["report", "balances", "--db", str(cli_store), "--team", "Desing"])
    assert code == 2
    err = capsys.readouterr().err
    assert "unknown team 'Desing'" in err and "Build, Design" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--as-of", "yesterday-ish"], "not an instant"),
        (["--since", "2026-13-01"], "not a date"),
        (["--tz", "Nowhere/City"], "unknown time zone"),
    ],
)
def test_cli_bad_options_exit_2_without_traceback(cli_store, capsys, argv, message):
    code = main(["report", "charges", "--db", str(cli_store), *argv])
    assert code == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_cli_table_default(cli_store, capsys):
    assert main(["report", "packs", "--db", str(cli_store), "--as-of", "2026-02-01"]) == 0
    out = capsys.readouterr().out
    assert "Token packs" in out and "P-1" in out and "493" in out
    assert date(2027, 1, 1).isoformat() in out


@pytest.mark.parametrize("name", reports.NAMES)
def test_every_report_on_an_empty_store_has_the_contract_header(store, name):
    # data-contract.md, "Reports": exactly these columns, in this order.
    contract = {
        "charges": "window_start,window_end,user,product,team,tokens",
        "denials": "ts,user,product,team,reason",
        "packs": "pack_id,team,tokens,purchased_on,expires_on,draw_rank,consumed,forfeited,remaining",
        "balances": "team,balance,burn_30d,runway_days,next_expiry,expiring_90d",
        "daily": "day,team,product,users,windows,tokens",
        "idle": "user,product,sessions,span_seconds,active_seconds,idle_seconds",
        "rejects": "file,line,reason,raw",
        "subscriptions": "user,product,days,tokens,flex_cost,currency,coverage_days,annual_cost,"
        "subscription_price,break_even_days,recommendation,saving",
        "collections": "user,collection,products,flex_cost,currency,coverage_days,annual_cost,"
        "collection_price,recommendation,saving",
        "forecast": "team,balance,burn_30d,runs_out_on,highest_rate,tokens_at_risk,forecast_30d,backtest_error",
        "waste": "user,product,windows,tokens,idle_savings_tokens,open_waste_tokens",
        "chargeback": "month,team,group,tokens,cost,currency",
        "reconcile": "day,user,product,team_billed,team_computed,tokens_billed,tokens_computed,status",
        "gaps": "day,tokens_computed",
    }
    df = reports.build(store, name, reports.ReportParams(as_of=utc("2026-03-01 00:00")))
    assert render(df, name, "csv") == contract[name] + "\n"
    assert render(df, name, "json") == "[]\n"


def test_table_caps_rows_and_says_so():
    df = pl.DataFrame(
        {"file": [f"f{i:04d}.csv" for i in range(30)], "line": list(range(30)), "reason": ["x"] * 30, "raw": [""] * 30}
    )
    from app.reports.render import to_table

    text = to_table(df, "rejects", width=100, max_rows=10)
    assert "f0009.csv" in text and "f0010.csv" not in text
    assert "Showing the first 10 of 30 rows" in text  # rejects has no date column: the first rows
