"""The sample firm's vendor export (sample_logs/vendor_token_usage.csv, R24):
report reconcile finds exactly the differences sample_logs/README.md says
were planted, and the export adds no billed charge (every planted row is on
a team-day the logs cover)."""

from __future__ import annotations

import re

import pytest

from app import reports, store
from tests.conftest import ROOT, SAMPLE_FIRM_AS_OF
from tests.stores import copied_store

AS_OF = SAMPLE_FIRM_AS_OF  # what the template is charged as of


@pytest.fixture(scope="module")
def sample_con(sample_firm_template, tmp_path_factory):
    template, results = sample_firm_template
    con = store.connect_write(copied_store(template, tmp_path_factory.mktemp("sample") / "s.duckdb"))
    yield con, results
    con.close()


def test_the_export_is_read_whole(sample_con):
    _, results = sample_con
    (vendor,) = [r for r in results if r.kind == "vendor_usage"]
    assert vendor.rows > 800 and vendor.accepted == vendor.rows


def test_reconcile_finds_exactly_the_planted_differences(sample_con):
    con, _ = sample_con
    readme = (ROOT / "sample_logs" / "README.md").read_text(encoding="utf-8")
    planted = re.findall(r"^- `(\w+)`: (\S+), (\w+), (\d{4}-\d{2}-\d{2}):", readme, flags=re.M)
    assert {p[0] for p in planted} == {"amount_differs", "computed_not_billed", "team_differs", "billed_not_computed"}
    got = reports.build(con, "reconcile", reports.ReportParams(as_of=AS_OF))
    found = [(r["status"], r["user"], r["product"], r["day"].isoformat()) for r in got.to_dicts()]
    assert sorted(found) == sorted(planted)


def test_no_billed_charge_and_no_gap(sample_con):
    con, _ = sample_con
    assert con.execute("SELECT count(*) FROM v_charge_source WHERE source = 'billed'").fetchall() == [(0,)]
    assert reports.build(con, "gaps", reports.ReportParams(as_of=AS_OF)).height == 0
