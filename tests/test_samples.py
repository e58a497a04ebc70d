"""The bundled sample logs: present, small, in the contract's columns, and
really holding each rule case sample_logs/README.md points at (R5-R19).

The files are read directly with polars (not through the importer), so these
tests say what is in the data whatever the engine makes of it.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
from datetime import date, timedelta
from pathlib import Path

import polars as pl
import pytest

from app.generate import samples
from app.generate.formats import ASSIGNMENT_COLUMNS, EVENT_COLUMNS, PACK_COLUMNS, RATE_COLUMNS

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_logs"
EVENT_FILES = ["events_2026-08-09.csv", "events_2026-10.jsonl", "events_2026-11.csv.gz"]
DOMAIN = "@halvorsen-crane.example"
TS_WITH_OFFSET = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$")


def _read(name: str) -> pl.DataFrame:
    path = SAMPLES / name
    if name.endswith(".jsonl"):
        frame = pl.read_ndjson(path, schema={c: pl.String for c in EVENT_COLUMNS})
    else:
        frame = pl.read_csv(path, infer_schema=False)
    return frame.with_columns(pl.lit(name).alias("file"))


@pytest.fixture(scope="module")
def events() -> pl.DataFrame:
    """All event rows of the three files, with the instant parsed (R1)."""
    frame = pl.concat([_read(n) for n in EVENT_FILES], how="vertical")
    return frame.with_columns(
        pl.col("ts")
        .str.replace(r"Z$", "+00:00")
        .str.to_datetime("%Y-%m-%dT%H:%M:%S%:z", time_zone="UTC")
        .alias("instant"),
        pl.col("version").str.slice(0, 4).cast(pl.Int32).alias("year"),
    )


@pytest.fixture(scope="module")
def sessions(events) -> pl.DataFrame:
    """One row per session (the overlap day's duplicates collapse here)."""
    unique = events.unique(subset=["session_id", "event", "instant"])
    return (
        unique.group_by("session_id")
        .agg(
            pl.col("user").first(),
            pl.col("product").first(),
            pl.col("device").first(),
            pl.col("os").first(),
            pl.col("year").first(),
            pl.col("team").first(),
            pl.col("instant").min().alias("first"),
            pl.col("instant").max().alias("last"),
            (pl.col("event") == "logout").any().alias("has_logout"),
            pl.col("user").n_unique().alias("n_users"),
            pl.col("product").n_unique().alias("n_products"),
            pl.col("device").n_unique().alias("n_devices"),
        )
        .with_columns((pl.col("last") - pl.col("first")).dt.total_seconds().alias("seconds"))
    )


def _rates() -> list[dict]:
    with open(ROOT / "data" / "rates.csv", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _assignments() -> list[dict]:
    with open(SAMPLES / "assignments.csv", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _one(sessions: pl.DataFrame, user: str, product: str, day: str) -> dict:
    rows = sessions.filter(
        (pl.col("user") == user)
        & (pl.col("product") == product)
        & (pl.col("first").dt.date() == date.fromisoformat(day))
    )
    assert rows.height == 1, rows
    return rows.row(0, named=True)


# --- files ------------------------------------------------------------------


def test_sample_files_exist_and_total_under_5_mb():
    names = EVENT_FILES + ["packs.csv", "assignments.csv", "rates.csv", "README.md"]
    for name in names:
        assert (SAMPLES / name).is_file(), name
    assert sum(p.stat().st_size for p in SAMPLES.iterdir()) < 5 * 1024 * 1024


def test_headers_are_exactly_the_contract_columns():
    with open(SAMPLES / "events_2026-08-09.csv", encoding="utf-8") as f:
        assert tuple(f.readline().rstrip("\n").split(",")) == EVENT_COLUMNS
    with gzip.open(SAMPLES / "events_2026-11.csv.gz", "rt", encoding="utf-8") as f:
        assert tuple(f.readline().rstrip("\n").split(",")) == EVENT_COLUMNS
    with open(SAMPLES / "events_2026-10.jsonl", encoding="utf-8") as f:
        keys = {tuple(json.loads(line)) for line in f}
    assert keys == {EVENT_COLUMNS}
    for name, columns in (
        ("packs.csv", PACK_COLUMNS),
        ("assignments.csv", ASSIGNMENT_COLUMNS),
        ("rates.csv", RATE_COLUMNS),
    ):
        with open(SAMPLES / name, encoding="utf-8") as f:
            assert tuple(f.readline().rstrip("\n").split(",")) == columns, name


def test_committed_samples_are_what_the_script_writes(tmp_path):
    """Deterministic: regenerating gives the committed bytes, file by file."""
    samples.write(tmp_path)
    for path in sorted(tmp_path.iterdir()):
        assert path.read_bytes() == (SAMPLES / path.name).read_bytes(), path.name


def test_every_ts_has_an_offset_and_several_offsets_occur(events):
    """R1, R2: no naive timestamp; Paris, Boston, London and UTC rows."""
    assert events["ts"].str.contains(TS_WITH_OFFSET.pattern).all()
    offsets = set(events["ts"].str.slice(19).unique())
    assert {"+01:00", "+02:00", "Z", "-04:00", "-05:00"} <= offsets


def test_every_row_is_valid_contract_data(events):
    assert set(events["event"].unique()) == {"login", "activity", "logout"}
    assert set(events["os"].unique()) == {"windows", "macos", "linux"}
    assert events["version"].str.contains(r"^\d{4}").all()
    for column in ("session_id", "user", "product", "version", "device"):
        assert events[column].null_count() == 0 and (events[column] != "").all(), column


def test_each_session_is_one_user_product_device(sessions):
    assert (sessions["n_users"] == 1).all()
    assert (sessions["n_products"] == 1).all()
    assert (sessions["n_devices"] == 1).all()


def test_firm_size_and_period(events):
    """30-60 users, 8-12 products with a rate, 90 days ending 2026-11-20."""
    assert 30 <= events["user"].n_unique() <= 60
    rated = {r["product"] for r in _rates()}
    used = set(events["product"].unique())
    assert 8 <= len(used & rated) <= 12
    first, last = events["instant"].min().date(), events["instant"].max().date()
    assert first >= date(2026, 8, 22) and last <= date(2026, 11, 21)
    assert (last - first).days >= 88
    assert events["team"].drop_nulls().filter(events["team"].drop_nulls() != "").n_unique() == 3


def test_overlap_day_is_the_same_events_with_another_offset(events):
    """The November export repeats the sessions of 2026-10-30 in UTC: same
    identity (session_id, event, instant), other text."""
    keys = ["session_id", "event", "instant"]
    oct_rows = events.filter(pl.col("file") == "events_2026-10.jsonl").select(keys + ["ts"])
    nov_rows = events.filter(pl.col("file") == "events_2026-11.csv.gz").select(keys + ["ts"])
    both = oct_rows.join(nov_rows, on=keys, suffix="_nov")
    assert both.height > 100
    # London (after 2026-10-25) and Fusion rows were in UTC already
    assert (both["ts"] != both["ts_nov"]).sum() > 100
    assert both["ts_nov"].str.ends_with("Z").all()
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    assert f"Those {both.height} rows" in readme


# --- rule cases (sample_logs/README.md) --------------------------------------


def test_readme_session_ids_are_in_the_data(events):
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    ids = re.findall(r"`([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})`", readme)
    assert len(ids) >= 20
    assert set(ids) <= set(events["session_id"].unique())


def test_r5_unterminated_session(sessions):
    s = _one(sessions, "lea.martin" + DOMAIN, "ACAD", "2026-09-09")
    assert not s["has_logout"]
    assert s["last"].isoformat() == "2026-09-09T09:02:00+00:00"


def test_r6_weekend_with_and_without_idle_detection(sessions):
    idle_since = {r["product"]: r["idle_detection_since"] for r in _rates()}
    with_idle = _one(sessions, "hugo.bernard" + DOMAIN, "RVT", "2026-10-16")
    without = _one(sessions, "chloe.dubois" + DOMAIN, "NAVMAN", "2026-10-09")
    for s in (with_idle, without):
        assert s["first"].weekday() == 4 and s["last"].weekday() == 0  # Friday to Monday
        assert s["seconds"] > 2 * 86400
    assert with_idle["year"] >= int(idle_since["RVT"])
    assert without["year"] < int(idle_since["NAVMAN"])


def test_r6_idle_weekend_has_no_activity_on_saturday_or_sunday(events):
    rows = events.filter((pl.col("user") == "hugo.bernard" + DOMAIN) & (pl.col("product") == "RVT"))
    assert rows.filter(pl.col("instant").dt.weekday().is_in([6, 7])).height == 0


def test_r8_sessions_of_4_5_and_6_minutes(sessions):
    user = "noah.petit" + DOMAIN
    assert _one(sessions, user, "ACAD", "2026-09-16")["seconds"] == 240
    assert _one(sessions, user, "ACAD", "2026-09-30")["seconds"] == 300
    assert _one(sessions, user, "ACAD", "2026-09-23")["seconds"] == 360
    # nothing else of noah's ACAD: the grace cases stand alone
    assert sessions.filter((pl.col("user") == user) & (pl.col("product") == "ACAD")).height == 3


def test_r19_two_devices_at_once(sessions):
    rows = sessions.filter(
        (pl.col("user") == "ines.moreau" + DOMAIN)
        & (pl.col("product") == "RVT")
        & (pl.col("first").dt.date() == date(2026, 9, 22))
    ).sort("first")
    assert rows.height == 2 and rows["device"].n_unique() == 2 and rows["year"].n_unique() == 2
    a, b = rows.row(0, named=True), rows.row(1, named=True)
    assert b["first"] < a["last"]  # overlap


def test_r19_more_than_three_devices_within_30_days(sessions):
    rows = sessions.filter((pl.col("user") == "ryan.walsh" + DOMAIN) & (pl.col("product") == "ACAD"))
    assert rows["device"].n_unique() >= 4
    assert rows["first"].max() - rows["first"].min() <= timedelta(days=30)


def test_r18_linux_session_of_a_2019_version(sessions):
    linux_rates = {r["product"]: r["linux"] for r in _rates()}
    s = _one(sessions, "sofia.lambert" + DOMAIN, "MAYA", "2026-10-06")
    assert s["os"] == "linux" and s["year"] == 2019 and linux_rates["MAYA"] == "true"
    s = _one(sessions, "theo.garnier" + DOMAIN, "3DSMAX", "2026-10-14")
    assert s["os"] == "linux" and linux_rates["3DSMAX"] == "false"
    supported = sessions.filter((pl.col("os") == "linux") & (pl.col("product") == "MAYA") & (pl.col("year") >= 2020))
    assert supported.height > 0


def test_r12b_unknown_product(sessions):
    rated = {r["product"] for r in _rates()}
    vred = sessions.filter(pl.col("product") == "VRED")
    assert "VRED" not in rated and vred.height == 2


def test_r17_product_not_assigned(sessions):
    _one(sessions, "megan.obrien" + DOMAIN, "NAVMAN", "2026-10-21")
    hers = {(a["team"], a["product"]) for a in _assignments() if a["user"] == "megan.obrien" + DOMAIN}
    assert hers and ("civil", "NAVMAN") not in hers and ("civil", "*") not in hers


def test_r12_user_in_two_teams_with_rows_naming_no_team(events):
    user = "amara.okafor" + DOMAIN
    teams = {a["team"] for a in _assignments() if a["user"] == user}
    assert teams == {"architecture", "civil"}
    rows = events.filter(pl.col("user") == user)
    assert rows.filter(pl.col("team").is_null() | (pl.col("team") == "")).height > 100


def test_r12_outsiders_are_not_assigned():
    users = {a["user"] for a in _assignments()}
    assert "r.kowalski@partner.example" not in users
    assert "guest.render@studio-north.example" not in users


def test_r11_plugin_autostarted_within_60_s_of_its_host(sessions):
    rates = {r["product"]: r for r in _rates()}
    assert rates["RVTFAB"]["kind"] == "plugin" and rates["RVTFAB"]["host"] == "RVT"
    user = "jules.mercier" + DOMAIN
    host = _one(sessions, user, "RVT", "2026-09-08")
    plug = _one(sessions, user, "RVTFAB", "2026-09-08")
    assert host["device"] == plug["device"]
    assert 0 <= (plug["first"] - host["first"]).total_seconds() <= 60
    deliberate_host = _one(sessions, "adam.chevalier" + DOMAIN, "RVT", "2026-10-01")
    deliberate = _one(sessions, "adam.chevalier" + DOMAIN, "RVTFAB", "2026-10-01")
    assert (deliberate["first"] - deliberate_host["first"]).total_seconds() > 60


def test_packs_sizes_same_day_pair_and_expiry_inside_the_period():
    """R13, R14: sizes 100/500/1000/5000, two bought the same day, one
    bought in 2025 expiring inside the period."""
    with open(SAMPLES / "packs.csv", newline="", encoding="utf-8") as f:
        packs = list(csv.DictReader(f))
    assert {100, 500, 1000, 5000} <= {int(p["tokens"]) for p in packs}
    days = [p["purchased_on"] for p in packs]
    assert any(days.count(d) >= 2 for d in days)
    bought = [date.fromisoformat(p["purchased_on"]) for p in packs]
    expiring = [d for d in bought if d.year == 2025 and date(2026, 8, 23) < d.replace(year=2026) <= date(2026, 11, 20)]
    assert expiring
    assert len({p["team"] for p in packs}) == 4  # the three teams, and survey
    # R13, R21: survey's pack has no user and expires 30 days after the samples end
    survey = [p for p in packs if p["team"] == "survey"]
    assert [(p["tokens"], p["purchased_on"]) for p in survey] == [("300", "2025-12-20")]
