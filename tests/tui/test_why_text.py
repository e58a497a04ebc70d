"""What the why view and `flexdash explain` say on the sample firm
(issue 14): the headline says denied for a denial, the operating system is
never "windows", names match in any case, a user named without the domain
gets the address suggested; `--team` in any case."""

from __future__ import annotations

import pytest

from app import store
from app.engine import use_results_as_of
from app.errors import UsageError
from app.explain import explain, render_text
from app.reports import ReportParams, build
from tests.tui.helpers import AS_OF

OLIVER = "oliver.hughes@halvorsen-crane.example"


@pytest.fixture
def con(sample_store):
    c = store.connect_read(sample_store)
    use_results_as_of(c, AS_OF)
    yield c
    c.close()


def test_a_day_of_denials_only_says_denied(con):
    # sample_logs/README.md (R16): visualisation ran dry on 2026-11-05, so every
    # window of oliver's MAYA on 2026-11-20 is denied for balance
    from datetime import date

    text = render_text(explain(con, OLIVER, "MAYA", as_of=AS_OF, day=date(2026, 11, 20), results_ready=True))
    headline = text.splitlines()[0]
    assert headline.startswith(f"Why {OLIVER} was denied MAYA")
    assert "charged" not in headline


def test_charged_then_denied_says_both(con):
    text = render_text(explain(con, OLIVER, "MAYA", as_of=AS_OF, results_ready=True))
    assert f"{OLIVER} was charged, and denied, for MAYA" in text.splitlines()[0]


def test_the_operating_system_is_named_never_windows(con):
    text = render_text(explain(con, OLIVER, "MAYA", as_of=AS_OF, results_ready=True))
    sessions = [line for line in text.splitlines() if ", version " in line]
    assert sessions and all(", windows;" not in line for line in sessions)
    assert any("Microsoft Windows" in line for line in sessions)


def test_names_match_in_any_case(con):
    expl = explain(con, OLIVER.upper(), "maya", as_of=AS_OF, results_ready=True)
    assert (expl.user, expl.product) == (OLIVER, "MAYA")  # as the store writes them


def test_a_user_without_the_domain_gets_the_address_suggested(con):
    with pytest.raises(UsageError, match=f"did you mean {OLIVER}\\?"):
        explain(con, "Oliver.Hughes", "MAYA", as_of=AS_OF, results_ready=True)


def test_a_team_in_another_case_is_that_team(con):
    upper = build(con, "balances", ReportParams(as_of=AS_OF, team="CIVIL"), results_ready=True)
    lower = build(con, "balances", ReportParams(as_of=AS_OF, team="civil"), results_ready=True)
    assert upper.equals(lower) and upper["team"].to_list() == ["civil"]
