"""`flexdash generate`: deterministic, the contract's columns, offsets on
every ts (R1, R2), sizes that scale, data the importer takes whole."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import polars as pl
import pyarrow.parquet as pq
import pytest

from app import store
from app.cli import main
from app.generate.formats import ASSIGNMENT_COLUMNS, EVENT_COLUMNS, PACK_COLUMNS
from app.generate.synthetic import Plan, generate, users_for_events

TS_WITH_OFFSET = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$"
FILES = ["events.csv", "events.parquet", "packs.csv", "assignments.csv"]


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("gen") / "set"
    generate(Plan(users=30, days=21, seed=7), out, csv_out=True, parquet_out=True)
    return out


@pytest.fixture(scope="module")
def events(small) -> pl.DataFrame:
    frame = pl.read_csv(small / "events.csv", infer_schema=False)
    return frame.with_columns(
        pl.col("ts")
        .str.replace(r"Z$", "+00:00")
        .str.to_datetime("%Y-%m-%dT%H:%M:%S%:z", time_zone="UTC")
        .alias("instant")
    )


def _header(path: Path) -> tuple[str, ...]:
    with open(path, encoding="utf-8") as f:
        return tuple(f.readline().rstrip("\n").split(","))


def test_same_seed_gives_identical_bytes(small, tmp_path):
    again = tmp_path / "again"
    generate(Plan(users=30, days=21, seed=7), again, csv_out=True, parquet_out=True)
    for name in FILES:
        assert (again / name).read_bytes() == (small / name).read_bytes(), name


def test_another_seed_gives_other_events(small, tmp_path):
    generate(Plan(users=30, days=21, seed=8), tmp_path, csv_out=True)
    assert (tmp_path / "events.csv").read_bytes() != (small / "events.csv").read_bytes()


def test_columns_are_exactly_the_contract(small):
    assert _header(small / "events.csv") == EVENT_COLUMNS
    assert tuple(pq.ParquetFile(small / "events.parquet").schema_arrow.names) == EVENT_COLUMNS
    assert _header(small / "packs.csv") == PACK_COLUMNS
    assert _header(small / "assignments.csv") == ASSIGNMENT_COLUMNS


def test_parquet_holds_the_same_rows_as_the_csv(small, events):
    parquet = pl.read_parquet(small / "events.parquet")
    assert parquet.equals(events.drop("instant"))


def test_every_ts_has_an_offset(events):
    """R2: a naive timestamp would be rejected; the generator never writes one."""
    assert events["ts"].str.contains(TS_WITH_OFFSET).all()
    assert events["ts"].str.slice(19).n_unique() >= 2  # several offices


def test_events_are_realistic_sessions(events):
    """Login first; activities a few minutes apart with some gaps over 15
    minutes (R6); some logouts missing (R5); no repeated identity."""
    assert events.height == events.unique(["session_id", "event", "instant"]).height
    ordered = events.sort("session_id", "instant")
    first = ordered.group_by("session_id", maintain_order=True).agg(pl.col("event").first())
    assert (first["event"] == "login").all()
    sessions = ordered.group_by("session_id").agg(
        (pl.col("event") == "logout").sum().alias("logouts"),
        pl.col("user").n_unique().alias("users"),
        pl.col("product").n_unique().alias("products"),
    )
    assert (sessions["users"] == 1).all() and (sessions["products"] == 1).all()
    assert sessions["logouts"].max() == 1
    missing = (sessions["logouts"] == 0).mean()
    assert 0 < missing < 0.1
    gaps = ordered.with_columns(pl.col("instant").diff().over("session_id").dt.total_seconds().alias("gap"))
    gap = gaps["gap"].drop_nulls()
    assert gap.median() < 600
    assert 0 < (gap > 900).mean() < 0.2


def test_events_lie_in_the_period(events):
    plan = Plan(users=30, days=21, seed=7)
    days = events["instant"].dt.date()
    assert days.min() >= plan.start - timedelta(days=1)
    assert days.max() <= plan.end + timedelta(days=1)


def test_several_teams_products_per_user_and_some_rows_without_team(events):
    teams = set(events["team"].drop_nulls().unique()) - {""}
    assert len(teams) >= 3
    assert events["team"].is_null().any() or (events["team"] == "").any()  # R12
    per_user = events.group_by("user").agg(pl.col("product").n_unique())
    assert per_user["product"].max() >= 2


def test_every_used_product_is_assigned_to_its_user(small, events):
    """So team resolution (R12) and access (R17) charge the generated use."""
    assigned = pl.read_csv(small / "assignments.csv", infer_schema=False)
    used = events.select("user", "product").unique()
    missing = used.join(assigned, on=["user", "product"], how="anti")
    assert missing.height == 0


def test_packs_cover_every_team_and_the_last_team_gets_less(small, events):
    packs = pl.read_csv(small / "packs.csv", infer_schema=False)
    teams = set(events["team"].drop_nulls().unique()) - {""}
    assert set(packs["team"].unique()) == teams
    assert packs["pack_id"].n_unique() == packs.height
    assert (packs["tokens"].cast(pl.Int64) > 0).all()
    # one pack per team bought within the year before the period, expiring inside it (R13)
    plan = Plan(users=30, days=21, seed=7)
    old = packs.filter(pl.col("purchased_on") < str(plan.start))
    assert set(old["team"]) == teams


@pytest.mark.parametrize("users,days", [(20, 14), (40, 14), (20, 28)])
def test_sizes_scale_with_users_and_days(tmp_path, users, days):
    summary = generate(Plan(users=users, days=days, seed=3), tmp_path)
    # expected about 29 events per user and calendar day (EVENTS_PER_USER_DAY),
    # two weeks each: allow for the randomness of small sets
    expected = users * days * 29
    assert 0.6 * expected < summary["events"] < 1.4 * expected


def test_events_option_aims_at_a_count(tmp_path):
    users = users_for_events(60_000, 30)
    assert users == round(60_000 / (30 * 29))
    summary = generate(Plan(users=users, days=30, seed=1), tmp_path)
    assert 0.75 * 60_000 < summary["events"] < 1.25 * 60_000


def test_command_writes_the_folder(tmp_path, capsys):
    out = tmp_path / "bench"
    assert main(["generate", "--users", "10", "--days", "7", "--seed", "2", "--format", "both", str(out)]) == 0
    assert {p.name for p in out.iterdir()} == set(FILES)
    assert "events" in capsys.readouterr().out


def test_command_refuses_bad_arguments(tmp_path):
    with pytest.raises(SystemExit) as exc:
        main(["generate", "--users", "0", str(tmp_path)])
    assert exc.value.code == 2
    assert main(["generate", "--end", "2026-13-01", str(tmp_path)]) == 2


def test_a_tiny_set_imports_with_zero_rejects(tmp_path):
    from app.ingest import import_paths

    out = tmp_path / "tiny"
    summary = generate(Plan(users=8, days=7, seed=5), out, csv_out=True, parquet_out=False)
    con = store.connect_write(tmp_path / "store.duckdb")
    try:
        results = import_paths(con, [out])
    finally:
        con.close()
    by_kind = {r.kind: r for r in results}
    assert by_kind["events"].rows == summary["events"] == by_kind["events"].accepted
    for r in results:
        assert r.rejected == 0 and r.rows == r.accepted, r
    assert by_kind["packs"].accepted == summary["packs"]
    assert by_kind["assignments"].accepted == summary["assignments"]


def test_a_set_without_sessions_is_header_only(tmp_path):
    """A single Sunday for three users: no session, still valid files."""
    from datetime import date

    summary = generate(Plan(users=3, days=1, seed=1, end=date(2026, 11, 22)), tmp_path, csv_out=True, parquet_out=True)
    assert summary["events"] == 0
    assert (tmp_path / "events.csv").read_text() == ",".join(EVENT_COLUMNS) + "\n"
    assert pq.ParquetFile(tmp_path / "events.parquet").metadata.num_rows == 0


def test_generate_help_lists_only_the_options_it_uses(capsys):
    import pytest

    from app.cli import main

    with pytest.raises(SystemExit):
        main(["generate", "--help"])
    text = capsys.readouterr().out
    assert "--db" not in text and "--users" in text and "--events" in text
