"""One number, one definition: every quantity shown in two places is equal.

On the sample firm and on generated stores, at the instant of the stored run
and at earlier ones (the engine's results shadowed in memory, R4): `report
balances` against `report packs` and `report charges` (R13-R15, R21), the
Balances and Expirations panes against the reports, and the Alerts pane
against the session models over the same period (R5, R11, R12, R19). The
hand-made store's property test closes the file."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.dashboard import Filters, StoreReader
from app.generate.synthetic import Plan, generate
from tests.conftest import SAMPLE_FIRM_AS_OF
from tests.reports.agree import check_alerts_agree, check_panes_agree, check_reports_agree
from tests.reports.handmade import run_query
from tests.stores import copied_store, imported_store

SAMPLE_AS_OF = SAMPLE_FIRM_AS_OF
GENERATED_END = datetime(2026, 11, 21, tzinfo=UTC)  # the day after Plan's default last day


@pytest.fixture(scope="module")
def sample_store(sample_firm_template, tmp_path_factory) -> Path:
    return copied_store(sample_firm_template[0], tmp_path_factory.mktemp("sample") / "store.duckdb")


@pytest.fixture(scope="module", params=[11, 12, 13])
def generated_store(request, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp(f"generated{request.param}")
    generate(Plan(users=12, days=75, seed=request.param), folder / "in")
    return imported_store(folder / "store.duckdb", [folder / "in"], as_of=GENERATED_END)


def _agree(db: Path, as_of: datetime) -> None:
    reader = StoreReader(db)
    with reader.read(as_of) as con:
        balances = check_reports_agree(con, as_of)
        assert balances.height > 0
        check_panes_agree(con, as_of)
        check_alerts_agree(con, as_of)


@pytest.mark.parametrize("days_before", [0, 9, 31])
def test_sample_firm_reports_and_panes_agree(sample_store, days_before):
    _agree(sample_store, SAMPLE_AS_OF - timedelta(days=days_before, hours=5 if days_before else 0))


@pytest.mark.parametrize(
    ("since", "until", "found", "not_found"),
    [
        # The sample's R11/R19 cases (test_sample_cases) fall in September to November.
        (date(2026, 9, 1), date(2026, 11, 20), {"concurrent use", "device limit", "plug-in auto-start"}, set()),
        # The day of the concurrent use (its partner session started hours before).
        (date(2026, 9, 22), date(2026, 9, 22), {"concurrent use"}, {"device limit"}),
        # After it and before the fourth device (2026-10-20).
        (date(2026, 9, 23), date(2026, 10, 19), set(), {"concurrent use", "device limit"}),
    ],
)
def test_sample_firm_alerts_are_the_models_over_the_period(sample_store, since, until, found, not_found):
    f = Filters(as_of=SAMPLE_AS_OF, since=since, until=until)
    with StoreReader(sample_store).read(SAMPLE_AS_OF) as con:
        kinds = {row[0] for row in check_alerts_agree(con, SAMPLE_AS_OF, f)}
    assert found <= kinds
    assert not not_found & kinds


@pytest.mark.parametrize("days_before", [0, 12])
def test_generated_stores_reports_and_panes_agree(generated_store, days_before):
    _agree(generated_store, GENERATED_END - timedelta(days=days_before, hours=7 if days_before else 0))


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
