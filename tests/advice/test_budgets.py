"""Budgets (config file, `flexdash check`): each kind on a hand-made month,
exit codes, and bad config files. Figures worked out by hand below.

Team Design, as of Tuesday 2026-03-10 00:00 UTC. Packs: Q = 500 tokens
bought 2025-03-12 (expires 2026-03-12), P = 1000 bought 2026-01-01; no
price, so 3.00 a token (shipped token price table, R23). Charges, all drawn
from Q (R14: it expires first): alice (group Arch) RVT 10 tokens on 3..8
March, bob (no group) ACAD 7 tokens on 1 and 2 March -> 60 + 14 = 74 tokens.
Balance 426 + 1000 = 1426 of 1500 valid tokens (95.07 %). burn_30d 74 ->
runway floor(1426 x 30 / 74) = floor(578.1) = 578 days.
Forecast: the week 3..9 March repeats (Tue-Sun 10 tokens, Mon 0): on 10
and 11 March Q gives 20 more, then expires on 12 March with 406 left.
Spend this month: alice 60 x 3.00 = 180.00 (Arch), bob 14 x 3.00 = 42.00.
"""

from __future__ import annotations

import json

import pytest

from app.budgets.config import Budgets
from app.budgets.evaluate import evaluate, exit_code
from app.cli import main
from app.reports import ReportParams
from tests.reports.handmade import utc

AS_OF = utc("2026-03-10 00:00")


@pytest.fixture
def month(hand):
    hand.pack("Q", "Design", 500, "2025-03-12")
    hand.pack("P", "Design", 1000, "2026-01-01")
    hand.group("alice@firm.test", "Arch")
    for day in (1, 2):
        hand.charge(f"2026-03-0{day} 09:00", "bob@firm.test", "ACAD", "Design", 7, [("Q", 7)])
    for day in range(3, 9):
        hand.charge(f"2026-03-0{day} 09:00", "alice@firm.test", "RVT", "Design", 10, [("Q", 10)])
    return hand


def breaches(con, **rules):
    return [
        (b.kind, b.severity, b.subject, b.value) for b in evaluate(con, Budgets(**rules), ReportParams(as_of=AS_OF))
    ]


def test_team_balance_share_and_runway(month):
    # 1426 < 0.96 x 1500 = 1440: breached (95 %); 1426 >= 0.95 x 1500 = 1425: not.
    assert breaches(month.con, team_balance=[{"below_share": 0.96, "severity": "critical"}]) == [
        ("team_balance", "critical", "team Design", "95%")
    ]
    assert breaches(month.con, team_balance=[{"below_share": 0.95}]) == []
    # runway 578 < 579: breached; 578 < 578: not.
    assert breaches(month.con, team_balance=[{"below_runway_days": 579, "team": "Design"}]) == [
        ("team_balance", "warning", "team Design", "578 days")
    ]
    assert breaches(month.con, team_balance=[{"below_runway_days": 578}]) == []


def test_tokens_at_risk(month):
    assert breaches(month.con, tokens_at_risk=[{"above": 405}]) == [("tokens_at_risk", "warning", "team Design", "406")]
    assert breaches(month.con, tokens_at_risk=[{"above": 406}]) == []


def test_monthly_spend_of_a_team_and_of_a_group(month):
    # team: 180.00 + 42.00 = 222.00; group Arch: 180.00
    assert breaches(month.con, monthly_spend=[{"team": "Design", "budget": "221.99"}]) == [
        ("monthly_spend", "warning", "team Design", "222.00 USD")
    ]
    assert breaches(month.con, monthly_spend=[{"budget": "222.00"}]) == []
    assert breaches(month.con, monthly_spend=[{"group": "Arch", "budget": "179.99", "severity": "critical"}]) == [
        ("monthly_spend", "critical", "group Arch", "180.00 USD")
    ]
    assert breaches(month.con, monthly_spend=[{"group": "Arch", "budget": "180"}]) == []
    # another currency's budget sees no USD spend
    assert breaches(month.con, monthly_spend=[{"budget": "1", "currency": "EUR"}]) == []


def test_user_monthly_tokens(month):
    # alice 60, bob 14
    assert breaches(month.con, user_monthly_tokens=[{"above": 59}]) == [
        ("user_monthly_tokens", "warning", "user alice@firm.test", "60")
    ]
    assert breaches(month.con, user_monthly_tokens=[{"above": 60}]) == []
    assert breaches(month.con, user_monthly_tokens=[{"above": 13, "user": "bob@firm.test"}]) == [
        ("user_monthly_tokens", "warning", "user bob@firm.test", "14")
    ]


def test_exit_codes_follow_the_worst_breach(month):
    warn = evaluate(month.con, Budgets(user_monthly_tokens=[{"above": 59}]), ReportParams(as_of=AS_OF))
    crit = evaluate(
        month.con, Budgets(user_monthly_tokens=[{"above": 13, "severity": "critical"}]), ReportParams(as_of=AS_OF)
    )
    assert (exit_code([]), exit_code(warn), exit_code(warn + crit)) == (0, 1, 2)


@pytest.fixture
def empty_db(tmp_path):
    from app.store import connect_write

    db = tmp_path / "s.duckdb"
    connect_write(db).close()
    return db


def test_check_command_ok_and_json(empty_db, tmp_path, capsys):
    cfg = tmp_path / "budgets.toml"
    cfg.write_text("[[team_balance]]\nbelow_share = 0.2\n\n[[user_monthly_tokens]]\nabove = 100\n")
    assert main(["check", "--db", str(empty_db), "--config", str(cfg), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('[[team_balance]]\nbelow_share = "a fifth"\n', "team_balance[0].below_share: Input should be a valid number"),
        ('[[team_balance]]\nteam = "x"\n', "team_balance[0]: give below_share (0 to 1) or below_runway_days"),
        ("[[tokens_at_risk]]\nabove = -1\n", "tokens_at_risk[0].above: Input should be greater than or equal to 0"),
        ('[[monthly_spend]]\nbudget = 10\ncurrency = "usd"\n', "monthly_spend[0].currency: String should match"),
        (
            '[[user_monthly_tokens]]\nabove = 5\nseverity = "panic"\n',
            "user_monthly_tokens[0].severity: Input should be",
        ),
        ("[alerts]\nx = 1\n", "alerts: unknown key"),
        ("[[team_balance]\n", "not valid TOML"),
    ],
)
def test_bad_config_names_file_and_key_exit_2(empty_db, tmp_path, capsys, text, expected):
    cfg = tmp_path / "budgets.toml"
    cfg.write_text(text)
    before = empty_db.read_bytes()
    assert main(["check", "--db", str(empty_db), "--config", str(cfg)]) == 2
    err = capsys.readouterr().err
    assert str(cfg) in err and expected in err and "Traceback" not in err
    assert empty_db.read_bytes() == before  # nothing changed


def test_named_config_missing_exit_2(empty_db, tmp_path, capsys):
    assert main(["check", "--db", str(empty_db), "--config", str(tmp_path / "nope.toml")]) == 2
    assert "no such budgets file" in capsys.readouterr().err
