"""Properties across reports on the hand-made store (two_teams): whatever
the as-of instant, the packs add up (R13) and a team's balance is the sum
of the remaining tokens of its valid packs (R15)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.reports.handmade import run_query

START = datetime(2025, 2, 1, tzinfo=UTC)
instants = st.integers(min_value=0, max_value=800 * 86400).map(lambda s: START + timedelta(seconds=s))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(as_of=instants)
def test_packs_add_up_and_balances_match_packs_r13_r15(two_teams, as_of):
    text = as_of.strftime("%Y-%m-%d %H:%M:%S")
    packs = run_query(two_teams.con, "packs", text)
    assert (packs["consumed"] + packs["forfeited"] + packs["remaining"]).to_list() == packs["tokens"].to_list()
    assert (packs["purchased_on"] <= as_of.date()).all()
    valid = packs.filter(pl.col("expires_on") > as_of.date())
    expected = dict(valid.group_by("team").agg(pl.col("remaining").sum()).iter_rows())
    balances = run_query(two_teams.con, "balances", text)
    for team, balance in balances.select("team", "balance").iter_rows():
        assert balance == expected.get(team, 0)
    # Nothing is drawn twice and nothing is drawn before the pack is bought.
    assert (packs["consumed"] <= packs["tokens"]).all()
