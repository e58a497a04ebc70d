"""The shipped reference data in data/: rates (R10, R6, R11, R18), prices
(R20), token prices. Sourced values match ../shared/spec/domain-facts.md;
every other value says `example`; every row keeps its source."""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"

RATE_COLUMNS = [
    "product",
    "name",
    "kind",
    "host",
    "tokens_per_day",
    "effective_from",
    "idle_detection_since",
    "linux",
    "source",
]
# domain-facts.md, "Daily token rates found in public sources"
SOURCED_RATES = {"ACAD": 7, "RVT": 10, "NAVMAN": 9, "NAVSIM": 4, "FUSION": 3}


def _read(name: str) -> tuple[list[str], list[dict]]:
    with open(DATA / name, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


@pytest.fixture(scope="module")
def rates() -> list[dict]:
    columns, rows = _read("rates.csv")
    assert columns == RATE_COLUMNS
    return rows


def test_sourced_rates_match_domain_facts(rates):
    by_product = {r["product"]: r for r in rates}
    for product, tokens in SOURCED_RATES.items():
        row = by_product[product]
        assert int(row["tokens_per_day"]) == tokens, product
        # the rate itself is sourced: the source does not start with "example"
        assert not row["source"].lower().startswith("example"), product


def test_every_rate_row_has_a_source_and_unsourced_ones_say_example(rates):
    for row in rates:
        assert row["source"].strip(), row["product"]
        if row["product"] not in SOURCED_RATES:
            assert row["source"].lower().startswith("example"), row["product"]


def test_rate_values_are_well_typed(rates):
    for row in rates:
        assert row["kind"] in ("product", "plugin")
        assert int(row["tokens_per_day"]) > 0
        date.fromisoformat(row["effective_from"])
        assert row["idle_detection_since"] == "" or re.fullmatch(r"\d{4}", row["idle_detection_since"])
        assert row["linux"] in ("true", "false")
    keys = [(r["product"], r["effective_from"]) for r in rates]
    assert len(keys) == len(set(keys)), "one row per product and effective_from (R10)"


def test_plugins_have_a_host_that_is_a_product(rates):
    """R11: a plug-in is charged as a product of its own, beside its host."""
    kinds = {r["product"]: r["kind"] for r in rates}
    plugins = [r for r in rates if r["kind"] == "plugin"]
    assert plugins
    for row in plugins:
        assert kinds.get(row["host"]) == "product", row["product"]
    for row in rates:
        if row["kind"] == "product":
            assert row["host"] == "", row["product"]


def test_every_sample_product_has_a_rate_except_the_unknown_one(rates):
    """The samples use only rated products, bar VRED, the R12b case."""
    from app.generate.firm import PEOPLE

    used = {u.product for p in PEOPLE for u in p.uses}
    rated = {r["product"] for r in rates}
    assert used <= rated
    assert "VRED" not in rated


def test_subscription_prices_are_sourced_or_example():
    """R20: sourced figures of domain-facts.md; the rest marked example."""
    columns, rows = _read("prices.csv")
    assert columns == ["product", "annual_subscription_price", "currency", "source"]
    by_product = {r["product"]: r for r in rows}
    assert 2835 <= float(by_product["RVT"]["annual_subscription_price"]) <= 2985
    assert float(by_product["NAVMAN"]["annual_subscription_price"]) == 2605
    assert float(by_product["FUSION"]["annual_subscription_price"]) == 680
    for row in rows:
        assert row["source"].strip() and float(row["annual_subscription_price"]) > 0
        if row["product"] not in ("RVT", "NAVMAN", "FUSION"):
            assert row["source"].lower().startswith("example"), row["product"]


def test_token_price_is_the_list_price_with_its_source():
    columns, rows = _read("token_prices.csv")
    assert columns == ["pack_size", "unit_price", "currency", "source"]
    assert {int(r["pack_size"]) for r in rows} == {100, 500, 1000, 5000}
    for row in rows:
        assert float(row["unit_price"]) == 3.0 and row["currency"] == "USD"
        assert row["source"].strip()
