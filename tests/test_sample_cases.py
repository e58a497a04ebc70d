"""End to end on the bundled sample logs: importer, engine and reports make of
each hand-placed case what sample_logs/README.md says (R5-R19).

The expectations are the README's, worked out by hand from the case rows
(sample_cases.py) before any engine ran, not copied from engine output.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from app import store
from tests.conftest import SAMPLE_FIRM_AS_OF
from tests.stores import copied_store

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_logs"
AS_OF = SAMPLE_FIRM_AS_OF  # what the template is charged as of
D = "@halvorsen-crane.example"


@pytest.fixture(scope="module")
def reports(sample_firm_template, tmp_path_factory):
    from app.reports import ReportParams, build

    template, results = sample_firm_template  # the folder imported in one call, as `flexdash demo` does
    con = store.connect_write(copied_store(template, tmp_path_factory.mktemp("samples") / "store.duckdb"))
    try:
        params = ReportParams(as_of=AS_OF)
        out = {name: _as_text(build(con, name, params)) for name in ("charges", "denials", "packs")}
        # the R11/R12/R19 reports the dashboard reads: who each view names
        for view in ("v_concurrent_use", "v_device_limit", "v_plugin_autostarts"):
            out[view] = con.execute(
                f"SELECT u.user_name, p.product, count(*) FROM {view}(?) v "  # model names are ours
                "JOIN users u USING (user_id) JOIN products p USING (product_id) "
                "GROUP BY ALL ORDER BY ALL",
                [AS_OF],
            ).fetchall()
        out["v_multi_team_users"] = con.execute(
            "SELECT user_name, team_names FROM v_multi_team_users ORDER BY ALL"
        ).fetchall()
        out["plugin_sessions"] = con.execute(
            "SELECT u.user_name, count(*) FROM int_sessions(?) s JOIN users u USING (user_id) "
            "JOIN products p USING (product_id) WHERE p.product = 'RVTFAB' GROUP BY ALL ORDER BY ALL",
            [AS_OF],
        ).fetchall()
    finally:
        con.close()
    out["imports"] = results
    return out


def _as_text(df: pl.DataFrame) -> pl.DataFrame:
    """Instants and days as the contract's CSV writes them (YYYY-MM-DDTHH:MM:SSZ)."""
    return df.with_columns(
        [pl.col(c).dt.strftime("%Y-%m-%dT%H:%M:%SZ") for c, t in df.schema.items() if isinstance(t, pl.Datetime)]
        + [pl.col(c).cast(pl.String) for c, t in df.schema.items() if isinstance(t, pl.Date)]
    )


def _charges(reports, user: str, product: str) -> list[tuple[str, int]]:
    rows = reports["charges"].filter((pl.col("user") == user) & (pl.col("product") == product))
    return list(zip(rows["window_start"].cast(pl.String), rows["tokens"]))


def test_samples_import_whole_with_the_overlap_as_duplicates(reports):
    results = reports["imports"]
    # six files of logs and reference data, and the vendor's usage export (R24)
    assert len(results) == 7 and all(r.rejected == 0 for r in results)
    duplicates = sum(r.duplicates for r in results)
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    assert duplicates > 0 and f"Those {duplicates} rows" in readme


def test_exclusions_r12_r12b_r17_r18(reports):
    other = reports["denials"].filter(pl.col("reason") != "insufficient_balance")
    got = sorted(tuple(r) for r in other.select("ts", "user", "product", "team", "reason").iter_rows())
    assert got == sorted(
        [
            ("2026-09-10T08:30:00Z", "emma.fournier" + D, "VRED", "visualisation", "unknown_product"),
            ("2026-09-11T12:00:00Z", "emma.fournier" + D, "VRED", "visualisation", "unknown_product"),
            ("2026-10-06T09:00:00Z", "sofia.lambert" + D, "MAYA", "visualisation", "unsupported_platform"),
            ("2026-10-14T13:00:00Z", "theo.garnier" + D, "3DSMAX", "visualisation", "unsupported_platform"),
            ("2026-10-21T17:00:00Z", "megan.obrien" + D, "NAVMAN", "civil", "not_assigned"),
            ("2026-11-12T10:00:00Z", "guest.render@studio-north.example", "MAYA", None, "team_unresolved"),
        ]
    )


def test_r16_only_visualisation_runs_dry_in_november(reports):
    dry = reports["denials"].filter(pl.col("reason") == "insufficient_balance")
    assert set(dry["team"]) == {"visualisation"}
    assert dry["ts"].min().startswith("2026-11-05")


def test_r5_unterminated_session_is_charged_once(reports):
    assert _charges(reports, "lea.martin" + D, "ACAD") == [("2026-09-09T07:20:00Z", 7)]


def test_r6_weekend_with_idle_detection_costs_two_windows(reports):
    assert _charges(reports, "hugo.bernard" + D, "RVT") == [("2026-10-16T13:30:00Z", 10), ("2026-10-19T06:31:00Z", 10)]


def test_r6_weekend_without_idle_detection_costs_three_windows(reports):
    assert _charges(reports, "chloe.dubois" + D, "NAVMAN") == [
        ("2026-10-09T12:00:00Z", 9),
        ("2026-10-10T12:00:00Z", 9),
        ("2026-10-11T12:00:00Z", 9),
    ]


def test_r8_only_the_6_minute_session_is_charged(reports):
    assert _charges(reports, "noah.petit" + D, "ACAD") == [("2026-09-23T12:00:00Z", 7)]


def test_r7_two_devices_at_once_are_one_window(reports):
    assert _charges(reports, "ines.moreau" + D, "RVT") == [("2026-09-22T07:00:00Z", 10)]


def test_r19_four_devices_change_no_charge(reports):
    assert _charges(reports, "ryan.walsh" + D, "ACAD") == [
        (f"2026-10-{d}T14:00:00Z", 7) for d in ("05", "07", "13", "20")
    ]


def test_r9_vendor_example_and_contractor_windows(reports):
    assert _charges(reports, "nathan.blanc" + D, "ACAD") == [("2026-11-02T07:00:00Z", 7), ("2026-11-03T07:00:00Z", 7)]
    assert _charges(reports, "r.kowalski@partner.example", "RVT") == [
        ("2026-09-14T07:30:00Z", 10),
        ("2026-09-15T07:30:00Z", 10),
        ("2026-09-16T07:45:00Z", 10),
        ("2026-09-17T07:45:00Z", 10),
        ("2026-09-18T07:45:00Z", 10),
    ]


def test_r11_plugins_are_charged_beside_their_host(reports):
    jules = reports["charges"].filter(
        (pl.col("user") == "jules.mercier" + D) & pl.col("window_start").str.starts_with("2026-09-08")
    )
    assert sorted(zip(jules["product"], jules["tokens"])) == [("RVT", 10), ("RVTFAB", 4)]
    assert _charges(reports, "adam.chevalier" + D, "RVTFAB") == [("2026-10-01T09:12:05Z", 4)]


def test_r12_named_team_and_team_from_assignments(reports):
    amara = reports["charges"].filter(pl.col("user") == "amara.okafor" + D)
    by_product = amara.group_by("product").agg(pl.col("team").unique().sort())
    teams = dict(zip(by_product["product"], by_product["team"].to_list()))
    assert teams["C3D"] == ["civil"]  # only civil assigns her C3D
    assert sorted(teams["RVT"]) == ["architecture", "civil"]  # civil only when named
    named = amara.filter(pl.col("window_start") == "2026-11-04T08:00:00Z")
    assert list(zip(named["product"], named["team"], named["tokens"])) == [("RVT", "civil", 10)]


def test_r10_civil_3d_costs_13_from_october(reports):
    c3d = reports["charges"].filter(pl.col("product") == "C3D")
    before = c3d.filter(pl.col("window_start") < "2026-10-01")
    after = c3d.filter(pl.col("window_start") >= "2026-10-01")
    assert set(before["tokens"]) == {12} and set(after["tokens"]) == {13}


def test_r13_r14_packs(reports):
    packs = reports["packs"]
    civil_old = packs.filter(pl.col("pack_id") == "HCE-2025-017").row(0, named=True)
    assert civil_old["expires_on"].startswith("2026-09-01") and civil_old["forfeited"] > 0
    pair = packs.filter(pl.col("pack_id").is_in(["HCE-2026-009", "HCE-2026-010"])).sort("draw_rank")
    assert list(pair["pack_id"]) == ["HCE-2026-010", "HCE-2026-009"]  # same day: the 500 first


def test_r19_only_the_placed_cases_are_reported(reports):
    """Background staff never use one product on two devices at once, nor
    on more than two devices: the R19 reports name the cases only."""
    assert [row[:2] for row in reports["v_concurrent_use"]] == [("ines.moreau" + D, "RVT")]
    assert [row[:2] for row in reports["v_device_limit"]] == [("ryan.walsh" + D, "ACAD")]


def test_r11_every_plugin_session_of_jules_is_an_autostart_and_adams_is_not(reports):
    plugin_sessions = dict(reports["plugin_sessions"])
    assert plugin_sessions["adam.chevalier" + D] == 1
    assert reports["v_plugin_autostarts"] == [("jules.mercier" + D, "RVTFAB", plugin_sessions["jules.mercier" + D])]


def test_r12_the_multi_team_user_is_listed(reports):
    assert reports["v_multi_team_users"] == [("amara.okafor" + D, "architecture, civil")]
